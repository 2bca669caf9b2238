// What an importer keeps of a row's fields, copied out of the file's text into the file's arena
// (source/text_arena.hpp), so that the rows already read can leave memory
// (source/file_text.hpp). Ids are copied: each is its row's own. Titles and the names of
// designations and duties are kept once each, since rows repeat them: the shared generator's
// million rows have only 137,763 distinct titles, 3.7 MB where copies took 27 (bench/README.md,
// "Performance X").
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "source/text_arena.hpp"

namespace remit {

class KeptText {
 public:
  explicit KeptText(TextArena& arena) : arena_(arena) {}

  // A text of its own (an id): copied.
  std::string_view copy(std::string_view text) { return arena_.copy(text); }

  // A text rows repeat (a title, a designation): the copy kept the first time it was seen.
  std::string_view shared(std::string_view text) { return find(text, hash(text)); }

  // The same, answered some texts later, through `done(key, kept)`: what the table holds where
  // `text` belongs is asked of the memory now, and read once `lag` more texts have been asked
  // for, when it has arrived. A lookup is two cache misses in tables of megabytes (the slot, then
  // the kept text it is compared with); overlapped, a million titles cost a derive 60 ms more
  // than copying them, where one lookup after the other cost 210 (bench/README.md, "Performance
  // X"). `text` must stay readable until `done` is called for it; finish() answers those still
  // waiting.
  template <typename Done>
  void shared_later(std::uint32_t key, std::string_view text, Done&& done) {
    if (waiting_ == lag) {
      const Waiting& w = ring_[next_];
      done(w.key, find(w.text, w.hash));
      --waiting_;
    }
    const std::uint32_t h = hash(text);
    ring_[next_] = Waiting{text, key, h};
    next_ = (next_ + 1) % lag;
    ++waiting_;
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & (slots_.size() - 1)]);
    // Halfway along, the slot has arrived: ask for the text it would be compared with.
    if (waiting_ > lag / 2) {
      const Waiting& half = ring_[(next_ + lag - 1 - lag / 2) % lag];
      if (!slots_.empty()) {
        const Slot& slot = slots_[half.hash & (slots_.size() - 1)];
        if (slot.hash == half.hash) __builtin_prefetch(slot.data);
      }
    }
  }
  template <typename Done>
  void finish(Done&& done) {
    for (; waiting_ > 0; --waiting_) {
      const Waiting& w = ring_[(next_ + lag - waiting_) % lag];
      done(w.key, find(w.text, w.hash));
    }
  }

 private:
  // An open-addressing table of the texts kept, 16 bytes a slot with no heap node per text:
  // with std::unordered_set, whose lookup follows pointers to nodes scattered over the heap,
  // reading a million rows took 290 ms longer. A slot keeps 32 bits of the text's hash, so that
  // a text is compared with a kept one only when both its length and those bits agree.
  struct Slot {
    const char* data = nullptr;
    std::uint32_t size = 0;
    std::uint32_t hash = 0;
  };
  struct Waiting {
    std::string_view text;
    std::uint32_t key = 0;
    std::uint32_t hash = 0;
  };
  static constexpr std::size_t lag = 16;
  // At most 4 MiB of slots, so 196,608 texts: a million distinct titles (each with the post's
  // number, say) would have grown the table to 32 MiB, whose growth and lookups made a derive
  // at a million posts 1.54x as slow as copying. Once it is full, a new text is copied and not
  // kept for the rows after it; texts already kept are still found.
  static constexpr std::size_t max_slots = std::size_t{1} << 18;

  static std::uint32_t hash(std::string_view text);
  std::string_view find(std::string_view text, std::uint32_t hash);
  void grow();

  TextArena& arena_;
  std::vector<Slot> slots_;  // a power of two of them, at most 3/4 full; data null: empty
  std::size_t count_ = 0;
  std::array<Waiting, lag> ring_{};  // the texts asked for by shared_later, oldest at next_
  std::size_t next_ = 0, waiting_ = 0;
};

}  // namespace remit
