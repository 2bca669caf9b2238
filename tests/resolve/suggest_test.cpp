// "Did you mean …?" (interpreter/resolve/suggest.cpp): a Suggester answers many queries over
// one list of names, first by comparing every name, then from an index of the names and their
// one-letter deletions. Both must give the suggestion a plain comparison gives.
#include "resolve/suggest.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::string numbered(const char* prefix, int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%05d", prefix, i);
  return buf;
}

}  // namespace

TEST_CASE("a suggester finds each near miss among thousands of names", "[resolve][suggest]") {
  // 5,000 queries over 5,000 names: past the first few, the queries go through the index.
  constexpr int n = 5000;
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) names.push_back(numbered("person_", i));
  const std::vector<std::string_view> views(names.begin(), names.end());
  remit::Suggester suggester(views);
  int found = 0;
  for (int i = 0; i < n; ++i) {
    // A letter dropped, a letter doubled, a letter changed and two letters swapped, in turn.
    std::string typo = names[static_cast<std::size_t>(i)];
    switch (i % 4) {
      case 0:
        typo.erase(2, 1);
        break;
      case 1:
        typo.insert(3, 1, 's');
        break;
      case 2:
        typo[1] = 'a';
        break;
      default:
        std::swap(typo[3], typo[4]);
        break;
    }
    auto got = suggester.closest(typo);
    if (got && *got == names[static_cast<std::size_t>(i)]) ++found;
  }
  CHECK(found == n);
}

TEST_CASE("a suggester gives what one plain comparison gives", "[resolve][suggest]") {
  const std::vector<std::string_view> ids{"ceo", "dir_finance", "dir_place", "head_planning"};
  remit::Suggester suggester(ids);
  for (std::string_view word : {"coe", "dir_financ", "dir_plase", "head_plannnig", "treasurer"}) {
    INFO(word);
    CHECK(suggester.closest(word) == remit::closest(word, ids));
  }
  CHECK(suggester.did_you_mean("dir_plase") == " (did you mean 'dir_place'?)");
  CHECK(suggester.did_you_mean("treasurer").empty());
}

TEST_CASE("through the index, a name nothing is close to gets no suggestion",
          "[resolve][suggest]") {
  std::vector<std::string> names;
  for (int i = 0; i < 3000; ++i) names.push_back(numbered("p", i));
  const std::vector<std::string_view> views(names.begin(), names.end());
  remit::Suggester suggester(views);
  for (int i = 0; i < 20; ++i) (void)suggester.closest("zzzzzzzz");  // spends the plain search
  CHECK_FALSE(suggester.closest("treasurer").has_value());
  CHECK(suggester.closest("p0012") == std::optional<std::string_view>("p00012"));
}
