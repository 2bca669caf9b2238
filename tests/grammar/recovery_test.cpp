// Recovery after a syntax error (grammar/parser.cpp): the parser reports an error, goes on at
// the next statement outside the broken statement's braces, and so lists every broken statement
// of a file, up to Limits::max_errors_per_file; the rest are counted in one note. A file with
// any syntax error still fails as a whole.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "grammar/parser.hpp"
#include "tests/support/policy_fixture.hpp"

using namespace remit;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using remit::test::load_text;

namespace {

// One reported error: where, and the start of what it says.
struct Reported {
  std::uint32_t line = 0, column = 0;
  std::string message;
};

struct Parsed {
  SourceSet sources;
  Diagnostics diags;
  ast::Program program;
  bool ok = false;
  [[nodiscard]] std::string text() const { return render(sources, diags); }
  [[nodiscard]] std::vector<Reported> errors() const {
    std::vector<Reported> out;
    for (const Diagnostic& d : diags.all()) {
      if (d.severity != Severity::error) continue;
      const LineColumn at = sources.position(d.where);
      out.push_back({at.line, at.column, d.message});
    }
    return out;
  }
  [[nodiscard]] std::vector<std::pair<std::uint32_t, std::uint32_t>> places() const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (const Reported& r : errors()) out.emplace_back(r.line, r.column);
    return out;
  }
};

std::unique_ptr<Parsed> parse(std::string text, const Limits& limits = {}) {
  auto p = std::make_unique<Parsed>();
  FileId file = p->sources.add(std::string(remit::test::test_file), std::move(text));
  p->ok = parse_policy(p->sources, file, p->program, p->diags, limits);
  return p;
}

using Places = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

const std::string expected_statement = "expected a statement: use, authority, import, body, ";
const std::string expected_post_item = "expected '}' or a post item: service, directorate, ";

}  // namespace

TEST_CASE("syntax recovery: three broken statements give three errors with their lines",
          "[grammar][recovery]") {
  auto p = parse(
      "post ceo \"Chief Executive\"\n"          // 1
      "post a { reports to ceo }\n"             // 2: no title
      "body council \"Full Council\"\n"         // 3
      "let x = reports ceo\n"                   // 4: no `to`
      "post b \"B\" { reports to ceo }\n"       // 5
      "incompatible monitoring_officer head\n"  // 6: no `with`
      "post c \"C\" { reports to ceo }\n");     // 7
  CHECK_FALSE(p->ok);
  CHECK(p->places() == Places{{2, 8}, {4, 17}, {6, 33}});
  const auto errors = p->errors();
  REQUIRE(errors.size() == 3);
  CHECK_THAT(errors[0].message, Contains("expected the post's title in quotes"));
  CHECK(errors[1].message == "expected 'to', 'directly to' or 'within N of' after 'reports'");
  CHECK_THAT(errors[2].message, Contains("expected 'with'"));
  CHECK(p->diags.error_count() == 3);
  CHECK_THAT(p->text(), EndsWith("3 errors generated.\n"));
  // The good statements between the errors were read.
  CHECK(p->program.posts.size() == 3);
  CHECK(p->program.bodies.size() == 1);
}

TEST_CASE("syntax recovery: each error keeps its own caret under its line", "[grammar][recovery]") {
  auto p = parse("post a \"A\" {\n  reports ceo\n}\nlet x = (vacant");
  CHECK(p->text() ==
        "test.remit:2:11: error: expected 'to'\n"
        "    reports ceo\n"
        "            ^\n"
        "test.remit:4:16: error: expected ')' to close the '(' (or 'and', 'or' to go on)\n"
        "  let x = (vacant\n"
        "                 ^\n"
        "2 errors generated.\n");
}

