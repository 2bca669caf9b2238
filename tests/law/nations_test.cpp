// The law of each nation as the standard library encodes it (stdlib/england, stdlib/wales,
// stdlib/scotland; docs/law-england.md, docs/law-wales.md, docs/law-scotland.md): which posts
// each nation's categories restrict, with which citations, and which combinations of offices
// its rules forbid.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/breach.hpp"
#include "tests/explain/cli_golden.hpp"
#include "tests/support/policy_fixture.hpp"

namespace {

using remit::test::Listed;
using remit::test::Listing;
using remit::test::load_text;
using remit::test::LoadedPolicy;
using Strings = std::vector<std::string>;

// The title of every breach `remit check` would report, in its order.
Strings breach_titles(LoadedPolicy& p) {
  Strings out;
  for (const remit::Breach& b :
       remit::describe(p.run->program(), p.run->resolved().organisation, p.run->breaches())) {
    out.push_back(remit::breach_title(b));
  }
  return out;
}

bool has(const Strings& all, std::string_view one) {
  return std::find(all.begin(), all.end(), one) != all.end();
}

// The citations of category `number`, as the policy (and the modules it uses) declare it.
Strings category_cites(const LoadedPolicy& p, std::uint32_t number) {
  Strings out;
  for (const remit::ast::CategoryDecl& c : p.run->program().categories) {
    if (c.number != number) continue;
    for (const remit::ast::Text& t : c.cites) out.emplace_back(t.text);
  }
  return out;
}

// The citations of the designation (or duty) `id`, as uk/roles declares it.
Strings vocabulary_cites(const LoadedPolicy& p, std::string_view id) {
  Strings out;
  for (const remit::ast::VocabularyDecl& v : p.run->program().vocabulary) {
    if (v.id.text != id) continue;
    for (const remit::ast::Text& t : v.cites) out.emplace_back(t.text);
  }
  return out;
}

// A Scottish council's senior structure: the chief social work officer and the s.95 officer
// sit under a director, where in England a line like theirs would make a deputy chief officer.
const std::string scottish_council = R"(use "scotland/lgha1989"
use "scotland/statutory_officers"
body council "The Council"
post ce "Chief Executive" { reports to council designated head_of_paid_service }
post dir_people "Executive Director of People" { reports to ce }
post cswo "Chief Social Work Officer" { reports to dir_people designated chief_social_work_officer }
post dir_fin "Head of Finance" { reports to dir_people designated section_95_officer }
post head_legal "Head of Legal Services" { reports to dir_people designated monitoring_officer }
)";

const std::string welsh_council = R"(use "wales/lgha1989"
use "wales/statutory_officers"
body council "The Council"
post ce "Chief Executive" { reports to council designated chief_executive }
post dir_res "Corporate Director of Resources" { reports to ce designated section_151_officer }
post dir_ss "Director of Social Services" { reports to ce designated director_of_social_services }
post head_legal "Head of Legal Services" { reports to dir_res designated monitoring_officer }
post head_dem "Head of Democratic Services" { reports to head_legal designated head_of_democratic_services }
)";

const std::string english_district = R"(use "england/lgha1989"
use "england/statutory_officers"
body council "Full Council"
post ce "Chief Executive" { reports to council designated head_of_paid_service }
post dir_res "Director of Resources" { reports to ce designated section_151_officer }
post head_legal "Head of Legal Services" { reports to ce designated monitoring_officer }
)";

}  // namespace

TEST_CASE(
    "Scotland: the chief social work officer and the s.95 officer are statutory chief "
    "officers",
    "[law][scotland]") {
  auto p = load_text(scottish_council);
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  const Listing listed = p.restricted();
  CHECK(std::find(listed.begin(), listed.end(), Listed{2, "cswo"}) != listed.end());
  CHECK(std::find(listed.begin(), listed.end(), Listed{2, "dir_fin"}) != listed.end());
  CHECK(vocabulary_cites(p, "chief_social_work_officer") ==
        Strings{"Social Work (Scotland) Act 1968 s.3", "LGHA 1989 s.2(6)(c)"});
  CHECK(vocabulary_cites(p, "section_95_officer") ==
        Strings{"LG(S)A 1973 s.95", "LGHA 1989 s.2(6)(d)"});
  CHECK(breach_titles(p).empty());
}

