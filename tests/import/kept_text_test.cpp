#include "import/kept_text.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

TEST_CASE("kept text: a text rows repeat is copied once and found again as the table grows",
          "[import][memory]") {
  remit::TextArena arena;
  remit::KeptText kept(arena);
  // More distinct texts than the first table holds (1,024 slots, three quarters full).
  std::vector<std::string> texts;
  for (int i = 0; i < 5000; ++i) texts.push_back("Team Leader " + std::to_string(i));
  std::vector<std::string_view> first;
  for (const std::string& t : texts) first.push_back(kept.shared(t));
  for (std::size_t i = 0; i < texts.size(); ++i) {
    INFO(texts[i]);
    const std::string_view again = kept.shared(std::string(texts[i]));
    CHECK(again == texts[i]);
    CHECK(again.data() == first[i].data());
    CHECK(again.data() != texts[i].data());  // a copy, not the text asked with
  }
  CHECK(kept.shared("").empty());
}

TEST_CASE("kept text: texts found later are answered once each in the order asked",
          "[import][memory]") {
  remit::TextArena arena;
  remit::KeptText kept(arena);
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i) texts.push_back("Officer " + std::to_string(i % 97));
  std::vector<std::pair<std::uint32_t, std::string_view>> answers;
  auto done = [&](std::uint32_t key, std::string_view k) { answers.emplace_back(key, k); };
  for (std::uint32_t i = 0; i < texts.size(); ++i) {
    kept.shared_later(i, texts[i], done);
    CHECK(answers.size() + 16 >= i + 1);  // only a few wait at once
  }
  kept.finish(done);
  REQUIRE(answers.size() == texts.size());
  for (std::uint32_t i = 0; i < texts.size(); ++i) {
    INFO(i);
    CHECK(answers[i].first == i);
    CHECK(answers[i].second == texts[i]);
    CHECK(answers[i].second.data() == kept.shared(texts[i]).data());
  }
  kept.finish(done);  // nothing left waiting
  CHECK(answers.size() == texts.size());
}

TEST_CASE("kept text: past the table's limit new texts are still copied and kept ones found",
          "[import][memory]") {
  // The table stops at 196,608 texts (kept_text.hpp): an export whose every title is its own
  // would otherwise grow it to tens of megabytes.
  remit::TextArena arena;
  remit::KeptText kept(arena);
  const std::string first = "Chief Executive";
  const std::string_view kept_first = kept.shared(first);
  std::size_t wrong = 0;
  for (int i = 0; i < 250000; ++i) {
    const std::string t = "Officer ref " + std::to_string(i);
    if (kept.shared(t) != t) ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(kept.shared(std::string(first)).data() == kept_first.data());  // still found
  const std::string late = "Officer ref 249999";
  const std::string_view a = kept.shared(late);
  CHECK(a == late);
  CHECK(a.data() != late.data());  // a copy, even when it is no longer kept for others
}
