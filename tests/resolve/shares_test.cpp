// Shares of duties are exact (interpreter/ast/percent.hpp, interpreter/resolve/shares.hpp):
// written shares in basis points, the rest split in exact fractions, "more than half" compared
// in integers. Floating point once refused 33.33% + 33.33% + 33.34% as more than 100%.
#include "resolve/shares.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "ast/percent.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using Catch::Matchers::Contains;
using remit::test::first_line;
using remit::test::Ids;
using remit::test::load_files;
using remit::test::load_text;

namespace {

const std::string three_posts = "post a \"A\"\npost b \"B\"\npost c \"C\"\n";

remit::test::LoadedPolicy load_structure(const std::filesystem::path& csv) {
  remit::Inputs in;
  in.structures.push_back(csv);
  return load_files(in);
}

const std::string structure_header = "id,title,service,directorate,reports_to,designations,flags\n";

}  // namespace

TEST_CASE("shares: a percentage is read exactly, in basis points", "[shares]") {
  using remit::ast::PercentProblem;
  using remit::ast::read_percent;
  CHECK(read_percent("60").basis_points == 6000);
  CHECK(read_percent("33.33").basis_points == 3333);
  CHECK(read_percent("33.5").basis_points == 3350);
  CHECK(read_percent("0.01").basis_points == 1);
  CHECK(read_percent("100").basis_points == 10000);
  CHECK(read_percent("100.00").basis_points == 10000);
  CHECK(read_percent("007").basis_points == 700);
  CHECK(read_percent("33.333").problem == PercentProblem::too_many_decimals);
  CHECK(read_percent("100.01").problem == PercentProblem::out_of_range);
  CHECK(read_percent("0").problem == PercentProblem::out_of_range);
  CHECK(read_percent("0.00").problem == PercentProblem::out_of_range);
  CHECK(read_percent("99999999999999999999").problem == PercentProblem::out_of_range);
  CHECK(read_percent("1e2").problem == PercentProblem::not_a_number);
  CHECK(read_percent("-5").problem == PercentProblem::not_a_number);
  CHECK(read_percent(".5").problem == PercentProblem::not_a_number);
  CHECK(read_percent("5.").problem == PercentProblem::not_a_number);
  CHECK(read_percent("").problem == PercentProblem::not_a_number);
  CHECK(remit::ast::basis_points_text(3333) == "33.33");
  CHECK(remit::ast::basis_points_text(3350) == "33.5");
  CHECK(remit::ast::basis_points_text(10001) == "100.01");
}

TEST_CASE("shares: the rest is split in exact equal parts", "[shares]") {
  using remit::ast::LineDecl;
  using remit::ast::LineKind;
  auto line = [](std::optional<std::uint32_t> bp, LineKind kind = LineKind::reports) {
    return LineDecl{remit::ast::Name{}, kind, false, bp};
  };
  SECTION("three ways: a third each, in a whole of 30000") {
    const auto split = remit::split_duties(std::vector{line({}), line({}), line({})});
    REQUIRE(split.shares.size() == 3);
    CHECK(split.shares[0] == remit::Share{10000, 30000});
    CHECK_FALSE(remit::more_than_half(10000, 30000));
    CHECK(remit::more_than_half(20000, 30000));
    CHECK(remit::percent_text(10000, 30000) == "about 33.33%");
  }
  SECTION("a written share and the rest split in halves that are not whole basis points") {
    const auto split = remit::split_duties(std::vector{line(1), line({}), line({})});
    REQUIRE(split.shares.size() == 3);
    CHECK(split.shares[0] == remit::Share{2, 20000});
    CHECK(split.shares[1] == remit::Share{9999, 20000});
    CHECK(remit::percent_text(9999, 20000) == "about 50%");  // 49.995%, rounded
    CHECK(remit::percent_text(2, 20000) == "0.01%");
  }
  SECTION("dotted lines carry nothing") {
    const auto split = remit::split_duties(std::vector{line({}), line({}, LineKind::dotted)});
    REQUIRE(split.shares.size() == 2);
    CHECK(split.shares[0] == remit::Share{10000, 10000});
    CHECK(split.shares[1].parts == 0);
    // Even with a share written: what `Line::carries_a_share()` and the evaluator rely on.
    const auto written = remit::split_duties(
        std::vector{line(std::nullopt), line(4000, LineKind::dotted), line(std::nullopt)});
    REQUIRE(written.shares.size() == 3);
    CHECK(written.shares[1].parts == 0);
    CHECK(written.shares[0].parts == written.shares[2].parts);
    CHECK(2 * written.shares[0].parts == written.shares[0].whole);
  }
}

