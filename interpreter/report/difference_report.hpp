// `remit whatif` and `remit diff` output: what a change does to the list, the breaches and the
// lines of management. The JSON schema is documented in docs/json.md.
#pragma once

#include <iosfwd>
#include <string>

#include "remit/limits.hpp"
#include "report/format.hpp"
#include "report/terminal.hpp"
#include "whatif/compare.hpp"

namespace remit {

// `limits`: how many changed lines of management the text names (Limits::line_changes_shown).
// `style`: the width and colours of the text format.
void write_difference(std::ostream& out, const std::string& title, const Difference& diff,
                      Format format, const Limits& limits, const TextStyle& style = {});

}  // namespace remit
