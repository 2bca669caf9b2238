#include "resolve/citations.hpp"

#include <algorithm>

namespace remit {
namespace {

// The designations the criterion names in its `designated` clauses, joined by `and`/`or`, in
// the order written.
std::vector<SymbolId> named_designations(const ast::Program& program, ast::ExprId root) {
  std::vector<SymbolId> out;
  std::vector<ast::ExprId> work{root};
  while (!work.empty()) {
    const ast::ExprId id = work.back();
    work.pop_back();
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, ast::expr::Designated>) {
            for (SymbolId s : node.resolved) {
              if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
            }
          } else if constexpr (std::is_same_v<T, ast::expr::And> ||
                               std::is_same_v<T, ast::expr::Or>) {
            work.push_back(node.rhs);  // the left operand first
            work.push_back(node.lhs);
          }
        },
        program.exprs[id].kind);
  }
  return out;
}

}  // namespace

std::vector<ast::Text> category_citations(const ast::Program& program, const Organisation& org,
                                          std::uint32_t category, std::optional<UnitIndex> post) {
  const ast::CategoryDecl& c = program.categories[category];
  std::vector<ast::Text> out = c.cites;
  if (!c.cites_designation) return out;
  for (SymbolId s : named_designations(program, c.when)) {
    if (post) {
      const std::vector<UnitIndex>& carriers = org.designated[s];
      if (std::find(carriers.begin(), carriers.end(), *post) == carriers.end()) continue;
    }
    for (const ast::Text& cite : program.vocabulary[org.designations.decls[s]].cites) {
      const bool said = std::any_of(out.begin(), out.end(),
                                    [&](const ast::Text& t) { return t.text == cite.text; });
      if (!said) out.push_back(cite);
    }
  }
  return out;
}

}  // namespace remit
