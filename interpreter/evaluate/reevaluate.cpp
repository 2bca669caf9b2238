// Re-evaluation for a what-if variant. Every set starts as its base's, and only the units a
// change can reach are recomputed, one by one, from the sets below them. Which units those are
// depends on the expression:
//   facts (designated, duty, text, vacant, holder, body, post): the units whose facts changed;
//   and, or, not, category, a let's name: the units whose operands changed;
//   reports directly to S: posts whose lines changed, and posts with a line into a unit whose
//     membership of S changed;
//   manages S: where the changed posts' old and new lines go, and where the lines of units whose
//     membership of S changed go;
//   reports to / within S: the same start, and every post below it, recomputed top down.
// A move low in a 100,000-post structure so recomputes a handful of units instead of every set
// (bench/README.md); tests/evaluate/reevaluate_test.cpp checks every set against a full
// evaluation of the edited structure over random scenarios.
#include <algorithm>
#include <limits>
#include <unordered_map>

#include "evaluate/evaluator.hpp"

namespace remit {
namespace {

using Units = std::vector<UnitIndex>;

void append(Units& to, const Units& more) {
  to.insert(to.end(), more.begin(), more.end());
}

void settle(Units& units) {
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());
}

bool carries(const Units& list, UnitIndex u) {
  return std::find(list.begin(), list.end(), u) != list.end();
}

// `old` with each candidate's membership recomputed by `member_now(u)`, sized for `units`; the
// units whose membership changed are added to `changed`.
template <typename Member>
PostSet patched(const PostSet& old, std::size_t units, const Units& candidates,
                const Member& member_now, Units& changed) {
  PostSet now = old;
  now.resize(units);
  for (UnitIndex u : candidates) {
    const bool in = member_now(u);
    if (in != old.test_or_absent(u)) {
      now.assign(u, in);
      changed.push_back(u);
    }
  }
  return now;
}

constexpr std::uint64_t unreachable = std::numeric_limits<std::uint64_t>::max();

}  // namespace

Evaluator::Evaluator(const ast::Program& program, const Resolved& variant, GraphSource graph,
                     Evaluator& base, Changes changes)
    : program_(program),
      resolved_(variant),
      org_(variant.organisation),
      graph_(std::move(graph)),
      base_(&base),
      changes_(std::move(changes)) {
  eval_.sets.resize(program.exprs.size());
  transient_.resize(program.exprs.size(), 0);
  eval_.categories.resize(program.categories.size());
  diff_.sets.resize(program.exprs.size());
  diff_.categories.resize(program.categories.size());
  // Text parsed after the base was evaluated (command-line edits) may have added expressions;
  // size the base's table now, while nobody holds a reference into it.
  if (base.eval_.sets.size() < program.exprs.size()) {
    base.eval_.sets.resize(program.exprs.size());
    base.transient_.resize(program.exprs.size(), 0);
  }
}

void Evaluator::update_facts() {
  const std::size_t n = org_.size();
  const Evaluation& base = base_->eval_;
  eval_.posts = base.posts;
  eval_.posts.resize(n);
  eval_.held = base.held;
  eval_.held.resize(n);
  eval_.listed = base.listed;
  eval_.listed.resize(n);
  const Units& facts = changes_.facts;
  if (facts.empty()) return;
  std::vector<char> held(facts.size(), 0);
  for (const Holding& h : org_.holdings) {
    auto it = std::lower_bound(facts.begin(), facts.end(), h.post);
    if (it != facts.end() && *it == h.post) held[static_cast<std::size_t>(it - facts.begin())] = 1;
  }
  for (std::size_t k = 0; k < facts.size(); ++k) {
    const UnitIndex u = facts[k];
    const Unit& unit = org_.units[u];
    const bool post = !unit.is_body() && !unit.removed();
    if (post != base.posts.test_or_absent(u)) {
      eval_.posts.assign(u, post);
      diff_.posts.push_back(u);
    }
    if (static_cast<bool>(held[k]) != base.held.test_or_absent(u)) {
      eval_.held.assign(u, held[k] != 0);
      diff_.held.push_back(u);
    }
  }
}

