// `remit lsp`: the Language Server Protocol over a pair of streams (standard input and output).
// Each open document is checked with the other .remit files of its folder (the policy, as
// `remit check FOLDER` reads it) and the modules they use, the editor's unsaved text in place of
// the files', on opening and on every change; the diagnostics are the command line's own.
// docs/editors.md describes what the server offers.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "remit/limits.hpp"
#include "source/diagnostic.hpp"

namespace remit::lsp {

// A formatter for textDocument/formatting: the whole text in its canonical layout, or nullopt
// (with the reason in `diags`) when the text does not parse.
using FormatText = std::function<std::optional<std::string>(
    std::string_view text, std::string_view file_name, Diagnostics& diags)>;

struct ServerOptions {
  // Where the standard library's modules are written for go to definition; empty: the user's
  // cache folder (stdlib_files.hpp).
  std::filesystem::path stdlib_cache;
  Limits limits;
  // Offered to the editor (documentFormattingProvider) only when set.
  FormatText format;
  // A message longer than this is skipped and answered with an error.
  std::size_t max_message_bytes = std::size_t{256} << 20;
};

// Serves one client until it sends `exit` or the input ends. Returns the exit status the LSP
// asks for: 0 when `shutdown` came first, else 1.
int serve(std::istream& in, std::ostream& out, const ServerOptions& options = {});

}  // namespace remit::lsp
