// What a scenario changed in an organisation, in the terms re-evaluation needs. A what-if
// variant is evaluated from its base's results by recomputing only what these units can reach
// (evaluate/reevaluate.cpp), not the whole structure.
#pragma once

#include <vector>

#include "ast/ast.hpp"

namespace remit {

struct Changes {
  // Units whose own reporting lines changed (moved, added, removed, or whose manager was
  // removed): increasing, distinct.
  std::vector<ast::UnitIndex> lines;
  // Units whose other facts changed (designations, duties, holders, vacancy), or that a
  // scenario added or removed: increasing, distinct.
  std::vector<ast::UnitIndex> facts;
};

}  // namespace remit
