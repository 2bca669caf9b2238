#include "resolve/suggest.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "resolve/id_text.hpp"

namespace remit {

namespace {

// Edit distance is quadratic in the lengths; nobody mistypes a 100-character name.
constexpr std::size_t longest = 64;

// Edits, counting a swap of two neighbouring letters as one ("coe" for "ceo"): the optimal
// string alignment distance, with three rows.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] =
          std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
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

// How far a plausible typo of `word` may be from what was meant.
std::size_t reach(std::string_view word) {
  return std::max<std::size_t>(1, word.size() / 3);
}

// The best of `candidates` (by distance, then by place in the list) within reach of `word`,
// as (distance, place).
template <typename Places>
std::optional<std::pair<std::size_t, std::size_t>> best_of(
    std::string_view word, const std::vector<std::string_view>& candidates, const Places& places) {
  const std::size_t cap = reach(word);
  std::optional<std::pair<std::size_t, std::size_t>> best;
  std::size_t best_distance = cap + 1;
  for (std::size_t k : places) {
    const std::string_view c = candidates[k];
    const std::size_t length_gap =
        c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (length_gap > cap || c.size() > longest) continue;
    const std::size_t d = edit_distance(word, c, std::min(cap, best_distance));
    if (d < best_distance) {
      best_distance = d;
      best = {d, k};
    }
  }
  return best;
}

// Hashes of a name and of each of its one-letter deletions, with the length mixed in. Two
// names at most one edit apart (a swap included) share one of these; the polynomial form gives
// every deletion's hash in constant time from the prefix hashes, so a name costs its length.
template <typename F>
void for_each_key(std::string_view s, F&& f) {
  constexpr std::uint64_t base = 0x100000001b3ULL;
  auto mix = [](std::uint64_t h, std::size_t length) {
    h ^= (length + 1) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    return static_cast<std::uint32_t>(h);
  };
  const std::size_t n = s.size();
  std::uint64_t prefix[longest + 1];
  std::uint64_t power[longest + 1];
  prefix[0] = 0;
  power[0] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    prefix[i + 1] = prefix[i] * base + static_cast<unsigned char>(s[i]) + 1;
    power[i + 1] = power[i] * base;
  }
  const std::uint64_t whole = prefix[n];
  f(mix(whole, n));
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t after = whole - prefix[i + 1] * power[n - 1 - i];  // s[i+1 ..)
    f(mix(prefix[i] * power[n - 1 - i] + after, n - 1));
  }
}

std::size_t key_hash(const std::u32string& key) {
  return std::hash<std::u32string>{}(key);
}

// Whether `candidate` has the look-alike key `key`; an ASCII candidate, the usual one, is
// compared where it lies, so a scan of a million ids makes no copies.
bool has_look_alike_key(std::string_view candidate, const std::u32string& key) {
  if (!is_ascii(candidate)) return look_alike_key(candidate) == key;
  if (candidate.size() != key.size()) return false;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = candidate[i];
    if (key[i] != static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c | 0x20 : c)) return false;
  }
  return true;
}

// " (did you mean 'x'?)", and what differs when that is worth saying.
std::string hint_text(std::string_view known, std::string_view difference) {
  std::string out = " (did you mean '";
  out.append(known).append("'?");
  if (!difference.empty()) out.append(" ").append(difference);
  return out.append(")");
}

}  // namespace

Suggester::Suggester(std::vector<std::string_view> candidates)
    : candidates_(std::move(candidates)), scan_budget_(4 * candidates_.size() + 4096) {}

std::optional<std::string_view> Suggester::scan(std::string_view word) const {
  return remit::closest(word, candidates_);
}

void Suggester::build_index() {
  indexed_ = true;
  for (std::size_t k = 0; k < candidates_.size(); ++k) {
    if (candidates_[k].size() > longest) continue;
    for_each_key(candidates_[k],
                 [&](std::uint32_t h) { index_.emplace_back(h, static_cast<std::uint32_t>(k)); });
  }
  std::sort(index_.begin(), index_.end());
}

std::optional<std::string_view> Suggester::look_up(std::string_view word) {
  if (!indexed_) build_index();
  std::vector<std::size_t> places;
  for_each_key(word, [&](std::uint32_t h) {
    auto it = std::lower_bound(index_.begin(), index_.end(), Key{h, 0});
    for (; it != index_.end() && it->first == h; ++it) places.push_back(it->second);
  });
  std::sort(places.begin(), places.end());
  places.erase(std::unique(places.begin(), places.end()), places.end());
  // Names built to collide (thousands differing in one letter) cannot make one query costly.
  constexpr std::size_t compared_at_most = 256;
  if (places.size() > compared_at_most) places.resize(compared_at_most);
  auto best = best_of(word, candidates_, places);
  if (!best) return std::nullopt;
  return candidates_[best->second];
}

std::optional<std::string_view> Suggester::closest(std::string_view word) {
  if (word.size() > longest || candidates_.empty()) return std::nullopt;
  if (scan_budget_ >= candidates_.size()) {
    scan_budget_ -= candidates_.size();
    return scan(word);
  }
  return look_up(word);
}

std::optional<std::string> Suggester::look_alike(std::string_view word) {
  if (!look_alikes_indexed_) {
    look_alikes_indexed_ = true;
    look_alikes_.reserve(candidates_.size());
    for (std::size_t k = 0; k < candidates_.size(); ++k) {
      look_alikes_.emplace_back(key_hash(look_alike_key(candidates_[k])),
                                static_cast<std::uint32_t>(k));
    }
    std::sort(look_alikes_.begin(), look_alikes_.end());
  }
  const std::size_t h = key_hash(look_alike_key(word));
  for (auto it = std::lower_bound(look_alikes_.begin(), look_alikes_.end(),
                                  std::pair<std::size_t, std::uint32_t>{h, 0});
       it != look_alikes_.end() && it->first == h; ++it) {
    const std::string_view known = candidates_[it->second];
    if (auto difference = look_alike_difference(word, known)) {
      return hint_text(known, *difference);
    }
  }
  return std::nullopt;
}

std::string Suggester::did_you_mean(std::string_view word) {
  if (auto alike = look_alike(word)) return *alike;
  if (auto c = closest(word)) return hint_text(*c, {});
  return "";
}

std::optional<std::string_view> closest(std::string_view word,
                                        const std::vector<std::string_view>& candidates) {
  if (word.size() > longest) return std::nullopt;
  // Every place, as a list: std::views::iota does not build with clang 14 over libstdc++ 12.
  std::vector<std::size_t> every(candidates.size());
  std::iota(every.begin(), every.end(), std::size_t{0});
  auto best = best_of(word, candidates, every);
  if (!best) return std::nullopt;
  return candidates[best->second];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::u32string key = look_alike_key(word);
  for (std::string_view known : candidates) {
    if (!has_look_alike_key(known, key)) continue;
    if (auto difference = look_alike_difference(word, known)) return hint_text(known, *difference);
  }
  if (auto c = closest(word, candidates)) return hint_text(*c, {});
  return "";
}

}  // namespace remit
