// "Did you mean …?": the closest known name to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace remit {

// The candidate with the smallest edit distance to `word`, if it is close enough to be a
// plausible typo (at most a third of the word's length, and at least 1 edit away).
std::optional<std::string_view> closest(std::string_view word,
                                        const std::vector<std::string_view>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace remit
