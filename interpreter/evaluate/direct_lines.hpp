// The posts' duty-carrying lines, laid out for `reports directly to S`: the posts more than half
// of whose duties go to members of S (LGHA 1989 s.2(7), "all or most of the duties").
//
// Almost every post has one line carrying duties, and that line carries all of them: such a
// post reports directly to S exactly when the line's target is in S. The table keeps that target
// per post (4 bytes) and the few posts whose duties are split among several lines apart, with
// their lines. An evaluator builds it once, on the first `reports directly to`: a policy of
// 10,000 categories asks 10,000 times, and each asking then reads 4 bytes a post instead of every
// line (36 bytes) and needs no sums per post (12 bytes a post: 12 MB at a million posts).
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "evaluate/post_set.hpp"
#include "resolve/reporting_lines.hpp"

namespace remit {

class DirectLines {
 public:
  // From the lines of `units` units (a what-if variant's as its scenario left them).
  DirectLines(const ReportingLines& lines, std::size_t units);

  // The posts more than half of whose duties go to members of `target` (sized for the units).
  [[nodiscard]] PostSet reporting_directly_to(const PostSet& target) const;

  // How many posts split their duties among several lines (kept with their lines, apart).
  [[nodiscard]] std::size_t split_posts() const { return split_posts_; }

 private:
  static constexpr UnitIndex no_sole_line = std::numeric_limits<UnitIndex>::max();
  // A line of a post that splits its duties: `parts` of the post's `whole`.
  struct SplitLine {
    UnitIndex from = 0, to = 0;
    std::uint32_t parts = 0, whole = 1;
  };

  // By post: the target of its one duty-carrying line when that line alone carries more than
  // half its duties; otherwise no_sole_line (no such line, one carrying half or less, or duties
  // split among several lines, which are in split_).
  std::vector<UnitIndex> sole_;
  std::vector<SplitLine> split_;  // grouped by the post they go from
  std::size_t split_posts_ = 0;
};

}  // namespace remit
