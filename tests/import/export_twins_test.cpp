// A council's messy export derives the same categories as its clean version: one structure,
// written as HR systems and spreadsheets write it (Title Case headings in another order, `;`
// with a sep= line, UTF-16 tabs, Windows-1252, an .xlsx workbook, odd headings with --columns),
// with its designations in the export, in a sheet or in a policy.
#include <xlsxwriter.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "tests/robustness/robustness_support.hpp"

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using remit::robust::CliResult;
using remit::robust::TempDir;
using remit::robust::write_text;
using Rows = std::vector<std::vector<std::string>>;
using Pairs = std::vector<std::pair<std::string, std::string>>;

// The clean export: ids of every kind, a post reporting to `council`, a job share (identical
// rows one after the other), a split line and a category 3, 4, 5 chain.
const Rows clean_rows = {
    {"id", "title", "service", "directorate", "reports_to", "designations", "flags"},
    {"E-1001", "Chief Executive", "", "", "council", "head_of_paid_service", ""},
    {"HR/12", "Director of Resources", "Finance", "Resources", "E-1001", "section_151_officer", ""},
    {"007", "Director of Law", "Legal", "Resources", "E-1001", "monitoring_officer", ""},
    {"2040", "Director of Place", "", "Place", "E-1001", "", ""},
    {"2041", "Head of Planning", "Planning", "Place", "2040", "", ""},
    {"2042", "Planning Manager", "Planning", "Place", "2041", "", "delegated_powers"},
    {"2043", "Planning Officer", "Planning", "Place", "2042", "", ""},
    {"HR/13", "Head of Payroll", "Finance", "Resources", "HR/12", "", ""},
    {"HR/14", "Payroll Officer", "Finance", "Resources", "HR/13", "", ""},
    {"HR/20", "Head of Communications", "Policy", "", "E-1001", "", ""},
    {"HR/20", "Head of Communications", "Policy", "", "E-1001", "", ""},
    {"E-1002", "PA to the Chief Executive", "", "", "E-1001", "", "clerical"},
    {"3001", "Head of Partnerships", "Policy", "Place", "2040:40;HR/12:60", "", ""},
    {"E-1003", "Head of Audit", "Finance", "Resources", "HR/12", "", ""},
    {"E-1004", "Audit Manager", "Finance", "Resources", "E-1003", "", "delegated_powers"},
    {"E-1005", "Audit Officer", "Finance", "Resources", "E-1004", "", ""},
};

std::string to_csv(const Rows& rows, char sep, const std::string& eol = "\n") {
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += sep;
      const bool quote = row[c].find(sep) != std::string::npos;
      out += quote ? "\"" + row[c] + "\"" : row[c];
    }
    out += eol;
  }
  return out;
}

// The rows with columns picked (by index into the clean header) and renamed.
Rows reshaped(const Rows& rows, const std::vector<std::size_t>& order,
              const std::vector<std::string>& header) {
  Rows out{header};
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::vector<std::string> row;
    for (std::size_t c : order) row.push_back(c < rows[r].size() ? rows[r][c] : "x");
    out.push_back(row);
  }
  return out;
}

// The rows without the designations column (index 5).
Rows without_designations(const Rows& rows) {
  return reshaped(rows, {0, 1, 2, 3, 4, 6},
                  {"id", "title", "service", "directorate", "reports_to", "flags"});
}

const std::string designations_sheet =
    "id,designations,flags\n"
    "E-1001,head_of_paid_service,\n"
    "HR/12,section_151_officer,\n"
    "007,monitoring_officer,\n";

CliResult derive(const TempDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), "derive");
  args.emplace_back("--format");
  args.emplace_back("csv");
  return remit::robust::run_cli(args, dir.path(), std::chrono::seconds(60), [](pid_t) {});
}

// The sorted category,id pairs of derive's CSV output.
Pairs categories(const CliResult& r) {
  INFO(r.err);
  REQUIRE(r.exited);
  REQUIRE(r.code == 0);
  Pairs out;
  std::size_t start = r.out.find('\n') + 1;  // past the header line
  while (start < r.out.size()) {
    const std::size_t end = r.out.find('\n', start);
    const std::string line = r.out.substr(start, end - start);
    const std::size_t c1 = line.find(',');
    const std::size_t c2 = line.find(',', c1 + 1);
    out.emplace_back(line.substr(0, c1), line.substr(c1 + 1, c2 - c1 - 1));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::sort(out.begin(), out.end());
  return out;
}

Pairs clean_categories() {
  TempDir dir;
  write_text(dir.path() / "clean.csv", to_csv(clean_rows, ','));
  return categories(derive(dir, {"--structure", "clean.csv"}));
}

std::string utf16le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

}  // namespace

