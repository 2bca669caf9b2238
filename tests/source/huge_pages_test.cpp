#include "source/huge_pages.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

namespace remit {

TEST_CASE("reserve_huge reserves like reserve and the buffer works as usual", "[huge_pages]") {
  std::vector<std::uint32_t> v;
  constexpr std::size_t n = std::size_t{3} << 20;  // 12 MiB: large enough to be advised
  reserve_huge(v, n);
  REQUIRE(v.capacity() >= n);
  const std::uint32_t* before = v.data();
  for (std::uint32_t i = 0; i < n; ++i) v.push_back(i * 3);
  CHECK(v.data() == before);  // no reallocation while filling what was reserved
  CHECK(v[12345] == 12345u * 3);
  CHECK(v.back() == static_cast<std::uint32_t>(n - 1) * 3);
}

TEST_CASE("advise_huge_pages accepts small and unaligned buffers", "[huge_pages]") {
  std::vector<char> small(100, 'x');
  advise_huge_pages(small.data() + 1, small.size() - 1);
  advise_huge_pages(nullptr, 0);
  CHECK(small[50] == 'x');
}

}  // namespace remit
