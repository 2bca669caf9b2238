// The CSV front end: the RFC 4180 reader, then the structure and holders importers that turn HR
// exports into the same AST declarations as .remit files.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ast/percent.hpp"
#include "import/csv_reader.hpp"
#include "import/holders_csv.hpp"
#include "import/structure_csv.hpp"
#include "resolve/loader.hpp"
#include "source/diagnostic.hpp"
#include "tests/support/declared_people.hpp"
#include "tests/support/loaded_inputs.hpp"
#include "tests/support/temp_dir.hpp"

using namespace remit;
using Catch::Matchers::Contains;
using Status = csv::Reader::Status;

namespace {

const std::string header = "id,title,service,directorate,reports_to,designations,flags\n";

// The AST holds views into the SourceSet, so the three live and die together.
struct Imported {
  SourceSet sources;
  Diagnostics diags;
  ast::Program program;
  FileId file = 0;
  [[nodiscard]] std::string rendered() const { return render(sources, diags); }
  // A post with its parts read out of the program's arenas.
  struct PostView {
    ast::Name id;
    std::string_view title, service, directorate;
    std::vector<ast::LineDecl> lines;
    std::vector<ast::Name> designations, duties;
    SourceSpan where;
  };
  [[nodiscard]] PostView post(std::string_view id) const {
    for (const auto& p : program.posts) {
      if (p.id.text == id) {
        auto copy = [](auto span) { return std::vector(span.begin(), span.end()); };
        return PostView{p.id,
                        p.title,
                        p.service(),
                        p.directorate(),
                        copy(program.lines(p)),
                        copy(program.designations(p)),
                        copy(program.duties(p)),
                        p.id.where};
      }
    }
    FAIL("no post " << id);
    return {};
  }
  // Every person as declared, with their holdings and qualifications, in the order read.
  [[nodiscard]] std::vector<test::DeclaredPerson> people() const {
    return test::declared_people(program);
  }
  [[nodiscard]] test::DeclaredPerson person(std::string_view id) const {
    for (test::DeclaredPerson& p : people()) {
      if (p.id.text == id) return p;
    }
    FAIL("no person " << id);
    return {};
  }
};

std::unique_ptr<Imported> structure(std::string text, std::string name = "org.csv") {
  auto run = std::make_unique<Imported>();
  run->file = run->sources.add(std::move(name), std::move(text));
  import_structure(run->sources, run->file, run->program, run->diags);
  return run;
}

std::unique_ptr<Imported> holders(std::string text, std::string name = "holders.csv") {
  auto run = std::make_unique<Imported>();
  run->file = run->sources.add(std::move(name), std::move(text));
  import_holders(run->sources, run->file, run->program, run->diags);
  return run;
}

// Reads every record of `text` with the bare reader.
struct ReadAll {
  SourceSet sources;
  Diagnostics diags;
  std::vector<std::vector<csv::Field>> rows;
  std::vector<Status> statuses;  // one per call to next() that did not return end
  explicit ReadAll(std::string text) {
    FileId file = sources.add("t.csv", std::move(text));
    csv::Reader reader(sources, file);
    csv::Row row;
    Status status;
    while ((status = reader.next(row)) != Status::end) {
      statuses.push_back(status);
      if (status == Status::row) rows.push_back(row.fields);
      if (status == Status::bad_row) diags.error(row.error_where, row.error);
    }
  }
  [[nodiscard]] std::string rendered() const { return render(sources, diags); }
};

std::string read_test_data(const std::string& relative) {
  std::string error;
  auto text = read_file(std::string(REMIT_PROJECT_DIR) + "/tests/data/" + relative, error);
  REQUIRE(text.has_value());
  return *text;
}

}  // namespace

// ---- the reader ---------------------------------------------------------------------------------

TEST_CASE("reader: plain rows, a last line without a newline", "[csv]") {
  ReadAll r("a,b,c\n1,22,333");
  REQUIRE(r.diags.all().empty());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[1].size() == 3);
  CHECK(r.rows[1][2].text == "333");
  CHECK(r.sources.position(r.rows[1][2].where).line == 2);
  CHECK(r.sources.position(r.rows[1][2].where).column == 6);
  CHECK(r.rows[1][2].where.offset == 11);
  CHECK_FALSE(r.rows[1][2].quoted);
}

TEST_CASE("reader: CRLF line ends are not part of the last field", "[csv]") {
  ReadAll r("a,b\r\n1,2\r\n3,\r\n");
  REQUIRE(r.diags.all().empty());
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[1][1].text == "2");
  CHECK(r.sources.position(r.rows[2][0].where).line == 3);
  REQUIRE(r.rows[2].size() == 2);
  CHECK(r.rows[2][1].text.empty());
}

TEST_CASE("reader: a UTF-8 byte order mark is skipped, columns still count bytes", "[csv]") {
  ReadAll r("\xEF\xBB\xBFid,x\n1,2\n");
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0][0].text == "id");
  CHECK(r.sources.position(r.rows[0][0].where).column == 4);
  CHECK(r.rows[0][0].where.offset == 3);
}

TEST_CASE("reader: quoted fields hold commas, newlines and doubled quotes", "[csv]") {
  ReadAll r("a,\"x, y\",\"line1\nline2\",\"say \"\"hi\"\"\",\"\"\nnext,row\n");
  REQUIRE(r.diags.all().empty());
  REQUIRE(r.rows.size() == 2);
  const auto& f = r.rows[0];
  REQUIRE(f.size() == 5);
  CHECK(f[1].text == "x, y");
  CHECK(f[1].quoted);
  CHECK_FALSE(f[1].unescaped);
  CHECK(f[2].text == "line1\nline2");
  CHECK(f[3].text == "say \"hi\"");
  CHECK(f[3].unescaped);
  CHECK(r.sources.position(f[3].where).line ==
        2);  // the line where the field starts, after the newline in f[2]
  CHECK(r.sources.position(f[3].where).column == 8);
  CHECK(f[4].text.empty());
  CHECK(f[4].quoted);
  CHECK(r.rows[1][0].text == "next");
  CHECK(r.sources.position(r.rows[1][0].where).line == 3);
  CHECK(r.sources.position(r.rows[1][0].where).column == 1);
}

