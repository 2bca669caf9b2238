// People, role incompatibilities and requirements: `remit check` finds every breach and says
// which rule it breaks. Most cases load an in-memory policy through remit::Run and read the
// report `remit check` would print (text and JSON); the holders CSV and the exact text format
// are tested through the binary.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "evaluate/rules.hpp"
#include "remit/remit.hpp"
#include "report/check_report.hpp"
#include "resolve/organisation.hpp"
#include "tests/explain/cli_golden.hpp"
#include "tests/support/stdlib_line.hpp"

namespace {

using Json = nlohmann::ordered_json;
using remit::test::run_cli;
using remit::test::TempDir;

struct Checked {
  std::unique_ptr<remit::Run> run = std::make_unique<remit::Run>();
  bool ok = false;
  std::string text;  // the text report of `remit check`
  Json json;         // the JSON report of `remit check --format json`

  [[nodiscard]] std::string diagnostics() const { return run->diagnostics_text(); }
  [[nodiscard]] const Json& breaches() const { return json["breaches"]; }
  // The `rule` of each breach, in the order reported.
  [[nodiscard]] std::vector<std::string> rules() const {
    std::vector<std::string> out;
    for (const Json& b : json["breaches"]) out.push_back(b["rule"].get<std::string>());
    return out;
  }
};

// Loads `policy` as test.remit (plus any holders CSV) and runs the checks.
Checked check(const std::string& policy, const std::vector<remit::test::fs::path>& holders = {}) {
  Checked c;
  remit::Inputs in;
  in.texts.push_back({"test.remit", policy});
  in.holders = holders;
  c.ok = c.run->load(in);
  if (!c.ok) return c;
  const remit::Breaches& b = c.run->breaches();
  std::ostringstream text, json;
  remit::write_breaches(text, *c.run, b, remit::Format::text);
  remit::write_breaches(json, *c.run, b, remit::Format::json);
  c.text = text.str();
  c.json = Json::parse(json.str());
  return c;
}

// One post for each statutory designation, and the rules of uk/statutory_officers, which this
// structure meets as long as nobody holds two offices.
const std::string officers = R"(use "uk/lgha1989"
use "uk/statutory_officers"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dir_fin "Director of Finance" { reports to ceo designated section_151_officer }
post dir_law "Head of Legal Services" { reports to ceo designated monitoring_officer }
post dcs "Director of Children's Services" { reports to ceo designated director_of_childrens_services }
post dass "Director of Adult Social Services" { reports to ceo designated director_of_adult_social_services }
post dph "Director of Public Health" { reports to ceo designated director_of_public_health }
post pa "Political Assistant" { reports to dir_law designated political_assistant }
)";

using remit::test::stdlib_line;

}  // namespace

TEST_CASE("the officers fixture has no breach while nobody holds two offices", "[check]") {
  Checked c = check(officers + R"(
person p1 "Pat One" { holds ceo }
person p2 "Sam Two" { holds dir_fin, interim dcs }
person p3 "Lee Three" { holds dir_law }
person p4 "Kim Four" { holds dass, dph }
)");
  REQUIRE(c.ok);
  CHECK(c.breaches().empty());
  CHECK(c.text.starts_with("No breaches: 9 incompatibilities and "));
  CHECK(c.text.find(" checked against 4 people and 7 posts.\n") != std::string::npos);
}

TEST_CASE("every incompatibility of uk/statutory_officers is found, naming its rule",
          "[check][incompatible]") {
  // (post with the first designation, post with the second, the rule as reported)
  auto [first, second, rule] = GENERATE(table<std::string, std::string, std::string>({
      {"dir_law", "dir_fin", "incompatible monitoring_officer with section_151_officer"},
      {"dir_law", "ceo", "incompatible monitoring_officer with head_of_paid_service"},
      {"ceo", "dir_fin",
       "incompatible head_of_paid_service with section_151_officer unless qualified accountant"},
      {"pa", "ceo", "incompatible political_assistant with head_of_paid_service"},
      {"pa", "dir_fin", "incompatible political_assistant with section_151_officer"},
      {"pa", "dir_law", "incompatible political_assistant with monitoring_officer"},
      {"pa", "dcs", "incompatible political_assistant with director_of_childrens_services"},
      {"pa", "dass", "incompatible political_assistant with director_of_adult_social_services"},
      {"pa", "dph", "incompatible political_assistant with director_of_public_health"},
  }));
  CAPTURE(rule);
  // Held in the opposite order to the rule's: the report still follows the rule.
  Checked c =
      check(officers + "person p \"Pat Example\" { holds " + second + ", " + first + " }\n");
  REQUIRE(c.ok);
  REQUIRE(c.breaches().size() == 1);
  const Json& b = c.breaches()[0];
  CHECK(b["kind"] == "incompatible");
  CHECK(b["rule"] == rule);
  CHECK(b["location"]["file"] == "stdlib/england/statutory_officers.remit");
  CHECK(b["person"]["id"] == "p");
  CHECK(b["person"]["name"] == "Pat Example");
  CHECK(b["posts"][0]["id"] == first);
  CHECK(b["posts"][1]["id"] == second);
  CHECK_FALSE(b["citations"].empty());

  SECTION("being a qualified accountant excuses only the Head of Paid Service as s.151 officer") {
    Checked q = check(officers + "person p \"Pat Example\" { qualified accountant holds " + second +
                      ", " + first + " }\n");
    REQUIRE(q.ok);
    if (rule.find("unless qualified accountant") != std::string::npos) {
      CHECK(q.breaches().empty());
    } else {
      CHECK(q.rules() == std::vector<std::string>{rule});
    }
  }
}

