// Set semantics (interpreter/evaluate/evaluator.cpp): the exact set each operator gives on small
// hand-made organisations, how categories use each other, precedence and `--all`.
#include <catch2/catch.hpp>
#include <string>

#include "evaluate/rules.hpp"
#include "tests/support/policy_fixture.hpp"

using remit::test::Ids;
using remit::test::Listing;
using remit::test::load_text;

namespace {

// A small council. Lines of management (dotted lines in brackets):
//
//   council (body)                      committee (body)
//   └─ ceo  (head of paid service)      └─ auditor (accountable to)
//      ├─ dir_a  (delegated powers)  ── [pa_ceo dotted to ceo]
//      │  └─ head_a1 ── officer
//      ├─ dir_b
//      │  └─ head_b1 (clerical) ── pa
//      ├─ split: 60% to dir_a, 40% to dir_b
//      └─ even:  50% to dir_a, 50% to dir_b
//   spare (vacant, no lines)
const std::string org = R"remit(use "uk/roles"
body council "Full Council"
body committee "Audit Committee"
person p_smith "Pat Smith" { holds ceo }
person p_jones "Jo Jones" { holds interim dir_a }
post ceo "Chief Executive" {
  service "Chief Executive's Office"
  directorate "Corporate"
  reports to council
  designated head_of_paid_service
}
post dir_a "Director of Adults" {
  service "Adults"
  directorate "People"
  reports to ceo
  duties delegated_powers
}
post dir_b "Director of Place" {
  service "Planning"
  directorate "Place"
  reports to ceo
}
post head_a1 "Head of Care" {
  service "Adults"
  directorate "People"
  reports to dir_a
}
post officer "Care Officer" {
  service "Adult Care"
  directorate "People"
  reports to head_a1
}
post head_b1 "Head of Planning" {
  service "Planning"
  directorate "Place"
  reports to dir_b
  duties clerical
}
post pa "Planning Assistant" {
  reports to head_b1
  dotted to ceo
}
post pa_ceo "Assistant to the Chief Executive" { dotted to ceo }
post split "Joint Head (60/40)" { reports to dir_a 60%, dir_b 40% }
post even "Joint Head (50/50)" { reports to dir_a, dir_b }
post auditor "Internal Auditor" { accountable to committee }
post spare "Spare Director" { vacant }
)remit";

const Ids all_posts{"auditor", "ceo",     "dir_a", "dir_b",  "even",  "head_a1",
                    "head_b1", "officer", "pa",    "pa_ceo", "spare", "split"};

// The organisation above plus `lets`, loaded; fails the test if it does not load.
remit::test::LoadedPolicy with(const std::string& lets) {
  auto p = load_text(org + lets);
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  return p;
}

}  // namespace

TEST_CASE("designated: the posts with any of the designations", "[evaluate][sets]") {
  auto p = with(
      "let one = designated head_of_paid_service\n"
      "let none = designated monitoring_officer\n");
  CHECK(p.set("one") == Ids{"ceo"});
  CHECK(p.set("none").empty());
}

TEST_CASE("duty: the posts with any of the duties", "[evaluate][sets]") {
  auto p = with(
      "let clerical = duty clerical\n"
      "let either = duty clerical, delegated_powers\n");
  CHECK(p.set("clerical") == Ids{"head_b1"});
  CHECK(p.set("either") == Ids{"dir_a", "head_b1"});
}

TEST_CASE("category: the posts that meet the category's criterion", "[evaluate][sets]") {
  auto p = with(
      "category 1 \"Head\" { when designated head_of_paid_service }\n"
      "category 2 \"Everything\" { when any body or designated head_of_paid_service }\n"
      "let one = category 1\n"
      "let both = category 1, 2\n");
  CHECK(p.set("one") == Ids{"ceo"});
  // A category holds posts only: the bodies its criterion names are dropped.
  CHECK(p.set("both") == Ids{"ceo"});
}