TEST_CASE("reader: blank lines are skipped and counted", "[csv]") {
  ReadAll r("\na,b\n\n\r\n1,2\n\n");
  REQUIRE(r.diags.all().empty());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.sources.position(r.rows[0][0].where).line == 2);
  CHECK(r.sources.position(r.rows[1][0].where).line == 5);
  CHECK(r.rows[1][1].text == "2");
}

TEST_CASE("reader: a trailing comma makes an empty last field", "[csv]") {
  ReadAll r("a,b,");
  REQUIRE(r.rows.size() == 1);
  REQUIRE(r.rows[0].size() == 3);
  CHECK(r.rows[0][2].text.empty());
  CHECK(r.sources.position(r.rows[0][2].where).column == 5);
}

TEST_CASE("reader: span_at finds bytes inside a field, across quoted newlines", "[csv]") {
  ReadAll r("x,\"ab\ncd\",ef\n");
  REQUIRE(r.rows.size() == 1);
  const csv::Field& quoted = r.rows[0][1];
  SourceSpan a = csv::span_at(quoted, 0);
  CHECK(r.sources.position(a).line == 1);
  CHECK(r.sources.position(a).column == 4);
  SourceSpan d = csv::span_at(quoted, 4);
  CHECK(r.sources.position(d).line == 2);
  CHECK(r.sources.position(d).column == 2);
  CHECK(d.offset == 7);
  SourceSpan f = csv::span_at(r.rows[0][2], 1);
  CHECK(r.sources.position(f).line == 2);
  CHECK(r.sources.position(f).column == 6);
}

TEST_CASE("reader: an unterminated quote is reported at the opening quote", "[csv]") {
  ReadAll r("a,b\n1,\"open\n2,3\n");
  CHECK(r.rows.size() == 1);
  REQUIRE(r.diags.error_count() == 1);
  CHECK_THAT(r.rendered(), Contains("t.csv:2:3: error: this quoted field is never closed"));
}

TEST_CASE("reader: a quote inside an unquoted field is reported, then reading goes on", "[csv]") {
  ReadAll r("a,b\nxy\"z,1\n2,3\n");
  REQUIRE(r.diags.error_count() == 1);
  CHECK_THAT(r.rendered(), Contains("t.csv:2:3: error: a `\"` inside a value"));
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[1][0].text == "2");
  CHECK(r.sources.position(r.rows[1][0].where).line == 3);
  CHECK(r.statuses == std::vector<Status>{Status::row, Status::bad_row, Status::row});
}

TEST_CASE("reader: a stray character after a closing quote", "[csv]") {
  ReadAll r("a,b\n1,\"ok\"x\n2,3\n");
  REQUIRE(r.diags.error_count() == 1);
  CHECK_THAT(r.rendered(), Contains("t.csv:2:7: error: unexpected `x` after the closing `\"`"));
  CHECK(r.rows.size() == 2);
}

TEST_CASE("reader: a quoted field may end a CRLF line or the file", "[csv]") {
  ReadAll r("\"a\"\r\n\"b\",\"c\"");
  REQUIRE(r.diags.all().empty());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0][0].text == "a");
  CHECK(r.rows[1][1].text == "c");
  CHECK(r.sources.position(r.rows[1][1].where).line == 2);
  CHECK(r.sources.position(r.rows[1][1].where).column == 5);
}

TEST_CASE("reader: a NUL byte stops reading, with its position", "[csv]") {
  const std::string text = std::string("a,b\n1,2\n3,x") + '\0' + "y\n5,6\n";
  ReadAll r(text);
  REQUIRE(r.diags.error_count() == 1);
  CHECK_THAT(r.rendered(), Contains("t.csv:3:4: error: the file contains a NUL byte"));
  CHECK(r.rows.size() == 2);  // nothing after the NUL is read
}

TEST_CASE("reader: a UTF-16 file is named as such", "[csv]") {
  ReadAll r(
      std::string("\xFF\xFE"
                  "i\0d\0",
                  6));
  REQUIRE(r.diags.error_count() == 1);
  CHECK_THAT(r.rendered(), Contains("UTF-16"));
  CHECK(r.rows.empty());
}

TEST_CASE("reader: a lone carriage return is an error", "[csv]") {
  ReadAll r("a,b\r1,2\n");
  REQUIRE(r.diags.error_count() == 1);
  CHECK_THAT(r.rendered(), Contains("t.csv:1:4: error: a carriage return"));
}

// ---- structure.csv
// --------------------------------------------------------------------------------

