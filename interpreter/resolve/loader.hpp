// Reads everything one run needs into one Program: the policy files and directories named on
// the command line, the modules they `use` (stdlib or relative paths, each once), the CSV files
// they `import`, and --structure/--holders exports.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "import/column_choice.hpp"
#include "remit/limits.hpp"
#include "source/diagnostic.hpp"

namespace remit {

struct Inputs {
  std::vector<std::filesystem::path> policies;    // .remit files or directories of them
  std::vector<std::filesystem::path> structures;  // HR exports (structure CSV)
  std::vector<std::filesystem::path> holders;     // holders CSV
  // --columns: the columns of fields whose headers in the files above are not the known ones.
  // A structure field's choice applies to every structure file, a holders field's to every
  // holders file; a policy's `import … columns` has its own. A field that neither kind of file
  // has is an error.
  std::vector<ColumnChoice> columns;
  // Designations sheets (CSV): designations and duties of posts, by id.
  std::vector<std::filesystem::path> designations;
  // Each of these (and each file a policy imports) may be a CSV file or a workbook (.xlsx,
  // .ods), told apart by content. A workbook's first sheet is read, or the sheet of this name
  // when it is set (a workbook without one is an error that lists the sheets it has).
  std::string sheet;
  // Policy text held in memory (embedding, tests, fuzzing): a display name and the text.
  // `use` of a relative .remit path from such text resolves against the working directory.
  struct Text {
    std::string name;
    std::string text;
  };
  std::vector<Text> texts;
  // An editor's unsaved text of policy files (the language server): wherever one of these files
  // is read (named above, found in a folder named above, or reached by a `use`), this text is
  // read in place of what the file holds on disk. `name` is the file's path; the file need not
  // exist yet.
  std::vector<Text> unsaved;
  // The file the results will be written to, if any. A run never reads it: when it is one of
  // the inputs (the same file however named, through symbolic links too) loading fails before
  // anything is read, and a `use`d or imported file that is it is an error at the statement.
  std::filesystem::path output;
  // For a service that checks policies it did not write: when not empty, every `use` and
  // `import` must name a file (or folder) that lies, once symbolic links are resolved, inside
  // one of these folders; anything else is an error at the statement. The standard library's
  // modules are always allowed. The files and folders listed above are read as given.
  std::vector<std::filesystem::path> confine_to;
  // --keep-going: a fault in a row of an HR export (a post reporting to itself, a line to a
  // missing post, a repeated id, a reporting cycle) is a warning and the line or row is left
  // out, instead of an error that stops the run. Faults in policy text stay errors.
  bool keep_going = false;
  // --jurisdiction: the nation whose built-in modules apply when the inputs define no category
  // (none: the policy's `authority … jurisdiction`, else England). A policy that says otherwise
  // is an error.
  std::optional<ast::Jurisdiction> jurisdiction;
};

// How far each file is from the command line: 0 for the files given, 1 for what they `use`...
// The `precedence` statement of the shallowest file applies.
using FileDepths = std::vector<std::uint32_t>;

// The policy applied when the inputs define no category: the Act's categories, from the
// stdlib. When no policy is given at all (an HR export alone), the statutory officers' rules
// come too, so `remit check --structure x.csv --holders y.csv` checks something.
// The stdlib module of that name for the jurisdiction: "wales/lgha1989".
inline constexpr std::string_view default_policy_module = "lgha1989";
inline constexpr std::string_view default_rules_module = "statutory_officers";
std::string default_module(ast::Jurisdiction jurisdiction, std::string_view module);

// Whether `path` names a test file (`*_test.remit`): a folder's test files are not part of the
// policy the folder holds; `remit test` reads each with it (docs/testing.md).
inline bool is_test_file(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 11 && name.ends_with("_test.remit");
}

// Loads and parses all inputs. Returns false when any file could not be read or parsed.
bool load_inputs(const Inputs& inputs, SourceSet& sources, ast::Program& program,
                 FileDepths& depths, Diagnostics& diags, const Limits& limits = {});

}  // namespace remit
