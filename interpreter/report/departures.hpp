// Where a council's policy departs from the Act: the audit `remit diff STRUCTURE COUNCIL_DIR`
// gives (docs/cli.md), made from the inputs of one run. The policy files given that define,
// override or rank categories are left out, so that the Act's categories (uk/lgha1989) apply to
// the same structure; the two runs are compared post by post (whatif/compare.hpp) and each post
// that moves is explained on both sides in plain words (explain/plain.hpp).
#pragma once

#include <string>
#include <vector>

#include "remit/remit.hpp"
#include "whatif/compare.hpp"

namespace remit {

struct Departure {
  CategoryChange change;               // before: under the Act; after: under the council's policy
  std::vector<std::string> under_act;  // the post's listing under the Act, in plain words
  std::vector<std::string> under_policy;  // and under the council's policy
};

struct PolicyDepartures {
  // False when the Act's side could not be made from these inputs: `note` says why.
  bool compared = false;
  std::string note;
  std::vector<std::string> files;  // the policy files that define their own categories
  std::vector<std::string> cites;  // what the council's own categories cite
  std::vector<Departure> posts;    // the posts listed otherwise than the Act lists them
};

// `council` is the run loaded from `inputs`.
PolicyDepartures departures_from_act(Run& council, const Inputs& inputs);

}  // namespace remit