TEST_CASE("twins: the clean export places posts in every category", "[twins]") {
  const Pairs clean = clean_categories();
  for (const std::string_view cat : {"1", "2", "3", "4", "5"}) {
    CHECK(std::any_of(clean.begin(), clean.end(), [&](const auto& p) { return p.first == cat; }));
  }
  CHECK(std::count(clean.begin(), clean.end(), Pairs::value_type{"3", "HR/20"}) == 1);
}

TEST_CASE("twins: Title Case headings in another order with extra columns", "[twins]") {
  TempDir dir;
  const Rows messy = reshaped(clean_rows, {99, 1, 0, 99, 4, 3, 2, 99, 6, 5},
                              {"Grade", "Job Title", "Post ID", "FTE", "Reports To", "Directorate",
                               "Service", "Cost Centre", "Flags", "Designations"});
  write_text(dir.path() / "hr.csv", to_csv(messy, ','));
  CHECK(categories(derive(dir, {"--structure", "hr.csv"})) == clean_categories());
}

TEST_CASE("twins: semicolons with a sep= line", "[twins]") {
  TempDir dir;
  write_text(dir.path() / "semi.csv", "sep=;\r\n" + to_csv(clean_rows, ';', "\r\n"));
  CHECK(categories(derive(dir, {"--structure", "semi.csv"})) == clean_categories());
}

TEST_CASE("twins: tab-separated UTF-16 LE with a byte order mark", "[twins]") {
  TempDir dir;
  write_text(dir.path() / "unicode.txt", utf16le(to_csv(clean_rows, '\t', "\r\n")));
  CHECK(categories(derive(dir, {"--structure", "unicode.txt"})) == clean_categories());
}

TEST_CASE("twins: Windows-1252 with a pound sign and an en dash", "[twins]") {
  TempDir dir;
  Rows rows = clean_rows;
  rows[8][1] = "Head of Payroll \x96 \xA3 Budgets";
  write_text(dir.path() / "cp1252.csv", to_csv(rows, ','));
  const CliResult r = derive(dir, {"--structure", "cp1252.csv"});
  CHECK(categories(r) == clean_categories());
  CHECK_THAT(r.out, Contains("Head of Payroll \xE2\x80\x93 \xC2\xA3 Budgets"));
  CHECK_THAT(r.err, Contains("Windows-1252"));
}

TEST_CASE("twins: an xlsx workbook with numeric ids on a second sheet", "[twins]") {
  TempDir dir;
  const fs::path path = dir.path() / "export.xlsx";
  lxw_workbook* book = workbook_new(path.c_str());
  REQUIRE(book != nullptr);
  lxw_worksheet* cover = workbook_add_worksheet(book, "Cover");
  worksheet_write_string(cover, 0, 0, "Establishment list", nullptr);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Posts");
  int numbers = 0;
  for (std::size_t r = 0; r < clean_rows.size(); ++r) {
    for (std::size_t c = 0; c < clean_rows[r].size(); ++c) {
      const std::string& v = clean_rows[r][c];
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      if (v.empty()) continue;
      const bool number = v.find_first_not_of("0123456789") == std::string::npos && v[0] != '0';
      if (number) {
        worksheet_write_number(sheet, row, col, std::stod(v), nullptr);
        ++numbers;
      } else {
        worksheet_write_string(sheet, row, col, v.c_str(), nullptr);
      }
    }
  }
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  REQUIRE(numbers > 5);
  CHECK(categories(derive(dir, {"--structure", "export.xlsx", "--sheet", "Posts"})) ==
        clean_categories());
}

TEST_CASE("twins: designations in the export, in a sheet or in a policy", "[twins]") {
  const Pairs clean = clean_categories();
  TempDir dir;
  write_text(dir.path() / "bare.csv", to_csv(without_designations(clean_rows), ','));
  const Pairs bare = categories(derive(dir, {"--structure", "bare.csv"}));
  CHECK(bare != clean);
  SECTION("a designations sheet") {
    write_text(dir.path() / "designations.csv", designations_sheet);
    CHECK(categories(derive(
              dir, {"--structure", "bare.csv", "--designations", "designations.csv"})) == clean);
  }
  SECTION("designate statements in a policy") {
    write_text(dir.path() / "policy.remit",
               "import \"bare.csv\"\n"
               "designate E-1001 as head_of_paid_service\n"
               "designate HR/12 as section_151_officer\n"
               "designate 007 as monitoring_officer\n");
    CHECK(categories(derive(dir, {"policy.remit"})) == clean);
  }
}

TEST_CASE("twins: odd headings read with --columns", "[twins]") {
  TempDir dir;
  Rows odd = clean_rows;
  odd[0] = {"Position Number", "Post Name",    "Service", "Directorate",
            "Boss Position",   "Designations", "Flags"};
  write_text(dir.path() / "odd.csv", to_csv(odd, ','));
  CHECK(categories(derive(dir, {"--structure", "odd.csv", "--columns",
                                "id=\"Position Number\",title=\"Post Name\","
                                "reports_to=\"Boss Position\""})) == clean_categories());
}
