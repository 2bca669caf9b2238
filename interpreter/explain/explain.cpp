#include "explain/explain.hpp"

#include <algorithm>
#include <deque>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "evaluate/breach.hpp"
#include "evaluate/exemptions.hpp"
#include "evaluate/rules.hpp"
#include "remit/remit.hpp"
#include "report/terminal.hpp"
#include "resolve/citations.hpp"
#include "resolve/resolver.hpp"
#include "source/display.hpp"

namespace remit {
namespace {

std::string numbers_text(const std::vector<std::uint32_t>& numbers) {
  std::string s;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    s += (i == 0 ? "" : (i + 1 == numbers.size() ? " or " : ", ")) + std::to_string(numbers[i]);
  }
  return s;
}

std::string posts_text(std::uint64_t n) {
  return std::to_string(n) + (n == 1 ? " post" : " posts");
}

std::string names_text(const std::vector<ast::Name>& names, const char* join) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    s += (i == 0 ? "" : (i + 1 == names.size() ? join : ", ")) + std::string(names[i].text);
  }
  return s;
}

// Reasons under a conclusion read "because it …", then "and it …" (and "and nobody holds it",
// "and its title …": every fact about the post, however it is phrased).
void conjoin(std::vector<Reason>& reasons, std::size_t from = 0) {
  bool first = true;
  for (std::size_t i = from; i < reasons.size(); ++i) {
    Reason& r = reasons[i];
    if (r.text.starts_with("because ") || r.text.starts_with("and ") ||
        r.text.starts_with("which ")) {
      continue;
    }
    r.text = (first ? "because " : "and ") + r.text;
    first = false;
  }
}

class Explainer {
 public:
  explicit Explainer(Run& run)
      : run_(run),
        limits_(run.limits()),
        p_(run.program()),
        org_(run.resolved().organisation),
        ev_(run.evaluator().result()) {}

  Reason listing(UnitIndex u) {
    const std::uint32_t listed = ev_.listed[u];
    if (auto d = directed(p_, run_.resolved(), ev_, u)) return decision(u, *d, listed);
    if (auto e = exempted(p_, run_.resolved(), ev_, u)) {
      return decision(u, *e, run_.resolved().exemptions.category_8);
    }
    if (listed != not_listed) {
      Reason r = category(u, listed);
      std::vector<std::uint32_t> also;
      for (std::uint32_t c : run_.resolved().plan.precedence) {
        if (c != listed && ev_.categories[c].size() && ev_.categories[c].test(u)) {
          also.push_back(p_.categories[c].number);
        }
      }
      if (!also.empty()) {
        r.because.push_back({"it also meets category " + numbers_text(also) +
                                 ", but a post is listed once, in the first category of the "
                                 "precedence that it meets",
                             precedence_where(),
                             {}});
        r.because.back().step = Step::also_meets;
      }
      r.step = Step::listing;
      return r;
    }
    Reason r{post_name(u) + " is not politically restricted", org_.units[u].where(), {}};
    r.step = Step::not_listed;
    r.holds = false;
    r.post = u;
    for (std::uint32_t c : run_.resolved().plan.precedence) r.because.push_back(category(u, c));
    return r;
  }

  // A post on the list by a direction, or off it by an exemption: the decision, then the
  // category it is about (which the post does not meet on its own, or meets alone).
  Reason decision(UnitIndex u, std::uint32_t decl, std::uint32_t c) {
    const ast::ExemptionDecl& d = p_.exemptions[decl];
    const std::string words = decision_text(d);
    Reason r{d.direction ? post_name(u) + " is in category " + category_name(c) + ": " + words
                         : post_name(u) + " is not politically restricted: " + words,
             d.where,
             {}};
    r.step = d.direction ? Step::directed : Step::exempted;
    r.holds = d.direction;
    r.post = u;
    r.category = c;
    r.name = words;
    r.because.push_back(category(u, c));
    if (!d.direction) {
      r.because.push_back({"only a post whose sole category is 8 can be exempted", d.where, {}});
    }
    for (const ast::Text& cite : d.cites) r.because.push_back(citation(cite));
    return r;
  }

  Reason category(UnitIndex u, std::uint32_t c) {
    const ast::CategoryDecl& d = p_.categories[c];
    const bool meets = ev_.categories[c].size() && ev_.categories[c].test(u);
    const bool listed = ev_.listed[u] == c;
    std::string head = post_name(u) +
                       (listed  ? " is in category "
                        : meets ? " meets category "
                                : " does not meet category ") +
                       category_name(c);
    if (meets && !listed && ev_.listed[u] != not_listed) {
      head += ", but is listed in category " + std::to_string(p_.categories[ev_.listed[u]].number);
    }
    Reason r{head, d.where, {}};
    r.step = Step::category;
    r.holds = meets;
    r.post = u;
    r.category = c;
    // Top-level why-not goes one level deeper than nested negatives, to name the failing clause.
    expr(u, d.when, r.because, /*why_not_detail=*/true);
    conjoin(r.because);
    for (const ast::Text& cite : category_citations(p_, org_, c, u)) {
      r.because.push_back(citation(cite));
    }
    return r;
  }

