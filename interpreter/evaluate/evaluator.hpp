// Set-at-a-time evaluation. Every set expression evaluates to a PostSet in one pass over the
// units or the lines (or one breadth-first walk for `reports to`), never by walking the graph
// once per post. Only the sets of the lets and the categories are kept from a run: a
// sub-expression's set (one bit a unit: 12.5 KB at 100,000 posts) is dropped as soon as the
// expression above it has used it, so a policy of 10,000 categories does not keep 90,000 of them
// (1.3 GB). An explanation or a rule asks for the sets it reads (set_of), which are evaluated again
// then and kept.
#pragma once

#include <functional>
#include <limits>
#include <optional>

#include "ast/ast.hpp"
#include "evaluate/category_by_unit.hpp"
#include "evaluate/changes.hpp"
#include "evaluate/direct_lines.hpp"
#include "evaluate/post_set.hpp"
#include "graph/org_graph.hpp"
#include "resolve/organisation.hpp"

namespace remit {

// What differs from the base's evaluation (a what-if variant's evaluator only): for every set
// evaluated, the units whose membership changed, in increasing order.
struct Differences {
  std::vector<std::vector<UnitIndex>> sets;        // by ExprId
  std::vector<std::vector<UnitIndex>> categories;  // by Program::categories index
  std::vector<UnitIndex> posts, held;
  std::vector<UnitIndex> listed;  // posts now listed in another category, or no longer, or newly
};

// `in directorate "…"`, `in service "…"`, `title contains "…"` for one unit (bodies match
// none).
bool matches(const ast::expr::TextMatch& node, const Unit& unit);

struct Evaluation {
  std::vector<PostSet> sets;        // by ExprId; empty (size 0) where not evaluated or not kept
  std::vector<PostSet> categories;  // by Program::categories index: posts meeting its criterion
  CategoryByUnit listed;            // per unit: the category (Program index) it is listed in
  PostSet posts;                    // every post (not the bodies)
  PostSet held;                     // every post someone holds
};

class Evaluator {
 public:
  // The graph is asked for only when an expression walks down lines of management (`reports
  // to`, `reports within`), so a policy without them never pays for building it.
  using GraphSource = std::function<const OrgGraph&()>;
  Evaluator(const ast::Program& program, const Resolved& resolved, GraphSource graph);
  // A what-if variant's evaluator: it starts from `base`'s results (over the organisation the
  // scenario edited) and recomputes only what `changes` can reach. `base` must outlive it; it
  // may evaluate more of its own sets on the way (each once, as it would anyway).
  Evaluator(const ast::Program& program, const Resolved& variant, GraphSource graph,
            Evaluator& base, Changes changes);

  // Evaluates every let and category in dependency order and lists each post once, in the
  // first category of the precedence it meets.
  void run();
  // The set of any expression (a rule's, say), evaluated on demand and kept, with the sets of
  // the expressions under it.
  const PostSet& set_of(ast::ExprId id);
  // How many expressions' sets are kept (the lets', and those set_of was asked for).
  [[nodiscard]] std::size_t kept_sets() const;
  // A run keeps every sub-expression's set while they take at most this many bytes in all:
  // a what-if then starts from them (a move at 1M posts: 0.7 ms, against 12-27 ms recomputing
  // the base's sets), while a policy of 10,000 categories keeps only its lets' and categories'.
  // Tests set it to 0 to exercise what is kept then.
  static inline std::size_t keep_every_set_up_to = std::size_t{64} << 20;

  [[nodiscard]] const Evaluation& result() const { return eval_; }
  // A variant's differences from its base; nullptr for a base.
  [[nodiscard]] const Differences* differences() const { return base_ ? &diff_ : nullptr; }
  Evaluation take() { return std::move(eval_); }

 private:
  // Which sets one evaluation keeps: every one it evaluates, only the one asked for, or none
  // (the caller takes or drops it). Those not kept are transient_ until the expression above
  // them has been evaluated.
  enum class Keep { everything, root, nothing };
  const PostSet& evaluate(ast::ExprId root, Keep keep);
  void release_transient(ast::ExprId id);
  // The set of `id` for the caller to keep: moved out when transient, else copied.
  PostSet take(ast::ExprId id);
  void compute(ast::ExprId id);
  PostSet reports_directly(const PostSet& target);
  PostSet reports_below(const PostSet& target, std::uint32_t max_levels) const;
  PostSet manages(const PostSet& target) const;

  // A variant's side (reevaluate.cpp): each recomputes only the units a change can reach.
  void update(ast::ExprId id);
  void update_facts();
  void update_category(std::uint32_t c);
  void update_listing();
  [[nodiscard]] std::vector<UnitIndex> reached_by_lines(const ast::expr::ReportsDirectly&) const;
  [[nodiscard]] std::vector<UnitIndex> reached_by_lines(const ast::expr::Manages&) const;
  void update_reports_below(ast::ExprId id, ast::ExprId target, std::uint32_t max_levels);
  [[nodiscard]] bool member(ast::ExprId id, UnitIndex u) const;
  void list_all();
  // The listing of post `u`, listed in `now` by precedence, once its exemption or direction
  // (if any) has been applied.
  [[nodiscard]] std::uint32_t with_exemption(UnitIndex u, std::uint32_t now) const;

  const ast::Program& program_;
  const Resolved& resolved_;
  const Organisation& org_;
  GraphSource graph_;
  Evaluation eval_;
  std::vector<char> transient_;  // by ExprId: a set evaluated for the expression above it only
  std::optional<DirectLines> direct_lines_;  // built by the first `reports directly to`
  Evaluator* base_ = nullptr;
  Changes changes_;
  Differences diff_;
};

}  // namespace remit
