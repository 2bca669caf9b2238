#include "import/encoding.hpp"

#include <algorithm>

#include "loadable/modules.hpp"
#include "source/text_checks.hpp"

namespace remit::csv {

namespace {

// ICU converts, in the Unicode module (loadable/loadable.hpp): most exports are UTF-8 and need
// no conversion, and ICU linked into remit cost every run 0.6 MB.
DecodedText convert(std::string_view bytes, const char* charset, TextEncoding from) {
  std::string problem;
  if (const loadable::UnicodeModule* icu = loadable::unicode_module(problem)) {
    return icu->convert(bytes, charset, from, encoding_name(from));
  }
  DecodedText out;
  out.from = from;
  out.error = "cannot convert the file from " + std::string(encoding_name(from)) + ": " + problem +
              "; save it as \"CSV UTF-8\"";
  return out;
}

}  // namespace

std::string_view encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf8:
      return "UTF-8";
    case TextEncoding::utf16le:
    case TextEncoding::utf16be:
      return "UTF-16";
    case TextEncoding::windows1252:
      return "Windows-1252";
  }
  return "UTF-8";
}

bool is_utf8_export(std::string_view bytes) {
  return !bytes.starts_with("\xFF\xFE") && !bytes.starts_with("\xFE\xFF") &&
         !find_invalid_utf8(bytes);
}

DecodedText decode_export(std::string bytes) {
  const std::string_view view = bytes;
  if (view.starts_with("\xFF\xFE")) {
    return convert(view.substr(2), "UTF-16LE", TextEncoding::utf16le);
  }
  if (view.starts_with("\xFE\xFF")) {
    return convert(view.substr(2), "UTF-16BE", TextEncoding::utf16be);
  }
  const auto bad = find_invalid_utf8(view);
  if (!bad) return DecodedText{std::move(bytes), TextEncoding::utf8, 0, {}};
  // Windows-1252 text has no NUL bytes: these bytes are not text at all, and converting them
  // would only turn one clear error into many confusing ones.
  if (const std::size_t nul = view.find('\0'); nul != std::string_view::npos) {
    bytes.resize(nul);
    return DecodedText{std::move(bytes), TextEncoding::utf8, 0,
                       "this file contains a NUL byte here, so it is not text (is it a "
                       "spreadsheet, or UTF-16 without its byte order mark?): save it as "
                       "\"CSV UTF-8\""};
  }
  DecodedText out = convert(view, "windows-1252", TextEncoding::windows1252);
  // Where the first byte that is not UTF-8 went: ASCII before it converts to itself, so it is
  // at the same offset unless the bytes before it were not all ASCII.
  const std::string_view before = view.substr(0, *bad);
  const bool ascii = std::all_of(before.begin(), before.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  out.first_converted =
      ascii ? *bad : convert(before, "windows-1252", TextEncoding::windows1252).text.size();
  return out;
}

}  // namespace remit::csv
