// A breach as a value: the rule, the person and the posts named by id, with how each post is
// held and, for a require/forbid rule, what the rule found. Check (rules.hpp) finds breaches as
// indexes into one run; `describe` turns them into these values, which mean the same thing in
// any run, so that the breaches of two runs (a what-if and its base, two versions of a
// structure) compare by value, and so that one set of functions words every breach.
//
// This lives in evaluate/ because three later stages word breaches: report/ (`remit check`,
// `remit whatif`, `remit diff`) and explain/ (`remit explain --breach N`). Neither of those may
// depend on the other, so the wording sits in the stage both already read from.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "ast/ast.hpp"

namespace remit {

struct Breaches;
struct IncompatibilityBreach;
struct RuleBreach;
struct Organisation;

struct BreachPost {
  std::string id;
  std::string title;
  friend bool operator==(const BreachPost&, const BreachPost&) = default;
};

struct BreachHolding {
  BreachPost post;
  std::string designation;  // the designation of the rule the post carries
  ast::HoldingKind kind = ast::HoldingKind::substantive;
  friend bool operator==(const BreachHolding&, const BreachHolding&) = default;
};

// `incompatible a with b [unless qualified q]`: one person holds posts carrying both.
struct IncompatibilityFound {
  std::string first_role;
  std::string second_role;
  std::string unless_qualified;  // "" when the rule has no exception
  std::string person_id;
  std::string person_name;
  // Two holdings; one when a single post carries both designations.
  std::vector<BreachHolding> holdings;
  friend bool operator==(const IncompatibilityFound&, const IncompatibilityFound&) = default;
};

// What a require/forbid rule tests, as much as its wording needs.
enum class RuleTest : std::uint8_t { count, empty, every, some, no };

// A broken `require`/`forbid` rule: one breach per rule, whatever it found.
struct RuleFound {
  bool forbid = false;
  std::string name;
  RuleTest test = RuleTest::count;
  ast::Compare op = ast::Compare::eq;  // for `count`
  std::uint64_t value = 0;             // for `count`
  std::uint64_t count = 0;             // how many posts the rule found
  std::vector<BreachPost> posts;       // the posts that break it
  friend bool operator==(const RuleFound&, const RuleFound&) = default;
};

struct Breach {
  std::variant<IncompatibilityFound, RuleFound> what;
  // Where the rule is in its run: an index into Program::incompatibilities or Program::rules.
  // Not part of the value: two runs may number their rules differently.
  std::uint32_t rule = 0;

  // Equal: the same breach with the same details.
  friend bool operator==(const Breach& a, const Breach& b) { return a.what == b.what; }
};

// The same breach, perhaps with other details. An incompatibility is the rule, the person,
// the two posts and how each is held; a require/forbid rule is the rule (its kind and name),
// whatever it found (2 Monitoring Officers or 3).
bool same_breach(const Breach& a, const Breach& b);
// A key such that same_breach(a, b) exactly when identity_key(a) == identity_key(b).
std::string identity_key(const Breach& b);

// Every breach of `breaches`, in the order `remit check` prints and numbers them
// (incompatibilities, then require/forbid rules).
std::vector<Breach> describe(const ast::Program& program, const Organisation& org,
                             const Breaches& breaches);
// One of them.
Breach describe(const ast::Program& program, const Organisation& org,
                const IncompatibilityBreach& breach);
Breach describe(const ast::Program& program, const Organisation& org, const RuleBreach& breach);

// ---- the words: every command says a breach with these -----------------------------------

// The rule: `incompatible monitoring_officer with section_151_officer`, `require "one MO"`.
std::string breach_title(const Breach& b);
// What is wrong: "C. Example holds sd_legal (monitoring_officer) and ed_fr
// (section_151_officer, acting)", or "found 3 posts; the rule requires count = 1".
std::string breach_detail(const Breach& b);
// The detail and (for a rule) the ids of the first `posts_shown` posts it found (text output
// passes Limits::posts_shown_per_changed_breach; JSON, which lists everything, SIZE_MAX).
std::string breach_facts(const Breach& b, std::size_t posts_shown);
// One line: the title, then the facts.
std::string breach_line(const Breach& b, std::size_t posts_shown);

}  // namespace remit