TEST_CASE("Scotland: category 7 cites the list kept under LG(S)A 1973 s.50G(2)",
          "[law][scotland]") {
  auto p = load_text(scottish_council);
  REQUIRE(p.ok);
  const Strings cites = category_cites(p, 7);
  CHECK(has(cites, "LG(S)A 1973 s.50G(2)"));
  CHECK_FALSE(has(cites, "LGA 1972 s.100G(2)"));
}

TEST_CASE("Scotland: the Head of Paid Service may also be the Monitoring Officer",
          "[law][scotland]") {
  auto p = load_text(R"(use "scotland/lgha1989"
use "scotland/statutory_officers"
body council "The Council"
post ce "Chief Executive" { reports to council designated head_of_paid_service, monitoring_officer }
post dir_fin "Head of Finance" { reports to ce designated section_95_officer }
post cswo "Chief Social Work Officer" { reports to ce designated chief_social_work_officer }
person p_ce "A. Invented" { holds ce }
)");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(breach_titles(p).empty());
}

TEST_CASE("Scotland: the Monitoring Officer may not be the s.95 officer, and no accountant rule",
          "[law][scotland]") {
  auto p = load_text(scottish_council + R"(
person p_a "A. Invented" { holds ce, dir_fin }
person p_b "B. Invented" { holds head_legal }
person p_c "C. Invented" { holds cswo }
)");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  // The Head of Paid Service is also the s.95 officer without being a qualified accountant:
  // lawful in Scotland, where LGFA 1988 s.113 does not extend.
  CHECK(breach_titles(p).empty());

  auto both = load_text(scottish_council + R"(
person p_a "A. Invented" { holds head_legal, dir_fin }
)");
  REQUIRE(both.ok);
  CHECK(breach_titles(both) == Strings{"incompatible monitoring_officer with section_95_officer"});
}

TEST_CASE("England: a district council's Head of Paid Service may not be the Monitoring Officer",
          "[law][england]") {
  auto p = load_text(english_district + R"(
person p_a "A. Invented" { holds ce, head_legal }
)");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(has(breach_titles(p), "incompatible monitoring_officer with head_of_paid_service"));
}

TEST_CASE(
    "Wales: the chief executive is category 1, the head of democratic services is "
    "restricted by s.2(1)(h)",
    "[law][wales]") {
  auto p = load_text(welsh_council);
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() ==
        Listing{{1, "ce"}, {2, "dir_res"}, {2, "dir_ss"}, {5, "head_legal"}, {9, "head_dem"}});
  CHECK(category_cites(p, 1) == Strings{"LGHA 1989 s.2(1A)", "LG&E(W)A 2021 s.54"});
  CHECK(category_cites(p, 9) == Strings{"LGHA 1989 s.2(1)(h)", "LG(W)M 2011 s.8"});
  CHECK(breach_titles(p).empty());
}

TEST_CASE("Wales: the Monitoring Officer may not be the chief executive", "[law][wales]") {
  auto p = load_text(welsh_council + R"(
person p_a "A. Invented" { holds ce, head_legal }
)");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(breach_titles(p) == Strings{"incompatible monitoring_officer with chief_executive"});

  auto one_post = load_text(R"(use "wales/lgha1989"
use "wales/statutory_officers"
body council "The Council"
post ce "Chief Executive" { reports to council designated chief_executive, monitoring_officer }
)");
  REQUIRE(one_post.ok);
  CHECK(has(breach_titles(one_post),
            "forbid \"a post designated Monitoring Officer is not also the chief executive\""));
}

TEST_CASE(
    "Wales: the head of democratic services is neither the chief executive nor the chief "
    "finance officer",
    "[law][wales]") {
  auto p = load_text(welsh_council + R"(
person p_a "A. Invented" { holds ce, head_dem }
person p_b "B. Invented" { holds dir_res }
)");
  REQUIRE(p.ok);
  CHECK(breach_titles(p) ==
        Strings{"incompatible head_of_democratic_services with chief_executive"});
  // It may be the Monitoring Officer: s.8(4)(b) was omitted.
  auto mo = load_text(welsh_council + R"(
person p_a "A. Invented" { holds head_legal, head_dem }
)");
  REQUIRE(mo.ok);
  CHECK(breach_titles(mo).empty());
}

