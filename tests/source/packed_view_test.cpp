// A packed view (source/packed_view.hpp) reads as the string_view it was made from, and packs
// the records a million-post export makes a million of into fewer bytes.
#include "source/packed_view.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "ast/ast.hpp"

using remit::PackedView;

TEST_CASE("packed view: reads back the text it views, not a copy", "[source]") {
  const std::string text = "dir_housing reports to chief_exec";
  const PackedView v = std::string_view(text).substr(0, 11);
  CHECK(v.data() == text.data());
  CHECK(v.size() == 11);
  CHECK(v == "dir_housing");
  CHECK(v != "dir_housinG");
  CHECK(std::string_view(v) == "dir_housing");
  CHECK(v.front() == 'd');
  CHECK(v.back() == 'g');
  CHECK(v[4] == 'h');
  CHECK(v.substr(4) == "housing");
  CHECK(v.find('_') == 3);
  CHECK(v.find("sing") == 7);
  CHECK(v.starts_with("dir_"));
  CHECK(v.ends_with('g'));
  CHECK(std::string(v.begin(), v.end()) == "dir_housing");
  std::ostringstream out;
  out << v;
  CHECK(out.str() == "dir_housing");
}

TEST_CASE("packed view: orders and compares as string_view does", "[source]") {
  const PackedView a = std::string_view("alpha");
  const PackedView b = std::string_view("beta");
  CHECK(a < b);
  CHECK(b > a);
  CHECK(a == PackedView(std::string_view("alpha")));
  CHECK(a != b);
  CHECK("alpha" == a);
  CHECK((a <=> std::string_view("alpha")) == std::strong_ordering::equal);
  CHECK(std::string_view("beta") == b);
}

TEST_CASE("packed view: a default one is empty, as a default string_view is", "[source]") {
  const PackedView v;
  CHECK(v.empty());
  CHECK(v.size() == 0);
  CHECK(v.data() == std::string_view().data());
  CHECK(v == "");
}

TEST_CASE("packed view: the records of an export have no padding left", "[source]") {
  // The figures of bench/README.md, "Performance VII", rest on these sizes.
  CHECK(sizeof(PackedView) == 12);
  CHECK(alignof(PackedView) == 4);
  CHECK(sizeof(remit::ast::Name) == 20);
  CHECK(sizeof(remit::ast::LineDecl) == 24);
  CHECK(sizeof(remit::ast::Holding) == 24);
  CHECK(sizeof(remit::ast::PostDecl) == 56);
  CHECK(sizeof(remit::ast::PersonDecl) == 32);
}
