// Every limit remit enforces on its input, in one place. Each has a test under tests/limits/;
// going past one gives a clear error with a source location, never a crash or a hang.
#pragma once

#include <cstddef>

namespace remit {

struct Limits {
  // Parentheses, `not` and `reports … to` operands nest at most this deep. The parser and the
  // evaluator recurse on nesting, so this bounds their stack use (Lua's LUAI_MAXCCALLS idea).
  std::size_t max_expression_nesting = 200;
  // A policy or CSV file larger than this is refused before it is read into memory.
  std::size_t max_file_bytes = std::size_t{1} << 30;  // 1 GiB
  // After this many errors in one file, reading a CSV stops with an error saying so, and
  // further errors about that file are counted in one note rather than listed. A policy file's
  // syntax errors past this many are counted in the same note.
  std::size_t max_errors_per_file = 100;
  // `use` chains deeper than this are refused (a cycle is reported separately, by name).
  std::size_t max_use_depth = 64;
};

}  // namespace remit
