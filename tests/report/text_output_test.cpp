// What the outputs show of values from an HR export: the order of numeric ids, control
// characters escaped in text output (source/display.hpp), Markdown cells kept to one row, and
// CSV and JSON keeping the exact value.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "source/display.hpp"
#include "tests/explain/cli_golden.hpp"
#include "tests/support/temp_dir.hpp"

using Catch::Matchers::Contains;
using remit::test::run_cli;

namespace {

const std::string header = "id,title,service,directorate,reports_to,designations,flags\n";

// A structure export of the given rows (posts with duty delegated_powers are in category 7).
std::string delegated(const std::string& rows) {
  return header + rows;
}

}  // namespace

TEST_CASE("display_text escapes control characters and nothing else", "[report][escape]") {
  using remit::display_text;
  CHECK(display_text("Head of Planning") == "Head of Planning");
  CHECK(display_text("Caf\u00e9 \u2019s") == "Caf\u00e9 \u2019s");
  CHECK(display_text("a\nb") == "a\\nb");
  CHECK(display_text("a\tb\rc") == "a\\tb\\rc");
  CHECK(display_text("\x1b[31mred") == "\\x1b[31mred");
  CHECK(display_text("a\x7f") == "a\\x7f");
  CHECK(display_text("a\u2028b\u2029c") == "a\\u{2028}b\\u{2029}c");
  CHECK(display_text("a\u0085b") == "a\\u{85}b");
  CHECK(display_text("a\u202eb") == "a\\u{202e}b");
  CHECK(display_text("a\xff") == "a\\xff");  // not UTF-8
}

TEST_CASE("markdown_cell keeps a value in one cell", "[report][markdown]") {
  using remit::markdown_cell;
  CHECK(markdown_cell("Legal | Democratic") == "Legal \\| Democratic");
  CHECK(markdown_cell("two\nlines") == "two<br>lines");
  CHECK(markdown_cell("two\r\nlines") == "two<br>lines");
  CHECK(markdown_cell("a\u2028b") == "a<br>b");
  CHECK(markdown_cell("a\x1b[2Jb") == "a\\x1b[2Jb");
}

TEST_CASE("derive lists numeric ids in numeric order, leading zeros included", "[report][order]") {
  remit::test::TempDir dir;
  dir.write("org.csv", delegated("100,Planner A,S,D,,,delegated_powers\n"
                                 "20,Planner B,S,D,,,delegated_powers\n"
                                 "007,Planner C,S,D,,,delegated_powers\n"
                                 "7,Planner D,S,D,,,delegated_powers\n"));
  const auto r = run_cli({"derive", "--structure", "org.csv", "--format", "csv"}, dir.path());
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out ==
        "category,id,title,service,directorate,category_name\n"
        "7,007,Planner C,S,D,Officers to whom powers are delegated\n"
        "7,7,Planner D,S,D,Officers to whom powers are delegated\n"
        "7,20,Planner B,S,D,Officers to whom powers are delegated\n"
        "7,100,Planner A,S,D,Officers to whom powers are delegated\n");
}

TEST_CASE("control characters in a CSV title are escaped in text output", "[report][escape]") {
  remit::test::TempDir dir;
  dir.write("org.csv",
            delegated("1,\"Head of\nPlanning\x1b[2J\tand\u2028more\",S,D,,,delegated_powers\n"));
  SECTION("the table") {
    const auto r = run_cli({"derive", "--structure", "org.csv", "--format", "table"}, dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Contains("Head of\\nPlanning\\x1b[2J\\tand\\u{2028}more"));
    CHECK(r.out.find('\x1b') == std::string::npos);
  }
  SECTION("an explanation") {
    const auto r = run_cli({"explain", "--structure", "org.csv", "1"}, dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Contains("1 \"Head of\\nPlanning\\x1b[2J\\tand\\u{2028}more\""));
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\t') == std::string::npos);
  }
  SECTION("CSV and JSON keep the exact value") {
    const auto csv = run_cli({"derive", "--structure", "org.csv", "--format", "csv"}, dir.path());
    CHECK_THAT(csv.out, Contains("\"Head of\nPlanning\x1b[2J\tand\u2028more\""));
    const auto json = run_cli({"derive", "--structure", "org.csv", "--format", "json"}, dir.path());
    const auto doc = nlohmann::json::parse(json.out);
    CHECK(doc["posts"][0]["title"] == "Head of\nPlanning\x1b[2J\tand\u2028more");
  }
}

TEST_CASE("control characters from the input are escaped in error messages", "[report][escape]") {
  // Errors go to the terminal too: an ESC sequence or a bidirectional override in an HR export
  // must not act on it from a message or from the excerpt of the line.
  remit::test::TempDir dir;
  dir.write("org.csv",
            header +
                "ceo,Chief Executive,,,,,\n"
                "ab\x1b[2J,Caf\u00e9\u2019s Bidi \u202eevil,,,\"nowhere\x1b[2J\x07\",,\n");
  SECTION("an unknown manager, and the excerpt of its row") {
    const auto r = run_cli({"derive", "--structure", "org.csv"}, dir.path());
    REQUIRE(r.status == 2);
    CHECK_THAT(r.err, Contains("org.csv:3:"));
    CHECK_THAT(r.err, Contains("reports to 'nowhere\\x1b[2J\\x07'"));
    // Other characters outside ASCII are shown whole.
    CHECK_THAT(r.err, Contains("  ab?[2J,Caf\u00e9\u2019s Bidi ?evil,,,\"nowhere?[2J?\",,\n"));
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x07') == std::string::npos);
    CHECK(r.err.find("\u202e") == std::string::npos);
  }
  SECTION("an id suggested by remit explain") {
    dir.write("org.csv", header + "ceo,Chief Executive,,,,,\ndfin\x1b,Director,,,ceo,,\n");
    const auto r = run_cli({"explain", "--structure", "org.csv", "dfin"}, dir.path());
    REQUIRE(r.status == 2);
    CHECK(r.err == "remit: error: no post with id 'dfin' (did you mean 'dfin\\x1b'?)\n");
  }
}

TEST_CASE("a scenario name with a control character is escaped in the whatif title",
          "[report][escape]") {
  remit::test::TempDir dir;
  dir.write("org.remit",
            "use \"uk/lgha1989\"\nbody council \"Council\"\n"
            "post ceo \"Chief Executive\" { reports to council designated head_of_paid_service }\n"
            "post d1 \"Deputy\" { reports to ceo }\n"
            "scenario \"x\x1b[2J\" { remove post d1 }\n");
  const auto r = run_cli({"whatif", "org.remit", "--scenario", "x\x1b[2J"}, dir.path());
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("What if: \"x\\x1b[2J\" (org.remit:5:1)"));
  CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("a Markdown row stays one row with | and a line break in a title", "[report][markdown]") {
  remit::test::TempDir dir;
  dir.write("org.csv", delegated("1,\"Legal | Democratic\nServices\",S,D,,,delegated_powers\n"));
  const auto r = run_cli({"derive", "--structure", "org.csv", "--format", "markdown"}, dir.path());
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("| Legal \\| Democratic<br>Services | S | D | 1 |\n"));
}
