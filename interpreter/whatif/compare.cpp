#include "whatif/compare.hpp"

#include <algorithm>
#include <unordered_map>

#include "evaluate/post_set.hpp"
#include "evaluate/rules.hpp"
#include "resolve/resolver.hpp"

namespace remit {
namespace {

std::uint32_t listed_number(const Run& run, UnitIndex u) {
  const std::uint32_t c = run.evaluator().result().listed[u];
  return c == not_listed ? 0 : run.program().categories[c].number;
}

bool live_post(const Unit& u) {
  return !u.is_body() && !u.removed();
}

// A post's main line: the duty-carrying line with the largest share (the first on a tie).
UnitIndex main_manager(std::span<const Line> lines) {
  UnitIndex manager = UINT32_MAX;
  std::uint32_t best = 0;  // the lines of one post share one whole: parts compare as they are
  for (const Line& l : lines) {
    if (!l.carries_duties() || l.share.parts <= best) continue;
    best = l.share.parts;
    manager = l.to;
  }
  return manager;
}

UnitIndex main_manager(const Organisation& org, UnitIndex u) {
  return main_manager(org.lines.from(u));
}

std::vector<std::string> chain(const Organisation& org, UnitIndex u) {
  std::vector<std::string> ids;
  // Reporting lines are acyclic (checked before evaluation), so this ends; the cap is a guard.
  for (std::size_t n = 0; u != UINT32_MAX && n <= org.size(); ++n, u = main_manager(org, u)) {
    ids.emplace_back(org.units[u].id());
  }
  return ids;
}

void add_change(Difference& diff, CategoryChange c) {
  if (c.before == 0) {
    diff.entered.push_back(std::move(c));
  } else if (c.after == 0) {
    diff.left.push_back(std::move(c));
  } else {
    diff.changed.push_back(std::move(c));
  }
}

// A post whose main manager changed, and how many posts below it (in the old structure) did
// not move themselves but have a new line up through it.
struct Moved {
  UnitIndex before = 0, after = 0;
  std::size_t below = 0;
};

// The two runs compared, and their organisations.
class Sides {
 public:
  Sides(Run& before, Run& after)
      : before_(before),
        after_(after),
        a_(before.resolved().organisation),
        b_(after.resolved().organisation) {}

 protected:
  Run& before_;
  Run& after_;
  const Organisation& a_;
  const Organisation& b_;
};

// Each unit of `a`, the unit of `b` with its id (find_unit), or UINT32_MAX when there is none.
// Two exports of one council list most posts in the same order, so the unit after the last one
// matched is tried first, by comparing the ids' bytes, before the id is looked up: at a million
// posts in the same order the comparison went from 686 M instructions to 474 M, and from about
// 250 ms to 70 ms (a lookup is a cache miss or two; two were made for each post). The guess is
// taken only when it is what find_unit would answer: the same bytes, and a unit not removed (a
// loaded run's only other unit with an id is a duplicate left out, and removed; find_unit answers
// the first).
std::vector<UnitIndex> units_by_id(const Organisation& a, const Organisation& b) {
  std::vector<UnitIndex> to_b(a.size(), UINT32_MAX);
  UnitIndex guess = 0;
  for (UnitIndex u = 0; u < a.size(); ++u) {
    const std::string_view id = a.units[u].id();
    if (guess < b.size() && !b.units[guess].removed() && b.units[guess].id() == id) {
      to_b[u] = guess++;
    } else if (auto v = b.find_unit(id)) {
      to_b[u] = *v;
      guess = *v + 1;
    }
  }
  return to_b;
}

// Two separate runs (two versions of a structure): units matched by id, each post's old and
// new main manager compared, and the posts below counted in one memoised pass up from every post.
class MatchedById : Sides {
 public:
  MatchedById(Run& before, Run& after) : Sides(before, after), to_b_(units_by_id(a_, b_)) {}

  void categories(Difference& diff) const {
    std::vector<bool> matched(b_.size(), false);
    for (UnitIndex u = 0; u < a_.size(); ++u) {
      if (!live_post(a_.units[u])) continue;
      const UnitIndex v = to_b_[u];
      const bool exists = v != UINT32_MAX && live_post(b_.units[v]);
      if (exists) matched[v] = true;
      const std::uint32_t was = listed_number(before_, u);
      const std::uint32_t now = exists ? listed_number(after_, v) : 0;
      if (was == now) continue;  // the common case: build no strings for it
      add_change(diff, CategoryChange{std::string(a_.units[u].id()),
                                      std::string(a_.units[u].title()), was, now, true, exists});
    }
    for (UnitIndex v = 0; v < b_.size(); ++v) {
      if (matched[v] || !live_post(b_.units[v])) continue;
      if (std::uint32_t n = listed_number(after_, v)) {
        add_change(diff, CategoryChange{std::string(b_.units[v].id()),
                                        std::string(b_.units[v].title()), 0, n, false, true});
      }
    }
  }

