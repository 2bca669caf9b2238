// `remit test PATH… [--filter TEXT] [--coverage]`: runs the `test` blocks of policies and their
// *_test.remit files (docs/testing.md). The result is the text for standard output and for
// standard error and the counts; the command line only writes them out.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "report/terminal.hpp"

namespace remit::policy_test {

struct Options {
  std::vector<std::filesystem::path> paths;
  std::string filter;     // run only the tests whose name contains this (any case)
  bool coverage = false;  // list the categories and rules no test made fire
  TextStyle style;        // of standard output: the explanations' width
  bool error_colour = false;
};

struct Report {
  std::string out;  // each failure, the coverage, then "N passed, N failed"
  std::string err;  // errors in the policies or the tests themselves, as diagnostics
  std::size_t passed = 0, failed = 0;
  bool bad_input = false;  // a policy or a test could not be read or checked
  // 0 all passed, 1 a test failed, 2 bad input (which wins: the counts are then incomplete).
  [[nodiscard]] int exit_status() const { return bad_input ? 2 : failed > 0 ? 1 : 0; }
};

Report run_tests(const Options& options);

}  // namespace remit::policy_test
