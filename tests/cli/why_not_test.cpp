// `remit explain … --why-not N`: whether the option was given decides, not its value, and a
// category the policy does not define is bad input (exit status 2) naming the defined ones.
#include <algorithm>
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

TEST_CASE("cli: explain of a body says it is a body, not a post", "[cli][explain]") {
  const auto r = run_cli({"explain", "policies/council-000/", "council"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "remit: error: 'council' is a body, not a post: only posts are in a category\n");
}

TEST_CASE("cli: explain --plain wraps its sentences to the width", "[cli][explain]") {
  const auto narrow = run_cli({"explain", "--plain", "policies/council-000/", "dir_housing"});
  const auto whole =
      run_cli({"explain", "--plain", "--width", "0", "policies/council-000/", "dir_housing"});
  REQUIRE(narrow.status == 0);
  REQUIRE(whole.status == 0);
  CHECK(std::count(whole.out.begin(), whole.out.end(), '\n') == 1);
  std::size_t longest = 0, start = 0;
  for (std::size_t end; (end = narrow.out.find('\n', start)) != std::string::npos;
       start = end + 1) {
    longest = std::max(longest, end - start);
  }
  CHECK(longest <= 80);
  std::string joined = narrow.out;
  std::replace(joined.begin(), joined.end(), '\n', ' ');
  CHECK(joined.substr(0, joined.size() - 1) + "\n" == whole.out);
}