TEST_CASE("reports directly to: lines carrying over half of the duties", "[evaluate][sets]") {
  auto p = with(
      "let to_ceo = reports directly to ceo\n"
      "let to_a = reports directly to dir_a\n"
      "let to_b = reports directly to dir_b\n"
      "let to_a_or_b = reports directly to (dir_a or dir_b)\n"
      "let to_body = reports directly to any body\n"
      "let to_committee = reports directly to committee\n");
  SECTION("a single line carries all the duties; dotted lines carry none") {
    CHECK(p.set("to_ceo") == Ids{"dir_a", "dir_b"});  // not pa or pa_ceo (dotted)
  }
  SECTION("a 60/40 split: the 60% side only") {
    CHECK(p.set("to_a") == Ids{"head_a1", "split"});
    CHECK(p.set("to_b") == Ids{"head_b1"});
  }
  SECTION("a 50/50 split: neither side alone") {
    CHECK(p.set("to_a") == Ids{"head_a1", "split"});  // no `even`
    CHECK(p.set("to_b") == Ids{"head_b1"});
  }
  SECTION("two lines into the same set add up") {
    CHECK(p.set("to_a_or_b") == Ids{"even", "head_a1", "head_b1", "split"});
  }
  SECTION("reporting and accountable lines to a body") {
    CHECK(p.set("to_body") == Ids{"auditor", "ceo"});
    CHECK(p.set("to_committee") == Ids{"auditor"});
  }
}

TEST_CASE("reports directly to: shares in detail", "[evaluate][sets][shares]") {
  auto p = load_text(R"remit(post x "X"
post y "Y"
post z "Z"
post t30 "30/30/40" { reports to x 30%, y 30%, z 40% }
post rest "50% and two equal rests" { reports to x 50%, y, z }
post most "51/49" { reports to x 51%, y 49% }
post acct "Accountable 60%" { reports to x 40% accountable to y 60% }
post dot "Reports and dotted" { reports to x dotted to y }
post dot2 "Two reports, one dotted" { reports to x, y dotted to z }
post part "Only part of its duties" { reports to x 30% }
let to_x = reports directly to x
let to_y = reports directly to y
let to_xy = reports directly to (x or y)
let to_yz = reports directly to (y or z)
)remit");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  // x takes 30+50+51+40+100+50+30 of: t30, rest, most, acct, dot, dot2, part; only over 50% counts.
  CHECK(p.set("to_x") == Ids{"dot", "most"});
  // Accountable lines carry duties like reporting lines; a dotted line to y adds nothing.
  CHECK(p.set("to_y") == Ids{"acct"});
  // Two lines into one set: 30+30, 50+25, 51+49, 40+60, 50+50 (dot2's dotted line is not a third).
  CHECK(p.set("to_xy") == Ids{"acct", "dot", "dot2", "most", "rest", "t30"});
  // The lines without a share split what is left equally: rest gives y and z 25% each.
  CHECK(p.set("to_yz") == Ids{"acct", "t30"});
}

TEST_CASE("reports to: everywhere below, through lines that carry duties", "[evaluate][sets]") {
  auto p = with(
      "let below_ceo = reports to ceo\n"
      "let below_a = reports to dir_a\n"
      "let below_b = reports to dir_b\n"
      "let below_council = reports to council\n"
      "let below_officer = reports to officer\n");
  // pa is below ceo through head_b1 and dir_b, not through its dotted line; pa_ceo is not.
  CHECK(p.set("below_ceo") ==
        Ids{"dir_a", "dir_b", "even", "head_a1", "head_b1", "officer", "pa", "split"});
  // Any line that carries duties leads below, whatever its share.
  CHECK(p.set("below_a") == Ids{"even", "head_a1", "officer", "split"});
  CHECK(p.set("below_b") == Ids{"even", "head_b1", "pa", "split"});
  CHECK(p.set("below_council") ==
        Ids{"ceo", "dir_a", "dir_b", "even", "head_a1", "head_b1", "officer", "pa", "split"});
  CHECK(p.set("below_officer").empty());
}

TEST_CASE("reports within N of: at most N lines below", "[evaluate][sets]") {
  auto p = with(
      "let one = reports within 1 of ceo\n"
      "let two = reports within 2 of ceo\n"
      "let three = reports within 3 of ceo\n"
      "let many = reports within 100 of ceo\n"
      "let all_below = reports to ceo\n");
  CHECK(p.set("one") == Ids{"dir_a", "dir_b"});
  CHECK(p.set("two") == Ids{"dir_a", "dir_b", "even", "head_a1", "head_b1", "split"});
  CHECK(p.set("three") ==
        Ids{"dir_a", "dir_b", "even", "head_a1", "head_b1", "officer", "pa", "split"});
  CHECK(p.set("many") == p.set("all_below"));
}

