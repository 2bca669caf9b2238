// The exports councils actually have: `;`- and tab-separated files, Excel's `sep=` line, UTF-8
// with a byte order mark, UTF-16 and Windows-1252 text, the headers of HR systems (`Post ID`,
// `Job Title`, `Reports To`), absent optional columns, and --columns / `import … columns` for
// any other headers.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "import/columns.hpp"
#include "import/csv_reader.hpp"
#include "import/encoding.hpp"
#include "import/holders_csv.hpp"
#include "import/structure_csv.hpp"
#include "remit/remit.hpp"
#include "source/diagnostic.hpp"
#include "tests/support/declared_people.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace remit;
using Catch::Matchers::Contains;
using remit::test::TempDir;

namespace {

struct Imported {
  SourceSet sources;
  Diagnostics diags;
  ast::Program program;
  [[nodiscard]] std::string rendered() const { return render(sources, diags); }
  [[nodiscard]] const ast::PostDecl* post(std::string_view id) const {
    for (const auto& p : program.posts) {
      if (p.id.text == id) return &p;
    }
    return nullptr;
  }
  [[nodiscard]] std::vector<ast::LineDecl> lines(std::string_view id) const {
    const ast::PostDecl* p = post(id);
    REQUIRE(p != nullptr);
    auto span = program.lines(*p);
    return {span.begin(), span.end()};
  }
  [[nodiscard]] std::vector<std::string_view> designations(std::string_view id) const {
    const ast::PostDecl* p = post(id);
    REQUIRE(p != nullptr);
    std::vector<std::string_view> out;
    for (const ast::Name& n : program.designations(*p)) out.push_back(n.text);
    return out;
  }
};

std::unique_ptr<Imported> structure(std::string text, std::vector<ColumnChoice> choices = {}) {
  auto run = std::make_unique<Imported>();
  const FileId file = run->sources.add("org.csv", std::move(text));
  import_structure(run->sources, file, run->program, run->diags, choices);
  return run;
}

std::unique_ptr<Imported> holders(std::string text, std::vector<ColumnChoice> choices = {}) {
  auto run = std::make_unique<Imported>();
  const FileId file = run->sources.add("holders.csv", std::move(text));
  import_holders(run->sources, file, run->program, run->diags, choices);
  return run;
}

std::string utf16(std::string_view ascii, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) {
    if (little_endian) {
      out += c;
      out += '\0';
    } else {
      out += '\0';
      out += c;
    }
  }
  return out;
}

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Runs `remit ARGS` (ARGS already shell-quoted).
Result remit_cli(const std::string& args) {
  TempDir dir;
  const std::string command = "'" + std::string(REMIT_CLI_PATH) + "' " + args + " > '" +
                              (dir / "stdout").string() + "' 2> '" + (dir / "stderr").string() +
                              "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  const int raw = ::pclose(pipe);
  REQUIRE(WIFEXITED(raw));
  return Result{WEXITSTATUS(raw), slurp(dir / "stdout"), slurp(dir / "stderr")};
}

}  // namespace

// ---- separators ---------------------------------------------------------------------------------

TEST_CASE("dialect: the separator is found in the header line", "[csv][dialect]") {
  SECTION("comma") {
    auto run = structure("id,title,reports_to\nceo,Chief Executive,\nd1,Director,ceo\n");
    REQUIRE(run->rendered().empty());
    REQUIRE(run->lines("d1").size() == 1);
    CHECK(run->lines("d1")[0].target.text == "ceo");
  }
  SECTION("semicolon, with a quoted list") {
    auto run = structure(
        "id;title;reports_to;designations\n"
        "ceo;Chief Executive, Place;;head_of_paid_service\n"
        "d1;Director;\"ceo:60%;council:40\";\n");
    REQUIRE(run->rendered().empty());
    CHECK(run->post("ceo")->title == "Chief Executive, Place");
    REQUIRE(run->lines("d1").size() == 2);
    CHECK(run->lines("d1")[0].basis_points == 6000u);
    CHECK(run->lines("d1")[1].target.text == "council");
    CHECK(run->sources.position(run->lines("d1")[1].target.where).column == 22);
  }
  SECTION("tab") {
    auto run = structure("id\ttitle\treports_to\nceo\tChief Executive\t\nd1\tDirector\tceo\n");
    REQUIRE(run->rendered().empty());
    CHECK(run->post("ceo")->title == "Chief Executive");
    CHECK(run->lines("d1")[0].target.text == "ceo");
  }
  SECTION("separators inside a quoted header do not count") {
    CHECK(csv::detect_separator("\"a;b;c;d\",x,y\n") == ',');
    CHECK(csv::detect_separator("id;title,x;y\n") == ';');
    CHECK(csv::detect_separator("id\n1,2,3\n") == ',');
  }
}

