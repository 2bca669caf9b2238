// `remit fmt [--check] [--diff] PATH…` over files and folders, and `remit stdlib list|show`:
// what the command line runs, with its output and exit status, so tests can run it in-process
// too. docs/cli.md and docs/formatting.md describe them.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace remit::format {

struct FmtOptions {
  bool check = false;   // list the files that are not formatted, exit 1 if any; write nothing
  bool diff = false;    // print what would change as a unified diff; write nothing
  bool colour = false;  // of the error messages
};

// Formats each file, and each *.remit file under each folder. Exit status: 2 if any path or
// file was bad (not found, unreadable, a syntax error, not writable: that file is left as it
// was, the others are still done), else 1 if --check found a file not formatted, else 0.
int run_fmt(const std::vector<std::string>& paths, const FmtOptions& options, std::ostream& out,
            std::ostream& err);

// `remit stdlib list`: each built-in module and the first sentence of its header comment.
int run_stdlib_list(std::ostream& out);
// `remit stdlib show MODULE`: the module's text as built in; an unknown one is an error with
// the closest name (exit 2).
int run_stdlib_show(std::string_view module, std::ostream& out, std::ostream& err, bool colour);

// The first sentence of a module's header comment, without its "uk/roles: " lead-in; "" when
// the text starts with no comment.
std::string module_summary(std::string_view module, std::string_view text);

}  // namespace remit::format
