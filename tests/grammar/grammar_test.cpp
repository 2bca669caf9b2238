// The grammar (grammar/rules.hpp) and its error messages (grammar/errors.hpp): every statement
// form is accepted and lands in the AST as written; every kind of mistake is reported as
// `test.remit:LINE:COL: error: <message>` at the place the text goes wrong; odd encodings and
// pathological nesting give errors, never crashes.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <tao/pegtl/contrib/analyze.hpp>

#include "evaluate/rules.hpp"
#include "grammar/parser.hpp"
#include "grammar/rules.hpp"
#include "tests/support/policy_fixture.hpp"

using namespace remit;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using remit::test::first_line;
using remit::test::Listing;
using remit::test::load_text;
using namespace std::string_literals;

namespace {

// Parses `text` alone (no `use`, no resolution), as the loader does for one file.
struct Parsed {
  SourceSet sources;
  Diagnostics diags;
  ast::Program program;
  bool ok = false;
  [[nodiscard]] std::string diagnostics() const { return render(sources, diags); }
};

std::unique_ptr<Parsed> parse(std::string text) {
  auto p = std::make_unique<Parsed>();
  FileId file = p->sources.add(std::string(remit::test::test_file), std::move(text));
  p->ok = parse_policy(p->sources, file, p->program, p->diags);
  return p;
}

// The first line of what the parser reports for `text`: "test.remit:L:C: error: …".
std::string parse_error(std::string text) {
  auto p = parse(std::move(text));
  CHECK_FALSE(p->ok);
  return first_line(p->diagnostics());
}

// One of each statement form, and each post and person item, with comments here and there.
const char* const every_form = R"remit(# A policy that uses every statement form at least once.
use "uk/roles"                                # the vocabulary
authority "Testshire County Council"
import "structure.csv"
import holders "holders.csv"
body council "Full Council"
body cabinet "Cabinet"
designation chief_of_staff "Chief of Staff" cite "Local practice"
duty gardening "Looks after the parks"
  cite "Parks Act 1872"
  cite "Byelaws"
qualification solicitor
post ceo "Chief Executive" {
  service "Chief Executive's Office"
  directorate "Corporate"
  reports to council
  designated head_of_paid_service
  holder p_smith
}
post ed_a "Executive Director A" { reports to ceo designated section_151_officer }
post ed_b "Executive Director B" { reports to ceo }
post shared "Shared Head of \"Parks\"" {
  reports to ed_a 60%, ed_b 40%
  dotted to ceo
  designated monitoring_officer, chief_of_staff
  duties clerical, gardening
  duty delegated_powers
}
post clerk "Clerk to the Cabinet" { accountable to cabinet }
post spare "Vacant Post" { vacant }
post temp "Temporary Post" {
  holder interim p_jones
  holder acting p_smith
}
post 500 "Numbered Post"
person p_smith "Pat Smith" {
  holds shared, interim ed_a
  qualified accountant
}
person p_jones "Jo Jones" { qualified accountant, solicitor }
let chiefs = designated head_of_paid_service or reports directly to ceo
category 1 "Chiefs" {
  when chiefs
  cite "Act s.1"
}
category 2 "Deputies" { when reports to category 1 and not category 1 }
override category 2 "Deputies, overridden" {
  when reports directly to category 1 and not category 1
  cite "Local practice"
}
precedence 2, 1
incompatible monitoring_officer with section_151_officer unless qualified accountant
  cite "LGHA 1989 s.5(1)"
incompatible monitoring_officer with head_of_paid_service
require "one chief" {
  count designated head_of_paid_service = 1
  cite "LGHA 1989 s.4"
}
require "every chief held" { every category 1 is has holder }
require "some vacancy" { some any post vacant }
require "no clerical chiefs" { no category 1 duty clerical }
forbid "no gardening chiefs" {
  category 1 and duty gardening
  cite "Parks Act 1872"
}
)remit";

}  // namespace

