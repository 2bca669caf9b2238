// `expect list "approved.csv"`: the approved list a test pins, read from CSV with the project's
// reader. The file needs a column for the post's id and one for its category; any other column
// (the title, service, directorate and category name that `remit derive --format csv` writes
// beside them) is passed over, so derive's own output is an approved list as it stands.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit::policy_test {

struct ApprovedPost {
  std::string_view id;  // into the SourceSet the list was read into
  std::uint32_t category = 0;
  SourceSpan where;  // the row's id field
};

// Reads the list at `path` into `sources`. Every fault (an unreadable file, a missing column, a
// category that is not a number, a post listed twice) is reported to `diags` with its place;
// returns nothing when there was any.
std::optional<std::vector<ApprovedPost>> read_approved_list(const std::filesystem::path& path,
                                                            SourceSet& sources, Diagnostics& diags);

}  // namespace remit::policy_test
