// What a category cites: its own citations, and, where it says `cite designation`, the
// citations of the designations its criterion names, from their `designation … cite`
// declarations. For one post, only the designations that post carries: a category-2 post cites
// the Act's definition and the statute of its own designation, not every statute of the category.
#pragma once

#include <optional>
#include <vector>

#include "ast/ast.hpp"
#include "resolve/organisation.hpp"

namespace remit {

// Each citation once, its own first. `post`: none for the category as a whole (every
// designation its criterion names).
std::vector<ast::Text> category_citations(const ast::Program& program, const Organisation& org,
                                          std::uint32_t category,
                                          std::optional<UnitIndex> post = std::nullopt);

}  // namespace remit
