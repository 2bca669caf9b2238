#include "evaluate/rules.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include "resolve/law.hpp"

namespace remit {
namespace {

// The designations of every designated post, as (post, designation) pairs sorted by post:
// the lists are short (a council designates a handful of posts), so this is small at any size.
std::vector<std::pair<UnitIndex, SymbolId>> designations_by_post(const Organisation& org) {
  std::vector<std::pair<UnitIndex, SymbolId>> out;
  for (SymbolId s = 0; s < org.designated.size(); ++s) {
    for (UnitIndex u : org.designated[s]) out.emplace_back(u, s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool compare(std::uint64_t a, ast::Compare op, std::uint64_t b) {
  switch (op) {
    case ast::Compare::eq:
      return a == b;
    case ast::Compare::ne:
      return a != b;
    case ast::Compare::lt:
      return a < b;
    case ast::Compare::le:
      return a <= b;
    case ast::Compare::gt:
      return a > b;
    case ast::Compare::ge:
      return a >= b;
  }
  return false;
}

std::vector<UnitIndex> members(const PostSet& s) {
  std::vector<UnitIndex> out;
  s.for_each([&](std::size_t u) { out.push_back(static_cast<UnitIndex>(u)); });
  return out;
}

}  // namespace

Breaches check_rules(const ast::Program& program, const Organisation& org, Evaluator& evaluator) {
  Breaches out;
  const PostSet& posts = evaluator.result().posts;
  if (!program.incompatibilities.empty()) {
    // Only a person who holds a designated post can break an incompatibility: find those
    // holdings in one pass, and group them by person (a person's roles are the union over every
    // post they hold, substantive, interim or acting alike; LAW.md: designations attach to the
    // person). No table per post or per person: a million holders cost one pass.
    const auto designations = designations_by_post(org);
    auto carried = [&](UnitIndex u) {
      // (std::ranges::equal_range does not build with clang 14 over libstdc++ 12, the fuzzers'.)
      struct ByPost {
        bool operator()(const std::pair<UnitIndex, SymbolId>& d, UnitIndex v) const {
          return d.first < v;
        }
        bool operator()(UnitIndex v, const std::pair<UnitIndex, SymbolId>& d) const {
          return v < d.first;
        }
      };
      auto [first, last] = std::equal_range(designations.begin(), designations.end(), u, ByPost{});
      return std::span(first, last);
    };
    // One bit a post says whether it is designated at all, so that the million holdings of
    // posts that carry nothing are passed over without a binary search each (33 M
    // instructions at a million holders, 1 M with the bits).
    std::vector<bool> designated(org.size());
    for (const auto& d : designations) designated[d.first] = true;
    std::vector<const Holding*> held;  // in holdings order
    for (const Holding& h : org.holdings) {
      if (designated[h.post]) held.push_back(&h);
    }
    std::stable_sort(held.begin(), held.end(),
                     [](const Holding* x, const Holding* y) { return x->person < y->person; });
    for (auto group = held.begin(); group != held.end();) {
      const std::uint32_t p = (*group)->person;
      auto group_end =
          std::find_if(group, held.end(), [&](const Holding* h) { return h->person != p; });
      const std::span<const SymbolId> quals = org.qualifications_of(p);
      for (std::uint32_t r = 0; r < program.incompatibilities.size(); ++r) {
        const ast::IncompatibleDecl& rule = program.incompatibilities[r];
        if (rule.set_aside_by != ast::unresolved) continue;  // set aside by the policy
        if (!rule_applies(rule.guard, org.authority_kind)) continue;
        if (rule.qualification_id != ast::unresolved &&
            std::find(quals.begin(), quals.end(), rule.qualification_id) != quals.end()) {
          continue;
        }
        // The first holding of a post designated `role`, other than `skip_if_only` if any.
        auto find = [&](SymbolId role, const Holding* skip_if_only) -> const Holding* {
          const Holding* any = nullptr;
          for (auto it = group; it != group_end; ++it) {
            const auto ds = carried((*it)->post);
            if (std::none_of(ds.begin(), ds.end(),
                             [&](const auto& d) { return d.second == role; })) {
              continue;
            }
            if (!skip_if_only || (*it)->post != skip_if_only->post) return *it;
            any = *it;
          }
          return any;
        };
        const Holding* first = find(rule.first_id, nullptr);
        if (!first) continue;
        const Holding* second = find(rule.second_id, first);
        if (!second) continue;
        out.incompatibilities.push_back(
            IncompatibilityBreach{r, p, first->post, second->post, first->kind, second->kind});
      }
      group = group_end;
    }
  }
  for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
    const ast::RuleDecl& rule = program.rules[r];
    if (rule.set_aside_by != ast::unresolved) continue;  // set aside by the policy
    if (!rule_applies(rule.guard, org.authority_kind)) continue;
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          namespace cond = ast::condition;
          if constexpr (std::is_same_v<T, cond::Count>) {
            PostSet s = evaluator.set_of(c.set);
            s &= posts;
            std::uint64_t n = s.count();
            if (!compare(n, c.op, c.value)) out.rules.push_back(RuleBreach{r, n, members(s)});
          } else if constexpr (std::is_same_v<T, cond::Empty>) {
            PostSet s = evaluator.set_of(c.set);
            s &= posts;
            if (!s.empty()) out.rules.push_back(RuleBreach{r, s.count(), members(s)});
          } else {
            PostSet subject = evaluator.set_of(c.subject);
            subject &= posts;
            const PostSet& predicate = evaluator.set_of(c.predicate);
            PostSet both = subject;
            both &= predicate;
            switch (c.quantifier) {
              case ast::Quantifier::every: {
                PostSet failing = subject;
                failing.subtract(predicate);
                if (!failing.empty()) {
                  out.rules.push_back(RuleBreach{r, failing.count(), members(failing)});
                }
                break;
              }
              case ast::Quantifier::some:
                if (both.empty()) out.rules.push_back(RuleBreach{r, 0, {}});
                break;
              case ast::Quantifier::no:
                if (!both.empty()) out.rules.push_back(RuleBreach{r, both.count(), members(both)});
                break;
            }
          }
        },
        rule.condition);
  }
  return out;
}

}  // namespace remit
