// `remit explain --plain`: a post's reason in sentences for the people who read the list, built
// from the explanation's values (explain/plain.hpp): the posts by title and id, the categories
// by number and name, the shares, the Act cited; no file locations, no policy syntax.
#include "explain/plain.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "remit/remit.hpp"
#include "resolve/organisation.hpp"
#include "resolve/resolver.hpp"
#include "tests/explain/cli_golden.hpp"
#include "tests/support/policy_fixture.hpp"

namespace {

using remit::test::policy_inputs;
using remit::test::text_inputs;

using remit::test::run_cli;

std::string plain(remit::Run& run, const std::string& id) {
  auto u = run.resolved().organisation.find_unit(id);
  REQUIRE(u);
  return remit::plain_text(remit::explain_listing(run, *u), run);
}

remit::Run& council_000() {
  static remit::Run run;
  static const bool loaded = run.load(policy_inputs("policies/council-000/"));
  REQUIRE(loaded);
  return run;
}

}  // namespace

TEST_CASE(
    "plain: a deputy chief officer's reason names its manager, the manager's category, "
    "the share and the Act",
    "[explain][plain]") {
  CHECK(plain(council_000(), "dir_housing") ==
        "Director of Housing (dir_housing) is in category 4 (Deputy Chief Officers) because it "
        "reports directly to the Executive Director of Regeneration, Housing and Environmental "
        "Services (ed_rhes), which meets category 3 (Non-Statutory Chief Officers), for all of "
        "its duties: LGHA 1989 s.2(1)(d), s.2(8), s.2(9).\n");
}

TEST_CASE("plain: a designated post says the designation in words", "[explain][plain]") {
  CHECK(plain(council_000(), "ceo") ==
        "Chief Executive (ceo) is in category 1 (The Head of Paid Service) because it is "
        "designated head of paid service: LGHA 1989 s.2(1)(a), s.4.\n");
}

TEST_CASE("plain: a post meeting two categories says why it is listed in one", "[explain][plain]") {
  const std::string text = plain(council_000(), "mo");
  CHECK(
      text.starts_with("Director of Law & Governance (Monitoring Officer) (mo) is in category 5 "
                       "(The Monitoring Officer) because it is designated monitoring officer: "
                       "LGHA 1989 s.2(1)(e), s.5.\n"));
  CHECK(text.find("\nIt also meets category 4, but a post is listed once") != std::string::npos);
}

TEST_CASE("plain: a share of the duties is given as a percentage", "[explain][plain]") {
  remit::Run run;
  REQUIRE(run.load(text_inputs(R"(use "uk/lgha1989"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dfin "Director of Finance" { reports to ceo designated section_151_officer }
post hpart "Head of Partnerships" { reports to dfin 60%, ceo 40% }
)")));
  // The 40% line to the Head of Paid Service makes hpart a non-statutory chief officer: the
  // head of paid service is directly responsible for it (LGHA 1989 s.2(7)(a)).
  const std::string text = plain(run, "hpart");
  CHECK(text.find("reports directly to the Chief Executive (ceo), which meets category 1 (The "
                  "Head of Paid Service), for 40% of its duties") != std::string::npos);
  CHECK(text.find("(LGHA 1989 s.2(7)(a))") != std::string::npos);
}

TEST_CASE("plain: a post in no category says what each category lacks", "[explain][plain]") {
  remit::Run run;
  REQUIRE(run.load(text_inputs(R"(use "uk/lgha1989"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dir "Director of Place" { reports to ceo }
post hp "Head of Planning" { reports to dir }
post pa "Planning Assistant" { reports to hp }
)")));
  const std::string text = plain(run, "pa");
  CHECK(
      text.starts_with("Planning Assistant (pa) is not politically restricted: it meets none "
                       "of the categories of the policy.\n"));
  CHECK(text.find("It does not meet category 1 (The Head of Paid Service): it is not designated "
                  "head_of_paid_service.\n") != std::string::npos);
}

TEST_CASE("plain: no explanation of council-000 names a file or a line", "[explain][plain]") {
  remit::Run& run = council_000();
  for (const remit::ListedPost& p : run.restricted_posts()) {
    const std::string text = remit::plain_text(remit::explain_listing(run, p.unit), run);
    INFO(text);
    CHECK(text.find(".remit") == std::string::npos);
    CHECK(text.find('`') == std::string::npos);
    CHECK(text.ends_with(".\n"));
  }
}

TEST_CASE("plain: citations of one Act are grouped, others follow", "[explain][plain]") {
  CHECK(remit::citations_text({"LGHA 1989 s.2(1)(b)", "LGHA 1989 s.2(6)", "LGA 1972 s.151",
                               "Children Act 2004 s.18"}) ==
        "LGHA 1989 s.2(1)(b), s.2(6); LGA 1972 s.151; Children Act 2004 s.18");
  CHECK(remit::citations_text({"the council's constitution"}) == "the council's constitution");
  CHECK(remit::citations_text({}).empty());
}

TEST_CASE("cli: remit explain --plain prints the reason in sentences", "[explain][plain][cli]") {
  auto r = run_cli({"explain", "--plain", "policies/council-000/", "dir_housing"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("Director of Housing (dir_housing) is in category 4"));
  // The default output is the technical one, with locations.
  auto technical = run_cli({"explain", "policies/council-000/", "dir_housing"});
  CHECK(technical.out.find("stdlib/england/lgha1989.remit:") != std::string::npos);
}

TEST_CASE("cli: remit explain --plain --why-not says what the category lacks",
          "[explain][plain][cli]") {
  auto r = run_cli(
      {"explain", "--plain", "--width", "0", "policies/council-000/", "dph", "--why-not", "2"});
  CHECK(r.status == 0);
  CHECK(r.out ==
        "Director of Public Health (dph) does not meet category 2 (Statutory Chief Officers): it "
        "is not designated section_151_officer, director_of_childrens_services or "
        "director_of_adult_social_services.\n");
}

TEST_CASE("cli: remit explain --plain is refused with --breach or --format",
          "[explain][plain][cli]") {
  CHECK(run_cli({"explain", "--plain", "policies/council-000/", "--breach", "1"}).status == 2);
  CHECK(
      run_cli({"explain", "--plain", "policies/council-000/", "ceo", "--format", "json"}).status ==
      2);
}

TEST_CASE("plain: a line to the council needs no reason for the council", "[explain][plain]") {
  remit::Run run;
  REQUIRE(run.load(text_inputs(R"(use "uk/lgha1989"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post clerk "Clerk to the Council" { reports to council }
)")));
  CHECK(plain(run, "clerk") ==
        "Clerk to the Council (clerk) is in category 3 (Non-Statutory Chief Officers) because it "
        "reports directly to the Full Council (council) for all of its duties: LGHA 1989 "
        "s.2(1)(c), s.2(7), s.2(9).\n");
}