TEST_CASE("offices the law lets one person combine are not breaches", "[check][incompatible]") {
  // A combined Director of Children's and Adults' Services; a Director of Public Health who is
  // also the DASS; a Chief Executive who is also the DCS.
  Checked c = check(officers + R"(
person p1 "Pat One" { holds dcs, dass }
person p2 "Sam Two" { holds dph }
person p3 "Lee Three" { holds ceo }
)");
  REQUIRE(c.ok);
  CHECK(c.breaches().empty());
}

TEST_CASE(
    "unless qualified: a qualified accountant may be HoPS and s.151 officer, an "
    "unqualified one may not",
    "[check][incompatible][qualified]") {
  SECTION("qualified: no breach") {
    Checked c = check(officers +
                      R"(person p_khan "Aisha Khan" { qualified accountant holds ceo, dir_fin })");
    REQUIRE(c.ok);
    CHECK(c.breaches().empty());
  }
  SECTION("unqualified: a breach of LGFA 1988 s.113") {
    Checked c = check(officers + R"(person p_khan "Aisha Khan" { holds ceo, dir_fin })");
    REQUIRE(c.ok);
    REQUIRE(c.breaches().size() == 1);
    CHECK(c.breaches()[0]["citations"] == Json::array({"LGFA 1988 s.113"}));
    CHECK(c.text.find("  Aisha Khan holds ceo (head_of_paid_service) and dir_fin "
                      "(section_151_officer)\n  LGFA 1988 s.113\n1 breach.\n") !=
          std::string::npos);
  }
  SECTION("the qualification belongs to the person: another person's does not count") {
    Checked c = check(officers + R"(
person p_khan "Aisha Khan" { holds ceo, dir_fin }
person p_lee "Lee Accountant" { qualified accountant holds dcs }
)");
    REQUIRE(c.ok);
    CHECK(c.rules() == std::vector<std::string>{
                           "incompatible head_of_paid_service with section_151_officer unless "
                           "qualified accountant"});
  }
  SECTION("a council's own rule with its own qualification") {
    Checked c = check(R"(use "uk/lgha1989"
body council "Full Council"
designation returning_officer "Returning Officer"
designation electoral_registration_officer "Electoral Registration Officer"
qualification electoral_admin "Member of the Association of Electoral Administrators"
incompatible returning_officer with electoral_registration_officer unless qualified electoral_admin
  cite "Local rule 12"
post ceo "Chief Executive" { reports to council designated head_of_paid_service, returning_officer }
post ero "Electoral Services Manager" { reports to ceo designated electoral_registration_officer }
person p1 "Pat One" { holds ceo, ero }
person p2 "Sam Two" { qualified electoral_admin holds ceo, ero }
)");
    REQUIRE(c.ok);
    REQUIRE(c.breaches().size() == 1);
    CHECK(c.breaches()[0]["person"]["id"] == "p1");
    CHECK(c.text ==
          "test.remit:6:1: breach: incompatible returning_officer with "
          "electoral_registration_officer unless qualified electoral_admin\n"
          "  Pat One holds ceo (returning_officer) and ero "
          "(electoral_registration_officer)\n"
          "  Local rule 12\n"
          "1 breach.\n");
  }
}

TEST_CASE("interim and acting holdings count like substantive ones", "[check][incompatible]") {
  SECTION("holds interim") {
    Checked c = check(officers + R"(person p_khan "Aisha Khan" { holds ceo, interim dir_fin })");
    REQUIRE(c.ok);
    REQUIRE(c.breaches().size() == 1);
    CHECK(c.breaches()[0]["posts"][0]["holding"] == "substantive");
    CHECK(c.breaches()[0]["posts"][1]["holding"] == "interim");
    CHECK(
        c.text.find(
            "Aisha Khan holds ceo (head_of_paid_service) and dir_fin (section_151_officer, interim)"
            "\n") != std::string::npos);
  }
  SECTION("holds acting") {
    Checked c = check(officers + R"(person p_jones "Sam Jones" { holds dir_law, acting ceo })");
    REQUIRE(c.ok);
    REQUIRE(c.rules() ==
            std::vector<std::string>{"incompatible monitoring_officer with head_of_paid_service"});
    CHECK(c.breaches()[0]["posts"][1]["holding"] == "acting");
    CHECK(c.text.find(
              "Sam Jones holds dir_law (monitoring_officer) and ceo (head_of_paid_service, acting)"
              "\n") != std::string::npos);
  }
  SECTION("holder acting p, written on the post") {
    std::string policy = officers;
    policy.replace(policy.find("designated monitoring_officer }"),
                   std::string("designated monitoring_officer }").size(),
                   "designated monitoring_officer holder acting p_jones }");
    Checked c = check(policy + R"(person p_jones "Sam Jones" { holds dir_fin })");
    REQUIRE(c.ok);
    REQUIRE(c.rules() ==
            std::vector<std::string>{"incompatible monitoring_officer with section_151_officer"});
    CHECK(c.breaches()[0]["posts"][0]["holding"] == "acting");
    CHECK(c.breaches()[0]["posts"][1]["holding"] == "substantive");
  }
  SECTION("both interim: an interim MO who is also interim s.151 officer") {
    Checked c = check(officers + R"(person p "Pat" { holds interim dir_law, interim dir_fin })");
    REQUIRE(c.ok);
    REQUIRE(c.breaches().size() == 1);
    CHECK(c.breaches()[0]["posts"][0]["holding"] == "interim");
    CHECK(c.breaches()[0]["posts"][1]["holding"] == "interim");
  }
}

