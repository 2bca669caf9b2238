// `remit check` output: each breach with its rule, citation, people, posts and the rule's
// source location. The JSON schema is documented in docs/json.md.
#pragma once

#include <iosfwd>

#include "evaluate/rules.hpp"
#include "remit/remit.hpp"
#include "report/format.hpp"

namespace remit {

void write_breaches(std::ostream& out, const Run& run, const Breaches& breaches, Format format);

}  // namespace remit
