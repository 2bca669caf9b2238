// One hash for the short texts remit looks up by the hundred thousand: ids (resolve/id_index.hpp,
// import/holders_csv.cpp) and the names of services and directorates (ast/placements.cpp).
//
// Every byte counts, eight at a time, and each step keeps both halves of a 128-bit product, so
// that a difference anywhere in the text reaches the low bits a table is indexed by. Hashing only
// a name's length and its first and last 8 bytes, as the placements once did, put every
// "Locality team 1 (North)", "Locality team 2 (North)", ... of one length in one bucket: a
// million such names would have taken hours. Against the FNV-1a the id table used, one multiply
// a word rather than one a byte.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace remit {

namespace text_hash_detail {

__extension__ using Wide = unsigned __int128;  // GCC and Clang, on every 64-bit target remit has

// The 128-bit product of a and b, folded to 64 bits: every bit of either reaches every bit.
inline std::uint64_t fold(std::uint64_t a, std::uint64_t b) {
  const Wide product = static_cast<Wide>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

}  // namespace text_hash_detail

[[nodiscard]] inline std::uint64_t text_hash(std::string_view s) {
  using text_hash_detail::fold;
  constexpr std::uint64_t k0 = 0x9e3779b97f4a7c15ULL, k1 = 0xbf58476d1ce4e5b9ULL;
  std::uint64_t h = k0 ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    h = fold(word ^ k1, h ^ k0);
  }
  if (i < s.size()) {  // never reached for an empty text, whose data() may be null
    std::uint64_t word = 0;
    std::memcpy(&word, s.data() + i, s.size() - i);
    h = fold(word ^ k1, h ^ k0);
  }
  return fold(h, k1);
}

}  // namespace remit
