// A post points at its placement, its service and directorate kept once by the program
// (interpreter/ast/placements.cpp): equal placements are one entry, whichever text they were
// read from, and an entry never moves while more are added.
#include <catch2/catch.hpp>
#include <memory>
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
    post.placement = program.placements.intern("Legal", "Corporate");
    copies.push_back(program);
  }  // the original is gone; the copy keeps its entries
  CHECK(copies[0].posts[0].service() == "Legal");
  CHECK(copies[0].posts[0].directorate() == "Corporate");
}

TEST_CASE("placements: what a copy adds stays out of the original", "[ast][placements]") {
  // As the CSV fuzzer does: one base program, copied for each input, the input's text gone
  // after each. The base must never hold a view of a copy's text.
  remit::ast::Program base;
  base.posts.emplace_back().placement = base.placements.intern("Legal", "Corporate");
  for (int round = 0; round < 3; ++round) {
    auto text = std::make_unique<std::string>("Finance,Resources");
    remit::ast::Program copy = base;
    const std::string_view t(*text);
    const Placement* added = copy.placements.intern(t.substr(0, 7), t.substr(8));
    CHECK(added->service == "Finance");
    CHECK(copy.posts[0].service() == "Legal");
    // The same words asked of the copy again: one entry.
    CHECK(copy.placements.intern(t.substr(0, 7), t.substr(8)) == added);
    text.reset();  // the copy's text is gone, as its sources would be
  }
  // Had the copies' entries gone into the base's, this would compare with freed text.
  const Placement* p = base.placements.intern("Finance", "Resources");
  CHECK(p->service == "Finance");
  remit::ast::Program assigned;
  assigned = base;
  CHECK(assigned.posts[0].directorate() == "Corporate");
}
