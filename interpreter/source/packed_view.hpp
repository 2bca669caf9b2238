// A view of text, as std::string_view is, in 12 bytes with 4-byte alignment rather than 16 with
// 8. The records an HR export makes a million of (a post, a reporting line, a holding, a person)
// each hold a name or two beside 4-byte fields: with string_view's 8-byte size and alignment each
// record was padded to the next 8 bytes. Packed, a name and its span take 20 bytes, a reporting
// line 24 rather than 32 and a post 56 rather than 64: 16 MB less for derive at a million posts,
// 32 MB less for check with its holders (bench/README.md, "Performance VII").
//
// It converts to and from std::string_view implicitly, and offers string_view's reading
// members, so code that reads a name reads it as before.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string_view>

namespace remit {

class PackedView {
 public:
  PackedView() : PackedView(std::string_view{}) {}
  // NOLINTNEXTLINE(google-explicit-constructor): a drop-in for std::string_view
  PackedView(std::string_view text) : size_(static_cast<std::uint32_t>(text.size())) {
    // Every text a view points into is a source file or a string kept beside them, and a
    // source file is at most 4 GiB (a SourceSpan's offset is 32 bits).
    if (text.size() > UINT32_MAX) throw std::length_error("a text of more than 4 GiB");
    const char* data = text.data();
    std::memcpy(data_.data(), &data, sizeof data);
  }
  // NOLINTNEXTLINE(google-explicit-constructor)
  PackedView(const char* text) : PackedView(std::string_view(text)) {}

  // NOLINTNEXTLINE(google-explicit-constructor)
  operator std::string_view() const { return view(); }
  [[nodiscard]] std::string_view view() const { return {data(), size_}; }

  [[nodiscard]] const char* data() const {
    const char* data = nullptr;
    std::memcpy(&data, data_.data(), sizeof data);
    return data;
  }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::size_t length() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] const char* begin() const { return data(); }
  [[nodiscard]] const char* end() const { return data() + size_; }
  [[nodiscard]] char operator[](std::size_t i) const { return data()[i]; }
  [[nodiscard]] char front() const { return data()[0]; }
  [[nodiscard]] char back() const { return data()[size_ - 1]; }
  [[nodiscard]] std::string_view substr(std::size_t pos = 0,
                                        std::size_t count = std::string_view::npos) const {
    return view().substr(pos, count);
  }
  [[nodiscard]] std::size_t find(std::string_view s, std::size_t pos = 0) const {
    return view().find(s, pos);
  }
  [[nodiscard]] std::size_t find(char c, std::size_t pos = 0) const { return view().find(c, pos); }
  [[nodiscard]] bool starts_with(std::string_view s) const { return view().starts_with(s); }
  [[nodiscard]] bool starts_with(char c) const { return view().starts_with(c); }
  [[nodiscard]] bool ends_with(std::string_view s) const { return view().ends_with(s); }
  [[nodiscard]] bool ends_with(char c) const { return view().ends_with(c); }

  // One for each kind of other operand, each an exact match, so that no comparison has another
  // candidate as good (with its operands reversed, or converted the other way): clang's
  // -Wambiguous-reversed-operator.
  friend bool operator==(PackedView a, PackedView b) { return a.view() == b.view(); }
  friend bool operator==(PackedView a, std::string_view b) { return a.view() == b; }
  friend bool operator==(PackedView a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(PackedView a, PackedView b) {
    return a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(PackedView a, std::string_view b) {
    return a.view() <=> b;
  }
  friend std::strong_ordering operator<=>(PackedView a, const char* b) {
    return a.view() <=> std::string_view(b);
  }
  friend std::ostream& operator<<(std::ostream& out, PackedView v) { return out << v.view(); }

 private:
  // The address as bytes: an array of char has alignment 1, so the pointer does not impose 8.
  std::array<unsigned char, sizeof(const char*)> data_{};
  std::uint32_t size_ = 0;
};
static_assert(sizeof(PackedView) == 12 && alignof(PackedView) == 4);

}  // namespace remit
