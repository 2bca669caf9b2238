// A workbook as values: its sheets and their cells, each with its style. `remit derive --format
// xlsx` lays the list out as a WorkbookPlan (report/derive_workbook.cpp); the workbook module
// writes it with libxlsxwriter (report/workbook_xlsxwriter.cpp), so the layout is read and
// tested without the library, and the library is loaded only when a workbook is written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace remit {

enum class CellStyle : std::uint8_t {
  plain,
  heading,   // the authority's name: bold, 14 pt
  title,     // the list's title: bold, 12 pt
  header,    // a column's name: bold, a thin line below
  category,  // a category's heading: bold
  wrap,      // text over several lines, from the top of the cell
};

struct Cell {
  std::uint32_t row = 0;
  std::uint16_t column = 0;
  std::string text;
  CellStyle style = CellStyle::plain;
  bool fits = true;  // whether the column widens to show the text whole
};

struct SheetPlan {
  std::string name;
  std::uint16_t columns = 0;
  std::vector<Cell> cells;  // in the order written
  std::uint32_t frozen_rows = 0;
  bool wrap_last_column = false;  // the last column's text wraps
};

struct WorkbookPlan {
  std::vector<SheetPlan> sheets;
};

}  // namespace remit