TEST_CASE("dialect: a sep= line names the separator and is skipped", "[csv][dialect]") {
  auto run = structure("sep=;\r\nid;title\r\nceo;Chief Executive, Place\r\n");
  REQUIRE(run->rendered().empty());
  const ast::PostDecl* ceo = run->post("ceo");
  REQUIRE(ceo != nullptr);
  CHECK(ceo->title == "Chief Executive, Place");
  CHECK(run->sources.position(ceo->id.where).line == 3);  // lines count in the file as it is
  auto odd = structure("sep=|\nid|title\n");
  CHECK_THAT(odd->rendered(), Contains("org.csv:1:1: error: the first line names `|` as the "
                                       "separator; remit reads files separated by `,`, `;` or "
                                       "tabs"));
}

TEST_CASE("dialect: a row too wide names the file's separator", "[csv][dialect]") {
  auto run = structure("id;title\nceo;Chief;Executive\n");
  CHECK_THAT(run->rendered(), Contains("(a value containing `;` must be in double quotes)"));
}

// ---- headers ------------------------------------------------------------------------------------

TEST_CASE("dialect: a Title Case export is read by its headers", "[csv][dialect]") {
  auto run = structure(
      "Post ID,Job Title,Reports To,Team,Department,Statutory Role,Duties,Grade\n"
      "ceo,Chief Executive,,Office,Chief Exec,head_of_paid_service,,SMT\n"
      "d1,Director of Place,ceo,Place,Place,,delegated_powers,SMT\n");
  REQUIRE(run->rendered().empty());
  const ast::PostDecl* d1 = run->post("d1");
  REQUIRE(d1 != nullptr);
  CHECK(d1->title == "Director of Place");
  CHECK(d1->service() == "Place");
  CHECK(d1->directorate() == "Place");
  CHECK(run->lines("d1")[0].target.text == "ceo");
  CHECK(run->designations("ceo") == std::vector<std::string_view>{"head_of_paid_service"});
}

TEST_CASE("dialect: headers match whatever their case, spaces and punctuation", "[csv][dialect]") {
  CHECK(csv::header_key("Job Title") == "jobtitle");
  CHECK(csv::header_key("job_title") == "jobtitle");
  CHECK(csv::header_key("JOB-TITLE") == "jobtitle");
  CHECK(csv::header_key(" Reports To (Position) ") == "reportstoposition");
  auto run = structure("POST_ID,job-title,LINE MANAGER\n7,Clerk,9\n9,Head,\n");
  REQUIRE(run->rendered().empty());
  CHECK(run->lines("7")[0].target.text == "9");
}

