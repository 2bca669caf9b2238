// `remit derive` output: the list of politically restricted posts, by category.
#pragma once

#include <iosfwd>

#include "remit/remit.hpp"
#include "report/format.hpp"

namespace remit {

void write_restricted_posts(std::ostream& out, const Run& run, const std::vector<ListedPost>& list,
                            Format format);

}  // namespace remit
