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
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
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
      size_(std::exchange(other.size_, 0)),
      released_(other.released_.exchange(0)) {}

FileText& FileText::operator=(FileText&& other) noexcept {
  if (this != &other) {
    FileText gone(std::move(*this));
    owned_ = std::move(other.owned_);
    mapped_ = std::exchange(other.mapped_, nullptr);
    size_ = std::exchange(other.size_, 0);
    released_ = other.released_.exchange(0);
  }
  return *this;
}

FileText::~FileText() {
#if defined(__unix__)
  if (mapped_) ::munmap(const_cast<char*>(mapped_), size_);
#endif
}

void FileText::release_before(std::size_t offset) const {
#if defined(__unix__)
  if (!mapped_) return;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  // Whole pages only, or the whole text (its last page is its own).
  const std::size_t end = offset >= size_ ? size_ : offset / page * page;
  const std::size_t begin = released_.load();
  if (end <= begin) return;
  released_.store(end);  // two threads at once at worst give the same advice twice
  // A page of a read-only private mapping is the file's: dropped, it is read again on use.
  (void)::madvise(const_cast<char*>(mapped_) + begin, end - begin, MADV_DONTNEED);
#else
  (void)offset;
#endif
}

void FileText::release_all() const {
  released_ = 0;
  release_before(size_ + 1);
}

}  // namespace remit