// The base's set of `id` is evaluated for this update only (the base keeps only its lets' and
// categories'): evaluate() drops it once the expression above `id` has been updated.
void Evaluator::update(ast::ExprId id) {
  Units candidates;
  bool done = false;
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        namespace e = ast::expr;
        if constexpr (std::is_same_v<T, e::Named>) {
          if (node.target == e::Named::Target::let) {
            const ast::ExprId value = program_.lets[node.index].value;
            eval_.sets[id] = eval_.sets[value];
            diff_.sets[id] = diff_.sets[value];
            done = true;
          }
        } else if constexpr (std::is_same_v<T, e::Category>) {
          for (std::uint32_t c : node.resolved) append(candidates, diff_.categories[c]);
        } else if constexpr (std::is_same_v<T, e::And> || std::is_same_v<T, e::Or>) {
          append(candidates, diff_.sets[node.lhs]);
          append(candidates, diff_.sets[node.rhs]);
        } else if constexpr (std::is_same_v<T, e::Not>) {
          append(candidates, diff_.sets[node.operand]);
          append(candidates, diff_.posts);
        } else if constexpr (std::is_same_v<T, e::ReportsDirectly> ||
                             std::is_same_v<T, e::Manages>) {
          candidates = reached_by_lines(node);
        } else if constexpr (std::is_same_v<T, e::ResponsibleTo>) {
          // The same posts can change as for `reports directly to` the same set.
          candidates = reached_by_lines(e::ReportsDirectly{node.target});
        } else if constexpr (std::is_same_v<T, e::ReportsTo>) {
          update_reports_below(id, node.target, std::numeric_limits<std::uint32_t>::max());
          done = true;
        } else if constexpr (std::is_same_v<T, e::ReportsWithin>) {
          update_reports_below(id, node.target, node.levels);
          done = true;
        } else {  // a fact of each unit
          candidates = changes_.facts;
        }
      },
      program_.exprs[id].kind);
  if (done) return;
  settle(candidates);
  const PostSet& old = base_->evaluate(id, Keep::nothing);
  diff_.sets[id].clear();  // a set dropped and asked for again is updated again
  eval_.sets[id] = patched(
      old, org_.size(), candidates, [&](UnitIndex u) { return member(id, u); }, diff_.sets[id]);
}

// Whether `u` is in the set of expression `id`, from the sets of its operands (already
// evaluated); the unit-at-a-time twin of compute(), for the few units a change reaches.
bool Evaluator::member(ast::ExprId id, UnitIndex u) const {
  const Unit& unit = org_.units[u];
  return std::visit(
      [&](const auto& node) -> bool {
        using T = std::decay_t<decltype(node)>;
        namespace e = ast::expr;
        if constexpr (std::is_same_v<T, e::Designated>) {
          return std::any_of(node.resolved.begin(), node.resolved.end(),
                             [&](SymbolId s) { return carries(org_.designated[s], u); });
        } else if constexpr (std::is_same_v<T, e::Duty>) {
          return std::any_of(node.resolved.begin(), node.resolved.end(),
                             [&](SymbolId s) { return carries(org_.with_duty[s], u); });
        } else if constexpr (std::is_same_v<T, e::Category>) {
          return std::any_of(node.resolved.begin(), node.resolved.end(),
                             [&](std::uint32_t c) { return eval_.categories[c].test(u); });
        } else if constexpr (std::is_same_v<T, e::Named>) {
          return node.target == e::Named::Target::let
                     ? eval_.sets[program_.lets[node.index].value].test(u)
                     : u == node.index;
        } else if constexpr (std::is_same_v<T, e::AnyBody>) {
          return unit.is_authority_or_committee();
        } else if constexpr (std::is_same_v<T, e::BodyKinds>) {
          return unit.is_body_of_kind(node.resolved);
        } else if constexpr (std::is_same_v<T, e::ResponsibleTo>) {
          const PostSet& target = eval_.sets[node.target];
          for (const Line& l : org_.lines.from(u)) {
            if (l.carries_a_share() && target.test(l.to)) return true;
          }
          return false;
        } else if constexpr (std::is_same_v<T, e::AllPosts>) {
          return eval_.posts.test(u);
        } else if constexpr (std::is_same_v<T, e::ReportsDirectly>) {
          const PostSet& target = eval_.sets[node.target];
          std::uint64_t parts = 0;
          std::uint32_t whole = 1;
          for (const Line& l : org_.lines.from(u)) {
            if (l.share.parts == 0 || !target.test(l.to)) continue;
            parts += l.share.parts;
            whole = l.share.whole;
          }
          return more_than_half(parts, whole);
        } else if constexpr (std::is_same_v<T, e::Manages>) {
          const PostSet& target = eval_.sets[node.target];
          bool found = false;
          org_.lines.for_each_into(u, [&](LineId, const Line& l) {
            found = found || (l.carries_a_share() && target.test(l.from));
          });
          return found;
        } else if constexpr (std::is_same_v<T, e::TextMatch>) {
          return matches(node, unit);
        } else if constexpr (std::is_same_v<T, e::Vacant>) {
          return unit.vacant();
        } else if constexpr (std::is_same_v<T, e::HasHolder>) {
          return eval_.held.test(u);
        } else if constexpr (std::is_same_v<T, e::And>) {
          return eval_.sets[node.lhs].test(u) && eval_.sets[node.rhs].test(u);
        } else if constexpr (std::is_same_v<T, e::Or>) {
          return eval_.sets[node.lhs].test(u) || eval_.sets[node.rhs].test(u);
        } else if constexpr (std::is_same_v<T, e::Not>) {
          return eval_.posts.test(u) && !eval_.sets[node.operand].test(u);
        } else {  // reports to / within: recomputed as a whole region (update_reports_below)
          return eval_.sets[id].test(u);
        }
      },
      program_.exprs[id].kind);
}