  std::vector<Moved> moved() const {
    std::vector<UnitIndex> ma(a_.size()), to_b(a_.size(), UINT32_MAX);
    for (UnitIndex u = 0; u < a_.size(); ++u) {
      ma[u] = main_manager(a_, u);
      if (const UnitIndex v = to_b_[u]; v != UINT32_MAX && !b_.units[v].removed()) to_b[u] = v;
    }
    // Bytes rather than bits, and counts in a vector rather than a hash map: each is read or
    // counted once per post, a million times (474 M instructions to 438 M).
    std::vector<std::uint8_t> moved(a_.size(), 0);
    for (UnitIndex u = 0; u < a_.size(); ++u) {
      if (to_b[u] == UINT32_MAX || !live_post(a_.units[u])) continue;
      const UnitIndex old_manager = ma[u] == UINT32_MAX ? UINT32_MAX : to_b[ma[u]];
      moved[u] = old_manager != main_manager(b_, to_b[u]);
    }
    // Each post's nearest moved ancestor (or itself): one pass up from each post, memoised.
    std::vector<UnitIndex> nearest(a_.size(), UINT32_MAX);
    std::vector<std::uint8_t> done(a_.size(), 0);
    std::vector<UnitIndex> path;
    for (UnitIndex start = 0; start < a_.size(); ++start) {
      path.clear();
      UnitIndex u = start;
      while (u != UINT32_MAX && !done[u] && !moved[u]) {
        path.push_back(u);
        done[u] = 1;
        u = ma[u];
      }
      UnitIndex found = (u == UINT32_MAX) ? UINT32_MAX : (moved[u] ? u : nearest[u]);
      if (u != UINT32_MAX && moved[u]) {
        done[u] = 1;
        nearest[u] = u;
      }
      for (UnitIndex p : path) nearest[p] = found;
    }
    std::vector<UnitIndex> below(a_.size(), 0);
    for (UnitIndex u = 0; u < a_.size(); ++u) {
      if (!moved[u] && nearest[u] != UINT32_MAX && live_post(a_.units[u])) ++below[nearest[u]];
    }
    std::vector<Moved> out;
    for (UnitIndex u = 0; u < a_.size(); ++u) {
      if (moved[u]) out.push_back(Moved{u, to_b[u], below[u]});
    }
    return out;
  }

 private:
  std::vector<UnitIndex> to_b_;  // units_by_id
};

// A scenario's variant and its base: the same unit numbers, and the variant's evaluator knows
// which posts' listing changed and the organisation which posts' lines did, so only those are
// looked at.
class MatchedByChange : Sides {
 public:
  using Sides::Sides;

  void categories(Difference& diff) const {
    for (UnitIndex u : after_.evaluator().differences()->listed) {
      const bool existed = u < a_.size() && live_post(a_.units[u]);
      const bool exists = live_post(b_.units[u]);
      const std::uint32_t was = existed ? listed_number(before_, u) : 0;
      const std::uint32_t now = exists ? listed_number(after_, u) : 0;
      if (was == now) continue;
      const Unit& unit = existed ? a_.units[u] : b_.units[u];
      add_change(diff, CategoryChange{std::string(unit.id()), std::string(unit.title()), was, now,
                                      existed, exists});
    }
  }

  std::vector<Moved> moved() const {
    std::vector<UnitIndex> moved;
    for (UnitIndex u : b_.lines.replaced_posts()) {
      if (u >= a_.size() || !live_post(a_.units[u]) || b_.units[u].removed()) continue;
      UnitIndex old_manager = main_manager(a_, u);
      if (old_manager != UINT32_MAX && b_.units[old_manager].removed()) old_manager = UINT32_MAX;
      if (old_manager != main_manager(b_, u)) moved.push_back(u);
    }
    const std::vector<std::size_t> below = posts_below(moved);
    std::vector<Moved> out;
    for (std::size_t k = 0; k < moved.size(); ++k)
      out.push_back(Moved{moved[k], moved[k], below[k]});
    return out;
  }

