#include "authoring/format/tokens.hpp"

namespace remit::format {
namespace {

// As grammar/rules.hpp's id_start and id_char.
bool id_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool id_other(char c) {
  return id_start(c) || c == '-' || c == '/';
}
bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}
// `60` or `33.5`: what may come before `%` in a share.
bool share_number(std::string_view s) {
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) return all_digits(s);
  return all_digits(s.substr(0, dot)) && all_digits(s.substr(dot + 1));
}

}  // namespace

std::size_t columns_of(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  std::size_t counted = 0, column = 0;  // columns up to byte `counted` of the line
  std::uint32_t breaks = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '\n') {
      ++breaks;
      counted = ++i;
      column = 0;
      continue;
    }
    Token t;
    t.offset = i;
    column += columns_of(text.substr(counted, i - counted));
    counted = i;
    t.column = column;
    t.breaks_before = breaks;
    t.first_on_line = breaks > 0 || tokens.empty();
    breaks = 0;
    std::size_t j = i + 1;
    if (c == '#') {
      t.kind = TokenKind::comment;
      while (j < n && text[j] != '\n') ++j;
      std::size_t end = j;
      while (end > i && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) {
        --end;
      }
      t.text = std::string(text.substr(i, end - i));
    } else if (c == '"' || c == '\'') {
      t.kind = c == '"' ? TokenKind::string : TokenKind::quoted_id;
      while (j < n && text[j] != c && text[j] != '\n') {
        j += (text[j] == '\\' && j + 1 < n && text[j + 1] != '\n') ? 2 : 1;
      }
      if (j < n && text[j] == c) ++j;
      t.text = std::string(text.substr(i, j - i));
    } else if (id_start(c)) {
      // A `.` is part of an id only when more of the id follows it.
      while (j < n) {
        if (id_other(text[j])) {
          ++j;
        } else if (text[j] == '.') {
          std::size_t k = j;
          while (k < n && text[k] == '.') ++k;
          if (k < n && id_other(text[k])) {
            j = k;
          } else {
            break;
          }
        } else {
          break;
        }
      }
      t.text = std::string(text.substr(i, j - i));
      std::size_t k = j;
      while (k < n && (text[k] == ' ' || text[k] == '\t')) ++k;
      if (k < n && text[k] == '%' && share_number(t.text)) {
        t.kind = TokenKind::share;
        t.text += '%';
        j = k + 1;
      }
    } else {
      t.kind = TokenKind::punct;
      if ((c == '<' || c == '>' || c == '!') && j < n && text[j] == '=') {
        ++j;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        while (j < n && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
      }
      t.text = std::string(text.substr(i, j - i));
    }
    i = j;
    tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace remit::format
