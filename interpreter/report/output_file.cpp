#include "report/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace remit {

std::string write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::path temp = path;
  temp += ".remit-tmp-" + std::to_string(::getpid());
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  // The temporary file sits beside the target; a failure there is a failure to write the target.
  if (!f) return "cannot write '" + path.string() + "': " + std::strerror(errno);
  bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  ok = (std::fflush(f) == 0) && ok;
  ok = (::fsync(::fileno(f)) == 0) && ok;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    std::string why = std::strerror(errno);
    std::remove(temp.c_str());
    return "cannot write '" + path.string() + "': " + why;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(temp.c_str());
    return "cannot replace '" + path.string() + "': " + why;
  }
  return {};
}

}  // namespace remit
