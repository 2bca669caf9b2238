// The Unicode module's side of laying out text for a terminal (report/terminal.hpp): how many
// columns a character takes, by ICU, built into libremit_unicode.so (loadable/unicode_module.cpp),
// not into remit.
#include <unicode/uchar.h>

#include "loadable/module_sides.hpp"

namespace remit::module {

std::size_t columns_with_icu(char32_t c) {
  const auto code = static_cast<UChar32>(c);
  const auto type = static_cast<UCharCategory>(u_charType(code));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  const auto east_asian = u_getIntPropertyValue(code, UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace remit::module
