#include "resolve/id_text.hpp"

#include <spdlog/spdlog.h>
// Header-only macros (U8_NEXT, U8_APPEND): remit itself does not link ICU.
#include <unicode/utf8.h>

#include <vector>

#include "loadable/modules.hpp"

namespace remit {
namespace {

// ICU, in the Unicode module (loadable/loadable.hpp), loaded the first time an id is not ASCII:
// an HR export's ids almost never are, and ICU linked in cost every run 0.6 MB of memory and
// 0.25 ms of CPU. Should the module be missing, such ids are compared as their bytes, and the
// first use says so.
const loadable::UnicodeModule* unicode() {
  static const loadable::UnicodeModule* const module = [] {
    std::string problem;
    const loadable::UnicodeModule* m = loadable::unicode_module(problem);
    if (m == nullptr) {
      spdlog::warn("{}: ids that are not ASCII are compared as they are written, not in NFC",
                   problem);
    }
    return m;
  }();
  return module;
}

// The code points of `s` (in NFC); a byte that is not UTF-8 counts as U+FFFD.
std::u32string code_points(std::string_view s) {
  std::string scratch;
  s = nfc(s, scratch);
  std::u32string out;
  out.reserve(s.size());
  const auto length = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

enum class LookAlike : std::uint8_t { none, space, hyphen, apostrophe };

LookAlike look_alike(char32_t c) {
  switch (c) {
    case U' ':
    case U'\u00A0':
    case U'\u202F':
    case U'\u2007':
      return LookAlike::space;
    case U'-':
    case U'\u2010':
    case U'\u2011':
    case U'\u2012':
    case U'\u2013':
    case U'\u2014':
    case U'\u2212':
      return LookAlike::hyphen;
    case U'\'':
    case U'\u2018':
    case U'\u2019':
    case U'\u02BC':
      return LookAlike::apostrophe;
    default:
      return LookAlike::none;
  }
}

char32_t fold(char32_t c) {
  switch (look_alike(c)) {
    case LookAlike::space:
      return U' ';
    case LookAlike::hyphen:
      return U'-';
    case LookAlike::apostrophe:
      return U'\'';
    case LookAlike::none:
      break;
  }
  if (const loadable::UnicodeModule* icu = c < 0x80 ? nullptr : unicode()) return icu->fold_case(c);
  return c >= U'A' && c <= U'Z' ? c | 0x20 : c;
}

// The character a user cannot tell from its plain look-alike, in words.
const char* look_alike_name(char32_t c) {
  switch (c) {
    case U'\u00A0':
      return "a no-break space";
    case U'\u202F':
      return "a narrow no-break space";
    case U'\u2007':
      return "a figure space";
    case U'\u2010':
      return "a typographic hyphen (\u2010)";
    case U'\u2011':
      return "a non-breaking hyphen (\u2011)";
    case U'\u2012':
      return "a figure dash (\u2012)";
    case U'\u2013':
      return "an en dash (\u2013)";
    case U'\u2014':
      return "an em dash (\u2014)";
    case U'\u2212':
      return "a minus sign (\u2212)";
    case U'\u2018':
      return "an opening quotation mark (\u2018)";
    case U'\u2019':
      return "a typographic apostrophe (\u2019)";
    case U'\u02BC':
      return "a modifier letter apostrophe (\u02BC)";
    default:
      return "a look-alike character";
  }
}

void append_utf8(std::string& out, char32_t c) {
  char buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

// Where a difference is: "after 'cnes'" (the known id's text before it, its last few
// characters if it is long), or "at the start".
std::string place(const std::u32string& known, std::size_t at) {
  if (at == 0) return "at the start";
  constexpr std::size_t shown = 20;
  std::string before = at > shown ? "\u2026" : "";
  for (std::size_t i = at > shown ? at - shown : 0; i < at; ++i) append_utf8(before, known[i]);
  return "after '" + before + "'";
}

}  // namespace

std::string_view nfc(std::string_view s, std::string& scratch) {
  if (is_ascii(s)) return s;
  const loadable::UnicodeModule* icu = unicode();
  if (icu == nullptr || !icu->nfc(s, scratch)) return s;
  return scratch;
}

bool same_id(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (is_ascii(a) && is_ascii(b)) return false;
  std::string scratch_a, scratch_b;
  return nfc(a, scratch_a) == nfc(b, scratch_b);
}

std::u32string look_alike_key(std::string_view id) {
  std::u32string key;
  if (is_ascii(id)) {
    key.reserve(id.size());
    for (char c : id) key.push_back(static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c | 0x20 : c));
    return key;
  }
  key = code_points(id);
  for (char32_t& c : key) c = fold(c);
  return key;
}

std::optional<std::string> look_alike_difference(std::string_view typed, std::string_view known) {
  const std::u32string a = code_points(typed), b = code_points(known);
  if (a.size() != b.size() || a == b) return std::nullopt;
  bool letter_case = false;
  std::vector<std::string> others;  // the other differences, in order
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    const LookAlike kind = look_alike(a[i]);
    if (kind != LookAlike::none && kind == look_alike(b[i])) {
      // Named by the character that is not the plain ASCII one (the typed one if both are not).
      const char32_t odd = a[i] < 0x80 ? b[i] : a[i];
      others.push_back(std::string(look_alike_name(odd)) + " " + place(b, i));
    } else if (kind == LookAlike::none && fold(a[i]) == fold(b[i])) {
      letter_case = true;
    } else {
      return std::nullopt;
    }
  }
  if (others.empty()) return "it differs only in letter case";
  constexpr std::size_t listed = 3;
  std::string out = "they differ only in ";
  std::vector<std::string> parts;
  if (letter_case) parts.push_back("letter case");
  for (std::size_t k = 0; k < others.size() && k < listed; ++k) parts.push_back(others[k]);
  if (others.size() > listed) {
    parts.push_back(std::to_string(others.size() - listed) + " more such characters");
  }
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += k + 1 == parts.size() ? " and " : ", ";
    out += parts[k];
  }
  return out;
}

}  // namespace remit
