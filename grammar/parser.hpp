// Source text → AST: runs the PEG grammar over one file and appends its declarations to a
// Program. The only entry point of grammar/.
#pragma once

#include "ast/ast.hpp"
#include "remit/limits.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// Parses sources.file(file) into `program`. On a syntax error, reports it (file:line:col and
// the grammar's message) and returns false; the program then holds what came before it.
bool parse_policy(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags,
                  const Limits& limits = {});

}  // namespace remit
