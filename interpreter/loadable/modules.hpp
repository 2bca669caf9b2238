// The modules remit loads on first use (loadable/loadable.hpp) and the tables of functions
// they give. The module side is loadable/workbook_module.cpp, loadable/chart_module.cpp and
// loadable/unicode_module.cpp.
#pragma once

#include <string>
#include <string_view>

#include "import/encoding.hpp"
#include "import/workbook.hpp"
#include "report/workbook_plan.hpp"

namespace remit::loadable {

// Raised whenever a table below changes shape, so that a stale module is refused, not called.
inline constexpr int abi_version = 2;

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

// libremit_unicode.so: ICU, for ids that are not ASCII (resolve/id_text.hpp), exports that are
// not UTF-8 and the widths of characters in a terminal.
struct UnicodeModule {
  int abi = 0;
  // Writes `s` in NFC into `out` and returns true, or returns false when `s` is already in NFC
  // or is not valid UTF-8 (then `s` stands as it is).
  bool (*nfc)(std::string_view s, std::string& out) = nullptr;
  // Simple case folding of one code point.
  char32_t (*fold_case)(char32_t c) = nullptr;
  // `bytes` from `charset` to UTF-8, stopping at the first sequence that is not text in it
  // (import/encoding.hpp); `name` is the charset as messages name it.
  csv::DecodedText (*convert)(std::string_view bytes, const char* charset, csv::TextEncoding from,
                              std::string_view name) = nullptr;
  // The terminal columns a character that is not ASCII takes: 0, 1 or 2 (report/terminal.hpp).
  std::size_t (*columns)(char32_t c) = nullptr;
};

// The loaded tables, or null with `problem` set (loadable::Loaded::problem).
const WorkbookModule* workbook_module(std::string& problem);
const ChartModule* chart_module(std::string& problem);
const UnicodeModule* unicode_module(std::string& problem);

}  // namespace remit::loadable

// The entry functions the modules export. Each returns its table as `const void*`, the type
// load_module calls every entry through: calling a function through a pointer of another type is
// undefined, even when only the pointer it returns differs (clang's -fsanitize=function stops
// there).
extern "C" {
const void* remit_workbook_module();
const void* remit_chart_module();
const void* remit_unicode_module();
}