// Regression: the number of levels was once read back from the matched text, so a digit in a
// comment between `within` and the number was taken for it (3 levels, not 1).
TEST_CASE("reports within N of: a comment before N does not change N", "[evaluate][sets]") {
  auto p = with(
      "let one = reports within # at most 3 levels? no: one\n"
      "  1 of ceo\n");
  CHECK(p.set("one") == Ids{"dir_a", "dir_b"});
}

TEST_CASE("manages: the units with a direct report in the set", "[evaluate][sets]") {
  auto p = with(
      "let of_officer = manages officer\n"
      "let of_split = manages split\n"
      "let of_pa = manages pa\n"
      "let of_ceo = manages ceo\n"
      "let of_nothing = manages spare\n");
  CHECK(p.set("of_officer") == Ids{"head_a1"});
  CHECK(p.set("of_split") == Ids{"dir_a", "dir_b"});  // both sides of a split manage it
  CHECK(p.set("of_pa") == Ids{"head_b1"});            // not ceo: the dotted line
  CHECK(p.set("of_ceo") == Ids{"council"});           // a body manages too
  CHECK(p.set("of_nothing").empty());
}

TEST_CASE("in directorate / in service: exact match - title contains: substring",
          "[evaluate][sets]") {
  auto p = with(
      "let people = in directorate \"People\"\n"
      "let peop = in directorate \"Peop\"\n"
      "let adults = in service \"Adults\"\n"
      "let no_service = in service \"\"\n"
      "let directors = title contains \"Director\"\n"
      "let lower = title contains \"director\"\n"
      "let audit = title contains \"Audit\"\n");
  CHECK(p.set("people") == Ids{"dir_a", "head_a1", "officer"});
  CHECK(p.set("peop").empty());
  CHECK(p.set("adults") == Ids{"dir_a", "head_a1"});  // not "Adult Care"
  CHECK(p.set("no_service") == Ids{"auditor", "even", "pa", "pa_ceo", "spare", "split"});
  CHECK(p.set("directors") == Ids{"dir_a", "dir_b", "spare"});
  CHECK(p.set("lower").empty());  // case matters
  // "Audit Committee" is a body's label: text matches look at posts only.
  CHECK(p.set("audit") == Ids{"auditor"});
}

TEST_CASE("vacant, has holder", "[evaluate][sets]") {
  auto p = with(
      "let vacancies = vacant\n"
      "let held = has holder\n"
      "let neither = not vacant and not has holder\n");
  CHECK(p.set("vacancies") == Ids{"spare"});
  CHECK(p.set("held") == Ids{"ceo", "dir_a"});  // an interim holder counts
  CHECK(p.set("neither") ==
        Ids{"auditor", "dir_b", "even", "head_a1", "head_b1", "officer", "pa", "pa_ceo", "split"});
}

TEST_CASE("any body, any post, a named post or body", "[evaluate][sets]") {
  auto p = with(
      "let bodies = any body\n"
      "let posts = any post\n"
      "let one_post = dir_b\n"
      "let one_body = committee\n");
  CHECK(p.set("bodies") == Ids{"committee", "council"});
  CHECK(p.set("posts") == all_posts);
  CHECK(p.set("one_post") == Ids{"dir_b"});
  CHECK(p.set("one_body") == Ids{"committee"});
}

TEST_CASE("a let names a set - lets may use lets declared later", "[evaluate][sets]") {
  auto p = with(
      "let chiefs = directors and reports directly to ceo\n"
      "let directors = title contains \"Director\"\n"
      "let same = chiefs\n");
  CHECK(p.set("chiefs") == Ids{"dir_a", "dir_b"});
  CHECK(p.set("same") == Ids{"dir_a", "dir_b"});
}

