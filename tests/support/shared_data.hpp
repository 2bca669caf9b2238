// Where the tests find data. Everything a test needs is in the repository (tests/data/), except
// the shared benchmark's reference answers: the tests that compare with those run when ../shared
// is beside the repository, and otherwise print the skip marker, which CTest's
// SKIP_REGULAR_EXPRESSION (tests/CMakeLists.txt) turns into "Skipped", never "Passed".
#pragma once

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>

namespace remit::test {

inline const std::filesystem::path project_dir = REMIT_PROJECT_DIR;
inline const std::filesystem::path test_data_dir = project_dir / "tests" / "data";

// The marker CTest looks for; keep it in step with tests/CMakeLists.txt.
inline constexpr std::string_view skip_marker = "REMIT-TEST-SKIPPED:";

// ../shared when it is there; otherwise prints why the test is skipped and returns nothing, and
// the test must return at once. REMIT_TEST_SHARED_DIR, when set, names another place, so that
// a run without it can be tried on a machine that has it (REMIT_TEST_SHARED_DIR=/nonexistent).
inline std::optional<std::filesystem::path> shared_dir_or_skip(std::string_view needs) {
  const char* env = std::getenv("REMIT_TEST_SHARED_DIR");
  const std::filesystem::path dir = env ? env : REMIT_SHARED_DIR;
  std::error_code ec;
  if (std::filesystem::is_directory(dir / "bench", ec)) return dir;
  std::cout << skip_marker << " needs " << needs << " from " << dir.string()
            << ", which is not there\n";
  return std::nullopt;
}

}  // namespace remit::test