  // Breach `n` (from 1, in the order `remit check` prints them): one person's holdings for an
  // incompatibility, or the posts a require/forbid rule found, each with why it is in the sets
  // the rule names, read from the evaluator.
  Reason breach(std::size_t n) {
    const Breaches& all = run_.breaches();
    if (n == 0 || n > all.size()) {
      throw std::out_of_range("no breach " + std::to_string(n) + " (there are " +
                              std::to_string(all.size()) + ")");
    }
    // The headline in the words of `remit check` (evaluate/breach.hpp).
    const std::string number = "breach " + std::to_string(n) + ": ";
    if (n <= all.incompatibilities.size()) {
      const IncompatibilityBreach& b = all.incompatibilities[n - 1];
      return replacing(incompatibility(number + breach_title(describe(p_, org_, b)), b),
                       {ast::RuleKind::incompatibility, b.rule});
    }
    const RuleBreach& b = all.rules[n - 1 - all.incompatibilities.size()];
    return replacing(rule(number + breach_title(describe(p_, org_, b)), b),
                     {ast::RuleKind::rule, b.rule});
  }

  // A rule that takes the place of one the policy set aside says so, with the reason.
  Reason replacing(Reason r, ast::RuleRef rule) const {
    for (const ast::AdaptationDecl& a : p_.adaptations) {
      if (a.replacement && a.replacement->kind == rule.kind && a.replacement->index == rule.index) {
        r.because.push_back(
            {"this rule takes the place of another: " + set_aside_text(a), a.where, {}});
      }
    }
    return r;
  }

  // Defined before their callers, which use them from generic lambdas (clang 14 does not
  // instantiate a member template used before its definition there).
  // The parts of `a and b and c` (Node And) or `a or b or c` (Node Or), in order: a left-leaning
  // chain however long, flattened without recursion; only nesting, which the parser bounds,
  // recurses.
  template <typename Node>
  std::vector<ast::ExprId> chain_parts(ast::ExprId e) const {
    std::vector<ast::ExprId> parts;
    std::vector<ast::ExprId> work{e};
    while (!work.empty()) {
      ast::ExprId id = work.back();
      work.pop_back();
      if (const auto* n = std::get_if<Node>(&p_.exprs[id].kind)) {
        work.push_back(n->rhs);
        work.push_back(n->lhs);
      } else {
        parts.push_back(id);
      }
    }
    return parts;
  }

  template <typename Node>
  std::string chain_text(ast::ExprId e, const char* join, int need) const {
    std::string s;
    for (ast::ExprId part : chain_parts<Node>(e)) {
      s += (s.empty() ? "" : join) + expr_text(part, need);
    }
    return s;
  }

