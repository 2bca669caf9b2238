#include "evaluate/evaluator.hpp"

#include <algorithm>

namespace remit {

bool matches(const ast::expr::TextMatch& node, const Unit& unit) {
  if (unit.is_body()) return false;
  namespace e = ast::expr;
  const std::string_view field = node.field == e::Field::title     ? unit.title()
                                 : node.field == e::Field::service ? unit.service()
                                                                   : unit.directorate();
  return node.contains ? field.find(node.text.text) != std::string_view::npos
                       : field == node.text.text;
}

Evaluator::Evaluator(const ast::Program& program, const Resolved& resolved, GraphSource graph)
    : program_(program),
      resolved_(resolved),
      org_(resolved.organisation),
      graph_(std::move(graph)) {
  const std::size_t n = org_.size();
  eval_.sets.resize(program.exprs.size());
  transient_.resize(program.exprs.size(), 0);
  eval_.categories.resize(program.categories.size());
  eval_.listed = CategoryByUnit(n, program.categories.size());
  eval_.posts = PostSet(n);
  for (UnitIndex u = 0; u < n; ++u) {
    if (!org_.units[u].is_body() && !org_.units[u].removed()) eval_.posts.set(u);
  }
  eval_.held = PostSet(n);
  for (const Holding& h : org_.holdings) eval_.held.set(h.post);
}

void Evaluator::run() {
  using Kind = CategoryPlan::Step::Kind;
  if (base_) update_facts();
  const std::size_t bytes_a_set = (org_.size() + 63) / 64 * sizeof(std::uint64_t);
  const bool keep_all = program_.exprs.size() * bytes_a_set <= keep_every_set_up_to;
  for (const CategoryPlan::Step& step : resolved_.plan.order) {
    if (step.kind == Kind::let) {
      evaluate(program_.lets[step.index].value, keep_all ? Keep::everything : Keep::root);
    } else if (base_) {
      update_category(step.index);
    } else {
      const ast::ExprId when = program_.categories[step.index].when;
      evaluate(when, keep_all ? Keep::everything : Keep::nothing);
      PostSet meets = take(when);
      meets &= eval_.posts;
      eval_.categories[step.index] = std::move(meets);
    }
  }
  if (base_) {
    update_listing();
  } else {
    list_all();
  }
}

// Each post once, in the first category of the precedence it meets.
void Evaluator::list_all() {
  PostSet remaining = eval_.posts;
  for (std::uint32_t c : resolved_.plan.precedence) {
    PostSet take = eval_.categories[c];
    if (take.size() == 0) continue;
    take &= remaining;
    take.for_each([&](std::size_t u) { eval_.listed.set(u, c); });
    remaining.subtract(take);
  }
  for (const auto& [u, e] : resolved_.exemptions.by_post) {
    eval_.listed.set(u, with_exemption(u, eval_.listed[u]));
  }
}

// An exemption takes a post off the list only when category 8 is all it meets (s.3(3), s.3A(2):
// only a post on the authority's own list can be exempted); otherwise it stays where it is
// listed, and the base run reports the exemption as an error (evaluate/exemptions.hpp). A
// direction lists a post that meets no category under category 8.
std::uint32_t Evaluator::with_exemption(UnitIndex u, std::uint32_t now) const {
  const ExemptionPlan& plan = resolved_.exemptions;
  const std::optional<std::uint32_t> e = plan.of(u);
  if (!e || !eval_.posts.test(u) || plan.category_8 == ast::unresolved) return now;
  if (program_.exemptions[*e].direction) return now == not_listed ? plan.category_8 : now;
  if (now != plan.category_8) return now;
  for (std::uint32_t c : resolved_.plan.active) {
    const PostSet& meets = eval_.categories[c];
    if (c != plan.category_8 && meets.size() != 0 && meets.test(u)) return now;
  }
  return not_listed;
}

namespace {

// Calls f(operand) for each expression whose set `id`'s set is made from.
template <typename F>
void for_each_operand(const ast::Program& program, ast::ExprId id, F&& f) {
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::expr::And> || std::is_same_v<T, ast::expr::Or>) {
          f(node.lhs);
          f(node.rhs);
        } else if constexpr (std::is_same_v<T, ast::expr::Not>) {
          f(node.operand);
        } else if constexpr (std::is_same_v<T, ast::expr::Named>) {
          if (node.target == ast::expr::Named::Target::let) f(program.lets[node.index].value);
        } else if constexpr (requires { node.target + 0u; }) {
          f(node.target);
        }
      },
      program.exprs[id].kind);
}

}  // namespace

