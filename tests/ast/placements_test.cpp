// A post points at its placement, its service and directorate kept once by the program
// (interpreter/ast/placements.cpp): equal placements are one entry, whichever text they were
// read from, and an entry never moves while more are added.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"

using remit::ast::Placement;
using remit::ast::Placements;

TEST_CASE("placements: equal ones are kept once, and none is 'nowhere'", "[ast][placements]") {
  Placements kept;
  // Two copies of the same words, as two rows of an export hold them.
  const std::string first = "Finance,Resources", second = "Finance,Resources";
  const std::string_view a(first), b(second);
  const Placement* p = kept.intern(a.substr(0, 7), a.substr(8));
  CHECK(p->service == "Finance");
  CHECK(p->directorate == "Resources");
  CHECK(kept.intern(b.substr(0, 7), b.substr(8)) == p);
  CHECK(kept.intern("Finance", "") != p);
  CHECK(kept.intern("", "Resources") != kept.intern("Resources", ""));
  CHECK(kept.intern("", "") == &remit::ast::nowhere);
  // An empty view may have no data at all, as a field left out of a row does.
  CHECK(kept.intern(std::string_view{}, std::string_view{}) == &remit::ast::nowhere);
  const Placement* no_service = kept.intern(std::string_view{}, "Resources");
  CHECK(no_service->service.empty());
  CHECK(kept.intern("", "Resources") == no_service);
  CHECK(remit::ast::PostDecl{}.service().empty());
  CHECK(remit::ast::PostDecl{}.directorate().empty());
}

TEST_CASE("placements: an entry stays where it is while thousands more are kept",
          "[ast][placements]") {
  Placements kept;
  std::vector<std::string> names;
  for (int i = 0; i < 5000; ++i) names.push_back("Service " + std::to_string(i));
  std::vector<const Placement*> first;
  for (const std::string& n : names) first.push_back(kept.intern(n, "D"));
  for (std::size_t i = 0; i < names.size(); ++i) {
    INFO(names[i]);
    CHECK(first[i]->service == names[i]);
    CHECK(kept.intern(names[i], "D") == first[i]);
  }
}

TEST_CASE("placements: a copy of a program reads its posts' placements", "[ast][placements]") {
  std::vector<remit::ast::Program> copies;
  {
    remit::ast::Program program;
    remit::ast::PostDecl& post = program.posts.emplace_back();
    post.placement = program.placements->intern("Legal", "Corporate");
    copies.push_back(program);
  }  // the original is gone; the copy shares its placements
  CHECK(copies[0].posts[0].service() == "Legal");
  CHECK(copies[0].posts[0].directorate() == "Corporate");
}