TEST_CASE("Wales: a Head of Paid Service designation is a breach naming s.4(6)", "[law][wales]") {
  auto p = load_text(welsh_council + R"(
post hops "Head of Paid Service" { reports to ce designated head_of_paid_service }
)");
  REQUIRE(p.ok);
  CHECK(has(breach_titles(p),
            "forbid \"a Welsh council designates a chief executive, not a Head of Paid "
            "Service\""));
}

TEST_CASE("political assistants: more than three posts is a breach in every nation", "[law]") {
  for (const char* nation : {"england", "wales", "scotland"}) {
    INFO(nation);
    std::string policy =
        std::string("use \"") + nation + "/lgha1989\"\nuse \"" + nation + "/statutory_officers\"\n";
    for (int i = 1; i <= 4; ++i) {
      policy += "post pa" + std::to_string(i) + " \"Political Assistant " + std::to_string(i) +
                "\" { designated political_assistant }\n";
    }
    auto p = load_text(policy);
    INFO(p.diagnostics());
    REQUIRE(p.ok);
    CHECK(has(breach_titles(p), "require \"at most three political assistant posts\""));
    const Listing listed = p.restricted();
    CHECK(std::count_if(listed.begin(), listed.end(),
                        [](const Listed& l) { return l.category == 6; }) == 4);
  }
}

TEST_CASE("political assistants: delegated powers or a statutory office is a breach", "[law]") {
  for (const char* nation : {"england", "wales", "scotland"}) {
    INFO(nation);
    const std::string uses =
        std::string("use \"") + nation + "/lgha1989\"\nuse \"" + nation + "/statutory_officers\"\n";
    auto powers = load_text(uses + R"(
post pa "Political Assistant" { designated political_assistant duties delegated_powers }
)");
    REQUIRE(powers.ok);
    CHECK(has(breach_titles(powers),
              "forbid \"a political assistant post exercises no delegated powers\""));
    auto office = load_text(uses + R"(
post pa "Political Assistant" { designated political_assistant, monitoring_officer }
)");
    REQUIRE(office.ok);
    CHECK(has(breach_titles(office),
              "forbid \"a political assistant post carries no statutory office\""));
  }
}

TEST_CASE("uk/lgha1989 and uk/statutory_officers still mean England", "[law][england]") {
  std::string through_uk = english_district;
  for (std::string_view module : {"lgha1989", "statutory_officers"}) {
    const std::string from = "\"england/" + std::string(module) + "\"";
    through_uk.replace(through_uk.find(from), from.size(), "\"uk/" + std::string(module) + "\"");
  }
  const std::string people = "person p_a \"A. Invented\" { holds ce, head_legal }\n";
  auto england = load_text(english_district + people);
  auto uk = load_text(through_uk + people);
  REQUIRE(england.ok);
  REQUIRE(uk.ok);
  CHECK(uk.restricted() == england.restricted());
  CHECK(breach_titles(uk) == breach_titles(england));
}

TEST_CASE(
    "s.2(9): a solely clerical post is excluded from categories 3 and 4, a partly clerical "
    "one is not",
    "[law]") {
  for (const char* nation : {"england", "wales", "scotland"}) {
    INFO(nation);
    const std::string head = std::string("use \"") + nation + "/lgha1989\"\n";
    const std::string top = std::string(nation) == "wales"
                                ? "post ce \"Chief Executive\" { reports to council designated "
                                  "chief_executive }\n"
                                : "post ce \"Chief Executive\" { reports to council designated "
                                  "head_of_paid_service }\n";
    auto p = load_text(head + "body council \"The Council\"\n" + top + R"(
post dir "Director of Place" { reports to ce }
post pa "Executive Assistant" { reports to ce duties clerical }
post committees "Committee Services Manager" { reports to ce duties clerical, advises_authority }
post support "Business Support Officer" { reports to dir duties clerical }
post casework "Casework Manager" { reports to dir duties clerical, delegated_powers }
)");
    INFO(p.diagnostics());
    REQUIRE(p.ok);
    CHECK(p.restricted() == Listing{{1, "ce"}, {3, "committees"}, {3, "dir"}, {4, "casework"}});
  }
}