TEST_CASE("every statement form parses into the AST as written", "[grammar]") {
  auto p = parse(every_form);
  INFO(p->diagnostics());
  REQUIRE(p->ok);
  const ast::Program& prog = p->program;

  SECTION("use, authority, import") {
    REQUIRE(prog.uses.size() == 1);
    CHECK(prog.uses[0].module.text == "uk/roles");
    REQUIRE(prog.authorities.size() == 1);
    CHECK(prog.authorities[0].name.text == "Testshire County Council");
    REQUIRE(prog.imports.size() == 2);
    CHECK(prog.imports[0].kind == ast::ImportKind::structure);
    CHECK(prog.imports[0].path.text == "structure.csv");
    CHECK(prog.imports[1].kind == ast::ImportKind::holders);
    CHECK(prog.imports[1].path.text == "holders.csv");
  }
  SECTION("body, designation, duty, qualification") {
    REQUIRE(prog.bodies.size() == 2);
    CHECK(prog.bodies[0].id.text == "council");
    CHECK(prog.bodies[0].label.text == "Full Council");
    CHECK(prog.bodies[1].id.text == "cabinet");
    REQUIRE(prog.vocabulary.size() == 3);
    CHECK(prog.vocabulary[0].kind == ast::VocabularyKind::designation);
    CHECK(prog.vocabulary[0].id.text == "chief_of_staff");
    CHECK(prog.vocabulary[0].label.text == "Chief of Staff");
    REQUIRE(prog.vocabulary[0].cites.size() == 1);
    CHECK(prog.vocabulary[0].cites[0].text == "Local practice");
    CHECK(prog.vocabulary[1].kind == ast::VocabularyKind::duty);
    REQUIRE(prog.vocabulary[1].cites.size() == 2);
    CHECK(prog.vocabulary[1].cites[1].text == "Byelaws");
    CHECK(prog.vocabulary[2].kind == ast::VocabularyKind::qualification);
    CHECK(prog.vocabulary[2].id.text == "solicitor");
    CHECK(prog.vocabulary[2].label.text.empty());
  }
  SECTION("post, person (their items are checked by what they mean, below)") {
    CHECK(prog.posts.size() == 8);
    CHECK(prog.people.size() == 2);
  }
  SECTION("let, category, override category, precedence") {
    REQUIRE(prog.lets.size() == 1);
    CHECK(prog.lets[0].name.text == "chiefs");
    CHECK(std::holds_alternative<ast::expr::Or>(prog.exprs[prog.lets[0].value].kind));
    REQUIRE(prog.categories.size() == 3);
    CHECK(prog.categories[0].number == 1);
    CHECK(prog.categories[0].label.text == "Chiefs");
    REQUIRE(prog.categories[0].cites.size() == 1);
    CHECK_FALSE(prog.categories[1].is_override);
    CHECK(prog.categories[2].is_override);
    CHECK(prog.categories[2].number == 2);
    CHECK(prog.categories[2].label.text == "Deputies, overridden");
    CHECK(p->sources.position(prog.categories[2].where).column ==
          1);  // points at `override`, not `category`
    REQUIRE(prog.precedences.size() == 1);
    CHECK(prog.precedences[0].order == std::vector<std::uint32_t>{2, 1});
  }
  SECTION("incompatible … unless qualified …") {
    REQUIRE(prog.incompatibilities.size() == 2);
    const ast::IncompatibleDecl& first = prog.incompatibilities[0];
    CHECK(first.first.text == "monitoring_officer");
    CHECK(first.second.text == "section_151_officer");
    REQUIRE(first.unless_qualified.has_value());
    CHECK(first.unless_qualified->text == "accountant");
    REQUIRE(first.cites.size() == 1);
    CHECK(first.cites[0].text == "LGHA 1989 s.5(1)");
    CHECK_FALSE(prog.incompatibilities[1].unless_qualified.has_value());
    CHECK(prog.incompatibilities[1].cites.empty());
  }
  SECTION("require count / every / some / no, forbid") {
    REQUIRE(prog.rules.size() == 5);
    const auto* count = std::get_if<ast::condition::Count>(&prog.rules[0].condition);
    REQUIRE(count != nullptr);
    CHECK(count->op == ast::Compare::eq);
    CHECK(count->value == 1);
    CHECK(prog.rules[0].name.text == "one chief");
    CHECK_FALSE(prog.rules[0].forbid);
    const ast::Quantifier expected[] = {ast::Quantifier::every, ast::Quantifier::some,
                                        ast::Quantifier::no};
    for (int k = 0; k < 3; ++k) {
      const auto* q = std::get_if<ast::condition::Quantified>(&prog.rules[1 + k].condition);
      REQUIRE(q != nullptr);
      CHECK(q->quantifier == expected[k]);
    }
    CHECK(prog.rules[4].forbid);
    CHECK(std::holds_alternative<ast::condition::Empty>(prog.rules[4].condition));
    CHECK(prog.rules[4].cites.size() == 1);
  }
}