TEST_CASE("and binds tighter than or - not binds tightest", "[evaluate][sets]") {
  auto p = with(
      "let a_or_b_and_c = dir_b or dir_a and duty delegated_powers\n"
      "let explicit_left = (dir_b or dir_a) and duty delegated_powers\n"
      "let explicit_right = dir_b or (dir_a and duty delegated_powers)\n"
      "let b_and_c_or_a = dir_a and duty delegated_powers or dir_b\n"
      "let not_and = not dir_a and reports directly to ceo\n"
      "let not_paren = not (dir_a and reports directly to ceo)\n"
      "let not_posts = not ceo\n"
      "let double = not (not dir_a)\n");
  CHECK(p.set("a_or_b_and_c") == Ids{"dir_a", "dir_b"});
  CHECK(p.set("a_or_b_and_c") == p.set("explicit_right"));
  CHECK(p.set("explicit_left") == Ids{"dir_a"});
  CHECK(p.set("b_and_c_or_a") == Ids{"dir_a", "dir_b"});
  CHECK(p.set("not_and") == Ids{"dir_b"});
  Ids all_but_dir_a = all_posts;
  all_but_dir_a.erase(std::find(all_but_dir_a.begin(), all_but_dir_a.end(), "dir_a"));
  CHECK(p.set("not_paren") == all_but_dir_a);
  // `not` is relative to the posts: no body is ever in a `not` set.
  Ids all_but_ceo = all_posts;
  all_but_ceo.erase(std::find(all_but_ceo.begin(), all_but_ceo.end(), "ceo"));
  CHECK(p.set("not_posts") == all_but_ceo);
  CHECK(p.set("double") == Ids{"dir_a"});
}

TEST_CASE("operands of reports/manages nest", "[evaluate][sets]") {
  auto p = with(
      "let grand = reports directly to reports directly to ceo\n"
      "let managers_of_managers = manages manages officer\n");
  // even: 50% to dir_a and 50% to dir_b, all of it into the set.
  CHECK(p.set("grand") == Ids{"even", "head_a1", "head_b1", "split"});
  CHECK(p.set("managers_of_managers") == Ids{"dir_a"});
}

TEST_CASE("categories may use categories declared in any order", "[evaluate][categories]") {
  // Category 4 uses 3, declared after it; 3 uses 1, declared last.
  auto p = with(
      "category 4 \"Deputies\" { when reports directly to category 3 and not category 1, 3 }\n"
      "category 3 \"Chiefs\" { when reports directly to category 1 and not duty clerical }\n"
      "category 1 \"Head\" { when designated head_of_paid_service }\n");
  CHECK(p.restricted() == Listing{{1, "ceo"},
                                  {3, "dir_a"},
                                  {3, "dir_b"},
                                  {4, "even"},
                                  {4, "head_a1"},
                                  {4, "head_b1"},
                                  {4, "split"}});
}

TEST_CASE("a post is listed in the first category of the precedence it meets",
          "[evaluate][categories]") {
  const std::string categories =
      "category 1 \"Head\" { when designated head_of_paid_service }\n"
      "category 2 \"Under the council\" { when reports directly to council }\n"
      "category 3 \"Directors\" { when title contains \"Director\" }\n";
  SECTION("without a precedence statement the lowest number wins") {
    auto p = with(categories);
    CHECK(p.restricted() == Listing{{1, "ceo"}, {3, "dir_a"}, {3, "dir_b"}, {3, "spare"}});
  }
  SECTION("precedence picks the category") {
    auto p = with(categories + "precedence 2, 3, 1\n");
    CHECK(p.restricted() == Listing{{2, "ceo"}, {3, "dir_a"}, {3, "dir_b"}, {3, "spare"}});
  }
  SECTION("listing is ordered by category number, not by precedence") {
    auto p = with(categories + "precedence 3, 1, 2\n");
    CHECK(p.restricted() == Listing{{1, "ceo"}, {3, "dir_a"}, {3, "dir_b"}, {3, "spare"}});
  }
}

TEST_CASE("restricted_posts(all): every category each post meets", "[evaluate][categories]") {
  auto p = with(
      "category 1 \"Head\" { when designated head_of_paid_service }\n"
      "category 2 \"Under the council\" { when reports directly to council }\n"
      "category 3 \"Delegated\" { when duty delegated_powers }\n"
      "category 4 \"Under a chief\" { when reports directly to category 1 }\n"
      "precedence 2, 1, 3, 4\n");
  CHECK(p.restricted(false) == Listing{{2, "ceo"}, {3, "dir_a"}, {4, "dir_b"}});
  CHECK(p.restricted(true) ==
        Listing{{1, "ceo"}, {2, "ceo"}, {3, "dir_a"}, {4, "dir_a"}, {4, "dir_b"}});
}

