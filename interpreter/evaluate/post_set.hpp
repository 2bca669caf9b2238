// A set of units as one bit per unit: the value every set expression evaluates to. Whole-set
// operations work 64 units at a time, which is what makes set-at-a-time evaluation fast.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace remit {

class PostSet {
 public:
  PostSet() = default;
  explicit PostSet(std::size_t size) : size_(size), words_((size + 63) / 64, 0) {}
  // The units i < size for which member(i) holds, put together a word at a time: no
  // read-modify-write of a word per member, and no branch on membership.
  template <typename F>
  static PostSet of(std::size_t size, F&& member) {
    PostSet out(size);
    for (std::size_t w = 0; w < out.words_.size(); ++w) {
      const std::size_t begin = w << 6;
      const std::size_t end = std::min(size, begin + 64);
      std::uint64_t bits = 0;
      for (std::size_t i = begin; i < end; ++i) {
        bits |= std::uint64_t{member(i)} << (i - begin);
      }
      out.words_[w] = bits;
    }
    return out;
  }

  [[nodiscard]] std::size_t size() const { return size_; }
  // Grows (new members absent) or shrinks the set to `size` units.
  void resize(std::size_t size) {
    size_ = size;
    words_.resize((size + 63) / 64, 0);
    if (size % 64) words_.back() &= (std::uint64_t{1} << (size % 64)) - 1;
  }
  [[nodiscard]] bool test(std::size_t i) const { return (words_[i >> 6] >> (i & 63)) & 1u; }
  void set(std::size_t i) { words_[i >> 6] |= std::uint64_t{1} << (i & 63); }
  void reset(std::size_t i) { words_[i >> 6] &= ~(std::uint64_t{1} << (i & 63)); }
  void assign(std::size_t i, bool member) {
    if (member) {
      set(i);
    } else {
      reset(i);
    }
  }
  // Membership, with every unit past the end absent.
  [[nodiscard]] bool test_or_absent(std::size_t i) const { return i < size_ && test(i); }

  PostSet& operator&=(const PostSet& o) {
    for (std::size_t w = 0; w < words_.size(); ++w) words_[w] &= o.words_[w];
    return *this;
  }
  PostSet& operator|=(const PostSet& o) {
    for (std::size_t w = 0; w < words_.size(); ++w) words_[w] |= o.words_[w];
    return *this;
  }
  PostSet& subtract(const PostSet& o) {
    for (std::size_t w = 0; w < words_.size(); ++w) words_[w] &= ~o.words_[w];
    return *this;
  }
  [[nodiscard]] std::size_t count() const {
    std::size_t n = 0;
    for (std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
    return n;
  }
  [[nodiscard]] bool empty() const {
    for (std::uint64_t w : words_) {
      if (w) return false;
    }
    return true;
  }
  // Calls f(i) for each member, in increasing order.
  template <typename F>
  void for_each(F&& f) const {
    for (std::size_t w = 0; w < words_.size(); ++w) {
      std::uint64_t bits = words_[w];
      while (bits) {
        f((w << 6) + static_cast<std::size_t>(std::countr_zero(bits)));
        bits &= bits - 1;
      }
    }
  }
  friend bool operator==(const PostSet&, const PostSet&) = default;

 private:
  std::size_t size_ = 0;
  std::vector<std::uint64_t> words_;
};

}  // namespace remit
