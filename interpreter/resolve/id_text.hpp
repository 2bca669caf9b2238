// How the ids of posts, bodies and people are compared: as Unicode text in NFC, so that "café"
// typed with a precomposed é (as most keyboards do) and with an e and a combining accent (as
// some exports do) are one id, from a policy, a CSV or the command line alike. Every other
// difference counts: ids stay case-sensitive. Near misses that differ only in ways hard to see
// (letter case, a no-break space, a typographic dash or apostrophe) are named in the
// did-you-mean, never matched.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace remit {

// Whether `s` is plain ASCII, eight bytes at a time. HR ids almost always are, and then they
// need no normalisation at all: nothing is copied or converted.
[[nodiscard]] inline bool is_ascii(std::string_view s) {
  std::size_t i = 0;
  std::uint64_t high = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    high |= word;
  }
  for (; i < s.size(); ++i) high |= static_cast<unsigned char>(s[i]);
  return (high & 0x8080808080808080ull) == 0;
}

// `s` in NFC: `s` itself when it already is (ASCII always is), else its normalised form,
// written into `scratch`. Text that is not valid UTF-8 is left as it is.
[[nodiscard]] std::string_view nfc(std::string_view s, std::string& scratch);

// Whether `a` and `b` are the same id: equal after NFC.
[[nodiscard]] bool same_id(std::string_view a, std::string_view b);

// Views of ids in NFC, for a map keyed by id: an id already in NFC is its own view; any other
// is normalised once and kept here, as long as the keeper lives.
class NfcIds {
 public:
  std::string_view operator()(std::string_view id) {
    std::string scratch;
    const std::string_view n = nfc(id, scratch);
    if (n.data() == id.data()) return id;
    return kept_.emplace_back(std::move(scratch));
  }

 private:
  std::deque<std::string> kept_;
};

// A key that is equal for two ids that differ only in letter case (simple case folding), in a
// no-break space (U+00A0, U+202F, U+2007) for a space, or in a typographic hyphen or dash
// (U+2010–U+2014, U+2212) or apostrophe (U+2018, U+2019, U+02BC) for the ASCII one; after NFC.
[[nodiscard]] std::u32string look_alike_key(std::string_view id);

// What `typed` differs from `known` in, when it differs only in the ways look_alike_key
// ignores, in words for a did-you-mean: "it differs only in letter case", "they differ only in
// a no-break space after 'cnes'". Nothing when they differ in anything else, or not at all.
[[nodiscard]] std::optional<std::string> look_alike_difference(std::string_view typed,
                                                               std::string_view known);

}  // namespace remit
