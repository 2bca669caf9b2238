#include "resolve/reporting_lines.hpp"

#include <cassert>

namespace remit {

ReportingLines::Base& ReportingLines::writable_base() {
  // Lines are added only while resolving, before any variant shares the base.
  assert(base_.use_count() == 1 && replaced_.empty());
  return *base_;
}

void ReportingLines::push_back(const Line& line) {
  Base& b = writable_base();
  assert(b.first.empty() || line.from + 1 >= b.first.size());
  while (b.first.size() <= line.from) b.first.push_back(static_cast<std::uint32_t>(b.lines.size()));
  b.lines.push_back(line);
  b.targets = std::max(b.targets, line.to + 1);
  b.first_into.clear();
  ++size_;
}

std::pair<std::uint32_t, std::uint32_t> ReportingLines::base_range(UnitIndex u) const {
  const Base& b = *base_;
  const auto all = static_cast<std::uint32_t>(b.lines.size());
  if (u >= b.first.size()) return {all, all};  // after the last post with lines
  return {b.first[u], u + 1 < b.first.size() ? b.first[u + 1] : all};
}

std::span<const Line> ReportingLines::from(UnitIndex u) const {
  if (const Replacement* r = replaced_.empty() ? nullptr : replacement(u)) {
    return std::span<const Line>(added_).subspan(r->begin, r->end - r->begin);
  }
  const auto [begin, end] = base_range(u);
  return std::span<const Line>(base_->lines).subspan(begin, end - begin);
}

void ReportingLines::replace(UnitIndex u, std::span<const Line> lines) {
  const std::size_t before = from(u).size();
  const auto begin = static_cast<std::uint32_t>(added_.size());
  for (const Line& l : lines) {
    assert(l.from == u);
    added_into_[l.to].push_back(static_cast<std::uint32_t>(added_.size()));
    added_.push_back(l);
  }
  const auto end = static_cast<std::uint32_t>(added_.size());
  replaced_[u] = Replacement{begin, end};
  size_ = size_ - before + lines.size();
}

std::vector<UnitIndex> ReportingLines::replaced_posts() const {
  std::vector<UnitIndex> out;
  out.reserve(replaced_.size());
  for (const auto& [post, r] : replaced_) out.push_back(post);
  std::sort(out.begin(), out.end());
  return out;
}

// A counting sort of the base's lines by target, two flat arrays.
void ReportingLines::index_targets() const {
  const Base& b = *base_;
  const UnitIndex units = b.targets;
  // first[v] counts the lines into v, then (summed) where the lines into v end; each line, taken
  // from the last, is put just before the end of its target's lines, which leaves first[v] where
  // they start and the lines into v in increasing order. No copy of `first` to fill from: 4 MB less
  // to touch at a million posts.
  std::vector<std::uint32_t> first;
  reserve_huge(first, units + 1);
  first.assign(units + 1, 0);
  for (const Line& l : b.lines) ++first[l.to];
  for (std::size_t v = 1; v <= units; ++v) first[v] += first[v - 1];
  std::vector<LineId> into;
  reserve_huge(into, b.lines.size());
  into.resize(b.lines.size());
  for (auto id = static_cast<LineId>(b.lines.size()); id-- > 0;) into[--first[b.lines[id].to]] = id;
  b.into = std::move(into);
  b.first_into = std::move(first);
}

}  // namespace remit
