#include "resolve/law.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "resolve/suggest.hpp"

namespace remit {
namespace {

std::string nations_text(ast::Nations nations) {
  std::vector<std::string_view> names;
  for (ast::Jurisdiction j : ast::all_jurisdictions) {
    if (nations & ast::nation_bit(j)) names.push_back(ast::nation_name(j));
  }
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    s += (i == 0 ? "" : (i + 1 == names.size() ? " and " : ", ")) + std::string(names[i]);
  }
  return s;
}

std::vector<std::string_view> authority_kind_names() {
  std::vector<std::string_view> names;
  for (const ast::AuthorityKindInfo& k : ast::authority_kinds()) names.push_back(k.name);
  return names;
}

std::optional<ast::AuthorityKind> resolve_authority_kind(const ast::Name& name,
                                                         Diagnostics& diags) {
  if (auto kind = ast::authority_kind_named(name.text)) return kind;
  diags.error(name.where, "unknown kind of authority " + in_quotes(name.text) +
                              did_you_mean(name.text, authority_kind_names()) +
                              "; the kinds of authority are listed in docs/language.md, e.g. "
                              "county_council, district_council, scottish_council");
  return std::nullopt;
}

// The name a rule goes by in messages: a require/forbid rule's string, an incompatibility's
// "a with b" (docs/language.md).
std::string name_of(const ast::RuleDecl& rule) {
  return std::string(rule.name.text);
}
std::string name_of(const ast::IncompatibleDecl& rule) {
  return std::string(rule.first.text) + " with " + std::string(rule.second.text);
}

}  // namespace

AuthorityLaw declared_law(const ast::Program& program) {
  AuthorityLaw law;
  if (program.authorities.empty()) return law;
  const ast::AuthorityDecl& a = program.authorities.front();
  law.where = a.where;
  if (a.kind) law.kind = ast::authority_kind_named(a.kind->text);
  if (a.jurisdiction) {
    law.jurisdiction = ast::jurisdiction_named(a.jurisdiction->text);
  } else if (law.kind) {
    law.jurisdiction = ast::only_nation(ast::info(*law.kind).nations);
  }
  return law;
}

AuthorityLaw resolve_authority(const ast::Program& program, Diagnostics& diags) {
  AuthorityLaw law;
  if (program.authorities.empty()) return law;
  const ast::AuthorityDecl& a = program.authorities.front();
  law.where = a.where;
  if (a.kind) law.kind = resolve_authority_kind(*a.kind, diags);
  if (a.jurisdiction) {
    law.jurisdiction = ast::jurisdiction_named(a.jurisdiction->text);
    if (!law.jurisdiction) {
      std::vector<std::string_view> names;
      for (ast::Jurisdiction j : ast::all_jurisdictions) names.push_back(ast::name(j));
      diags.error(a.jurisdiction->where, "unknown jurisdiction " + in_quotes(a.jurisdiction->text) +
                                             did_you_mean(a.jurisdiction->text, names) +
                                             ": write england, wales or scotland");
    }
  }
  if (!law.kind) return law;
  const ast::AuthorityKindInfo& kind = ast::info(*law.kind);
  if (!law.jurisdiction) {
    law.jurisdiction = ast::only_nation(kind.nations);
    return law;
  }
  if ((kind.nations & ast::nation_bit(*law.jurisdiction)) == 0) {
    diags
        .error(a.jurisdiction->where, "the authority is " + std::string(kind.label) +
                                          ", which exists only in " + nations_text(kind.nations) +
                                          " (" + std::string(kind.cite) +
                                          "), but its jurisdiction is given as " +
                                          std::string(ast::name(*law.jurisdiction)) +
                                          "; correct the kind or the jurisdiction")
        .notes.push_back({a.kind->where, "the kind is given here"});
  }
  return law;
}

std::optional<ast::BodyKind> resolve_body_kind(const ast::Name& name, Diagnostics& diags) {
  if (auto kind = ast::body_kind_named(name.text)) return kind;
  std::vector<std::string_view> names;
  std::string list;
  for (const ast::BodyKindInfo& k : ast::body_kinds()) {
    names.push_back(k.name);
    list += (list.empty() ? "" : ", ") + std::string(k.name);
  }
  diags.error(name.where, "unknown kind of body " + in_quotes(name.text) +
                              did_you_mean(name.text, names) + "; the kinds of body are " + list);
  return std::nullopt;
}

void resolve_guards(ast::Program& program, std::optional<ast::AuthorityKind> kind,
                    Diagnostics& diags) {
  std::vector<std::string> guarded;
  std::optional<SourceSpan> first;
  auto resolve = [&](std::optional<ast::AuthorityGuard>& guard, std::string name) {
    if (!guard) return;
    for (const ast::Name& n : guard->kinds) {
      if (auto k = resolve_authority_kind(n, diags)) guard->resolved.push_back(*k);
    }
    guarded.push_back("\"" + name + "\"");
    if (!first) first = guard->where;
  };
  for (ast::IncompatibleDecl& d : program.incompatibilities) resolve(d.guard, name_of(d));
  for (ast::RuleDecl& d : program.rules) resolve(d.guard, name_of(d));
  // Whether a guarded rule was applied without the authority's kind is said where it matters:
  // with its breach (report/check_report.cpp), not on every run of every policy.
  (void)kind;
  (void)first;
}

bool rule_applies(const std::optional<ast::AuthorityGuard>& guard,
                  std::optional<ast::AuthorityKind> kind) {
  if (!guard || !kind) return true;
  return std::find(guard->resolved.begin(), guard->resolved.end(), *kind) != guard->resolved.end();
}

void check_designation_cites(const ast::Program& program, Diagnostics& diags) {
  for (const ast::CategoryDecl& c : program.categories) {
    if (!c.cites_designation) continue;
    bool names_one = false;
    std::vector<ast::ExprId> work{c.when};
    while (!work.empty() && !names_one) {
      const ast::Expr& e = program.exprs[work.back()];
      work.pop_back();
      std::visit(
          [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::expr::Designated>) {
              names_one = true;
            } else if constexpr (std::is_same_v<T, ast::expr::And> ||
                                 std::is_same_v<T, ast::expr::Or>) {
              work.push_back(node.lhs);
              work.push_back(node.rhs);
            }
          },
          e.kind);
    }
    if (!names_one) {
      diags.error(*c.cites_designation,
                  "'cite designation' cites the designations a post holds that the category's "
                  "criterion names, but the criterion of category " +
                      std::to_string(c.number) +
                      " names none (write 'designated …', or cite the law in quotes)");
    }
  }
}

std::optional<ast::Jurisdiction> module_nation(std::string_view module) {
  for (ast::Jurisdiction j : ast::all_jurisdictions) {
    const std::string_view n = ast::name(j);
    if (module.size() > n.size() && module.starts_with(n) && module[n.size()] == '/') return j;
  }
  if (module == "uk/lgha1989" || module == "uk/statutory_officers" ||
      module == "uk/statutory_officers_held") {
    return ast::Jurisdiction::england;
  }
  return std::nullopt;
}

}  // namespace remit
