// The one hash of short texts (source/text_hash.hpp): a difference anywhere in a text reaches
// the low bits that a table indexes by, so names alike but for a few middle characters spread
// over the table instead of piling into one bucket.
#include "source/text_hash.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <unordered_set>

namespace {

// How many of `n` texts land in distinct slots of a table of 2^17 slots: for well-spread hashes
// about 131072 × (1 − e^(−n/131072)), 69,900 for n = 100,000.
template <typename Text>
std::size_t slots_used(std::size_t n, Text&& text) {
  std::unordered_set<std::uint64_t> slots;
  for (std::size_t i = 0; i < n; ++i) slots.insert(remit::text_hash(text(i)) & ((1u << 17) - 1));
  return slots.size();
}

}  // namespace

TEST_CASE("text hash: equal texts hash alike, and the empty text is hashed without reading",
          "[source][hash]") {
  CHECK(remit::text_hash("Adult Social Care") ==
        remit::text_hash(std::string("Adult Social Care")));
  CHECK(remit::text_hash(std::string_view()) == remit::text_hash(""));
  CHECK(remit::text_hash("") != remit::text_hash(std::string_view("\0", 1)));
  CHECK(remit::text_hash("a") != remit::text_hash("b"));
}

TEST_CASE("text hash: names alike but in their middle spread over a table", "[source][hash]") {
  constexpr std::size_t n = 100000;
  // One length, the same first and last 8 bytes: only the middle tells them apart.
  CHECK(slots_used(n, [](std::size_t i) {
          std::string digits = std::to_string(1000000 + i);
          return "Locality team " + digits + " (North)";
        }) > 65000);
  // Ids that differ only in their eighth byte, the top byte of a word, and their seventh.
  CHECK(slots_used(256 * 200, [](std::size_t i) {
          std::string id = "ABCDEF__";
          id[6] = static_cast<char>(i / 256);
          id[7] = static_cast<char>(i % 256);
          return id;
        }) > 33000);
  // Numbered ids of every length from 1 to 17 bytes.
  CHECK(slots_used(n, [](std::size_t i) {
          return "P" + std::string(i % 17, '0') + std::to_string(i);
        }) > 65000);
}
