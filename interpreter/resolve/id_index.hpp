// Looks up posts and bodies by id. An open-addressing table of (unit number, hash) pairs: the
// ids themselves stay in the units and are compared only when the hashes agree, so a lookup
// costs about one cache miss. A million ids take 16 MiB, where std::unordered_map costs a heap
// node per id and several misses a lookup. (Boost's unordered_flat_map would do, but needs
// Boost 1.81; Debian 12 ships 1.74.)
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace remit {

class IdIndex {
 public:
  void reserve(std::size_t n) {
    std::size_t want = 16;
    while (want < n * 2) want <<= 1;
    if (want > slots_.size()) rehash(want);
  }

  // Inserts unit `i` under `id` (read back through `id_of(i)`); returns the unit that already
  // has the id, if any, and then inserts nothing.
  template <typename IdOf>
  std::optional<std::uint32_t> insert(std::string_view id, std::uint32_t i, const IdOf& id_of) {
    if ((count_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const std::uint32_t h = hash(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
      if (slots_[s].unit == empty) {
        slots_[s] = Slot{i, h};
        ++count_;
        return std::nullopt;
      }
      if (slots_[s].hash == h && id_of(slots_[s].unit) == id) return slots_[s].unit;
    }
  }

  template <typename IdOf>
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view id, const IdOf& id_of) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t h = hash(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
      if (slots_[s].unit == empty) return std::nullopt;
      if (slots_[s].hash == h && id_of(slots_[s].unit) == id) return slots_[s].unit;
    }
  }

  // Asks the CPU to fetch the slot `id` hashes to, so that a find() a little later does not
  // wait on memory (resolution looks up a million random ids).
  void prefetch(std::string_view id) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash(id) & (slots_.size() - 1)]);
  }

  [[nodiscard]] std::size_t size() const { return count_; }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;
  struct Slot {
    std::uint32_t unit = empty;
    std::uint32_t hash = 0;
  };

  // FNV-1a with a final mix, so that sequential numeric ids spread over the table.
  static std::uint32_t hash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ull;
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }

  void rehash(std::size_t size) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(size, Slot{});
    const std::size_t mask = size - 1;
    for (const Slot& slot : old) {
      if (slot.unit == empty) continue;
      std::size_t s = slot.hash & mask;
      while (slots_[s].unit != empty) s = (s + 1) & mask;
      slots_[s] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace remit
