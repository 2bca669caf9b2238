// Workbooks in (.xlsx, .ods: --structure, --holders, --sheet) and out (derive --format xlsx),
// and the output format chosen by -o's extension. The .xlsx inputs are written here with
// libxlsxwriter; the .ods one is tests/data/workbooks/structure.ods (made by make_ods.py there).
#include "import/workbook.hpp"

#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "report/output_file.hpp"
#include "tests/robustness/robustness_support.hpp"

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using remit::robust::CliResult;
using remit::robust::read_text;
using remit::robust::TempDir;
using remit::robust::write_text;

const fs::path project_dir = REMIT_PROJECT_DIR;
const fs::path fixture = project_dir / "tests" / "data" / "bench-fixture";

CliResult run(const std::vector<std::string>& args, const fs::path& cwd) {
  return remit::robust::run_cli(args, cwd, std::chrono::seconds(60), [](pid_t) {});
}

using Rows = std::vector<std::vector<std::string>>;

struct SheetSpec {
  std::string name;
  Rows rows;
  lxw_col_t first_column = 0;
};

// Writes a workbook; a cell of digits only is stored as a number, as a spreadsheet stores an
// id it has read from a CSV file.
void write_workbook(const fs::path& path, const std::vector<SheetSpec>& sheets) {
  lxw_workbook* book = workbook_new(path.c_str());
  REQUIRE(book != nullptr);
  for (const SheetSpec& s : sheets) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, s.name.c_str());
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
        const std::string& v = s.rows[r][c];
        const auto row = static_cast<lxw_row_t>(r);
        const auto col = static_cast<lxw_col_t>(s.first_column + c);
        if (v.empty()) continue;
        if (v.find_first_not_of("0123456789") == std::string::npos) {
          worksheet_write_number(sheet, row, col, std::stod(v), nullptr);
        } else {
          worksheet_write_string(sheet, row, col, v.c_str(), nullptr);
        }
      }
    }
  }
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
}

// A simple CSV file's rows (the fixtures have no quotes).
Rows csv_rows(const std::string& text) {
  Rows rows;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    std::vector<std::string> fields;
    std::size_t f = 0;
    while (true) {
      const std::size_t comma = line.find(',', f);
      fields.push_back(line.substr(f, comma == std::string::npos ? std::string::npos : comma - f));
      if (comma == std::string::npos) break;
      f = comma + 1;
    }
    rows.push_back(fields);
    start = end + 1;
  }
  return rows;
}

