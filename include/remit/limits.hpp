// Every limit remit enforces on its input and on what it shows, in one place, each with a test
// at and over it (tests/limits/). Going past an input limit gives a clear error with a source
// location, never a crash or a hang; a list or explanation cut by a display limit says so, and
// how to see the rest. docs/robustness.md lists them for users.
#pragma once

#include <cstddef>
#include <cstdint>

namespace remit {

struct Limits {
  // ---- Input.
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
  // A post may split what its written shares leave in equal parts among at most this many lines
  // without a share: shares are exact fractions counted in 32 bits (resolve/shares.hpp), 10000
  // parts per line. Fixed, not a setting; more is an error at the post's first line.
  static constexpr std::uint64_t max_lines_sharing_duties = UINT32_MAX / 10000;  // 429,496

  // ---- Output. Text output names at most this many items of a long list and then says how many
  // more there are; JSON output always lists every item.
  // An explanation (`remit explain`, `check --explain`, `diff --explain`) follows the reasons
  // down at most this many steps of one post to the next (a witness, a category, a `let`).
  // Real structures need a handful; at the cut the explanation says so, and which post to
  // explain to continue.
  std::size_t max_explain_depth = 48;
  // `remit check` (text): the posts named in one breach.
  std::size_t posts_shown_per_breach = 20;
  // `remit explain --breach N`: the posts explained one by one.
  std::size_t posts_explained_per_breach = 10;
  // `remit whatif` and `remit diff` (text): the lines of management shown as changing.
  std::size_t line_changes_shown = 50;
  // `remit whatif` and `remit diff`: the posts named in a breach that appears or disappears.
  std::size_t posts_shown_per_changed_breach = 10;
  // A scenario that removes a post with reports: the reports named in the error.
  std::size_t reports_shown_on_remove = 5;
  // A reporting cycle: the posts named in its error, and the lines given a note of their own
  // (the error says how many posts the cycle has, and a note how many lines were not located).
  std::size_t posts_shown_on_cycle = 100;
  std::size_t lines_located_on_cycle = 50;
  // Definitions (lets, categories) that depend on themselves: the definitions named in the
  // error, which then says how many there are in all.
  std::size_t definitions_shown_on_cycle = 12;
  // `remit graph` (and whatif/diff --format svg|dot): the boxes one chart draws. More is
  // refused, saying how many there are: --root POST and --depth N draw a part.
  std::size_t max_chart_boxes = 2000;
};

}  // namespace remit
