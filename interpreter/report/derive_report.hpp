// `remit derive` output: the list of politically restricted posts, by category.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>

#include "remit/remit.hpp"
#include "report/format.hpp"
#include "report/terminal.hpp"

namespace remit {

// `style`: the width and colours of the table (the other formats are never shortened).
void write_restricted_posts(std::ostream& out, const Run& run, const std::vector<ListedPost>& list,
                            Format format, const TextStyle& style = {});

// --keep-going: the posts to be reviewed (Run::to_review()), as derive and check show them: a
// "To be reviewed" section of text after the list (nothing when there are none), or a JSON
// array of {id, title, service, directorate, reason}.
void write_to_review_text(std::ostream& out, const Organisation& org,
                          const std::vector<ToReview>& review, const TextStyle& style = {});
nlohmann::ordered_json to_review_json(const Organisation& org, const std::vector<ToReview>& review);

}  // namespace remit
