// The holders export: one row per (person, post) holding, merged into one ast::PersonDecl per
// person beside the people of .remit files.
//
//   person,post_id[,qualifications][,kind]
//
// Columns may come in any order. `qualifications` holds `;`-separated identifiers, each with an
// optional `qualified_` prefix (`qualified_accountant` is the qualification `accountant`);
// `kind` is substantive, interim or acting (empty: substantive). Post ids are not resolved here:
// resolution does that, pointing at the row through the Holding's span.
#pragma once

#include "ast/ast.hpp"
#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit {

// Appends a PersonDecl per person named in `file` to `program.people`. Each bad row is reported
// (file:line:col) and skipped; reading goes on to report every bad row, up to 100 errors.
void import_holders(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags);

}  // namespace remit
