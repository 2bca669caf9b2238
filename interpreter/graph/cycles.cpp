#include "graph/cycles.hpp"

#include <algorithm>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <unordered_set>

namespace remit {

namespace {
struct CarriesDuties {
  const Organisation* org = nullptr;
  template <typename Edge>
  bool operator()(const Edge& e) const {
    return org->lines[(*graph)[e].line].carries_duties();
  }
  const CsrGraph* graph = nullptr;
};

// Every post on a cycle is named, up to Limits::posts_shown_on_cycle, and each line located, up
// to Limits::lines_located_on_cycle; a longer cycle is named by its start and counted.

// Peels posts that nobody reports to, then those whose reports are all peeled (Kahn's
// algorithm), over the lines as they are grouped by post: every post is peeled exactly when
// there is no cycle. This needs neither the Boost graph nor a depth-first search, which are kept
// for naming the posts when there is a cycle; at a million posts it is several times cheaper
// than building the graph. A post is peeled as soon as it is ready, from a stack that holds only
// the managers just freed (most posts have one line), so that beside the count of reports per
// post there is no queue of every post: 4 MB less at the peak of a million-post derive.
bool acyclic(const Organisation& org) {
  const std::size_t n = org.size();
  constexpr std::uint32_t peeled = UINT32_MAX;
  std::vector<std::uint32_t> reports(n, 0);
  org.lines.for_each([&](LineId, const Line& l) {
    if (l.carries_duties()) ++reports[l.to];
  });
  std::size_t count = 0;
  std::vector<UnitIndex> ready;
  for (UnitIndex u = 0; u < n; ++u) {
    if (reports[u] != 0) continue;  // still reported to, or already peeled
    reports[u] = peeled;
    ready.push_back(u);
    while (!ready.empty()) {
      const UnitIndex v = ready.back();
      ready.pop_back();
      ++count;
      for (const Line& l : org.lines.from(v)) {
        if (l.carries_duties() && --reports[l.to] == 0) {
          reports[l.to] = peeled;
          ready.push_back(l.to);
        }
      }
    }
  }
  return count == n;
}

// Reports each cycle; under --keep-going (`faults`), a cycle with a line from an HR export is a
// warning instead, and that line's id goes into `dropped`.
bool find_cycles(const Organisation& org, Diagnostics& diags, const Limits& limits,
                 ExportFaults& faults, std::vector<LineId>& dropped) {
  const std::size_t shown_on_cycle = limits.posts_shown_on_cycle;
  const std::size_t located_on_cycle = limits.lines_located_on_cycle;
  const std::size_t n = org.size();
  if (n == 0 || acyclic(org)) return true;
  const OrgGraph g = build_graph(org);
  CarriesDuties keep{&org, &g.graph};
  boost::filtered_graph<CsrGraph, CarriesDuties> duty_lines(g.graph, keep);
  std::vector<std::uint32_t> component(n);
  const std::uint32_t count = boost::strong_components(
      duty_lines, boost::make_iterator_property_map(component.begin(),
                                                    boost::get(boost::vertex_index, g.graph)));
  if (count == n) return true;  // every post is its own component: no cycle

  std::vector<std::uint32_t> size(count, 0);
  for (std::uint32_t c : component) ++size[c];
  std::vector<bool> reported(count, false);
  bool clean = true;
  for (UnitIndex start = 0; start < n; ++start) {
    const std::uint32_t c = component[start];
    if (size[c] < 2 || reported[c]) continue;
    reported[c] = true;
    // Walk lines inside the component from `start` until a post repeats: that is a cycle.
    std::vector<std::uint32_t> path_lines;
    std::unordered_map<UnitIndex, std::size_t> position;
    UnitIndex v = start;
    while (!position.count(v)) {
      position[v] = path_lines.size();
      for (auto [e, end] = boost::out_edges(v, duty_lines); e != end; ++e) {
        UnitIndex w = static_cast<UnitIndex>(boost::target(*e, duty_lines));
        if (component[w] == c) {
          path_lines.push_back(g.graph[*e].line);
          v = w;
          break;
        }
      }
    }
    std::vector<std::uint32_t> cycle(path_lines.begin() + static_cast<std::ptrdiff_t>(position[v]),
                                     path_lines.end());
    std::string chain;
    for (std::size_t k = 0; k < cycle.size() && k < shown_on_cycle; ++k) {
      chain += std::string(org.units[org.lines[cycle[k]].from].id()) + " -> ";
    }
    if (cycle.size() > shown_on_cycle) chain += "… -> ";
    chain += std::string(org.units[org.lines[cycle.front()].from].id());
    std::vector<Note> notes;
    for (std::size_t k = 0; k < cycle.size() && k < located_on_cycle; ++k) {
      const Line& l = org.lines[cycle[k]];
      notes.push_back({l.where, std::string(org.units[l.from].id()) + " reports to " +
                                    std::string(org.units[l.to].id()) + " here"});
    }
    if (cycle.size() > located_on_cycle) {
      notes.push_back({org.units[start].where(),
                       "and " + std::to_string(cycle.size() - located_on_cycle) + " more " +
                           (cycle.size() - located_on_cycle == 1 ? "line" : "lines") +
                           " on this cycle, not located here"});
    }
    if (size[c] > cycle.size()) {
      notes.push_back({org.units[start].where(), std::to_string(size[c]) +
                                                     " posts in all are caught in this loop of "
                                                     "reporting lines"});
    }
    // The line the message points at is the one left out, or failing that (it is written in a
    // policy) the first line of the cycle that comes from an export.
    LineId chosen = cycle.front();
    if (auto from_export =
            std::find_if(cycle.begin(), cycle.end(),
                         [&](LineId id) { return faults.from_export(org.lines[id].where); });
        from_export != cycle.end()) {
      chosen = *from_export;
    }
    const Line& l = org.lines[chosen];
    const std::string message = "reporting cycle of " + std::to_string(cycle.size()) +
                                " posts: " + chain +
                                "; a post cannot report to itself, directly or through others";
    if (faults.leave_out(
            diags,
            {LeftOut::Fault::cycle, l.where, org.units[l.from].id(), org.units[l.to].id(), l.from},
            message, std::move(notes))) {
      dropped.push_back(chosen);
    } else {
      clean = false;
    }
  }
  return clean;
}

// The lines of an organisation of `units` units, without `dropped`.
ReportingLines without(const ReportingLines& lines, std::size_t units,
                       std::vector<LineId> dropped) {
  std::sort(dropped.begin(), dropped.end());
  ReportingLines kept;
  kept.reserve(lines.size() - dropped.size(), units);
  lines.for_each([&](LineId id, const Line& l) {
    if (!std::binary_search(dropped.begin(), dropped.end(), id)) kept.push_back(l);
  });
  return kept;
}
}  // namespace

bool check_cycles(const Organisation& org, Diagnostics& diags, const Limits& limits) {
  ExportFaults errors(nullptr, false, 0);
  std::vector<LineId> dropped;
  return find_cycles(org, diags, limits, errors, dropped);
}

bool leave_out_cycles(Organisation& org, Diagnostics& diags, const Limits& limits,
                      ExportFaults& faults) {
  // Each round leaves out one line of each cycle found; a tangle of several cycles among the
  // same posts takes a round for each.
  for (;;) {
    std::vector<LineId> dropped;
    if (!find_cycles(org, diags, limits, faults, dropped)) return false;
    if (dropped.empty()) return true;
    org.lines = without(org.lines, org.size(), std::move(dropped));
  }
}

bool check_cycles_after(const Organisation& org, std::span<const UnitIndex> changed,
                        Diagnostics& diags, const Limits& limits) {
  std::unordered_set<UnitIndex> seen;
  std::vector<UnitIndex> stack;
  for (const UnitIndex u : changed) {
    seen.clear();
    stack.clear();
    for (const Line& l : org.lines.from(u)) {
      if (l.carries_duties()) stack.push_back(l.to);
    }
    while (!stack.empty()) {
      const UnitIndex v = stack.back();
      stack.pop_back();
      // Back at u: there is a cycle; the whole check names it.
      if (v == u) return check_cycles(org, diags, limits);
      if (!seen.insert(v).second) continue;
      for (const Line& l : org.lines.from(v)) {
        if (l.carries_duties()) stack.push_back(l.to);
      }
    }
  }
  return true;
}

}  // namespace remit