// The every-form policy without its `import`s (they name files), loaded end to end.
std::string every_form_loadable() {
  std::string text = every_form;
  for (const char* line : {"import \"structure.csv\"\n", "import holders \"holders.csv\"\n"}) {
    text.erase(text.find(line), std::string(line).size());
  }
  return text;
}

TEST_CASE("post and person items mean what they say", "[grammar]") {
  auto p = load_text(every_form_loadable() + R"remit(
let to_ed_a = reports directly to ed_a
let to_ed_b = reports directly to ed_b
let to_eds = reports directly to (ed_a or ed_b)
let to_ceo = reports directly to ceo
let to_cabinet = reports directly to cabinet
let mo = designated monitoring_officer
let cos = designated chief_of_staff
let duties = duty clerical
let more_duties = duty gardening, delegated_powers
let vacancies = vacant
let held = has holder
)remit");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  using remit::test::Ids;

  SECTION("title, service, directorate; string escapes are undone") {
    const auto ceo = p.post("ceo");
    REQUIRE(ceo.has_value());
    CHECK(ceo->title == "Chief Executive");
    CHECK(ceo->service == "Chief Executive's Office");
    CHECK(ceo->directorate == "Corporate");
    REQUIRE(p.post("shared").has_value());
    CHECK(p.post("shared")->title == "Shared Head of \"Parks\"");
    CHECK(p.post("shared")->service.empty());
    REQUIRE(p.post("500").has_value());  // HR exports number their posts
    CHECK(p.post("500")->title == "Numbered Post");
  }
  SECTION("reports to with shares, accountable to, dotted to") {
    CHECK(p.set("to_ed_a") == Ids{"shared"});  // 60%
    CHECK(p.set("to_ed_b").empty());           // 40%
    CHECK(p.set("to_eds") == Ids{"shared"});
    CHECK(p.set("to_ceo") == Ids{"ed_a", "ed_b"});  // not shared: its line to ceo is dotted
    CHECK(p.set("to_cabinet") == Ids{"clerk"});
  }
  SECTION("designated, duties and duty, vacant") {
    CHECK(p.set("mo") == Ids{"shared"});
    CHECK(p.set("cos") == Ids{"shared"});
    CHECK(p.set("duties") == Ids{"shared"});
    CHECK(p.set("more_duties") == Ids{"shared"});
    CHECK(p.set("vacancies") == Ids{"spare"});
  }
  SECTION("holder [interim|acting] and holds [interim]") {
    CHECK(p.set("held") == Ids{"ceo", "ed_a", "shared", "temp"});
    const auto& org = p.run->resolved().organisation;
    auto kind_of = [&](std::string_view person, std::string_view post) {
      for (const remit::Holding& h : org.holdings) {
        if (org.id_of(h.person) == person && org.units[h.post].id() == post) return h.kind;
      }
      FAIL("no holding of " << post << " by " << person);
      return ast::HoldingKind::substantive;
    };
    CHECK(kind_of("p_smith", "ceo") == ast::HoldingKind::substantive);
    CHECK(kind_of("p_smith", "shared") == ast::HoldingKind::substantive);
    CHECK(kind_of("p_smith", "ed_a") == ast::HoldingKind::interim);
    CHECK(kind_of("p_smith", "temp") == ast::HoldingKind::acting);
    CHECK(kind_of("p_jones", "temp") == ast::HoldingKind::interim);
    CHECK(org.holdings.size() == 5);
  }
  SECTION("categories, override, precedence, incompatibilities, rules") {
    // Category 1 is `chiefs`; the override replaces category 2; precedence 2 before 1.
    CHECK(p.restricted() == Listing{{1, "ceo"}, {1, "ed_a"}, {1, "ed_b"}, {2, "shared"}});
    const remit::Breaches& b = p.run->breaches();
    // Pat Smith holds the Monitoring Officer post (shared) and the section 151 post (ed_a),
    // but is a qualified accountant; the Head of Paid Service post (ceo) has no such way out.
    REQUIRE(b.incompatibilities.size() == 1);
    CHECK(p.run->program().incompatibilities[b.incompatibilities[0].rule].second.text ==
          "head_of_paid_service");
    // ed_b has no holder, so "every chief held" fails; the other rules hold.
    REQUIRE(b.rules.size() == 1);
    CHECK(p.run->program().rules[b.rules[0].rule].name.text == "every chief held");
  }
}

