// `reports directly to S` reads a table of each post's one duty-carrying line, with the posts that
// split their duties kept apart (interpreter/evaluate/direct_lines.cpp). These tests hold it to
// the rule it stands for, summed line by line: a post is in when more than half of its duties
// go to members of S (LGHA 1989 s.2(7)).
#include "evaluate/direct_lines.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <vector>

namespace {

using remit::Line;
using remit::PostSet;
using remit::ReportingLines;
using remit::Share;
using remit::UnitIndex;

Line line(UnitIndex from, UnitIndex to, std::uint32_t parts, std::uint32_t whole,
          remit::ast::LineKind kind = remit::ast::LineKind::reports) {
  Line l;
  l.from = from;
  l.to = to;
  l.kind = kind;
  l.share = Share{parts, whole};
  return l;
}

// The rule, one sum a post: what the evaluator did before the table.
PostSet summed(const ReportingLines& lines, std::size_t units, const PostSet& target) {
  std::vector<std::uint64_t> parts(units, 0);
  std::vector<std::uint32_t> whole(units, 1);
  lines.for_each([&](remit::LineId, const Line& l) {
    if (l.share.parts == 0 || !target.test(l.to)) return;
    parts[l.from] += l.share.parts;
    whole[l.from] = l.share.whole;
  });
  PostSet out(units);
  for (std::size_t u = 0; u < units; ++u) {
    if (remit::more_than_half(parts[u], whole[u])) out.set(u);
  }
  return out;
}

PostSet members(std::size_t units, std::uint32_t bits) {
  PostSet s(units);
  for (std::size_t u = 0; u < units; ++u) {
    if ((bits >> u) & 1U) s.set(u);
  }
  return s;
}

}  // namespace

TEST_CASE("reports directly: a single line, split duties, dotted and 0% lines, half exactly",
          "[evaluate][direct_lines]") {
  // 0 is the top. 1 reports to 0. 2 gives 60% to 0 and 40% to 1. 3 has a dotted line to 0 and
  // reports to 1. 4 has a 0% line to 0 and reports wholly to 1. 5 gives half to 0, half to 1.
  // 6 has one line of 50% only, to 0. 7 gives a third each to 0, 1 and 2.
  ReportingLines lines;
  lines.push_back(line(1, 0, 1, 1));
  lines.push_back(line(2, 0, 60, 100));
  lines.push_back(line(2, 1, 40, 100));
  lines.push_back(line(3, 0, 0, 1, remit::ast::LineKind::dotted));
  lines.push_back(line(3, 1, 1, 1));
  lines.push_back(line(4, 0, 0, 100));
  lines.push_back(line(4, 1, 100, 100));
  lines.push_back(line(5, 0, 1, 2));
  lines.push_back(line(5, 1, 1, 2));
  lines.push_back(line(6, 0, 50, 100));
  lines.push_back(line(7, 0, 1, 3));
  lines.push_back(line(7, 1, 1, 3));
  lines.push_back(line(7, 2, 1, 3));
  constexpr std::size_t units = 8;
  const remit::DirectLines table(lines, units);

  CHECK(table.split_posts() == 3);  // 2, 5 and 7: 3 and 4 have one line carrying duties
  const PostSet to_top = table.reporting_directly_to(members(units, 0b1));
  CHECK(to_top.size() == units);
  CHECK(to_top.test(1));
  CHECK(to_top.test(2));        // 60%
  CHECK_FALSE(to_top.test(3));  // the dotted line carries nothing
  CHECK_FALSE(to_top.test(4));  // nor the 0% line
  CHECK_FALSE(to_top.test(5));  // half is not most
  CHECK_FALSE(to_top.test(6));  // its one line carries half only
  CHECK_FALSE(to_top.test(7));
  const PostSet to_one = table.reporting_directly_to(members(units, 0b10));
  CHECK(to_one.test(3));
  CHECK(to_one.test(4));
  CHECK_FALSE(to_one.test(2));  // 40%
  const PostSet to_both = table.reporting_directly_to(members(units, 0b11));
  CHECK(to_both.test(5));  // half and half: all of it
  CHECK(to_both.test(7));  // two thirds

  // Every set of targets, against the rule summed line by line.
  for (std::uint32_t bits = 0; bits < (1U << units); ++bits) {
    INFO("targets " << bits);
    const PostSet target = members(units, bits);
    CHECK(table.reporting_directly_to(target) == summed(lines, units, target));
  }
}

TEST_CASE("reports directly: random structures agree with the rule summed line by line",
          "[evaluate][direct_lines]") {
  std::mt19937 rng(15);
  for (int round = 0; round < 40; ++round) {
    const std::size_t units = 1 + rng() % 300;  // across several 64-unit words
    ReportingLines lines;
    for (UnitIndex u = 1; u < units; ++u) {
      const std::uint32_t count = rng() % 4;  // none, one, or duties split two or three ways
      const std::uint32_t whole = count == 0 ? 1 : 12;
      std::uint32_t left = whole;
      for (std::uint32_t k = 0; k < count; ++k) {
        const UnitIndex to = static_cast<UnitIndex>(rng() % u);
        if (rng() % 5 == 0) {
          lines.push_back(line(u, to, 0, 1, remit::ast::LineKind::dotted));
          continue;
        }
        const std::uint32_t parts =
            k + 1 == count ? left : static_cast<std::uint32_t>(rng() % (left + 1));
        left -= parts;
        lines.push_back(line(u, to, parts, whole));
      }
    }
    const remit::DirectLines table(lines, units);
    for (int pick = 0; pick < 20; ++pick) {
      PostSet target(units);
      for (std::size_t u = 0; u < units; ++u) {
        if (rng() % 3 == 0) target.set(u);
      }
      INFO("round " << round << ", units " << units);
      CHECK(table.reporting_directly_to(target) == summed(lines, units, target));
    }
  }
}
