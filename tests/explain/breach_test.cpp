// Explain every result, breaches included: `remit explain POLICY… --breach N` (and `remit check
// --explain`) says why breach N of `remit check` stands, from what the evaluator recorded: the
// person's holdings and the posts' designations for an incompatibility; for a require/forbid
// rule, the posts it found and why each is in the sets the rule names.
#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "evaluate/rules.hpp"
#include "explain/explain.hpp"
#include "remit/remit.hpp"
#include "report/check_report.hpp"
#include "resolve/organisation.hpp"
#include "tests/explain/cli_golden.hpp"
#include "tests/support/stdlib_line.hpp"

namespace {

using Catch::Matchers::EndsWith;
using Json = nlohmann::ordered_json;
using remit::test::check_golden;
using remit::test::run_cli;
using remit::test::TempDir;

struct Loaded {
  std::unique_ptr<remit::Run> run = std::make_unique<remit::Run>();
  bool ok = false;

  [[nodiscard]] std::size_t breaches() const { return run->breaches().size(); }
  // The text of `remit explain test.remit --breach N`.
  [[nodiscard]] std::string text(std::size_t n) const {
    return remit::render_text(remit::explain_breach(*run, n), run->sources());
  }
  // Its steps, without indentation or locations.
  [[nodiscard]] std::vector<std::string> steps(std::size_t n) const {
    std::vector<std::string> out;
    std::function<void(const remit::Reason&, std::size_t)> walk = [&](const remit::Reason& r,
                                                                      std::size_t depth) {
      out.push_back(std::string(depth * 2, ' ') + r.text);
      for (const remit::Reason& c : r.because) walk(c, depth + 1);
    };
    walk(remit::explain_breach(*run, n), 0);
    return out;
  }
};

Loaded load(const std::string& policy) {
  Loaded l;
  remit::Inputs in;
  in.texts.push_back({"test.remit", policy});
  l.ok = l.run->load(in);
  if (!l.ok) FAIL(l.run->diagnostics_text());
  return l;
}

bool has(const std::vector<std::string>& steps, const std::string& step) {
  for (const std::string& s : steps) {
    if (s == step) return true;
  }
  return false;
}

// The policy of the rule tests: one breach of each kind of rule, and no person.
const std::string rules_policy = R"policy(use "uk/lgha1989"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dir_fin "Director of Finance" { reports to ceo designated section_151_officer }
post dir_place "Director of Place" { reports to ceo }
post head_plan "Head of Planning" { reports to dir_place duties delegated_powers }
post planner "Planning Officer" { reports to head_plan duties delegated_powers }
post pa "Political Assistant" { reports to ceo designated political_assistant duties delegated_powers }
let chiefs = category 2, 3
require "exactly one Monitoring Officer" {
  count designated monitoring_officer = 1
  cite "LGHA 1989 s.5(1)(a)"
}
require "at most one post with delegated powers" {
  count duty delegated_powers <= 1
}
require "every chief officer post is filled" {
  every chiefs is has holder
  cite "Constitution, Part 7, para 3.2"
}
require "someone speaks to the media" {
  some reports to ceo is duty speaks_to_media
}
require "no chief officer in Place" {
  no chiefs title contains "Place"
}
forbid "a political assistant exercises no delegated powers" {
  designated political_assistant and duty delegated_powers
  cite "LGHA 1989 s.9"
}
)policy";

}  // namespace

