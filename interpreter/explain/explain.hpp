// Why a post is (or is not) in a category, as a tree of reasons in the law's own terms, down to
// the facts, each with the source location it rests on. Reasons are read from the sets the
// evaluator recorded for every expression node; nothing is derived a second time.
#pragma once

#include <string>
#include <vector>

#include "evaluate/evaluator.hpp"
#include "report/terminal.hpp"
#include "source/source.hpp"

namespace remit {

struct Reason {
  std::string text;
  SourceSpan where;
  std::vector<Reason> because;
};

class Run;

// The post's listing: the category it is listed in and why, or why it is in none.
Reason explain_listing(Run& run, UnitIndex post);
// Why the post meets, or does not meet, one category (by number).
Reason explain_category(Run& run, UnitIndex post, std::uint32_t category_decl);
// Why breach `n` of `remit check` stands, `n` counting from 1 in the order check prints them
// (incompatibilities, then require/forbid rules): the holdings and designations of the person,
// or the posts the rule found and why each is in the sets it names. Throws std::out_of_range
// when there is no breach `n`.
Reason explain_breach(Run& run, std::size_t n);

// Indented text, locations lined up in a column on the right. `style.width` (0: no limit) is the
// width no line exceeds: a step that does not fit beside its location is wrapped, with the
// location on its own line under it.
std::string render_text(const Reason& root, const SourceSet& sources, const TextStyle& style = {});
// {"text", "location": {"file","line","column"}, "because": [...]}
std::string render_json(const Reason& root, const SourceSet& sources);

}  // namespace remit
