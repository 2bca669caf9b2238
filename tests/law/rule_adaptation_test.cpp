// Adaptable rules, never silently: a policy sets aside or replaces a named rule (a require or
// forbid rule by its name, an incompatibility as "a with b"), with a reason every report prints.
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
using remit::test::load_text;
using remit::test::run_cli;

// The Head of Legal is also made Head of Paid Service: a breach of s.5(1A) in England, lawful
// in a Scottish council.
const std::string combined = exemption_council + "designate mo as head_of_paid_service\n";
const std::string set_aside =
    "set aside rule \"monitoring_officer with head_of_paid_service\" because \"Scottish council: "
    "s.5(1A) does not apply\"\n"
    "set aside rule \"a post designated Monitoring Officer is not also the Head of Paid "
    "Service\" because \"Scottish council: s.5(1A) does not apply\"\n"
    "set aside rule \"exactly one Head of Paid Service\" because \"two designations while the "
    "post is handed over\"\n";

}  // namespace

TEST_CASE("law: a set-aside rule is not checked", "[law][rules]") {
  remit::test::TempDir dir;
  const auto before = run_cli({"check", "--width", "0", dir.write("a.remit", combined).string()});
  CHECK(before.status == 1);
  CHECK_THAT(before.out, Contains("breach: forbid \"a post designated Monitoring Officer is not "
                                  "also the Head of Paid Service\""));
  const auto after =
      run_cli({"check", "--width", "0", dir.write("b.remit", combined + set_aside).string()});
  CHECK(after.status == 0);
  CHECK_THAT(after.out,
             Contains("Rule set aside by this policy: \"monitoring_officer with "
                      "head_of_paid_service\" because \"Scottish council: s.5(1A) does not "
                      "apply\""));
}

TEST_CASE("law: check --format json lists the rules set aside", "[law][rules]") {
  remit::test::TempDir dir;
  const auto r =
      run_cli({"check", dir.write("b.remit", combined + set_aside).string(), "--format", "json"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("\"set_aside\": ["));
  CHECK_THAT(r.out, Contains("\"rule\": \"monitoring_officer with head_of_paid_service\""));
  CHECK_THAT(r.out, Contains("\"reason\": \"Scottish council: s.5(1A) does not apply\""));
}

TEST_CASE("law: derive and the committee report print the rules set aside", "[law][rules]") {
  remit::test::TempDir dir;
  const auto path = dir.write("b.remit", combined + set_aside);
  const auto text = run_cli({"derive", "--width", "0", path.string(), "--format", "table"});
  CHECK(text.status == 0);
  CHECK_THAT(text.out, Contains("Rule set aside by this policy: \"exactly one Head of Paid "
                                "Service\" because \"two designations while the post is handed "
                                "over\""));
  const auto html = run_cli({"report", path.string(), "-o", (dir.path() / "r.html").string()});
  CHECK(html.status == 0);
  CHECK_THAT(remit::test::file_text(dir.path() / "r.html"),
             Contains("<p class=\"set-aside\">Rule set aside by this policy: &quot;monitoring_"
                      "officer with head_of_paid_service&quot;"));
}

TEST_CASE("law: an unknown rule name is an error with a suggestion", "[law][rules]") {
  auto p = load_text(exemption_council +
                     "set aside rule \"monitoring_officer with head_of_paid_servce\" because "
                     "\"x\"\n");
  CHECK_FALSE(p.ok);
  CHECK(first_line(p.diagnostics()) ==
        "test.remit:12:16: error: no rule named 'monitoring_officer with head_of_paid_servce' to "
        "set aside (did you mean 'monitoring_officer with head_of_paid_service'?); a require or "
        "forbid rule is named by its text in quotes, an 'incompatible a with b' rule as \"a with "
        "b\"");
}

TEST_CASE("law: an unknown rule name is bad input on the command line", "[law][rules][cli]") {
  remit::test::TempDir dir;
  const auto r =
      run_cli({"check", "--width", "0",
               dir.write("p.remit", exemption_council + "set aside rule \"no such rule\" "
                                                        "because \"x\"\n")
                   .string()});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("p.remit:12:16: error: no rule named 'no such rule' to set aside"));
}

TEST_CASE("law: a rule set aside twice is an error", "[law][rules]") {
  const std::string once = "set aside rule \"exactly one Head of Paid Service\" because \"x\"\n";
  auto p = load_text(exemption_council + once + once);
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diagnostics(), Contains("test.remit:13:1: error: the rule 'exactly one Head of "
                                       "Paid Service' is already set aside or replaced"));
}

TEST_CASE("law: a replaced rule is checked in its new form", "[law][rules]") {
  remit::test::TempDir dir;
  const std::string replace =
      "replace rule \"at most three political assistant posts\" because \"no political groups "
      "qualify\" with require \"no political assistant posts\" {\n"
      "  count designated political_assistant = 0\n"
      "  cite \"LGHA 1989 s.9(5)\"\n"
      "}\n"
      "designate press-officer as political_assistant\n";
  const auto r = run_cli(
      {"check", "--width", "0", dir.write("p.remit", exemption_council + replace).string()});
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("breach: require \"no political assistant posts\""));
  CHECK_THAT(r.out, Contains("Rule set aside by this policy: \"at most three political assistant "
                             "posts\" because \"no political groups qualify\"; replaced by "
                             "require \"no political assistant posts\""));
  const auto why =
      run_cli({"explain", "--width", "0", (dir.path() / "p.remit").string(), "--breach", "1"});
  CHECK(why.status == 0);
  CHECK_THAT(why.out, Contains("this rule takes the place of another: Rule set aside by this "
                               "policy: \"at most three political assistant posts\""));
}

TEST_CASE("law: an incompatibility can replace a rule", "[law][rules]") {
  auto p = load_text(exemption_council +
                     "replace rule \"monitoring_officer with head_of_paid_service\" because "
                     "\"fire authority\" with incompatible monitoring_officer with "
                     "political_assistant cite \"LGHA 1989 s.9\"\n");
  REQUIRE(p.ok);
  const auto& adaptations = p.run->program().adaptations;
  REQUIRE(adaptations.size() == 1);
  REQUIRE(adaptations[0].replacement.has_value());
  CHECK(adaptations[0].replacement->kind == remit::ast::RuleKind::incompatibility);
}

TEST_CASE("law: replace rule without the new rule is a syntax error", "[law][rules]") {
  auto p = load_text(exemption_council +
                     "replace rule \"exactly one Head of Paid Service\" "
                     "because \"x\" with nothing\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()),
             Contains("test.remit:12:66: error: expected the rule that takes its place"));
}
