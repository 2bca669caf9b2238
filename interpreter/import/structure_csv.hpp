// The structure export: one row per post, read into ast::PostDecl beside the posts of .remit
// files, so resolution and every later pass see no difference between the two front ends.
//
//   id,title[,service][,directorate][,reports_to][,designations][,flags][,accountable_to]
//
// Columns may come in any order, under the headers of import/columns.hpp (`Post ID`, `Job
// Title`, `Reports To`...); only id and title are needed. `reports_to` and `accountable_to` hold
// `;`-separated post ids, each with an optional `:share` percentage (`ed_a:60;ed_b:40%`);
// `designations` and `flags` (duties) hold `;`-separated identifiers. Post ids are not resolved
// here.
#pragma once

#include <span>

#include "ast/ast.hpp"
#include "import/columns.hpp"
#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit {

// Appends a PostDecl for each good row of `file` to `program.posts`. Each bad row is reported
// (file:line:col) and skipped; reading goes on to report every bad row, up to 100 errors.
// `choices` name the columns of fields whose headers are not among the known ones.
void import_structure(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags,
                      std::span<const ColumnChoice> choices = {});

// The fields a structure file holds, with their headers.
[[nodiscard]] std::span<const csv::ColumnSpec> structure_columns();

}  // namespace remit