TEST_CASE("one post carrying both designations breaches for its holder, and its forbid rule",
          "[check][incompatible][forbid]") {
  Checked c = check(R"(use "uk/lgha1989"
use "uk/statutory_officers"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dir_fin "Director of Finance and Law" {
  reports to ceo
  designated section_151_officer, monitoring_officer
}
person p "Pat Example" { holds dir_fin }
)");
  REQUIRE(c.ok);
  CHECK(c.rules() == std::vector<std::string>{
                         "incompatible monitoring_officer with section_151_officer",
                         "a post designated Monitoring Officer is not also the chief finance "
                         "officer"});
  const Json& b = c.breaches()[0];
  CHECK(b["posts"][0]["id"] == "dir_fin");
  CHECK(b["posts"][0]["designation"] == "monitoring_officer");
  CHECK(b["posts"][1]["id"] == "dir_fin");
  CHECK(b["posts"][1]["designation"] == "section_151_officer");
  CHECK(c.text.find("  Pat Example holds dir_fin (monitoring_officer), which is also designated "
                    "section_151_officer\n") != std::string::npos);
  CHECK(c.breaches()[1]["kind"] == "forbid");
  CHECK(c.breaches()[1]["detail"] == "1 post is in a set that must be empty");
}

TEST_CASE("a person holding three offices: every pair is checked, each breach reported once",
          "[check][incompatible]") {
  SECTION("unqualified: all three pairs") {
    Checked c = check(officers + R"(person p "Pat Example" { holds ceo, dir_fin, dir_law })");
    REQUIRE(c.ok);
    std::vector<std::string> rules = c.rules();
    std::sort(rules.begin(), rules.end());
    CHECK(rules == std::vector<std::string>{
                       "incompatible head_of_paid_service with section_151_officer unless "
                       "qualified accountant",
                       "incompatible monitoring_officer with head_of_paid_service",
                       "incompatible monitoring_officer with section_151_officer"});
    CHECK(c.text.ends_with("\n3 breaches.\n"));
    // Incompatibility breaches are reported in the order of the rules, for each person.
    CHECK(c.rules()[0] == "incompatible monitoring_officer with section_151_officer");
  }
  SECTION("qualified accountant: the two Monitoring Officer pairs only") {
    Checked c =
        check(officers +
              R"(person p "Pat Example" { qualified accountant holds ceo, dir_fin, dir_law })");
    REQUIRE(c.ok);
    CHECK(c.rules() ==
          std::vector<std::string>{"incompatible monitoring_officer with section_151_officer",
                                   "incompatible monitoring_officer with head_of_paid_service"});
  }
  SECTION("a political assistant who is also HoPS, MO and s.151 officer: six breaches") {
    Checked c = check(officers + R"(person p "Pat Example" { holds pa, ceo, dir_fin, dir_law })");
    REQUIRE(c.ok);
    CHECK(c.breaches().size() == 6);
    std::vector<std::string> rules = c.rules();
    std::sort(rules.begin(), rules.end());
    CHECK(std::unique(rules.begin(), rules.end()) == rules.end());  // each rule once
  }
  SECTION("two people each breaching: one breach per person and rule") {
    Checked c = check(officers + R"(
person p1 "Pat One" { holds ceo, dir_law }
person p2 "Sam Two" { holds acting ceo, acting dir_law }
)");
    REQUIRE(c.ok);
    REQUIRE(c.breaches().size() == 2);
    CHECK(c.breaches()[0]["person"]["id"] == "p1");
    CHECK(c.breaches()[1]["person"]["id"] == "p2");
  }
}

TEST_CASE("a post shared between two councils, held by one person", "[check][incompatible]") {
  // Two district councils in one policy, with a shared management team: one Joint Chief
  // Executive post is the Head of Paid Service of both. Each council designates its own
  // Monitoring Officer and chief finance officer; the same designations serve for both.
  const std::string shared = R"policy(use "uk/lgha1989"
incompatible monitoring_officer with head_of_paid_service cite "LGHA 1989 s.5(1A)"
incompatible monitoring_officer with section_151_officer cite "LGHA 1989 s.5(1)"
body council_a "District A Council"
body council_b "District B Council"
post joint_ceo "Joint Chief Executive of District A and District B" {
  reports to council_a 50%, council_b 50%
  designated head_of_paid_service
  holder p_ceo
}
post fin_a "Chief Finance Officer, District A" { reports to joint_ceo designated section_151_officer }
post fin_b "Chief Finance Officer, District B" { reports to joint_ceo designated section_151_officer }
post mo_a "Monitoring Officer, District A" { reports to joint_ceo designated monitoring_officer }
post mo_b "Monitoring Officer, District B" { reports to joint_ceo designated monitoring_officer }
person p_ceo "Pat Example"
person p_fin "Sam Example" { holds fin_a, fin_b }
person p_mo "Lee Example" { holds mo_a, mo_b }
)policy";
  SECTION("one person as chief finance officer (or Monitoring Officer) of both is no breach") {
    Checked c = check(shared);
    REQUIRE(c.ok);
    CHECK(c.breaches().empty());
  }
  SECTION("B's Monitoring Officer acting as the joint Chief Executive") {
    Checked c = check(shared + R"(person p_mo_b "Kim Example" { holds mo_b, acting joint_ceo })");
    REQUIRE(c.ok);
    REQUIRE(c.rules() ==
            std::vector<std::string>{"incompatible monitoring_officer with head_of_paid_service"});
    CHECK(c.text.find("Kim Example holds mo_b (monitoring_officer) and joint_ceo "
                      "(head_of_paid_service, acting)"
                      "\n") != std::string::npos);
  }
  SECTION(
      "the shared finance officer also covers as A's Monitoring Officer: one breach, not "
      "one per finance post") {
    Checked c =
        check(shared + R"(person p_cover "Ash Example" { holds fin_a, fin_b, interim mo_a })");
    REQUIRE(c.ok);
    REQUIRE(c.rules() ==
            std::vector<std::string>{"incompatible monitoring_officer with section_151_officer"});
    CHECK(c.breaches()[0]["person"]["id"] == "p_cover");
  }
  SECTION("the joint Chief Executive also acts as both Monitoring Officers: one breach") {
    Checked c = check(
        shared + R"(person p_two "Ash Example" { holds joint_ceo, acting mo_a, acting mo_b })");
    REQUIRE(c.ok);
    REQUIRE(c.rules() ==
            std::vector<std::string>{"incompatible monitoring_officer with head_of_paid_service"});
    CHECK(c.breaches()[0]["posts"][1]["id"] == "joint_ceo");
  }
}

