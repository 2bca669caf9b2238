// The id index: plain numbers are their own keys, so its edge cases are about which texts count
// as the same number (none but identical ones) and about growing.
#include "resolve/id_index.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

struct Table {
  std::vector<std::string> ids;
  remit::IdIndex index;
  std::optional<std::uint32_t> add(std::string id) {
    ids.push_back(std::move(id));
    const auto i = static_cast<std::uint32_t>(ids.size() - 1);
    return index.insert(ids.back(), i,
                        [this](std::uint32_t u) { return std::string_view(ids[u]); });
  }
  std::optional<std::uint32_t> find(std::string_view id) const {
    return index.find(id, [this](std::uint32_t u) { return std::string_view(ids[u]); });
  }
};

}  // namespace

TEST_CASE("id index: numbers with leading zeros or many digits are distinct ids",
          "[resolve][index]") {
  Table t;
  t.ids.reserve(16);
  for (const char* id : {"7", "007", "07", "0", "00", "1234567890", "123456789", "x7", "7x"}) {
    CHECK_FALSE(t.add(id).has_value());
  }
  CHECK(t.find("7") == 0u);
  CHECK(t.find("007") == 1u);
  CHECK(t.find("07") == 2u);
  CHECK(t.find("0") == 3u);
  CHECK(t.find("00") == 4u);
  CHECK(t.find("1234567890") == 5u);
  CHECK(t.find("123456789") == 6u);
  CHECK(t.find("x7") == 7u);
  CHECK(t.find("7x") == 8u);
  CHECK_FALSE(t.find("70").has_value());
  CHECK_FALSE(t.find("").has_value());
}

TEST_CASE("id index: a second insert of an id returns the first unit", "[resolve][index]") {
  Table t;
  t.ids.reserve(4);
  CHECK_FALSE(t.add("500").has_value());
  CHECK_FALSE(t.add("ceo").has_value());
  CHECK(t.add("500") == 0u);
  CHECK(t.add("ceo") == 1u);
}

TEST_CASE("id index: growing keeps every id findable", "[resolve][index]") {
  Table t;
  const int n = 50000;
  t.ids.reserve(2 * n);
  for (int i = 0; i < n; ++i) {
    REQUIRE_FALSE(t.add(std::to_string(i)).has_value());
    REQUIRE_FALSE(t.add("p" + std::to_string(i)).has_value());
  }
  for (int i = 0; i < n; i += 997) {
    CHECK(t.find(std::to_string(i)) == static_cast<std::uint32_t>(2 * i));
    CHECK(t.find("p" + std::to_string(i)) == static_cast<std::uint32_t>(2 * i + 1));
  }
  CHECK(t.index.size() == static_cast<std::size_t>(2 * n));
}

TEST_CASE("id index: a table reserved for any count finds every id, probing past its end",
          "[resolve][index]") {
  // The table is sized to the count it is reserved for, not to a power of two, so a probe that
  // runs off its last slot must go on at its first.
  for (const std::size_t n : {1u, 13u, 17u, 100u, 1000u, 12345u}) {
    Table t;
    t.ids.reserve(n);
    t.index.reserve(n);
    for (std::size_t i = 0; i < n; ++i) REQUIRE_FALSE(t.add("id-" + std::to_string(i)));
    for (std::size_t i = 0; i < n; ++i) {
      REQUIRE(t.find("id-" + std::to_string(i)) == static_cast<std::uint32_t>(i));
    }
    CHECK_FALSE(t.find("id-" + std::to_string(n)).has_value());
    CHECK_FALSE(t.find(std::to_string(n)).has_value());
  }
}
