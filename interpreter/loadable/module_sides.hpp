// What the modules' own sources define (import/workbook_orcus.cpp,
// report/workbook_xlsxwriter.cpp, report/chart_graphviz.cpp, resolve/id_text_icu.cpp,
// import/encoding_icu.cpp, report/terminal_icu.cpp), gathered into their tables by
// loadable/workbook_module.cpp, loadable/chart_module.cpp and loadable/unicode_module.cpp. Only the
// modules include this.
#pragma once

#include <string>
#include <string_view>

#include "import/encoding.hpp"
#include "import/workbook.hpp"
#include "report/workbook_plan.hpp"

namespace remit::module {

FileKind detect(std::string_view zip_bytes);
SheetText read_workbook_sheet(std::string_view bytes, FileKind kind, std::string_view wanted);
std::string write_workbook(const WorkbookPlan& plan, const std::string& file);
std::string render_svg_with_graphviz(std::string_view dot, std::string& error);
bool nfc_with_icu(std::string_view s, std::string& out);
char32_t fold_case_with_icu(char32_t c);
csv::DecodedText convert_with_icu(std::string_view bytes, const char* charset,
                                  csv::TextEncoding from, std::string_view name);
std::size_t columns_with_icu(char32_t c);

}  // namespace remit::module
