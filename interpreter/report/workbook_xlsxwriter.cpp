// Writes a WorkbookPlan with libxlsxwriter. Part of the workbook module (libremit_workbook.so,
// loadable/loadable.hpp), not of remit itself.
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "loadable/module_sides.hpp"
#include "report/workbook_plan.hpp"

namespace remit::module {
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

// The formats of CellStyle, in its order (plain has none).
using Formats = std::array<lxw_format*, 6>;

Formats make_formats(lxw_workbook* book) {
  Formats f{};
  for (std::size_t i = 1; i < f.size(); ++i) f[i] = workbook_add_format(book);
  lxw_format* heading = f[static_cast<std::size_t>(CellStyle::heading)];
  format_set_bold(heading);
  format_set_font_size(heading, 14);
  lxw_format* title = f[static_cast<std::size_t>(CellStyle::title)];
  format_set_bold(title);
  format_set_font_size(title, 12);
  lxw_format* header = f[static_cast<std::size_t>(CellStyle::header)];
  format_set_bold(header);
  format_set_bottom(header, LXW_BORDER_THIN);
  format_set_bold(f[static_cast<std::size_t>(CellStyle::category)]);
  lxw_format* wrap = f[static_cast<std::size_t>(CellStyle::wrap)];
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

// One sheet: its cells written in order, each column as wide as its widest text that fits.
lxw_error write_sheet(lxw_workbook* book, const SheetPlan& plan, const Formats& formats) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, plan.name.c_str());
  if (!sheet) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
  std::vector<double> widths(plan.columns, min_width);
  for (const Cell& cell : plan.cells) {
    const std::string t = cell_text(cell.text);
    const lxw_error e = worksheet_write_string(sheet, cell.row, cell.column, t.c_str(),
                                               formats[static_cast<std::size_t>(cell.style)]);
    if (e != LXW_NO_ERROR) return e;
    if (cell.fits && cell.column < widths.size()) {
      widths[cell.column] =
          std::clamp(static_cast<double>(chars(t)) + 2, widths[cell.column], max_width);
    }
  }
  lxw_format* const wrap = formats[static_cast<std::size_t>(CellStyle::wrap)];
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const bool last = c + 1 == widths.size();
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                         last && plan.wrap_last_column ? wrap : nullptr);
  }
  worksheet_freeze_panes(sheet, plan.frozen_rows, 0);
  return LXW_NO_ERROR;
}

}  // namespace

std::string write_workbook(const WorkbookPlan& plan, const std::string& file) {
  std::unique_ptr<lxw_workbook, decltype(&workbook_close)> book(workbook_new(file.c_str()),
                                                                &workbook_close);
  if (!book) return "cannot start the workbook";
  const Formats formats = make_formats(book.get());
  for (const SheetPlan& sheet : plan.sheets) {
    const lxw_error e = write_sheet(book.get(), sheet, formats);
    if (e != LXW_NO_ERROR) return lxw_strerror(e);
  }
  const lxw_error closed = workbook_close(book.release());
  return closed == LXW_NO_ERROR ? std::string() : std::string(lxw_strerror(closed));
}

}  // namespace remit::module
