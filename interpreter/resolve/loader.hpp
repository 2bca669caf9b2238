// Reads everything one run needs into one Program: the policy files and directories named on
// the command line, the modules they `use` (stdlib or relative paths, each once), the CSV files
// they `import`, and --structure/--holders exports.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "remit/limits.hpp"
#include "source/diagnostic.hpp"

namespace remit {

struct Inputs {
  std::vector<std::filesystem::path> policies;    // .remit files or directories of them
  std::vector<std::filesystem::path> structures;  // HR exports (structure CSV)
  std::vector<std::filesystem::path> holders;     // holders CSV
  // Policy text held in memory (embedding, tests, fuzzing): a display name and the text.
  // `use` of a relative .remit path from such text resolves against the working directory.
  struct Text {
    std::string name;
    std::string text;
  };
  std::vector<Text> texts;
};

// How far each file is from the command line: 0 for the files given, 1 for what they `use`...
// The `precedence` statement of the shallowest file applies.
using FileDepths = std::vector<std::uint32_t>;

// The policy applied when the inputs define no category: the Act's categories, from the
// stdlib. When no policy is given at all (an HR export alone), the statutory officers' rules
// come too, so `remit check --structure x.csv --holders y.csv` checks something.
inline constexpr std::string_view default_policy_module = "uk/lgha1989";
inline constexpr std::string_view default_rules_module = "uk/statutory_officers";

// Loads and parses all inputs. Returns false when any file could not be read or parsed.
bool load_inputs(const Inputs& inputs, SourceSet& sources, ast::Program& program,
                 FileDepths& depths, Diagnostics& diags, const Limits& limits = {});

}  // namespace remit