TEST_CASE("structure: a row becomes a post with its lines, designations and duties", "[csv]") {
  auto run =
      structure(header + "500,Chief Executive,CEO Office,CEO Office,,head_of_paid_service,\n" +
                "11,Clerk,Public Health,Place,500,,clerical;advises_authority\n");
  REQUIRE(run->rendered().empty());
  REQUIRE(run->program.posts.size() == 2);
  const auto ceo = run->post("500");
  CHECK(ceo.title == "Chief Executive");
  CHECK(ceo.service == "CEO Office");
  CHECK(ceo.directorate == "CEO Office");
  CHECK(ceo.lines.empty());
  REQUIRE(ceo.designations.size() == 1);
  CHECK(ceo.designations[0].text == "head_of_paid_service");
  CHECK(run->sources.position(ceo.where).line == 2);
  CHECK(run->sources.position(ceo.where).column == 1);
  const auto clerk = run->post("11");
  REQUIRE(clerk.lines.size() == 1);
  CHECK(clerk.lines[0].target.text == "500");
  CHECK(clerk.lines[0].kind == ast::LineKind::reports);
  CHECK_FALSE(clerk.lines[0].basis_points.has_value());
  CHECK(run->sources.position(clerk.lines[0].target.where).line == 3);
  CHECK(run->sources.position(clerk.lines[0].target.where).column == 30);
  REQUIRE(clerk.duties.size() == 2);
  CHECK(clerk.duties[0].text == "clerical");
  CHECK(clerk.duties[1].text == "advises_authority");
  CHECK(run->sources.position(clerk.duties[1].where).column == 44);
}

TEST_CASE("structure: quoted titles with commas, newlines and quotes", "[csv]") {
  auto run = structure(
      header + "1,\"Head of Law,\nand \"\"Governance\"\"\",Legal,Gov,,monitoring_officer,\n" +
      "2,\"Officer, Legal\",Legal,Gov,1,,\n");
  REQUIRE(run->rendered().empty());
  REQUIRE(run->program.posts.size() == 2);
  const auto law = run->post("1");
  CHECK(law.title == "Head of Law,\nand \"Governance\"");
  REQUIRE(law.designations.size() == 1);
  CHECK(run->sources.position(law.designations[0].where).line == 3);
  CHECK(run->sources.position(law.designations[0].where).column == 32);
  const auto officer = run->post("2");
  CHECK(officer.title == "Officer, Legal");
  CHECK(run->sources.position(officer.where).line == 4);
}

TEST_CASE("structure: tokens inside a quoted multi-line field get exact positions", "[csv]") {
  auto run = structure(header + "1,T,S,D,,\"a;\n b\",\n");
  REQUIRE(run->rendered().empty());
  const auto p = run->post("1");
  REQUIRE(p.designations.size() == 2);
  CHECK(run->sources.position(p.designations[0].where).line == 2);
  CHECK(run->sources.position(p.designations[0].where).column == 11);
  CHECK(p.designations[1].text == "b");
  CHECK(run->sources.position(p.designations[1].where).line == 3);
  CHECK(run->sources.position(p.designations[1].where).column == 2);
}

TEST_CASE("structure: CRLF line ends and a byte order mark", "[csv]") {
  auto run = structure(
      "\xEF\xBB\xBFid,title,service,directorate,reports_to,designations,flags\r\n"
      "1,Chief,S,D,,head_of_paid_service,\r\n"
      "2,Deputy,S,D,1,,clerical\r\n");
  REQUIRE(run->rendered().empty());
  REQUIRE(run->program.posts.size() == 2);
  CHECK(run->post("2").duties.at(0).text == "clerical");  // no '\r' left on the last field
  CHECK(run->post("2").lines.at(0).target.text == "1");
}

TEST_CASE("structure: spaces around tokens and values are trimmed", "[csv]") {
  auto run = structure(header + " 7 , Officer ,S,D, 1 : 50 ; 2 , a ; b ,\n");
  REQUIRE(run->rendered().empty());
  const auto p = run->post("7");
  CHECK(p.title == "Officer");
  REQUIRE(p.lines.size() == 2);
  CHECK(p.lines[0].target.text == "1");
  CHECK(p.lines[0].basis_points == 5000u);
  CHECK(p.lines[1].target.text == "2");
  REQUIRE(p.designations.size() == 2);
  CHECK(p.designations[1].text == "b");
}

TEST_CASE("structure: a header-only file has no posts and no errors", "[csv]") {
  auto run = structure(header);
  CHECK(run->diags.all().empty());
  CHECK(run->program.posts.empty());
  auto without_newline = structure(header.substr(0, header.size() - 1));
  CHECK(without_newline->diags.all().empty());
}

TEST_CASE("structure: an empty file is an error", "[csv]") {
  auto run = structure("");
  REQUIRE(run->diags.error_count() == 1);
  CHECK_THAT(run->rendered(),
             Contains("org.csv:1:1: error: empty file: expected a header line such as "
                      "`id,title[,service][,directorate]"));
}

TEST_CASE("structure: an unbalanced quote is reported at its line and column", "[csv]") {
  auto run = structure(header + "1,Chief,S,D,,,\n2,\"Head of Law,S,D,1,,\n3,Officer,S,D,1,,\n");
  REQUIRE(run->diags.error_count() == 1);
  CHECK_THAT(run->rendered(), Contains("org.csv:3:3: error: this quoted field is never closed"));
  CHECK(run->program.posts.size() == 1);
}

TEST_CASE("structure: unknown, duplicate and missing columns", "[csv]") {
  SECTION("unknown: ignored") {
    auto run = structure("id,title,service,directorate,reports_to,designations,flags,grade\n");
    CHECK(run->diags.all().empty());
  }
  SECTION("in upper case, after a byte order mark") {
    auto run = structure("\xEF\xBB\xBFID,TITLE\n1,A\n");
    CHECK(run->diags.all().empty());
    REQUIRE(run->program.posts.size() == 1);
    CHECK(run->program.posts[0].title == "A");
  }
  SECTION("duplicate") {
    auto run = structure(
        "id,title,service,directorate,reports_to,title,designations,flags\n"
        "1,A,S,D,,B,,\n");
    REQUIRE(run->diags.error_count() == 1);
    CHECK_THAT(run->rendered(), Contains("org.csv:1:41: error: column \"title\" appears twice in "
                                         "the header: remove one"));
    REQUIRE(run->diags.all()[0].notes.size() == 1);
    CHECK(run->sources.position(run->diags.all()[0].notes[0].where).column == 4);
    CHECK(run->program.posts.empty());
  }
  SECTION("missing: only id and title are needed") {
    auto run = structure("id,service\n1,S\n");
    REQUIRE(run->diags.error_count() == 1);
    CHECK_THAT(run->rendered(), Contains("org.csv:1:1: error: no column for title"));
    CHECK(run->program.posts.empty());
  }
}