const PostSet& Evaluator::set_of(ast::ExprId root) {
  const PostSet& out = evaluate(root, Keep::everything);
  transient_[root] = 0;
  return out;
}

std::size_t Evaluator::kept_sets() const {
  return static_cast<std::size_t>(std::count_if(eval_.sets.begin(), eval_.sets.end(),
                                                [](const PostSet& s) { return s.size() != 0; }));
}

void Evaluator::release_transient(ast::ExprId id) {
  if (!transient_[id]) return;
  eval_.sets[id] = PostSet();
  transient_[id] = 0;
}

PostSet Evaluator::take(ast::ExprId id) {
  if (!transient_[id]) return eval_.sets[id];
  transient_[id] = 0;
  PostSet out = std::move(eval_.sets[id]);
  eval_.sets[id] = PostSet();  // a moved-from set keeps its size, and would read as evaluated
  return out;
}

// Post-order over the expression tree with an explicit stack: an `a and b and c …` chain of any
// length is a deep tree, and must not become deep C++ recursion. Unless every set is kept, an
// operand's set is dropped once the expression above it is evaluated, so at most a few sets per
// level of the tree are held at once.
const PostSet& Evaluator::evaluate(ast::ExprId root, Keep keep) {
  if (eval_.sets[root].size() != 0 || org_.size() == 0) return eval_.sets[root];
  std::vector<std::pair<ast::ExprId, bool>> stack{{root, false}};
  auto pending = [&](ast::ExprId id) { return eval_.sets[id].size() == 0; };
  while (!stack.empty()) {
    auto& [id, expanded] = stack.back();
    if (!pending(id)) {
      stack.pop_back();
      continue;
    }
    if (!expanded) {
      expanded = true;
      for_each_operand(program_, id, [&](ast::ExprId operand) {
        if (pending(operand)) stack.push_back({operand, false});
      });
      continue;
    }
    const ast::ExprId self = id;
    stack.pop_back();
    if (base_) {
      update(self);
    } else {
      compute(self);
    }
    transient_[self] = keep == Keep::nothing || (keep == Keep::root && self != root);
    for_each_operand(program_, self, [&](ast::ExprId operand) {
      release_transient(operand);
      // A variant asks its base for the base's set of each expression it updates; the base
      // keeps it only until the expression above has been updated too.
      if (base_) base_->release_transient(operand);
    });
  }
  if (base_) base_->release_transient(root);
  return eval_.sets[root];
}

