#include "authoring/lsp/text_position.hpp"

#include <algorithm>
#include <cctype>

namespace remit::lsp {
namespace {

// Code units of UTF-16 that the UTF-8 sequence starting with `lead` takes: 2 for a 4-byte
// sequence (a surrogate pair), else 1. A stray continuation byte counts as nothing, so that
// text that is not UTF-8 still gives positions that only grow.
std::uint32_t utf16_units(unsigned char lead) {
  if ((lead & 0xC0) == 0x80) return 0;
  return lead >= 0xF0 ? 2 : 1;
}

}  // namespace

Position position_in_line(std::string_view text, std::size_t line_start, std::uint32_t line,
                          std::size_t offset, PositionEncoding encoding) {
  line_start = std::min(line_start, text.size());
  offset = std::clamp(offset, line_start, text.size());
  if (encoding == PositionEncoding::utf8) {
    return Position{line, static_cast<std::uint32_t>(offset - line_start)};
  }
  std::uint32_t units = 0;
  for (std::size_t i = line_start; i < offset; ++i) {
    units += utf16_units(static_cast<unsigned char>(text[i]));
  }
  return Position{line, units};
}

std::size_t offset_of(std::string_view text, Position p, PositionEncoding encoding) {
  std::size_t start = 0;
  for (std::uint32_t line = 0; line < p.line; ++line) {
    const std::size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) return text.size();
    start = newline + 1;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  if (encoding == PositionEncoding::utf8) return std::min(start + p.character, end);
  std::uint32_t units = 0;
  std::size_t i = start;
  while (i < end && units < p.character) {
    units += utf16_units(static_cast<unsigned char>(text[i]));
    ++i;
    while (i < end && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

std::optional<std::filesystem::path> path_of_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size() ||
      !std::equal(scheme.begin(), scheme.end(), uri.begin(), [](char a, char b) {
        return a == std::tolower(static_cast<unsigned char>(b));
      })) {
    return std::nullopt;
  }
  uri.remove_prefix(scheme.size());
  // "file://localhost/x" names the same file as "file:///x".
  if (uri.starts_with("localhost/")) uri.remove_prefix(9);
  if (!uri.starts_with('/')) return std::nullopt;
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    const char c = uri[i];
    if (c == '?' || c == '#') break;
    if (c != '%') {
      path.push_back(c);
      continue;
    }
    auto hex = [](char h) -> int {
      if (h >= '0' && h <= '9') return h - '0';
      if (h >= 'a' && h <= 'f') return h - 'a' + 10;
      if (h >= 'A' && h <= 'F') return h - 'A' + 10;
      return -1;
    };
    if (i + 2 >= uri.size()) return std::nullopt;
    const int hi = hex(uri[i + 1]), lo = hex(uri[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    const char decoded = static_cast<char>(hi * 16 + lo);
    if (decoded == '\0') return std::nullopt;
    path.push_back(decoded);
    i += 2;
  }
  return std::filesystem::path(path);
}

std::string uri_of_path(const std::filesystem::path& path) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : path.string()) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      uri.push_back(static_cast<char>(c));
    } else {
      uri.push_back('%');
      uri.push_back(digits[c >> 4]);
      uri.push_back(digits[c & 15]);
    }
  }
  return uri;
}

}  // namespace remit::lsp
