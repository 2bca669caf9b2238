// A span is a file and a byte offset; SourceSet works out its line and column when a message or
// a position needs them.
#include <catch2/catch.hpp>
#include <string>

#include "source/source.hpp"

using namespace remit;

namespace {

std::pair<std::uint32_t, std::uint32_t> at(const SourceSet& sources, FileId file,
                                           std::uint32_t offset) {
  const LineColumn p = sources.position(SourceSpan{file, offset});
  return {p.line, p.column};
}

}  // namespace

TEST_CASE("source: a span's line and column are worked out from its offset", "[source]") {
  SourceSet sources;
  const FileId file = sources.add("a.csv", "ab\ncd\r\n\nxyz");
  CHECK(at(sources, file, 0) == std::pair<std::uint32_t, std::uint32_t>{1, 1});
  CHECK(at(sources, file, 1) == std::pair<std::uint32_t, std::uint32_t>{1, 2});
  // A line break belongs to the line it ends; a CR is a byte of its line.
  CHECK(at(sources, file, 2) == std::pair<std::uint32_t, std::uint32_t>{1, 3});
  CHECK(at(sources, file, 3) == std::pair<std::uint32_t, std::uint32_t>{2, 1});
  CHECK(at(sources, file, 5) == std::pair<std::uint32_t, std::uint32_t>{2, 3});
  CHECK(at(sources, file, 7) == std::pair<std::uint32_t, std::uint32_t>{3, 1});
  CHECK(at(sources, file, 8) == std::pair<std::uint32_t, std::uint32_t>{4, 1});
  CHECK(at(sources, file, 11) == std::pair<std::uint32_t, std::uint32_t>{4, 4});  // the end
  CHECK(sources.where(SourceSpan{file, 9}) == "a.csv:4:2");
  const LineColumn none = sources.position(SourceSpan{});
  CHECK(none.line == 0);
  CHECK(none.column == 0);
  CHECK(sources.where(SourceSpan{}).empty());
}

TEST_CASE("source: each file has its own lines, and a copied set gives the same positions",
          "[source]") {
  SourceSet sources;
  const FileId one = sources.add("one.remit", "x\ny\n");
  const FileId two = sources.add("two.remit", "\n\n\nz");
  CHECK(at(sources, two, 3) == std::pair<std::uint32_t, std::uint32_t>{4, 1});
  const SourceSet copy = sources;
  CHECK(at(copy, one, 2) == std::pair<std::uint32_t, std::uint32_t>{2, 1});
  CHECK(at(copy, two, 3) == std::pair<std::uint32_t, std::uint32_t>{4, 1});
}

TEST_CASE("source: a byte order mark a policy's parser skipped is not counted in columns",
          "[source]") {
  SourceSet sources;
  const std::string text = "\xEF\xBB\xBFpost a\nb";
  const FileId policy = sources.add("p.remit", text);
  const FileId csv = sources.add("p.csv", text);
  sources.set_unshown_prefix(policy, 3);
  CHECK(at(sources, policy, 0) == std::pair<std::uint32_t, std::uint32_t>{1, 1});
  CHECK(at(sources, policy, 3) == std::pair<std::uint32_t, std::uint32_t>{1, 1});
  CHECK(at(sources, policy, 8) == std::pair<std::uint32_t, std::uint32_t>{1, 6});
  CHECK(at(sources, policy, 10) == std::pair<std::uint32_t, std::uint32_t>{2, 1});
  // An export's columns count every byte, the mark's too.
  CHECK(at(sources, csv, 3) == std::pair<std::uint32_t, std::uint32_t>{1, 4});
}

TEST_CASE("source: a span is eight bytes", "[source]") {
  CHECK(sizeof(SourceSpan) == 8);
}

TEST_CASE("source: lines are found as far as positions are asked, in any order", "[source]") {
  // Lines of several lengths, over more than the megabyte searched past an asked position.
  std::string text;
  for (int i = 0; text.size() < 3'500'000; ++i) text += std::string(1 + i % 37, 'x') + "\n";
  text += "last";
  SourceSet sources;
  const FileId file = sources.add("big.csv", text);
  auto counted = [&](std::uint32_t offset) {
    std::uint32_t line = 1, start = 0;
    for (std::uint32_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        start = i + 1;
      }
    }
    return std::pair<std::uint32_t, std::uint32_t>{line, offset - start + 1};
  };
  const auto size = static_cast<std::uint32_t>(text.size());
  for (std::uint32_t offset :
       {2'000'000u, 17u, 1'000'000u, 3'200'001u, size - 1, size, 0u, 1'048'577u, 3'100'000u}) {
    CAPTURE(offset);
    CHECK(at(sources, file, offset) == counted(offset));
  }
}