TEST_CASE("dialect: every alias of each structure field", "[csv][dialect]") {
  struct Alias {
    std::string header;
    std::string field;
  };
  const std::vector<Alias> aliases = {
      {"ID", "id"},
      {"Post ID", "id"},
      {"Position ID", "id"},
      {"Position Number", "id"},
      {"Post Unique Reference", "id"},
      {"Post Ref", "id"},
      {"Title", "title"},
      {"Job Title", "title"},
      {"Post Title", "title"},
      {"Position Title", "title"},
      {"Reports To", "reports_to"},
      {"Manager", "reports_to"},
      {"Line Manager", "reports_to"},
      {"Reports to Senior Post", "reports_to"},
      {"Reports To Position", "reports_to"},
      {"Manager Post ID", "reports_to"},
      {"Reports To Post", "reports_to"},
      {"Manager Position", "reports_to"},
      {"Manager Position Number", "reports_to"},
      {"Service", "service"},
      {"Team", "service"},
      {"Unit", "service"},
      {"Section", "service"},
      {"Directorate", "directorate"},
      {"Department", "directorate"},
      {"Division", "directorate"},
      {"Designations", "designations"},
      {"Designation", "designations"},
      {"Statutory Role", "designations"},
      {"Flags", "flags"},
      {"Duties", "flags"},
      {"Accountable To", "accountable_to"},
  };
  for (const Alias& a : aliases) {
    CAPTURE(a.header);
    // The field under test under its alias; id and title under their plain names otherwise.
    std::string header = a.header;
    std::string row = "X";
    if (a.field != "id") {
      header = "id," + header;
      row = "p1," + row;
    }
    if (a.field != "title") {
      header += ",title";
      row += ",T";
    }
    auto run = structure(header + "\n" + row + "\n");
    REQUIRE(run->rendered().empty());
    REQUIRE(run->program.posts.size() == 1);
    const ast::PostDecl& p = run->program.posts[0];
    if (a.field == "id") CHECK(p.id.text == "X");
    if (a.field == "title") CHECK(p.title == "X");
    if (a.field == "service") CHECK(p.service() == "X");
    if (a.field == "directorate") CHECK(p.directorate() == "X");
    if (a.field == "designations") CHECK(run->program.designations(p)[0].text == "X");
    if (a.field == "flags") CHECK(run->program.duties(p)[0].text == "X");
    if (a.field == "reports_to" || a.field == "accountable_to") {
      REQUIRE(run->program.lines(p).size() == 1);
      CHECK(run->program.lines(p)[0].target.text == "X");
      CHECK(run->program.lines(p)[0].kind ==
            (a.field == "reports_to" ? ast::LineKind::reports : ast::LineKind::accountable));
    }
  }
}

TEST_CASE("dialect: every alias of each holders field", "[csv][dialect]") {
  auto run = holders(
      "Employee Number,Position Number,Qualification,Holding\n"
      "e1,p1,accountant,interim\n");
  REQUIRE(run->rendered().empty());
  const auto people = test::declared_people(run->program);
  REQUIRE(people.size() == 1);
  const test::DeclaredPerson& p = people[0];
  CHECK(p.id.text == "e1");
  REQUIRE(p.holds.size() == 1);
  CHECK(p.holds[0].post.text == "p1");
  CHECK(p.holds[0].kind == ast::HoldingKind::interim);
  REQUIRE(p.qualifications.size() == 1);
  CHECK(p.qualifications[0].text == "accountant");
  for (std::string person : {"Person", "Person ID", "Employee", "Employee Number", "Name"}) {
    for (std::string post : {"Post ID", "Post", "Position", "Position Number"}) {
      CAPTURE(person, post);
      auto h = holders(person + "," + post + ",Kind,Qualifications\nann,p9,acting,\n");
      REQUIRE(h->rendered().empty());
      const auto people = test::declared_people(h->program);
      REQUIRE(people.size() == 1);
      const auto& holds = people[0].holds;
      REQUIRE(holds.size() == 1);
      CHECK(holds[0].post.text == "p9");
      CHECK(holds[0].kind == ast::HoldingKind::acting);
    }
  }
}

TEST_CASE("dialect: optional columns may be absent, others are ignored", "[csv][dialect]") {
  auto run = structure("Job Title,Grade,Post ID,,Salary\nChief Executive,1,ceo,,100\n");
  REQUIRE(run->rendered().empty());
  const ast::PostDecl* ceo = run->post("ceo");
  REQUIRE(ceo != nullptr);
  CHECK(ceo->service().empty());
  CHECK(run->program.lines(*ceo).empty());
  auto blank_rows = structure("id,title,service\nceo,Chief Executive,\n,,\n , ,\n");
  REQUIRE(blank_rows->rendered().empty());
  CHECK(blank_rows->program.posts.size() == 1);
}

TEST_CASE("dialect: a required column missing names what was looked for", "[csv][dialect]") {
  auto run = structure("Post ID,Grade\nceo,1\n");
  REQUIRE(run->diags.error_count() == 1);
  CHECK_THAT(run->rendered(),
             Contains("org.csv:1:1: error: no column for title: the header has none of \"title\", "
                      "\"job title\", \"post title\" or \"position title\" (its columns are "
                      "\"Post ID\", \"Grade\"); to read it from another column, name it with "
                      "--columns title=\"...\""));
  CHECK(run->program.posts.empty());
  auto h = holders("Employee,Grade\n");
  CHECK_THAT(h->rendered(), Contains("no column for post_id"));
}

