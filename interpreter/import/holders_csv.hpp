// The holders export: one row per (person, post) holding, read into an ast::HoldersExport: its
// rows, each person's together, beside the people of .remit files.
//
//   person,post_id[,qualifications][,kind]
//
// Columns may come in any order, under the headers of import/columns.hpp (`Employee Number`,
// `Position Number`...). `qualifications` holds `;`-separated identifiers, each with an
// optional `qualified_` prefix (`qualified_accountant` is the qualification `accountant`);
// `kind` is substantive, interim or acting (empty: substantive). Post ids are not resolved here:
// resolution does that, pointing at the row through the Holding's span.
#pragma once

#include <span>

#include "ast/ast.hpp"
#include "import/columns.hpp"
#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit {

// Appends the rows of `file` to `program.holder_exports` as one export, a repeated row once.
// Each bad row is reported (file:line:col) and skipped; reading goes on to report every bad row,
// up to 100 errors. `choices` name the columns of fields whose headers are not among the known
// ones.
void import_holders(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags,
                    std::span<const ColumnChoice> choices = {});

// The fields a holders file holds, with their headers.
[[nodiscard]] std::span<const csv::ColumnSpec> holders_columns();

}  // namespace remit