// The cells of one sheet of a workbook, as remit reads them back (through liborcus).
std::vector<std::string> sheet_lines(const fs::path& path, const std::string& sheet) {
  const std::string bytes = read_text(path);
  const remit::FileKind kind = remit::file_kind_of(bytes);
  REQUIRE(kind == remit::FileKind::xlsx);
  const remit::SheetText text = remit::read_sheet(bytes, kind, sheet);
  INFO(text.error);
  REQUIRE(text.error.empty());
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.csv.size()) {
    const std::size_t end = text.csv.find('\n', start);
    lines.push_back(text.csv.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool contains_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("workbook: a number in a cell reads as a user sees it", "[workbook]") {
  CHECK(remit::number_text(1042.0) == "1042");
  CHECK(remit::number_text(60.0) == "60");
  CHECK(remit::number_text(-0.0) == "0");
  CHECK(remit::number_text(0.6) == "0.6");
  CHECK(remit::number_text(12.5) == "12.5");
  CHECK(remit::number_text(-3.0) == "-3");
  CHECK(remit::number_text(0.1 + 0.2) == "0.3");
  CHECK(remit::number_text(1234567.125) == "1234567.125");
}

TEST_CASE("workbook: an xlsx with numeric ids derives the same list as its CSV twin",
          "[workbook][cli]") {
  TempDir dir;
  write_workbook(dir / "structure.xlsx",
                 {{"Posts", csv_rows(read_text(fixture / "structure.csv")), 0}});
  const CliResult from_csv =
      run({"derive", "--structure", (fixture / "structure.csv").string(), "--format", "csv"},
          dir.path());
  const CliResult from_xlsx =
      run({"derive", "--structure", "structure.xlsx", "--format", "csv"}, dir.path());
  INFO(remit::robust::describe(from_xlsx));
  REQUIRE(from_csv.code == 0);
  CHECK(from_xlsx.code == 0);
  CHECK(from_xlsx.err.empty());
  CHECK(from_xlsx.out == from_csv.out);
  CHECK_THAT(from_xlsx.out, Contains("\n2,9,Director of Public Health,"));
  CHECK_THAT(from_xlsx.out, !Contains(".0,"));
}

TEST_CASE("workbook: a holders workbook's fault is found in the cell of the CSV twin's line",
          "[workbook][cli]") {
  TempDir dir;
  // The fixture's holders name a post 999 that does not exist, on line 13, column 2.
  write_workbook(dir / "holders.xlsx",
                 {{"Holders", csv_rows(read_text(fixture / "holders.csv")), 0}});
  const std::string s = (fixture / "structure.csv").string();
  const CliResult from_csv =
      run({"check", "--structure", s, "--holders", (fixture / "holders.csv").string()}, dir.path());
  const CliResult from_xlsx =
      run({"check", "--structure", s, "--holders", "holders.xlsx"}, dir.path());
  CHECK(from_csv.code == 2);
  CHECK(from_xlsx.code == 2);
  CHECK_THAT(from_csv.err, Contains("holders.csv:13:"));
  CHECK_THAT(
      from_xlsx.err,
      StartsWith("holders.xlsx, sheet \"Holders\", cell B13: error: person frank holds '999'"));
}

TEST_CASE("workbook: an .ods spreadsheet derives the same list as its CSV twin",
          "[workbook][cli]") {
  TempDir dir;
  const CliResult from_csv =
      run({"derive", "--structure", (fixture / "structure.csv").string(), "--format", "csv"},
          dir.path());
  const CliResult from_ods =
      run({"derive", "--structure",
           (project_dir / "tests" / "data" / "workbooks" / "structure.ods").string(), "--format",
           "csv"},
          dir.path());
  INFO(remit::robust::describe(from_ods));
  REQUIRE(from_csv.code == 0);
  CHECK(from_ods.code == 0);
  CHECK(from_ods.out == from_csv.out);
}

TEST_CASE("workbook: told by its content, not by its name", "[workbook][cli]") {
  TempDir dir;
  // A workbook named .csv is read as a workbook; a CSV file named .xlsx as CSV.
  write_workbook(dir / "structure.csv",
                 {{"Posts", csv_rows(read_text(fixture / "structure.csv")), 0}});
  write_text(dir / "export.xlsx", read_text(fixture / "structure.csv"));
  const CliResult a =
      run({"derive", "--structure", "structure.csv", "--format", "csv"}, dir.path());
  const CliResult b = run({"derive", "--structure", "export.xlsx", "--format", "csv"}, dir.path());
  INFO(remit::robust::describe(a));
  INFO(remit::robust::describe(b));
  CHECK(a.code == 0);
  CHECK(b.code == 0);
  CHECK(a.out == b.out);
}

TEST_CASE("workbook: --sheet picks a sheet, and a missing one lists the sheets",
          "[workbook][cli]") {
  TempDir dir;
  write_workbook(dir / "hr.xlsx", {{"Notes", {{"Exported from the HR system"}}, 0},
                                   {"Posts", csv_rows(read_text(fixture / "structure.csv")), 0}});
  const CliResult first = run({"derive", "--structure", "hr.xlsx", "--format", "csv"}, dir.path());
  CHECK(first.code == 2);
  CHECK_THAT(first.err, Contains("hr.xlsx, sheet \"Notes\", cell A1"));
  const CliResult posts =
      run({"derive", "--structure", "hr.xlsx", "--sheet", "Posts", "--format", "csv"}, dir.path());
  INFO(remit::robust::describe(posts));
  CHECK(posts.code == 0);
  CHECK_THAT(posts.out, Contains("Director of Public Health"));
  const CliResult missing =
      run({"derive", "--structure", "hr.xlsx", "--sheet", "Staff", "--format", "csv"}, dir.path());
  CHECK(missing.code == 2);
  CHECK_THAT(
      missing.err,
      Contains("'hr.xlsx': the workbook has no sheet \"Staff\" (sheets: \"Notes\", \"Posts\")"));
}

TEST_CASE("workbook: an error is located by sheet and cell", "[workbook][cli]") {
  TempDir dir;
  // The table starts in column B and row 2, as an export with a title row might; the manager
  // of "b" does not exist.
  write_workbook(
      dir / "s.xlsx",
      {{"Posts",
        {{},
         {"id", "title", "service", "directorate", "reports_to", "designations", "flags"},
         {"a", "Chief Executive", "", "", "", "", ""},
         {"b", "Director", "", "", "zz", "", ""}},
        1}});
  const CliResult r = run({"derive", "--structure", "s.xlsx"}, dir.path());
  INFO(remit::robust::describe(r));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, StartsWith("s.xlsx, sheet \"Posts\", cell F4: error:"));
  CHECK_THAT(r.err, Contains("zz"));
}

TEST_CASE("workbook: a damaged, password-protected or foreign file is refused with exit 2",
          "[workbook][cli]") {
  TempDir dir;
  write_workbook(dir / "good.xlsx", {{"Posts", csv_rows(read_text(fixture / "structure.csv")), 0}});
  const std::string good = read_text(dir / "good.xlsx");
  write_text(dir / "cut.xlsx", good.substr(0, good.size() / 2));
  std::string scrambled = good;
  for (std::size_t i = 200; i < scrambled.size(); i += 7) scrambled[i] = '\x5a';
  write_text(dir / "scrambled.xlsx", scrambled);
  // An OLE compound file: what Excel writes for a workbook with a password (and for .xls).
  write_text(dir / "locked.xlsx",
             std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));
  for (const std::string name : {"cut.xlsx", "scrambled.xlsx", "locked.xlsx"}) {
    INFO(name);
    const CliResult r = run({"derive", "--structure", name}, dir.path());
    INFO(remit::robust::describe(r));
    CHECK(r.exited);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Contains("'" + name + "'"));
    CHECK_THAT(r.err, !Contains("not valid UTF-8"));
  }
  CHECK_THAT(run({"derive", "--structure", "locked.xlsx"}, dir.path()).err, Contains("password"));
  // A sound package whose sheet is cut off: liborcus's error, caught, said in plain words.
  const CliResult damaged =
      run({"derive", "--structure", (project_dir / "tests/data/workbooks/damaged.xlsx").string()},
          dir.path());
  CHECK(damaged.code == 2);
  CHECK_THAT(damaged.err, Contains("damaged.xlsx': it looks like an .xlsx workbook but cannot be "
                                   "read (it may be damaged)"));
}

