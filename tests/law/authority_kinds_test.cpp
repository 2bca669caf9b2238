// The kind and jurisdiction of the authority (`authority "Name" kind K jurisdiction J`), and
// rules that apply only to some kinds of authority (`where authority is K1, K2`): LGHA 1989
// s.5(1A)-(1B) binds only the authorities s.5(1B) names.
#include <catch2/catch.hpp>
#include <string>

#include "evaluate/rules.hpp"
#include "resolve/organisation.hpp"
#include "tests/explain/cli_golden.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using Catch::Matchers::Contains;
using remit::ast::AuthorityKind;
using remit::ast::Jurisdiction;
using remit::test::first_line;
using remit::test::load_text;

// One person holds the Monitoring Officer and the Head of Paid Service posts, and a rule
// forbids it for `guard`'s kinds; `authority` is the policy's authority statement.
std::string mo_and_hops(const std::string& authority, const std::string& guard) {
  return "use \"uk/roles\"\n" + authority +
         "\n"
         "body council \"Full Council\"\n"
         "post ceo \"Chief Executive\" { reports to council designated head_of_paid_service }\n"
         "post mo \"Monitoring Officer\" { reports to ceo designated monitoring_officer }\n"
         "person p \"Pat\" { holds ceo, mo }\n"
         "category 1 \"HoPS\" { when designated head_of_paid_service }\n"
         "incompatible monitoring_officer with head_of_paid_service\n"
         "  " +
         guard + "\n  cite \"LGHA 1989 s.5(1A)\"\n";
}

const std::string english_councils =
    "where authority is county_council, district_council, london_borough_council,\n"
    "        greater_london_authority, common_council";

}  // namespace

TEST_CASE("law: the authority's kind and jurisdiction are read", "[law][authority]") {
  auto p = load_text(
      "authority \"Gwynedd Council\" kind county_council jurisdiction wales\n"
      "category 1 \"C\" { when vacant }\n");
  REQUIRE(p.ok);
  const remit::Organisation& org = p.run->resolved().organisation;
  CHECK(org.authority == "Gwynedd Council");
  CHECK(org.authority_kind == AuthorityKind::county_council);
  CHECK(org.jurisdiction == Jurisdiction::wales);
}

TEST_CASE("law: a kind that exists in one nation only implies its jurisdiction",
          "[law][authority]") {
  auto p = load_text(
      "authority \"Fife Council\" kind scottish_council\n"
      "category 1 \"C\" { when vacant }\n");
  REQUIRE(p.ok);
  CHECK(p.run->resolved().organisation.jurisdiction == Jurisdiction::scotland);
  auto q = load_text("authority \"Kent\" kind county_council\ncategory 1 \"C\" { when vacant }\n");
  REQUIRE(q.ok);
  CHECK_FALSE(q.run->resolved().organisation.jurisdiction.has_value());  // England or Wales
}

TEST_CASE("law: a jurisdiction the kind contradicts is an error at the jurisdiction",
          "[law][authority]") {
  auto p = load_text(
      "authority \"Fife Council\" kind scottish_council jurisdiction wales\n"
      "category 1 \"C\" { when vacant }\n");
  CHECK_FALSE(p.ok);
  CHECK(first_line(p.diagnostics()) ==
        "test.remit:1:61: error: the authority is a council constituted under the Local "
        "Government etc. (Scotland) Act 1994, which exists only in Scotland (LGHA 1989 s.21(2)), "
        "but its jurisdiction is given as wales; correct the kind or the jurisdiction");
}

TEST_CASE("law: an unknown kind of authority is an error that suggests the nearest",
          "[law][authority]") {
  auto p = load_text("authority \"Kent\" kind county_councl\ncategory 1 \"C\" { when vacant }\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()),
             Contains("test.remit:1:23: error: unknown kind of authority 'county_councl'"));
  CHECK_THAT(p.diagnostics(), Contains("did you mean 'county_council'?"));
}

TEST_CASE("law: an unknown jurisdiction is an error", "[law][authority]") {
  auto p = load_text("authority \"Kent\" jurisdiction englnd\ncategory 1 \"C\" { when vacant }\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()),
             Contains("test.remit:1:31: error: unknown jurisdiction 'englnd'"));
  CHECK_THAT(p.diagnostics(), Contains("did you mean 'england'?"));
}

TEST_CASE("law: 'kind' without a kind is a syntax error at its place", "[law][authority]") {
  auto p = load_text("authority \"Kent\" kind \"county\"\ncategory 1 \"C\" { when vacant }\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()),
             Contains("test.remit:1:23: error: expected a kind of authority after 'kind'"));
}

