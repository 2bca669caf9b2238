// `remit suggest`: the statutory designations that posts' titles suggest ("Director of Finance
// (Section 151 Officer)", "Monitoring Officer"), written as a designations sheet for a person
// to review and then give with --designations. A title is never evidence on its own: a
// designation is a decision of the council, so nothing here is applied to any run.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace remit {

class Run;

// A designation a title suggests, and the words of the title that suggest it.
struct TitleSuggestion {
  std::string_view designation;  // as uk/roles declares it
  std::string words;             // the words of the title, as written there
  std::string_view caution;      // said in the comment; empty when there is nothing to add
};

// Every designation `title` suggests, in the order of uk/roles, each once. Matched on whole
// words in any case, apostrophes dropped ("Children's" and "Childrens" alike); a phrase after
// "Deputy", "Assistant", "Associate" or "to the" ("PA to the Chief Executive") suggests nothing.
[[nodiscard]] std::vector<TitleSuggestion> suggest_from_title(std::string_view title);

// The sheet: `id,title,designations,flags,comment`, one row per post of the run with a
// suggestion, leaving out designations the post already carries and names the run's
// vocabulary does not declare.
void write_designation_suggestions(std::ostream& out, const Run& run);

}  // namespace remit
