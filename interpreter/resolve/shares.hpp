// How a post's duties are split between its reporting lines: explicit shares as given, the
// rest in equal parts among the duty-carrying lines without one; dotted lines carry none.
//
// Every share is exact. Written shares are whole basis points (0.01%); the rest is split in
// exact fractions, never rounded: a post's lines are counted in parts of one `whole` common to
// them all, so "more than half" is 2 × parts > whole in integers. With 100% split three ways,
// the whole is 30000 and each line carries 10000 parts: two of them (20000) are more than half,
// one (10000) is not.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "ast/percent.hpp"
#include "remit/limits.hpp"

namespace remit {

// The part of a post's duties one line carries: `parts` out of `whole`. Lines of one post
// share one whole, so their parts add up.
struct Share {
  std::uint32_t parts = 1;
  std::uint32_t whole = 1;
  friend bool operator==(const Share&, const Share&) = default;
};

// "All or most of the duties" (LGHA 1989 s.2(7)): more than half, exactly. `parts` is the sum of
// the parts of some lines of one post, `whole` their common whole.
constexpr bool more_than_half(std::uint64_t parts, std::uint32_t whole) {
  return 2 * parts > whole;
}

// `60%`, `33.33%`; a share that is no whole number of basis points, rounded to the nearest,
// is said to be about that: `about 33.33%`.
std::string percent_text(std::uint64_t parts, std::uint32_t whole);

// The largest `whole` a post's lines can be counted in. With equal parts for n lines the whole
// is 10000 × n (less any common factor), so a post can split its remaining duties among at
// most max_lines_sharing_duties lines without a share.
inline constexpr std::uint64_t max_lines_sharing_duties = Limits::max_lines_sharing_duties;
static_assert(max_lines_sharing_duties * ast::basis_points_in_whole <= UINT32_MAX);

struct DutySplit {
  std::vector<Share> shares;                // per line
  std::uint64_t explicit_basis_points = 0;  // sum of the written shares; over 10000 is an error
  std::size_t lines_without_share = 0;      // over max_lines_sharing_duties is an error
  [[nodiscard]] bool over_100_percent() const {
    return explicit_basis_points > ast::basis_points_in_whole;
  }
  [[nodiscard]] bool too_many_equal_parts() const {
    return lines_without_share > max_lines_sharing_duties;
  }
};

DutySplit split_duties(std::span<const ast::LineDecl> lines);
// The same, into `out` (reused by the caller: a million posts need no allocation each).
// `out.shares` is left empty when the split is in error (over 100%, or too many equal parts).
void split_duties(std::span<const ast::LineDecl> lines, DutySplit& out);

}  // namespace remit
