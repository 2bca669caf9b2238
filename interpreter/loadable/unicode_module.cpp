// The Unicode module's entry (libremit_unicode.so: ICU).
#include "loadable/module_sides.hpp"
#include "loadable/modules.hpp"

extern "C" __attribute__((visibility("default"))) const void* remit_unicode_module() {
  static const remit::loadable::UnicodeModule table{
      .abi = remit::loadable::abi_version,
      .nfc = remit::module::nfc_with_icu,
      .fold_case = remit::module::fold_case_with_icu,
      .convert = remit::module::convert_with_icu,
      .columns = remit::module::columns_with_icu,
  };
  return &table;
}
