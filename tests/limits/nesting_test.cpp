// Limits::max_expression_nesting: 100,000 opening parentheses (or `not`s, or `reports to`s) give
// one clear error at the first level too deep, never a stack overflow; long flat chains (`and`,
// `or`, lets naming lets) are not nesting and evaluate without recursion.
#include <catch2/catch.hpp>
#include <string>

#include "evaluate/evaluator.hpp"
#include "tests/robustness/robustness_support.hpp"

using namespace remit;
using namespace remit::robust;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

const std::string too_deep =
    "expression nested too deeply (more than 200 levels of parentheses, 'not' or "
    "'reports … to'); name a part of it with 'let'";

}  // namespace

TEST_CASE("limits: 100,000 opening parentheses are refused at level 201", "[limits]") {
  // Column 9 is the first '('; the 201st primary (the 201st '(') is refused.
  const std::string text = "let x = " + repeat("(", 100000) + "any post" + repeat(")", 100000);
  Loaded l = load_text("deep.remit", text);
  REQUIRE_FALSE(l.ok);
  CHECK(l.first() == "deep.remit:1:209: error: " + too_deep);
  CHECK(l.run->diagnostics().error_count() == 1);
  // The excerpt of the 200,000-byte line is cut around the caret.
  CHECK(l.diagnostics().size() < 1000);
}

TEST_CASE("limits: 100,000 unclosed opening parentheses give the same error", "[limits]") {
  Loaded l = load_text("open.remit", "let x = " + repeat("(", 100000));
  REQUIRE_FALSE(l.ok);
  CHECK(l.first() == "open.remit:1:209: error: " + too_deep);
}

TEST_CASE("limits: 100,000 nested 'not' and 'reports to' are refused", "[limits]") {
  // `not` takes a primary: `not not x` is a syntax error, `not (not (x))` nests.
  Loaded nots = load_text("not.remit", "let x = " + repeat("not (", 100000) + "any post");
  REQUIRE_FALSE(nots.ok);
  CHECK(nots.first() == "not.remit:1:1013: error: " + too_deep);  // the 201st '('
  Loaded reports =
      load_text("reports.remit", "let x = " + repeat("reports to ", 100000) + "any body");
  REQUIRE_FALSE(reports.ok);
  CHECK(reports.first() == "reports.remit:1:2209: error: " + too_deep);
  Loaded mixed = load_text("mixed.remit",
                           "let x = " + repeat("(not reports directly to ", 50000) + "any body");
  REQUIRE_FALSE(mixed.ok);
  CHECK_THAT(mixed.first(), Catch::Matchers::EndsWith(too_deep));
}

TEST_CASE("limits: nesting up to the limit is accepted and evaluates", "[limits]") {
  // 199 parentheses and the innermost primary make 200 levels.
  Loaded ok = load_text("edge.remit", "post a \"A\"\nlet x = " + repeat("(", 199) + "any post" +
                                          repeat(")", 199) + "\n");
  REQUIRE(ok.ok);
  Loaded over = load_text("edge.remit", "post a \"A\"\nlet x = " + repeat("(", 200) + "any post" +
                                            repeat(")", 200) + "\n");
  REQUIRE_FALSE(over.ok);
  CHECK(over.first() == "edge.remit:2:209: error: " + too_deep);
}

TEST_CASE("limits: the nesting limit is a setting", "[limits]") {
  Limits limits;
  limits.max_expression_nesting = 3;
  Loaded l = load_text("small.remit", "let x = ((((any post))))", limits);
  REQUIRE_FALSE(l.ok);
  CHECK(l.first() ==
        "small.remit:1:12: error: expression nested too deeply (more than 3 levels of "
        "parentheses, 'not' or 'reports … to'); name a part of it with 'let'");
}

TEST_CASE("limits: a 100,000-term 'and' / 'or' chain is flat and evaluates", "[limits]") {
  const std::size_t n = sanitized ? 20000 : 100000;
  std::string text = "post a \"A\"\npost b \"B\" { reports to a }\nlet all = any post" +
                     repeat(" and any post", n) + "\nlet either = a" + repeat(" or b", n) + "\n";
  Loaded l = load_text("chain.remit", text);
  REQUIRE(l.ok);
  CHECK(l.run->restricted_posts().empty());
  int checked = 0;
  for (const ast::LetDecl& let : l.run->program().lets) {
    if (let.name.text != "all" && let.name.text != "either") continue;
    CHECK(l.run->evaluator().set_of(let.value).count() == 2);
    ++checked;
  }
  CHECK(checked == 2);
}

TEST_CASE("limits: 100,000 lets each naming the one before evaluate without recursion",
          "[limits]") {
  const std::size_t n = sanitized ? 20000 : 100000;
  std::string text = "post a \"A\"\nlet s0 = any post\n";
  for (std::size_t i = 1; i <= n; ++i) {
    text += "let s" + std::to_string(i) + " = s" + std::to_string(i - 1) + "\n";
  }
  text += "category 1 \"Last\" { when s" + std::to_string(n) + " cite \"x\" }\n";
  Loaded l = load_text("lets.remit", text);
  REQUIRE(l.ok);
  REQUIRE(l.run->restricted_posts().size() == 1);
}

TEST_CASE("limits: a 100,000-let definition cycle is reported, not recursed", "[limits]") {
  const std::size_t n = sanitized ? 20000 : 100000;
  std::string text = "post a \"A\"\n";
  for (std::size_t i = 0; i < n; ++i) {
    text += "let s" + std::to_string(i) + " = s" + std::to_string((i + 1) % n) + "\n";
  }
  Loaded l = load_text("letcycle.remit", text);
  REQUIRE_FALSE(l.ok);
  CHECK_THAT(l.first(), Catch::Matchers::StartsWith(
                            "letcycle.remit:2:1: error: definitions depend on themselves: set "
                            "'s0' -> set 's1' -> set 's2'"));
}

TEST_CASE("limits: a 100,000-let definition cycle gives a message of readable size", "[limits]") {
  // Once a fault: the message named every set on the cycle with a note for each: 12 MB and
  // 300,000 lines for 100,000 lets. (20,000 lets in the ASan build.)
  const std::size_t n = sanitized ? 20000 : 100000;
  std::string text = "post a \"A\"\n";
  for (std::size_t i = 0; i < n; ++i) {
    text += "let s" + std::to_string(i) + " = s" + std::to_string((i + 1) % n) + "\n";
  }
  Loaded l = load_text("letcycle.remit", text);
  REQUIRE_FALSE(l.ok);
  CHECK_THAT(l.first(),
             Catch::Matchers::Contains("set 's11' -> … (" + std::to_string(n) +
                                       " definitions in all) -> set 's0'; recursive definitions"));
  CHECK(l.first().size() < 2000);
  CHECK(l.diagnostics().size() < 20000);
}
