// Edits given as values (remit::Edit: the command line's --move, --remove, …) made into a
// scenario, so that they are applied and checked like a scenario written in a policy.
#pragma once

#include <span>
#include <string>

#include "ast/ast.hpp"
#include "remit/remit.hpp"
#include "source/source.hpp"

namespace remit {

// The ids are kept in `sources` as given (they are never parsed); `sources` gains one file,
// named `name`, that shows each edit as the option that writes it (`--move a=b`), one a line,
// and every Name's span points at its id there.
ast::ScenarioDecl scenario_of(std::span<const Edit> edits, std::string name, SourceSet& sources);

}  // namespace remit
