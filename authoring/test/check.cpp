#include "authoring/test/check.hpp"

#include <algorithm>
#include <unordered_map>

#include "authoring/test/approved_list.hpp"
#include "evaluate/breach.hpp"
#include "evaluate/rules.hpp"
#include "explain/explain.hpp"
#include "remit/remit.hpp"
#include "resolve/organisation.hpp"
#include "resolve/resolver.hpp"
#include "resolve/suggest.hpp"

namespace fs = std::filesystem;

namespace remit::policy_test {
namespace {

// An approved list can differ from the derived one in every post; the first differences are
// shown with their explanations, the rest counted.
constexpr std::size_t differences_shown = 10;

std::string post_words(const Unit& u) {
  return std::string(u.id()) + " (" + std::string(u.title()) + ")";
}

std::string category_words(const ast::CategoryDecl& c) {
  return "category " + std::to_string(c.number) + " (" + std::string(c.label.text) + ")";
}

// Where the post is listed, in words: "is listed in category 4 (…)" or "is in no category".
std::string listing_words(const Run& run, std::uint32_t listed) {
  if (listed == not_listed) return "is in no category";
  return "is listed in " + category_words(run.program().categories[listed]);
}

// The name a breach expectation calls a rule by: a require/forbid's own, or "a with b" for an
// incompatibility.
std::string rule_name(const ast::Program& p, RuleRef r) {
  if (r.kind == RuleKind::rule) return std::string(p.rules[r.index].name.text);
  const ast::IncompatibleDecl& d = p.incompatibilities[r.index];
  return std::string(d.first.text) + " with " + std::string(d.second.text);
}

std::vector<RuleRef> every_rule(const ast::Program& p) {
  std::vector<RuleRef> out;
  for (std::uint32_t i = 0; i < p.incompatibilities.size(); ++i) {
    out.push_back(RuleRef{RuleKind::incompatibility, i});
  }
  for (std::uint32_t i = 0; i < p.rules.size(); ++i) out.push_back(RuleRef{RuleKind::rule, i});
  return out;
}

RuleRef rule_of(const Breach& b) {
  return RuleRef{std::holds_alternative<IncompatibilityFound>(b.what) ? RuleKind::incompatibility
                                                                      : RuleKind::rule,
                 b.rule};
}

bool same_rule(RuleRef a, RuleRef b) {
  return a.kind == b.kind && a.index == b.index;
}

// Whether an unbroken rule had anything to check in `run` (coverage.hpp).
bool rule_applies(Run& run, RuleRef r) {
  const ast::Program& p = run.program();
  const Organisation& org = run.resolved().organisation;
  if (r.kind == RuleKind::incompatibility) {
    const ast::IncompatibleDecl& d = p.incompatibilities[r.index];
    const PostSet& held = run.evaluator().result().held;
    for (SymbolId role : {d.first_id, d.second_id}) {
      if (role == ast::unresolved || role >= org.designated.size()) continue;
      for (UnitIndex u : org.designated[role]) {
        if (held.test_or_absent(u)) return true;
      }
    }
    return false;
  }
  const ast::RuleDecl& d = p.rules[r.index];
  if (const auto* count = std::get_if<ast::condition::Count>(&d.condition)) {
    return !run.evaluator().set_of(count->set).empty();
  }
  if (const auto* q = std::get_if<ast::condition::Quantified>(&d.condition)) {
    return !run.evaluator().set_of(q->subject).empty();
  }
  return false;  // a forbid that holds found nothing
}

}  // namespace

Checker::Checker(Run& run, Coverage& coverage, TextStyle style, bool colour)
    : base_(run), coverage_(coverage), style_(style), colour_(colour) {
  // Explanations are indented under the failure, so they take that much less of the width.
  if (style_.width != 0) style_.width = std::max(style_.width, 60u) - 6;
}

Checker::~Checker() = default;

std::string Checker::error(const SourceSpan& where, const std::string& message) const {
  return render(base_.sources(), Diagnostic{Severity::error, where, message, {}}, colour_);
}

std::string Checker::explanation(const Run& run, const Reason& reason) const {
  return render_text(reason, run.sources(), style_);
}

Run* Checker::run_for(const ast::Expectation& e, std::string& error_text) {
  if (!e.scenario) return &base_;
  const std::string_view name = e.scenario->text;
  if (auto it = variants_.find(name); it != variants_.end()) {
    // A scenario that could not be applied was reported at its first use.
    if (!it->second) {
      error_text = error(e.scenario->where, "the scenario \"" + std::string(name) +
                                                "\" cannot be applied to the policy (see above)");
    }
    return it->second.get();
  }
  const auto& scenarios = base_.program().scenarios;
  auto s = std::find_if(scenarios.begin(), scenarios.end(),
                        [&](const ast::ScenarioDecl& d) { return d.name.text == name; });
  if (s == scenarios.end()) {
    std::vector<std::string_view> names;
    for (const ast::ScenarioDecl& d : scenarios) names.push_back(d.name.text);
    error_text = error(e.scenario->where, "no scenario \"" + std::string(name) +
                                              "\" in the policy" + did_you_mean(name, names));
    return nullptr;
  }
  const std::size_t before = base_.diagnostics().all().size();
  std::unique_ptr<Run> variant = base_.apply(*s);
  if (!variant) {
    // The scenario's own edits are wrong: the policy's fault, reported where the edits are.
    error_text = error(e.scenario->where, "the scenario \"" + std::string(name) +
                                              "\" cannot be applied to the policy:");
    const auto& all = base_.diagnostics().all();
    for (std::size_t i = before; i < all.size(); ++i) {
      error_text += render(base_.sources(), all[i], colour_);
    }
    variants_.emplace(std::string(name), nullptr);
    return nullptr;
  }
  return variants_.emplace(std::string(name), std::move(variant)).first->second.get();
}

Outcome Checker::check(const ast::Expectation& e) {
  std::string problem;
  Run* run = run_for(e, problem);
  if (!run) return TestError{problem};
  Outcome outcome = std::visit(
      [&](const auto& kind) -> Outcome {
        using K = std::decay_t<decltype(kind)>;
        if constexpr (std::is_same_v<K, ast::expectation::PostCategory>) {
          return post_category(*run, kind);
        } else if constexpr (std::is_same_v<K, ast::expectation::NoBreach>) {
          return no_breach(*run, kind);
        } else if constexpr (std::is_same_v<K, ast::expectation::Breach>) {
          return breach(*run, kind);
        } else {
          return list(*run, kind);
        }
      },
      e.kind);
  if (auto* v = std::get_if<Verdict>(&outcome); v && e.scenario) {
    v->expected = "given scenario \"" + std::string(e.scenario->text) + "\": " + v->expected;
  }
  return outcome;
}

Outcome Checker::post_category(Run& run, const ast::expectation::PostCategory& e) {
  using ast::expectation::Claim;
  const Organisation& org = run.resolved().organisation;
  const auto unit = org.find_unit(e.post.text);
  if (!unit || org.units[*unit].removed()) {
    return TestError{error(e.post.where, "no post '" + std::string(e.post.text) + "'" +
                                             (unit ? " (the scenario removes it)"
                                                   : did_you_mean(e.post.text, org.unit_ids())))};
  }
  if (org.units[*unit].is_body()) {
    return TestError{error(e.post.where, "'" + std::string(e.post.text) +
                                             "' is a body, not a post: only posts are in a "
                                             "category")};
  }
  const ast::Program& p = run.program();
  const auto& active = run.resolved().plan.active;
  std::uint32_t category = not_listed;
  if (e.claim != Claim::listed_nowhere) {
    auto it = std::find_if(active.begin(), active.end(),
                           [&](std::uint32_t c) { return p.categories[c].number == e.number; });
    if (it == active.end()) {
      std::vector<std::uint32_t> numbers;
      for (std::uint32_t c : active) numbers.push_back(p.categories[c].number);
      std::sort(numbers.begin(), numbers.end());
      return TestError{
          error(e.number_where,
                "the policy defines no category " + std::to_string(e.number) + " (it defines " +
                    (numbers.empty() ? "no categories"
                                     : "categories " + nearest_numbers(numbers, e.number)) +
                    ")")};
    }
    category = *it;
  }
  coverage_.post_seen(run, *unit);
  const Unit& u = org.units[*unit];
  const Evaluation& result = run.evaluator().result();
  const std::uint32_t listed = result.listed[*unit];
  const bool meets = category != not_listed && result.categories[category].test_or_absent(*unit);
  Verdict v;
  Finding f;
  switch (e.claim) {
    case Claim::listed_in:
      v.passed = listed == category;
      v.expected =
          std::string(e.post.text) + " listed in " + category_words(p.categories[category]);
      f.text = post_words(u) + " " + listing_words(run, listed);
      // Why it does not meet the category expected; or, when it does, why another comes first.
      f.why = explanation(
          run, meets ? explain_listing(run, *unit) : explain_category(run, *unit, category));
      break;
    case Claim::not_listed_in:
      v.passed = listed != category;
      v.expected =
          std::string(e.post.text) + " not listed in " + category_words(p.categories[category]);
      f.text = post_words(u) + " " + listing_words(run, listed);
      f.why = explanation(run, explain_listing(run, *unit));
      break;
    case Claim::listed_nowhere:
      v.passed = listed == not_listed;
      v.expected = std::string(e.post.text) + " in no category (not politically restricted)";
      f.text = post_words(u) + " " + listing_words(run, listed);
      f.why = explanation(run, explain_listing(run, *unit));
      break;
    case Claim::meets:
      v.passed = meets;
      v.expected = std::string(e.post.text) + " meets " + category_words(p.categories[category]);
      f.text = post_words(u) + " does not meet " + category_words(p.categories[category]);
      f.why = explanation(run, explain_category(run, *unit, category));
      break;
  }
  if (!v.passed) v.found.push_back(std::move(f));
  return v;
}

Outcome Checker::no_breach(Run& run, const ast::expectation::NoBreach& e) {
  const ast::Program& p = run.program();
  std::vector<RuleRef> rules;
  if (e.rule) {
    for (RuleRef r : every_rule(p)) {
      if (rule_name(p, r) == e.rule->text) rules.push_back(r);
    }
    if (rules.empty()) {
      std::vector<std::string> names;
      for (RuleRef r : every_rule(p)) names.push_back(rule_name(p, r));
      std::vector<std::string_view> views(names.begin(), names.end());
      return TestError{error(e.rule->where, "no rule named \"" + std::string(e.rule->text) +
                                                "\" in the policy" +
                                                did_you_mean(e.rule->text, views))};
    }
  } else {
    rules = every_rule(p);
  }
  const std::vector<Breach> breaches = describe(p, run.resolved().organisation, run.breaches());
  Verdict v;
  v.expected = e.rule ? "no breach of \"" + std::string(e.rule->text) + "\"" : "no breach";
  for (RuleRef r : rules) {
    const bool broken = std::any_of(breaches.begin(), breaches.end(),
                                    [&](const Breach& b) { return same_rule(rule_of(b), r); });
    if (broken || rule_applies(run, r)) coverage_.rule_fired(run, r);
  }
  for (std::size_t n = 0; n < breaches.size(); ++n) {
    const RuleRef r = rule_of(breaches[n]);
    if (std::none_of(rules.begin(), rules.end(), [&](RuleRef x) { return same_rule(x, r); })) {
      continue;
    }
    if (v.found.size() == differences_shown) {
      ++v.findings_left;
      continue;
    }
    v.found.push_back(Finding{"", "breach: " + breach_line(breaches[n], 5),
                              explanation(run, explain_breach(run, n + 1))});
  }
  v.passed = v.found.empty() && v.findings_left == 0;
  return v;
}

Outcome Checker::breach(Run& run, const ast::expectation::Breach& e) {
  const ast::Program& p = run.program();
  std::vector<RuleRef> rules;
  for (RuleRef r : every_rule(p)) {
    if (rule_name(p, r) == e.rule.text) rules.push_back(r);
  }
  if (rules.empty()) {
    std::vector<std::string> names;
    for (RuleRef r : every_rule(p)) names.push_back(rule_name(p, r));
    std::vector<std::string_view> views(names.begin(), names.end());
    return TestError{error(e.rule.where, "no rule named \"" + std::string(e.rule.text) +
                                             "\" in the policy" +
                                             did_you_mean(e.rule.text, views))};
  }
  const std::vector<Breach> breaches = describe(p, run.resolved().organisation, run.breaches());
  Verdict v;
  v.expected = "a breach of \"" + std::string(e.rule.text) + "\"";
  for (const Breach& b : breaches) {
    const RuleRef r = rule_of(b);
    coverage_.rule_fired(run, r);
    if (std::any_of(rules.begin(), rules.end(), [&](RuleRef x) { return same_rule(x, r); })) {
      v.passed = true;
    }
  }
  if (!v.passed) {
    std::string found = "\"" + std::string(e.rule.text) + "\" is not broken";
    if (breaches.empty()) {
      found += "; no rule is";
    } else {
      found += "; the rules broken are:";
      for (const Breach& b : breaches) found += "\n  " + breach_title(b);
    }
    v.found.push_back(Finding{"", found, ""});
  }
  return v;
}

Outcome Checker::list(Run& run, const ast::expectation::List& e) {
  const fs::path file(base_.sources().file(e.path.where.file).name);
  const fs::path path = file.parent_path() / std::string(e.path.text);
  SourceSet list_sources;
  Diagnostics diags;
  const auto approved = read_approved_list(path, list_sources, diags);
  if (!approved) {
    std::string text =
        error(e.path.where, "cannot use the approved list \"" + std::string(e.path.text) + "\":");
    diags.sort();
    text += render(list_sources, diags, colour_);
    return TestError{text};
  }
  const ast::Program& p = run.program();
  const Organisation& org = run.resolved().organisation;
  const Evaluation& result = run.evaluator().result();
  for (std::uint32_t u = 0; u < org.units.size(); ++u) coverage_.post_seen(run, u);

  Verdict v;
  v.expected = "the listed posts and categories of \"" + std::string(e.path.text) + "\" (" +
               std::to_string(approved->size()) + " posts)";
  auto add = [&](Finding f) {
    if (v.found.size() == differences_shown) {
      ++v.findings_left;
    } else {
      v.found.push_back(std::move(f));
    }
  };
  std::unordered_map<std::string_view, std::uint32_t> in_list;
  for (const ApprovedPost& a : *approved) {
    const std::string where = list_sources.where(a.where);
    in_list.emplace(a.id, a.category);
    const auto unit = org.find_unit(a.id);
    if (!unit || org.units[*unit].is_body() || org.units[*unit].removed()) {
      add(Finding{where,
                  "the list has " + std::string(a.id) + " in category " +
                      std::to_string(a.category) + ", but the policy has no post '" +
                      std::string(a.id) + "'" + did_you_mean(a.id, org.unit_ids()),
                  ""});
      continue;
    }
    const std::uint32_t listed = result.listed[*unit];
    if (listed != not_listed && p.categories[listed].number == a.category) continue;
    add(Finding{where,
                "the list has " + std::string(a.id) + " in category " + std::to_string(a.category) +
                    ", but " + post_words(org.units[*unit]) + " " + listing_words(run, listed),
                explanation(run, explain_listing(run, *unit))});
  }
  for (const ListedPost& lp : run.restricted_posts()) {
    const Unit& u = org.units[lp.unit];
    if (in_list.count(u.id())) continue;
    add(Finding{
        base_.sources().where(u.where()),
        post_words(u) + " " + listing_words(run, lp.category) + ", but the list does not have it",
        explanation(run, explain_listing(run, lp.unit))});
  }
  v.passed = v.found.empty() && v.findings_left == 0;
  return v;
}

}  // namespace remit::policy_test
