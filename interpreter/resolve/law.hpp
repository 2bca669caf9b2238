// The parts of resolution that follow from the law's fixed lists (ast/law_kinds.hpp): the kind
// and jurisdiction of the authority, the kinds of bodies, which rules apply to the authority's
// kind (`where authority is …`), `cite designation` in categories, and the nation of the stdlib
// modules a policy uses.
#pragma once

#include <optional>
#include <string_view>

#include "ast/ast.hpp"
#include "source/diagnostic.hpp"

namespace remit {

// What a policy says of its authority: its kind, and its jurisdiction as declared or as the
// kind implies (a kind that exists in one nation only). `where`: the statement that says it.
struct AuthorityLaw {
  std::optional<ast::AuthorityKind> kind;
  std::optional<ast::Jurisdiction> jurisdiction;
  SourceSpan where;
};

// Read without reporting anything (the loader's view, before resolution: an unknown word is
// left for resolution to report).
AuthorityLaw declared_law(const ast::Program& program);
// The same, reporting unknown kinds and jurisdictions and a jurisdiction the kind contradicts.
AuthorityLaw resolve_authority(const ast::Program& program, Diagnostics& diags);

std::optional<ast::BodyKind> resolve_body_kind(const ast::Name& name, Diagnostics& diags);

// Fills each guard's resolved kinds (reporting unknown ones). When the authority's kind is not
// declared and some rule has a guard, one note says that those rules apply, and how to declare
// the kind.
void resolve_guards(ast::Program& program, std::optional<ast::AuthorityKind> kind,
                    Diagnostics& diags);

// Whether a rule with this guard (none: no guard) applies to an authority of this kind (none:
// not declared, when every rule applies).
bool rule_applies(const std::optional<ast::AuthorityGuard>& guard,
                  std::optional<ast::AuthorityKind> kind);

// `cite designation` in a category whose criterion names no designation cites nothing: an error.
void check_designation_cites(const ast::Program& program, Diagnostics& diags);

// The nation whose law a stdlib module states: "wales/lgha1989" is Welsh; "uk/lgha1989" and
// "uk/statutory_officers" (+ "_held") are England's under their old names; none for others.
std::optional<ast::Jurisdiction> module_nation(std::string_view module);

}  // namespace remit
