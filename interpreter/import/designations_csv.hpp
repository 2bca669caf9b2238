// The designations sheet: which posts carry which statutory designations and duties, kept apart
// from the HR export (by the Monitoring Officer, most often), since no HR system records them.
//
//   id,designations,flags[,title][,comment]
//
// `designations` and `flags` (duties) hold `;`-separated names, as in the structure CSV; either
// column may be absent, not both. `title` and `comment` are for the people who keep the sheet
// (`remit suggest` writes them) and are not read. Each name becomes an ast::DesignateDecl, as
// `designate p as r` and `give p duty d` in a policy; post ids are resolved later, against
// posts imported or declared anywhere.
#pragma once

#include <span>

#include "ast/ast.hpp"
#include "import/column_choice.hpp"
#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit {

// Appends a DesignateDecl for each name in each good row of `file` to `program.designates`.
// Each bad row is reported (file:line:col) and skipped, up to 100 errors.
void import_designations(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags,
                         std::span<const ColumnChoice> choices = {});

}  // namespace remit
