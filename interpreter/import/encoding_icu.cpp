// The Unicode module's side of reading exports (import/encoding.hpp): converting Windows-1252
// and UTF-16 text to UTF-8 by ICU, built into libremit_unicode.so (loadable/unicode_module.cpp),
// not into remit.
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <cstdint>
#include <memory>

#include "loadable/module_sides.hpp"

namespace remit::module {

using csv::DecodedText;
using csv::TextEncoding;

namespace {

struct CloseConverter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

std::string hex_byte(unsigned char b) {
  constexpr char digits[] = "0123456789ABCDEF";
  return std::string("0x") + digits[b >> 4] + digits[b & 0xf];
}

// Converts `bytes` from `charset` (named `name` in messages) to UTF-8, stopping at the first byte
// sequence that is not text in it (ICU's default would put a replacement character there and say
// nothing).
DecodedText convert(std::string_view bytes, const char* charset, TextEncoding from,
                    const std::string& name) {
  DecodedText out;
  out.from = from;
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

DecodedText convert_with_icu(std::string_view bytes, const char* charset, TextEncoding from,
                             std::string_view name) {
  return convert(bytes, charset, from, std::string(name));
}

}  // namespace remit::module
