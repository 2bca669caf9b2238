#include "evaluate/rules.hpp"

#include <algorithm>

namespace remit {
namespace {

// Designations of each held post, found in one pass over the designation lists.
std::vector<std::vector<SymbolId>> designations_of_held(const Organisation& org,
                                                        const PostSet& held) {
  std::vector<std::vector<SymbolId>> out(org.size());
  for (SymbolId s = 0; s < org.designated.size(); ++s) {
    for (UnitIndex u : org.designated[s]) {
      if (held.test(u)) out[u].push_back(s);
    }
  }
  return out;
}

bool compare(std::uint64_t a, ast::Compare op, std::uint64_t b) {
  switch (op) {
    case ast::Compare::eq: return a == b;
    case ast::Compare::ne: return a != b;
    case ast::Compare::lt: return a < b;
    case ast::Compare::le: return a <= b;
    case ast::Compare::gt: return a > b;
    case ast::Compare::ge: return a >= b;
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
    auto designations = designations_of_held(org, evaluator.result().held);
    // Group holdings by person: a person's roles are the union over every post they hold,
    // substantive, interim or acting alike (LAW.md: designations attach to the person).
    std::vector<std::vector<UnitIndex>> held_by(org.people.size());
    for (const Holding& h : org.holdings) held_by[h.person].push_back(h.post);
    for (std::uint32_t p = 0; p < org.people.size(); ++p) {
      const auto& quals = org.people[p].qualifications;
      for (std::uint32_t r = 0; r < program.incompatibilities.size(); ++r) {
        const ast::IncompatibleDecl& rule = program.incompatibilities[r];
        if (rule.qualification_id != ast::unresolved &&
            std::find(quals.begin(), quals.end(), rule.qualification_id) != quals.end()) {
          continue;
        }
        auto find = [&](SymbolId role, UnitIndex skip_if_only) -> std::optional<UnitIndex> {
          std::optional<UnitIndex> any;
          for (UnitIndex u : held_by[p]) {
            const auto& ds = designations[u];
            if (std::find(ds.begin(), ds.end(), role) == ds.end()) continue;
            if (u != skip_if_only) return u;
            any = u;
          }
          return any;
        };
        auto first = find(rule.first_id, UINT32_MAX);
        if (!first) continue;
        auto second = find(rule.second_id, *first);
        if (!second) continue;
        out.incompatibilities.push_back(IncompatibilityBreach{r, p, *first, *second});
      }
    }
  }
  for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
    const ast::RuleDecl& rule = program.rules[r];
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
