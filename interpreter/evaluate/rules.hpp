// Checking: role incompatibilities over what each person holds, and `require`/`forbid` rules
// over the evaluated sets. Each breach names its rule, the people and posts involved.
#pragma once

#include "evaluate/evaluator.hpp"

namespace remit {

struct IncompatibilityBreach {
  std::uint32_t rule = 0;    // index into Program::incompatibilities
  std::uint32_t person = 0;  // index into Organisation::people
  UnitIndex first_post = 0;  // a post the person holds that carries the first designation
  UnitIndex second_post = 0;
  ast::HoldingKind first_kind = ast::HoldingKind::substantive;  // how they hold each
  ast::HoldingKind second_kind = ast::HoldingKind::substantive;
};

struct RuleBreach {
  std::uint32_t rule = 0;            // index into Program::rules
  std::uint64_t count = 0;           // for `count`: the size of the set
  std::vector<UnitIndex> offending;  // posts that break it (capped for display by callers)
};

struct Breaches {
  std::vector<IncompatibilityBreach> incompatibilities;
  std::vector<RuleBreach> rules;
  [[nodiscard]] bool empty() const { return incompatibilities.empty() && rules.empty(); }
  [[nodiscard]] std::size_t size() const { return incompatibilities.size() + rules.size(); }
};

Breaches check_rules(const ast::Program& program, const Organisation& org, Evaluator& evaluator);

}  // namespace remit
