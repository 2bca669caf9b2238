#include "source/display.hpp"

#include <cstdint>
#include <utility>

namespace remit {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void append_hex_byte(std::string& out, unsigned char c) {
  out += "\\x";
  out += hex_digits[c >> 4];
  out += hex_digits[c & 0xF];
}

void append_code_point(std::string& out, std::uint32_t cp) {
  std::string digits;
  do {
    digits.insert(digits.begin(), hex_digits[cp & 0xF]);
    cp >>= 4;
  } while (cp != 0);
  out += "\\u{" + digits + "}";
}

// The code point of the UTF-8 sequence at s[i] and its length; length 0 when it is not valid
// UTF-8 (inputs are checked when read, so only text made some other way gets here).
std::pair<std::uint32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  std::size_t len = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
  if (len == 0 || i + len > s.size()) return {0, 0};
  std::uint32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  return {cp, len};
}

bool is_line_break(std::uint32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

// Characters a terminal acts on rather than shows, or that reorder the text after them.
bool needs_escape(std::uint32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void append_escape(std::string& out, std::uint32_t cp) {
  switch (cp) {
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  if (cp < 0x80) {
    append_hex_byte(out, static_cast<unsigned char>(cp));
  } else {
    append_code_point(out, cp);
  }
}

template <typename OnSpecial>
std::string transform(std::string_view s, OnSpecial&& special) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto [cp, len] = decode(s, i);
    if (len == 0) {
      append_hex_byte(out, static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    if (!special(out, s, i, cp)) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace

std::string display_text(std::string_view s) {
  // Plain text (nearly every title) is returned as it is without decoding it.
  bool plain = true;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(s);
  return transform(s, [](std::string& out, std::string_view, std::size_t, std::uint32_t cp) {
    if (!needs_escape(cp)) return false;
    append_escape(out, cp);
    return true;
  });
}

std::size_t escaped_length_at(std::string_view s, std::size_t i) {
  const auto [cp, len] = decode(s, i);
  if (len == 0) return 1;
  return needs_escape(cp) ? len : 0;
}

std::string markdown_cell(std::string_view s) {
  return transform(s, [](std::string& out, std::string_view text, std::size_t i, std::uint32_t cp) {
    if (cp == '|') {
      out += "\\|";
      return true;
    }
    if (is_line_break(cp)) {
      // \r\n is one break: its \r writes nothing.
      if (!(cp == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += "<br>";
      return true;
    }
    if (!needs_escape(cp)) return false;
    append_escape(out, cp);
    return true;
  });
}

}  // namespace remit