TEST_CASE("vacancies: a vacant statutory post fails `every … has holder`", "[check][vacant]") {
  const std::string held = R"(use "uk/lgha1989"
use "uk/statutory_officers"
use "uk/statutory_officers_held"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service holder p1 }
post dir_law "Head of Legal Services" { reports to ceo designated monitoring_officer holder p2 }
person p1 "Pat One"
person p2 "Sam Two"
)";
  SECTION("a vacant s.151 post") {
    Checked c = check(
        held +
        R"(post dir_fin "Director of Finance" { reports to ceo designated section_151_officer vacant })");
    REQUIRE(c.ok);
    REQUIRE(c.breaches().size() == 1);
    const Json& b = c.breaches()[0];
    CHECK(b["kind"] == "require");
    CHECK(b["rule"] == "the chief finance officer post is held");
    CHECK(b["detail"] == "1 post does not meet the condition");
    CHECK(b["count"] == 1);
    CHECK(b["posts"] == Json::parse(R"([{"id": "dir_fin", "title": "Director of Finance"}])"));
    CHECK(b["citations"] == Json::array({"LGA 1972 s.151"}));
    CHECK(b["location"]["file"] == "stdlib/england/statutory_officers_held.remit");
    // The vacancy does not take the post off the list: the restriction is the post's.
    bool listed = false;
    for (const remit::ListedPost& p : c.run->restricted_posts()) {
      listed |= c.run->resolved().organisation.units[p.unit].id() == "dir_fin" &&
                c.run->program().categories[p.category].number == 2;
    }
    CHECK(listed);
  }
  SECTION("a post with no holder recorded, not declared vacant, fails the same way") {
    Checked c = check(
        held +
        R"(post dir_fin "Director of Finance" { reports to ceo designated section_151_officer })");
    REQUIRE(c.ok);
    CHECK(c.rules() == std::vector<std::string>{"the chief finance officer post is held"});
  }
  SECTION("an interim holder fills it") {
    Checked c = check(
        held +
        R"(post dir_fin "Director of Finance" { reports to ceo designated section_151_officer }
person p3 "Lee Three" { qualified accountant holds interim dir_fin })");
    REQUIRE(c.ok);
    CHECK(c.breaches().empty());
  }
  SECTION("every office vacant: three breaches, in the order of the rules") {
    Checked c = check(R"(use "uk/lgha1989"
use "uk/statutory_officers"
use "uk/statutory_officers_held"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service vacant }
post dir_law "Head of Legal Services" { reports to ceo designated monitoring_officer vacant }
post dir_fin "Director of Finance" { reports to ceo designated section_151_officer vacant }
)");
    REQUIRE(c.ok);
    CHECK(c.rules() == std::vector<std::string>{"the Head of Paid Service post is held",
                                                "the Monitoring Officer post is held",
                                                "the chief finance officer post is held"});
  }
  SECTION("holding a vacant post is an error") {
    Checked c = check(
        held +
        R"(post dir_fin "Director of Finance" { reports to ceo designated section_151_officer vacant }
person p3 "Lee Three" { holds dir_fin })");
    CHECK_FALSE(c.ok);
    INFO(c.diagnostics());
    CHECK(c.diagnostics().find("test.remit:10:31: error: post 'dir_fin' is declared vacant, but "
                               "'p3' holds it") != std::string::npos);
  }
}

namespace {

// Four posts under a Head of Paid Service, for the require/forbid rules.
const std::string small_org = R"(use "uk/lgha1989"
body council "Full Council"
body audit "Audit Committee"
post ceo "Chief Executive" { reports to council designated head_of_paid_service holder p1 }
post d1 "Director One" { reports to ceo holder p2 }
post d2 "Director Two" { reports to ceo }
post pa_ceo "PA to the Chief Executive" { reports to ceo duties clerical }
post h1 "Head One" { reports to d1 vacant }
person p1 "Pat One"
person p2 "Sam Two"
)";

}  // namespace

