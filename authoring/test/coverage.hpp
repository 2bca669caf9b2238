// `remit test --coverage`: which category clauses and rules of the policies under test no
// expectation made fire. What "fire" means (docs/testing.md, "Coverage"):
// - a category fires when an expectation looked at a post that meets its criterion in the
//   structure the expectation was checked against: an expectation about a post's category
//   looks at that post, `expect list` at every post;
// - a rule (an incompatibility, a require or a forbid) fires when an expectation about breaches
//   (`expect breach`, `expect no breach`) saw it broken, or expected it unbroken where it had
//   something to check: a person holding a post with one of an incompatibility's
//   designations; a non-empty set counted, or quantified over, by a `require`. A `forbid`
//   that holds has nothing in its set, so it fires only when seen broken.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "source/source.hpp"

namespace remit {
class Run;
}

namespace remit::policy_test {

enum class RuleKind : std::uint8_t { incompatibility, rule };
struct RuleRef {
  RuleKind kind = RuleKind::rule;
  std::uint32_t index = 0;  // into Program::incompatibilities or Program::rules
};

class Coverage {
 public:
  // Every active category and every rule of the run's policy, as clauses to cover. Clauses are
  // known by their place, so the same stdlib category seen from two suites is one clause.
  void add_policy(const Run& run);
  void category_fired(const Run& run, std::uint32_t category);
  // Every category the post meets in `run`.
  void post_seen(const Run& run, std::uint32_t unit);
  void rule_fired(const Run& run, RuleRef rule);

  // One line per clause that never fired, in file order, then a count; "" with nothing to say.
  [[nodiscard]] std::string report() const;

 private:
  struct Clause {
    std::string file;
    std::uint32_t line = 0, column = 0;
    std::string what;  // the clause and what firing it would take
    bool fired = false;
  };
  void add(const Run& run, const SourceSpan& at, std::string what);
  void fire(const Run& run, const SourceSpan& at);
  // By file name and offset of the declaration.
  std::map<std::pair<std::string, std::uint32_t>, Clause> clauses_;
};

}  // namespace remit::policy_test