TEST_CASE("dialect: a near-miss header gets a did-you-mean warning", "[csv][dialect]") {
  auto run = structure("Post ID,Job Title,Reprots To\nceo,Chief Executive,\n");
  CHECK(run->diags.error_count() == 0);
  CHECK_THAT(run->rendered(),
             Contains("org.csv:1:19: warning: column \"Reprots To\" is not read: did you mean "
                      "\"reports to\" (reports_to)? Correct the header, or say to read it with "
                      "--columns reports_to=\"Reprots To\""));
  CHECK(run->program.posts.size() == 1);
  // A header far from every field is ignored without a word.
  CHECK(structure("id,title,Grade (or equivalent)\n")->diags.all().empty());
}

TEST_CASE("dialect: two columns for one field is an error naming both", "[csv][dialect]") {
  auto run = structure("Post ID,Title,Position Number\n1,A,2\n");
  REQUIRE(run->diags.error_count() == 1);
  CHECK_THAT(run->rendered(),
             Contains("org.csv:1:15: error: columns \"Post ID\" and \"Position Number\" both hold "
                      "id: remove one, or say which to read with --columns id=\"...\""));
  REQUIRE(run->diags.all()[0].notes.size() == 1);
  CHECK(run->sources.position(run->diags.all()[0].notes[0].where).column == 1);
  CHECK(run->program.posts.empty());
}

// ---- choices of columns -------------------------------------------------------------------------

TEST_CASE("dialect: a choice of column reads a field from any header", "[csv][dialect]") {
  std::vector<ColumnChoice> choices = {{"id", "Position No.", {}, {}},
                                       {"reports_to", "Boss Position", {}, {}}};
  auto run =
      structure("Position No.,Job Title,Boss Position,Post ID\n7,Clerk,9,x\n9,Head,,y\n", choices);
  REQUIRE(run->rendered().empty());
  CHECK(run->post("7") != nullptr);  // the chosen column wins over the alias `Post ID`
  CHECK(run->lines("7")[0].target.text == "9");
}

TEST_CASE("dialect: a chosen header the file lacks names the headers found", "[csv][dialect]") {
  std::vector<ColumnChoice> choices = {{"id", "Position Nmber", {}, {}}};
  auto run = structure("Position Number,Job Title\n7,Clerk\n", choices);
  CHECK_THAT(run->rendered(),
             Contains("org.csv:1:1: error: no column headed \"Position Nmber\" in org.csv for id "
                      "(did you mean 'Position Number'?); its columns are \"Position Number\", "
                      "\"Job Title\""));
  CHECK(run->program.posts.empty());
}

TEST_CASE("dialect: --columns are read as field=header pairs", "[csv][dialect]") {
  std::vector<ColumnChoice> out;
  CHECK(csv::parse_column_choices("id=Position Number,reports_to=\"Reports, To\"", out).empty());
  REQUIRE(out.size() == 2);
  CHECK(out[0].field == "id");
  CHECK(out[0].header == "Position Number");
  CHECK(out[1].field == "reports_to");
  CHECK(out[1].header == "Reports, To");
  std::vector<ColumnChoice> bad;
  CHECK_THAT(csv::parse_column_choices("id", bad), Contains("expected field=\"Header\""));
  CHECK_THAT(csv::parse_column_choices("id=\"x", bad), Contains("no closing `\"`"));
  CHECK_THAT(csv::parse_column_choices("id=", bad), Contains("no header is given for id"));
}

