// What the modules' own sources define (import/workbook_orcus.cpp,
// report/workbook_xlsxwriter.cpp, report/chart_graphviz.cpp), gathered into their tables by
// loadable/workbook_module.cpp and loadable/chart_module.cpp. Only the modules include this.
#pragma once

#include <string>
#include <string_view>

#include "import/workbook.hpp"
#include "report/workbook_plan.hpp"

namespace remit::module {

FileKind detect(std::string_view zip_bytes);
SheetText read_workbook_sheet(std::string_view bytes, FileKind kind, std::string_view wanted);
std::string write_workbook(const WorkbookPlan& plan, const std::string& file);
std::string render_svg_with_graphviz(std::string_view dot, std::string& error);

}  // namespace remit::module