TEST_CASE("require count with each comparison", "[check][require]") {
  // `reports directly to ceo` is d1, d2 and pa_ceo: 3 posts.
  auto [op, value, breached] = GENERATE(table<std::string, int, bool>({
      {"=", 3, false},
      {"=", 2, true},
      {"!=", 2, false},
      {"!=", 3, true},
      {"<", 4, false},
      {"<", 3, true},
      {"<=", 3, false},
      {"<=", 2, true},
      {">", 2, false},
      {">", 3, true},
      {">=", 3, false},
      {">=", 4, true},
  }));
  const std::string condition = "count reports directly to ceo " + op + " " + std::to_string(value);
  CAPTURE(condition);
  Checked c = check(small_org + "require \"three direct reports\" {\n  " + condition +
                    "\n  cite \"Staffing policy 1\"\n}\n");
  REQUIRE(c.ok);
  if (!breached) {
    CHECK(c.breaches().empty());
    CHECK(
        c.text.starts_with("No breaches: 0 incompatibilities and 1 rule checked against 2 "
                           "people and 5 posts."));
    return;
  }
  REQUIRE(c.breaches().size() == 1);
  const Json& b = c.breaches()[0];
  CHECK(b["kind"] == "require");
  CHECK(b["rule"] == "three direct reports");
  CHECK(b["location"] == Json::parse(R"({"file": "test.remit", "line": 11, "column": 1})"));
  CHECK(b["detail"] ==
        "found 3 posts; the rule requires count " + op + " " + std::to_string(value));
  CHECK(b["count"] == 3);
  CHECK(b["posts"].size() == 3);
  CHECK(c.text ==
        "test.remit:11:1: breach: require \"three direct reports\"\n"
        "  found 3 posts; the rule requires count " +
            op + " " + std::to_string(value) +
            "\n"
            "  posts: d1 \"Director One\", d2 \"Director Two\", pa_ceo \"PA to the "
            "Chief Executive\"\n"
            "  Staffing policy 1\n"
            "1 breach.\n");
}

TEST_CASE("require count: bodies do not count, an empty set is 0", "[check][require]") {
  Checked c = check(small_org + R"(
require "no body counted" { count any body = 0 }
require "nobody reports to the committee" { count reports directly to audit = 0 }
require "at least one audit post" { count reports directly to audit >= 1 }
)");
  REQUIRE(c.ok);
  REQUIRE(c.rules() == std::vector<std::string>{"at least one audit post"});
  CHECK(c.breaches()[0]["detail"] == "found 0 posts; the rule requires count >= 1");
  CHECK(c.breaches()[0]["count"] == 0);
  CHECK(c.breaches()[0]["posts"] == Json::array());
  CHECK(c.breaches()[0]["citations"] == Json::array());
  // No "posts:" line when there is no post to show.
  CHECK(c.text ==
        "test.remit:14:1: breach: require \"at least one audit post\"\n"
        "  found 0 posts; the rule requires count >= 1\n"
        "1 breach.\n");
}

TEST_CASE("require every, some and no - forbid", "[check][require][forbid]") {
  SECTION("every: the posts that fail") {
    Checked c = check(
        small_org +
        R"(require "directors are filled" { every reports directly to ceo and not duty clerical is has holder cite "Rule 2" })");
    REQUIRE(c.ok);
    REQUIRE(c.breaches().size() == 1);
    CHECK(c.breaches()[0]["detail"] == "1 post does not meet the condition");
    CHECK(c.breaches()[0]["posts"] == Json::parse(R"([{"id": "d2", "title": "Director Two"}])"));
    CHECK(c.text.find("  posts: d2 \"Director Two\"\n  Rule 2\n") != std::string::npos);
  }
  SECTION("every without `is` means the same") {
    Checked with_is = check(small_org + R"(require "r" { every category 3 is has holder })");
    Checked without = check(small_org + R"(require "r" { every category 3 has holder })");
    REQUIRE(with_is.ok);
    REQUIRE(without.ok);
    CHECK(with_is.json == without.json);
    CHECK(with_is.breaches().size() == 1);
  }
  SECTION("every holds over an empty set") {
    Checked c = check(small_org + R"(require "r" { every duty delegated_powers is vacant })");
    REQUIRE(c.ok);
    CHECK(c.breaches().empty());
  }
  SECTION("some: no post meets the condition") {
    Checked c = check(small_org + R"(
require "a vacant director" { some reports directly to ceo is vacant }
require "a vacant post" { some any post is vacant }
)");
    REQUIRE(c.ok);
    REQUIRE(c.rules() == std::vector<std::string>{"a vacant director"});
    CHECK(c.breaches()[0]["detail"] == "no post meets the condition");
    CHECK(c.breaches()[0]["count"] == 0);
    CHECK(c.breaches()[0]["posts"] == Json::array());
  }
  SECTION("some fails over an empty set") {
    Checked c = check(small_org + R"(require "r" { some duty delegated_powers is any post })");
    REQUIRE(c.ok);
    CHECK(c.breaches().size() == 1);
  }
  SECTION("no: the posts in both sets") {
    Checked c = check(small_org + R"(
require "no vacant post under a director" { no reports to d1 is vacant }
require "no vacant chief officer" { no category 3 is vacant }
)");
    REQUIRE(c.ok);
    REQUIRE(c.rules() == std::vector<std::string>{"no vacant post under a director"});
    CHECK(c.breaches()[0]["detail"] == "1 post meets a condition none may meet");
    CHECK(c.breaches()[0]["posts"] == Json::parse(R"([{"id": "h1", "title": "Head One"}])"));
  }
  SECTION("forbid: each post in the set") {
    Checked c = check(small_org + R"(
forbid "clerical posts report to directors only" { duty clerical and reports directly to ceo cite "Rule 5" cite "Rule 5A" }
forbid "nothing delegated" { duty delegated_powers }
)");
    REQUIRE(c.ok);
    REQUIRE(c.rules() == std::vector<std::string>{"clerical posts report to directors only"});
    const Json& b = c.breaches()[0];
    CHECK(b["kind"] == "forbid");
    CHECK(b["detail"] == "1 post is in a set that must be empty");
    CHECK(b["count"] == 1);
    CHECK(b["citations"] == Json::array({"Rule 5", "Rule 5A"}));
    CHECK(c.text ==
          "test.remit:12:1: breach: forbid \"clerical posts report to directors only\"\n"
          "  1 post is in a set that must be empty\n"
          "  posts: pa_ceo \"PA to the Chief Executive\"\n"
          "  Rule 5\n"
          "  Rule 5A\n"
          "1 breach.\n");
  }
  SECTION("rule breaches come after incompatibility breaches, in the order the rules were read") {
    Checked c = check(small_org + R"(
designation x "X"
designation y "Y"
incompatible x with y
post xy "XY" { reports to d1 designated x, y holder p2 }
forbid "second" { vacant }
require "first" { count vacant = 0 }
)");
    REQUIRE(c.ok);
    CHECK(c.rules() == std::vector<std::string>{"incompatible x with y", "second", "first"});
    CHECK(c.json["summary"] ==
          Json::parse(R"({"breaches": 3, "incompatibilities_checked": 1, "rules_checked": 2})"));
  }
}

