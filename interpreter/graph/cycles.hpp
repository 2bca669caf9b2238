// Reporting cycles are data errors: a post cannot be below itself. Found with Boost's strongly
// connected components (an iterative depth-first search, so a million-post chain is safe).
#pragma once

#include "graph/org_graph.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// Reports each cycle through lines that carry duties, naming the posts on it in order and
// pointing at each line. Returns false when there was one.
bool check_cycles(const Organisation& org, const OrgGraph& g, Diagnostics& diags);

}  // namespace remit
