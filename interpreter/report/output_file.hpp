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

}  // namespace remit
