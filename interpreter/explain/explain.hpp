// Why a post is (or is not) in a category, as a tree of reasons in the law's own terms, down to
// the facts, each with the source location it rests on. Reasons are read from the sets the
// evaluator recorded for every expression node; nothing is derived a second time.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "evaluate/evaluator.hpp"
#include "report/terminal.hpp"
#include "source/source.hpp"

namespace remit {

// What a step of an explanation states, for renderings that word it themselves (plain.hpp);
// `fact` is any other step, worded by its text alone.
enum class Step : std::uint8_t {
  fact,
  listing,          // the post (`post`) is listed in `category`
  not_listed,       // the post is in no category
  category,         // the post meets (or, `holds` false, does not meet) `category`
  also_meets,       // the post also meets other categories, listed once by precedence
  citation,         // the law or document a category or rule cites (the text is the citation)
  designated,       // the post carries (or not) the designation `name`
  duty,             // the post has (or not) the duty `name`
  line,             // a line of the post to `post`: reports directly or is directly accountable
  reports_through,  // the post reports, up a chain, to `post`
  manages,          // the post manages `post`
  named_set,        // the post is (or not) in the set a `let` names (`name`); its steps say why
  exempted,  // the post (`post`) meets only category 8 and is exempted: `name` says the decision
  directed,  // the post is listed in `category` by a direction: `name` says the decision
};

inline constexpr std::uint32_t no_index = std::numeric_limits<std::uint32_t>::max();

struct Reason {
  std::string text;
  SourceSpan where;
  std::vector<Reason> because;
  // The same step as values (set where the explainer knows them; text stays the wording).
  Step step = Step::fact;
  bool holds = true;                  // false for a step that says something is not so
  std::uint32_t post = no_index;      // the post the step leads to (a line's manager) or is about
  std::uint32_t category = no_index;  // index into Program::categories
  std::string name{};                 // a designation or duty
  std::uint64_t share_parts = 0;      // a line's share of the duties, parts of share_whole
  std::uint32_t share_whole = 0;
  bool accountable = false;  // a line of accountability rather than of reporting
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
