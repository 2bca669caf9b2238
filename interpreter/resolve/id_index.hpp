// Looks up posts and bodies by id. An open-addressing table of (unit number, key) pairs, 8
// bytes a slot: a million ids take 10 MB, where std::unordered_map costs a heap node per id and
// several cache misses a lookup. (Boost's unordered_flat_map would do, but needs Boost 1.81;
// Debian 12 ships 1.74.)
//
// The key of an id is a 31-bit hash of its text, except for ids that are plain numbers (HR
// exports number their posts): then the key is the number itself, tagged, so equal keys mean
// equal ids and a lookup never reads the id's text. That halves the cache misses of resolving a
// million reporting lines.
//
// Ids are compared after Unicode NFC normalisation (resolve/id_text.hpp): this is the one place
// every post, body and person id passes through, from policies, CSVs and the command line. An
// id that is not ASCII is hashed in NFC, and two ids with one key are the same when their NFC
// forms are. An ASCII id is hashed in the same single pass as before, and never copied.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resolve/id_text.hpp"
#include "source/huge_pages.hpp"
#include "source/text_hash.hpp"

namespace remit {

class IdIndex {
 public:
  void reserve(std::size_t n) {
    const std::size_t want =
        std::max<std::size_t>(16, n * max_load_denominator / max_load_numerator + 1);
    if (want > slots_.size()) rehash(want);
  }

  // Inserts unit `i` under `id` (read back through `id_of(i)`); returns the unit that already
  // has the id, if any, and then inserts nothing.
  template <typename IdOf>
  std::optional<std::uint32_t> insert(std::string_view id, std::uint32_t i, const IdOf& id_of) {
    if ((count_ + 1) * max_load_denominator > slots_.size() * max_load_numerator) {
      rehash(slots_.empty() ? 16 : slots_.size() * 2);
    }
    const std::uint32_t k = key(id);
    for (std::size_t s = home(k);; s = next(s)) {
      if (slots_[s].unit == empty) {
        slots_[s] = Slot{i, k};
        ++count_;
        return std::nullopt;
      }
      if (slots_[s].key == k && (numeric(k) || same(id_of(slots_[s].unit), id))) {
        return slots_[s].unit;
      }
    }
  }

  template <typename IdOf>
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view id, const IdOf& id_of) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t k = key(id);
    for (std::size_t s = home(k);; s = next(s)) {
      if (slots_[s].unit == empty) return std::nullopt;
      if (slots_[s].key == k && (numeric(k) || same(id_of(slots_[s].unit), id))) {
        return slots_[s].unit;
      }
    }
  }

  // Asks the CPU to fetch the slot `id` belongs in, so that a find() a little later does not
  // wait on memory (resolution looks up a million random ids).
  void prefetch(std::string_view id) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[home(key(id))]);
  }

  [[nodiscard]] std::size_t size() const { return count_; }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;
  // At most four fifths full, not half: linear probing over 8-byte slots still finds an id in
  // one or two cache lines (derive at 100,000 posts took the same time, 0.060 s against 0.061 s
  // in 21 interleaved pairs, when the limit went from a half to four fifths).
  static constexpr std::size_t max_load_numerator = 4, max_load_denominator = 5;
  static constexpr std::uint32_t number_tag = 0x80000000u;
  struct Slot {
    std::uint32_t unit = empty;
    std::uint32_t key = 0;
  };

  static bool numeric(std::uint32_t k) { return (k & number_tag) != 0; }

  // Equal bytes, or (only for ids that are not ASCII) equal NFC forms.
  static bool same(std::string_view a, std::string_view b) {
    return a == b || different_bytes_same_id(a, b);
  }
  [[gnu::noinline, gnu::cold]] static bool different_bytes_same_id(std::string_view a,
                                                                   std::string_view b) {
    return (!is_ascii(a) || !is_ascii(b)) && same_id(a, b);
  }

  // A number written without leading zeros and in at most 9 digits is its own key.
  static std::uint32_t key(std::string_view s) {
    if (!s.empty() && s.size() <= 9 && (s[0] != '0' || s.size() == 1)) {
      std::uint32_t v = 0;
      bool digits = true;
      for (char c : s) {
        if (c < '0' || c > '9') {
          digits = false;
          break;
        }
        v = v * 10 + static_cast<std::uint32_t>(c - '0');
      }
      if (digits) return v | number_tag;
    }
    // An ASCII id is hashed as it is; any other in NFC, away from this path.
    if (!is_ascii(s)) return text_key(s);
    return low_key(text_hash(s));
  }

  [[gnu::noinline, gnu::cold]] static std::uint32_t text_key(std::string_view s) {
    std::string scratch;  // used only by an id not already in NFC
    return low_key(text_hash(nfc(s, scratch)));
  }

  static std::uint32_t low_key(std::uint64_t h) {
    return static_cast<std::uint32_t>(h ^ (h >> 32)) & ~number_tag;
  }

  // Where a key's probe starts: the key mixed, so that consecutive numbers spread over the
  // table, and scaled to the table's size by a multiply and a shift rather than masked, so the
  // table need not be a power of two. Sized to the ids it is reserved for, a million ids take
  // 1.25 million slots (10 MB), where the next power of two took 2.1 million (16.8 MB).
  [[nodiscard]] std::size_t home(std::uint32_t k) const {
    const std::uint64_t h = (k ^ 0x9e3779b9u) * 0xbf58476d1ce4e5b9ull;
    return static_cast<std::size_t>(((h >> 32) * slots_.size()) >> 32);
  }
  [[nodiscard]] std::size_t next(std::size_t s) const { return s + 1 == slots_.size() ? 0 : s + 1; }

  void rehash(std::size_t size) {
    std::vector<Slot> old = std::move(slots_);
    slots_.clear();
    // In 2 MiB pages, a lookup in a table of a million ids no longer misses the TLB as well as
    // the cache: with the prefetch in resolution, inserting a million posts' ids went from 17%
    // to 4% of derive's time.
    reserve_huge(slots_, size);
    slots_.assign(size, Slot{});
    for (const Slot& slot : old) {
      if (slot.unit == empty) continue;
      std::size_t s = home(slot.key);
      while (slots_[s].unit != empty) s = next(s);
      slots_[s] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace remit
