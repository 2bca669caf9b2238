// Compiled into remit and into the workbook module, which both show numbers as a spreadsheet does.
#include <charconv>
#include <cmath>
#include <cstdint>

#include "import/workbook.hpp"

namespace remit {

std::string number_text(double value) {
  if (value == 0) return "0";  // and -0
  char buffer[64];
  if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 1e15) {
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(value));
    return std::string(buffer, end);
  }
  // A spreadsheet shows at most 15 significant digits: 0.1 + 0.2 is shown, and read, as 0.3.
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
  return std::string(buffer, end);
}

}  // namespace remit