TEST_CASE("dialect: --columns on the command line", "[csv][dialect][cli]") {
  TempDir dir;
  const auto csv = dir.write("hr.csv",
                             "Position Number,Job Title,Reports To Position\n"
                             "ceo,Chief Executive,\n"
                             "mo,Monitoring Officer,ceo\n");
  const std::string file = "'" + csv.string() + "'";
  SECTION("a good mapping") {
    Result r = remit_cli("derive --structure " + file +
                         " --columns 'id=\"Position Number\",reports_to=\"Reports To Position\"'");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
  }
  SECTION("an unknown field") {
    Result r = remit_cli("derive --structure " + file + " --columns 'titel=Job Title'");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains("error: --columns: there is no field \"titel\" to read (did you "
                               "mean 'title'?)"));
  }
  SECTION("a header the file lacks") {
    Result r = remit_cli("derive --structure " + file + " --columns 'title=Post Name'");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains("hr.csv:1:1: error: no column headed \"Post Name\" in "));
  }
  SECTION("a malformed list") {
    Result r = remit_cli("derive --structure " + file + " --columns 'title'");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains("--columns"));
  }
}

TEST_CASE("dialect: import ... columns in a policy", "[csv][dialect]") {
  TempDir dir;
  dir.write("hr.csv",
            "Position Number,Job Title,Reports To Position\n"
            "ceo,Chief Executive,\n"
            "mo,Monitoring Officer,ceo\n");
  SECTION("a good mapping") {
    const auto policy = dir.write("p.remit",
                                  "use \"uk/lgha1989\"\n"
                                  "import \"hr.csv\" columns id = \"Position Number\",\n"
                                  "    reports_to = \"Reports To Position\"\n");
    remit::Inputs in;
    in.policies.push_back(policy);
    auto loaded = remit::test::load_files(in);
    INFO(loaded.diagnostics());
    REQUIRE(loaded.ok);
    CHECK(loaded.post("mo").has_value());
  }
  SECTION("an unknown field") {
    const auto policy = dir.write("p.remit", "import \"hr.csv\" columns titel = \"Job Title\"\n");
    remit::Inputs in;
    in.policies.push_back(policy);
    auto loaded = remit::test::load_files(in);
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.diagnostics(),
               Contains("p.remit:1:25: error: there is no field \"titel\" to read (did you mean "
                        "'title'?); the fields are id, title, service"));
  }
  SECTION("a header the file lacks") {
    const auto policy = dir.write("p.remit", "import \"hr.csv\" columns id = \"Position Nmber\"\n");
    remit::Inputs in;
    in.policies.push_back(policy);
    auto loaded = remit::test::load_files(in);
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.diagnostics(), Contains("p.remit:1:31: error: no column headed \"Position "
                                              "Nmber\" in "));
  }
  SECTION("a holders field in a structure import") {
    const auto policy = dir.write("p.remit", "import \"hr.csv\" columns person = \"Job Title\"\n");
    remit::Inputs in;
    in.policies.push_back(policy);
    auto loaded = remit::test::load_files(in);
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.diagnostics(), Contains("p.remit:1:25: error: there is no field \"person\""));
  }
  SECTION("a syntax error in the list") {
    const auto policy = dir.write("p.remit", "import \"hr.csv\" columns id \"Position Number\"\n");
    remit::Inputs in;
    in.policies.push_back(policy);
    auto loaded = remit::test::load_files(in);
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.diagnostics(), Contains("p.remit:1:28: error: expected '='"));
  }
  SECTION("exit status 2 from the command line") {
    const auto policy = dir.write("p.remit", "import \"hr.csv\" columns id = \"Position Nmber\"\n");
    Result r = remit_cli("derive '" + policy.string() + "'");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains("p.remit:1:31: error: no column headed"));
  }
}

// ---- encodings ----------------------------------------------------------------------------------

TEST_CASE("dialect: UTF-16 with a byte order mark is converted", "[csv][dialect]") {
  for (bool little : {true, false}) {
    CAPTURE(little);
    csv::DecodedText d = csv::decode_export(utf16("id\ttitle\r\nceo\tChief Executive\r\n", little));
    CHECK(d.error.empty());
    CHECK(d.from == (little ? csv::TextEncoding::utf16le : csv::TextEncoding::utf16be));
    CHECK(d.text == "id\ttitle\r\nceo\tChief Executive\r\n");
  }
  // A pound sign (U+00A3) and an en dash (U+2013) in UTF-16 LE.
  csv::DecodedText d = csv::decode_export(std::string("\xFF\xFE\xA3\x00\x13\x20", 6));
  CHECK(d.text == "\xC2\xA3\xE2\x80\x93");
  // Cut short: an odd number of bytes.
  csv::DecodedText cut = csv::decode_export(std::string("\xFF\xFEi\0d", 5));
  CHECK_THAT(cut.error, Contains("the text stops being UTF-16 here"));
  CHECK(cut.text == "i");
}