TEST_CASE("structure: columns in any order, and accountable_to", "[csv]") {
  auto run = structure(
      "flags,id,accountable_to,designations,reports_to,directorate,service,title\n"
      ",9,ceo:25;council,,ed:75,Place,Public Health,DPH\n");
  REQUIRE(run->rendered().empty());
  const auto p = run->post("9");
  CHECK(p.title == "DPH");
  CHECK(p.service == "Public Health");
  REQUIRE(p.lines.size() == 3);
  CHECK(p.lines[0].kind == ast::LineKind::reports);
  CHECK(p.lines[0].target.text == "ed");
  CHECK(p.lines[0].basis_points == 7500u);
  CHECK(p.lines[1].kind == ast::LineKind::accountable);
  CHECK(p.lines[1].target.text == "ceo");
  CHECK(p.lines[1].basis_points == 2500u);
  CHECK(p.lines[2].kind == ast::LineKind::accountable);
  CHECK(p.lines[2].target.text == "council");
  CHECK_FALSE(p.lines[2].basis_points.has_value());
}

TEST_CASE("structure: several lines with shares", "[csv]") {
  auto run = structure(header + "8,T,S,D,ed_a:60;ed_b:40,,\n9,T,S,D,ed_a:33.5%,,\n");
  REQUIRE(run->rendered().empty());
  const auto p = run->post("8");
  REQUIRE(p.lines.size() == 2);
  CHECK(p.lines[0].target.text == "ed_a");
  CHECK(p.lines[0].basis_points == 6000u);
  CHECK(run->sources.position(p.lines[0].target.where).column == 9);
  CHECK(p.lines[1].target.text == "ed_b");
  CHECK(p.lines[1].basis_points == 4000u);
  CHECK(run->sources.position(p.lines[1].target.where).column == 17);
  CHECK(run->post("9").lines.at(0).basis_points == 3350u);
}

TEST_CASE("structure: a bad share is reported at the share", "[csv]") {
  auto run = structure(header + "7,T,S,D,ed_a:abc,,\n8,T,S,D,,,\n");
  REQUIRE(run->diags.error_count() == 1);
  CHECK_THAT(run->rendered(),
             Contains("org.csv:2:14: error: reports_to: share \"abc\" is not a percentage "
                      "(expected e.g. ed_a:60)"));
  REQUIRE(run->program.posts.size() == 1);  // the bad row is skipped, the next one kept
  CHECK(run->program.posts[0].id.text == "8");
}

TEST_CASE("structure: shares must be more than 0 and at most 100", "[csv]") {
  auto run = structure(header + "1,T,S,D,a:0,,\n2,T,S,D,a:120,,\n3,T,S,D,a:-5,,\n4,T,S,D,a:,,\n" +
                       "5,T,S,D,a:100,,\n6,T,S,D,a:nan,,\n");
  CHECK(run->diags.error_count() == 5);
  CHECK_THAT(run->rendered(), Contains("org.csv:3:11: error: reports_to: share \"120\" must be"));
  CHECK_THAT(run->rendered(), Contains("org.csv:5:11: error: reports_to: no share after the `:`"));
  REQUIRE(run->program.posts.size() == 1);
  CHECK(run->program.lines(run->program.posts[0])[0].basis_points == 10000u);
}

TEST_CASE("structure: empty entries in a list are errors", "[csv]") {
  auto run = structure(header + "9,T,S,D,,a;;b,\n10,T,S,D,,,clerical;\n11,T,S,D,;x,,\n");
  REQUIRE(run->diags.error_count() == 3);
  const std::string out = run->rendered();
  CHECK_THAT(out, Contains("org.csv:2:12: error: designations: empty entry in \"a;;b\""));
  CHECK_THAT(out, Contains("org.csv:3:21: error: flags: empty entry"));
  CHECK_THAT(out, Contains("org.csv:4:10: error: reports_to: empty entry"));
  CHECK(run->program.posts.empty());
}

TEST_CASE("structure: designations and flags must be identifiers", "[csv]") {
  auto run = structure(header + "1,T,S,D,,section 151,\n2,T,S,D,,,9lives\n3,T,S,D,,ok,ok_2;ok_2\n");
  REQUIRE(run->diags.error_count() == 2);
  CHECK_THAT(run->rendered(),
             Contains("org.csv:2:10: error: designations: \"section 151\" is not a valid name"));
  CHECK_THAT(run->rendered(), Contains("org.csv:3:11: error: flags: \"9lives\""));
  REQUIRE(run->program.posts.size() == 1);
  CHECK(run->program.duties(run->program.posts[0]).size() == 1);  // a repeated flag counts once
}

TEST_CASE("structure: only posts with designations or flags take an extras entry", "[csv]") {
  // Two identical rows are one post (a job share): the repeat's entry goes with it.
  auto run = structure(header + "1,T,S,D,,,\n2,T,S,D,1,monitoring_officer,\n" +
                       "2,T,S,D,1,monitoring_officer,\n3,T,S,D,1,,clerical\n4,T,S,D,1,,\n");
  CHECK(run->diags.error_count() == 0);
  REQUIRE(run->program.posts.size() == 4);
  CHECK(run->program.post_extras.size() == 2);
  const auto& posts = run->program.posts;
  CHECK(posts[0].extras == ast::no_extras);
  CHECK(posts[3].extras == ast::no_extras);
  CHECK(run->program.designations(posts[0]).empty());
  REQUIRE(run->program.designations(posts[1]).size() == 1);
  CHECK(run->program.designations(posts[1])[0].text == "monitoring_officer");
  CHECK(run->program.duties(posts[1]).empty());
  REQUIRE(run->program.duties(posts[2]).size() == 1);
  CHECK(run->program.duties(posts[2])[0].text == "clerical");
  CHECK(run->program.holders(posts[2]).empty());
}

