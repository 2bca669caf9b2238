// Reporting cycles are data errors: a post cannot be below itself. A linear peel over the lines
// answers whether there is one; only then is the Boost graph built, and its strongly connected
// components (an iterative depth-first search: a million-post chain is safe) name the posts.
#pragma once

#include <span>

#include "graph/org_graph.hpp"
#include "remit/limits.hpp"
#include "resolve/left_out.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// Reports each cycle through lines that carry duties, naming the posts on it in order and
// pointing at each line. Returns false when there was one.
// `limits` caps how many posts the error names and how many lines it locates.
bool check_cycles(const Organisation& org, Diagnostics& diags, const Limits& limits);

// The same under --keep-going: a cycle with a line from an HR export is a warning, and that
// line is left out of `org` (recorded in `faults`); cycles again until none is left. False when
// a cycle runs only through lines written in policy text.
bool leave_out_cycles(Organisation& org, Diagnostics& diags, const Limits& limits,
                      ExportFaults& faults);

// The same, for a structure that was acyclic before the posts in `changed` got new lines (a
// what-if): a new cycle must run through one of those lines, so walking up from where each
// leads is enough, and costs the posts above it rather than the whole structure.
bool check_cycles_after(const Organisation& org, std::span<const UnitIndex> changed,
                        Diagnostics& diags, const Limits& limits);

}  // namespace remit
