// `--jurisdiction england|wales|scotland`: whose built-in modules apply when the inputs define
// no category; the policy's `authority … jurisdiction` (or the one its kind implies) decides,
// and a --jurisdiction that contradicts it is bad input.
#include <catch2/catch.hpp>
#include <string>

#include "tests/explain/cli_golden.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using Catch::Matchers::Contains;
using remit::test::run_cli;

}  // namespace

TEST_CASE("cli: --jurisdiction takes england, wales or scotland", "[cli][law]") {
  const auto r = run_cli({"derive", "--jurisdiction", "cornwall", "policies/council-000/"});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("--jurisdiction"));
}

TEST_CASE("cli: --jurisdiction that contradicts the policy is an error at the authority",
          "[cli][law]") {
  remit::test::TempDir dir;
  const auto path = dir.write("p.remit",
                              "authority \"Fife Council\" kind scottish_council\n"
                              "category 1 \"C\" { when vacant }\n");
  const auto r = run_cli({"derive", "--jurisdiction", "wales", path.string()});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("p.remit:1:1: error: the policy's authority is in Scotland, but "
                             "--jurisdiction wales was given"));
}

TEST_CASE("cli: --jurisdiction that agrees with the policy is accepted", "[cli][law]") {
  remit::test::TempDir dir;
  const auto path = dir.write("p.remit",
                              "authority \"Fife Council\" jurisdiction scotland\n"
                              "post a \"A\" { vacant }\n"
                              "category 1 \"C\" { when vacant }\n");
  const auto r =
      run_cli({"derive", "--format", "csv", path.string(), "--jurisdiction", "scotland"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("a"));
}

TEST_CASE("cli: a module of another nation than the authority's is named in a warning",
          "[cli][law]") {
  remit::test::TempDir dir;
  const auto path = dir.write("p.remit",
                              "authority \"Gwynedd Council\" jurisdiction wales\n"
                              "use \"uk/lgha1989\"\n"
                              "post a \"A\" { vacant }\n");
  const auto r = run_cli({"derive", "--format", "csv", path.string()});
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Contains("p.remit:2:1: warning: the module \"uk/lgha1989\" states the law of "
                             "England, but the authority is in Wales; use \"wales/lgha1989\""));
}

namespace {

// A Chief Social Work Officer reporting to the Head of Paid Service: a statutory chief officer
// in Scotland (s.2(6)(c)), a non-statutory one by its line in England.
const std::string structure =
    "id,title,reports_to,designations\n"
    "ce,Chief Executive,,head_of_paid_service\n"
    "csw,Chief Social Work Officer,ce,chief_social_work_officer\n";

}  // namespace

TEST_CASE("cli: --jurisdiction chooses the built-in modules of that nation", "[cli][law]") {
  remit::test::TempDir dir;
  const auto csv = dir.write("structure.csv", structure);
  const auto scotland = run_cli(
      {"derive", "--format", "csv", "--structure", csv.string(), "--jurisdiction", "scotland"});
  CHECK(scotland.status == 0);
  CHECK_THAT(scotland.out, Contains("2,csw,Chief Social Work Officer"));
  const auto england = run_cli({"derive", "--format", "csv", "--structure", csv.string()});
  CHECK(england.status == 0);
  CHECK_THAT(england.out, Contains("3,csw,Chief Social Work Officer"));
}

TEST_CASE("cli: the policy's jurisdiction chooses the built-in modules without the option",
          "[cli][law]") {
  remit::test::TempDir dir;
  const auto csv = dir.write("structure.csv", structure);
  const auto policy = dir.write("p.remit", "authority \"Fife Council\" kind scottish_council\n");
  const auto r =
      run_cli({"derive", "--format", "csv", policy.string(), "--structure", csv.string()});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("2,csw,Chief Social Work Officer"));
}