TEST_CASE("derive --format xlsx: the list and the reasons, read back", "[workbook][cli][output]") {
  TempDir dir;
  write_text(dir / "p.remit", "authority \"Example District Council\"\n");
  const CliResult r = run({"derive", "p.remit", "--structure", (fixture / "structure.csv").string(),
                           "--format", "xlsx", "-o", "list.xlsx"},
                          dir.path());
  INFO(remit::robust::describe(r));
  REQUIRE(r.code == 0);
  CHECK(r.out.empty());
  const std::vector<std::string> posts = sheet_lines(dir / "list.xlsx", "");
  REQUIRE(posts.size() > 6);
  CHECK(posts[0] == "Example District Council,,,");
  CHECK(posts[1] == "Politically restricted posts,,,");
  CHECK(posts[3] == "Title,Service,Directorate,Post id");
  CHECK_THAT(posts[4], StartsWith("Category "));
  CHECK(contains_line(posts, "Director of Public Health,Public Health,Place,9"));
  const std::vector<std::string> reasons = sheet_lines(dir / "list.xlsx", "Reasons");
  REQUIRE(reasons.size() > 1);
  CHECK(reasons[0] == "Title,Category,Category name,Post id,Reason");
  // The ids stay text: 9, never 9.0.
  bool found = false;
  for (const std::string& line : reasons) {
    if (!line.starts_with("Director of Public Health,")) continue;
    found = true;
    CHECK_THAT(line, Contains(",9,"));
    CHECK_THAT(line, Contains("director_of_public_health"));
  }
  CHECK(found);
  CHECK(remit::robust::read_text(dir / "list.xlsx").starts_with("PK"));
}

