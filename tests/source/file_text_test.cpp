// A plain file's text is mapped rather than read (source/file_text.hpp), and its pages may leave
// memory once read: what is read from it afterwards must be what the file holds, always.
#include "source/file_text.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "import/csv_reader.hpp"
#include "source/source.hpp"
#include "source/text_arena.hpp"
#include "tests/support/temp_dir.hpp"

using namespace remit;

namespace {

// How many kB of the mapping that holds `p` are in this process's memory, from
// /proc/self/smaps (Linux): what letting pages go changes, whatever the page cache holds.
std::size_t resident_kb(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
    } else if (inside && line.rfind("Rss:", 0) == 0) {
      return std::stoul(line.substr(4));
    }
  }
  return 0;
}

}  // namespace

TEST_CASE("a mapped file reads the same after its pages are let go", "[source][file_text]") {
  test::TempDir dir;
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "row " + std::to_string(i) + ",a title,a service\n";
  REQUIRE(text.size() > 4u << 20);  // several megabytes: pages to let go
  auto mapped = FileText::map(dir.write("big.csv", text));
  REQUIRE(mapped);
  CHECK(mapped->mapped());
  CHECK(mapped->view() == text);
  mapped->release(0, text.size() / 2);
  CHECK(mapped->view() == text);  // the first half is read from the file again
  mapped->release_all();
  CHECK(mapped->view() == text);
  // And through a SourceSet: positions and lines are found in the mapped text.
  SourceSet sources;
  const FileId f = sources.add("big.csv", std::move(*mapped));
  sources.release(f, 0, text.size());
  const auto at = static_cast<std::uint32_t>(text.find("row 150000,"));
  CHECK(sources.where(SourceSpan{f, at}) == "big.csv:150001:1");
  CHECK(sources.line_text(SourceSpan{f, at}) == "row 150000,a title,a service");
}

TEST_CASE("pages read are let go: by a reader as it goes, and after finding the lines",
          "[source][file_text]") {
  test::TempDir dir;
  std::string text;
  for (int i = 0; i < 400000; ++i) text += "row " + std::to_string(i) + ",a title,a service\n";
  auto mapped = FileText::map(dir.write("big.csv", text));
  REQUIRE(mapped);
  const std::size_t all_kb = text.size() / 1024;
  std::size_t sum = 0;
  for (char c : mapped->view()) sum += static_cast<unsigned char>(c);  // every page read
  CHECK(sum > 0);
  CHECK(resident_kb(mapped->view().data()) > all_kb / 2);
  mapped->release_all();
  CHECK(resident_kb(mapped->view().data()) < all_kb / 8);
  SourceSet sources;
  const FileId f = sources.add("big.csv", std::move(*mapped));
  const char* data = sources.file(f).text.data();
  // A CSV reader lets the rows it has read go, a megabyte at a time.
  csv::Reader reader(sources, f);
  csv::Row row;
  std::size_t rows = 0;
  while (reader.next(row) == csv::Reader::Status::row) ++rows;
  CHECK(rows == 400000);
  CHECK(resident_kb(data) < all_kb / 4);
  // Finding the lines reads the whole text again, and lets it go as it passes.
  CHECK(sources.where(SourceSpan{f, static_cast<std::uint32_t>(text.size() - 5)}) ==
        "big.csv:400000:" + std::to_string(text.size() - 5 - text.rfind('\n', text.size() - 2)));
  CHECK(resident_kb(data) < all_kb / 8);
}

TEST_CASE("what cannot be mapped is read instead", "[source][file_text]") {
  test::TempDir dir;
  CHECK_FALSE(FileText::map(dir.write("empty.csv", "")));  // nothing to map
  CHECK_FALSE(FileText::map(dir.path()));                  // a directory
  CHECK_FALSE(FileText::map(dir / "missing.csv"));
  FileText read(std::string("id,title\n"));
  CHECK_FALSE(read.mapped());
  read.release(0, 100);  // a string's text cannot be read again: nothing is let go
  CHECK(read.view() == "id,title\n");
}

TEST_CASE("an arena's copies stay where they are as it grows", "[source][text_arena]") {
  TextArena arena;
  CHECK(arena.copy("").empty());
  std::vector<std::string_view> copies;
  for (int i = 0; i < 1000000; ++i) copies.push_back(arena.copy("id-" + std::to_string(i)));
  const std::string long_text(5u << 20, 'x');  // longer than a quarter block: a block of its own
  const std::string_view long_copy = arena.copy(long_text);
  copies.push_back(arena.copy("after"));
  for (int i = 0; i < 1000000; i += 997) CHECK(copies[i] == "id-" + std::to_string(i));
  CHECK(long_copy == long_text);
  CHECK(copies.back() == "after");
  CHECK(arena.capacity() >= 8u << 20);
}