TEST_CASE("the JSON report has the documented fields, in order", "[check][json]") {
  Checked c = check(officers + R"(
person p_khan "Aisha Khan" { holds ceo, interim dir_fin }
require "a local rule" { count designated political_assistant = 0 cite "Local 1" }
)");
  REQUIRE(c.ok);
  REQUIRE(c.breaches().size() == 2);
  auto keys = [](const Json& j) {
    std::vector<std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it) out.push_back(it.key());
    return out;
  };
  using Keys = std::vector<std::string>;
  CHECK(keys(c.json) == Keys{"breaches", "summary"});
  CHECK(keys(c.json["summary"]) == Keys{"breaches", "incompatibilities_checked", "rules_checked"});
  CHECK(c.json["summary"]["breaches"] == 2);
  CHECK(c.json["summary"]["incompatibilities_checked"] == 9);
  CHECK(c.json["summary"]["rules_checked"].get<int>() >= 1);

  const Json& inc = c.breaches()[0];
  CHECK(keys(inc) == Keys{"kind", "rule", "location", "citations", "detail", "person", "posts"});
  // The sentence of the text report, from the one function that words a breach.
  CHECK(inc["detail"] ==
        "Aisha Khan holds ceo (head_of_paid_service) and dir_fin (section_151_officer, interim)");
  CHECK(keys(inc["location"]) == Keys{"file", "line", "column"});
  CHECK(inc["location"]["line"] ==
        stdlib_line("england/statutory_officers.remit",
                    "incompatible head_of_paid_service with section_151_officer"));
  CHECK(inc["location"]["column"] == 1);
  CHECK(keys(inc["person"]) == Keys{"id", "name"});
  REQUIRE(inc["posts"].size() == 2);
  CHECK(keys(inc["posts"][0]) == Keys{"id", "title", "designation", "holding"});
  CHECK(inc["posts"][1] == Json::parse(R"({"id": "dir_fin", "title": "Director of Finance",
      "designation": "section_151_officer", "holding": "interim"})"));

  const Json& req = c.breaches()[1];
  CHECK(keys(req) == Keys{"kind", "rule", "location", "citations", "detail", "count", "posts"});
  CHECK(req["kind"] == "require");
  CHECK(req["rule"] == "a local rule");
  CHECK(req["location"] == Json::parse(R"({"file": "test.remit", "line": 13, "column": 1})"));
  CHECK(req["posts"] == Json::parse(R"([{"id": "pa", "title": "Political Assistant"}])"));
}

TEST_CASE("the text report: location, rule, who holds what, citations", "[check][text][cli]") {
  TempDir dir;
  dir.write("people.remit", officers + R"(
person p_khan "Aisha Khan" { holds ceo, interim dir_fin }
person p_jones "Sam Jones" { holds dir_law, acting ceo }
person p_lee "Lee Ray" { holds dir_law, dir_fin }
)");
  remit::test::CliRun r = run_cli({"check", "people.remit", "--width", "0"}, dir.path());
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  const std::string module = "england/statutory_officers.remit";
  auto at = [&](const std::string& rule) {
    return "stdlib/" + module + ":" + std::to_string(stdlib_line(module, rule)) + ":1: breach: ";
  };
  CHECK(
      r.out ==
      at("incompatible head_of_paid_service with section_151_officer") +
          "incompatible head_of_paid_service with section_151_officer unless qualified accountant\n"
          "  Aisha Khan holds ceo (head_of_paid_service) and dir_fin (section_151_officer, "
          "interim)\n"
          "  LGFA 1988 s.113\n" +
          at("incompatible monitoring_officer with head_of_paid_service") +
          "incompatible monitoring_officer with head_of_paid_service\n"
          "  Sam Jones holds dir_law (monitoring_officer) and ceo (head_of_paid_service, acting)\n"
          "  LGHA 1989 s.5(1A)\n"
          "  LGHA 1989 s.5(1B)\n"
          "  note: this rule applies only to these kinds of authority: county_council, "
          "district_council, unitary_council, metropolitan_district_council, "
          "london_borough_council, greater_london_authority and common_council; the policy does "
          "not say which kind this authority is, so the rule was applied. Say it on the "
          "authority statement, e.g. authority \"Name\" kind district_council\n" +
          at("incompatible monitoring_officer with section_151_officer") +
          "incompatible monitoring_officer with section_151_officer\n"
          "  Lee Ray holds dir_law (monitoring_officer) and dir_fin (section_151_officer)\n"
          "  LGHA 1989 s.5(1)\n"
          "3 breaches.\n");

  SECTION("the same with --format json and -o: exit status 1, the file written") {
    remit::test::CliRun j =
        run_cli({"check", "people.remit", "--format", "json", "-o", "out.json"}, dir.path());
    CHECK(j.status == 1);
    CHECK(j.out.empty());
    Json doc = Json::parse(remit::test::read_file(dir.path() / "out.json"));
    CHECK(doc["summary"]["breaches"] == 3);
    CHECK(doc["breaches"][0]["person"]["name"] == "Aisha Khan");
  }
}