TEST_CASE("derive --format xlsx is refused on standard output", "[workbook][cli][output]") {
  TempDir dir;
  const CliResult r =
      run({"derive", "--structure", (fixture / "structure.csv").string(), "--format", "xlsx"},
          dir.path());
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("a workbook is written to a file"));
}

TEST_CASE("output file: its extension chooses the format, and --format wins", "[cli][output]") {
  TempDir dir;
  const std::string s = (fixture / "structure.csv").string();
  REQUIRE(run({"derive", "--structure", s, "-o", "list.md"}, dir.path()).code == 0);
  CHECK_THAT(read_text(dir / "list.md"), StartsWith("# Politically restricted posts"));
  REQUIRE(run({"derive", "--structure", s, "-o", "list.JSON"}, dir.path()).code == 0);
  CHECK_THAT(read_text(dir / "list.JSON"), StartsWith("{"));
  REQUIRE(run({"derive", "--structure", s, "-o", "list.txt"}, dir.path()).code == 0);
  CHECK_THAT(read_text(dir / "list.txt"), StartsWith("Category "));
  REQUIRE(run({"derive", "--structure", s, "-o", "list.xlsx"}, dir.path()).code == 0);
  CHECK_THAT(read_text(dir / "list.xlsx"), StartsWith("PK"));
  REQUIRE(run({"derive", "--structure", s, "-o", "list.csv"}, dir.path()).code == 0);
  CHECK_THAT(read_text(dir / "list.csv"),
             StartsWith("category,id,title,service,directorate,category_name\n"));
  REQUIRE(run({"check", "--structure", s, "-o", "check.json"}, dir.path()).code <= 1);
  CHECK_THAT(read_text(dir / "check.json"), StartsWith("{"));
  // --format wins over the name; a name without an extension gets the default.
  REQUIRE(run({"derive", "--structure", s, "--format", "csv", "-o", "list.md2"}, dir.path()).code ==
          0);
  CHECK_THAT(read_text(dir / "list.md2"), StartsWith("category,"));
  REQUIRE(run({"derive", "--structure", s, "-o", "list"}, dir.path()).code == 0);
  CHECK_THAT(read_text(dir / "list"), StartsWith("category,"));
}

TEST_CASE("output file: an extension the command does not write is an error", "[cli][output]") {
  TempDir dir;
  const std::string s = (fixture / "structure.csv").string();
  const CliResult pdf = run({"derive", "--structure", s, "-o", "list.pdf"}, dir.path());
  CHECK(pdf.code == 2);
  CHECK_THAT(pdf.err, Contains("'.pdf'"));
  CHECK_THAT(pdf.err, Contains(".csv, .md, .json, .txt, .xlsx"));
  CHECK_FALSE(fs::exists(dir / "list.pdf"));
  const CliResult check_csv = run({"check", "--structure", s, "-o", "report.csv"}, dir.path());
  CHECK(check_csv.code == 2);
  CHECK_THAT(check_csv.err, Contains(".txt, .json"));
  CHECK_FALSE(fs::exists(dir / "report.csv"));
}

