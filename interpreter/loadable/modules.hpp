// The two modules remit loads on first use (loadable/loadable.hpp) and the tables of functions
// they give. The module side is loadable/workbook_module.cpp and loadable/chart_module.cpp.
#pragma once

#include <string>
#include <string_view>

#include "import/workbook.hpp"
#include "report/workbook_plan.hpp"

namespace remit::loadable {

// Raised whenever a table below changes shape, so that a stale module is refused, not called.
inline constexpr int abi_version = 1;

// libremit_workbook.so: liborcus and libxlsxwriter.
struct WorkbookModule {
  int abi = 0;
  // liborcus's format detection of a zip archive's bytes: xlsx, ods or zip.
  FileKind (*detect)(std::string_view zip_bytes) = nullptr;
  SheetText (*read_sheet)(std::string_view bytes, FileKind kind, std::string_view wanted) = nullptr;
  // Writes `plan` to `file`; returns "" or what went wrong.
  std::string (*write)(const WorkbookPlan& plan, const std::string& file) = nullptr;
};

// libremit_chart.so: Graphviz.
struct ChartModule {
  int abi = 0;
  // The SVG of the laid-out DOT text, or "" with `error` set to Graphviz's words.
  std::string (*render_svg)(std::string_view dot, std::string& error) = nullptr;
};

// The loaded tables, or null with `problem` set (loadable::Loaded::problem).
const WorkbookModule* workbook_module(std::string& problem);
const ChartModule* chart_module(std::string& problem);

}  // namespace remit::loadable

// The entry functions the modules export.
extern "C" {
const remit::loadable::WorkbookModule* remit_workbook_module();
const remit::loadable::ChartModule* remit_chart_module();
}
