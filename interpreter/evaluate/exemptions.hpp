// Exemptions and directions (LGHA 1989 s.3, s.3A) once the categories are evaluated: which took
// effect, how each is worded, and the errors in them. The evaluator applies them as it lists
// the posts (Evaluator::with_exemption); this reads what it decided.
#pragma once

#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "evaluate/evaluator.hpp"
#include "resolve/organisation.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// An exemption or direction in force: the post and its statement (Program::exemptions).
struct DecisionInForce {
  UnitIndex post = 0;
  std::uint32_t decl = 0;
};

// The posts an exemption took off the list, by id.
std::vector<DecisionInForce> exempted_posts(const ast::Program& program, const Resolved& resolved,
                                            const Evaluation& evaluation);
// The statement that put `post` on the list, when a direction did (the post meets no category
// of its own).
std::optional<std::uint32_t> directed(const ast::Program& program, const Resolved& resolved,
                                      const Evaluation& evaluation, UnitIndex post);
// The statement that took `post` off the list, when an exemption did.
std::optional<std::uint32_t> exempted(const ast::Program& program, const Resolved& resolved,
                                      const Evaluation& evaluation, UnitIndex post);

// "exempted on 2025-03-01 by the Head of Paid Service under LGHA 1989 s.3A", or "directed
// onto the list on …": the decision as reports and explanations say it.
std::string decision_text(const ast::ExemptionDecl& d);

// `Rule set aside by this policy: "a with b" because "…"`, and for `replace rule`, what
// replaces it: the words every report prints for each rule a policy sets aside.
std::string set_aside_text(const ast::Program& program, const ast::AdaptationDecl& a);
std::string set_aside_text(const ast::AdaptationDecl& a);  // without what replaces it
// One line each, in the order the policy says them.
std::vector<std::string> set_aside_texts(const ast::Program& program);

// Errors: an exemption of a post that meets a category other than 8 (the Act allows only
// category 8 posts to be exempted). Warnings: an exemption of a post on no list, a direction
// for a post already on it. Reported against the base run only: a scenario does not change a
// council's decisions.
void check_exemptions(const ast::Program& program, const Resolved& resolved,
                      const Evaluation& evaluation, Diagnostics& diags);

}  // namespace remit