TEST_CASE("a line's optional share reads as std::optional does, in 16 bits", "[csv][shares]") {
  const ast::OptionalShare none;
  CHECK_FALSE(none.has_value());
  CHECK_FALSE(static_cast<bool>(none));
  CHECK(none.value_or(7) == 7u);
  CHECK(none == ast::OptionalShare(std::nullopt));
  CHECK(none == ast::OptionalShare(std::optional<std::uint32_t>{}));
  for (std::uint32_t bp : {1u, 3333u, 6000u, ast::basis_points_in_whole}) {
    const ast::OptionalShare share(bp);
    CHECK(share.has_value());
    CHECK(*share == bp);
    CHECK(share.value_or(0) == bp);
    CHECK(share == bp);
    CHECK(share == ast::OptionalShare(std::optional<std::uint32_t>(bp)));
    CHECK_FALSE(share == none);
  }
}

TEST_CASE("structure: id and title are required - ids cannot hold separators", "[csv]") {
  auto run = structure(header + ",T,S,D,,,\n2, ,S,D,,,\n\"3,4\",T,S,D,,,\n5,T,S,D,\"a,b\",,\n");
  REQUIRE(run->diags.error_count() == 4);
  const std::string out = run->rendered();
  CHECK_THAT(out, Contains("org.csv:2:1: error: id: every post needs an id"));
  CHECK_THAT(out, Contains("org.csv:3:4: error: title: every post needs a title"));
  CHECK_THAT(out, Contains("org.csv:4:2: error: id: the post id \"3,4\" contains `,`"));
  CHECK_THAT(out, Contains("org.csv:5:10: error: reports_to: the post id \"a,b\" contains `,`"));
  CHECK(run->program.posts.empty());
}

TEST_CASE("structure: a repeated line target is an error", "[csv]") {
  auto run = structure(header + "1,T,S,D,a;a,,\n");
  REQUIRE(run->diags.error_count() == 1);
  CHECK_THAT(run->rendered(),
             Contains("org.csv:2:11: error: reports_to: post \"a\" is listed twice"));
}

TEST_CASE("structure: a row with the wrong number of fields", "[csv]") {
  auto run = structure(header + "1,Head of Law, Legal,S,D,,,\n2,T,S\n3,T,S,D,,,\n");
  REQUIRE(run->diags.error_count() == 2);
  CHECK_THAT(run->rendered(), Contains("org.csv:2:28: error: this row has 8 fields but the header "
                                       "has 7 columns (a value containing `,` must be"));
  CHECK_THAT(run->rendered(), Contains("org.csv:3:1: error: this row has 3 fields"));
  REQUIRE(run->program.posts.size() == 1);
  CHECK(run->program.posts[0].id.text == "3");
}

TEST_CASE("structure: every bad row is reported, in one run", "[csv]") {
  auto run =
      structure(header + "1,,S,D,,,\n2,T,S,D,,,\n3,T,S,D,x:y,,\n4,T,S,D,,,\n5,T,S,D,,a b,\n");
  CHECK(run->diags.error_count() == 3);
  REQUIRE(run->program.posts.size() == 2);
  CHECK(run->program.posts[0].id.text == "2");
  CHECK(run->program.posts[1].id.text == "4");
}

TEST_CASE("structure: a row with several problems reports each", "[csv]") {
  auto run = structure(header + "1,,S,D,x:y,a b,\n");
  CHECK(run->diags.error_count() == 3);
  CHECK(run->program.posts.empty());
}

TEST_CASE("structure: errors stop at 100, with one more saying so", "[csv]") {
  std::string text = header;
  for (int i = 0; i < 150; ++i) text += std::to_string(i) + ",T,S,D,a:bad,,\n";
  auto run = structure(text);
  REQUIRE(run->diags.error_count() == 101);
  CHECK(run->diags.all().back().message == "too many errors in org.csv; stopping");
  CHECK(run->sources.position(run->diags.all()[99].where).line == 101);
  CHECK(run->program.posts.empty());
}

TEST_CASE("structure: exactly 100 errors do not say too many", "[csv]") {
  std::string text = header;
  for (int i = 0; i < 100; ++i) text += std::to_string(i) + ",T,S,D,a:bad,,\n";
  auto run = structure(text);
  CHECK(run->diags.error_count() == 100);
  CHECK_THAT(run->diags.all().back().message, !Contains("too many"));
}

TEST_CASE("structure: the benchmark fixture (tests/data)", "[csv]") {
  auto run = structure(read_test_data("bench-fixture/structure.csv"), "structure.csv");
  REQUIRE(run->rendered().empty());
  CHECK(run->program.posts.size() == 21);
  const auto ceo = run->post("500");
  CHECK(ceo.lines.empty());
  CHECK(ceo.designations.at(0).text == "head_of_paid_service");
  const auto& people = run->post("120");
  REQUIRE(people.designations.size() == 2);
  CHECK(people.designations[1].text == "director_of_adult_social_services");
  const auto law = run->post("102");
  CHECK(law.lines.at(0).target.text == "101");
  CHECK(law.designations.at(0).text == "monitoring_officer");
  const auto& press = run->post("103");
  REQUIRE(press.duties.size() == 2);
  CHECK(press.duties[1].text == "speaks_to_media");
  CHECK(run->sources.position(run->post("1000").where).line == 22);
}

