// The organisation as a Boost.Graph: one vertex per unit (post or body), one edge per
// reporting line, from the post to the unit it reports to. A compressed sparse row graph keeps
// both directions in flat arrays, so walking down a line of management touches contiguous
// memory even at a million posts.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "resolve/organisation.hpp"

namespace remit {

struct LineEdge {
  LineId line = 0;  // in Organisation::lines
};

using CsrGraph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, LineEdge,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

struct OrgGraph {
  CsrGraph graph;
};

OrgGraph build_graph(const Organisation& org);

}  // namespace remit
