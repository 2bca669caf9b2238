// The Unicode module's side of id comparison (resolve/id_text.hpp): NFC and case folding by
// ICU, built into libremit_unicode.so (loadable/unicode_module.cpp), not into remit.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>

#include <climits>

#include "loadable/module_sides.hpp"

namespace remit::module {
namespace {

const icu::Normalizer2* nfc_normalizer() {
  static const icu::Normalizer2* const normalizer = [] {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(error);
    return U_SUCCESS(error) ? n : nullptr;
  }();
  return normalizer;
}

}  // namespace

bool nfc_with_icu(std::string_view s, std::string& out) {
  if (s.size() > INT32_MAX) return false;
  const icu::Normalizer2* normalizer = nfc_normalizer();
  if (normalizer == nullptr) return false;
  const icu::StringPiece piece(s.data(), static_cast<std::int32_t>(s.size()));
  UErrorCode error = U_ZERO_ERROR;
  if (normalizer->isNormalizedUTF8(piece, error) || U_FAILURE(error)) return false;
  out.clear();
  icu::StringByteSink<std::string> sink(&out, static_cast<std::int32_t>(s.size()));
  normalizer->normalizeUTF8(0, piece, sink, nullptr, error);
  return U_SUCCESS(error);
}

char32_t fold_case_with_icu(char32_t c) {
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

}  // namespace remit::module
