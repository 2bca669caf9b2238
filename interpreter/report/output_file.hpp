// Writing result files so that a failed or interrupted run never leaves a damaged one, and so
// that writing never destroys anything that was there:
//  - a regular file is replaced whole: the text goes to a new temporary file beside it (created
//    exclusively under an unpredictable name, with the old file's permissions and, where the
//    system allows, owner), which is then renamed over it;
//  - a symbolic link is written through: the file it finally points to is replaced, the link
//    stays a link;
//  - anything else that exists (a device such as /dev/null, a FIFO, a process substitution
//    /dev/fd/N, /dev/stdout) is opened and written directly, never replaced.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace remit {

struct WriteOptions {
  // While the temporary file exists: SIGINT, SIGTERM or SIGHUP removes it and then ends the
  // process by that signal, and SIGXFSZ is ignored so that a file-size limit is a write error
  // (EFBIG) rather than a kill. Handlers are restored afterwards. For a program that owns its
  // signals (the command line); an embedding service leaves it off and keeps its own handlers.
  bool clean_up_on_signals = false;
};

// Returns an empty string on success, else what went wrong; the old file is then untouched and
// no temporary file is left.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                  WriteOptions options = {});

// Writes the whole file at the path it is given; returns "" or what went wrong.
using MakeFile = std::function<std::string(const std::filesystem::path&)>;

// The same, for a writer that can only write to a file name (a workbook library): `make` writes
// a new temporary file beside the target, which then replaces it as above. For a target that is
// not a regular file (a device, a FIFO, /dev/fd/N) the file is made in the temporary folder and
// its bytes written to the target.
std::string write_file_atomically_with(const std::filesystem::path& path, const MakeFile& make,
                                       WriteOptions options = {});

}  // namespace remit