TEST_CASE("a post reporting to a body: reports directly to any body", "[evaluate][categories]") {
  auto p = load_text(R"remit(body council "Full Council"
body committee "Standards Committee"
post ceo "Chief Executive" { reports to council }
post clerk "Committee Clerk" { accountable to committee }
post adviser "Adviser" { dotted to council }
post half "Half for the council" { reports to council 50%, ceo 50% }
category 3 "Reports to a body" { when reports directly to any body }
)remit");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{3, "ceo"}, {3, "clerk"}});
}

TEST_CASE("numeric post ids are listed in numeric order", "[evaluate][categories]") {
  auto p = load_text(R"remit(post 100 "A"
post 9 "B"
post 20 "C"
post x1 "D"
category 1 "All" { when any post }
)remit");
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{1, "9"}, {1, "20"}, {1, "100"}, {1, "x1"}});
}

// Regression: Run::restricted_posts once sorted all-digit ids as numbers and others as text, which
// is not a strict weak ordering (9 < 10 as numbers, 10 < 10a < 9 as text), so the order depended
// on the order the posts were declared in.
TEST_CASE("post ids mixing numbers and letters are listed in one order, however declared",
          "[evaluate][categories]") {
  std::vector<std::string> ids{"10", "10a", "9"};
  std::vector<Listing> seen;
  do {
    std::string text;
    for (const std::string& id : ids) text += "post " + id + " \"P" + id + "\"\n";
    auto p = load_text(text + "category 1 \"All\" { when any post }\n");
    REQUIRE(p.ok);
    seen.push_back(p.restricted());
  } while (std::next_permutation(ids.begin(), ids.end()));
  for (const Listing& l : seen) CHECK(l == seen.front());
}