 private:
  // An expression as it could be written in a policy (the parser keeps no end of a span, so it
  // is printed back from the tree): `designated a, b and not duty c`.
  std::string expr_text(ast::ExprId e, int need = 0) const {
    // Binding strength: `or` 0, `and` 1, `not` 2, a primary 3. An operand weaker than its
    // place requires is parenthesised.
    namespace x = ast::expr;
    int strength = 3;
    std::string s = std::visit(
        [&](const auto& node) -> std::string {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, x::Designated>) {
            return "designated " + names_text(node.roles, ", ");
          } else if constexpr (std::is_same_v<T, x::Duty>) {
            return "duty " + names_text(node.duties, ", ");
          } else if constexpr (std::is_same_v<T, x::Category>) {
            std::string t = "category ";
            for (std::size_t i = 0; i < node.numbers.size(); ++i) {
              t += (i ? ", " : "") + std::to_string(node.numbers[i]);
            }
            return t;
          } else if constexpr (std::is_same_v<T, x::Named>) {
            return std::string(node.name.text);
          } else if constexpr (std::is_same_v<T, x::AnyBody>) {
            return "any body";
          } else if constexpr (std::is_same_v<T, x::AllPosts>) {
            return "any post";
          } else if constexpr (std::is_same_v<T, x::BodyKinds>) {
            return "body kind " + names_text(node.kinds, ", ");
          } else if constexpr (std::is_same_v<T, x::ResponsibleTo>) {
            return "responsible to " + expr_text(node.target, 3);
          } else if constexpr (std::is_same_v<T, x::ReportsDirectly>) {
            return "reports directly to " + expr_text(node.target, 3);
          } else if constexpr (std::is_same_v<T, x::ReportsTo>) {
            return "reports to " + expr_text(node.target, 3);
          } else if constexpr (std::is_same_v<T, x::ReportsWithin>) {
            return "reports within " + std::to_string(node.levels) + " of " +
                   expr_text(node.target, 3);
          } else if constexpr (std::is_same_v<T, x::Manages>) {
            return "manages " + expr_text(node.target, 3);
          } else if constexpr (std::is_same_v<T, x::TextMatch>) {
            std::string quoted = "\"";
            for (char c : node.text.text) {
              if (c == '"' || c == '\\') quoted += '\\';
              quoted += c;
            }
            quoted += '"';
            const char* field = node.field == x::Field::title     ? "title"
                                : node.field == x::Field::service ? "service"
                                                                  : "directorate";
            if (node.contains) return std::string(field) + " contains " + quoted;
            return std::string("in ") + field + " " + quoted;
          } else if constexpr (std::is_same_v<T, x::Vacant>) {
            return "vacant";
          } else if constexpr (std::is_same_v<T, x::HasHolder>) {
            return "has holder";
          } else if constexpr (std::is_same_v<T, x::Not>) {
            strength = 2;
            return "not " + expr_text(node.operand, 3);
          } else if constexpr (std::is_same_v<T, x::And>) {
            strength = 1;
            return chain_text<x::And>(e, " and ", 2);
          } else {
            strength = 0;
            return chain_text<x::Or>(e, " or ", 1);
          }
        },
        p_.exprs[e].kind);
    return strength < need ? "(" + s + ")" : s;
  }

  // An expression quoted in a sentence: "2 posts are in `designated section_151_officer`".
  std::string code(ast::ExprId e) const { return "`" + expr_text(e) + "`"; }

  Reason incompatibility(const std::string& title, const IncompatibilityBreach& b) {
    const ast::IncompatibleDecl& d = p_.incompatibilities[b.rule];
    Reason r{title, d.where, {}};
    // The designations are facts of the posts (Organisation::designated, as the check read
    // them), stated where each post's declaration names them.
    auto designated = [&](UnitIndex u, const ast::Name& role, const char* lead) {
      return Reason{std::string(lead) + "is designated " + std::string(role.text),
                    fact_where(u, role.text, true),
                    {}};
    };
    auto holding = [&](UnitIndex u, const char* lead) {
      const Holding* h = nullptr;
      for (const Holding& k : org_.holdings) {
        if (k.person == b.person && k.post == u) {
          h = &k;
          break;
        }
      }
      std::string text =
          std::string(lead) + std::string(org_.name_of(b.person)) + " holds " + post_name(u);
      if (h && h->kind == ast::HoldingKind::interim) text += " (interim)";
      if (h && h->kind == ast::HoldingKind::acting) text += " (acting)";
      return Reason{text, h ? h->where : org_.units[u].where(), {}};
    };
    Reason first = holding(b.first_post, "because ");
    first.because.push_back(designated(b.first_post, d.first, "which "));
    if (b.second_post == b.first_post) {
      first.because.push_back(designated(b.first_post, d.second, "and "));
      r.because.push_back(std::move(first));
    } else {
      r.because.push_back(std::move(first));
      Reason second = holding(b.second_post, "and ");
      second.because.push_back(designated(b.second_post, d.second, "which "));
      r.because.push_back(std::move(second));
    }
    if (d.unless_qualified) {
      r.because.push_back({"and " + std::string(org_.name_of(b.person)) + " is not qualified " +
                               std::string(d.unless_qualified->text),
                           org_.where_of(b.person),
                           {}});
    }
    for (const ast::Text& cite : d.cites) r.because.push_back(citation(cite));
    return r;
  }

  Reason rule(const std::string& title, const RuleBreach& b) {
    const ast::RuleDecl& d = p_.rules[b.rule];
    Reason r{title, d.where, {}};
    const PostSet& all_posts = ev_.posts;
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          namespace cond = ast::condition;
          if constexpr (std::is_same_v<T, cond::Count>) {
            Reason why{"because the count of posts in " + code(c.set) + " is " +
                           std::to_string(b.count) + "; the rule requires count " +
                           std::string(ast::symbol(c.op)) + " " + std::to_string(c.value),
                       p_.exprs[c.set].where,
                       {}};
            members(b.offending, why.because,
                    [&](UnitIndex u, std::vector<Reason>& out) { expr(u, c.set, out, false); });
            r.because.push_back(std::move(why));
          } else if constexpr (std::is_same_v<T, cond::Empty>) {
            const bool one = b.offending.size() == 1;
            Reason why{"because " + posts_text(b.offending.size()) + (one ? " is" : " are") +
                           " in " + code(c.set) + "; the rule forbids any",
                       p_.exprs[c.set].where,
                       {}};
            members(b.offending, why.because,
                    [&](UnitIndex u, std::vector<Reason>& out) { expr(u, c.set, out, false); });
            r.because.push_back(std::move(why));
          } else {
            const std::string subject = code(c.subject), predicate = code(c.predicate);
            const SourceSpan here = p_.exprs[c.subject].where;
            auto in_subject_not_predicate = [&](UnitIndex u, std::vector<Reason>& out) {
              expr(u, c.subject, out, false);
              expr(u, c.predicate, out, /*why_not_detail=*/true);
            };
            switch (c.quantifier) {
              case ast::Quantifier::every: {
                const bool one = b.offending.size() == 1;
                Reason why{"because " + posts_text(b.offending.size()) + " in " + subject +
                               (one ? " is" : " are") + " not in " + predicate +
                               "; the rule requires every one to be",
                           here,
                           {}};
                members(b.offending, why.because, in_subject_not_predicate);
                r.because.push_back(std::move(why));
                break;
              }
              case ast::Quantifier::some: {
                // The breach lists no post: every post of the subject fails the predicate.
                PostSet in_subject = run_.evaluator().set_of(c.subject);
                in_subject &= all_posts;
                std::vector<UnitIndex> posts;
                in_subject.for_each(
                    [&](std::size_t u) { posts.push_back(static_cast<UnitIndex>(u)); });
                std::string text =
                    posts.empty()
                        ? "because no post is in " + subject + ", so none is in " + predicate
                        : "because " + posts_text(posts.size()) +
                              (posts.size() == 1 ? " is" : " are") + " in " + subject +
                              ", and none of them is in " + predicate;
                Reason why{text + "; the rule requires at least one", here, {}};
                members(posts, why.because, in_subject_not_predicate);
                r.because.push_back(std::move(why));
                break;
              }
              case ast::Quantifier::no: {
                const bool one = b.offending.size() == 1;
                Reason why{"because " + posts_text(b.offending.size()) + " in " + subject +
                               (one ? " is" : " are") + " also in " + predicate +
                               "; the rule requires none to be",
                           here,
                           {}};
                members(b.offending, why.because, [&](UnitIndex u, std::vector<Reason>& out) {
                  expr(u, c.subject, out, false);
                  expr(u, c.predicate, out, false);
                });
                r.because.push_back(std::move(why));
                break;
              }
            }
          }
        },
        d.condition);
    for (const ast::Text& cite : d.cites) r.because.push_back(citation(cite));
    return r;
  }

  // Up to Limits::posts_explained_per_breach posts, each "ID "Title" is one of them" with the
  // reasons `why` gives, then "and N more".
  template <typename Why>
  void members(const std::vector<UnitIndex>& posts, std::vector<Reason>& out, Why&& why) {
    const std::size_t shown = limits_.posts_explained_per_breach;
    for (std::size_t k = 0; k < posts.size() && k < shown; ++k) {
      const UnitIndex u = posts[k];
      Reason m{post_name(u) + " is one of them", org_.units[u].where(), {}};
      why(u, m.because);
      conjoin(m.because);
      out.push_back(std::move(m));
    }
    if (posts.size() > shown) {
      out.push_back({"and " + std::to_string(posts.size() - shown) +
                         " more (remit check --format json lists them all)",
                     {},
                     {}});
    }
  }

  static Reason citation(const ast::Text& cite) {
    Reason r{std::string(cite.text), cite.where, {}};
    r.step = Step::citation;
    return r;
  }

  std::string post_name(UnitIndex u) const {
    const Unit& unit = org_.units[u];
    return std::string(unit.id()) + " \"" + std::string(unit.title()) + "\"";
  }
  std::string category_name(std::uint32_t c) const {
    const ast::CategoryDecl& d = p_.categories[c];
    return std::to_string(d.number) + " (" + std::string(d.label.text) + ")";
  }
  SourceSpan precedence_where() const {
    return p_.precedences.empty() ? SourceSpan{} : p_.precedences.front().where;
  }
  bool holds(UnitIndex u, ast::ExprId e) {
    const PostSet& s = run_.evaluator().set_of(e);
    return s.size() && s.test(u);
  }
  const ast::PostDecl* post_decl(UnitIndex u) const { return org_.units[u].post(); }
  // Where a post names one of its designations or duties, or a designations sheet or a
  // `designate`/`give` statement gives it one; else where the post is declared.
  SourceSpan fact_where(UnitIndex u, std::string_view name, bool designation) const {
    if (const ast::PostDecl* d = post_decl(u)) {
      for (const ast::Name& n : designation ? p_.designations(*d) : p_.duties(*d)) {
        if (n.text == name) return n.where;
      }
    }
    const auto kind = designation ? ast::VocabularyKind::designation : ast::VocabularyKind::duty;
    for (const ast::DesignateDecl& g : p_.designates) {
      if (g.kind == kind && g.name.text == name && g.post.text == org_.units[u].id()) {
        return g.name.where;
      }
    }
    return org_.units[u].where();
  }

  // Whether the explanation may go one step further down, about post `u`. At
  // Limits::max_explain_depth it may not: `out` gets a step that says the explanation was cut
  // there, and how to see the rest.
  bool deeper(UnitIndex u, std::vector<Reason>& out) const {
    if (depth_ < limits_.max_explain_depth) return true;
    const Unit& unit = org_.units[u];
    out.push_back({"… explanation cut at depth " + std::to_string(limits_.max_explain_depth) +
                       ", the limit: to see the rest, explain " + post_name(u) +
                       " on its own (remit explain POLICY… " + std::string(unit.id()) + ")",
                   unit.where(),
                   {}});
    return false;
  }

  // A witness's reasons are phrased "which …" under the line that leads to it.
  std::vector<Reason> about(UnitIndex w, ast::ExprId set) {
    std::vector<Reason> rs;
    if (!deeper(w, rs)) return rs;
    ++depth_;
    expr(w, set, rs, false);
    --depth_;
    bool first = true;
    for (Reason& r : rs) {
      if (!r.text.starts_with("it ")) continue;
      r.text = (first ? "which " : "and ") + r.text.substr(first ? 3 : 0);
      first = false;
    }
    return rs;
  }

  // `designated a, b` and `duty a, b`: the first of the names the post carries, stated where its
  // declaration names it; or that it carries none of them.
  void carried(UnitIndex u, const std::vector<ast::Name>& names, const std::vector<SymbolId>& ids,
               const SharedVector<std::vector<UnitIndex>>& carriers, bool designation, bool value,
               SourceSpan here, std::vector<Reason>& out) const {
    const Step step = designation ? Step::designated : Step::duty;
    if (!value) {
      out.push_back({std::string(designation ? "it is not designated " : "it does not have duty ") +
                         names_text(names, " or "),
                     here,
                     {}});
      out.back().step = step;
      out.back().holds = false;
      return;
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto& posts = carriers[ids[i]];
      if (std::find(posts.begin(), posts.end(), u) != posts.end()) {
        out.push_back({std::string(designation ? "it is designated " : "it has duty ") +
                           std::string(names[i].text),
                       fact_where(u, names[i].text, designation),
                       {}});
        out.back().step = step;
        out.back().name = std::string(names[i].text);
        return;
      }
    }
  }

  void expr(UnitIndex u, ast::ExprId e, std::vector<Reason>& out, bool why_not_detail) {
    const bool value = holds(u, e);
    const SourceSpan here = p_.exprs[e].where;
    // The steps a test states are so or not as the test is; a connective's come from its parts.
    const std::size_t first = out.size();
    namespace x = ast::expr;
    const auto& kind = p_.exprs[e].kind;
    if (!std::holds_alternative<x::And>(kind) && !std::holds_alternative<x::Or>(kind) &&
        !std::holds_alternative<x::Not>(kind)) {
      stated(u, e, value, here, out, why_not_detail);
      for (std::size_t i = first; i < out.size(); ++i) out[i].holds = value;
      return;
    }
    stated(u, e, value, here, out, why_not_detail);
  }

  void stated(UnitIndex u, ast::ExprId e, bool value, SourceSpan here, std::vector<Reason>& out,
              bool why_not_detail) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          namespace x = ast::expr;
          if constexpr (std::is_same_v<T, x::Designated>) {
            carried(u, node.roles, node.resolved, org_.designated, true, value, here, out);
          } else if constexpr (std::is_same_v<T, x::Duty>) {
            carried(u, node.duties, node.resolved, org_.with_duty, false, value, here, out);
          } else if constexpr (std::is_same_v<T, x::Category>) {
            if (!value) {
              out.push_back({"it does not meet category " + numbers_text(node.numbers), here, {}});
              out.back().step = Step::category;
              out.back().holds = false;
              return;
            }
            for (std::uint32_t c : node.resolved) {
              if (!ev_.categories[c].test(u)) continue;
              Reason r{"it meets category " + category_name(c), p_.categories[c].where, {}};
              r.step = Step::category;
              r.post = u;
              r.category = c;
              if (deeper(u, r.because)) {
                ++depth_;
                expr(u, p_.categories[c].when, r.because, false);
                conjoin(r.because);
                --depth_;
              }
              out.push_back(std::move(r));
              return;
            }
          } else if constexpr (std::is_same_v<T, x::Named>) {
            if (node.target == x::Named::Target::unit) {
              out.push_back(
                  {std::string(value ? "it is " : "it is not ") + std::string(node.name.text),
                   here,
                   {}});
            } else {
              Reason r{
                  std::string(value ? "it is in " : "it is not in ") + std::string(node.name.text),
                  p_.lets[node.index].where,
                  {}};
              r.step = Step::named_set;
              r.name = std::string(node.name.text);
              if ((value || why_not_detail) && deeper(u, r.because)) {
                ++depth_;
                expr(u, p_.lets[node.index].value, r.because, false);
                conjoin(r.because);
                --depth_;
              }
              out.push_back(std::move(r));
            }
          } else if constexpr (std::is_same_v<T, x::AnyBody>) {
            out.push_back({any_body_text(u, value), here, {}});
          } else if constexpr (std::is_same_v<T, x::BodyKinds>) {
            out.push_back({body_kind_text(u, value, node.kinds), here, {}});
          } else if constexpr (std::is_same_v<T, x::ResponsibleTo>) {
            responsible_to(u, node.target, value, here, out);
          } else if constexpr (std::is_same_v<T, x::AllPosts>) {
            out.push_back({value ? "it is a post" : "it is not a post", here, {}});
          } else if constexpr (std::is_same_v<T, x::ReportsDirectly>) {
            reports_directly(u, node.target, value, here, out);
          } else if constexpr (std::is_same_v<T, x::ReportsTo> ||
                               std::is_same_v<T, x::ReportsWithin>) {
            std::uint32_t levels = UINT32_MAX;
            if constexpr (std::is_same_v<T, x::ReportsWithin>) levels = node.levels;
            reports_below(u, node.target, levels, value, here, out);
          } else if constexpr (std::is_same_v<T, x::Manages>) {
            manages(u, node.target, value, here, out);
          } else if constexpr (std::is_same_v<T, x::TextMatch>) {
            const Unit& unit = org_.units[u];
            std::string_view field = node.field == x::Field::title     ? unit.title()
                                     : node.field == x::Field::service ? unit.service()
                                                                       : unit.directorate();
            const char* what = node.field == x::Field::title     ? "title"
                               : node.field == x::Field::service ? "service"
                                                                 : "directorate";
            std::string text = std::string("its ") + what + " \"" + std::string(field) + "\"";
            text += node.contains ? (value ? " contains" : " does not contain")
                                  : (value ? " is" : " is not");
            out.push_back({text + " \"" + std::string(node.text.text) + "\"", unit.where(), {}});
          } else if constexpr (std::is_same_v<T, x::Vacant>) {
            out.push_back({value ? "it is declared vacant" : "it is not declared vacant",
                           org_.units[u].where(),
                           {}});
          } else if constexpr (std::is_same_v<T, x::HasHolder>) {
            holder(u, value, here, out);
          } else if constexpr (std::is_same_v<T, x::Not>) {
            expr(u, node.operand, out, false);
          } else if constexpr (std::is_same_v<T, x::And> || std::is_same_v<T, x::Or>) {
            connective<std::is_same_v<T, x::And>>(u, e, value, out, why_not_detail);
          }
        },
        p_.exprs[e].kind);
  }

  // `a and b and c`: explain the parts that matter: for `and`, all when it holds, else the
  // failing ones; for `or`, the first that holds, else all.
  template <bool IsAnd>
  void connective(UnitIndex u, ast::ExprId e, bool value, std::vector<Reason>& out, bool detail) {
    using Node = std::conditional_t<IsAnd, ast::expr::And, ast::expr::Or>;
    for (ast::ExprId part : chain_parts<Node>(e)) {
      const bool v = holds(u, part);
      if (IsAnd ? (value || !v) : (!value || v)) {
        expr(u, part, out, detail && !value);
        if (!IsAnd && value) return;
      }
    }
  }

  std::vector<const Line*> duty_lines(UnitIndex u) const {
    std::vector<const Line*> out;
    for (const Line& l : org_.lines.from(u)) {
      if (l.carries_a_share()) out.push_back(&l);
    }
    return out;
  }

  std::string line_text(const Line& l) const {
    std::string verb = l.kind == ast::LineKind::accountable ? "is directly accountable to "
                                                            : "reports directly to ";
    std::string s = verb + post_name(l.to);
    if (l.share.parts < l.share.whole) {
      s += " for " + percent_text(l.share.parts, l.share.whole) + " of its duties";
    }
    return s;
  }

  Reason line_reason(const char* lead, const Line& l, std::vector<Reason> because) const {
    Reason r{lead + line_text(l), l.where, std::move(because)};
    r.step = Step::line;
    r.post = l.to;
    r.share_parts = l.share.parts;
    r.share_whole = l.share.whole;
    r.accountable = l.kind == ast::LineKind::accountable;
    return r;
  }

  void reports_directly(UnitIndex u, ast::ExprId target, bool value, SourceSpan here,
                        std::vector<Reason>& out) {
    const PostSet& s = run_.evaluator().set_of(target);
    std::vector<const Line*> lines = duty_lines(u);
    if (value) {
      std::uint64_t total = 0;
      std::uint32_t whole = 1;
      for (const Line* l : lines) {
        if (!s.test(l->to)) continue;
        total += l->share.parts;
        whole = l->share.whole;
        out.push_back(line_reason("it ", *l, about(l->to, target)));
      }
      if (total < whole) {
        out.push_back({"those lines carry " + percent_text(total, whole) +
                           " of its duties: all or most of them",
                       here,
                       {}});
      }
      return;
    }
    if (lines.empty()) {
      out.push_back(
          {"it reports to no post or body, so it does not report directly to one", here, {}});
      return;
    }
    std::uint64_t into = 0;
    std::uint32_t whole = 1;
    for (const Line* l : lines) {
      if (!s.test(l->to)) continue;
      into += l->share.parts;
      whole = l->share.whole;
    }
    std::string text = "it does not report directly, for all or most of its duties, to such a post";
    if (into > 0)
      text += ": its lines to such posts carry " + percent_text(into, whole) +
              " of its duties, not more than half";
    Reason r{text, here, {}};
    for (const Line* l : lines) {
      Reason line = line_reason("its line: it ", *l, {});
      if (!s.test(l->to)) {
        std::vector<Reason> why = about(l->to, target);
        for (Reason& w : why) line.because.push_back(std::move(w));
      }
      r.because.push_back(std::move(line));
    }
    out.push_back(std::move(r));
  }

  // What a body is, for `any body`: s.2(7)(c) counts only the authority and its committees and
  // sub-committees, so a body declared of another kind is named for what it is.
  std::string any_body_text(UnitIndex u, bool value) const {
    const Unit& unit = org_.units[u];
    if (!unit.is_body()) return value ? "it is a body" : "it is not a body";
    if (!unit.body()->resolved_kind) {
      return value ? "it is a body (the council or a committee)" : "it is not a body";
    }
    const std::string label(ast::info(*unit.body()->resolved_kind).label);
    if (value) return "it is " + label;
    return "it is " + label +
           ", not the authority or a committee or sub-committee of it (LGHA 1989 s.2(7)(c) counts "
           "only those)";
  }

  std::string body_kind_text(UnitIndex u, bool value, const std::vector<ast::Name>& kinds) const {
    const Unit& unit = org_.units[u];
    if (!unit.is_body()) return "it is not a body";
    const std::string what = unit.body()->resolved_kind
                                 ? std::string(ast::info(*unit.body()->resolved_kind).label)
                                 : std::string("a body of no declared kind");
    if (value) return "it is " + what;
    return "it is " + what + ", not of kind " + names_text(kinds, " or ");
  }

  // s.2(7)(a): a line of any share to the set, with no "all or most" test.
  void responsible_to(UnitIndex u, ast::ExprId target, bool value, SourceSpan here,
                      std::vector<Reason>& out) {
    const PostSet& s = run_.evaluator().set_of(target);
    std::vector<const Line*> lines = duty_lines(u);
    if (value) {
      for (const Line* l : lines) {
        if (s.test(l->to)) out.push_back(line_reason("it ", *l, about(l->to, target)));
      }
      out.push_back(
          {"so that post is directly responsible for it: a line of any share counts, "
           "with no test of all or most of its duties (LGHA 1989 s.2(7)(a))",
           here,
           {}});
      return;
    }
    Reason r{
        "it has no line carrying duties directly to such a post, so no such post is "
        "directly responsible for it",
        here,
        {}};
    for (const Line* l : lines) {
      Reason line = line_reason("its line: it ", *l, {});
      std::vector<Reason> why = about(l->to, target);
      for (Reason& w : why) line.because.push_back(std::move(w));
      r.because.push_back(std::move(line));
    }
    out.push_back(std::move(r));
  }

  // The path up from `u` to the nearest member of the set, by breadth-first search up the
  // duty-carrying lines (short: only as long as the management line).
  void reports_below(UnitIndex u, ast::ExprId target, std::uint32_t levels, bool value,
                     SourceSpan here, std::vector<Reason>& out) {
    const PostSet& s = run_.evaluator().set_of(target);
    if (!value) {
      out.push_back({levels == UINT32_MAX
                         ? "no line of management above it reaches such a post"
                         : "no such post is within " + std::to_string(levels) + " levels above it",
                     here,
                     {}});
      return;
    }
    std::unordered_map<UnitIndex, const Line*> came_by;
    std::deque<UnitIndex> queue{u};
    came_by[u] = nullptr;
    while (!queue.empty()) {
      UnitIndex v = queue.front();
      queue.pop_front();
      for (const Line* l : duty_lines(v)) {
        if (came_by.count(l->to)) continue;
        came_by[l->to] = l;
        if (s.test(l->to)) {
          std::vector<const Line*> path;
          for (UnitIndex w = l->to; came_by[w]; w = came_by[w]->from) path.push_back(came_by[w]);
          std::reverse(path.begin(), path.end());
          std::string chain = std::string(org_.units[u].id());
          for (const Line* p : path) chain += " -> " + std::string(org_.units[p->to].id());
          out.push_back({"it reports to " + post_name(l->to) + " through the line " + chain,
                         path.front()->where, about(l->to, target)});
          out.back().step = Step::reports_through;
          out.back().post = l->to;
          return;
        }
        queue.push_back(l->to);
      }
    }
  }

  void manages(UnitIndex u, ast::ExprId target, bool value, SourceSpan here,
               std::vector<Reason>& out) {
    const PostSet& s = run_.evaluator().set_of(target);
    if (!value) {
      out.push_back({"none of its direct reports is such a post", here, {}});
      return;
    }
    // The graph is built here, the first time an explanation asks who a post manages, not for
    // every explanation: at a million posts it cost 0.1-0.19 s, a sixth of `remit explain` of one
    // post.
    const CsrGraph& graph = run_.graph().graph;
    for (auto [e, end] = boost::in_edges(u, graph); e != end; ++e) {
      const Line& l = org_.lines[graph[*e].line];
      if (l.carries_a_share() && s.test(l.from)) {
        out.push_back({"it manages " + post_name(l.from), l.where, about(l.from, target)});
        out.back().step = Step::manages;
        out.back().post = l.from;
        return;
      }
    }
  }

  void holder(UnitIndex u, bool value, SourceSpan here, std::vector<Reason>& out) {
    if (!value) {
      out.push_back({"nobody holds it", here, {}});
      return;
    }
    for (const Holding& h : org_.holdings) {
      if (h.post == u) {
        out.push_back({std::string(org_.name_of(h.person)) + " holds it", h.where, {}});
        return;
      }
    }
  }

  Run& run_;
  const Limits& limits_;
  const ast::Program& p_;
  const Organisation& org_;
  const Evaluation& ev_;
  // Witness chains (a post, the chief officer it reports to, the head of paid service above)
  // are short in any real structure; Limits::max_explain_depth guards against pathological
  // policies, and a cut says where it is.
  std::size_t depth_ = 0;
};

