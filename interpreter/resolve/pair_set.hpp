// A set of 64-bit keys (a person and a post, say) in one flat table: open addressing, linear
// probing, 8 bytes a slot. A million holdings checked for repeats cost 16 MiB and no allocation
// per key, where std::unordered_set costs a heap node each (Boost's unordered_flat_set needs
// Boost 1.81; Debian 12 ships 1.74).
#pragma once

#include <cstdint>
#include <vector>

namespace remit {

class PairSet {
 public:
  void reserve(std::size_t n) {
    std::size_t want = 16;
    while (want < n * 2) want <<= 1;
    if (want > slots_.size()) rehash(want);
  }

  // True when `key` was not in the set (and now is).
  bool insert(std::uint64_t key) {
    if ((count_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = place(key) & mask;; s = (s + 1) & mask) {
      if (slots_[s] == empty) {
        slots_[s] = key;
        ++count_;
        return true;
      }
      if (slots_[s] == key) return false;
    }
  }

  static std::uint64_t pair(std::uint32_t a, std::uint32_t b) {
    return (std::uint64_t{a} << 32) | b;
  }

 private:
  static constexpr std::uint64_t empty = UINT64_MAX;  // no pair of 32-bit indexes is all ones
  static std::size_t place(std::uint64_t key) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20);
  }
  void rehash(std::size_t size) {
    std::vector<std::uint64_t> old(size, empty);
    old.swap(slots_);
    count_ = 0;
    for (std::uint64_t key : old) {
      if (key != empty) insert(key);
    }
  }

  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

}  // namespace remit
