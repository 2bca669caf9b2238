// Where the grammar says the layout's units start: statements, the items of blocks (a post's
// `reports to`, a scenario's `move`, a category's `when` and each `cite`) and expressions. Read
// by running the grammar itself (grammar/rules.hpp) with actions of its own, so a statement
// added to the grammar is found without a change here.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace remit::format {

struct GrammarMarks {
  std::vector<std::size_t> statements;  // byte offsets where each statement starts
  std::vector<std::size_t> items;       // where a block item or a `cite` starts
  // [begin, end), sorted by begin (the outer first when two begin together)
  std::vector<std::pair<std::size_t, std::size_t>> expressions;
  std::vector<std::pair<std::size_t, std::size_t>> operands;  // `designated a, b`, …
};

// For a text that parses (without its byte order mark); nullopt-like empty marks otherwise.
GrammarMarks mark_grammar(std::string_view text);

}  // namespace remit::format
