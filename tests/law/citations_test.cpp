// Citations that fit the post: `cite designation` in a category cites, for each post, the
// citations of the designation the post holds (from its `designation … cite` declaration), so a
// chief finance officer's category 2 cites LGA 1972 s.151, not the Children Act 2004.
#include "resolve/citations.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "explain/explain.hpp"
#include "explain/plain.hpp"
#include "tests/support/policy_fixture.hpp"

namespace {

using Catch::Matchers::Contains;
using remit::test::first_line;
using remit::test::load_text;

const std::string statutory_chief_officers = R"remit(
designation section_151_officer "Chief finance officer" cite "LGA 1972 s.151" cite "LGHA 1989 s.2(6)"
designation director_of_childrens_services "DCS" cite "Children Act 2004 s.18" cite "LGHA 1989 s.2(6)"
post cfo "Director of Finance" { designated section_151_officer }
post dcs "Director of Children's Services" { designated director_of_childrens_services }
post both "Finance and Children" { designated section_151_officer, director_of_childrens_services }
post none "Officer"
category 2 "Statutory Chief Officers" {
  when designated section_151_officer, director_of_childrens_services
  cite "LGHA 1989 s.2(1)(b)"
  cite "LGHA 1989 s.2(6)"
  cite designation
}
)remit";

// The citation steps of the explanation of `id`'s listing, in order.
std::vector<std::string> citations(const remit::test::LoadedPolicy& p, const std::string& id) {
  auto u = p.run->resolved().organisation.find_unit(id);
  REQUIRE(u);
  std::vector<std::string> out;
  for (const remit::Reason& r : remit::explain_listing(*p.run, *u).because) {
    if (r.step == remit::Step::citation) out.push_back(r.text);
  }
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("law: a category cites the designation the post holds", "[law][cite]") {
  auto p = load_text(statutory_chief_officers);
  REQUIRE(p.ok);
  CHECK(citations(p, "cfo") == Texts{"LGHA 1989 s.2(1)(b)", "LGHA 1989 s.2(6)", "LGA 1972 s.151"});
  CHECK(citations(p, "dcs") ==
        Texts{"LGHA 1989 s.2(1)(b)", "LGHA 1989 s.2(6)", "Children Act 2004 s.18"});
  CHECK(citations(p, "both") == Texts{"LGHA 1989 s.2(1)(b)", "LGHA 1989 s.2(6)", "LGA 1972 s.151",
                                      "Children Act 2004 s.18"});
}

TEST_CASE("law: the category as a whole cites every designation it names", "[law][cite]") {
  auto p = load_text(statutory_chief_officers);
  REQUIRE(p.ok);
  Texts all;
  for (const remit::ast::Text& t :
       remit::category_citations(p.run->program(), p.run->resolved().organisation, 0)) {
    all.emplace_back(t.text);
  }
  CHECK(all == Texts{"LGHA 1989 s.2(1)(b)", "LGHA 1989 s.2(6)", "LGA 1972 s.151",
                     "Children Act 2004 s.18"});
}

TEST_CASE("law: the plain explanation cites only the post's own statute", "[law][cite]") {
  auto p = load_text(statutory_chief_officers);
  REQUIRE(p.ok);
  auto u = p.run->resolved().organisation.find_unit("cfo");
  REQUIRE(u);
  const std::string text = remit::plain_text(remit::explain_listing(*p.run, *u), *p.run);
  CHECK_THAT(text, Contains("LGA 1972 s.151"));
  CHECK_THAT(text, !Contains("Children Act"));
}

TEST_CASE("law: cite designation in a category that names no designation is an error",
          "[law][cite]") {
  auto p = load_text("category 7 \"Delegated\" {\n  when vacant\n  cite designation\n}\n");
  CHECK_FALSE(p.ok);
  CHECK(first_line(p.diagnostics()) ==
        "test.remit:3:3: error: 'cite designation' cites the designations a post holds that the "
        "category's criterion names, but the criterion of category 7 names none (write "
        "'designated …', or cite the law in quotes)");
}

TEST_CASE("law: a category without cite designation cites what it says", "[law][cite]") {
  auto p = load_text(R"remit(
designation section_151_officer "CFO" cite "LGA 1972 s.151"
post cfo "Director of Finance" { designated section_151_officer }
category 2 "SCO" { when designated section_151_officer cite "LGHA 1989 s.2(6)" }
)remit");
  REQUIRE(p.ok);
  CHECK(citations(p, "cfo") == Texts{"LGHA 1989 s.2(6)"});
}
