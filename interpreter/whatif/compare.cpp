#include "whatif/compare.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "evaluate/rules.hpp"
#include "resolve/resolver.hpp"

namespace remit {
namespace {

std::uint32_t listed_number(const Run& run, UnitIndex u) {
  const std::uint32_t c = run.evaluator().result().listed[u];
  return c == not_listed ? 0 : run.program().categories[c].number;
}

bool live_post(const Unit& u) { return !u.is_body() && !u.removed; }

// A post's main line: the duty-carrying line with the largest share (the first on a tie).
UnitIndex main_manager(std::span<const Line> lines) {
  UnitIndex manager = UINT32_MAX;
  float best = 0.0f;
  for (const Line& l : lines) {
    if (!l.carries_duties() || l.share <= best) continue;
    best = l.share;
    manager = l.to;
  }
  return manager;
}

std::vector<UnitIndex> main_manager(const Organisation& org) {
  std::vector<UnitIndex> manager(org.size(), UINT32_MAX);
  for (UnitIndex u = 0; u < org.size(); ++u) manager[u] = main_manager(org.lines.from(u));
  return manager;
}

std::vector<std::string> chain(const Organisation& org, const std::vector<UnitIndex>& manager,
                               UnitIndex u) {
  std::vector<std::string> ids;
  // Reporting lines are acyclic (checked before evaluation), so this ends; the cap is a guard.
  for (std::size_t n = 0; u != UINT32_MAX && n <= org.size(); ++n, u = manager[u]) {
    ids.emplace_back(org.units[u].id);
  }
  return ids;
}

}  // namespace

std::vector<std::string> breach_lines(Run& run) {
  const Breaches& b = run.breaches();
  const Organisation& org = run.resolved().organisation;
  const ast::Program& p = run.program();
  std::vector<std::string> out;
  // The same words as `remit check`: "P holds a (role, interim) and b (role)".
  auto held = [&](const IncompatibilityBreach& i, UnitIndex post, std::string_view role) {
    std::string s = std::string(org.units[post].id) + " (" + std::string(role);
    for (const Holding& h : org.holdings) {
      if (h.person == i.person && h.post == post && h.kind != ast::HoldingKind::substantive) {
        s += h.kind == ast::HoldingKind::interim ? ", interim" : ", acting";
        break;
      }
    }
    return s + ")";
  };
  for (const IncompatibilityBreach& i : b.incompatibilities) {
    const ast::IncompatibleDecl& d = p.incompatibilities[i.rule];
    std::string text = "incompatible " + std::string(d.first.text) + " with " +
                       std::string(d.second.text) + ": " +
                       std::string(org.people[i.person].name) + " holds " +
                       held(i, i.first_post, d.first.text);
    text += i.first_post == i.second_post
                ? ", which is also designated " + std::string(d.second.text)
                : " and " + held(i, i.second_post, d.second.text);
    out.push_back(std::move(text));
  }
  for (const RuleBreach& r : b.rules) {
    const ast::RuleDecl& d = p.rules[r.rule];
    std::string posts;
    for (std::size_t k = 0; k < r.offending.size() && k < 10; ++k) {
      posts += (k ? ", " : "") + std::string(org.units[r.offending[k]].id);
    }
    if (r.offending.size() > 10) posts += ", …";
    out.push_back(std::string(d.forbid ? "forbid" : "require") + " \"" +
                  std::string(d.name.text) + "\": " + std::to_string(r.count) +
                  (r.count == 1 ? " post" : " posts") +
                  (posts.empty() ? "" : " (" + posts + ")"));
  }
  return out;
}

Difference compare(Run& before, Run& after) {
  Difference diff;
  const Organisation& a = before.resolved().organisation;
  const Organisation& b = after.resolved().organisation;

  // Categories, matched by id.
  std::vector<bool> matched(b.size(), false);
  // A scenario's variant keeps the base's units at the same indexes: match those without a
  // lookup; anything else (two separate runs) by id.
  auto counterpart = [&](UnitIndex u) -> std::optional<UnitIndex> {
    if (u < b.size() && b.units[u].id.data() == a.units[u].id.data()) return u;
    return b.find_unit(a.units[u].id);
  };
  for (UnitIndex u = 0; u < a.size(); ++u) {
    if (!live_post(a.units[u])) continue;
    auto v = counterpart(u);
    const bool exists = v && live_post(b.units[*v]);
    if (exists) matched[*v] = true;
    const std::uint32_t was = listed_number(before, u);
    const std::uint32_t now = exists ? listed_number(after, *v) : 0;
    if (was == now) continue;  // the common case: build no strings for it
    CategoryChange c{std::string(a.units[u].id), std::string(a.units[u].title()), was, now, true,
                     exists};
    if (c.before == 0) {
      diff.entered.push_back(c);
    } else if (c.after == 0) {
      diff.left.push_back(c);
    } else {
      diff.changed.push_back(c);
    }
  }
  for (UnitIndex v = 0; v < b.size(); ++v) {
    if (matched[v] || !live_post(b.units[v])) continue;
    std::uint32_t n = listed_number(after, v);
    if (n == 0) continue;
    diff.entered.push_back(
        CategoryChange{std::string(b.units[v].id), std::string(b.units[v].title()), 0, n, false, true});
  }

  // Breaches, compared by what they say.
  std::vector<std::string> was = breach_lines(before), now = breach_lines(after);
  std::set<std::string> was_set(was.begin(), was.end()), now_set(now.begin(), now.end());
  for (const std::string& s : now) {
    if (!was_set.count(s)) diff.breaches_appeared.push_back(s);
  }
  for (const std::string& s : was) {
    if (!now_set.count(s)) diff.breaches_disappeared.push_back(s);
  }

  // Lines of management: a post whose own main manager changed is listed with both lines up;
  // the posts below it, whose lines changed only through it, are counted.
  std::vector<UnitIndex> ma = main_manager(a), mb = main_manager(b);
  // Every unit of the old structure (posts and bodies) mapped to the new one.
  std::vector<UnitIndex> to_b(a.size(), UINT32_MAX);
  for (UnitIndex u = 0; u < a.size(); ++u) {
    if (a.units[u].removed) continue;
    if (auto v = counterpart(u); v && !b.units[*v].removed) to_b[u] = *v;
  }
  std::vector<bool> moved(a.size(), false);
  for (UnitIndex u = 0; u < a.size(); ++u) {
    if (to_b[u] == UINT32_MAX || !live_post(a.units[u])) continue;
    const UnitIndex old_manager = ma[u] == UINT32_MAX ? UINT32_MAX : to_b[ma[u]];
    moved[u] = old_manager != mb[to_b[u]];
  }
  // Count, for each moved post, the posts below it (in the old structure) that did not move
  // themselves: one pass up from each post to its nearest moved ancestor, memoised.
  std::vector<UnitIndex> nearest(a.size(), UINT32_MAX);  // nearest moved ancestor or self
  std::vector<std::uint8_t> state(a.size(), 0);           // 0 new, 1 done
  std::vector<UnitIndex> path;
  std::unordered_map<UnitIndex, std::size_t> below;
  for (UnitIndex start = 0; start < a.size(); ++start) {
    path.clear();
    UnitIndex u = start;
    while (u != UINT32_MAX && state[u] == 0 && !moved[u]) {
      path.push_back(u);
      state[u] = 1;
      u = ma[u];
    }
    UnitIndex found = (u == UINT32_MAX) ? UINT32_MAX : (moved[u] ? u : nearest[u]);
    if (u != UINT32_MAX && moved[u]) {
      state[u] = 1;
      nearest[u] = u;
    }
    for (UnitIndex p : path) nearest[p] = found;
  }
  for (UnitIndex u = 0; u < a.size(); ++u) {
    if (!moved[u] && nearest[u] != UINT32_MAX && live_post(a.units[u])) ++below[nearest[u]];
  }
  for (UnitIndex u = 0; u < a.size(); ++u) {
    if (!moved[u]) continue;
    diff.lines.push_back(LineChange{std::string(a.units[u].id), chain(a, ma, u),
                                    chain(b, mb, to_b[u]), below[u]});
  }
  auto by_id = [](const auto& x, const auto& y) { return x.id < y.id; };
  std::sort(diff.entered.begin(), diff.entered.end(), by_id);
  std::sort(diff.left.begin(), diff.left.end(), by_id);
  std::sort(diff.changed.begin(), diff.changed.end(), by_id);
  std::sort(diff.lines.begin(), diff.lines.end(), by_id);
  return diff;
}

}  // namespace remit
