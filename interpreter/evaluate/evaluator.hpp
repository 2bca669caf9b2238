// Set-at-a-time evaluation. Every set expression evaluates to a PostSet in one pass over the
// units or the lines (or one breadth-first walk for `reports to`), never by walking the graph
// once per post. The set of every expression node is kept, so an explanation can later read
// which clause held for a post from what evaluation recorded.
#pragma once

#include <functional>
#include <limits>

#include "ast/ast.hpp"
#include "evaluate/post_set.hpp"
#include "graph/org_graph.hpp"
#include "resolve/organisation.hpp"

namespace remit {

inline constexpr std::uint32_t not_listed = std::numeric_limits<std::uint32_t>::max();

struct Evaluation {
  std::vector<PostSet> sets;        // by ExprId; empty (size 0) where never evaluated
  std::vector<PostSet> categories;  // by Program::categories index: posts meeting its criterion
  std::vector<std::uint32_t> listed;  // per unit: the category (Program index) it is listed in
  PostSet posts;                    // every post (not the bodies)
  PostSet held;                     // every post someone holds
};

class Evaluator {
 public:
  // The graph is asked for only when an expression walks down lines of management (`reports
  // to`, `reports within`), so a policy without them never pays for building it.
  using GraphSource = std::function<const OrgGraph&()>;
  Evaluator(const ast::Program& program, const Resolved& resolved, GraphSource graph);

  // Evaluates every let and category in dependency order and lists each post once, in the
  // first category of the precedence it meets.
  void run();
  // The set of any expression (a rule's, say), evaluated on demand and kept.
  const PostSet& set_of(ast::ExprId id);

  [[nodiscard]] const Evaluation& result() const { return eval_; }
  Evaluation take() { return std::move(eval_); }

 private:
  void compute(ast::ExprId id);
  PostSet reports_directly(const PostSet& target) const;
  PostSet reports_below(const PostSet& target, std::uint32_t max_levels) const;
  PostSet manages(const PostSet& target) const;

  const ast::Program& program_;
  const Resolved& resolved_;
  const Organisation& org_;
  GraphSource graph_;
  Evaluation eval_;
};

}  // namespace remit