TEST_CASE("syntax recovery: an error inside a block goes on after the block",
          "[grammar][recovery]") {
  SECTION("a post block") {
    // `duty clerical` is a post item here, not a statement, and the `}` closes the broken post:
    // neither is reported.
    auto p = parse(
        "post a \"A\" {\n"                 // 1
        "  reprts to b\n"                  // 2: misspelt
        "  duty clerical\n"                // 3
        "}\n"                              // 4
        "post b \"B\" { reports to a }\n"  // 5
        "let x = reports ceo\n");          // 6
    CHECK(p->places() == Places{{2, 3}, {6, 17}});
    REQUIRE(p->errors().size() == 2);
    CHECK_THAT(p->errors()[0].message, Contains(expected_post_item));
    CHECK(p->program.vocabulary.empty());
    REQUIRE(p->program.posts.size() == 1);
    CHECK(p->program.posts[0].id.text == "b");
  }
  SECTION("a scenario block") {
    auto p = parse(
        "scenario \"s\" {\n"                // 1
        "  move a to reprt to b\n"          // 2: misspelt `report`
        "  add post x \"X\" {\n"            // 3
        "    reports to a\n"                // 4
        "  }\n"                             // 5
        "  remove post c\n"                 // 6
        "}\n"                               // 7
        "post d \"D\"\n"                    // 8
        "forbid \"f\" { vacant cite }\n");  // 9: `cite` without its text
    CHECK(p->places() == Places{{2, 13}, {9, 26}});
    CHECK(p->program.posts.size() == 1);
  }
  SECTION("a rule whose set goes on over several lines") {
    // Line 3 starts with `category`, a statement keyword, but it is inside the rule's braces.
    auto p = parse(
        "forbid \"f\" {\n"       // 1
        "  vacant and and\n"     // 2
        "  category 1\n"         // 3
        "}\n"                    // 4
        "let y = vacant\n"       // 5
        "let z = any thing\n");  // 6
    CHECK(p->places() == Places{{2, 14}, {6, 13}});
  }
  SECTION("braces in strings and comments do not count") {
    // Were they counted, the indented statements would look inside a block and be skipped.
    auto p = parse(
        "post a \"A {\" { reprts to b }  # a { here\n"  // 1
        "  post b \"B\"\n"                              // 2
        "  post c c\n");                                // 3
    CHECK(p->places() == Places{{1, 16}, {3, 10}});
  }
}

TEST_CASE("syntax recovery: a block left open ends at the next statement at the start of a line",
          "[grammar][recovery]") {
  auto p = parse(
      "post a \"A\" {\n"                // 1
      "  service \"S\"\n"               // 2
      "post b \"B\" { reprts to a }\n"  // 3: the `}` of a is missing
      "post c \"C\" {\n"                // 4
      "  reports to a\n"                // 5
      "post d \"D\"\n");                // 6: and that of c
  CHECK(p->places() == Places{{3, 1}, {3, 14}, {6, 1}});
  for (const Reported& r : p->errors()) CHECK_THAT(r.message, Contains(expected_post_item));
}

TEST_CASE("syntax recovery: lines that start no statement are skipped with the error",
          "[grammar][recovery]") {
  // Parsing goes on at a statement word, so a run of junk is one error, not one per line.
  auto p = parse("frobnicate\nfrobnicate\n\nfrobnicate x\npost a \"A\"\nfrobnicate\n");
  CHECK(p->places() == Places{{1, 1}, {6, 1}});
  CHECK(p->program.posts.size() == 1);
}

TEST_CASE("syntax recovery: an error on the last line", "[grammar][recovery]") {
  SECTION("with a line break after it") {
    auto p = parse("post a \"A\"\nfrobnicate a\npost b \"B\"\nlet x = reports ceo\n");
    CHECK(p->places() == Places{{2, 1}, {4, 17}});
  }
  SECTION("without one") {
    auto p = parse("post a \"A\"\nfrobnicate a\npost b \"B\"\nlet x = reports ceo");
    CHECK(p->places() == Places{{2, 1}, {4, 17}});
  }
}

TEST_CASE("syntax recovery: a file whose only error is at its end", "[grammar][recovery]") {
  SECTION("a block never closed") {
    auto p = parse("post ceo \"CEO\"\npost a \"A\" {\n  reports to ceo\n");
    CHECK_FALSE(p->ok);
    CHECK(p->places() == Places{{4, 1}});
    CHECK(p->program.posts.size() == 1);
  }
  SECTION("a stray closing brace") {
    auto p = parse("post ceo \"CEO\"\npost a \"A\" { reports to ceo }\n}");
    CHECK(p->places() == Places{{3, 1}});
    REQUIRE(p->errors().size() == 1);
    CHECK_THAT(p->errors()[0].message, Contains(expected_statement));
  }
  SECTION("a string never closed") {
    auto p = parse("post ceo \"CEO\"\nauthority \"Testshire");
    CHECK(p->places() == Places{{2, 21}});
  }
}

