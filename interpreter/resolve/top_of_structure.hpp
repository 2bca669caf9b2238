// What a manager in an HR export means when it names no post or body: the top of the structure.
//
// An export says "reports to the authority" in several ways: `XX` (the organogram's mark for
// the top post), `council`, the authority's own name, or the name of one of its bodies ("Full
// Council"), in any letter case. Such a manager means a line to the body that stands for the
// authority, when the policy declares one; otherwise no line at all, as an empty manager: the
// post is the top of the structure. Never a line to a body nobody declared, since a line to a
// body can place a post in category 3 (LGHA 1989 s.2(7)). Only consulted for a manager that
// is not a post or body id, so no structure that loaded before reads differently now.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ast/ast.hpp"
#include "resolve/organisation.hpp"

namespace remit {

struct AuthorityTarget {
  enum class Kind : std::uint8_t {
    none,  // not a way of naming the authority: the usual "not a post or body" error
    body,  // a line to `body`
    top,   // no line: the post is the top of the structure
  };
  Kind kind = Kind::none;
  UnitIndex body = ast::unresolved;
};

class AuthorityNames {
 public:
  AuthorityNames(const ast::Program& program, const Organisation& organisation);

  // What a manager `text` that is no unit's id means.
  [[nodiscard]] AuthorityTarget find(std::string_view text) const;

  // The body that stands for the authority (id `council`, or named "Council", "Full Council" or
  // as the authority), if one is declared.
  [[nodiscard]] std::optional<UnitIndex> authority_body() const { return authority_body_; }

 private:
  const ast::Program& program_;
  const Organisation& organisation_;
  std::string authority_;  // folded
  std::optional<UnitIndex> authority_body_;
};

// Lower case (ASCII), runs of blanks as one space, none at either end: "Full  Council " and
// "full council" compare equal.
[[nodiscard]] std::string fold_name(std::string_view text);

}  // namespace remit
