// The UK government's senior staff organogram (data.gov.uk schema): one row per person in a
// senior post, with `Post Unique Reference`, `Name`, `Job Title`, `Unit`, `Organisation`,
// `Parent Department` and `Reports to Senior Post` among its columns (the others, such as
// grades, pay and contact details, are not read). It is told from a structure CSV by its header,
// so it needs no option, and read into the same ast::PostDecl and ast::PersonDecl as any export.
//
// What the schema's conventions mean here:
// - `XX` as the manager: the top of the structure (no line).
// - Post Unique Reference `0`: a person not in a senior post; noted and left out.
// - A reference on several rows: one post held as a job share, each row's name a holder.
// - `Vacant` (`VACANT`, `Vacant post`) as the name: nobody holds the post; the post is vacant
//   when every row of it says so. `N/D`, `N/A` or no name: a holder not disclosed (nobody
//   recorded). `Eliminated`: the post has gone; noted and left out.
// - A post that reports to itself: the top when it is the only one and no post has `XX`;
//   otherwise an error at the cell.
// - `Unit` is the post's service; `Organisation` (or, when empty, `Parent Department`) its
//   directorate.
#pragma once

#include "ast/ast.hpp"
#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit {

// Whether the first line of `file` is an organogram's header: it has both a `Post Unique
// Reference` and a `Reports to Senior Post` column (in any case and spacing).
[[nodiscard]] bool is_organogram(SourceSet& sources, FileId file);

// Appends a PostDecl per post and a PersonDecl per named holder in `file` to `program`. Bad rows
// are reported (file:line:col) and skipped, up to 100 errors.
void import_organogram(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags);

}  // namespace remit
