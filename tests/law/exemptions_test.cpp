// Exemptions and directions (LGHA 1989 s.3, s.3A) as statements of a policy: only a post whose
// sole category is 8 can be exempted; a direction puts a post on the list under category 8;
// every report shows the exempted posts apart, with the decision, and `explain` says why.
#include <catch2/catch.hpp>
#include <string>

#include "tests/explain/cli_golden.hpp"
#include "tests/law/exemption_fixture.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using Catch::Matchers::Contains;
using remit::test::exemption_council;
using remit::test::first_line;
using remit::test::Listing;
using remit::test::load_text;
using remit::test::run_cli;

const std::string exempt_adviser =
    "exempt adviser-1 granted 2025-03-01 by \"Head of Paid Service\" cite \"LGHA 1989 s.3A\"\n";
const std::string direct_press =
    "include press-officer directed 2025-04-01 by \"Head of Paid Service\" cite \"LGHA 1989 "
    "s.3A(4)\"\n";

bool listed(const Listing& list, const std::string& id) {
  for (const auto& l : list) {
    if (l.id == id) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("law: an exempted category 8 post leaves the list", "[law][exemption]") {
  auto before = load_text(exemption_council);
  REQUIRE(before.ok);
  CHECK(listed(before.restricted(), "adviser-1"));
  auto after = load_text(exemption_council + exempt_adviser);
  REQUIRE(after.ok);
  CHECK_FALSE(listed(after.restricted(), "adviser-1"));
  CHECK(listed(after.restricted(), "tra-cdp"));
}

TEST_CASE("law: exempting a category 3 post is an error naming the category", "[law][exemption]") {
  auto p = load_text(exemption_council +
                     "exempt tra-cdp granted 2025-03-01 by \"Head of Paid Service\"\n");
  CHECK_FALSE(p.ok);
  CHECK(first_line(p.diagnostics()) ==
        "test.remit:12:8: error: tra-cdp is in category 3 (Non-Statutory Chief Officers): only "
        "category 8 posts can be exempted (LGHA 1989 s.3A)");
}

TEST_CASE("law: exempting a post that meets no category is a warning", "[law][exemption]") {
  auto p = load_text(exemption_council +
                     "exempt press-officer granted 2025-03-01 by \"Head of Paid Service\"\n");
  REQUIRE(p.ok);
  CHECK_THAT(p.diagnostics(),
             Contains("test.remit:12:8: warning: press-officer meets no category, so it is not "
                      "on the list: the exemption has nothing to exempt"));
}

TEST_CASE("law: a direction lists a post under category 8", "[law][exemption]") {
  auto p = load_text(exemption_council + direct_press);
  REQUIRE(p.ok);
  const Listing list = p.restricted();
  CHECK(std::find(list.begin(), list.end(), remit::test::Listed{8, "press-officer"}) != list.end());
}

TEST_CASE("law: a direction for a post already listed is a warning", "[law][exemption]") {
  auto p = load_text(exemption_council +
                     "include tra-cdp directed 2025-04-01 by \"Head of Paid Service\"\n");
  REQUIRE(p.ok);
  CHECK_THAT(p.diagnostics(), Contains("warning: tra-cdp is already on the list, in category 3"));
}

TEST_CASE("law: an exemption's date must be a real date", "[law][exemption]") {
  auto p = load_text(exemption_council +
                     "exempt adviser-1 granted 2025-02-30 by \"Head of Paid Service\"\n");
  CHECK_FALSE(p.ok);
  CHECK(first_line(p.diagnostics()) ==
        "test.remit:12:26: error: '2025-02-30' is not a date: write YYYY-MM-DD, e.g. 2025-03-01");
  auto q = load_text(exemption_council + "exempt adviser-1 granted March by \"HoPS\"\n");
  CHECK_FALSE(q.ok);
  CHECK(first_line(q.diagnostics()) ==
        "test.remit:12:26: error: expected a date written YYYY-MM-DD, e.g. 2025-03-01");
}

TEST_CASE("law: an exemption of an unknown post suggests the id", "[law][exemption]") {
  auto p = load_text(exemption_council + "exempt adviser1 granted 2025-03-01 by \"HoPS\"\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()),
             Contains("test.remit:12:8: error: an exemption is granted to 'adviser1', which is "
                      "not a post or body (did you mean 'adviser-1'?)"));
}

TEST_CASE("law: a post named by two exemptions is an error", "[law][exemption]") {
  auto p = load_text(exemption_council + exempt_adviser + exempt_adviser);
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diagnostics(), Contains("test.remit:13:1: error: post 'adviser-1' is named by a "
                                       "second exemption or direction"));
}

TEST_CASE("law: explain says why an exempted post is not listed", "[law][exemption][explain]") {
  remit::test::TempDir dir;
  const auto path = dir.write("council.remit", exemption_council + exempt_adviser);
  const auto r = run_cli({"explain", "--width", "0", path.string(), "adviser-1"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("adviser-1 \"Policy Adviser\" is not politically restricted: "
                             "exempted on 2025-03-01 by the Head of Paid Service under LGHA "
                             "1989 s.3A"));
  const auto plain = run_cli({"explain", "--width", "0", path.string(), "adviser-1", "--plain"});
  CHECK_THAT(plain.out, Contains("exempted on 2025-03-01 by the Head of Paid Service"));
  const auto directed =
      run_cli({"explain", "--width", "0",
               dir.write("d.remit", exemption_council + direct_press).string(), "press-officer"});
  CHECK(directed.status == 0);
  CHECK_THAT(directed.out, Contains("directed onto the list on 2025-04-01 by the Head of Paid "
                                    "Service under LGHA 1989 s.3A(4)"));
}

TEST_CASE("law: the exempt error is bad input on the command line", "[law][exemption][cli]") {
  remit::test::TempDir dir;
  const auto path = dir.write(
      "council.remit", exemption_council + "exempt tra-cdp granted 2025-03-01 by \"HoPS\"\n");
  const auto r = run_cli({"derive", "--width", "0", path.string()});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("council.remit:12:8: error: tra-cdp is in category 3"));
}

TEST_CASE("law: every format of derive shows exempted posts apart", "[law][exemption][report]") {
  remit::test::TempDir dir;
  const auto path = dir.write("council.remit", exemption_council + exempt_adviser);
  const auto text = run_cli({"derive", "--width", "0", path.string(), "--format", "table"});
  CHECK(text.status == 0);
  CHECK_THAT(text.out, Contains("Exempted - not politically restricted (LGHA 1989 s.3, s.3A): 1 "
                                "post\n  adviser-1  Policy Adviser\n    exempted on 2025-03-01 by "
                                "the Head of Paid Service under LGHA 1989 s.3A\n"));
  const auto csv = run_cli({"derive", "--width", "0", path.string(), "--format", "csv"});
  CHECK_THAT(csv.out, Contains("\nexempted,adviser-1,Policy Adviser,,,exempted on 2025-03-01 by "
                               "the Head of Paid Service under LGHA 1989 s.3A\n"));
  const auto json = run_cli({"derive", "--width", "0", path.string(), "--format", "json"});
  CHECK_THAT(json.out, Contains("\"exempted\": [\n    {\n      \"id\": \"adviser-1\""));
  CHECK_THAT(json.out, Contains("\"date\": \"2025-03-01\""));
  const auto md = run_cli({"derive", "--width", "0", path.string(), "--format", "markdown"});
  CHECK_THAT(md.out, Contains("## Exempted"));
  CHECK_THAT(md.out, Contains("| Policy Adviser |  |  | adviser-1 | exempted on 2025-03-01"));
  const auto html = run_cli({"report", path.string(), "-o", (dir.path() / "r.html").string()});
  CHECK(html.status == 0);
  const std::string page = remit::test::file_text(dir.path() / "r.html");
  CHECK_THAT(page, Contains("<h2 id=\"exempted\">Exempted posts</h2>"));
  CHECK_THAT(page, Contains("Exempted on 2025-03-01 by the Head of Paid Service"));
}

TEST_CASE("law: a what-if keeps the exemptions of the policy", "[law][exemption][whatif]") {
  remit::test::TempDir dir;
  const auto path =
      dir.write("council.remit", exemption_council + exempt_adviser +
                                     "scenario \"press\" {\n"
                                     "  designate press-officer as monitoring_officer\n"
                                     "}\n");
  const auto r = run_cli({"whatif", "--width", "0", path.string(), "--scenario", "press"});
  CHECK(r.status != 2);
  CHECK_THAT(r.out, !Contains("adviser-1"));
  // Moving the adviser under the chief executive makes it a chief officer: the exemption
  // cannot hold it off the list, and the what-if says so by listing it.
  const auto moved = dir.write("moved.remit", exemption_council + exempt_adviser +
                                                  "scenario \"up\" {\n"
                                                  "  move adviser-1 to report to ceo\n"
                                                  "}\n");
  const auto m = run_cli({"whatif", "--width", "0", moved.string(), "--scenario", "up"});
  CHECK(m.status != 2);
  CHECK_THAT(m.out, Contains("adviser-1"));
}

TEST_CASE("law: derive's JSON gives a directed post its direction", "[law][exemption][json]") {
  remit::test::TempDir dir;
  const auto path = dir.write("council.remit", exemption_council + direct_press);
  const auto r = run_cli({"derive", path.string(), "--format", "json"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("\"id\": \"press-officer\""));
  CHECK_THAT(r.out, Contains("\"direction\": {\n        \"date\": \"2025-04-01\""));
  CHECK_THAT(r.out, !Contains("\"exempted\""));
}

TEST_CASE("law: check counts only the rules not set aside", "[law][rules][json]") {
  remit::test::TempDir dir;
  const auto all =
      run_cli({"check", dir.write("a.remit", exemption_council).string(), "--format", "json"});
  const auto fewer =
      run_cli({"check",
               dir.write("b.remit", exemption_council + "set aside rule \"exactly one Head of "
                                                        "Paid Service\" because \"x\"\n")
                   .string(),
               "--format", "json"});
  CHECK_THAT(all.out, Contains("\"rules_checked\": 8"));
  CHECK_THAT(fewer.out, Contains("\"rules_checked\": 7"));
}
