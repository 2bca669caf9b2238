// Source text → AST: runs the PEG grammar over one file and appends its declarations to a
// Program. The only entry point of grammar/.
#pragma once

#include <string>
#include <string_view>

#include "ast/ast.hpp"
#include "remit/limits.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// Parses sources.file(file) into `program`. Each syntax error is reported (file:line:col and the
// grammar's message) and parsing goes on at the next statement, so that every broken statement
// of the file is listed; past limits.max_errors_per_file the rest are only counted. Returns
// false when there was any: the program then holds pieces of the broken statements as well as
// the whole ones, and must not be used.
bool parse_policy(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags,
                  const Limits& limits = {});

// `id` (of a post, body or person) as a policy writes it: as it is when it needs no quotes
// (`E-1042`), else in single quotes with ' and \ escaped (`'HR 12'`, `'O\'Neil'`), for
// messages that show the user what to write.
std::string id_as_written(std::string_view id);

}  // namespace remit
