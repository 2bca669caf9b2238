#include "resolve/suggest.hpp"

#include <algorithm>
#include <cstdlib>

namespace remit {

namespace {
// Edits, counting a swap of two neighbouring letters as one ("coe" for "ceo"): the optimal
// string alignment distance, with three rows.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
      best = std::min(best, row[j]);
    }
    if (best > cap) return cap + 1;  // every path is already too long
    std::swap(before, prev);
    std::swap(prev, row);
  }
  return prev[b.size()];
}
}  // namespace

std::optional<std::string_view> closest(std::string_view word,
                                        const std::vector<std::string_view>& candidates) {
  // Edit distance is quadratic in the lengths; nobody mistypes a 100-character name.
  constexpr std::size_t longest = 64;
  if (word.size() > longest) return std::nullopt;
  const std::size_t cap = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string_view> best;
  std::size_t best_distance = cap + 1;
  for (std::string_view c : candidates) {
    std::size_t length_gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (length_gap > cap || c.size() > longest) continue;
    std::size_t d = edit_distance(word, c, std::min(cap, best_distance));
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (auto c = closest(word, candidates)) return " (did you mean '" + std::string(*c) + "'?)";
  return "";
}

}  // namespace remit
