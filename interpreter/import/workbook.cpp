#include "import/workbook.hpp"

#include "loadable/modules.hpp"

namespace remit {
namespace {

bool starts_with_bytes(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

// The signatures are checked here; only a zip archive needs liborcus to tell an .xlsx from an
// .ods, so only then is the workbook module loaded.
FileKind file_kind_of(std::string_view bytes) {
  if (starts_with_bytes(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return FileKind::encrypted;
  if (!starts_with_bytes(bytes, "PK\x03\x04")) return FileKind::text;
  std::string missing;
  const loadable::WorkbookModule* module = loadable::workbook_module(missing);
  // Without the module nothing can be read; read_sheet then says why.
  return module ? module->detect(bytes) : FileKind::xlsx;
}

SheetText read_sheet(std::string_view bytes, FileKind kind, std::string_view wanted) {
  std::string missing;
  const loadable::WorkbookModule* module = loadable::workbook_module(missing);
  if (!module) {
    SheetText failed;
    failed.error = "remit's workbook support is missing: " + missing;
    return failed;
  }
  return module->read_sheet(bytes, kind, wanted);
}

}  // namespace remit
