// What changes between two evaluations: the base and a scenario, two versions of a structure,
// or two policies over one structure. Posts are matched by id.
#pragma once

#include <string>
#include <vector>

#include "remit/remit.hpp"

namespace remit {

struct CategoryChange {
  std::string id;
  std::string title;
  std::uint32_t before = 0;  // category number, 0 when not restricted (or the post is absent)
  std::uint32_t after = 0;
  bool existed_before = true;
  bool exists_after = true;
};

struct LineChange {  // a post whose line of management up to the Head of Paid Service changed
  std::string id;
  std::vector<std::string> before;  // ids from the post up
  std::vector<std::string> after;
  std::size_t posts_below = 0;  // posts under it whose line changed with it
};

struct Difference {
  std::vector<CategoryChange> entered;  // became restricted
  std::vector<CategoryChange> left;     // no longer restricted
  std::vector<CategoryChange> changed;  // restricted in another category
  std::vector<std::string> breaches_appeared;
  std::vector<std::string> breaches_disappeared;
  std::vector<LineChange> lines;
  [[nodiscard]] bool empty() const {
    return entered.empty() && left.empty() && changed.empty() && breaches_appeared.empty() &&
           breaches_disappeared.empty() && lines.empty();
  }
};

Difference compare(Run& before, Run& after);

// One line of text per breach, the same text `remit check` prints as its first two lines.
std::vector<std::string> breach_lines(Run& run);

}  // namespace remit
