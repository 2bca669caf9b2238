// Reporting cycles are data errors: a post cannot be below itself. A linear peel over the lines
// answers whether there is one; only then is the Boost graph built, and its strongly connected
// components (an iterative depth-first search: a million-post chain is safe) name the posts.
#pragma once

#include "graph/org_graph.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// Reports each cycle through lines that carry duties, naming the posts on it in order and
// pointing at each line. Returns false when there was one.
bool check_cycles(const Organisation& org, Diagnostics& diags);

}  // namespace remit
