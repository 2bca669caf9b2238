// The workbook module's entry (libremit_workbook.so: liborcus, libxlsxwriter).
#include "loadable/module_sides.hpp"
#include "loadable/modules.hpp"

extern "C" __attribute__((visibility("default"))) const void* remit_workbook_module() {
  static const remit::loadable::WorkbookModule table{
      .abi = remit::loadable::abi_version,
      .detect = remit::module::detect,
      .read_sheet = remit::module::read_workbook_sheet,
      .write = remit::module::write_workbook,
  };
  return &table;
}