void flatten(const Reason& r, std::size_t level, const SourceSet& sources,
             std::vector<std::pair<std::string, std::string>>& rows) {
  rows.emplace_back(std::string(level * 2, ' ') + r.text, sources.where(r.where));
  for (const Reason& c : r.because) flatten(c, level + 1, sources, rows);
}

nlohmann::ordered_json to_json(const Reason& r, const SourceSet& sources) {
  nlohmann::ordered_json j;
  j["text"] = r.text;
  if (r.where.known()) {
    const LineColumn at = sources.position(r.where);
    j["location"] = {
        {"file", sources.file(r.where.file).name}, {"line", at.line}, {"column", at.column}};
    if (const auto cell = sources.cell_of(r.where)) {
      j["location"]["sheet"] = std::string(cell->sheet);
      j["location"]["cell"] = cell->cell;
    }
  }
  nlohmann::ordered_json because = nlohmann::ordered_json::array();
  for (const Reason& c : r.because) because.push_back(to_json(c, sources));
  j["because"] = std::move(because);
  return j;
}

}  // namespace

Reason explain_listing(Run& run, UnitIndex post) {
  return Explainer(run).listing(post);
}

Reason explain_category(Run& run, UnitIndex post, std::uint32_t category_decl) {
  return Explainer(run).category(post, category_decl);
}