// `reports directly to S`: the posts whose own lines changed, and the posts with a line into
// a unit that joined or left S.
std::vector<UnitIndex> Evaluator::reached_by_lines(const ast::expr::ReportsDirectly& node) const {
  Units out = changes_.lines;
  append(out, changes_.facts);
  for (UnitIndex t : diff_.sets[node.target]) {
    org_.lines.for_each_into(t, [&](LineId, const Line& l) { out.push_back(l.from); });
  }
  return out;
}

// `manages S`: the units the changed posts' lines went to before and go to now, and those the
// lines of units that joined or left S go to.
std::vector<UnitIndex> Evaluator::reached_by_lines(const ast::expr::Manages& node) const {
  Units out = changes_.facts;
  for (UnitIndex u : changes_.lines) {
    for (const Line& l : base_->org_.lines.from(u)) out.push_back(l.to);
    for (const Line& l : org_.lines.from(u)) out.push_back(l.to);
  }
  for (UnitIndex a : diff_.sets[node.target]) {
    for (const Line& l : org_.lines.from(a)) out.push_back(l.to);
  }
  return out;
}

// `reports to S` (max_levels unbounded) and `reports within N levels of S`. Only posts below a
// change can change: those below a post whose lines changed, or below a unit that joined or
// left S. That region is recomputed top down, managers before their reports, each post's
// distance up to S from its managers'. A manager outside the region keeps the distance it had
// in the base (nothing above it changed), found by a short walk up.
void Evaluator::update_reports_below(ast::ExprId id, ast::ExprId target, std::uint32_t max_levels) {
  const PostSet& old = base_->evaluate(id, Keep::nothing);
  const PostSet& in_target = eval_.sets[target];
  Units region = changes_.lines;
  append(region, changes_.facts);
  append(region, diff_.sets[target]);
  settle(region);
  std::unordered_map<UnitIndex, std::uint32_t> at;  // unit -> position in region
  at.reserve(region.size() * 2);
  for (std::uint32_t k = 0; k < region.size(); ++k) at.emplace(region[k], k);
  for (std::size_t k = 0; k < region.size(); ++k) {
    org_.lines.for_each_into(region[k], [&](LineId, const Line& l) {
      if (l.carries_a_share() &&
          at.emplace(l.from, static_cast<std::uint32_t>(region.size())).second) {
        region.push_back(l.from);
      }
    });
  }

  // Distance up to S of a manager outside the region, as in the base: up to max_levels.
  std::unordered_map<UnitIndex, std::uint64_t> outside;
  auto outside_distance = [&](UnitIndex w) -> std::uint64_t {
    if (max_levels == std::numeric_limits<std::uint32_t>::max()) {
      return old.test_or_absent(w) ? 1 : unreachable;  // only "below S or not" matters
    }
    if (auto it = outside.find(w); it != outside.end()) return it->second;
    std::uint64_t found = unreachable;
    Units frontier{w}, next;
    std::unordered_map<UnitIndex, bool> seen;
    for (std::uint32_t level = 1; level <= max_levels && !frontier.empty() && found == unreachable;
         ++level) {
      next.clear();
      for (UnitIndex v : frontier) {
        for (const Line& l : org_.lines.from(v)) {
          if (!l.carries_a_share()) continue;
          if (in_target.test(l.to)) found = level;
          if (seen.emplace(l.to, true).second) next.push_back(l.to);
        }
      }
      frontier.swap(next);
    }
    return outside[w] = found;
  };

  // Top down: a post is ready when its managers inside the region are done.
  std::vector<std::uint32_t> pending(region.size(), 0);
  for (std::size_t k = 0; k < region.size(); ++k) {
    for (const Line& l : org_.lines.from(region[k])) {
      if (l.carries_a_share() && at.count(l.to)) ++pending[k];
    }
  }
  std::vector<std::uint64_t> distance(region.size(), unreachable);
  Units ready;
  for (std::uint32_t k = 0; k < region.size(); ++k) {
    if (pending[k] == 0) ready.push_back(k);
  }
  for (std::size_t next = 0; next < ready.size(); ++next) {
    const std::uint32_t k = ready[next];
    const UnitIndex u = region[k];
    std::uint64_t best = unreachable;
    for (const Line& l : org_.lines.from(u)) {
      if (!l.carries_a_share()) continue;
      std::uint64_t above = 0;  // the manager's own distance up to S: 0 when it is in S
      if (!in_target.test(l.to)) {
        auto it = at.find(l.to);
        above = it != at.end() ? distance[it->second] : outside_distance(l.to);
      }
      if (above != unreachable) best = std::min(best, above + 1);
    }
    distance[k] = best;
    org_.lines.for_each_into(u, [&](LineId, const Line& l) {
      if (!l.carries_a_share()) return;
      auto it = at.find(l.from);
      if (it != at.end() && --pending[it->second] == 0) ready.push_back(it->second);
    });
  }

  Units& changed = diff_.sets[id];
  changed.clear();
  eval_.sets[id] = patched(
      old, org_.size(), region,
      [&](UnitIndex u) { return distance[at.find(u)->second] <= max_levels; }, changed);
  settle(changed);  // the region is in the order it was found, not by unit
}

