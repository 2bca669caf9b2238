#include "report/derive_workbook.hpp"

#include <array>

#include "ast/ast.hpp"
#include "evaluate/exemptions.hpp"
#include "explain/explain.hpp"
#include "loadable/modules.hpp"
#include "report/workbook_plan.hpp"
#include "resolve/organisation.hpp"

namespace remit {
namespace {

// The reasons below the root, one a line, each level indented: the root restates the post and
// its category, which have their own columns.
void append_reasons(std::string& out, const Reason& r, int depth) {
  for (const Reason& b : r.because) {
    if (!out.empty()) out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += b.text;
    append_reasons(out, b, depth + 1);
  }
}

// Cells added to a sheet in writing order.
struct SheetWriter {
  SheetPlan& sheet;
  void text(std::uint32_t row, std::uint16_t column, std::string_view s,
            CellStyle style = CellStyle::plain, bool fits = true) {
    sheet.cells.push_back(Cell{row, column, std::string(s), style, fits});
  }
};

WorkbookPlan plan(Run& run, const std::vector<ListedPost>& list) {
  const ast::Program& program = run.program();
  const Organisation& org = run.resolved().organisation;
  WorkbookPlan book;
  book.sheets.resize(2);

  // Sheet 1: the list.
  SheetPlan& list_sheet = book.sheets[0];
  list_sheet.name = "Restricted posts";
  list_sheet.columns = 4;
  SheetWriter posts{list_sheet};
  std::uint32_t row = 0;
  if (!org.authority.empty()) posts.text(row++, 0, org.authority, CellStyle::heading, false);
  posts.text(row++, 0, "Politically restricted posts", CellStyle::title, false);
  ++row;
  const std::array<const char*, 4> header = {"Title", "Service", "Directorate", "Post id"};
  for (std::uint16_t c = 0; c < header.size(); ++c)
    posts.text(row, c, header[c], CellStyle::header);
  list_sheet.frozen_rows = ++row;
  std::uint32_t current = 0;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const ast::CategoryDecl& c = program.categories[list[k].category];
    if (k == 0 || c.number != current) {
      current = c.number;
      if (k > 0) ++row;
      posts.text(row++, 0,
                 "Category " + std::to_string(c.number) + " - " + std::string(c.label.text),
                 CellStyle::category, false);
    }
    const Unit& u = org.units[list[k].unit];
    std::uint16_t col = 0;
    for (std::string_view v : {u.title(), u.service(), u.directorate(), u.id()}) {
      posts.text(row, col++, v);
    }
    ++row;
  }
  if (list.empty())
    posts.text(row++, 0, "No politically restricted posts.", CellStyle::plain, false);
  // Exempted posts (LGHA 1989 s.3, s.3A) are not on the list: a section of their own.
  const std::vector<DecisionInForce> exempted =
      exempted_posts(program, run.resolved(), run.evaluator().result());
  if (!exempted.empty()) {
    ++row;
    posts.text(row++, 0, "Exempted - not politically restricted (LGHA 1989 s.3, s.3A)",
               CellStyle::category, false);
    for (const DecisionInForce& e : exempted) {
      const Unit& u = org.units[e.post];
      std::uint16_t col = 0;
      for (std::string_view v : {u.title(), u.service(), u.directorate(), u.id()}) {
        posts.text(row, col++, v);
      }
      ++row;
    }
  }

  // Sheet 2: why each post is listed, in the words of `remit explain`.
  SheetPlan& reasons_sheet = book.sheets[1];
  reasons_sheet.name = "Reasons";
  reasons_sheet.columns = 5;
  reasons_sheet.frozen_rows = 1;
  reasons_sheet.wrap_last_column = true;
  SheetWriter reasons{reasons_sheet};
  const std::array<const char*, 5> reason_header = {"Title", "Category", "Category name", "Post id",
                                                    "Reason"};
  for (std::uint16_t c = 0; c < reason_header.size(); ++c) {
    reasons.text(0, c, reason_header[c], CellStyle::header);
  }
  row = 1;
  for (const ListedPost& p : list) {
    const ast::CategoryDecl& c = program.categories[p.category];
    const Unit& u = org.units[p.unit];
    std::string why;
    append_reasons(why, explain_category(run, p.unit, p.category), 0);
    reasons.text(row, 0, u.title());
    reasons.text(row, 1, std::to_string(c.number));
    reasons.text(row, 2, c.label.text);
    reasons.text(row, 3, u.id());
    reasons.text(row, 4, why, CellStyle::wrap);
    ++row;
  }
  for (const DecisionInForce& e : exempted) {
    const Unit& u = org.units[e.post];
    reasons.text(row, 0, u.title());
    reasons.text(row, 1, "exempted");
    reasons.text(row, 2, "");
    reasons.text(row, 3, u.id());
    reasons.text(row, 4, decision_text(program.exemptions[e.decl]), CellStyle::wrap);
    ++row;
  }
  return book;
}

}  // namespace

std::string write_restricted_posts_workbook(const std::filesystem::path& path, Run& run,
                                            const std::vector<ListedPost>& list,
                                            WriteOptions options) {
  std::string missing;
  const loadable::WorkbookModule* module = loadable::workbook_module(missing);
  if (!module) {
    return "cannot write the workbook '" + path.string() +
           "': remit's workbook support is missing: " + missing;
  }
  const WorkbookPlan book = plan(run, list);
  return write_file_atomically_with(
      path,
      [&](const std::filesystem::path& temp) {
        std::string problem = module->write(book, temp.string());
        return problem.empty() ? problem
                               : "cannot write the workbook '" + path.string() + "': " + problem;
      },
      options);
}

}  // namespace remit