TEST_CASE("dialect: Windows-1252 is converted, with a warning", "[csv][dialect]") {
  csv::DecodedText d = csv::decode_export("id,title\n1,Head of Pay \xA3 Grading \x96 Legal\n");
  CHECK(d.error.empty());
  CHECK(d.from == csv::TextEncoding::windows1252);
  CHECK(d.text == "id,title\n1,Head of Pay \xC2\xA3 Grading \xE2\x80\x93 Legal\n");
  CHECK(d.first_converted == 23);
  csv::DecodedText utf8 = csv::decode_export("\xEF\xBB\xBFid,title\n1,\xC2\xA3\n");
  CHECK(utf8.from == csv::TextEncoding::utf8);
  CHECK(utf8.text == "\xEF\xBB\xBFid,title\n1,\xC2\xA3\n");
}

TEST_CASE("dialect: exports in each encoding load the same", "[csv][dialect]") {
  TempDir dir;
  const std::string text =
      "Post ID;Job Title;Reports To\r\nceo;Chief Executive;\r\nfin;Finance \x96 Pay;ceo\r\n";
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  // The en dash is U+2013 in UTF-16.
  for (char c : std::string("Post ID;Job Title;Reports To\r\nceo;Chief Executive;\r\nfin;Finance "))
    le += std::string{c, '\0'}, be += std::string{'\0', c};
  le += std::string("\x13\x20", 2);
  be += std::string("\x20\x13", 2);
  for (char c : std::string(" Pay;ceo\r\n")) le += std::string{c, '\0'}, be += std::string{'\0', c};
  const std::string utf8 =
      "Post ID;Job Title;Reports To\r\nceo;Chief Executive;\r\nfin;Finance \xE2\x80\x93 "
      "Pay;ceo\r\n";
  struct Case {
    std::string name, bytes;
    bool warns;
  };
  for (const Case& c : {Case{"cp1252.csv", text, true}, Case{"utf16le.csv", le, false},
                        Case{"utf16be.csv", be, false}, Case{"utf8.csv", utf8, false},
                        Case{"bom.csv", "\xEF\xBB\xBF" + utf8, false}}) {
    CAPTURE(c.name);
    remit::Inputs in;
    in.structures.push_back(dir.write(c.name, c.bytes));
    auto loaded = remit::test::load_files(in);
    INFO(loaded.diagnostics());
    REQUIRE(loaded.ok);
    auto fin = loaded.post("fin");
    REQUIRE(fin.has_value());
    CHECK(fin->title == "Finance \xE2\x80\x93 Pay");
    if (c.warns) {
      CHECK_THAT(loaded.diagnostics(),
                 Contains(c.name + ":3:13: warning: read as Windows-1252 (not UTF-8); save it as "
                                   "\"CSV UTF-8\" to silence this\n"
                                   "  fin;Finance \xE2\x80\x93 Pay;ceo\n"
                                   "              ^"));
    } else {
      CHECK(loaded.diagnostics().empty());
    }
  }
}

// ---- shares -------------------------------------------------------------------------------------

TEST_CASE("dialect: a share may be written with %", "[csv][dialect]") {
  auto run = structure("id,title,reports_to\na,A,\nb,B,\nj,J,a:60%;b: 40 %\n");
  REQUIRE(run->rendered().empty());
  const auto lines = run->lines("j");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].basis_points == 6000u);
  CHECK(lines[1].basis_points == 4000u);
  CHECK_THAT(structure("id,title,reports_to\nj,J,a:%\n")->rendered(),
             Contains("share \"%\" is not a percentage"));
}

// ---- job shares ---------------------------------------------------------------------------------

