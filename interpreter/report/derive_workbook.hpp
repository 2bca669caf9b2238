// `remit derive --format xlsx`: the list of politically restricted posts as a workbook, laid out
// as councils publish it. Sheet "Restricted posts": the authority and the title at the top, a
// header row (Title, Service, Directorate, Post id) that stays in view, then for each category a
// heading with its number and name and one row per post. Sheet "Reasons": each post with its
// category and why it is there, in the words of `remit explain`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "remit/remit.hpp"
#include "report/output_file.hpp"

namespace remit {

// Writes the workbook to `path` through write_file_atomically_with (never a damaged or half
// file). Returns "" or what went wrong.
std::string write_restricted_posts_workbook(const std::filesystem::path& path, Run& run,
                                            const std::vector<ListedPost>& list,
                                            WriteOptions options = {});

}  // namespace remit
