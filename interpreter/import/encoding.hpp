// The text encodings exports come in. Excel saves "CSV UTF-8" (with a byte order mark), "CSV"
// (Windows-1252 on a UK Windows machine) and "Unicode text" (UTF-16 with a byte order mark); the
// importers read UTF-8, so the others are converted first (by ICU) and the converted text is
// what the file's positions (file:line:column) count in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace remit::csv {

enum class TextEncoding { utf8, utf16le, utf16be, windows1252 };

struct DecodedText {
  std::string text;  // UTF-8; a UTF-8 file's bytes as they were (a byte order mark stays)
  TextEncoding from = TextEncoding::utf8;
  // For Windows-1252: where in `text` the first character that was not UTF-8 is.
  std::size_t first_converted = 0;
  // When not empty, what stopped the conversion, which happened at text.size().
  std::string error;
};

// UTF-16 when the bytes start with its byte order mark; else UTF-8 when they are valid UTF-8;
// else Windows-1252.
[[nodiscard]] DecodedText decode_export(std::string bytes);

// Whether decode_export would keep the bytes as they are (UTF-8 without a UTF-16 byte order
// mark): then a mapped export is read where it lies, with no copy to decode.
[[nodiscard]] bool is_utf8_export(std::string_view bytes);

// "UTF-8", "UTF-16", "Windows-1252": as a message names it.
[[nodiscard]] std::string_view encoding_name(TextEncoding encoding);

}  // namespace remit::csv
