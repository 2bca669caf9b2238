// How a post's duties are split between its reporting lines: explicit shares as given, the
// rest in equal parts among the duty-carrying lines without one; dotted lines carry none.
#pragma once

#include <span>
#include <vector>

#include "ast/ast.hpp"

namespace remit {

struct DutySplit {
  std::vector<float> shares;  // per line, 0 to 1
  double explicit_percent = 0;  // sum of the explicit shares; over 100 is an error
};

DutySplit split_duties(std::span<const ast::LineDecl> lines);
// The same, into `out` (reused by the caller: a million posts need no allocation each).
void split_duties(std::span<const ast::LineDecl> lines, DutySplit& out);

}  // namespace remit