TEST_CASE("write_file_atomically_with: a writer that needs a file name replaces the file whole",
          "[output]") {
  TempDir dir;
  write_text(dir / "out.xlsx", "old");
  fs::permissions(dir / "out.xlsx", fs::perms::owner_read | fs::perms::owner_write);
  auto leftovers = [&] {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir.path())) {
      if (e.path().filename() != "out.xlsx") names.push_back(e.path().filename().string());
    }
    return names;
  };
  SECTION("a writer that fails leaves the old file and no temporary file") {
    const std::string err =
        remit::write_file_atomically_with(dir / "out.xlsx", [](const fs::path& p) {
          write_text(p, "half");
          return std::string("the writer gave up");
        });
    CHECK(err == "the writer gave up");
    CHECK(read_text(dir / "out.xlsx") == "old");
    CHECK(leftovers().empty());
  }
  SECTION("a writer that succeeds replaces it, keeping its permissions") {
    fs::path used;
    const std::string err =
        remit::write_file_atomically_with(dir / "out.xlsx", [&](const fs::path& p) {
          used = p;
          write_text(p, "new");
          return std::string();
        });
    CHECK(err.empty());
    CHECK(used.parent_path() == dir.path());
    CHECK(used != dir / "out.xlsx");
    CHECK(read_text(dir / "out.xlsx") == "new");
    CHECK((fs::status(dir / "out.xlsx").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(leftovers().empty());
  }
  SECTION("a device is written through, never replaced") {
    const std::string err = remit::write_file_atomically_with("/dev/null", [](const fs::path& p) {
      write_text(p, "bytes");
      return std::string();
    });
    CHECK(err.empty());
    CHECK(fs::is_character_file("/dev/null"));
  }
}

TEST_CASE("workbook: JSON locations name the sheet and the cell", "[workbook][cli]") {
  TempDir dir;
  write_workbook(dir / "s.xlsx", {{"Posts", csv_rows(read_text(fixture / "structure.csv")), 0}});
  const CliResult r =
      run({"explain", "--structure", "s.xlsx", "9", "--format", "json"}, dir.path());
  INFO(remit::robust::describe(r));
  REQUIRE(r.code == 0);
  // Post 9 is on row 2; its designations are in column F.
  CHECK_THAT(r.out, Contains("\"file\": \"s.xlsx\""));
  CHECK_THAT(r.out, Contains("\"sheet\": \"Posts\""));
  CHECK_THAT(r.out, Contains("\"cell\": \"F2\""));
}

TEST_CASE("workbook: --sheet with no workbook among the inputs is a warning", "[workbook][cli]") {
  TempDir dir;
  const CliResult r = run({"derive", "--structure", (fixture / "structure.csv").string(), "--sheet",
                           "Posts", "--format", "csv"},
                          dir.path());
  CHECK(r.code == 0);
  CHECK_THAT(r.err,
             Contains("warning: no input is a workbook (.xlsx, .ods), so the sheet \"Posts\""));
}

TEST_CASE("workbook: a policy imports a workbook as it imports a CSV file", "[workbook][cli]") {
  TempDir dir;
  write_workbook(dir / "s.xlsx", {{"Posts", csv_rows(read_text(fixture / "structure.csv")), 0}});
  write_text(dir / "p.remit", "use \"uk/lgha1989\"\nimport \"s.xlsx\"\n");
  write_text(dir / "q.remit",
             "use \"uk/lgha1989\"\nimport \"" + (fixture / "structure.csv").string() + "\"\n");
  const CliResult from_xlsx = run({"derive", "p.remit", "--format", "csv"}, dir.path());
  const CliResult from_csv = run({"derive", "q.remit", "--format", "csv"}, dir.path());
  INFO(remit::robust::describe(from_xlsx));
  CHECK(from_xlsx.code == 0);
  CHECK(from_csv.code == 0);
  CHECK(from_xlsx.out == from_csv.out);
}