Reason explain_breach(Run& run, std::size_t n) {
  return Explainer(run).breach(n);
}

std::string render_text(const Reason& root, const SourceSet& sources, const TextStyle& style) {
  std::vector<std::pair<std::string, std::string>> rows;
  flatten(root, 0, sources, rows);
  // Names and titles in the steps may hold control characters: shown escaped.
  for (auto& [text, where] : rows) {
    text = display_text(text);
    where = display_text(where);
  }
  std::size_t text_w = 0, where_w = 0;
  for (const auto& [text, where] : rows) {
    text_w = std::max(text_w, display_width(text));
    where_w = std::max(where_w, display_width(where));
  }
  // The locations in a column three spaces right of the text. When that is wider than the
  // width, each location ends at the width's edge instead, after its step when both fit, else
  // on a line of its own under the step (wrapped if it is wider than the width itself).
  constexpr std::size_t gap = 3;
  const std::size_t column = std::min<std::size_t>(text_w, 100);
  const std::size_t width = style.width;
  const bool narrow = width != 0 && column + gap + where_w > width;
  std::string out;
  for (const auto& [text, where] : rows) {
    const std::size_t shown = display_width(text);
    const std::size_t where_shown = display_width(where);
    const std::string located = paint(where, Paint::location, style);
    if (!narrow) {
      out += text;
      if (!where.empty()) {
        out += std::string(column > shown ? column - shown : 0, ' ') + "   " + located;
      }
      out += "\n";
    } else if (shown + (where.empty() ? 0 : gap + where_shown) <= width) {
      out += text;
      if (!where.empty()) out += std::string(width - shown - where_shown, ' ') + located;
      out += "\n";
    } else {
      // The step's own indent, and two more for its continuation lines.
      const std::string lead(std::min(text.find_first_not_of(' '), text.size()), ' ');
      std::string lines =
          wrap(std::string_view(text).substr(lead.size()), width, lead, lead + "  ");
      if (!where.empty()) {
        // Beside the step's last line when it fits there, else under it.
        lines.pop_back();
        const std::size_t last = display_width(lines.substr(lines.rfind('\n') + 1));
        if (last + gap + where_shown <= width) {
          lines += std::string(width - last - where_shown, ' ');
        } else {
          lines += "\n" + std::string(width > where_shown ? width - where_shown : 0, ' ');
        }
        lines += located;
      }
      out += lines + "\n";
    }
  }
  return out;
}

std::string render_json(const Reason& root, const SourceSet& sources) {
  return to_json(root, sources)
             .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace remit
