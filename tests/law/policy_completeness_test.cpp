// Nothing silently shorter: a policy that defines some of the Act's categories but not the
// others, or leaves out the statutory rules of its jurisdiction, gets a warning naming what is
// missing and its section; remit's own hints lead to a complete policy.
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

const std::string posts = R"remit(body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dfin "Director of Finance" { reports to ceo designated section_151_officer, monitoring_officer }
post dir-a "Director A" { reports to ceo }
)remit";

// What an issue filer wrote first: an override of the Act's category 3, without the Act.
const std::string override_3 = R"remit(override category 3 "Non-Statutory Chief Officers" {
  when reports directly to category 1 and not category 1
  cite "LGHA 1989 s.2(7)"
}
)remit";

// The Act's categories, the council's own category 8, and no statutory officers' rules.
const std::string own_8 = R"remit(use "uk/lgha1989"
override category 8 "Politically Sensitive Posts" {
  when duty advises_authority
  cite "LGHA 1989 s.2(3)"
}
)remit";

}  // namespace

TEST_CASE("law: the override hint leads to the Act's categories", "[law][completeness]") {
  auto p = load_text(override_3 + posts);
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diagnostics(),
             Contains("test.remit:1:1: error: 'override category 3', but no category 3 is "
                      "defined to override. The Act's categories come from a module: add 'use "
                      "\"uk/lgha1989\"' to override its category 3"));
  // Following the hint: every category of the Act, the council's category 3 in place of the
  // Act's, and no warning about missing categories.
  auto fixed =
      load_text("use \"uk/lgha1989\"\nuse \"uk/statutory_officers\"\n" + override_3 + posts);
  REQUIRE(fixed.ok);
  CHECK_THAT(fixed.diagnostics(), !Contains("warning"));
  CHECK(fixed.restricted().size() == 3);
}

TEST_CASE("law: a policy with some of the Act's categories gets a warning", "[law][completeness]") {
  // Dropping 'override' instead, and adding the designations, as the issue filer did: a list of
  // one category, no longer silent.
  const std::string dropped = R"remit(category 3 "Non-Statutory Chief Officers" {
  when reports directly to designated head_of_paid_service
  cite "LGHA 1989 s.2(7)"
}
)remit";
  auto p = load_text("use \"uk/roles\"\n" + dropped + posts);
  REQUIRE(p.ok);
  CHECK_THAT(p.diagnostics(),
             Contains("test.remit:2:1: warning: the policy defines category 3 of the Act but "
                      "not categories 1 (The Head of Paid Service), 2 (Statutory Chief "
                      "Officers), 4 (Deputy Chief Officers), 5 (The Monitoring Officer), 6 "
                      "(Assistants to Political Groups), 7 (Officers to whom powers are "
                      "delegated), 8 (Officers holding \"Politically Sensitive Posts\"), so no "
                      "post is listed under them"));
}

TEST_CASE("law: a policy without the statutory officers' rules gets a warning naming them",
          "[law][completeness]") {
  auto p = load_text(own_8 + posts);
  REQUIRE(p.ok);
  const std::string d = p.diagnostics();
  CHECK_THAT(
      d,
      Contains("test.remit:2:1: warning: the policy does not check 17 statutory rules of england: "
               "\"monitoring_officer with section_151_officer\" (LGHA 1989 s.5(1));"));
  CHECK_THAT(d, Contains("Write 'use \"uk/statutory_officers\"' to check them"));
  // From the command line: a warning, and the MO + CFO combination is no breach (the rules
  // were not used), so the warning is what tells the user.
  remit::test::TempDir dir;
  const auto r = run_cli({"check", "--width", "0", dir.write("p.remit", own_8 + posts).string()});
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Contains("p.remit:2:1: warning: the policy does not check 17 statutory rules"));
  // The Act's categories as they are, with nothing of the council's own: the stdlib's policy,
  // which checks the rules it chose to use, and no warning.
  auto plain = load_text("use \"uk/lgha1989\"\n" + posts);
  REQUIRE(plain.ok);
  CHECK_THAT(plain.diagnostics(), !Contains("warning"));
}

TEST_CASE("law: a complete policy gets no completeness warning", "[law][completeness]") {
  auto p = load_text(exemption_council);
  REQUIRE(p.ok);
  CHECK_THAT(p.diagnostics(), !Contains("warning"));
  // A structure alone is derived by the Act's built-in policy: nothing to warn about.
  auto structure = load_text(posts + "designation x \"X\"\n");
  CHECK_THAT(structure.diagnostics(), !Contains("statutory rules"));
}

TEST_CASE("law: a rule set aside is not reported missing", "[law][completeness]") {
  // The council sets one of the officers' rules aside, with a reason: it is not missing.
  auto p = load_text(exemption_council +
                     "set aside rule \"at most three political assistant posts\" because \"x\"\n");
  REQUIRE(p.ok);
  CHECK_THAT(p.diagnostics(), !Contains("statutory rule"));
}
