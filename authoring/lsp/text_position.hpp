// Positions as the LSP counts them and as remit does. remit's spans count lines from 1 and
// columns in bytes; the LSP counts both from 0 and its columns in UTF-16 code units unless
// the client accepts UTF-8 (LSP 3.17 position encodings). And file URIs, both ways.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace remit::lsp {

enum class PositionEncoding : std::uint8_t { utf16, utf8 };

struct Position {
  std::uint32_t line = 0;  // from 0
  std::uint32_t character = 0;
};

struct Range {
  Position start;
  Position end;
};

// The position of byte `offset` of `text`, which lies on line `line` (from 0) that starts at
// byte `line_start`.
Position position_in_line(std::string_view text, std::size_t line_start, std::uint32_t line,
                          std::size_t offset, PositionEncoding encoding);

// The byte offset of `p` in `text`; a position past the end of its line is the line's end, a
// line past the last is the end of the text.
std::size_t offset_of(std::string_view text, Position p, PositionEncoding encoding);

// The path of a file: URI ("file:///home/a%20b/x.remit" -> "/home/a b/x.remit"); nullopt for
// another scheme or a URI that is not well formed.
std::optional<std::filesystem::path> path_of_uri(std::string_view uri);
// The file: URI of an absolute path, with every byte outside the unreserved set escaped.
std::string uri_of_path(const std::filesystem::path& path);

}  // namespace remit::lsp
