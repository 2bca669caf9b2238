#include "evaluate/exemptions.hpp"

#include <algorithm>

namespace remit {
namespace {

bool meets(const Evaluation& evaluation, std::uint32_t category, UnitIndex u) {
  const PostSet& s = evaluation.categories[category];
  return s.size() != 0 && s.test(u);
}

// The category other than 8 the post is in: where it is listed, else the first by number.
std::optional<std::uint32_t> other_category(const ast::Program& program, const Resolved& resolved,
                                            const Evaluation& evaluation, UnitIndex u) {
  const std::uint32_t eight = resolved.exemptions.category_8;
  const std::uint32_t listed = evaluation.listed[u];
  if (listed != not_listed && listed != eight) return listed;
  std::optional<std::uint32_t> first;
  for (std::uint32_t c : resolved.plan.active) {
    if (c == eight || !meets(evaluation, c, u)) continue;
    if (!first || program.categories[c].number < program.categories[*first].number) first = c;
  }
  return first;
}

std::string cited(const ast::ExemptionDecl& d) {
  std::string s;
  for (const ast::Text& c : d.cites) s += (s.empty() ? "" : ", ") + std::string(c.text);
  return s;
}

}  // namespace

std::string decision_text(const ast::ExemptionDecl& d) {
  std::string by(d.by.text);
  // An office decides (the head of paid service, the person the Ministers appoint): "by the
  // Head of Paid Service", unless the policy already wrote "the".
  const bool has_article = by.starts_with("the ") || by.starts_with("The ");
  std::string s = std::string(d.direction ? "directed onto the list on " : "exempted on ") +
                  std::string(d.date.text) + " by " + (has_article ? "" : "the ") + by;
  if (!d.cites.empty()) s += " under " + cited(d);
  return s;
}

std::optional<std::uint32_t> exempted(const ast::Program& program, const Resolved& resolved,
                                      const Evaluation& evaluation, UnitIndex post) {
  const std::optional<std::uint32_t> e = resolved.exemptions.of(post);
  const std::uint32_t eight = resolved.exemptions.category_8;
  if (!e || program.exemptions[*e].direction || eight == ast::unresolved) return std::nullopt;
  if (!evaluation.posts.test(post) || evaluation.listed[post] != not_listed) return std::nullopt;
  if (!meets(evaluation, eight, post)) return std::nullopt;
  return e;
}

std::optional<std::uint32_t> directed(const ast::Program& program, const Resolved& resolved,
                                      const Evaluation& evaluation, UnitIndex post) {
  const std::optional<std::uint32_t> e = resolved.exemptions.of(post);
  const std::uint32_t eight = resolved.exemptions.category_8;
  if (!e || !program.exemptions[*e].direction || eight == ast::unresolved) return std::nullopt;
  if (evaluation.listed[post] != eight || meets(evaluation, eight, post)) return std::nullopt;
  return e;
}

std::vector<DecisionInForce> exempted_posts(const ast::Program& program, const Resolved& resolved,
                                            const Evaluation& evaluation) {
  std::vector<DecisionInForce> out;
  for (const auto& [u, e] : resolved.exemptions.by_post) {
    if (exempted(program, resolved, evaluation, u)) out.push_back({u, e});
  }
  const auto& units = resolved.organisation.units;
  std::sort(out.begin(), out.end(), [&](const DecisionInForce& a, const DecisionInForce& b) {
    return units[a.post].id() < units[b.post].id();
  });
  return out;
}

std::string set_aside_text(const ast::AdaptationDecl& a) {
  return "Rule set aside by this policy: \"" + std::string(a.rule.text) + "\" because \"" +
         std::string(a.reason.text) + "\"";
}

std::string set_aside_text(const ast::Program& program, const ast::AdaptationDecl& a) {
  std::string s = set_aside_text(a);
  if (!a.replacement) return s;
  if (a.replacement->kind == ast::RuleKind::incompatibility) {
    return s + "; replaced by incompatible " +
           ast::rule_name(program.incompatibilities[a.replacement->index]);
  }
  const ast::RuleDecl& r = program.rules[a.replacement->index];
  return s + "; replaced by " + (r.forbid ? "forbid" : "require") + " \"" +
         std::string(r.name.text) + "\"";
}

std::vector<std::string> set_aside_texts(const ast::Program& program) {
  std::vector<std::string> out;
  for (const ast::AdaptationDecl& a : program.adaptations)
    out.push_back(set_aside_text(program, a));
  return out;
}

void check_exemptions(const ast::Program& program, const Resolved& resolved,
                      const Evaluation& evaluation, Diagnostics& diags) {
  for (const auto& [u, e] : resolved.exemptions.by_post) {
    const ast::ExemptionDecl& d = program.exemptions[e];
    if (!evaluation.posts.test(u)) continue;
    const std::string post = std::string(d.post.text);
    const std::uint32_t eight = resolved.exemptions.category_8;
    const std::optional<std::uint32_t> other = other_category(program, resolved, evaluation, u);
    if (d.direction) {
      const bool listed = evaluation.listed[u] != not_listed;
      if (listed && (evaluation.listed[u] != eight || meets(evaluation, eight, u))) {
        const ast::CategoryDecl& c = program.categories[evaluation.listed[u]];
        diags.warning(d.where, post + " is already on the list, in category " +
                                   std::to_string(c.number) + " (" + std::string(c.label.text) +
                                   "): the direction adds nothing (a direction is for a post "
                                   "not on the list, LGHA 1989 s.3(5), s.3A(4))");
      }
      continue;
    }
    if (other) {
      const ast::CategoryDecl& c = program.categories[*other];
      diags.error(d.post.where, post + " is in category " + std::to_string(c.number) + " (" +
                                    std::string(c.label.text) +
                                    "): only category 8 posts can be exempted (LGHA 1989 s.3A)");
      continue;
    }
    if (eight == ast::unresolved || !meets(evaluation, eight, u)) {
      diags.warning(d.post.where, post +
                                      " meets no category, so it is not on the list: the "
                                      "exemption has nothing to exempt");
    }
  }
}

}  // namespace remit
