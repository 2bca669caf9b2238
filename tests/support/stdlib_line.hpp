// Where a rule is written in a stdlib module, so that tests that show its location follow the
// module when its text moves.
#pragma once

#include <catch2/catch.hpp>
#include <cstddef>
#include <sstream>
#include <string>

#include "tests/explain/cli_golden.hpp"

namespace remit::test {

// The line (from 1) of the first line of a stdlib module that starts with `text`.
inline std::size_t stdlib_line(const std::string& module, const std::string& text) {
  const std::string src = read_file(project_dir / "stdlib" / module);
  std::istringstream in(src);
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.starts_with(text)) return n;
  }
  FAIL("no line starting with " << text << " in stdlib/" << module);
  return 0;
}

}  // namespace remit::test
