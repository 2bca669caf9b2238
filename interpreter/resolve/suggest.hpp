// "Did you mean …?": the closest known name to a misspelt one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ast/ast.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// Near misses among one fixed list of names, for many queries. A file naming 8,000 unknown
// people against 8,000 known ones must not compare every pair: the first queries compare every
// candidate (the plain, exact search) until they have made a few times as many comparisons as
// there are candidates; later ones look candidates up in an index of the names and their
// one-letter deletions, which finds every candidate one edit away (a letter added, dropped,
// changed, or two neighbours swapped) in time independent of the list's length. Past that
// point a name two edits away from every candidate gets no suggestion.
class Suggester {
 public:
  explicit Suggester(std::vector<std::string_view> candidates);

  // The candidate with the smallest edit distance to `word`, if it is close enough to be a
  // plausible typo (at most a third of the word's length); the first such in the list on a tie.
  std::optional<std::string_view> closest(std::string_view word);
  // " (did you mean 'x'?)" or "". A candidate that differs from `word` only in ways hard to
  // see (letter case, a no-break space, a typographic dash: resolve/id_text.hpp) comes first,
  // and the hint says what differs: " (did you mean 'X'? it differs only in letter case)".
  std::string did_you_mean(std::string_view word);

 private:
  using Key = std::pair<std::uint32_t, std::uint32_t>;  // (hash, candidate)
  std::optional<std::string_view> scan(std::string_view word) const;
  std::optional<std::string_view> look_up(std::string_view word);
  void build_index();
  std::optional<std::string> look_alike(std::string_view word);

  std::vector<std::string_view> candidates_;
  std::size_t scan_budget_;  // comparisons full scans may still make
  std::vector<Key> index_;   // sorted; built once the scan budget is spent
  bool indexed_ = false;
  // (hash of look_alike_key, candidate), sorted; built on the first did_you_mean.
  std::vector<std::pair<std::size_t, std::uint32_t>> look_alikes_;
  bool look_alikes_indexed_ = false;
};

// The same for one query: compares `word` with every candidate.
std::optional<std::string_view> closest(std::string_view word,
                                        const std::vector<std::string_view>& candidates);

// " (did you mean 'x'?)" or "", as Suggester::did_you_mean says it.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

// " (did you mean 'x'?)" for an unknown `name` in an error about to be reported, from `names`
// (made from `candidates()` on first use, so that a file with thousands of unknown names lists
// the known ones once), or "" when the error would not be listed anyway.
template <typename Candidates>
std::string hint(const Diagnostics& diags, std::optional<Suggester>& names,
                 const Candidates& candidates, const ast::Name& name) {
  if (!diags.would_list(name.where)) return "";
  if (!names) names.emplace(candidates());
  return names->did_you_mean(name.text);
}

}  // namespace remit