TEST_CASE("holders CSV: who holds what, qualifications and kinds", "[check][holders][cli]") {
  TempDir dir;
  dir.write("officers.remit", officers);
  SECTION("qualified_accountant in the qualifications column excuses HoPS + s.151") {
    dir.write("holders.csv",
              "person,post_id,qualifications\n"
              "p_khan,ceo,qualified_accountant\n"
              "p_khan,dir_fin,\n"
              "p_lee,dir_law,\n");
    remit::test::CliRun r = run_cli(
        {"check", "officers.remit", "--holders", "holders.csv", "--width", "0"}, dir.path());
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("No breaches: 9 incompatibilities and "));
    CHECK(r.out.find("against 2 people and 7 posts.") != std::string::npos);
  }
  SECTION("unqualified, with kinds: the person's id is their name") {
    dir.write("holders.csv",
              "person,post_id,qualifications,kind\n"
              "p_khan,ceo,,\n"
              "p_khan,dir_fin,,Interim\n"
              "p_lee,dir_law,,acting\n"
              "p_lee,pa,,\n");
    remit::test::CliRun r = run_cli(
        {"check", "officers.remit", "--holders", "holders.csv", "--width", "0"}, dir.path());
    CHECK(r.status == 1);
    CHECK(r.out.find(
              "  p_khan holds ceo (head_of_paid_service) and dir_fin (section_151_officer, interim)"
              "\n") != std::string::npos);
    CHECK(
        r.out.find("  p_lee holds pa (political_assistant) and dir_law (monitoring_officer, acting)"
                   "\n") != std::string::npos);
    CHECK(r.out.ends_with("\n2 breaches.\n"));
  }
  SECTION("a person in the CSV and in the policy is one person, with the policy's name") {
    dir.write("names.remit", "person p_khan \"Aisha Khan\"\n");
    dir.write("holders.csv", "person,post_id\np_khan,ceo\np_khan,dir_law\n");
    remit::test::CliRun r =
        run_cli({"check", "officers.remit", "names.remit", "--holders", "holders.csv"}, dir.path());
    CHECK(r.status == 1);
    CHECK(r.out.find("  Aisha Khan holds dir_law (monitoring_officer) and ceo "
                     "(head_of_paid_service)\n") != std::string::npos);
  }
  SECTION("ids with \"\" escapes, or longer than 65,535 bytes, are read and merged alike") {
    // Such an id is not the file's own bytes, or too long for a row's 16 bits, so the export
    // keeps it beside its rows (ast::HoldersExport::moved).
    const std::string khan = "\"Khan \"\"AK\"\"\"";
    const std::string tall(70'000, 'k');
    auto rows = [&](const std::string& tall_holds_second) {
      return "person,post_id\n" + khan + ",ceo\n" + tall + ",dir_fin\n" + khan + ",\"dir_law\"\n" +
             tall + "," + tall_holds_second + "\n";
    };
    dir.write("holders.csv", rows("\"dir_\"\"fin\""));
    remit::test::CliRun r = run_cli(
        {"check", "officers.remit", "--holders", "holders.csv", "--width", "0"}, dir.path());
    CHECK(r.status == 2);
    // The unknown post is pointed at where its field starts (an escaped field's text is a copy).
    CHECK(r.err.starts_with("holders.csv:5:70002: error: person kkkk"));
    CHECK(r.err.find("holds 'dir_\"fin', which is not a post or body") != std::string::npos);
    dir.write("holders.csv", rows("ceo"));
    r = run_cli({"check", "officers.remit", "--holders", "holders.csv", "--width", "0"},
                dir.path());
    CHECK(r.status == 1);
    CHECK(r.out.find("  Khan \"AK\" holds dir_law (monitoring_officer) and ceo "
                     "(head_of_paid_service)\n") != std::string::npos);
    CHECK(r.out.find("  " + tall +
                     " holds ceo (head_of_paid_service) and dir_fin (section_151_officer)\n") !=
          std::string::npos);
  }
  SECTION("an unknown post id: file:line:col, a suggestion, exit 2 and nothing on stdout") {
    dir.write("holders.csv",
              "person,post_id,qualifications\n"
              "p_khan,ceo,\n"
              "p_lee,dir_lwa,\n");
    remit::test::CliRun r = run_cli(
        {"check", "officers.remit", "--holders", "holders.csv", "--width", "0"}, dir.path());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "holders.csv:3:7: error: person p_lee holds 'dir_lwa', which is not a post or body (did "
          "you mean 'dir_law'?)\n"
          "  p_lee,dir_lwa,\n"
          "        ^\n"
          "1 error generated.\n");
  }
  SECTION("a body is not a post anyone holds") {
    dir.write("holders.csv", "person,post_id\np_khan,council\n");
    remit::test::CliRun r = run_cli(
        {"check", "officers.remit", "--holders", "holders.csv", "--width", "0"}, dir.path());
    CHECK(r.status == 2);
    CHECK(r.err.starts_with("holders.csv:2:8: error: 'council' is a body, not a post"));
  }
  SECTION("bad rows: wrong number of fields, no person, unknown kind; all reported") {
    dir.write("holders.csv",
              "person,post_id,qualifications,kind\n"
              "p_khan,ceo\n"
              ",dir_law,,\n"
              "p_lee,dir_fin,,sometimes\n");
    remit::test::CliRun r = run_cli(
        {"check", "officers.remit", "--holders", "holders.csv", "--width", "0"}, dir.path());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(
              "holders.csv:2:1: error: this row has 2 fields but the header has 4 columns\n") !=
          std::string::npos);
    CHECK(r.err.find("holders.csv:3:1: error: person: every row needs a person\n") !=
          std::string::npos);
    CHECK(r.err.find("holders.csv:4:16: error: kind: \"sometimes\" is not one of substantive, "
                     "interim or acting") != std::string::npos);
    CHECK(r.err.ends_with("3 errors generated.\n"));
  }
  SECTION("a bad header") {
    dir.write("holders.csv", "person,role\np_khan,ceo\n");
    remit::test::CliRun r = run_cli(
        {"check", "officers.remit", "--holders", "holders.csv", "--width", "0"}, dir.path());
    CHECK(r.status == 2);
    CHECK(r.err.starts_with("holders.csv:1:1: error: no column for post_id"));
  }
  SECTION("an unknown qualification") {
    dir.write("holders.csv", "person,post_id,qualifications\np_khan,ceo,chartered\n");
    remit::test::CliRun r = run_cli(
        {"check", "officers.remit", "--holders", "holders.csv", "--width", "0"}, dir.path());
    CHECK(r.status == 2);
    CHECK(r.err.starts_with("holders.csv:2:12: error: unknown qualification 'chartered'"));
  }
  SECTION("a repeated row is a warning, not an error") {
    dir.write("holders.csv", "person,post_id\np_khan,ceo\np_khan,ceo\n");
    remit::test::CliRun r = run_cli(
        {"check", "officers.remit", "--holders", "holders.csv", "--width", "0"}, dir.path());
    CHECK(r.status == 0);
    CHECK(r.err.starts_with("holders.csv:3:8: warning: "));
  }
}

