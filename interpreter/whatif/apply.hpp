// Applying a scenario's edits (move, remove post, add post, designate, undesignate, assign) to
// a copy of the resolved organisation. Each wrong edit is reported at its location.
#pragma once

#include "ast/ast.hpp"
#include "resolve/organisation.hpp"
#include "source/diagnostic.hpp"

namespace remit {

bool apply_edits(const ast::Program& program, const ast::ScenarioDecl& scenario, Resolved& org,
                 Diagnostics& diags);

}  // namespace remit