// ---- holders.csv
// ----------------------------------------------------------------------------------

TEST_CASE("holders: the fixture's rows merge per person", "[csv]") {
  auto run = holders(read_test_data("bench-fixture/holders.csv"));
  REQUIRE(run->rendered().empty());
  REQUIRE(run->people().size() == 6);
  CHECK(run->people()[0].id.text == "alice");
  CHECK(run->people()[1].id.text == "Zed");
  const auto& zed = run->person("Zed");
  CHECK(zed.name == "Zed");
  REQUIRE(zed.holds.size() == 3);
  CHECK(zed.holds[0].post.text == "500");
  CHECK(zed.holds[2].post.text == "151");
  CHECK(run->sources.position(zed.holds[2].post.where).line == 14);
  CHECK(run->sources.position(zed.holds[2].post.where).column == 5);
  CHECK(zed.holds[2].kind == ast::HoldingKind::substantive);
  CHECK(run->sources.position(zed.id.where).line == 4);
  CHECK(run->person("frank").holds.at(1).post.text == "999");  // resolution checks post ids
  CHECK(run->person("erin").holds.size() == 3);
}

TEST_CASE("holders: qualifications lose a qualified_ prefix and merge", "[csv]") {
  auto run = holders(
      "person,post_id,qualifications\n"
      "ann,100,qualified_accountant;solicitor\n"
      "ann,101,accountant\n"
      "bob,102,\n");
  REQUIRE(run->rendered().empty());
  const auto& ann = run->person("ann");
  REQUIRE(ann.qualifications.size() == 2);
  CHECK(ann.qualifications[0].text == "accountant");
  CHECK(run->sources.position(ann.qualifications[0].where).column == 19);  // after the prefix
  CHECK(ann.qualifications[1].text == "solicitor");
  CHECK(ann.holds.size() == 2);
  CHECK(run->person("bob").qualifications.empty());
  // Only ann, who has qualifications, has an entry beside the rows (HoldersExport::qualified);
  // both are named by their ids.
  REQUIRE(run->program.holder_exports.size() == 1);
  CHECK(run->program.holder_exports[0].qualified.size() == 1);
  CHECK(ann.name == "ann");
  CHECK(run->person("bob").name == "bob");
}

TEST_CASE("holders: the kind column", "[csv]") {
  auto run = holders(
      "kind,person,post_id\ninterim,ann,100\nacting,ann,101\n,bob,102\n"
      "Substantive,cy,103\ntemp,dee,104\n");
  REQUIRE(run->diags.error_count() == 1);
  CHECK_THAT(run->rendered(), Contains("holders.csv:6:1: error: kind: \"temp\" is not one of "
                                       "substantive, interim or acting"));
  const auto& ann = run->person("ann");
  REQUIRE(ann.holds.size() == 2);
  CHECK(ann.holds[0].kind == ast::HoldingKind::interim);
  CHECK(ann.holds[1].kind == ast::HoldingKind::acting);
  CHECK(run->person("bob").holds.at(0).kind == ast::HoldingKind::substantive);
  CHECK(run->person("cy").holds.at(0).kind == ast::HoldingKind::substantive);
  CHECK(run->people().size() == 3);  // dee's only row was bad
}

TEST_CASE("holders: bad rows and repeated holdings", "[csv]") {
  auto run = holders(
      "person,post_id,kind\n"
      ",100,\n"           // no person
      "ann,,\n"           // no post
      "ann,100,\n"        // fine
      "ann,100,\n"        // the same again: a warning
      "ann,100,acting\n"  // a conflict: an error
      "ann,a:b,\n"        // not a post id
      "bob,200,\n");
  CHECK(run->diags.error_count() == 4);
  const std::string out = run->rendered();
  CHECK_THAT(out, Contains("holders.csv:2:1: error: person: every row needs a person"));
  CHECK_THAT(out, Contains("holders.csv:3:5: error: post_id: every row needs"));
  CHECK_THAT(out, Contains("holders.csv:5:5: warning: \"ann\" holds post \"100\" twice"));
  CHECK_THAT(out, Contains("holders.csv:6:5: error: \"ann\" holds post \"100\" both as "
                           "substantive and as acting"));
  CHECK_THAT(out, Contains("holders.csv:4:5: note: the earlier row"));
  CHECK_THAT(out, Contains("holders.csv:7:5: error: post_id: the post id \"a:b\" contains `:`"));
  CHECK(run->person("ann").holds.size() == 1);
  CHECK(run->person("bob").holds.size() == 1);
}

TEST_CASE("holders: a person holding many posts still finds repeats", "[csv]") {
  std::string text = "person,post_id\n";
  for (int i = 0; i < 40; ++i) text += "ann," + std::to_string(i) + "\n";
  text += "ann,3\nann,35\n";
  auto run = holders(text);
  CHECK(run->diags.error_count() == 0);
  CHECK(run->diags.all().size() == 2);  // two warnings
  CHECK(run->person("ann").holds.size() == 40);
}