TEST_CASE("law: a guarded incompatibility applies to the kinds it names", "[law][guard]") {
  auto p = load_text(mo_and_hops("authority \"Kent\" kind county_council", english_councils));
  REQUIRE(p.ok);
  CHECK(p.run->breaches().incompatibilities.size() == 1);
}

TEST_CASE("law: a guarded incompatibility does not apply to other kinds", "[law][guard]") {
  auto p = load_text(mo_and_hops("authority \"Fife\" kind scottish_council", english_councils));
  REQUIRE(p.ok);
  CHECK(p.run->breaches().incompatibilities.empty());
  auto q = load_text(mo_and_hops("authority \"Fire\" kind fire_authority", english_councils));
  REQUIRE(q.ok);
  CHECK(q.run->breaches().incompatibilities.empty());
}

TEST_CASE("law: a guarded rule applies when the kind is not declared, and its breach says so",
          "[law][guard]") {
  auto p = load_text(mo_and_hops("authority \"Somewhere\"", english_councils));
  REQUIRE(p.ok);
  CHECK(p.run->breaches().incompatibilities.size() == 1);
  // Nothing said on every run: only the breach carries the note (check_report).
  CHECK_THAT(p.diagnostics(), !Contains("note:"));
  // No authority statement at all: the rule applies the same.
  auto q = load_text(mo_and_hops("", "where authority is district_council"));
  REQUIRE(q.ok);
  CHECK(q.run->breaches().incompatibilities.size() == 1);
}

TEST_CASE("law: forbid and require take the guard before their block", "[law][guard]") {
  const std::string rules =
      "forbid \"no vacant posts\" where authority is district_council { vacant cite \"x\" }\n"
      "require \"two posts\" where authority is district_council { count any post = 2 }\n";
  const std::string posts =
      "post a \"A\" { vacant }\npost b \"B\"\npost c \"C\"\ncategory 1 \"C\" { when vacant }\n";
  auto applies = load_text("authority \"D\" kind district_council\n" + posts + rules);
  REQUIRE(applies.ok);
  CHECK(applies.run->breaches().rules.size() == 2);
  auto not_here = load_text("authority \"L\" kind london_borough_council\n" + posts + rules);
  REQUIRE(not_here.ok);
  CHECK(not_here.run->breaches().rules.empty());
  auto undeclared = load_text(posts + rules);
  REQUIRE(undeclared.ok);
  CHECK(undeclared.run->breaches().rules.size() == 2);
}

TEST_CASE("law: an unknown kind in a guard is an error that suggests the nearest", "[law][guard]") {
  auto p = load_text(mo_and_hops("authority \"Kent\" kind county_council",
                                 "where authority is county_council, distrct_council"));
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()),
             Contains("test.remit:9:38: error: unknown kind of authority 'distrct_council'"));
  CHECK_THAT(p.diagnostics(), Contains("did you mean 'district_council'?"));
}

TEST_CASE("law: a guard without 'is' is a syntax error at its place", "[law][guard]") {
  auto p = load_text(mo_and_hops("", "where authority county_council"));
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()), Contains("test.remit:9:19: error: expected 'is'"));
}

TEST_CASE("cli: check says how many rules apply only to other kinds of authority",
          "[law][guard][cli]") {
  remit::test::TempDir dir;
  const auto path = dir.write(
      "p.remit", mo_and_hops("authority \"Fife\" kind scottish_council", english_councils));
  const auto r = remit::test::run_cli({"check", "--width", "0", path.string()});
  CHECK(r.status == 0);
  CHECK(r.out ==
        "No breaches: 0 incompatibilities and 0 rules checked against 1 person and 2 posts; 1 "
        "rule applies only to other kinds of authority.\n");
}

TEST_CASE("cli: the breach of a guarded rule says the authority's kind was not declared",
          "[law][guard][cli]") {
  remit::test::TempDir dir;
  const auto path = dir.write("p.remit", mo_and_hops("authority \"Somewhere\"", english_councils));
  const auto r = remit::test::run_cli({"check", "--width", "0", path.string()});
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("  note: this rule applies only to these kinds of authority: "));
  CHECK_THAT(r.out, Contains("kind district_council"));
  const auto j = remit::test::run_cli({"check", "--format", "json", path.string()});
  CHECK_THAT(j.out, Contains("\"note\": \"this rule applies only to these kinds of authority"));
  // Declared, and one of the kinds: the same breach, no note.
  const auto declared = dir.write(
      "q.remit", mo_and_hops("authority \"Somewhere\" kind district_council", english_councils));
  const auto d = remit::test::run_cli({"check", "--width", "0", declared.string()});
  CHECK(d.status == 1);
  CHECK_THAT(d.out, !Contains("note:"));
}
