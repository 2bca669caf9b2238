// The canonical layout of a policy text, from its tokens and the grammar's marks. Used by
// format.cpp, which checks the result means the same before returning it.
#pragma once

#include <string>
#include <vector>

#include "authoring/format/grammar_marks.hpp"
#include "authoring/format/tokens.hpp"

namespace remit::format {

inline constexpr std::size_t line_width = 100;  // a block stays on one line only within it

// The text laid out: lines end with '\n', the last one too (unless there is no token at all).
std::string lay_out(const std::vector<Token>& tokens, const GrammarMarks& marks);

}  // namespace remit::format
