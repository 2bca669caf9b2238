#include "source/text_arena.hpp"

#include <cstring>

#include "source/huge_pages.hpp"

namespace remit {

std::string_view TextArena::copy(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > left_) {
    // A text longer than a quarter block gets a block of its own, and the current block stays
    // current: the room left in it is not wasted on one long field.
    const bool own = text.size() > block_size / 4;
    const std::size_t size = own ? text.size() : block_size;
    char* block = blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(size)).get();
    advise_huge_pages(block, size);  // a block is written soon and whole: huge_pages.hpp
    capacity_ += size;
    if (own) {
      std::memcpy(block, text.data(), text.size());
      return {block, text.size()};
    }
    next_ = block;
    left_ = size;
  }
  char* at = next_;
  std::memcpy(at, text.data(), text.size());
  next_ += text.size();
  left_ -= text.size();
  return {at, text.size()};
}

}  // namespace remit