TEST_CASE("deputies: required when holders are recorded, the CFO's only where LGFA 1988 extends",
          "[law]") {
  const std::string people = R"(
person p_mo "A. Invented" { holds mo }
person p_fin "B. Invented" { holds fin }
)";
  const std::string english = R"(use "england/lgha1989"
use "england/deputies"
post mo "Head of Legal Services" { designated monitoring_officer }
post fin "Director of Finance" { designated section_151_officer }
)";
  auto none = load_text(english + people);
  REQUIRE(none.ok);
  CHECK(breach_titles(none) == Strings{"require \"a Deputy Monitoring Officer is nominated\"",
                                       "require \"a deputy chief finance officer is nominated\""});

  auto named = load_text(english + people + R"(
post dep_mo "Principal Solicitor" { designated deputy_monitoring_officer }
post dep_fin "Head of Finance" { designated deputy_chief_finance_officer }
person p_c "C. Invented" { holds dep_mo }
)");
  REQUIRE(named.ok);
  CHECK(breach_titles(named) ==
        Strings{"require \"the deputy chief finance officer post is held\""});

  auto own = load_text(english + people + R"(
post dep_fin "Head of Finance" { designated deputy_chief_finance_officer }
person p_c "C. Invented" { holds dep_fin }
)" +
                       "post both \"Monitoring Officer\" { designated monitoring_officer, "
                       "deputy_monitoring_officer }\n");
  REQUIRE(own.ok);
  CHECK(has(breach_titles(own),
            "forbid \"a post designated Monitoring Officer is not also its own deputy\""));

  // Scotland: LGFA 1988 s.114(6) does not extend there, so only the MO's deputy is required.
  auto scottish = load_text(R"(use "scotland/lgha1989"
use "scotland/deputies"
post mo "Head of Legal Services" { designated monitoring_officer }
post fin "Head of Finance" { designated section_95_officer }
)" + people);
  REQUIRE(scottish.ok);
  CHECK(breach_titles(scottish) == Strings{"require \"a Deputy Monitoring Officer is nominated\""});
}

TEST_CASE("Scotland: the explanation of a statutory chief officer cites its own Act",
          "[law][scotland][explain]") {
  const auto cswo =
      remit::test::run_cli({"explain", "policies/example-scotland/", "cswo", "--width", "0"});
  INFO(cswo.out << cswo.err);
  CHECK(cswo.status == 0);
  CHECK_THAT(cswo.out, Catch::Contains("category 2 (Statutory Chief Officers)"));
  CHECK_THAT(cswo.out, Catch::Contains("LGHA 1989 s.2(6)"));
  CHECK_THAT(cswo.out, Catch::Contains("Social Work (Scotland) Act 1968 s.3"));
  CHECK_THAT(cswo.out, !Catch::Contains("Children Act") && !Catch::Contains("LGA 1972 s.151"));

  const auto finance =
      remit::test::run_cli({"explain", "policies/example-scotland/", "dir_fin", "--width", "0"});
  CHECK_THAT(finance.out, Catch::Contains("LG(S)A 1973 s.95"));
  CHECK_THAT(finance.out, !Catch::Contains("LGA 1972 s.151") && !Catch::Contains("NHS Act"));
}

TEST_CASE(
    "s.2(7)(a): a post the head of paid service is directly responsible for, for any "
    "share of its duties, is a non-statutory chief officer",
    "[law]") {
  for (const char* nation : {"england", "scotland"}) {
    INFO(nation);
    auto p = load_text(std::string("use \"") + nation + R"(/lgha1989"
body council "The Council"
post ce "Chief Executive" { reports to council designated head_of_paid_service }
post dir "Director of Place" { reports to ce }
post hpart "Head of Partnerships" { reports to dir 60%, ce 40% }
post hplan "Head of Planning" { reports to dir }
)");
    INFO(p.diagnostics());
    REQUIRE(p.ok);
    CHECK(p.restricted() == Listing{{1, "ce"}, {3, "dir"}, {3, "hpart"}, {4, "hplan"}});
  }
}
