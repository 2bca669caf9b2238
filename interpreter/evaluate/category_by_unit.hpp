// Where each unit is listed: the category (its index in Program::categories) or not_listed.
//
// One entry per unit, stored as narrow as the policy's categories allow: a byte while there are
// fewer than 255 of them (every statute's list has about ten), two bytes below 65,535, four
// beyond. At a million posts that is 1 MB instead of 4 MB.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace remit {

inline constexpr std::uint32_t not_listed = std::numeric_limits<std::uint32_t>::max();

class CategoryByUnit {
 public:
  CategoryByUnit() = default;
  // `units` units, none listed, with room for categories below `categories`.
  CategoryByUnit(std::size_t units, std::size_t categories) {
    if (categories >= std::numeric_limits<std::uint16_t>::max()) {
      wide_.assign(units, not_listed);
      width_ = Width::wide;
    } else if (categories >= std::numeric_limits<std::uint8_t>::max()) {
      mid_.assign(units, std::numeric_limits<std::uint16_t>::max());
      width_ = Width::mid;
    } else {
      narrow_.assign(units, std::numeric_limits<std::uint8_t>::max());
    }
  }

  [[nodiscard]] std::size_t size() const {
    switch (width_) {
      case Width::narrow:
        return narrow_.size();
      case Width::mid:
        return mid_.size();
      case Width::wide:
        break;
    }
    return wide_.size();
  }
  // The category unit `u` is listed in, or not_listed.
  [[nodiscard]] std::uint32_t operator[](std::size_t u) const {
    switch (width_) {
      case Width::narrow:
        return widen(narrow_[u]);
      case Width::mid:
        return widen(mid_[u]);
      case Width::wide:
        break;
    }
    return wide_[u];
  }
  [[nodiscard]] std::uint32_t at(std::size_t u) const {
    if (u >= size()) throw std::out_of_range("CategoryByUnit::at");
    return (*this)[u];
  }

  // Lists `u` in category `c` (or not_listed). A category past what the entries hold (text
  // added to the policy after the base was evaluated) widens them first.
  void set(std::size_t u, std::uint32_t c) {
    if (c != not_listed) make_room_for(c);
    switch (width_) {
      case Width::narrow:
        narrow_[u] = static_cast<std::uint8_t>(c);  // not_listed becomes the byte's own maximum
        return;
      case Width::mid:
        mid_[u] = static_cast<std::uint16_t>(c);
        return;
      case Width::wide:
        wide_[u] = c;
        return;
    }
  }
  // Grows (new units not listed) or shrinks to `units` units.
  void resize(std::size_t units) {
    narrow_.resize(width_ == Width::narrow ? units : 0, std::numeric_limits<std::uint8_t>::max());
    mid_.resize(width_ == Width::mid ? units : 0, std::numeric_limits<std::uint16_t>::max());
    wide_.resize(width_ == Width::wide ? units : 0, not_listed);
  }

  friend bool operator==(const CategoryByUnit& a, const CategoryByUnit& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t u = 0; u < a.size(); ++u) {
      if (a[u] != b[u]) return false;
    }
    return true;
  }

 private:
  enum class Width : std::uint8_t { narrow, mid, wide };

  template <typename T>
  static std::uint32_t widen(T c) {
    return c == std::numeric_limits<T>::max() ? not_listed : c;
  }
  void make_room_for(std::uint32_t c) {
    if (width_ == Width::narrow && c >= std::numeric_limits<std::uint8_t>::max()) {
      mid_.resize(narrow_.size());
      for (std::size_t u = 0; u < narrow_.size(); ++u) {
        mid_[u] = narrow_[u] == std::numeric_limits<std::uint8_t>::max()
                      ? std::numeric_limits<std::uint16_t>::max()
                      : narrow_[u];
      }
      narrow_ = {};
      width_ = Width::mid;
    }
    if (width_ == Width::mid && c >= std::numeric_limits<std::uint16_t>::max()) {
      wide_.resize(mid_.size());
      for (std::size_t u = 0; u < mid_.size(); ++u) wide_[u] = widen(mid_[u]);
      mid_ = {};
      width_ = Width::wide;
    }
  }

  // Only the vector of width_ holds entries.
  Width width_ = Width::narrow;
  std::vector<std::uint8_t> narrow_;
  std::vector<std::uint16_t> mid_;
  std::vector<std::uint32_t> wide_;
};

}  // namespace remit
