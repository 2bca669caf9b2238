// `remit check` output: each breach with its rule, citation, people, posts and the rule's
// source location. The JSON schema is documented in docs/json.md.
#pragma once

#include <iosfwd>
#include <span>

#include "evaluate/rules.hpp"
#include "explain/explain.hpp"
#include "remit/remit.hpp"
#include "report/format.hpp"
#include "report/terminal.hpp"

namespace remit {

// With `explanations` (one per breach, in the order printed: `remit check --explain`), the text
// format prints each breach's explanation under it, indented, and the JSON format adds an
// "explanation" tree to each breach. `style`: the width and colours of the text format.
void write_breaches(std::ostream& out, const Run& run, const Breaches& breaches, Format format,
                    std::span<const Reason> explanations = {}, const TextStyle& style = {});

}  // namespace remit