// A person's holdings are one slice of the program's arena, whichever rows they came from:
// the rows of people named again later are gathered in place after the file is read.
TEST_CASE("holders: rows of one person far apart are gathered, in the order of the rows", "[csv]") {
  std::string text = "person,post_id,qualifications\n";
  for (int i = 0; i < 30; ++i) {
    text += "p" + std::to_string(i % 7) + "," + std::to_string(100 + i) + ",q" +
            std::to_string(i % 3) + "\n";
  }
  text += "p3,103,\n";  // a repeat of p3's first row, far from it: a warning
  auto run = holders(text);
  CHECK(run->diags.error_count() == 0);
  CHECK(run->diags.all().size() == 1);
  const std::vector<test::DeclaredPerson> people = run->people();
  REQUIRE(people.size() == 7);
  REQUIRE(run->program.holder_exports.size() == 1);
  REQUIRE(run->program.holder_exports[0].rows.size() == 30);
  for (int p = 0; p < 7; ++p) {
    const test::DeclaredPerson& d = people[static_cast<std::size_t>(p)];
    CHECK(d.id.text == "p" + std::to_string(p));  // people in the order first named
    std::vector<std::string> posts, quals;
    for (const ast::Holding& h : d.holds) posts.emplace_back(h.post.text);
    for (const ast::Name& q : d.qualifications) quals.emplace_back(q.text);
    std::vector<std::string> want_posts, want_quals;
    for (int i = p; i < 30; i += 7) {
      want_posts.push_back(std::to_string(100 + i));
      const std::string q = "q" + std::to_string(i % 3);
      if (std::find(want_quals.begin(), want_quals.end(), q) == want_quals.end()) {
        want_quals.push_back(q);
      }
    }
    CHECK(posts == want_posts);
    CHECK(quals == want_quals);
  }
}

TEST_CASE("holders: header problems", "[csv]") {
  auto missing = holders("person,qualifications\nann,x\n");
  REQUIRE(missing->diags.error_count() == 1);
  CHECK_THAT(missing->rendered(), Contains("holders.csv:1:1: error: no column for post_id"));
  CHECK(missing->people().empty());
  auto unknown = holders("person,post_id,grade\n");  // a column holding nothing remit reads
  CHECK(unknown->diags.all().empty());
  auto empty = holders("");
  REQUIRE(empty->diags.error_count() == 1);
  CHECK_THAT(empty->rendered(),
             Contains("empty file: expected a header line such as `person,post_id"));
  auto only = holders("person,post_id\r\n");
  CHECK(only->diags.all().empty());
  CHECK(only->people().empty());
}

TEST_CASE("holders: bad qualifications", "[csv]") {
  auto run = holders("person,post_id,qualifications\nann,1,qualified_\nbob,2,a;;b\ncy,3,x-y\n");
  CHECK(run->diags.error_count() == 3);
  CHECK_THAT(run->rendered(), Contains("holders.csv:2:7: error: qualifications: \"qualified_\""));
  CHECK(run->people().empty());
}

TEST_CASE("holders: a name with a comma, in quotes, is one person", "[csv]") {
  auto run = holders("person,post_id\n\"Smith, Jane\",1\n\"Smith, Jane\",2\n");
  REQUIRE(run->rendered().empty());
  REQUIRE(run->people().size() == 1);
  CHECK(run->people()[0].id.text == "Smith, Jane");
  CHECK(run->sources.position(run->people()[0].id.where).column == 2);
  CHECK(run->people()[0].holds.size() == 2);
  // Quoted, but the file's own bytes: told by where they are, not kept beside the rows.
  CHECK(run->program.holder_exports.at(0).moved.empty());
  // With "" escapes the id is a copy, kept once for the person's first row; the post too.
  auto escaped = holders("person,post_id\n\"Smith \"\"J\"\"\",1\n\"Smith \"\"J\"\"\",\"2\"\"\"\n");
  REQUIRE(escaped->rendered().empty());
  REQUIRE(escaped->people().size() == 1);
  CHECK(escaped->people()[0].id.text == "Smith \"J\"");
  CHECK(escaped->sources.position(escaped->people()[0].id.where).column == 1);
  REQUIRE(escaped->people()[0].holds.size() == 2);
  CHECK(escaped->people()[0].holds[1].post.text == "2\"");
  CHECK(escaped->program.holder_exports.at(0).moved.size() == 2);
}

TEST_CASE("holders: errors come in file order although rows are read ahead", "[csv]") {
  auto run = holders("person,post_id,kind\nann,1,temp\nbob,\"2\"x,\n,3,\ncy,4,\n");
  REQUIRE(run->diags.error_count() == 3);
  const auto& all = run->diags.all();
  CHECK(run->sources.position(all[0].where).line == 2);
  CHECK(run->sources.position(all[1].where).line == 3);
  CHECK_THAT(all[1].message, Contains("after the closing"));
  CHECK(run->sources.position(all[2].where).line == 4);
  REQUIRE(run->people().size() == 1);
  CHECK(run->people()[0].id.text == "cy");
}

TEST_CASE("holders: the error limit counts syntax errors too", "[csv]") {
  std::string text = "person,post_id\n";
  for (int i = 0; i < 300; ++i) text += "p" + std::to_string(i) + ",x\"y\n";
  auto run = holders(text);
  REQUIRE(run->diags.error_count() == 101);
  CHECK(run->diags.all().back().message == "too many errors in holders.csv; stopping");
  CHECK(run->sources.position(run->diags.all()[99].where).line == 101);
}

TEST_CASE("structure: a file of blank lines is empty", "[csv]") {
  auto run = structure("\n\r\n\n");
  REQUIRE(run->diags.error_count() == 1);
  CHECK_THAT(run->rendered(), Contains("error: empty file"));
}

TEST_CASE("structure: a header that cannot be read stops the import", "[csv]") {
  auto run = structure("id,\"title,service\n1,T,S,D,,,\n");
  REQUIRE(run->diags.error_count() == 1);
  CHECK_THAT(run->rendered(), Contains("org.csv:1:4: error: this quoted field is never closed"));
  // A column without a header (Excel's last, empty column) holds nothing to read.
  auto trailing =
      structure("id,title,service,directorate,reports_to,designations,flags,\n1,T,,,,,,\n");
  CHECK(trailing->diags.all().empty());
  CHECK(trailing->program.posts.size() == 1);
}