TEST_CASE("shares: 33.33% + 33.33% + 33.34% in a policy is exactly 100%", "[shares]") {
  auto p =
      load_text(three_posts + "post x \"X\" { reports to a 33.33%, b 33.33%, c 33.34% }\n" +
                "let to_ab = reports directly to (a or b)\nlet to_a = reports directly to a\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.set("to_ab") == Ids{"x"});  // 66.66%
  CHECK(p.set("to_a").empty());
}

TEST_CASE("shares: 33.34% + 33.33% + 33.34% is refused as 100.01%", "[shares]") {
  auto p = load_text(three_posts + "post x \"X\" { reports to a 33.34%, b 33.33%, c 33.34% }\n");
  CHECK_FALSE(p.ok);
  CHECK(first_line(p.diagnostics()) ==
        "test.remit:4:25: error: the shares of the lines of post 'x' add up to 100.01%, more than "
        "100%");
}

TEST_CASE("shares: more than two decimals in a policy is an error at the share", "[shares]") {
  auto p = load_text(three_posts + "post x \"X\" { reports to a 33.333%, b }\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(first_line(p.diagnostics()),
             Contains("test.remit:4:27: error: a share has at most two decimals"));
}

TEST_CASE("shares: a structure CSV reads shares exactly", "[shares][csv]") {
  remit::test::TempDir dir;
  SECTION("33.33, 33.33 and 33.34 are accepted") {
    const auto csv =
        dir.write("org.csv", structure_header + "1,A,S,D,,,\n2,B,S,D,,,\n3,C,S,D,,,\n" +
                                 "4,X,S,D,1:33.33;2:33.33;3:33.34,,\n");
    auto p = load_structure(csv);
    INFO(p.diagnostics());
    CHECK(p.ok);
  }
  SECTION("three decimals are refused at the share") {
    const auto csv = dir.write(
        "org.csv", structure_header + "1,A,S,D,,,\n2,B,S,D,,,\n" + "4,X,S,D,1:33.333;2,,\n");
    auto p = load_structure(csv);
    CHECK_FALSE(p.ok);
    CHECK_THAT(p.diagnostics(), Contains("org.csv:4:11: error: reports_to: share \"33.333\" has "
                                         "more than two decimals"));
  }
  SECTION("33.34, 33.33 and 33.34 are refused") {
    const auto csv =
        dir.write("org.csv", structure_header + "1,A,S,D,,,\n2,B,S,D,,,\n3,C,S,D,,,\n" +
                                 "4,X,S,D,1:33.34;2:33.33;3:33.34,,\n");
    auto p = load_structure(csv);
    CHECK_FALSE(p.ok);
    CHECK_THAT(p.diagnostics(), Contains("add up to 100.01%, more than 100%"));
  }
}

// The rest after 0.01% is 99.99%, in two equal parts of 49.995%: a line carrying one of them
// and the 0.01% line carry 50.005%, more than half; one of them alone is not.
TEST_CASE("shares: more than half is decided exactly, equal parts included", "[shares]") {
  auto p = load_text(three_posts +
                     "post x \"X\" { reports to a 0.01%, b, c }\n"
                     "post y \"Y\" { reports to a 50%, b }\n"
                     "post z \"Z\" { reports to a, b, c }\n"
                     "let to_ab = reports directly to (a or b)\n"
                     "let to_b = reports directly to b\n"
                     "let to_a = reports directly to a\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.set("to_ab") == Ids{"x", "y", "z"});  // 50.005%, 100%, two thirds
  CHECK(p.set("to_b").empty());                 // 49.995%, exactly 50%, a third
  CHECK(p.set("to_a").empty());                 // 0.01%, exactly 50%, a third
}
