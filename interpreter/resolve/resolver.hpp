// Resolution: every name in the Program is looked up and checked: unknown or duplicate posts,
// bodies, people, designations, duties, qualifications, lets and categories; shares of duty on
// split lines; which `override` and `precedence` apply; and the order in which lets and
// categories must be evaluated, refusing definitions that depend on themselves.
#pragma once

#include <span>
#include <string>

#include "ast/ast.hpp"
#include "resolve/left_out.hpp"
#include "resolve/loader.hpp"
#include "resolve/organisation.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// Fills the `resolved` slots of `program`'s expressions and returns the organisation and plan.
// Reports every problem found; the result is only meaningful when no error was reported.
// `limits` caps how many definitions an error about definitions that depend on themselves names.
// "3, 4, 5, 7 and 12 more": at most `shown` of the ascending `sorted` numbers, those nearest
// `number`, and how many others there are; what a message lists of the categories a policy
// defines, however many it defines.
std::string nearest_numbers(std::span<const std::uint32_t> sorted, std::uint32_t number,
                            std::size_t shown = 10);

// `faults`: how a fault in an HR export's row is handled (--keep-going); none: as an error.
Resolved resolve(ast::Program& program, const FileDepths& depths, Diagnostics& diags,
                 const Limits& limits = {}, ExportFaults* faults = nullptr);

}  // namespace remit
