// Every reporting line of an organisation, grouped by the post it goes from.
//
// A what-if variant shares its base's lines and keeps only the posts whose lines a scenario
// replaced: making a variant copies nothing per post, and a move at a million posts touches a
// handful of lines, not a million (bench/README.md). Lines are numbered (LineId): the base's
// first, then the replacements', so the base's numbers stay valid in every variant.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ast/ast.hpp"
#include "resolve/shares.hpp"
#include "source/huge_pages.hpp"
#include "source/source.hpp"

namespace remit {

using ast::UnitIndex;

// A reporting line from a post to the post or body it reports to. `share` is the part of the
// post's duties the line carries, exactly (none for a dotted line); the lines of one post count
// their shares in one common whole.
struct Line {
  UnitIndex from = 0;
  UnitIndex to = 0;
  ast::LineKind kind = ast::LineKind::reports;
  Share share;
  SourceSpan where;

  // Reporting and accountability lines carry duties; a dotted line carries none.
  [[nodiscard]] bool carries_duties() const { return kind != ast::LineKind::dotted; }
  // The lines `reports to`, `reports within` and `manages` follow: they carry duties, and some
  // of them (a 0% line does not put a post below its target).
  [[nodiscard]] bool carries_a_share() const { return carries_duties() && share.parts > 0; }
};

using LineId = std::uint32_t;

class ReportingLines {
 public:
  // --- Building (resolution): lines arrive grouped by the post they go from, in unit order.
  // For `lines` lines from up to `units` units. The table of where each unit's lines start is
  // sized once too, rather than grown by doubling (its copies are freed and reused: the peak
  // memory of derive at 100,000 posts was the same either way).
  void reserve(std::size_t lines, std::size_t units) {
    reserve_huge(writable_base().lines, lines);
    writable_base().first.reserve(units);
  }
  void push_back(const Line& line);

  // --- Reading.
  // The lines from `u` (as a scenario left them, in a variant).
  [[nodiscard]] std::span<const Line> from(UnitIndex u) const;
  [[nodiscard]] const Line& operator[](LineId id) const {
    return id < base_->lines.size() ? base_->lines[id] : added_[id - base_->lines.size()];
  }
  // How many lines there are.
  [[nodiscard]] std::size_t size() const { return size_; }

  // Calls f(id, line) for every line, grouped by the post it goes from.
  template <typename F>
  void for_each(F&& f) const;
  // Calls f(id, line) for every line into `v`. The first call builds an index of the base's
  // lines by where they go (one counting sort), which the base and its variants then share
  // (like the rest of a Run, not to be used from two threads at once).
  template <typename F>
  void for_each_into(UnitIndex v, F&& f) const;

  // --- Editing (a scenario's variant): `u` now has exactly `lines`, each from `u`.
  void replace(UnitIndex u, std::span<const Line> lines);
  // The posts whose lines were replaced, in increasing order (none in a base).
  [[nodiscard]] std::vector<UnitIndex> replaced_posts() const;

 private:
  struct Base {
    std::vector<Line> lines;           // grouped by `from`
    std::vector<std::uint32_t> first;  // u's lines start at first[u]; past the end: none
    UnitIndex targets = 0;             // every line's target is below this
    // The index by target, built on first use: lines into v are into[first_into[v] ..
    // first_into[v + 1]).
    mutable std::vector<std::uint32_t> first_into;
    mutable std::vector<LineId> into;
  };
  // A post whose lines a variant replaced: its lines are added_[begin, end).
  struct Replacement {
    std::uint32_t begin = 0, end = 0;
  };

  Base& writable_base();
  // Hashed, not a sorted vector: removing a post with 20,000 reports replaces 20,000 posts'
  // lines, and inserting each into a sorted vector moved all the others (quadratic).
  [[nodiscard]] const Replacement* replacement(UnitIndex u) const {
    auto it = replaced_.find(u);
    return it != replaced_.end() ? &it->second : nullptr;
  }
  void index_targets() const;
  // Where the lines `u` had before any replacement are in the base: [first, second).
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> base_range(UnitIndex u) const;

  std::shared_ptr<Base> base_ = std::make_shared<Base>();
  std::unordered_map<UnitIndex, Replacement> replaced_;  // by post
  std::vector<Line> added_;  // the replacements' lines (ids after the base's)
  // Where each added line goes: target -> positions in added_, including lines a later
  // replacement of the same post superseded (for_each_into skips those). So finding the lines
  // into a unit costs the lines into it, not every line a scenario added.
  std::unordered_map<UnitIndex, std::vector<std::uint32_t>> added_into_;
  std::size_t size_ = 0;
};

template <typename F>
void ReportingLines::for_each(F&& f) const {
  const std::vector<Line>& lines = base_->lines;
  std::uint32_t next = 0;  // the first base line not yet visited
  auto base_until = [&](std::uint32_t end) {
    for (; next < end; ++next) f(LineId{next}, lines[next]);
  };
  const auto base_size = static_cast<std::uint32_t>(lines.size());
  const auto added_from = static_cast<LineId>(base_size);
  for (UnitIndex u : replaced_posts()) {
    const Replacement& r = replaced_.find(u)->second;
    const auto [old_begin, old_end] = base_range(u);
    base_until(old_begin);
    next = old_end;  // the replaced lines are skipped; the new ones come in their place
    for (std::uint32_t k = r.begin; k < r.end; ++k) f(LineId{added_from + k}, added_[k]);
  }
  base_until(base_size);
}

template <typename F>
void ReportingLines::for_each_into(UnitIndex v, F&& f) const {
  if (base_->first_into.empty() && !base_->lines.empty()) index_targets();
  if (v + 1 < base_->first_into.size()) {
    for (std::uint32_t k = base_->first_into[v]; k < base_->first_into[v + 1]; ++k) {
      const LineId id = base_->into[k];
      const Line& l = base_->lines[id];
      if (replaced_.empty() || !replacement(l.from)) f(id, l);
    }
  }
  auto added = added_into_.find(v);
  if (added == added_into_.end()) return;
  // The current ones, in the order for_each gives them: by the post they go from.
  std::vector<std::uint32_t> current;
  for (std::uint32_t k : added->second) {
    const Replacement* r = replacement(added_[k].from);
    if (r && r->begin <= k && k < r->end) current.push_back(k);
  }
  std::sort(current.begin(), current.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::pair(added_[a].from, a) < std::pair(added_[b].from, b);
  });
  const auto added_from = static_cast<LineId>(base_->lines.size());
  for (std::uint32_t k : current) f(LineId{added_from + k}, added_[k]);
}

}  // namespace remit
