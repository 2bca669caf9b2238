// The names in scenarios, checked when the policy is read (with the rest of the policy) rather
// than only when `remit whatif` applies one: every post, body, designation, duty and person a
// scenario names must exist at that point of the scenario. Edits are sequential, so a post
// added earlier in the scenario may be named after it, and a post removed earlier may not.
// Applying a scenario (whatif/apply.cpp) checks again, with the same messages, and also what
// only the edited structure shows (shares over 100%, a removed post's reports, cycles).
#pragma once

#include "ast/ast.hpp"
#include "resolve/organisation.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// Reports each unknown name in `program`'s scenarios at its location.
void check_scenario_names(const ast::Program& program, const Organisation& org, Diagnostics& diags);

}  // namespace remit
