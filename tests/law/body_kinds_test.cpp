// Kinds of body (`body id "Label" kind K`): LGHA 1989 s.2(7)(c) counts only the authority itself
// and its committees and sub-committees; a joint committee or an outside body makes no one a
// chief officer, though a line to it still carries its share of the post's duties. And s.2(7)(a)
// (`responsible to S`): any line carrying duties to S, with no "all or most" test.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "explain/explain.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using Catch::Matchers::Contains;
using remit::test::first_line;
using remit::test::Ids;
using remit::test::load_text;

const std::string bodies = R"(
body council "Full Council" kind authority
body planning "Planning Committee" kind committee
body licensing_sub "Licensing Sub-Committee" kind sub_committee
body jc "Joint Waste Committee" kind joint_committee
body ijb "Integration Joint Board" kind integration_joint_board
body nhs "Health Board" kind nhs_body
body co "Trading Company" kind company
body other "Neighbouring Council" kind other_council
body trust "Leisure Trust" kind outside_body
body old "Cabinet"
post to_council "A" { reports to council }
post to_planning "B" { reports to planning }
post to_sub "C" { reports to licensing_sub }
post to_jc "D" { reports to jc }
post to_ijb "E" { reports to ijb }
post to_nhs "F" { reports to nhs }
post to_co "G" { reports to co }
post to_other "H" { reports to other }
post to_trust "I" { reports to trust }
post to_old "J" { reports to old }
post split "K" { reports to jc 60%, council 40% }
category 1 "C" { when vacant }
)";

}  // namespace

TEST_CASE("law: any body is the authority, its committees and sub-committees", "[law][body]") {
  auto p = load_text(bodies + "let b = any body\nlet chiefs = reports directly to any body\n");
  REQUIRE(p.ok);
  CHECK(p.set("b") == Ids{"council", "licensing_sub", "old", "planning"});
  CHECK(p.set("chiefs") == Ids{"to_council", "to_old", "to_planning", "to_sub"});
}

TEST_CASE("law: a line to a joint committee keeps its share of the duties", "[law][body]") {
  // 60% to the joint committee, 40% to the council: not all or most to the council.
  auto p = load_text(bodies + "let chiefs = reports directly to any body\n");
  REQUIRE(p.ok);
  const Ids chiefs = p.set("chiefs");
  CHECK(std::find(chiefs.begin(), chiefs.end(), "split") == chiefs.end());
}

TEST_CASE("law: body kind names the bodies of those kinds", "[law][body]") {
  auto p = load_text(bodies +
                     "let outside = body kind joint_committee, company, outside_body\n"
                     "let under_outside = reports directly to body kind integration_joint_board\n");
  REQUIRE(p.ok);
  CHECK(p.set("outside") == Ids{"co", "jc", "trust"});
  CHECK(p.set("under_outside") == Ids{"to_ijb"});
}

TEST_CASE("law: an unknown kind of body is an error that suggests the nearest", "[law][body]") {
  auto p = load_text("body jc \"JC\" kind joint_comittee\ncategory 1 \"C\" { when vacant }\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()),
             Contains("test.remit:1:19: error: unknown kind of body 'joint_comittee'"));
  CHECK_THAT(p.diagnostics(), Contains("did you mean 'joint_committee'?"));
  auto q = load_text("category 1 \"C\" { when reports directly to body kind compny }\n");
  CHECK_FALSE(q.ok);
  CHECK_THAT(first_line(q.diagnostics()),
             Contains("test.remit:1:53: error: unknown kind of body 'compny'"));
}

TEST_CASE("law: a post may still be called body", "[law][body]") {
  auto p = load_text("post body \"B\"\nlet b = body\ncategory 1 \"C\" { when vacant }\n");
  REQUIRE(p.ok);
  CHECK(p.set("b") == Ids{"body"});
}

TEST_CASE("law: the explanation names a body that does not count under s.2(7)", "[law][body]") {
  auto p = load_text(bodies + "category 3 \"NSCO\" { when reports directly to any body }\n");
  REQUIRE(p.ok);
  auto u = p.run->resolved().organisation.find_unit("to_jc");
  REQUIRE(u);
  std::uint32_t decl = 0;
  for (std::uint32_t c = 0; c < p.run->program().categories.size(); ++c) {
    if (p.run->program().categories[c].number == 3) decl = c;
  }
  const std::string text =
      remit::render_text(remit::explain_category(*p.run, *u, decl), p.run->sources());
  CHECK_THAT(text, Contains("is a joint committee, not the authority or a committee or "
                            "sub-committee of it (LGHA 1989 s.2(7)(c) counts only those)"));
}

TEST_CASE("law: responsible to counts a line of any share", "[law][responsible]") {
  auto p = load_text(R"(
post ceo "Chief Executive"
post d "Director" { reports to ceo }
post part "Part" { reports to ceo 30%, d 70% }
post acc "Accountable" { accountable to ceo 10%, d 90% }
post dot "Dotted" { reports to d dotted to ceo }
let resp = responsible to ceo
let most = reports directly to ceo
category 1 "C" { when vacant }
)");
  REQUIRE(p.ok);
  CHECK(p.set("resp") == Ids{"acc", "d", "part"});
  CHECK(p.set("most") == Ids{"d"});
}

TEST_CASE("law: the explanation of responsible to says no all-or-most test applies",
          "[law][responsible]") {
  auto p = load_text(R"(
post ceo "Chief Executive"
post d "Director" { reports to ceo }
post part "Part" { reports to ceo 30%, d 70% }
category 3 "NSCO" { when responsible to ceo }
)");
  REQUIRE(p.ok);
  auto u = p.run->resolved().organisation.find_unit("part");
  REQUIRE(u);
  const std::string text = remit::render_text(remit::explain_listing(*p.run, *u), p.run->sources());
  CHECK_THAT(text,
             Contains("it reports directly to ceo \"Chief Executive\" for 30% of its duties"));
  CHECK_THAT(text, Contains("a line of any share counts, with no test of all or most of its "
                            "duties (LGHA 1989 s.2(7)(a))"));
}

TEST_CASE("law: responsible without to is a syntax error", "[law][responsible]") {
  auto p = load_text("post ceo \"CEO\"\ncategory 3 \"N\" { when responsible ceo }\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()), Contains("test.remit:2:35: error: expected 'to'"));
}

TEST_CASE("law: an HR export's line to the council goes to the body of kind authority",
          "[law][body]") {
  remit::test::TempDir dir;
  const auto csv = dir.write(
      "structure.csv", "id,title,reports_to\nce,Chief Executive,Council\nd,Director,Council\n");
  remit::Inputs in = remit::test::text_inputs(
      "body planning \"Planning\" kind committee\n"
      "body members \"Members\" kind authority\n"
      "category 3 \"N\" { when reports directly to members }\n");
  in.structures.push_back(csv);
  auto p = remit::test::load_files(in);
  REQUIRE(p.ok);
  CHECK(p.restricted() == remit::test::Listing{{3, "ce"}, {3, "d"}});
}