void Evaluator::update_category(std::uint32_t c) {
  const ast::ExprId when = program_.categories[c].when;
  evaluate(when, Keep::nothing);
  const PostSet& old = base_->eval_.categories[c];
  Units candidates = diff_.sets[when];
  append(candidates, diff_.posts);
  settle(candidates);
  eval_.categories[c] = patched(
      old, org_.size(), candidates,
      [&](UnitIndex u) { return eval_.sets[when].test(u) && eval_.posts.test(u); },
      diff_.categories[c]);
  release_transient(when);
}

void Evaluator::update_listing() {
  Units candidates = diff_.posts;
  for (std::uint32_t c : resolved_.plan.precedence) append(candidates, diff_.categories[c]);
  settle(candidates);
  for (UnitIndex u : candidates) {
    std::uint32_t now = not_listed;
    if (eval_.posts.test(u)) {
      for (std::uint32_t c : resolved_.plan.precedence) {
        const PostSet& meets = eval_.categories[c];
        if (meets.size() != 0 && meets.test(u)) {
          now = c;
          break;
        }
      }
      now = with_exemption(u, now);
    }
    if (now != eval_.listed[u]) {
      eval_.listed.set(u, now);
      diff_.listed.push_back(u);
    }
  }
}

}  // namespace remit
