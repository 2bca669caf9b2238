// The policy language's tokens as the formatter sees them: words (names, ids, keywords,
// numbers), strings, ids in quotes, shares (`50%`), operators, punctuation and comments, each
// with where it was and how many line breaks came before it. Spaces between tokens never carry
// meaning in the language, so two texts with the same tokens (comments aside) mean the same.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace remit::format {

enum class TokenKind : std::uint8_t { word, string, quoted_id, share, punct, comment };

struct Token {
  TokenKind kind = TokenKind::word;
  std::string text;                 // as written; a share without spaces (`50 %` → `50%`);
                                    // a comment without trailing spaces
  std::size_t offset = 0;           // of its first byte
  std::size_t column = 0;           // from 0, in characters (code points)
  std::uint32_t breaks_before = 0;  // line breaks since the token before
  bool first_on_line = false;       // no token before it on its line
  [[nodiscard]] bool is(std::string_view s) const {
    return kind != TokenKind::comment && text == s;
  }
};

// How many columns `s` takes: its characters (UTF-8 code points), not its bytes, so that
// alignment past a `’` or an `é` holds.
std::size_t columns_of(std::string_view s);

// The tokens of a text that parses (of one that does not, something reasonable).
std::vector<Token> tokenize(std::string_view text);

}  // namespace remit::format
