#include "source/text_checks.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace remit {

SourceSpan span_at(const SourceSet& sources, FileId file, std::size_t offset) {
  return SourceSpan{file,
                    static_cast<std::uint32_t>(std::min(offset, sources.file(file).text.size()))};
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // Plain ASCII, the bulk of any HR export, is skipped eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

bool check_text(const SourceSet& sources, FileId file, Diagnostics& diags) {
  std::string_view text = sources.file(file).text;
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    diags.error(span_at(sources, file, nul),
                "this file contains a NUL byte: it is not a text file (is it a spreadsheet or "
                "a UTF-16 export? save it as UTF-8 text)");
    return false;
  }
  if (auto bad = find_invalid_utf8(text)) {
    diags.error(span_at(sources, file, *bad),
                "this byte is not valid UTF-8: save the file as UTF-8 text");
    return false;
  }
  return true;
}

}  // namespace remit
