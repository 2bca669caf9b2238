#include "resolve/completeness.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "grammar/parser.hpp"
#include "resolve/embedded_stdlib.hpp"
#include "resolve/loader.hpp"

namespace remit {
namespace {

std::optional<std::string_view> embedded(std::string_view name) {
  for (const EmbeddedModule& m : embedded_stdlib()) {
    if (m.name == name) return m.text;
  }
  return std::nullopt;
}

// The module of `jurisdiction` named `what` ("lgha1989"), or England's `uk/` one.
std::string module_of(std::string_view jurisdiction, std::string_view what) {
  std::string name = std::string(jurisdiction) + "/" + std::string(what);
  if (embedded(name) || jurisdiction != "england") return name;
  return "uk/" + std::string(what);
}

// The name a message tells the user to `use`: England's modules by the `uk/` names every
// English policy already uses (they stay loadable, meaning England), other nations' by theirs.
std::string module_to_use(std::string_view jurisdiction, std::string_view what) {
  if (jurisdiction == "england") return "uk/" + std::string(what);
  return std::string(jurisdiction) + "/" + std::string(what);
}

// The module and every stdlib module it uses, parsed into one program.
struct Statute {
  SourceSet sources;
  ast::Program program;
};

void read_module(std::string_view name, Statute& statute, std::set<std::string>& seen) {
  if (!seen.insert(std::string(name)).second) return;
  const std::optional<std::string_view> text = embedded(name);
  if (!text) return;
  const std::size_t uses = statute.program.uses.size();
  const FileId file =
      statute.sources.add("stdlib/" + std::string(name) + ".remit", std::string(*text));
  Diagnostics ignored;
  if (!parse_policy(statute.sources, file, statute.program, ignored)) return;
  std::vector<std::string> used;
  for (std::size_t k = uses; k < statute.program.uses.size(); ++k) {
    used.emplace_back(statute.program.uses[k].module.text);
  }
  for (const std::string& u : used) read_module(u, statute, seen);
}

std::string section_of(const std::vector<ast::Text>& cites) {
  std::string s;
  for (const ast::Text& c : cites) s += (s.empty() ? "" : ", ") + std::string(c.text);
  return s.empty() ? "" : " (" + s + ")";
}

// The council's own declarations: those of files that are not the stdlib's.
struct Own {
  const SourceSet& sources;
  bool operator()(SourceSpan where) const {
    return where.known() && !sources.file(where.file).name.starts_with("stdlib/");
  }
};

// Where a warning points: the policy's first category of its own, else its first rule.
std::optional<SourceSpan> first_own(const ast::Program& program, const Own& own) {
  for (const ast::CategoryDecl& c : program.categories) {
    if (own(c.where)) return c.where;
  }
  for (const ast::IncompatibleDecl& d : program.incompatibilities) {
    if (own(d.where)) return d.where;
  }
  for (const ast::RuleDecl& d : program.rules) {
    if (own(d.where)) return d.where;
  }
  for (const ast::AdaptationDecl& d : program.adaptations) {
    if (own(d.where)) return d.where;
  }
  return std::nullopt;
}

void missing_categories(const ast::Program& program, std::string_view jurisdiction,
                        SourceSpan where, Diagnostics& diags) {
  const std::string module = module_to_use(jurisdiction, "lgha1989");
  Statute act;
  std::set<std::string> seen;
  read_module(module_of(jurisdiction, "lgha1989"), act, seen);
  std::map<std::uint32_t, std::string_view> the_act;
  for (const ast::CategoryDecl& c : act.program.categories) the_act.emplace(c.number, c.label.text);
  std::set<std::uint32_t> defined;
  for (const ast::CategoryDecl& c : program.categories) defined.insert(c.number);
  std::string missing, present;
  std::size_t count = 0, present_count = 0;
  for (const auto& [number, label] : the_act) {
    if (defined.count(number)) {
      present += (present.empty() ? "" : ", ") + std::to_string(number);
      ++present_count;
    } else {
      missing +=
          (missing.empty() ? "" : ", ") + std::to_string(number) + " (" + std::string(label) + ")";
      ++count;
    }
  }
  if (present.empty() || count == 0) return;
  diags.warning(where, std::string("the policy defines ") +
                           (present_count == 1 ? "category " : "categories ") + present +
                           " of the Act but not " + (count == 1 ? "category " : "categories ") +
                           missing + ", so no post is listed under " +
                           (count == 1 ? "it" : "them") +
                           ". To take the Act's categories and change some, write 'use \"" +
                           module + "\"' and 'override category N …'");
}

// `always`: the policy defines categories of its own. Otherwise only a policy that writes
// statutory rules itself (a rule of the same name as one of the statute's, or a rule set
// aside) is compared: a council's own rules added to the Act's policy are its choice.
void missing_rules(const ast::Program& program, const Own& own, std::string_view jurisdiction,
                   SourceSpan where, bool always, Diagnostics& diags) {
  const std::string module = module_to_use(jurisdiction, "statutory_officers");
  Statute act;
  std::set<std::string> seen;
  read_module(module_of(jurisdiction, "statutory_officers"), act, seen);
  if (!always) {
    std::set<std::string, std::less<>> statutory;
    for (const ast::IncompatibleDecl& d : act.program.incompatibilities) {
      statutory.insert(ast::rule_name(d));
    }
    for (const ast::RuleDecl& d : act.program.rules) statutory.insert(std::string(d.name.text));
    bool writes_the_law = std::any_of(program.adaptations.begin(), program.adaptations.end(),
                                      [&](const ast::AdaptationDecl& d) { return own(d.where); });
    for (const ast::IncompatibleDecl& d : program.incompatibilities) {
      writes_the_law = writes_the_law || (own(d.where) && statutory.count(ast::rule_name(d)));
    }
    for (const ast::RuleDecl& d : program.rules) {
      writes_the_law = writes_the_law || (own(d.where) && statutory.count(d.name.text));
    }
    if (!writes_the_law) return;
  }
  std::set<std::string, std::less<>> have;
  for (const ast::IncompatibleDecl& d : program.incompatibilities) have.insert(ast::rule_name(d));
  for (const ast::RuleDecl& d : program.rules) have.insert(std::string(d.name.text));
  // A rule set aside is not missing: the policy says why it does not apply.
  for (const ast::AdaptationDecl& d : program.adaptations) have.insert(std::string(d.rule.text));
  // Named with their sections: all of them when a few are missing (a rule dropped from a
  // copy), the first few and a count when the module is not used at all.
  constexpr std::size_t named = 3;
  std::string missing;
  std::size_t count = 0;
  auto check = [&](const std::string& name, const std::vector<ast::Text>& cites) {
    if (have.count(name)) return;
    if (count++ < named) {
      missing += std::string(missing.empty() ? "" : "; ") + "\"" + name + "\"" + section_of(cites);
    }
  };
  for (const ast::IncompatibleDecl& d : act.program.incompatibilities) {
    check(ast::rule_name(d), d.cites);
  }
  for (const ast::RuleDecl& d : act.program.rules) check(std::string(d.name.text), d.cites);
  if (count == 0) return;
  if (count > named) missing += "; and " + std::to_string(count - named) + " more";
  diags.warning(where, "the policy does not check " +
                           (count == 1 ? std::string("a statutory rule")
                                       : std::to_string(count) + " statutory rules") +
                           " of " + std::string(jurisdiction) + ": " + missing + ". Write 'use \"" +
                           module +
                           "\"' to check them, and set aside any that does not apply, with its "
                           "reason: set aside rule \"…\" because \"…\"");
}

}  // namespace

void warn_incomplete_policy(const ast::Program& program, const SourceSet& sources,
                            std::string_view jurisdiction, Diagnostics& diags) {
  const Own own{sources};
  const std::optional<SourceSpan> where = first_own(program, own);
  if (!where) return;
  const bool own_categories = std::any_of(program.categories.begin(), program.categories.end(),
                                          [&](const ast::CategoryDecl& c) { return own(c.where); });
  if (own_categories) missing_categories(program, jurisdiction, *where, diags);
  missing_rules(program, own, jurisdiction, *where, own_categories, diags);
}

}  // namespace remit
