// The invented example councils of Wales and Scotland (policies/example-wales,
// policies/example-scotland) derive the lists their READMEs show and break no rule of their
// nation.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "evaluate/breach.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/shared_data.hpp"

namespace {

using remit::test::Listing;

remit::test::LoadedPolicy load_example(const std::string& folder) {
  auto p = remit::test::load_files(
      remit::test::policy_inputs(remit::test::project_dir / "policies" / folder));
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  return p;
}

std::vector<std::string> breach_titles(remit::test::LoadedPolicy& p) {
  std::vector<std::string> out;
  for (const remit::Breach& b :
       remit::describe(p.run->program(), p.run->resolved().organisation, p.run->breaches())) {
    out.push_back(remit::breach_title(b));
  }
  return out;
}

}  // namespace

TEST_CASE("example-scotland derives its list, with the CSWO in category 2", "[law][examples]") {
  auto p = load_example("example-scotland");
  CHECK(p.restricted() == Listing{{1, "ce"},
                                  {2, "cswo"},
                                  {2, "dir_edu"},
                                  {2, "dir_fin"},
                                  {3, "committee_mgr"},
                                  {3, "dir_place"},
                                  {3, "head_legal"},
                                  {4, "head_corp"},
                                  {4, "head_roads"},
                                  {6, "pol_asst"},
                                  {7, "tl_building"},
                                  {8, "comms"}});
  // The Chief Executive is Head of Paid Service and Monitoring Officer: lawful in Scotland.
  CHECK(breach_titles(p).empty());
  CHECK(p.run->diagnostics().all().empty());
}

TEST_CASE("example-wales derives its list, with the chief executive in category 1",
          "[law][examples]") {
  auto p = load_example("example-wales");
  CHECK(p.restricted() == Listing{{1, "ce"},
                                  {2, "dir_edu"},
                                  {2, "dir_res"},
                                  {2, "dir_ss"},
                                  {3, "dir_place"},
                                  {4, "head_fin"},
                                  {4, "head_planning"},
                                  {5, "head_legal"},
                                  {6, "pol_asst"},
                                  {7, "tl_dm"},
                                  {8, "dep_mo"},
                                  {8, "press"},
                                  {9, "head_dem"}});
  CHECK(breach_titles(p).empty());
  CHECK(p.run->diagnostics().all().empty());
}
