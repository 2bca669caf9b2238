// A unit keeps its flags in the low bits of its declaration's address (resolve/organisation.hpp):
// each flag is set and cleared alone, and the declaration reads back unchanged.
#include <catch2/catch.hpp>

#include "resolve/organisation.hpp"

namespace remit {
namespace {

TEST_CASE("unit: a post's flags leave its declaration and each other alone", "[resolve][unit]") {
  ast::PostDecl decl;
  decl.id.text = "P1";
  decl.title = "Chief Executive";
  decl.vacant = true;
  Unit u = Unit::of(decl);
  CHECK(u.post() == &decl);
  CHECK(u.body() == nullptr);
  CHECK_FALSE(u.is_body());
  CHECK(u.vacant());
  CHECK_FALSE(u.removed());
  CHECK(u.id() == "P1");
  CHECK(u.title() == "Chief Executive");

  u.set_removed();
  CHECK(u.removed());
  CHECK(u.vacant());
  CHECK(u.post() == &decl);

  u.set_vacant(false);
  CHECK_FALSE(u.vacant());
  CHECK(u.removed());
  CHECK_FALSE(u.is_body());
  CHECK(u.post() == &decl);

  u.set_vacant(true);
  CHECK(u.vacant());
  CHECK(u.id() == "P1");
}

TEST_CASE("unit: a body is not a post, and a post not declared vacant is not", "[resolve][unit]") {
  ast::BodyDecl body;
  body.id.text = "council";
  body.label.text = "The Council";
  const Unit b = Unit::of(body);
  CHECK(b.is_body());
  CHECK(b.body() == &body);
  CHECK(b.post() == nullptr);
  CHECK_FALSE(b.vacant());
  CHECK_FALSE(b.removed());
  CHECK(b.id() == "council");
  CHECK(b.title() == "The Council");
  CHECK(b.service().empty());

  ast::PostDecl post;
  post.id.text = "P2";
  const Unit p = Unit::of(post);
  CHECK_FALSE(p.vacant());
  CHECK_FALSE(p.is_body());

  const Unit none;
  CHECK(none.id().empty());
  CHECK_FALSE(none.is_body());
}

}  // namespace
}  // namespace remit