TEST_CASE("structure: the rendered message shows the line and a caret", "[csv]") {
  auto run = structure(header + "7,T,S,D,ed_a:abc,,\n");
  CHECK(run->rendered() ==
        "org.csv:2:14: error: reports_to: share \"abc\" is not a percentage (expected e.g. "
        "ed_a:60)\n"
        "  7,T,S,D,ed_a:abc,,\n"
        "               ^\n"
        "1 error generated.\n");
}

TEST_CASE("holders: people past the reader's estimate are still merged by id", "[csv][holders]") {
  // The first megabyte (long ids) makes the reader expect few rows, so the people table grows
  // twice or more while the short rows after it are read, and must still find every person.
  std::string text = "person,post_id\n";
  for (int i = 0; i < 500; ++i) text += std::string(2100, 'x') + std::to_string(i) + ",1\n";
  for (int i = 0; i < 5000; ++i) text += "p" + std::to_string(i) + ",1\n";
  for (int i = 0; i < 5000; i += 7) text += "p" + std::to_string(i) + ",2\n";
  text += std::string(2100, 'x') + "3,2\n";
  auto run = holders(text);
  REQUIRE(run->rendered().empty());
  REQUIRE(run->people().size() == 5500);
  CHECK(run->person("p0").holds.size() == 2);
  CHECK(run->person("p4998").holds.size() == 2);
  CHECK(run->person("p4999").holds.size() == 1);
  CHECK(run->person(std::string(2100, 'x') + "3").holds.size() == 2);
}

TEST_CASE("what a post keeps from an export is copied out of the file's text",
          "[import][csv][memory]") {
  // Its pages then leave memory as the rows are read (source/file_text.hpp): a view into them
  // would bring them back when looked at, and at a million posts that is the export's 70 MB.
  remit::test::TempDir dir;
  const auto path = dir.write("s.csv",
                              "id,title,service,directorate,reports_to,designations,flags\n"
                              "ceo,Chief Executive,Office,Office,,head_of_paid_service,\n"
                              "d1,Director,Adults,Adults,ceo:60;d2:40,,delegated_powers\n"
                              "d2,Director,Children,Children,ceo,,\n");
  remit::Inputs inputs;
  inputs.structures.push_back(path);
  const remit::test::LoadedInputs loaded(inputs);
  REQUIRE(loaded.ok);
  const remit::SourceSet& sources = loaded.sources;
  const remit::ast::Program& program = loaded.program;
  remit::FileId id = remit::no_file;
  for (std::size_t f = 0; f < sources.size(); ++f) {
    if (sources.file(static_cast<remit::FileId>(f)).name == path.string()) {
      id = static_cast<remit::FileId>(f);
    }
  }
  REQUIRE(id != remit::no_file);
  const remit::SourceFile* file = &sources.file(id);
  CHECK(file->bytes->mapped());
  const std::string_view text = file->text;
  auto outside = [&](std::string_view kept) {
    return kept.data() < text.data() || kept.data() >= text.data() + text.size();
  };
  std::size_t checked = 0;
  for (const remit::ast::PostDecl& post : program.posts) {
    if (post.id.where.file != id) continue;
    INFO(post.id.text);
    CHECK(outside(post.id.text));
    CHECK(outside(post.title));
    for (const remit::ast::LineDecl& l : program.lines(post)) CHECK(outside(l.target.text));
    for (const remit::ast::Name& n : program.designations(post)) CHECK(outside(n.text));
    for (const remit::ast::Name& n : program.duties(post)) CHECK(outside(n.text));
    checked += 1 + program.lines(post).size();
  }
  CHECK(checked == 3 + 3);
  // A title rows repeat is kept once (import/kept_text.hpp).
  const std::string_view d1 = program.posts[program.posts.size() - 2].title;
  const std::string_view d2 = program.posts.back().title;
  CHECK(d1 == "Director");
  CHECK(d1.data() == d2.data());
}

TEST_CASE("every post keeps its own title and each title is kept once past rows left out",
          "[import][csv][memory]") {
  // Titles are kept a few rows after they are read (import/kept_text.hpp): rows left out (a bad
  // one, a job share's repeat) and more rows than are waiting at once must not shift them.
  std::string csv = "id,title,reports_to\n";
  std::vector<std::pair<std::string, std::string>> expected;  // id, title, in the file's order
  for (int i = 0; i < 300; ++i) {
    const std::string id = "p" + std::to_string(i);
    const std::string title = "Officer " + std::to_string(i % 7) + (i % 11 == 0 ? "" : " ");
    const std::string line = id + "," + title + "," + (i == 0 ? "" : "p0") + "\n";
    csv += line;
    expected.emplace_back(id, std::string(remit::csv::trim(title)));
    if (i % 13 == 5) csv += line;                                  // a job share: read once
    if (i % 37 == 3) csv += "bad" + std::to_string(i) + ",,p0\n";  // no title: left out
  }
  remit::test::TempDir dir;
  const auto path = dir.write("s.csv", csv);
  remit::Inputs inputs;
  inputs.structures.push_back(path);
  const remit::test::LoadedInputs loaded(inputs);  // with errors: the rows with no title
  std::vector<const remit::ast::PostDecl*> posts;
  for (const remit::ast::PostDecl& post : loaded.program.posts) {
    if (post.id.text.view().substr(0, 1) == "p") posts.push_back(&post);
  }
  REQUIRE(posts.size() == expected.size());
  std::map<std::string, const char*, std::less<>> copies;
  for (std::size_t k = 0; k < posts.size(); ++k) {
    INFO(expected[k].first);
    CHECK(posts[k]->id.text.view() == expected[k].first);
    const std::string_view title = posts[k]->title;
    CHECK(title == expected[k].second);
    auto [it, first] = copies.emplace(std::string(title), title.data());
    CHECK(it->second == title.data());  // one copy of each title
  }
  CHECK(copies.size() == 7);
}
