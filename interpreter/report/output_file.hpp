// Writing result files so that a failed or interrupted run never leaves a damaged one: the
// text goes to a temporary file beside the target, which is then renamed over it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace remit {

// Returns an empty string on success, else what went wrong; the old file is then untouched.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace remit