void Evaluator::compute(ast::ExprId id) {
  const std::size_t n = org_.size();
  PostSet out(n);
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        namespace e = ast::expr;
        if constexpr (std::is_same_v<T, e::Designated>) {
          for (SymbolId s : node.resolved) {
            for (UnitIndex u : org_.designated[s]) out.set(u);
          }
        } else if constexpr (std::is_same_v<T, e::Duty>) {
          for (SymbolId s : node.resolved) {
            for (UnitIndex u : org_.with_duty[s]) out.set(u);
          }
        } else if constexpr (std::is_same_v<T, e::Category>) {
          for (std::uint32_t c : node.resolved) out |= eval_.categories[c];
        } else if constexpr (std::is_same_v<T, e::Named>) {
          if (node.target == e::Named::Target::let) {
            out = eval_.sets[program_.lets[node.index].value];
          } else if (node.target == e::Named::Target::unit) {
            out.set(node.index);
          }
        } else if constexpr (std::is_same_v<T, e::AnyBody>) {
          for (UnitIndex u = 0; u < n; ++u) {
            if (org_.units[u].is_authority_or_committee()) out.set(u);
          }
        } else if constexpr (std::is_same_v<T, e::BodyKinds>) {
          for (UnitIndex u = 0; u < n; ++u) {
            if (org_.units[u].is_body_of_kind(node.resolved)) out.set(u);
          }
        } else if constexpr (std::is_same_v<T, e::ResponsibleTo>) {
          const PostSet& target = eval_.sets[node.target];
          org_.lines.for_each([&](LineId, const Line& l) {
            if (l.carries_a_share() && target.test(l.to)) out.set(l.from);
          });
        } else if constexpr (std::is_same_v<T, e::AllPosts>) {
          out = eval_.posts;
        } else if constexpr (std::is_same_v<T, e::ReportsDirectly>) {
          out = reports_directly(eval_.sets[node.target]);
        } else if constexpr (std::is_same_v<T, e::ReportsTo>) {
          out = reports_below(eval_.sets[node.target], std::numeric_limits<std::uint32_t>::max());
        } else if constexpr (std::is_same_v<T, e::ReportsWithin>) {
          out = reports_below(eval_.sets[node.target], node.levels);
        } else if constexpr (std::is_same_v<T, e::Manages>) {
          out = manages(eval_.sets[node.target]);
        } else if constexpr (std::is_same_v<T, e::TextMatch>) {
          for (UnitIndex u = 0; u < n; ++u) {
            if (matches(node, org_.units[u])) out.set(u);
          }
        } else if constexpr (std::is_same_v<T, e::Vacant>) {
          for (UnitIndex u = 0; u < n; ++u) {
            if (org_.units[u].vacant()) out.set(u);
          }
        } else if constexpr (std::is_same_v<T, e::HasHolder>) {
          out = eval_.held;
        } else if constexpr (std::is_same_v<T, e::And>) {
          out = eval_.sets[node.lhs];
          out &= eval_.sets[node.rhs];
        } else if constexpr (std::is_same_v<T, e::Or>) {
          out = eval_.sets[node.lhs];
          out |= eval_.sets[node.rhs];
        } else if constexpr (std::is_same_v<T, e::Not>) {
          out = eval_.posts;
          out.subtract(eval_.sets[node.operand]);
        }
      },
      program_.exprs[id].kind);
  eval_.sets[id] = std::move(out);
}

PostSet Evaluator::reports_directly(const PostSet& target) {
  if (!direct_lines_) direct_lines_.emplace(org_.lines, org_.size());
  return direct_lines_->reporting_directly_to(target);
}

// Breadth-first down the lines that carry duties, from every member of the set at once.
PostSet Evaluator::reports_below(const PostSet& target, std::uint32_t max_levels) const {
  const std::size_t n = org_.size();
  PostSet reached(n);
  const CsrGraph& graph = graph_().graph;
  std::vector<UnitIndex> frontier, next;
  target.for_each([&](std::size_t u) { frontier.push_back(static_cast<UnitIndex>(u)); });
  for (std::uint32_t level = 0; level < max_levels && !frontier.empty(); ++level) {
    next.clear();
    for (UnitIndex v : frontier) {
      for (auto [e, end] = boost::in_edges(v, graph); e != end; ++e) {
        const Line& l = org_.lines[graph[*e].line];
        if (!l.carries_a_share()) continue;
        if (!reached.test(l.from)) {
          reached.set(l.from);
          next.push_back(l.from);
        }
      }
    }
    frontier.swap(next);
  }
  return reached;
}

PostSet Evaluator::manages(const PostSet& target) const {
  PostSet out(org_.size());
  org_.lines.for_each([&](LineId, const Line& l) {
    if (l.carries_a_share() && target.test(l.from)) out.set(l.to);
  });
  return out;
}

}  // namespace remit