// A holding said again is one holding, whether the repeat is in the same `holds` (found by a
// scan of the person's holdings), in a second declaration of the person or in a post's
// `holder` (found in the table of every holding, made only then).
TEST_CASE("a holding said twice is held once", "[grammar]") {
  auto p = load_text(
      "use \"uk/lgha1989\"\n"
      "body council \"Full Council\"\n"
      "post ceo \"Chief Executive\" { reports to council holder p_ann }\n"
      "post ed \"Director\" { reports to ceo }\n"
      "post dep \"Deputy\" { reports to ed }\n"
      "person p_bob \"Bob\" { holds dep, dep }\n"
      "person p_ann \"Ann\" { holds ceo, ed }\n"
      "person p_ann \"Ann\" { holds ed, dep }\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  const auto& org = p.run->resolved().organisation;
  std::vector<std::pair<std::string_view, std::string_view>> held;
  for (const remit::Holding& h : org.holdings) {
    held.emplace_back(org.id_of(h.person), org.units[h.post].id());
  }
  using Pairs = std::vector<std::pair<std::string_view, std::string_view>>;
  CHECK(held == Pairs{{"p_bob", "dep"}, {"p_ann", "ceo"}, {"p_ann", "ed"}, {"p_ann", "dep"}});
}

TEST_CASE("import reads a structure and a holders export", "[grammar]") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("remit_grammar_import_test" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream s(dir / "structure.csv");
    s << "id,title,service,directorate,reports_to,designations,flags\n"
         "500,Chief Executive,CEO Office,CEO Office,,head_of_paid_service,\n"
         "510,Director,Place,Place,500,,\n";
    std::ofstream h(dir / "holders.csv");
    h << "person,post_id\np_smith,500\n";
  }
  auto p = load_text("use \"uk/lgha1989\"\nimport \"" + (dir / "structure.csv").string() +
                     "\"\nimport holders \"" + (dir / "holders.csv").string() + "\"\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{1, "500"}, {3, "510"}});
  CHECK(p.run->resolved().organisation.holdings.size() == 1);
  fs::remove_all(dir);
}

TEST_CASE("every comparison of a count parses", "[grammar]") {
  const std::pair<const char*, ast::Compare> ops[] = {
      {"=", ast::Compare::eq},  {"!=", ast::Compare::ne}, {"<", ast::Compare::lt},
      {"<=", ast::Compare::le}, {">", ast::Compare::gt},  {">=", ast::Compare::ge}};
  for (const auto& [text, op] : ops) {
    INFO(text);
    auto p = parse(std::string("require \"r\" { count any post ") + text + " 3 }");
    REQUIRE(p->ok);
    const auto& c = std::get<ast::condition::Count>(p->program.rules.at(0).condition);
    CHECK(c.op == op);
    CHECK(c.value == 3);
  }
}

TEST_CASE("every set expression form parses", "[grammar]") {
  auto p = parse(R"remit(let e = designated a, b
    or duty c
    or category 1, 2
    or reports directly to x
    or reports to x
    or reports within 2 of x
    or manages x
    or in directorate "D"
    or in service "S"
    or title contains "T"
    or vacant
    or has holder
    or any body
    or any post
    or x
    or not (x and y)
  )remit");
  INFO(p->diagnostics());
  REQUIRE(p->ok);
  // Each alternative adds its node: count the kinds that appear.
  std::size_t within = 0, text = 0, named = 0, nots = 0;
  for (const ast::Expr& e : p->program.exprs) {
    if (const auto* w = std::get_if<ast::expr::ReportsWithin>(&e.kind)) {
      ++within;
      CHECK(w->levels == 2);
    }
    if (std::holds_alternative<ast::expr::TextMatch>(e.kind)) ++text;
    if (std::holds_alternative<ast::expr::Named>(e.kind)) ++named;
    if (std::holds_alternative<ast::expr::Not>(e.kind)) ++nots;
  }
  CHECK(within == 1);
  CHECK(text == 3);
  CHECK(named == 7);  // four `x` targets, `x`, and `x and y`
  CHECK(nots == 1);
}

TEST_CASE("a share may be written with a decimal point and a space before %", "[grammar]") {
  auto p = load_text(
      "post b \"B\"\npost c \"C\"\n"
      "post a \"A\" { reports to b 50.5 %, c }\n"
      "let to_b = reports directly to b\n"
      "let to_c = reports directly to c\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  // 50.5% is over half; the line without a share takes the 49.5% left.
  CHECK(p.set("to_b") == remit::test::Ids{"a"});
  CHECK(p.set("to_c").empty());
}

TEST_CASE("syntax errors are reported as file:line:col: error: message", "[grammar][errors]") {
  SECTION("missing post title") {
    CHECK(parse_error("post ceo { reports to council }") ==
          "test.remit:1:10: error: expected the post's title in quotes, e.g. post ceo \"Chief "
          "Executive\"");
  }
  SECTION("missing post id") {
    CHECK_THAT(
        parse_error("post \"Chief Executive\""),
        StartsWith("test.remit:1:6: error: expected a post id (letters, digits, _, -, / and ., "
                   "or any text in single quotes"));
  }
  SECTION("unterminated string") {
    CHECK(parse_error("authority \"Testshire\npost a \"A\"\n") ==
          "test.remit:1:21: error: expected '\"' to close the string (strings end on the line "
          "they start)");
  }
  SECTION("`reports` without `to`") {
    CHECK(parse_error("post a \"A\" { reports ceo }") == "test.remit:1:22: error: expected 'to'");
  }
  SECTION("`reports` without `to` in an expression") {
    CHECK(parse_error("let x = reports ceo") ==
          "test.remit:1:17: error: expected 'to', 'directly to' or 'within N of' after "
          "'reports'");
  }
  SECTION("missing }") {
    CHECK(parse_error("post a \"A\" {\n  service \"S\"\npost b \"B\"\n") ==
          "test.remit:3:1: error: expected '}' or a post item: service, directorate, reports "
          "to, accountable to, dotted to, designated, duties, vacant, holder (a share is "
          "written with %, e.g. 60%)");
  }
  SECTION("`and` without operand") {
    CHECK(parse_error("let x = (vacant and)") ==
          "test.remit:1:20: error: expected a set of posts after 'and'");
  }
  SECTION("`or` without operand") {
    CHECK(parse_error("let x = (vacant or)") ==
          "test.remit:1:19: error: expected a set of posts after 'or'");
  }
  SECTION("unknown statement keyword") {
    // The message lists every statement keyword; the list grows with the language.
    const std::string expected = "error: expected a statement: use, authority, import, body, ";
    CHECK_THAT(parse_error("frobnicate x"), StartsWith("test.remit:1:1: " + expected));
    CHECK_THAT(parse_error("post a \"A\"\n\n  frobnicate x"),
               StartsWith("test.remit:3:3: " + expected));
    CHECK_THAT(parse_error("frobnicate x"), Contains("post, person, let, category, override"));
    CHECK_THAT(parse_error("frobnicate x"), Contains("set aside rule, replace rule or test"));
  }
  SECTION("category 0") {
    CHECK(parse_error("category 0 \"Nought\" { when any post }") ==
          "test.remit:1:10: error: category numbers start at 1");
    CHECK(parse_error("let x = category 0") ==
          "test.remit:1:18: error: category numbers start at 1");
    CHECK(parse_error("precedence 1, 0") == "test.remit:1:15: error: category numbers start at 1");
  }
  SECTION("a dotted line with a share") {
    CHECK(parse_error("post b \"B\"\npost a \"A\" { dotted to b 50% }") ==
          "test.remit:2:14: error: a dotted line carries no duties, so it takes no share");
  }
  SECTION("a share over 100%") {
    CHECK(parse_error("post b \"B\"\npost a \"A\" { reports to b 150% }") ==
          "test.remit:2:27: error: a share is a percentage above 0 and at most 100, e.g. 60%");
  }
  SECTION("a share of 0%") {
    CHECK(parse_error("post a \"A\" { reports to b 0% }") ==
          "test.remit:1:27: error: a share is a percentage above 0 and at most 100, e.g. 60%");
  }
  SECTION("a category without `when`") {
    CHECK(parse_error("category 1 \"X\" { vacant }") ==
          "test.remit:1:18: error: expected 'when' followed by the category's criterion");
  }
  SECTION("a missing closing parenthesis") {
    CHECK(parse_error("let x = (vacant") ==
          "test.remit:1:16: error: expected ')' to close the '(' (or 'and', 'or' to go on)");
  }
  SECTION("a reserved word cannot name a set") {
    CHECK(parse_error("let vacant = any post") ==
          "test.remit:1:5: error: expected a name for the set, e.g. let chief_officers = "
          "category 1, 2, 3");
  }
  SECTION("zero levels") {
    CHECK(parse_error("post ceo \"CEO\"\nlet x = reports within 0 of ceo") ==
          "test.remit:2:24: error: the number of levels must be at least 1");
  }
  SECTION("`within` without `of`") {
    CHECK(parse_error("let x = reports within 2 ceo") ==
          "test.remit:1:26: error: expected 'of' after the number of levels, as in 'reports "
          "within 2 of ceo'");
  }
  SECTION("a number too large") {
    CHECK(parse_error("let x = category 4294967296") ==
          "test.remit:1:18: error: number too large: at most 4294967295");
  }
}

TEST_CASE("a syntax error is rendered with the source line and a caret", "[grammar][errors]") {
  auto p = parse("post a \"A\" {\n  reports ceo\n}\n");
  CHECK_FALSE(p->ok);
  CHECK(p->diagnostics() ==
        "test.remit:2:11: error: expected 'to'\n"
        "    reports ceo\n"
        "            ^\n"
        "1 error generated.\n");
}

TEST_CASE("a syntax error stops loading with the same message", "[grammar][errors]") {
  auto p = load_text("post a \"A\" { reports ceo }");
  CHECK_FALSE(p.ok);
  CHECK(first_line(p.diagnostics()) == "test.remit:1:22: error: expected 'to'");
}

TEST_CASE("CRLF line ends parse like LF and keep line numbers", "[grammar][encoding]") {
  auto p = load_text(
      "body council \"C\"\r\n"
      "post ceo \"CEO\" {\r\n"
      "  reports to council\r\n"
      "}\r\n"
      "category 1 \"X\" { when reports directly to any body }\r\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{1, "ceo"}});
  CHECK(p.run->sources().position(p.run->program().categories.at(0).where).line == 5);
  CHECK(parse_error("post a \"A\"\r\nfrobnicate\r\n").starts_with("test.remit:2:1: error:"));
  CHECK(parse_error("post a \"A\" {\r\n  reports ceo\r\n}\r\n") ==
        "test.remit:2:11: error: expected 'to'");
}

TEST_CASE("a UTF-8 byte order mark is skipped", "[grammar][encoding]") {
  auto p = load_text("\xEF\xBB\xBFpost ceo \"CEO\"\ncategory 1 \"X\" { when any post }\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{1, "ceo"}});
  CHECK(parse_error("\xEF\xBB\xBFpost a \"A\"\nfrobnicate\n")
            .starts_with("test.remit:2:1: error: expected a statement"));
}

// An editor shows the BOM as nothing: the first character a user sees is column 1.
TEST_CASE("an error on the first line of a file with a BOM points at the column a user sees",
          "[grammar][encoding]") {
  CHECK(parse_error("\xEF\xBB\xBF"
                    "frobnicate\n")
            .starts_with("test.remit:1:1: error: expected a statement"));
}

TEST_CASE("comments may appear between any two tokens", "[grammar][encoding]") {
  auto p = load_text(R"remit(# leading comment
post # c
  a # c
  "A" # c
  { # c
    service # c
      "S" # c
    reports # c
      to # c
      council # c
      , # c
      board # c
  } # c
body council "Council" # c
body board "Board"
let # c
  x # c
  = # c
  a # c
  or # c
  ( # c
  any # c
  post # c
  ) # c
category # c
  1 # c
  "X" # c
  { # c
  when # c
    not # c
    x # c
    or # c
    a # c
  cite # c
    "c" # c
  } # c
precedence # c
  1 # c
# a comment on the last line, without a line end)remit");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{1, "a"}});
  REQUIRE(p.post("a").has_value());
  CHECK(p.post("a")->service == "S");
  CHECK(p.run->resolved().organisation.lines.size() == 2);
}

TEST_CASE("a file with nothing in it is valid and lists nothing", "[grammar][encoding]") {
  for (const char* text : {"", "\n\n", "   \t  ", "# only a comment", "# one\n# two\n"}) {
    INFO('"' << text << '"');
    auto p = load_text(text);
    CHECK(p.ok);
    CHECK(p.diagnostics().empty());
    CHECK(p.restricted().empty());
    CHECK(p.run->resolved().organisation.units.empty());
  }
}

TEST_CASE("a NUL byte is an error with its position", "[grammar][encoding]") {
  auto p = load_text("post a \"A\"\nlet x = \0any post\n"s);
  CHECK_FALSE(p.ok);
  CHECK(first_line(p.diagnostics()) ==
        "test.remit:2:9: error: this file contains a NUL byte: it is not a text file (is it a "
        "spreadsheet or a UTF-16 export? save it as UTF-8 text)");
}

TEST_CASE("invalid UTF-8 is an error with its position", "[grammar][encoding]") {
  SECTION("a stray continuation byte") {
    auto p = load_text("post a \"A \xFF\"\n");
    CHECK_FALSE(p.ok);
    CHECK(first_line(p.diagnostics()) ==
          "test.remit:1:11: error: this byte is not valid UTF-8: save the file as UTF-8 text");
  }
  SECTION("a Latin-1 byte on a later line") {
    auto p = load_text("post a \"A\"\n\npost b \"Caf\xE9\"\n");
    CHECK_FALSE(p.ok);
    CHECK(first_line(p.diagnostics())
              .starts_with("test.remit:3:12: error: this byte is not valid UTF-8"));
  }
  SECTION("an overlong encoding") {
    auto p = load_text("post a \"\xC0\xAF\"\n");
    CHECK_FALSE(p.ok);
    CHECK(first_line(p.diagnostics()).starts_with("test.remit:1:9: error:"));
  }
  SECTION("valid multi-byte UTF-8 is fine") {
    auto p = load_text("post a \"Children\xE2\x80\x99s Services \xF0\x9F\x8F\xA0\"\n");
    INFO(p.diagnostics());
    CHECK(p.ok);
    REQUIRE(p.post("a").has_value());
    CHECK(p.post("a")->title == "Children\xE2\x80\x99s Services \xF0\x9F\x8F\xA0");
  }
}

TEST_CASE("300 nested parentheses give the nesting error, not a crash", "[grammar][limits]") {
  const std::string deep = std::string(300, '(') + "any post" + std::string(300, ')');
  auto p = load_text("post a \"A\"\nlet x = " + deep + "\n");
  CHECK_FALSE(p.ok);
  const std::string line = first_line(p.diagnostics());
  CHECK_THAT(line, StartsWith("test.remit:2:"));
  CHECK_THAT(line, Contains("error: expression nested too deeply (more than 200 levels"));
  // The 201st level is the 201st '(' (column 9 is the first).
  CHECK_THAT(line, StartsWith("test.remit:2:209: error:"));
}

TEST_CASE("nesting just inside the limit is accepted", "[grammar][limits]") {
  // 199 parentheses and the operand inside them make 200 levels.
  const std::string deep = std::string(199, '(') + "any post" + std::string(199, ')');
  auto p = load_text("post a \"A\"\ncategory 1 \"X\" { when " + deep + " }\n");
  INFO(first_line(p.diagnostics()));
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{1, "a"}});
}

TEST_CASE("the nesting limit comes from Limits", "[grammar][limits]") {
  remit::Run run(remit::Limits{.max_expression_nesting = 3});
  remit::Inputs in;
  in.texts.push_back({"test.remit", "let x = (((vacant)))"});
  CHECK_FALSE(run.load(in));
  CHECK_THAT(
      run.diagnostics_text(),
      StartsWith("test.remit:1:12: error: expression nested too deeply (more than 3 levels"));
}

TEST_CASE("deeply nested `not (` is refused, not a crash", "[grammar][limits]") {
  std::string deep;
  for (int k = 0; k < 5000; ++k) deep += "not (";
  deep += "vacant" + std::string(5000, ')');
  auto p = load_text("let x = " + deep);
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()), Contains("expression nested too deeply"));
}

TEST_CASE("a 100,000-term `and` chain evaluates without overflowing the stack",
          "[grammar][limits]") {
  std::string chain = "a";
  for (int k = 1; k < 100000; ++k) chain += " and a";
  auto p = load_text("post a \"A\"\npost b \"B\"\ncategory 1 \"X\" { when " + chain + " }\n");
  INFO(first_line(p.diagnostics()));
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{1, "a"}});
}

TEST_CASE("a 100,000-term `or` chain in a rule evaluates without overflowing the stack",
          "[grammar][limits]") {
  std::string chain = "a";
  for (int k = 1; k < 100000; ++k) chain += k % 2 ? " or b" : " or a";
  auto p = load_text(
      "post a \"A\"\npost b \"B\"\npost c \"C\"\n"
      "let x = " +
      chain +
      "\n"
      "category 1 \"X\" { when x }\n"
      "require \"two\" { count x = 2 }\n");
  INFO(first_line(p.diagnostics()));
  REQUIRE(p.ok);
  CHECK(p.set("x") == remit::test::Ids{"a", "b"});
  CHECK(p.run->breaches().empty());
}

TEST_CASE("the grammar has no left recursion or empty loops", "[grammar]") {
  CHECK(tao::pegtl::analyze<remit::grammar::file>() == 0);
}
