// `remit whatif` and `remit diff` output: what a change does to the list, the breaches and the
// lines of management. The JSON schema is documented in docs/json.md.
#pragma once

#include <iosfwd>
#include <string>

#include "report/format.hpp"
#include "whatif/compare.hpp"

namespace remit {

void write_difference(std::ostream& out, const std::string& title, const Difference& diff,
                      Format format);

}  // namespace remit
