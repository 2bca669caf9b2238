#include "resolve/shares.hpp"

#include <numeric>

namespace remit {

std::string percent_text(std::uint64_t parts, std::uint32_t whole) {
  if (whole == 0) return "0%";
  const std::uint64_t scaled = parts * ast::basis_points_in_whole;
  const std::uint64_t basis_points = (scaled + whole / 2) / whole;  // to the nearest
  const bool exact = scaled % whole == 0;
  return (exact ? "" : "about ") + ast::basis_points_text(basis_points) + "%";
}

DutySplit split_duties(std::span<const ast::LineDecl> lines) {
  DutySplit out;
  split_duties(lines, out);
  return out;
}

void split_duties(std::span<const ast::LineDecl> lines, DutySplit& out) {
  out.shares.clear();
  out.explicit_basis_points = 0;
  out.lines_without_share = 0;
  // Nearly every post of an HR export has one manager and no share written: all its duties go
  // on that line. Said at once, as the general case below works it out (rest 10000 in n = 1
  // part, whole 10000), it skips a gcd and two passes: at a million posts 100 M instructions
  // become 40 M, of derive's 3,500 M.
  if (lines.size() == 1 && lines[0].kind != ast::LineKind::dotted && !lines[0].basis_points) {
    out.lines_without_share = 1;
    out.shares.push_back(Share{ast::basis_points_in_whole, ast::basis_points_in_whole});
    return;
  }
  for (const ast::LineDecl& l : lines) {
    if (l.kind == ast::LineKind::dotted) continue;
    if (l.basis_points) {
      out.explicit_basis_points += *l.basis_points;
    } else {
      ++out.lines_without_share;
    }
  }
  if (out.over_100_percent() || out.too_many_equal_parts()) return;
  // The rest, in basis points, goes in equal parts to the n lines without a share. Counted in
  // units of 1 / (10000 × n / g), g = gcd(rest, n), each of those lines carries rest / g units
  // exactly, and a written share of b basis points carries b × n / g.
  const auto rest =
      static_cast<std::uint32_t>(ast::basis_points_in_whole - out.explicit_basis_points);
  const auto n = static_cast<std::uint32_t>(out.lines_without_share);
  const std::uint32_t g = n == 0 ? 1 : std::gcd(rest, n);  // gcd(0, n) = n
  const std::uint32_t scale = n == 0 ? 1 : n / g;
  const std::uint32_t whole = ast::basis_points_in_whole * scale;
  const std::uint32_t equal_part = n == 0 ? 0 : rest / g;
  out.shares.reserve(lines.size());
  for (const ast::LineDecl& l : lines) {
    std::uint32_t parts = 0;
    if (l.kind != ast::LineKind::dotted)
      parts = l.basis_points ? *l.basis_points * scale : equal_part;
    out.shares.push_back(Share{parts, whole});
  }
}

}  // namespace remit
