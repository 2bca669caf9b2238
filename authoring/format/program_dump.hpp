// A program as text without any source position: two programs whose dumps are equal mean the
// same. `remit fmt` checks its own output with it, and the tests check every shipped file.
#pragma once

#include <string>

#include "ast/ast.hpp"

namespace remit::format {

// Every declaration, in the order read, with every field that carries meaning; expressions as
// trees (not arena indexes), no spans, no resolution results.
std::string dump_without_positions(const ast::Program& program);

}  // namespace remit::format
