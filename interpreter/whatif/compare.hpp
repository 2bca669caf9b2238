// What changes between two evaluations: the base and a scenario, two versions of a structure,
// or two policies over one structure. Posts are matched by id.
#pragma once

#include <string>
#include <vector>

#include "evaluate/breach.hpp"
#include "remit/remit.hpp"

namespace remit {

struct CategoryChange {
  std::string id;
  std::string title;
  std::uint32_t before = 0;  // category number, 0 when not restricted (or the post is absent)
  std::uint32_t after = 0;
  bool existed_before = true;
  bool exists_after = true;
  friend bool operator==(const CategoryChange&, const CategoryChange&) = default;
};

struct LineChange {  // a post whose line of management up to the Head of Paid Service changed
  std::string id;
  std::vector<std::string> before;  // ids from the post up
  std::vector<std::string> after;
  std::size_t posts_below = 0;  // posts under it whose line changed with it
  friend bool operator==(const LineChange&, const LineChange&) = default;
};

// A breach that stands on both sides with other details: 2 Monitoring Officers, then 3.
struct BreachChange {
  Breach before;
  Breach after;
  friend bool operator==(const BreachChange&, const BreachChange&) = default;
};

struct Difference {
  std::vector<CategoryChange> entered;  // became restricted
  std::vector<CategoryChange> left;     // no longer restricted
  std::vector<CategoryChange> changed;  // restricted in another category
  // Breaches are matched by what they are (same_breach), by ids, not by their indexes.
  std::vector<Breach> breaches_appeared;     // on the after side only
  std::vector<Breach> breaches_disappeared;  // on the before side only
  std::vector<BreachChange> breaches_changed;
  std::vector<LineChange> lines;
  friend bool operator==(const Difference&, const Difference&) = default;
  [[nodiscard]] bool empty() const {
    return entered.empty() && left.empty() && changed.empty() && breaches_appeared.empty() &&
           breaches_disappeared.empty() && breaches_changed.empty() && lines.empty();
  }
};

// How posts are matched between the two runs. A scenario's variant (Run::apply) and its base
// share unit numbers, and the variant knows what changed: `by_change` then looks only at that,
// and otherwise (two separate runs) falls back to `by_id`, which looks at every post. Both give
// the same answer; the tests hold them to it.
enum class Matching { by_change, by_id };

Difference compare(Run& before, Run& after, Matching matching = Matching::by_change);

// The breaches of `run` as values (evaluate/breach.hpp), in the order `remit check` numbers them.
std::vector<Breach> breach_values(Run& run);

}  // namespace remit