TEST_CASE("golden: remit explain docs/examples/small-district.remit --breach 1",
          "[explain][breach][golden]") {
  auto r = run_cli({"explain", "docs/examples/small-district.remit", "--breach", "1"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("breach 1: incompatible monitoring_officer with section_151_officer\n"));
  CHECK(r.out.find("because Morgan Jones holds head_law \"Head of Legal and Democratic Services\"\n"
                   "    (interim)") != std::string::npos);
  CHECK(r.out.find("which is designated monitoring_officer") != std::string::npos);
  CHECK(r.out.find("and Morgan Jones holds dir_res \"Director of Resources\"") !=
        std::string::npos);
  check_golden("explain_breach_small_district.txt", r.transcript());
}

TEST_CASE("an incompatibility: the holdings, their designations, where each is written",
          "[explain][breach]") {
  Loaded l = load(R"(use "uk/lgha1989"
use "uk/statutory_officers"
body council "Full Council"
post ceo "Chief Executive" {
  reports to council
  designated head_of_paid_service, section_151_officer
}
post dir_law "Director of Law" { reports to ceo designated monitoring_officer }
person p_khan "Aisha Khan" {
  holds ceo
  qualified solicitor
}
person p_jones "Sam Jones" { holds dir_law, acting ceo }
qualification solicitor "Solicitor of the Senior Courts"
)");
  // Aisha Khan: Head of Paid Service and s.151 officer on one post, not an accountant (1).
  // Sam Jones: Monitoring Officer, acting Head of Paid Service and s.151 officer (3).
  const remit::Breaches& b = l.run->breaches();
  REQUIRE(b.incompatibilities.size() == 4);
  REQUIRE(b.rules.empty());
  SECTION("unless qualified: the person's qualification is not there") {
    std::size_t n = 0;
    for (std::size_t i = 0; i < b.incompatibilities.size(); ++i) {
      if (l.run->program().incompatibilities[b.incompatibilities[i].rule].unless_qualified &&
          l.run->resolved().organisation.id_of(b.incompatibilities[i].person) == "p_khan") {
        n = i + 1;
      }
    }
    REQUIRE(n != 0);
    const std::vector<std::string> expected = {
        "breach " + std::to_string(n) +
            ": incompatible head_of_paid_service with section_151_officer unless qualified "
            "accountant",
        "  because Aisha Khan holds ceo \"Chief Executive\"",
        "    which is designated head_of_paid_service",
        "    and is designated section_151_officer",
        "  and Aisha Khan is not qualified accountant",
        "  LGFA 1988 s.113",
    };
    CHECK(l.steps(n) == expected);
    // Where each step rests: the rule, the holding, each designation, the person.
    const std::string text = l.text(n);
    const std::string module = "england/statutory_officers.remit";
    const std::string rule_at =
        "   stdlib/" + module + ":" +
        std::to_string(remit::test::stdlib_line(
            module, "incompatible head_of_paid_service with section_151_officer")) +
        ":1\n";
    CHECK(text.find(rule_at) != std::string::npos);
    CHECK(text.find("Chief Executive\"   ") != std::string::npos);
    CHECK(text.find("test.remit:10:9\n") != std::string::npos);  // holds ceo
    CHECK(text.find("test.remit:6:14\n") != std::string::npos);  // head_of_paid_service
    CHECK(text.find("test.remit:6:36\n") != std::string::npos);  // section_151_officer
    CHECK(text.find("test.remit:9:8\n") != std::string::npos);   // person p_khan: its id
  }
  SECTION("two posts, one held as acting") {
    std::vector<std::string> steps;
    for (std::size_t n = 1; n <= b.size(); ++n) {
      if (l.steps(n)[0].ends_with("incompatible monitoring_officer with head_of_paid_service")) {
        steps = l.steps(n);
      }
    }
    const std::vector<std::string> expected_tail = {
        "  because Sam Jones holds dir_law \"Director of Law\"",
        "    which is designated monitoring_officer",
        "  and Sam Jones holds ceo \"Chief Executive\" (acting)",
        "    which is designated head_of_paid_service",
        "  LGHA 1989 s.5(1A)",
        "  LGHA 1989 s.5(1B)",
    };
    REQUIRE(steps.size() == 7);
    CHECK(std::vector<std::string>(steps.begin() + 1, steps.end()) == expected_tail);
  }
  SECTION("a qualified person breaches no unless-qualified rule") {
    Loaded q = load(R"(use "uk/lgha1989"
use "uk/statutory_officers"
body council "Full Council"
post ceo "Chief Executive" {
  reports to council
  designated head_of_paid_service, section_151_officer
}
person p_khan "Aisha Khan" { holds ceo qualified accountant }
)");
    CHECK(q.run->breaches().incompatibilities.empty());
  }
}

TEST_CASE("a count rule: the count, and why each post counted", "[explain][breach]") {
  Loaded l = load(rules_policy);
  // The order of check: rules in the order they were read.
  REQUIRE(l.breaches() == 6);
  SECTION("too few: no post to show") {
    CHECK(l.steps(1) == std::vector<std::string>{
                            "breach 1: require \"exactly one Monitoring Officer\"",
                            "  because the count of posts in `designated monitoring_officer` is 0; "
                            "the rule requires count = 1",
                            "  LGHA 1989 s.5(1)(a)",
                        });
    CHECK(l.text(1).find("test.remit:10:1\n") != std::string::npos);
    CHECK(l.text(1).find("test.remit:11:9\n") != std::string::npos);  // the counted set
  }
  SECTION("too many: each post and why it is in the set") {
    CHECK(l.steps(2) == std::vector<std::string>{
                            "breach 2: require \"at most one post with delegated powers\"",
                            "  because the count of posts in `duty delegated_powers` is 3; the "
                            "rule requires count <= 1",
                            "    head_plan \"Head of Planning\" is one of them",
                            "      because it has duty delegated_powers",
                            "    planner \"Planning Officer\" is one of them",
                            "      because it has duty delegated_powers",
                            "    pa \"Political Assistant\" is one of them",
                            "      because it has duty delegated_powers",
                        });
  }
}

TEST_CASE("an every rule: why each post is in the subject and not in the predicate",
          "[explain][breach]") {
  Loaded l = load(rules_policy);
  const std::vector<std::string> steps = l.steps(3);
  REQUIRE(steps.size() > 4);
  CHECK(steps[0] == "breach 3: require \"every chief officer post is filled\"");
  CHECK(steps[1] ==
        "  because 3 posts in `chiefs` are not in `has holder`; the rule requires every one to be");
  CHECK(steps[2] == "    dir_fin \"Director of Finance\" is one of them");
  CHECK(steps[3] == "      because it is in chiefs");
  CHECK(steps[4] == "        because it meets category 2 (Statutory Chief Officers)");
  CHECK(steps[5] == "          because it is designated section_151_officer");
  CHECK(steps[6] == "      and nobody holds it");
  CHECK(has(steps, "    dir_place \"Director of Place\" is one of them"));
  CHECK(has(steps, "    pa \"Political Assistant\" is one of them"));
  CHECK(steps.back() == "  Constitution, Part 7, para 3.2");
}

TEST_CASE("some and no rules", "[explain][breach]") {
  Loaded l = load(rules_policy);
  SECTION("some: every post of the subject, and why it is not in the predicate") {
    const std::vector<std::string> steps = l.steps(4);
    CHECK(steps[0] == "breach 4: require \"someone speaks to the media\"");
    CHECK(steps[1] ==
          "  because 5 posts are in `reports to ceo`, and none of them is in `duty "
          "speaks_to_media`; the rule requires at least one");
    CHECK(steps[2] == "    dir_fin \"Director of Finance\" is one of them");
    CHECK(steps[3] ==
          "      because it reports to ceo \"Chief Executive\" through the line dir_fin -> ceo");
    CHECK(steps[4] == "        which is ceo");
    CHECK(steps[5] == "      and it does not have duty speaks_to_media");
  }
  SECTION("no: why the post is in both") {
    CHECK(l.steps(5) ==
          std::vector<std::string>{
              "breach 5: require \"no chief officer in Place\"",
              "  because 1 post in `chiefs` is also in `title contains \"Place\"`; the rule "
              "requires none to be",
              "    dir_place \"Director of Place\" is one of them",
              "      because it is in chiefs",
              "        because it meets category 3 (Non-Statutory Chief Officers)",
              "          because it reports directly to ceo \"Chief Executive\"",
              "            which meets category 1 (The Head of Paid Service)",
              "              because it is designated head_of_paid_service",
              "          and it does not meet category 1 or 2",
              "          and it is not in solely_support_services",
              "      and its title \"Director of Place\" contains \"Place\"",
          });
  }
}

TEST_CASE("a forbid rule: why each post is in the forbidden set", "[explain][breach]") {
  Loaded l = load(rules_policy);
  CHECK(l.steps(6) ==
        std::vector<std::string>{
            "breach 6: forbid \"a political assistant exercises no delegated powers\"",
            "  because 1 post is in `designated political_assistant and duty "
            "delegated_powers`; the rule forbids any",
            "    pa \"Political Assistant\" is one of them",
            "      because it is designated political_assistant",
            "      and it has duty delegated_powers",
            "  LGHA 1989 s.9",
        });
  CHECK_THROWS_AS(remit::explain_breach(*l.run, 7), std::out_of_range);
  CHECK_THROWS_AS(remit::explain_breach(*l.run, 0), std::out_of_range);
}

TEST_CASE("the explanation names the posts the check found, at most 10", "[explain][breach]") {
  std::string policy = R"(use "uk/lgha1989"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
)";
  for (int i = 1; i <= 13; ++i) {
    policy += "post o" + std::to_string(i) + " \"Officer " + std::to_string(i) +
              "\" { reports to ceo }\n";
  }
  policy += R"(forbid "no post reports straight to the chief executive" {
  reports directly to ceo
}
)";
  Loaded l = load(policy);
  REQUIRE(l.breaches() == 1);
  const remit::RuleBreach& b = l.run->breaches().rules[0];
  REQUIRE(b.offending.size() == 13);
  const std::vector<std::string> steps = l.steps(1);
  // The posts of the breach, in its order: the first ten, each with its reason, then the rest.
  std::vector<std::string> named;
  for (const std::string& s : steps) {
    if (s.starts_with("    ") && !s.starts_with("      ")) named.push_back(s.substr(4));
  }
  REQUIRE(named.size() == 11);
  const remit::Organisation& org = l.run->resolved().organisation;
  for (std::size_t k = 0; k < 10; ++k) {
    const remit::Unit& u = org.units[b.offending[k]];
    CHECK(named[k] == std::string(u.id()) + " \"" + std::string(u.title()) + "\" is one of them");
  }
  CHECK(named[10] == "and 3 more (remit check --format json lists them all)");
  CHECK(steps[1] == "  because 13 posts are in `reports directly to ceo`; the rule forbids any");
}

