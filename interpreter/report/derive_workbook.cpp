#include "report/derive_workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <memory>

#include "ast/ast.hpp"
#include "evaluate/exemptions.hpp"
#include "explain/explain.hpp"
#include "resolve/organisation.hpp"

namespace remit {
namespace {

// Excel's limit on the text of one cell, in characters; longer text is cut.
constexpr std::size_t max_cell_chars = 32767;
// Column widths, in characters: at least the header's, at most a screen's share.
constexpr double min_width = 10, max_width = 60;

std::size_t chars(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string cell_text(std::string_view s) {
  if (chars(s) <= max_cell_chars) return std::string(s);
  std::size_t seen = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == max_cell_chars) break;
  }
  return std::string(s.substr(0, i));
}

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

// One sheet being written: remembers the widest text of each column.
class Sheet {
 public:
  Sheet(lxw_workbook* book, const char* name, std::size_t columns)
      : sheet_(workbook_add_worksheet(book, name)), widths_(columns, min_width) {}
  [[nodiscard]] bool ok() const { return sheet_ != nullptr && error_ == LXW_NO_ERROR; }
  [[nodiscard]] lxw_error error() const { return error_; }
  // `fits`: whether the column should widen to show the text whole.
  void text(lxw_row_t row, lxw_col_t col, std::string_view s, lxw_format* format,
            bool fits = true) {
    if (!sheet_ || error_ != LXW_NO_ERROR) return;
    const std::string t = cell_text(s);
    error_ = worksheet_write_string(sheet_, row, col, t.c_str(), format);
    if (fits && col < widths_.size()) {
      widths_[col] = std::clamp(static_cast<double>(chars(t)) + 2, widths_[col], max_width);
    }
  }
  void finish(lxw_row_t frozen_rows, lxw_format* wrap_last = nullptr) {
    if (!sheet_) return;
    for (std::size_t c = 0; c < widths_.size(); ++c) {
      const bool last = c + 1 == widths_.size();
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths_[c],
                           last ? wrap_last : nullptr);
    }
    worksheet_freeze_panes(sheet_, frozen_rows, 0);
  }

 private:
  lxw_worksheet* sheet_;
  std::vector<double> widths_;
  lxw_error error_ = LXW_NO_ERROR;
};

struct Formats {
  lxw_format* heading;   // the authority's name
  lxw_format* title;     // the list's title
  lxw_format* header;    // the column names
  lxw_format* category;  // a category's heading
  lxw_format* wrap;      // text over several lines
};

std::string make(const std::string& file, Run& run, const std::vector<ListedPost>& list) {
  const ast::Program& program = run.program();
  const Organisation& org = run.resolved().organisation;
  std::unique_ptr<lxw_workbook, decltype(&workbook_close)> book(workbook_new(file.c_str()),
                                                                &workbook_close);
  if (!book) return "cannot start the workbook";
  Formats f{};
  for (lxw_format** x : {&f.heading, &f.title, &f.header, &f.category, &f.wrap}) {
    *x = workbook_add_format(book.get());
  }
  format_set_bold(f.heading);
  format_set_font_size(f.heading, 14);
  format_set_bold(f.title);
  format_set_font_size(f.title, 12);
  format_set_bold(f.header);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  format_set_bold(f.category);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);

  // Sheet 1: the list.
  Sheet posts(book.get(), "Restricted posts", 4);
  lxw_row_t row = 0;
  if (!org.authority.empty()) posts.text(row++, 0, org.authority, f.heading, false);
  posts.text(row++, 0, "Politically restricted posts", f.title, false);
  ++row;
  const std::array<const char*, 4> header = {"Title", "Service", "Directorate", "Post id"};
  for (lxw_col_t c = 0; c < header.size(); ++c) posts.text(row, c, header[c], f.header);
  const lxw_row_t frozen = ++row;
  std::uint32_t current = 0;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const ast::CategoryDecl& c = program.categories[list[k].category];
    if (k == 0 || c.number != current) {
      current = c.number;
      if (k > 0) ++row;
      posts.text(row++, 0,
                 "Category " + std::to_string(c.number) + " - " + std::string(c.label.text),
                 f.category, false);
    }
    const Unit& u = org.units[list[k].unit];
    lxw_col_t col = 0;
    for (std::string_view v : {u.title(), u.service(), u.directorate(), u.id}) {
      posts.text(row, col++, v, nullptr);
    }
    ++row;
  }
  if (list.empty()) posts.text(row++, 0, "No politically restricted posts.", nullptr, false);
  // Exempted posts (LGHA 1989 s.3, s.3A) are not on the list: a section of their own.
  const std::vector<DecisionInForce> exempted =
      exempted_posts(program, run.resolved(), run.evaluator().result());
  if (!exempted.empty()) {
    ++row;
    posts.text(row++, 0, "Exempted - not politically restricted (LGHA 1989 s.3, s.3A)", f.category,
               false);
    for (const DecisionInForce& e : exempted) {
      const Unit& u = org.units[e.post];
      lxw_col_t col = 0;
      for (std::string_view v : {u.title(), u.service(), u.directorate(), u.id}) {
        posts.text(row, col++, v, nullptr);
      }
      ++row;
    }
  }
  posts.finish(frozen);
  if (!posts.ok()) return lxw_strerror(posts.error());

  // Sheet 2: why each post is listed, in the words of `remit explain`.
  Sheet reasons(book.get(), "Reasons", 5);
  const std::array<const char*, 5> reason_header = {"Title", "Category", "Category name", "Post id",
                                                    "Reason"};
  for (lxw_col_t c = 0; c < reason_header.size(); ++c) {
    reasons.text(0, c, reason_header[c], f.header);
  }
  row = 1;
  for (const ListedPost& p : list) {
    const ast::CategoryDecl& c = program.categories[p.category];
    const Unit& u = org.units[p.unit];
    std::string why;
    append_reasons(why, explain_category(run, p.unit, p.category), 0);
    reasons.text(row, 0, u.title(), nullptr);
    reasons.text(row, 1, std::to_string(c.number), nullptr);
    reasons.text(row, 2, c.label.text, nullptr);
    reasons.text(row, 3, u.id, nullptr);
    reasons.text(row, 4, why, f.wrap);
    ++row;
  }
  for (const DecisionInForce& e : exempted) {
    const Unit& u = org.units[e.post];
    reasons.text(row, 0, u.title(), nullptr);
    reasons.text(row, 1, "exempted", nullptr);
    reasons.text(row, 2, "", nullptr);
    reasons.text(row, 3, u.id, nullptr);
    reasons.text(row, 4, decision_text(program.exemptions[e.decl]), f.wrap);
    ++row;
  }
  reasons.finish(1, f.wrap);
  if (!reasons.ok()) return lxw_strerror(reasons.error());
  const lxw_error closed = workbook_close(book.release());
  return closed == LXW_NO_ERROR ? std::string() : std::string(lxw_strerror(closed));
}

}  // namespace

std::string write_restricted_posts_workbook(const std::filesystem::path& path, Run& run,
                                            const std::vector<ListedPost>& list,
                                            WriteOptions options) {
  return write_file_atomically_with(
      path,
      [&](const std::filesystem::path& temp) {
        std::string problem = make(temp.string(), run, list);
        return problem.empty() ? problem
                               : "cannot write the workbook '" + path.string() + "': " + problem;
      },
      options);
}

}  // namespace remit
