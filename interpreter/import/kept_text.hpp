// What an importer keeps of a row's fields, copied out of the file's text into the file's arena
// (source/text_arena.hpp), so that the rows already read can leave memory
// (source/file_text.hpp). Ids and titles are copied; the names that many rows repeat (those of
// designations and duties, a handful in a council) are copied once each.
//
// Titles are copied too, though the shared generator's million rows have only 137,763 distinct
// ones (3.7 MB against 27): finding each in a table cost a cache miss or two a row, 365 ms at a
// million posts on the machine of bench/README.md ("Performance IX"), where a copy is written
// in order.
#pragma once

#include <string_view>
#include <unordered_set>

#include "source/text_arena.hpp"

namespace remit {

class KeptText {
 public:
  explicit KeptText(TextArena& arena) : arena_(arena) {}

  // A text of its own (an id, a title): copied.
  std::string_view copy(std::string_view text) { return arena_.copy(text); }

  // A name rows repeat: the copy kept the first time.
  std::string_view shared(std::string_view text) {
    if (text.empty()) return {};
    if (auto it = seen_.find(text); it != seen_.end()) return *it;
    return *seen_.insert(arena_.copy(text)).first;
  }

 private:
  TextArena& arena_;
  std::unordered_set<std::string_view> seen_;  // views into arena_, freed with the importer
};

}  // namespace remit