 private:
  // For each moved post, how many posts were below it in the old structure, through main lines,
  // and did not move themselves (nor sit below another moved post that is below it).
  //
  // Found in passes over every post's lines in order, each pass taking in the posts whose main
  // manager is already in: reading the lines in order is cheap, where the index of lines by
  // target (for_each_into) writes 8 MB of new memory at a million posts, and new memory is what
  // costs here: a branch of 9,589 posts seven levels deep took 45 ms with the index, and takes
  // 16 ms in its six passes (bench/README.md, "Performance IX"). A pass also takes in the posts
  // below those it took in earlier in the same pass, so an organisation twelve levels deep takes
  // fewer passes than that. A long chain of posts listed bottom first would need a pass per post:
  // past `most_passes`, the walk down through the index does the rest.
  std::vector<std::size_t> posts_below(const std::vector<UnitIndex>& moved) const {
    constexpr int most_passes = 12;
    std::vector<std::size_t> count(moved.size(), 0);
    if (moved.empty()) return count;
    // Each post taken in, and the moved post it is below (by its place in `moved`); with one
    // moved post, every post taken in is below it, and 9,589 entries in a hash table took 1 ms.
    PostSet in(a_.size());
    std::unordered_map<UnitIndex, std::uint32_t> under;
    const bool one = moved.size() == 1;
    for (std::uint32_t k = 0; k < moved.size(); ++k) {
      in.set(moved[k]);
      if (!one) under.emplace(moved[k], k);
    }
    auto take_in = [&](UnitIndex post, UnitIndex manager) {
      const std::uint32_t k = one ? 0 : under.find(manager)->second;
      in.set(post);
      if (!one) under.emplace(post, k);
      if (live_post(a_.units[post])) ++count[k];
    };
    bool grew = true;
    for (int pass = 0; grew && pass < most_passes; ++pass) {
      grew = false;
      a_.lines.for_each([&](LineId, const Line& l) {
        // Only its main line puts a post below another.
        if (!in.test(l.to) || in.test(l.from) || main_manager(a_, l.from) != l.to) return;
        take_in(l.from, l.to);
        grew = true;
      });
    }
    if (!grew) return count;
    // Still growing: down from every post taken in, through the index.
    std::vector<UnitIndex> stack;
    for (UnitIndex u = 0; u < a_.size(); ++u) {
      if (in.test(u)) stack.push_back(u);
    }
    while (!stack.empty()) {
      const UnitIndex v = stack.back();
      stack.pop_back();
      a_.lines.for_each_into(v, [&](LineId, const Line& l) {
        const UnitIndex c = l.from;
        // Only its main line puts a post below v; a post with two lines into v is met twice.
        if (in.test(c) || main_manager(a_, c) != v) return;
        take_in(c, v);
        stack.push_back(c);
      });
    }
    return count;
  }
};

}  // namespace

std::vector<Breach> breach_values(Run& run) {
  return describe(run.program(), run.resolved().organisation, run.breaches());
}

Difference compare(Run& before, Run& after, Matching matching) {
  Difference diff;
  std::vector<Moved> moved;
  if (matching == Matching::by_change && after.base() == &before) {
    MatchedByChange m(before, after);
    m.categories(diff);
    moved = m.moved();
  } else {
    MatchedById m(before, after);
    m.categories(diff);
    moved = m.moved();
  }

  // Breaches, matched by what they are (the rule, and for an incompatibility the person and
  // posts by id): a breach on both sides whose details differ has changed, not come and gone.
  const std::vector<Breach> was = breach_values(before), now = breach_values(after);
  // Each identity's breaches before, in order (two rules written alike give two of them).
  std::unordered_map<std::string, std::vector<std::size_t>> was_index;
  for (std::size_t k = was.size(); k-- > 0;) was_index[identity_key(was[k])].push_back(k);
  std::vector<bool> still(was.size(), false);
  for (const Breach& b : now) {
    auto it = was_index.find(identity_key(b));
    if (it == was_index.end() || it->second.empty()) {
      diff.breaches_appeared.push_back(b);
      continue;
    }
    const std::size_t k = it->second.back();
    it->second.pop_back();
    still[k] = true;
    if (!(was[k] == b)) diff.breaches_changed.push_back(BreachChange{was[k], b});
  }
  for (std::size_t k = 0; k < was.size(); ++k) {
    if (!still[k]) diff.breaches_disappeared.push_back(was[k]);
  }

  // Lines of management: a post whose own main manager changed is listed with both lines up;
  // the posts below it, whose lines changed only through it, are counted.
  const Organisation& a = before.resolved().organisation;
  const Organisation& b = after.resolved().organisation;
  for (const Moved& m : moved) {
    diff.lines.push_back(LineChange{std::string(a.units[m.before].id()), chain(a, m.before),
                                    chain(b, m.after), m.below});
  }
  auto by_id = [](const auto& x, const auto& y) { return x.id < y.id; };
  std::sort(diff.entered.begin(), diff.entered.end(), by_id);
  std::sort(diff.left.begin(), diff.left.end(), by_id);
  std::sort(diff.changed.begin(), diff.changed.end(), by_id);
  std::sort(diff.lines.begin(), diff.lines.end(), by_id);
  return diff;
}

}  // namespace remit
