// A post's listing in sentences for the people who read the list (a governance officer, a
// committee): the grounds in words, the law cited, no file locations and no policy syntax.
// Built from the values of an explanation (explain.hpp: each step's kind, posts, category,
// share), not from its wording; a step with no value of its own keeps its words.
#pragma once

#include <string>
#include <vector>

#include "explain/explain.hpp"

namespace remit {

class Run;

// The explanation of a listing (explain_listing), as paragraphs of plain sentences:
//   "Director of Housing (dir_housing) is in category 4, Deputy Chief Officers, because it
//    reports directly to the Executive Director of … (ed_rhes), which meets category 3
//    (Non-Statutory Chief Officers), for all of its duties: LGHA 1989 s.2(1)(d), s.2(8)."
// A post in no category gets a paragraph per category saying what it lacks.
std::vector<std::string> plain_paragraphs(const Reason& listing, const Run& run);
// The same, one paragraph a line.
std::string plain_text(const Reason& listing, const Run& run);

// Citations as one list, the sections of one Act together:
// {"LGHA 1989 s.2(1)(d)", "LGHA 1989 s.2(8)"} -> "LGHA 1989 s.2(1)(d), s.2(8)".
std::string citations_text(const std::vector<std::string>& cites);

}  // namespace remit
