#include "source/file_text.hpp"

#include <algorithm>
#include <utility>

#if defined(__unix__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace remit {

std::optional<FileText> FileText::map(const std::filesystem::path& path) {
#if defined(__unix__)
  // Looked at before it is opened: opening a FIFO waits for its writer and takes its data from
  // the reader that then reads it instead (a hang in tests/limits/files_test.cpp).
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::optional<FileText> out;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    const auto size = static_cast<std::size_t>(st.st_size);
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      // Read front to back, once: the kernel may read ahead further and drop pages sooner.
      (void)::madvise(p, size, MADV_SEQUENTIAL);
      out.emplace(FileText());
      out->mapped_ = static_cast<const char*>(p);
      out->size_ = size;
    }
  }
  ::close(fd);  // the mapping keeps the file
  return out;
#else
  (void)path;
  return std::nullopt;
#endif
}

FileText::FileText(FileText&& other) noexcept
    : owned_(std::move(other.owned_)),
      mapped_(std::exchange(other.mapped_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

FileText& FileText::operator=(FileText&& other) noexcept {
  if (this != &other) {
    FileText gone(std::move(*this));
    owned_ = std::move(other.owned_);
    mapped_ = std::exchange(other.mapped_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

FileText::~FileText() {
#if defined(__unix__)
  if (mapped_) ::munmap(const_cast<char*>(mapped_), size_);
#endif
}

void FileText::release(std::size_t begin, std::size_t end) const {
#if defined(__unix__)
  if (!mapped_) return;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  // From the page holding `begin`, which the last call left, to the last page wholly before `end`
  // (at the end of the text, its last page too, which is the text's alone).
  begin = begin / page * page;
  end = end >= size_ ? size_ : end / page * page;
  if (end <= begin) return;
  // A page of a read-only private mapping is the file's: dropped, it is read again on use.
  (void)::madvise(const_cast<char*>(mapped_) + begin, end - begin, MADV_DONTNEED);
#else
  (void)begin;
  (void)end;
#endif
}

}  // namespace remit
