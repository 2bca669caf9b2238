// Which policies `remit test PATH…` tests, and which files' `test` blocks it runs over each
// (docs/testing.md, "What is tested"). Discovery only names files; nothing is read here.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace remit::policy_test {

// One load of a policy with the tests to run over it.
struct Suite {
  // What is loaded, as `remit derive` would be given it: the policy's files, then the test file.
  std::vector<std::filesystem::path> files;
  // The files whose `test` blocks run (not the modules they `use`).
  std::vector<std::filesystem::path> tests_from;
};

struct Discovery {
  std::vector<Suite> suites;
  std::vector<std::string> errors;  // a PATH that is neither a .remit file nor a folder, …
};

// A folder: its policy (the .remit files that are not *_test.remit) with the test blocks in
// them, then the policy with each *_test.remit file in turn; its sub-folders likewise. A
// *_test.remit file: the policy of its folder with that file. Any other .remit file: itself.
Discovery discover(const std::vector<std::filesystem::path>& paths);

}  // namespace remit::policy_test