TEST_CASE("an empty organisation lists nothing and breaks no count rule it meets",
          "[evaluate][categories]") {
  auto p = load_text(
      "category 1 \"All\" { when any post }\n"
      "require \"none\" { count any post = 0 }\n"
      "require \"one\" { count any post = 1 }\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted().empty());
  const remit::Breaches& b = p.run->breaches();
  REQUIRE(b.rules.size() == 1);
  CHECK(p.run->program().rules[b.rules[0].rule].name.text == "one");
}

// The organisation and the table of set forms in docs/language.md, section 11, checked row by
// row: what the language reference promises is what remit does.
TEST_CASE("the set forms of the language reference give the documented results",
          "[evaluate][sets][docs]") {
  auto p = load_text(R"remit(use "uk/lgha1989"
authority "Example District Council"
body council "Full Council"
body audit "Audit Committee"

post ceo "Chief Executive" {
  reports to council
  designated head_of_paid_service
  holder p_khan
}
post pa_ceo "PA to the Chief Executive" {
  reports to ceo
  duties clerical
}
post dir_fin "Director of Finance" {
  service "Finance"
  directorate "Resources"
  reports to ceo
  designated section_151_officer
}
post head_audit "Head of Internal Audit" {
  service "Audit"
  directorate "Resources"
  reports to dir_fin 40%
  accountable to audit 60%
}
post dir_place "Director of Place" {
  directorate "Place"
  reports to ceo
}
post head_planning "Head of Planning" {
  service "Planning"
  directorate "Place"
  reports to dir_place
  duties delegated_powers
}
post planning_officer "Planning Officer" {
  service "Planning"
  directorate "Place"
  reports to head_planning
  vacant
}
person p_khan "Aisha Khan"

let r01 = designated head_of_paid_service
let r02 = designated head_of_paid_service, section_151_officer
let r03 = duty clerical
let r04 = duty delegated_powers, clerical
let r05 = category 3
let r06 = category 2, 3
let r07 = reports directly to ceo
let r08 = reports directly to any body
let r09 = reports directly to dir_fin
let r10 = reports to dir_place
let r11 = reports within 1 of ceo
let r12 = reports within 2 of ceo
let r13 = manages head_planning
let r14 = manages head_audit
let r15 = in directorate "Place"
let r16 = in service "Planning"
let r17 = title contains "Head"
let r18 = vacant
let r19 = has holder
let r20 = any post
let r21 = dir_fin
let r22 = chief_officers
let r23 = not category 3
let r24 = not category 3 and reports to ceo
let r25 = dir_fin or dir_place
let r26 = not (category 3 and reports to ceo)
let r27 = category 3 or category 4 and in directorate "Place"
let r28 = (category 3 or category 4) and in directorate "Place"
let r29 = reports directly to category 1 or any body
let r30 = reports directly to (category 1 or any body)
let r31 = not duty clerical, delegated_powers
)remit");
  INFO(p.diagnostics());
  REQUIRE(p.ok);

  CHECK(p.set("r01") == Ids{"ceo"});
  CHECK(p.set("r02") == Ids{"ceo", "dir_fin"});
  CHECK(p.set("r03") == Ids{"pa_ceo"});
  CHECK(p.set("r04") == Ids{"head_planning", "pa_ceo"});
  CHECK(p.set("r05") == Ids{"dir_place", "head_audit"});
  CHECK(p.set("r06") == Ids{"dir_fin", "dir_place", "head_audit"});
  CHECK(p.set("r07") == Ids{"dir_fin", "dir_place", "pa_ceo"});
  CHECK(p.set("r08") == Ids{"ceo", "head_audit"});
  CHECK(p.set("r09").empty());  // head_audit has only 40% there
  CHECK(p.set("r10") == Ids{"head_planning", "planning_officer"});
  CHECK(p.set("r11") == Ids{"dir_fin", "dir_place", "pa_ceo"});
  CHECK(p.set("r12") == Ids{"dir_fin", "dir_place", "head_audit", "head_planning", "pa_ceo"});
  CHECK(p.set("r13") == Ids{"dir_place"});
  // The reference lists the posts (dir_fin); the set also holds the Audit Committee, which
  // head_audit is accountable to for 60% of its duties ("manages" can hold bodies).
  CHECK(p.set("r14") == Ids{"audit", "dir_fin"});
  CHECK(p.set("r15") == Ids{"dir_place", "head_planning", "planning_officer"});
  CHECK(p.set("r16") == Ids{"head_planning", "planning_officer"});
  CHECK(p.set("r17") == Ids{"head_audit", "head_planning"});
  CHECK(p.set("r18") == Ids{"planning_officer"});
  CHECK(p.set("r19") == Ids{"ceo"});
  CHECK(p.set("r20") == Ids{"ceo", "dir_fin", "dir_place", "head_audit", "head_planning", "pa_ceo",
                            "planning_officer"});
  CHECK(p.set("r21") == Ids{"dir_fin"});
  CHECK(p.set("r22") == Ids{"dir_fin", "dir_place", "head_audit"});
  CHECK(p.set("r23") == Ids{"ceo", "dir_fin", "head_planning", "pa_ceo", "planning_officer"});
  CHECK(p.set("r24") == Ids{"dir_fin", "head_planning", "pa_ceo", "planning_officer"});
  CHECK(p.set("r25") == Ids{"dir_fin", "dir_place"});
  CHECK(p.set("r26") == Ids{"ceo", "dir_fin", "head_planning", "pa_ceo", "planning_officer"});
  CHECK(p.set("r27") == Ids{"dir_place", "head_audit", "head_planning"});
  CHECK(p.set("r28") == Ids{"dir_place", "head_planning"});
  CHECK(p.set("r29") == Ids{"audit", "council", "dir_fin", "dir_place", "pa_ceo"});
  CHECK(p.set("r30") == Ids{"ceo", "dir_fin", "dir_place", "head_audit", "pa_ceo"});
  CHECK(p.set("r31") == Ids{"ceo", "dir_fin", "dir_place", "head_audit", "planning_officer"});

  // "ceo meets category 1, dir_fin category 2, dir_place and head_audit category 3, and
  // head_planning categories 4 and 7."
  CHECK(p.restricted(true) == Listing{{1, "ceo"},
                                      {2, "dir_fin"},
                                      {3, "dir_place"},
                                      {3, "head_audit"},
                                      {4, "head_planning"},
                                      {7, "head_planning"}});
  CHECK(p.restricted() ==
        Listing{
            {1, "ceo"}, {2, "dir_fin"}, {3, "dir_place"}, {3, "head_audit"}, {4, "head_planning"}});
}

TEST_CASE("`not not S` is refused: write `not (not S)`", "[evaluate][sets][docs]") {
  auto refused = load_text("post a \"A\"\nlet x = not not a\n");
  CHECK_FALSE(refused.ok);
  CHECK_THAT(refused.diagnostics(),
             Catch::Matchers::StartsWith("test.remit:2:13: error: expected a set of posts:"));
}