TEST_CASE("dialect: a job share on identical rows one after the other is one post",
          "[csv][dialect]") {
  auto run = structure(
      "Post ID,Job Title,Reports To\n"
      "ceo,Chief Executive,\n"
      "hr,Head of HR,ceo\n"
      "hr,Head of HR,ceo\n");
  CHECK(run->diags.error_count() == 0);
  REQUIRE(run->program.posts.size() == 2);
  CHECK(run->program.post_lines.size() == 1);
  CHECK_THAT(run->rendered(),
             Contains("org.csv:4:1: note: post \"hr\" is on two identical rows: read as one post "
                      "(a job share)"));
  CHECK_THAT(run->rendered(), Contains("org.csv:3:1: note: the row before"));
  CHECK_THAT(run->rendered(), !Contains("warning"));
}

TEST_CASE("dialect: a repeated id with other content stays two posts", "[csv][dialect]") {
  auto run =
      structure("id,title,reports_to\nceo,Chief Executive,\nhr,Head of HR,ceo\nhr,Head of HR,\n");
  CHECK(run->program.posts.size() == 3);  // resolution reports the id used twice
  CHECK(run->diags.all().empty());
  TempDir dir;
  remit::Inputs in;
  in.structures.push_back(dir.write("org.csv",
                                    "id,title,reports_to\nceo,Chief Executive,\n"
                                    "hr,Head of HR,ceo\nhr,Head of HR (Interim),ceo\n"));
  auto loaded = remit::test::load_files(in);
  CHECK_FALSE(loaded.ok);
  CHECK_THAT(loaded.diagnostics(), Contains("org.csv:4:1: error: the id 'hr' is used twice"));
  // Identical rows apart from each other are not taken for a job share (only the row before
  // is looked at): resolution reports the id.
  remit::Inputs apart;
  apart.structures.push_back(
      dir.write("apart.csv", "id,title\nhr,Head of HR\nceo,Chief\nhr,Head of HR\n"));
  auto loaded_apart = remit::test::load_files(apart);
  CHECK_FALSE(loaded_apart.ok);
  CHECK_THAT(loaded_apart.diagnostics(),
             Contains("apart.csv:4:1: error: the id 'hr' is used twice"));
}

TEST_CASE("dialect: Excel's Unicode text (UTF-16, tabs, Title Case) derives like the CSV",
          "[csv][dialect][cli]") {
  TempDir dir;
  const std::string rows =
      "Post ID\tJob Title\tReports To\tStatutory Role\r\n"
      "ceo\tChief Executive\t\thead_of_paid_service\r\n"
      "dfin\tDirector of Finance\tceo\tsection_151_officer\r\n";
  std::string unicode_text = "\xFF\xFE";
  for (char c : rows) unicode_text += std::string{c, '\0'};
  dir.write("export.txt", unicode_text);
  dir.write("plain.csv",
            "id,title,reports_to,designations\nceo,Chief Executive,,head_of_paid_service\n"
            "dfin,Director of Finance,ceo,section_151_officer\n");
  Result unicode =
      remit_cli("derive --format csv --structure '" + (dir / "export.txt").string() + "'");
  Result plain =
      remit_cli("derive --format csv --structure '" + (dir / "plain.csv").string() + "'");
  CHECK(unicode.status == 0);
  CHECK(unicode.err.empty());
  CHECK(unicode.out == plain.out);
  CHECK_THAT(unicode.out, Contains("dfin,Director of Finance"));
}

TEST_CASE("dialect: many columns like one field give one warning", "[csv][dialect]") {
  std::string header = "id,title";
  for (int i = 0; i < 1000; ++i) header += ",Reprots To";
  auto run = structure(header + "\n");
  CHECK(run->diags.error_count() == 0);
  CHECK(run->diags.all().size() == 1);
  CHECK_THAT(run->rendered(), Contains("org.csv:1:10: warning: column \"Reprots To\" is not read"));
}

TEST_CASE("dialect: a holders Name column keys people only without a better one",
          "[csv][dialect]") {
  auto both = holders("Employee Number,Name,Position Number\ne1,Ann Lee,p1\ne2,Ann Lee,p2\n");
  REQUIRE(both->rendered().empty());
  CHECK(test::declared_people(both->program).size() == 2);
  auto name_only = holders("Name,Post\nAnn Lee,p1\n");
  REQUIRE(name_only->rendered().empty());
  CHECK(test::declared_people(name_only->program).at(0).id.text == "Ann Lee");
}