TEST_CASE("syntax recovery: never the same error twice, always in order of place",
          "[grammar][recovery]") {
  const std::vector<std::string> texts = {
      "post a \"A\" {\n  service \"S\"\npost b \"B\" {\n  service \"S\"\npost c \"C\"\n",
      "frobnicate\nfrobnicate\n\nfrobnicate x { } }\n",
      "}\n}\n}\npost a \"A\" }\n",
      "post a \"A\" {\npost b \"B\" {\npost c \"C\" {\n",
      "let x = ((((vacant\nlet y = ((((\nlet z = (\n",
      "post a \"A {\npost b \"B\" {\n  reprts\n}\n",
      "category 0 \"X\" { when vacant }\ncategory 0 \"Y\" { when vacant }\n",
      "scenario \"s\" {\n  move a to\nscenario \"t\" {\n  remove a\n}\n",
      "\xEF\xBB\xBFpost a\npost b\n",
      "post a \"A\" { reports to b 150% }\npost b \"B\" { dotted to a\n  50% }\npost c\n",
  };
  for (const std::string& text : texts) {
    INFO(text);
    auto p = parse(text);
    CHECK_FALSE(p->ok);
    const Places places = p->places();
    INFO(p->text());
    CHECK(std::set(places.begin(), places.end()).size() == places.size());
    CHECK(std::is_sorted(places.begin(), places.end()));
    CHECK(p->diags.error_count() == places.size());
  }
}

TEST_CASE("syntax recovery: errors past the cap are counted in one note", "[grammar][recovery]") {
  SECTION("the default cap of 100") {
    std::string text;
    for (int i = 0; i < 250; ++i) text += "post p" + std::to_string(i) + " \"P\" { reprts to x }\n";
    auto p = parse(text);
    CHECK_FALSE(p->ok);
    REQUIRE(p->errors().size() == Limits{}.max_errors_per_file);
    CHECK(p->errors().back().line == 100);
    CHECK(p->diags.error_count() == 250);
    CHECK_THAT(p->text(), EndsWith("test.remit: note: 150 more errors in this file not shown\n"
                                   "250 errors generated.\n"));
  }
  SECTION("a cap from Limits") {
    Limits limits;
    limits.max_errors_per_file = 3;
    auto p = parse("post \"a\"\npost \"b\"\npost \"c\"\npost \"d\"\npost \"e\"\n", limits);
    CHECK(p->places() == Places{{1, 6}, {2, 6}, {3, 6}});
    CHECK_THAT(p->text(), EndsWith("test.remit: note: 2 more errors in this file not shown\n"
                                   "5 errors generated.\n"));
  }
  SECTION("just at the cap there is no note") {
    Limits limits;
    limits.max_errors_per_file = 3;
    auto p = parse("post \"a\"\npost \"b\"\npost \"c\"\n", limits);
    CHECK(p->places().size() == 3);
    CHECK_THAT(p->text(), !Contains("not shown"));
  }
}

TEST_CASE("syntax recovery: 100,000 bad lines finish and are capped", "[grammar][recovery]") {
  std::string text;
  text.reserve(100000 * 24);
  for (int i = 0; i < 100000; ++i) text += "post \"no id\" { vacant }\n";
  auto p = parse(std::move(text));
  CHECK_FALSE(p->ok);
  CHECK(p->errors().size() == 100);
  CHECK(p->diags.error_count() == 100000);
  const std::string shown = p->text();
  CHECK_THAT(shown, Contains("test.remit: note: 99900 more errors in this file not shown"));
  CHECK(shown.size() < 40000);
}

TEST_CASE("syntax recovery: 100,000 bad lines inside one block give one error",
          "[grammar][recovery]") {
  std::string text = "post a \"A\" {\n";
  for (int i = 0; i < 100000; ++i) text += "  reprts to b\n";
  text += "}\npost b \"B\"\n";
  auto p = parse(std::move(text));
  CHECK(p->places() == Places{{2, 3}});
  CHECK(p->program.posts.size() == 1);
}

TEST_CASE("syntax recovery: nesting counted in a broken statement does not carry over",
          "[grammar][recovery]") {
  // The error leaves `((` open; were their depth kept, the third line would pass the limit of 3.
  Limits limits;
  limits.max_expression_nesting = 3;
  auto p = parse("let x = ((vacant\nlet y = ((vacant\nlet z = ((vacant\n", limits);
  const auto errors = p->errors();
  REQUIRE(errors.size() == 3);
  for (const Reported& r : errors) {
    CHECK(r.message == "expected ')' to close the '(' (or 'and', 'or' to go on)");
  }
}

TEST_CASE("syntax recovery: a file with syntax errors still fails as a whole",
          "[grammar][recovery]") {
  // The good statements of a broken file are not evaluated: no listing, exit status 2.
  auto p = load_text(
      "post ceo \"CEO\" { designated head_of_paid_service }\n"
      "post a \"A\" { reprts to ceo }\n"
      "category 1 \"X\" { when any post }\n"
      "let x = reports ceo\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diagnostics(), Contains("test.remit:2:14: error:"));
  CHECK_THAT(p.diagnostics(), Contains("test.remit:4:17: error:"));
  CHECK_THAT(p.diagnostics(), EndsWith("2 errors generated.\n"));
}
