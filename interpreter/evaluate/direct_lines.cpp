#include "evaluate/direct_lines.hpp"

#include "resolve/shares.hpp"

namespace remit {

DirectLines::DirectLines(const ReportingLines& lines, std::size_t units)
    : sole_(units, no_sole_line) {
  for (UnitIndex u = 0; u < units; ++u) {
    const std::size_t first = split_.size();
    for (const Line& l : lines.from(u)) {
      if (!l.carries_a_share()) continue;  // a dotted line or a 0% one carries nothing
      split_.push_back(SplitLine{u, l.to, l.share.parts, l.share.whole});
    }
    const std::size_t carrying = split_.size() - first;
    if (carrying == 1) {
      const SplitLine only = split_.back();
      split_.pop_back();
      if (more_than_half(only.parts, only.whole)) sole_[u] = only.to;
    } else if (carrying > 1) {
      ++split_posts_;
    }
  }
  split_.shrink_to_fit();
}

PostSet DirectLines::reporting_directly_to(const PostSet& target) const {
  PostSet out = PostSet::of(sole_.size(), [&](std::size_t u) {
    const UnitIndex to = sole_[u];
    return to != no_sole_line && target.test(to);
  });
  // Exact: the parts of one post's lines add up in its common whole (resolve/shares.hpp).
  for (std::size_t k = 0; k < split_.size();) {
    const UnitIndex from = split_[k].from;
    std::uint64_t parts = 0;
    std::uint32_t whole = 1;
    for (; k < split_.size() && split_[k].from == from; ++k) {
      if (!target.test(split_[k].to)) continue;
      parts += split_[k].parts;
      whole = split_[k].whole;
    }
    if (more_than_half(parts, whole)) out.set(from);
  }
  return out;
}

}  // namespace remit
