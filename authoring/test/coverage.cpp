#include "authoring/test/coverage.hpp"

#include <algorithm>
#include <tuple>

#include "evaluate/evaluator.hpp"
#include "remit/remit.hpp"
#include "resolve/organisation.hpp"

namespace remit::policy_test {
namespace {

SourceSpan where_of(const Run& run, RuleRef rule) {
  const ast::Program& p = run.program();
  return rule.kind == RuleKind::incompatibility ? p.incompatibilities[rule.index].where
                                                : p.rules[rule.index].where;
}

}  // namespace

void Coverage::add(const Run& run, const SourceSpan& at, std::string what) {
  const std::string& file = run.sources().file(at.file).name;
  const LineColumn place = run.sources().position(at);
  clauses_.try_emplace({file, at.offset}, Clause{file, place.line, place.column, std::move(what)});
}

void Coverage::fire(const Run& run, const SourceSpan& at) {
  auto it = clauses_.find({run.sources().file(at.file).name, at.offset});
  if (it != clauses_.end()) it->second.fired = true;
}

void Coverage::add_policy(const Run& run) {
  const ast::Program& p = run.program();
  for (std::uint32_t c : run.resolved().plan.active) {
    const ast::CategoryDecl& d = p.categories[c];
    add(run, d.where,
        "category " + std::to_string(d.number) + " (" + std::string(d.label.text) +
            "): no test looked at a post that meets it");
  }
  for (const ast::IncompatibleDecl& d : p.incompatibilities) {
    add(run, d.where,
        "incompatible " + std::string(d.first.text) + " with " + std::string(d.second.text) +
            ": no test saw it broken, nor expected no breach where someone holds a post with "
            "one of the two designations");
  }
  for (const ast::RuleDecl& d : p.rules) {
    add(run, d.where,
        std::string(d.forbid ? "forbid" : "require") + " \"" + std::string(d.name.text) + "\": " +
            (d.forbid ? "no test saw it broken"
                      : "no test saw it broken, nor expected no breach where its set has posts"));
  }
}

void Coverage::category_fired(const Run& run, std::uint32_t category) {
  fire(run, run.program().categories[category].where);
}

void Coverage::post_seen(const Run& run, std::uint32_t unit) {
  const Evaluation& e = run.evaluator().result();
  for (std::uint32_t c : run.resolved().plan.active) {
    if (e.categories[c].test_or_absent(unit)) category_fired(run, c);
  }
}

void Coverage::rule_fired(const Run& run, RuleRef rule) {
  fire(run, where_of(run, rule));
}

std::string Coverage::report() const {
  std::vector<const Clause*> cold;
  for (const auto& [key, c] : clauses_) {
    if (!c.fired) cold.push_back(&c);
  }
  std::sort(cold.begin(), cold.end(), [](const Clause* a, const Clause* b) {
    return std::tie(a->file, a->line, a->column) < std::tie(b->file, b->line, b->column);
  });
  std::string out = "coverage: " + std::to_string(clauses_.size() - cold.size()) + " of " +
                    std::to_string(clauses_.size()) + " categories and rules fired in a test";
  out += cold.empty() ? "\n" : "; not fired:\n";
  for (const Clause* c : cold) {
    out += "  " + c->file + ":" + std::to_string(c->line) + ":" + std::to_string(c->column) + ": " +
           c->what + "\n";
  }
  return out;
}

}  // namespace remit::policy_test
