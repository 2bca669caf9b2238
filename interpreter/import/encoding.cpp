#include "import/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "source/text_checks.hpp"

namespace remit::csv {

namespace {

struct CloseConverter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

std::string hex_byte(unsigned char b) {
  constexpr char digits[] = "0123456789ABCDEF";
  return std::string("0x") + digits[b >> 4] + digits[b & 0xf];
}

// Converts `bytes` from `charset` to UTF-8, stopping at the first byte sequence that is not
// text in it (ICU's default would put a replacement character there and say nothing).
DecodedText convert(std::string_view bytes, const char* charset, TextEncoding from) {
  DecodedText out;
  out.from = from;
  const std::string name(encoding_name(from));
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX / 2)) {
    out.error = "the file is too large to convert from " + name + "; save it as \"CSV UTF-8\"";
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, CloseConverter> converter(ucnv_open(charset, &status));
  if (U_SUCCESS(status)) {
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  }
  if (U_FAILURE(status)) {
    out.error = "cannot convert from " + name + ": " + u_errorName(status);
    return out;
  }
  // Each byte gives at most one UTF-16 unit, in either charset.
  std::u16string units(bytes.size() + 1, u'\0');
  UChar* target = units.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, target + units.size(), &source,
                 bytes.data() + bytes.size(), nullptr, true, &status);
  units.resize(static_cast<std::size_t>(target - units.data()));
  if (U_FAILURE(status)) {
    char bad[8];
    int8_t length = sizeof bad;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), bad, &length, &ignored);
    if (from == TextEncoding::windows1252 && length == 1) {
      out.error = "the byte " + hex_byte(static_cast<unsigned char>(bad[0])) +
                  " here is neither UTF-8 nor Windows-1252 text: save the file as \"CSV UTF-8\"";
    } else {
      out.error = "the text stops being " + name +
                  " here (a broken character, or the file is cut short): save the file as "
                  "\"CSV UTF-8\"";
    }
  }
  int32_t length = 0;
  UErrorCode utf8_status = U_ZERO_ERROR;
  const auto count = static_cast<int32_t>(units.size());
  u_strToUTF8(nullptr, 0, &length, units.data(), count, &utf8_status);  // how long
  out.text.resize(static_cast<std::size_t>(length));
  utf8_status = U_ZERO_ERROR;
  u_strToUTF8(out.text.data(), length, &length, units.data(), count, &utf8_status);
  if (U_FAILURE(utf8_status) && out.error.empty()) {
    out.text.clear();
    out.error = "cannot convert the file from " + name + ": " + u_errorName(utf8_status);
  }
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
