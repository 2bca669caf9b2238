// Copies of the pieces of a file's text that a run keeps: the ids, titles and names an export's
// reader copies out of its rows, so that the file's own pages can leave memory once read
// (source/file_text.hpp). A million posts keep some 18 MB of the 70 MB their export takes.
//
// Copies go into blocks of 8 MiB that never move, so every view handed out stays valid as
// long as the arena. Not for two threads at once: each file has its own (SourceSet::kept).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace remit {

class TextArena {
 public:
  // A copy of `text` that lives as long as the arena; an empty text is not copied.
  std::string_view copy(std::string_view text);
  // Bytes held in blocks, for tests and figures.
  [[nodiscard]] std::size_t capacity() const { return capacity_; }

 private:
  // 8 MiB: four whole 2 MiB pages in each (huge_pages.hpp skips a block too small to hold two).
  static constexpr std::size_t block_size = std::size_t{8} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace remit