TEST_CASE("explain --breach: bad input exits with 2", "[explain][breach][cli]") {
  const std::string policy = "docs/examples/small-district.remit";
  SECTION("a breach that does not exist") {
    auto r = run_cli({"explain", policy, "--breach", "2"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "remit: error: no breach 2: there is 1 breach, numbered 1\n");
  }
  SECTION("breaches count from 1") {
    auto r = run_cli({"explain", policy, "--breach", "0"});
    CHECK(r.status == 2);
    CHECK(r.err == "remit: error: no breach 0: there is 1 breach, numbered 1\n");
  }
  SECTION("a policy with no breaches") {
    auto r = run_cli({"explain", "policies/council-000/", "--breach", "1"});
    CHECK(r.status == 2);
    CHECK(r.err == "remit: error: no breach 1: the policy has no breaches\n");
  }
  SECTION("several breaches: the message gives the range") {
    TempDir dir;
    dir.write("rules.remit", rules_policy);
    auto r = run_cli({"explain", "rules.remit", "--breach", "7"}, dir.path());
    CHECK(r.status == 2);
    // After the warning that the policy leaves out statutory rules (tests/law/).
    CHECK_THAT(r.err, EndsWith("\nremit: error: no breach 7: there are 6 breaches, numbered 1 to "
                               "6 in the order remit check prints them\n"));
  }
  SECTION("a post id and --breach") {
    auto r = run_cli({"explain", policy, "head_law", "--breach", "1"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "remit: error: explain takes a post id or --breach N, not both ('head_law' is not a "
          "policy file or folder)\n");
  }
  SECTION("--why-not and --breach") {
    auto r = run_cli({"explain", policy, "--breach", "1", "--why-not", "2"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
  }
}

TEST_CASE("golden: remit check --explain", "[check][explain][breach][golden]") {
  SECTION("the README's small district") {
    auto r = run_cli({"check", "docs/examples/small-district.remit", "--explain"});
    CHECK(r.status == 1);
    // The breach as check prints it, then the explanation indented under it.
    auto plain = run_cli({"check", "docs/examples/small-district.remit"});
    // At 80 columns, check lays the tree out in the 76 its indent leaves.
    auto tree = run_cli(
        {"explain", "docs/examples/small-district.remit", "--breach", "1", "--width", "76"});
    std::string indented;
    std::istringstream in(tree.out);
    for (std::string line; std::getline(in, line);) indented += "    " + line + "\n";
    const std::string summary = "1 breach.\n";
    REQUIRE(plain.out.ends_with(summary));
    CHECK(r.out == plain.out.substr(0, plain.out.size() - summary.size()) + indented + summary);
    check_golden("check_explain_small_district.txt", r.transcript());
  }
  SECTION("every kind of rule") {
    TempDir dir;
    dir.write("rules.remit", rules_policy);
    auto r = run_cli({"check", "rules.remit", "--explain"}, dir.path());
    CHECK(r.status == 1);
    check_golden("check_explain_rules.txt", r.transcript());
  }
}

TEST_CASE("check --explain --format json: an explanation per breach", "[check][explain][json]") {
  TempDir dir;
  dir.write("rules.remit", rules_policy);
  auto plain = run_cli({"check", "rules.remit", "--format", "json"}, dir.path());
  auto r = run_cli({"check", "rules.remit", "--format", "json", "--explain"}, dir.path());
  CHECK(r.status == 1);
  CHECK(r.err == plain.err);  // the same warnings, and no error
  const Json with = Json::parse(r.out), without = Json::parse(plain.out);
  REQUIRE(with["breaches"].size() == 6);
  // Without --explain, no field is added.
  for (const Json& b : without["breaches"]) CHECK_FALSE(b.contains("explanation"));
  for (std::size_t i = 0; i < with["breaches"].size(); ++i) {
    CAPTURE(i);
    Json b = with["breaches"][i];
    REQUIRE(b.contains("explanation"));
    // The field comes last; the others are as without --explain.
    CHECK(std::prev(b.end()).key() == "explanation");
    const Json e = b["explanation"];
    b.erase("explanation");
    CHECK(b == without["breaches"][i]);
    // The same tree as `remit explain --breach N --format json`.
    auto one =
        run_cli({"explain", "rules.remit", "--breach", std::to_string(i + 1), "--format", "json"},
                dir.path());
    CHECK(one.status == 0);
    CHECK(e == Json::parse(one.out));
    CHECK(e["text"].get<std::string>().starts_with("breach " + std::to_string(i + 1) + ": "));
    CHECK(e["location"] == b["location"]);
    CHECK(e["because"].is_array());
  }
  // A step: text, location, because.
  const Json& forbid = with["breaches"][5]["explanation"];
  CHECK(forbid["because"][0]["text"] ==
        "because 1 post is in `designated political_assistant and duty delegated_powers`; the "
        "rule forbids any");
  CHECK(forbid["because"][0]["location"] ==
        Json::parse(R"({"file": "rules.remit", "line": 28, "column": 3})"));
  const Json& pa = forbid["because"][0]["because"][0];
  CHECK(pa["text"] == "pa \"Political Assistant\" is one of them");
  CHECK(pa["because"][1]["text"] == "and it has duty delegated_powers");
  CHECK(forbid["because"][1] == Json::parse(R"({"text": "LGHA 1989 s.9",
                        "location": {"file": "rules.remit", "line": 29, "column": 9},
                        "because": []})"));
}

TEST_CASE("explain --breach --format json: the tree of the text", "[explain][breach][json]") {
  auto r = run_cli(
      {"explain", "docs/examples/small-district.remit", "--breach", "1", "--format", "json"});
  CHECK(r.status == 0);
  const Json doc = Json::parse(r.out);
  CHECK(doc["text"] == "breach 1: incompatible monitoring_officer with section_151_officer");
  CHECK(doc["location"] ==
        Json::parse(
            R"({"file": "stdlib/england/statutory_officers.remit", "line": 26, "column": 1})"));
  const Json& held = doc["because"][0];
  CHECK(held["text"] ==
        "because Morgan Jones holds head_law \"Head of Legal and Democratic Services\" (interim)");
  CHECK(held["location"]["file"] == "docs/examples/small-district.remit");
  CHECK(held["because"][0]["text"] == "which is designated monitoring_officer");
  CHECK(doc["because"].size() == 3);
  CHECK(doc["because"][2]["text"] == "LGHA 1989 s.5(1)");
}

TEST_CASE("explaining a breach reads the evaluator's sets: the check and the explanation agree",
          "[explain][breach]") {
  // Each post the explanation of a rule breach names is a post the check found, in the same
  // order.
  Loaded l = load(rules_policy);
  const remit::Breaches& all = l.run->breaches();
  const remit::Organisation& org = l.run->resolved().organisation;
  for (std::size_t i = 0; i < all.rules.size(); ++i) {
    const std::size_t n = all.incompatibilities.size() + i + 1;
    CAPTURE(n);
    const remit::Reason r = remit::explain_breach(*l.run, n);
    REQUIRE_FALSE(r.because.empty());
    std::vector<std::string> named;
    for (const remit::Reason& m : r.because[0].because) named.push_back(m.text);
    std::vector<std::string> found;
    for (remit::UnitIndex u : all.rules[i].offending) {
      found.push_back(std::string(org.units[u].id()) + " \"" + std::string(org.units[u].title()) +
                      "\" is one of them");
    }
    if (std::holds_alternative<remit::ast::condition::Quantified>(
            l.run->program().rules[all.rules[i].rule].condition) &&
        std::get<remit::ast::condition::Quantified>(
            l.run->program().rules[all.rules[i].rule].condition)
                .quantifier == remit::ast::Quantifier::some) {
      continue;  // a `some` breach lists no post; its explanation shows the subject's posts
    }
    CHECK(named == found);
  }
}

TEST_CASE("a rule's sets are quoted as they could be written", "[explain][breach]") {
  SECTION("parentheses where the grammar needs them, and only there") {
    Loaded l = load(R"(use "uk/lgha1989"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dir "Director of Place" { reports to ceo }
forbid "a test of the printing" {
  (designated head_of_paid_service or in directorate "Place \"East\"")
    and not (duty clerical or vacant) and reports within 2 of (ceo or any body)
    or manages (dir and not has holder)
}
)");
    REQUIRE(l.breaches() == 1);
    CHECK(l.steps(1)[1] ==
          "  because 1 post is in `(designated head_of_paid_service or in directorate \"Place "
          "\\\"East\\\"\") and not (duty clerical or vacant) and reports within 2 of (ceo or any "
          "body) or manages (dir and not has holder)`; the rule forbids any");
  }
  SECTION("a long chain is printed without deep recursion") {
    std::string policy = R"(use "uk/lgha1989"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
forbid "long" {
  any post)";
    for (int i = 0; i < 20000; ++i) policy += " and not vacant";
    policy += "\n}\n";
    Loaded l = load(policy);
    REQUIRE(l.breaches() == 1);
    const std::vector<std::string> steps = l.steps(1);
    CHECK(steps[1].starts_with("  because 1 post is in `any post and not vacant and not vacant"));
    CHECK(steps[1].ends_with(" and not vacant`; the rule forbids any"));
  }
}
