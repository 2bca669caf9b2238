// A share of a post's duties as written, `33.33%` in a policy or `33.33` in a structure CSV,
// read exactly: in basis points, hundredths of a percent (10000 = 100%). Shares are never
// floating point, so 33.33 + 33.33 + 33.34 is exactly 100 and 50 is exactly half.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace remit::ast {

inline constexpr std::uint32_t basis_points_in_whole = 10000;  // 100%

enum class PercentProblem : std::uint8_t {
  none,
  not_a_number,       // not digits with at most one `.` between digits
  too_many_decimals,  // `33.333`: a share is exact to 0.01%
  out_of_range,       // not above 0 and at most 100
};

struct ReadPercent {
  std::uint32_t basis_points = 0;
  PercentProblem problem = PercentProblem::none;
};

// `text` is the number alone: `60`, `33.5`, `33.33` (no sign, no `%`, no spaces).
constexpr ReadPercent read_percent(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view decimals =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  auto all_digits = [](std::string_view s) {
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  if (whole.empty() || !all_digits(whole) || (dot != std::string_view::npos && decimals.empty()) ||
      !all_digits(decimals)) {
    return {0, PercentProblem::not_a_number};
  }
  if (decimals.size() > 2) return {0, PercentProblem::too_many_decimals};
  std::uint32_t percent = 0;
  for (char c : whole) {
    percent = percent * 10 + static_cast<std::uint32_t>(c - '0');
    if (percent > 100) return {0, PercentProblem::out_of_range};  // also stops any overflow
  }
  std::uint32_t hundredths = 0;
  for (std::size_t k = 0; k < 2; ++k) {
    hundredths =
        hundredths * 10 + (k < decimals.size() ? static_cast<std::uint32_t>(decimals[k] - '0') : 0);
  }
  const std::uint32_t basis_points = percent * 100 + hundredths;
  if (basis_points == 0 || basis_points > basis_points_in_whole) {
    return {0, PercentProblem::out_of_range};
  }
  return {basis_points, PercentProblem::none};
}

// `60`, `33.5`, `33.33` (no `%`): as few decimals as the value needs.
inline std::string basis_points_text(std::uint64_t basis_points) {
  std::string s = std::to_string(basis_points / 100);
  const auto hundredths = static_cast<unsigned>(basis_points % 100);
  if (hundredths != 0) {
    s += '.';
    s += static_cast<char>('0' + hundredths / 10);
    if (hundredths % 10 != 0) s += static_cast<char>('0' + hundredths % 10);
  }
  return s;
}

}  // namespace remit::ast
