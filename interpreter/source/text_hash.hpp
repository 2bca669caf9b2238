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

template <typename Word>
inline std::uint64_t load(const char* p) {
  Word word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

}  // namespace text_hash_detail

[[nodiscard]] inline std::uint64_t text_hash(std::string_view s) {
  using text_hash_detail::fold;
  using text_hash_detail::load;
  constexpr std::uint64_t k0 = 0x9e3779b97f4a7c15ULL, k1 = 0xbf58476d1ce4e5b9ULL;
  const char* p = s.data();
  const std::size_t n = s.size();
  // The length, mixed first: a seed of k0 ^ n would leave h ^ k0 in the step below equal to n,
  // a multiplier too small to mix (ids alike but in their last bytes shared buckets).
  std::uint64_t h = fold(n ^ k0, k1);
  // Loads of a fixed size only, which compile to single moves (a copy of a varying length
  // would call memcpy, for every name of a million rows): a text of up to 8 bytes is read as
  // two 4-byte words that overlap, or as its first, middle and last bytes; a longer one as
  // 8-byte words, the last of them overlapping the one before. With the length mixed in, no
  // byte is left out and no two texts of one length read alike.
  if (n <= 8) {
    std::uint64_t word = 0;
    if (n >= 4) {
      word = load<std::uint32_t>(p) << 32 | load<std::uint32_t>(p + n - 4);
    } else if (n > 0) {  // an empty text's data() may be null: nothing is read
      word = std::uint64_t{static_cast<unsigned char>(p[0])} << 16 |
             std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
             static_cast<unsigned char>(p[n - 1]);
    }
    h = fold(word ^ k1, h ^ k0);
  } else {
    for (std::size_t i = 0; i + 8 < n; i += 8) h = fold(load<std::uint64_t>(p + i) ^ k1, h ^ k0);
    h = fold(load<std::uint64_t>(p + n - 8) ^ k1, h ^ k0);
  }
  return fold(h, k1);
}

}  // namespace remit
