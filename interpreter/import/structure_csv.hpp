// The structure export: one row per post, read into ast::PostDecl beside the posts of .remit
// files, so resolution and every later pass see no difference between the two front ends.
//
//   id,title,service,directorate,reports_to,designations,flags[,accountable_to]
//
// Columns may come in any order. `reports_to` and `accountable_to` hold `;`-separated post ids,
// each with an optional `:share` percentage (`ed_a:60;ed_b:40`); `designations` and `flags`
// (duties) hold `;`-separated identifiers. Post ids are not resolved here.
#pragma once

#include "ast/ast.hpp"
#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit {

// Appends a PostDecl for each good row of `file` to `program.posts`. Each bad row is reported
// (file:line:col) and skipped; reading goes on to report every bad row, up to 100 errors.
void import_structure(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags);

}  // namespace remit
