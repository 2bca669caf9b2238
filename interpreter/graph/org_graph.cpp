#include "graph/org_graph.hpp"

namespace remit {

OrgGraph build_graph(const Organisation& org) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
  std::vector<LineEdge> data;
  ends.reserve(org.lines.size());
  data.reserve(org.lines.size());
  org.lines.for_each([&](LineId id, const Line& l) {
    ends.emplace_back(l.from, l.to);
    data.push_back(LineEdge{id});
  });
  return OrgGraph{CsrGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
                           data.begin(), static_cast<std::uint32_t>(org.size()))};
}

}  // namespace remit
