// Nothing left out silently: a council's policy that defines some of the Act's categories but
// not the others, or that leaves out statutory rules of its jurisdiction, gets a warning naming
// what is missing and its section. What the Act's categories and rules are is read from the
// stdlib compiled into the executable, so the warnings follow the stdlib as it changes.
#pragma once

#include <string_view>

#include "ast/ast.hpp"
#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit {

// england, wales or scotland: which nation's stdlib modules (`<nation>/lgha1989`,
// `<nation>/statutory_officers`) the policy is compared with. `uk/…` stands for England while
// a nation's own modules are not in the stdlib.
inline constexpr std::string_view default_jurisdiction = "england";

// Only a policy of the council's own is compared: one whose files (not the stdlib's) define
// categories, or declare or set aside rules. A policy that takes the Act's categories as they
// are (`use "uk/lgha1989"`, or nothing) is the stdlib's, and checks what it chose to use.
void warn_incomplete_policy(const ast::Program& program, const SourceSet& sources,
                            std::string_view jurisdiction, Diagnostics& diags);

}  // namespace remit
