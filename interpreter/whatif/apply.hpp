// Applying a scenario's edits (move, remove post, add post, designate, undesignate, assign) to
// a copy of the resolved organisation. Each wrong edit is reported at its location.
#pragma once

#include <optional>

#include "ast/ast.hpp"
#include "evaluate/changes.hpp"
#include "resolve/organisation.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// What the edits changed, for re-evaluation; nothing when an edit is wrong.
// `limits` bounds what an error names (Limits::reports_shown_on_remove).
std::optional<Changes> apply_edits(const ast::Program& program, const ast::ScenarioDecl& scenario,
                                   Resolved& resolved, Diagnostics& diags, const Limits& limits);

}  // namespace remit
