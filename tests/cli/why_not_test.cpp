// `remit explain … --why-not N`: whether the option was given decides, not its value, and a
// category the policy does not define is bad input (exit status 2) naming the defined ones.
#include <catch2/catch.hpp>

#include "tests/explain/cli_golden.hpp"

namespace {

using Catch::Matchers::Contains;
using remit::test::run_cli;

}  // namespace

TEST_CASE("cli: explain --why-not 0 is an error listing the defined categories", "[cli][explain]") {
  const auto r = run_cli({"explain", "policies/council-000/", "dph", "--why-not", "0"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("--why-not 0: the policy defines no category 0"));
  CHECK_THAT(r.err, Contains("(it defines categories 1, 2, 3, 4, 5, 6, 7, 8)"));
}

TEST_CASE("cli: explain --why-not with an undefined category is an error", "[cli][explain]") {
  const auto r = run_cli({"explain", "policies/council-000/", "dph", "--why-not", "99"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("--why-not 99: the policy defines no category 99"));
  CHECK_THAT(r.err, Contains("categories 1, 2, 3, 4, 5, 6, 7, 8"));
}

TEST_CASE("cli: explain --why-not with a defined category explains it", "[cli][explain]") {
  const auto r = run_cli({"explain", "policies/council-000/", "dph", "--why-not", "2"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("does not meet category 2"));
}

TEST_CASE("cli: explain --why-not lists at most the ten nearest defined categories",
          "[cli][explain][limits]") {
  // A policy of 30 categories: the message names the ten nearest the number asked for and
  // counts the rest, as the resolver's "no category N is defined" does.
  remit::test::TempDir dir;
  std::string policy = "body council \"Council\"\npost p \"P\" { reports to council }\n";
  for (int n = 1; n <= 30; ++n) {
    policy += "category " + std::to_string(n) + " \"C" + std::to_string(n) + "\" { when vacant }\n";
  }
  const auto path = dir.write("many.remit", policy);
  const auto r = run_cli({"explain", path.string(), "p", "--why-not", "100"});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("(it defines categories 21, 22, 23, 24, 25, 26, 27, 28, 29, 30 "
                             "and 20 more)"));
}