TEST_CASE("cambridgeshire with its (invented) people: remit check is clean", "[check][policies]") {
  remit::test::CliRun r = run_cli({"check", "policies/cambridgeshire/", "--width", "0"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("No breaches: "));
  CHECK(r.out.find(" checked against 9 people and 42 posts.\n") != std::string::npos);

  // The people make the statutory officer rules bite: each office is held, by three different
  // people, and the s.151 officer is a qualified accountant.
  remit::Run run;
  remit::Inputs in;
  in.policies.push_back(remit::test::project_dir / "policies" / "cambridgeshire");
  REQUIRE(run.load(in));
  const remit::Organisation& org = run.resolved().organisation;
  auto holders_of = [&](std::string_view designation) {
    std::vector<std::uint32_t> people;
    const auto role = org.designations.index.at(designation);
    for (const remit::Holding& h : org.holdings) {
      const auto& posts = org.designated[role];
      if (std::find(posts.begin(), posts.end(), h.post) != posts.end()) people.push_back(h.person);
    }
    return people;
  };
  const auto hops = holders_of("head_of_paid_service");
  const auto mo = holders_of("monitoring_officer");
  const auto s151 = holders_of("section_151_officer");
  REQUIRE(s151.size() == 1);
  REQUIRE(mo.size() == 1);
  CHECK(std::find(hops.begin(), hops.end(), mo[0]) == hops.end());
  CHECK(mo[0] != s151[0]);
  const auto accountant = org.qualifications.index.at("accountant");
  const auto quals = org.qualifications_of(s151[0]);
  CHECK(std::find(quals.begin(), quals.end(), accountant) != quals.end());
  for (std::uint32_t p = 0; p < org.people.size(); ++p) {
    CAPTURE(org.name_of(p));
    CHECK(org.name_of(p).find("(invented)") != std::string_view::npos);
  }
}

TEST_CASE("the text report shows at most 20 posts of a rule - the JSON report all of them",
          "[check][require][json]") {
  std::string policy = "use \"uk/lgha1989\"\nbody council \"Full Council\"\n";
  for (int i = 1; i <= 25; ++i) {
    policy += "post p" + std::to_string(i) + " \"Post " + std::to_string(i) +
              "\" { reports to council }\n";
  }
  policy += "require \"at most ten posts\" { count any post <= 10 }\n";
  Checked c = check(policy);
  REQUIRE(c.ok);
  REQUIRE(c.breaches().size() == 1);
  CHECK(c.breaches()[0]["count"] == 25);
  CHECK(c.breaches()[0]["posts"].size() == 25);
  CHECK(c.breaches()[0]["posts"][24]["id"] == "p25");
  CHECK(c.text.find("p20 \"Post 20\" and 5 more (see --format json)\n") != std::string::npos);
  CHECK(c.text.find("p21") == std::string::npos);
}
