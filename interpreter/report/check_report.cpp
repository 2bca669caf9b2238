#include "report/check_report.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "ast/ast.hpp"
#include "evaluate/breach.hpp"
#include "evaluate/exemptions.hpp"
#include "report/derive_report.hpp"
#include "report/terminal.hpp"
#include "resolve/law.hpp"
#include "source/diagnostic.hpp"
#include "source/display.hpp"

namespace remit {
namespace {

struct Context {
  const Run& run;
  const ast::Program& program;
  const Organisation& org;
  std::span<const Reason> explanations;  // empty, or one per breach in the order printed
  TextStyle style;

  // The explanation of the breach printed `index`th (from 0), if asked for.
  const Reason* explanation(std::size_t index) const {
    return index < explanations.size() ? &explanations[index] : nullptr;
  }

  std::string post_list(const std::vector<BreachPost>& posts) const {
    std::string s;
    const std::size_t posts_shown = run.limits().posts_shown_per_breach;
    for (std::size_t k = 0; k < posts.size() && k < posts_shown; ++k) {
      s +=
          (k ? ", " : "") + display_text(posts[k].id) + " \"" + display_text(posts[k].title) + "\"";
    }
    if (posts.size() > posts_shown) {
      s += " and " + std::to_string(posts.size() - posts_shown) + " more (see --format json)";
    }
    return s;
  }
};

// An explanation under its breach: the tree of `remit explain --breach N`, indented.
void explanation_text(std::ostream& out, const Context& ctx, std::size_t index) {
  const Reason* reason = ctx.explanation(index);
  if (!reason) return;
  TextStyle narrower = ctx.style;
  if (narrower.width) narrower.width -= 4;
  const std::string tree = render_text(*reason, ctx.run.sources(), narrower);
  std::size_t start = 0;
  while (start < tree.size()) {
    std::size_t end = tree.find('\n', start);
    if (end == std::string::npos) end = tree.size();
    out << "    " << std::string_view(tree).substr(start, end - start) << "\n";
    start = end + 1;
  }
}

// Where the breach's rule is written, and what the rule cites.
SourceSpan rule_where(const Context& ctx, const Breach& b) {
  return std::holds_alternative<IncompatibilityFound>(b.what)
             ? ctx.program.incompatibilities[b.rule].where
             : ctx.program.rules[b.rule].where;
}

// A rule for some kinds of authority only, applied because the policy does not say which kind
// this authority is: the breach says so, and how to say it.
std::optional<std::string> kind_not_declared(const Context& ctx, const Breach& b) {
  const std::optional<ast::AuthorityGuard>& guard =
      std::holds_alternative<IncompatibilityFound>(b.what)
          ? ctx.program.incompatibilities[b.rule].guard
          : ctx.program.rules[b.rule].guard;
  if (!guard || ctx.org.authority_kind) return std::nullopt;
  std::string kinds;
  for (std::size_t i = 0; i < guard->kinds.size(); ++i) {
    kinds += i == 0 ? "" : (i + 1 == guard->kinds.size() ? " and " : ", ");
    kinds += guard->kinds[i].text;
  }
  return "this rule applies only to these kinds of authority: " + kinds +
         "; the policy does not say which kind this authority is, so the rule was applied. Say "
         "it on the authority statement, e.g. authority \"Name\" kind district_council";
}

const std::vector<ast::Text>& rule_cites(const Context& ctx, const Breach& b) {
  return std::holds_alternative<IncompatibilityFound>(b.what)
             ? ctx.program.incompatibilities[b.rule].cites
             : ctx.program.rules[b.rule].cites;
}

// The rules checked: those the policy did not set aside, for this kind of authority.
std::size_t incompatibilities_checked(const ast::Program& program, const Organisation& org) {
  return static_cast<std::size_t>(std::count_if(
      program.incompatibilities.begin(), program.incompatibilities.end(),
      [&](const ast::IncompatibleDecl& d) {
        return d.set_aside_by == ast::unresolved && rule_applies(d.guard, org.authority_kind);
      }));
}
std::size_t rules_checked(const ast::Program& program, const Organisation& org) {
  return static_cast<std::size_t>(
      std::count_if(program.rules.begin(), program.rules.end(), [&](const ast::RuleDecl& d) {
        return d.set_aside_by == ast::unresolved && rule_applies(d.guard, org.authority_kind);
      }));
}
// The rules not set aside that apply only to other kinds of authority (`where authority is …`).
std::size_t rules_for_other_kinds(const ast::Program& program, const Organisation& org) {
  std::size_t n = 0;
  for (const ast::IncompatibleDecl& d : program.incompatibilities) {
    n += d.set_aside_by == ast::unresolved && !rule_applies(d.guard, org.authority_kind) ? 1 : 0;
  }
  for (const ast::RuleDecl& d : program.rules) {
    n += d.set_aside_by == ast::unresolved && !rule_applies(d.guard, org.authority_kind) ? 1 : 0;
  }
  return n;
}

void text(std::ostream& out, const Context& ctx, const Breaches& breaches) {
  const SourceSet& sources = ctx.run.sources();
  std::size_t index = 0;
  const unsigned width = ctx.style.width;
  for (const Breach& b : describe(ctx.program, ctx.org, breaches)) {
    // Wrapped as plain text, then the location and "breach:" at its start painted.
    const std::string where = sources.where(rule_where(ctx, b));
    std::string first = wrap(where + ": breach: " + breach_title(b), width, "", "    ");
    if (ctx.style.colour && first.starts_with(where + ": breach:")) {
      first = paint(where + ":", Paint::location, ctx.style) + " " +
              paint("breach:", Paint::breach, ctx.style) +
              first.substr(where.size() + std::string_view(": breach:").size());
    }
    out << first;
    out << wrap(display_text(breach_detail(b)), width, "  ", "    ");
    if (const auto* r = std::get_if<RuleFound>(&b.what); r && !r->posts.empty()) {
      out << wrap("posts: " + ctx.post_list(r->posts), width, "  ", "    ");
    }
    for (const ast::Text& cite : rule_cites(ctx, b)) {
      out << wrap(display_text(cite.text), width, "  ", "    ");
    }
    if (const auto note = kind_not_declared(ctx, b)) {
      out << wrap("note: " + *note, width, "  ", "    ");
    }
    explanation_text(out, ctx, index++);
  }
  const std::size_t n = breaches.size();
  if (n == 0) {
    auto many = [](std::size_t k, const char* one, const char* more) {
      return std::to_string(k) + " " + (k == 1 ? one : more);
    };
    const std::size_t other_kinds = rules_for_other_kinds(ctx.program, ctx.org);
    out << wrap("No breaches: " +
                    many(incompatibilities_checked(ctx.program, ctx.org), "incompatibility",
                         "incompatibilities") +
                    " and " + many(rules_checked(ctx.program, ctx.org), "rule", "rules") +
                    " checked against " + many(ctx.org.people.size(), "person", "people") +
                    " and " + many(ctx.run.evaluator().result().posts.count(), "post", "posts") +
                    (other_kinds == 0 ? std::string()
                                      : "; " + many(other_kinds, "rule applies", "rules apply") +
                                            " only to other kinds of authority") +
                    ".",
                width, "", "");
  } else {
    out << n << (n == 1 ? " breach.\n" : " breaches.\n");
  }
  // Never silently: each rule the policy set aside, and why.
  for (const std::string& note : set_aside_texts(ctx.program)) {
    out << wrap(display_text(note), width, "", "    ");
  }
}

nlohmann::ordered_json location(const SourceSet& sources, SourceSpan s) {
  const LineColumn at = sources.position(s);
  nlohmann::ordered_json j = {{"file", s.known() ? sources.file(s.file).name : ""},
                              {"line", at.line},
                              {"column", at.column}};
  // In a workbook, the cell as the spreadsheet names it (the column counts bytes of no file).
  if (const auto cell = sources.cell_of(s)) {
    j["sheet"] = std::string(cell->sheet);
    j["cell"] = cell->cell;
  }
  return j;
}

void json(std::ostream& out, const Context& ctx, const Breaches& breaches) {
  const SourceSet& sources = ctx.run.sources();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  auto cites = [](const std::vector<ast::Text>& cs) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const ast::Text& c : cs) a.push_back(std::string(c.text));
    return a;
  };
  auto post = [](const BreachPost& p) {
    return nlohmann::ordered_json{{"id", p.id}, {"title", p.title}};
  };
  // `--explain`: the tree of `remit explain --breach N --format json`, as a field of the breach.
  std::size_t index = 0;
  auto explained = [&](nlohmann::ordered_json breach) {
    if (const Reason* reason = ctx.explanation(index)) {
      breach["explanation"] = nlohmann::ordered_json::parse(render_json(*reason, sources));
    }
    ++index;
    return breach;
  };
  for (const Breach& b : describe(ctx.program, ctx.org, breaches)) {
    const nlohmann::ordered_json where = location(sources, rule_where(ctx, b));
    const nlohmann::ordered_json citations = cites(rule_cites(ctx, b));
    if (const auto* i = std::get_if<IncompatibilityFound>(&b.what)) {
      nlohmann::ordered_json held = nlohmann::ordered_json::array();
      for (const BreachHolding& h : i->holdings) {
        auto j = post(h.post);
        j["designation"] = h.designation;
        j["holding"] = std::string(ast::name(h.kind));
        held.push_back(std::move(j));
      }
      // One post carrying both designations is listed under each, as two holdings of it.
      if (i->holdings.size() == 1) {
        auto j = post(i->holdings[0].post);
        j["designation"] = i->second_role;
        j["holding"] = std::string(ast::name(i->holdings[0].kind));
        held.push_back(std::move(j));
      }
      list.push_back(explained({{"kind", "incompatible"},
                                {"rule", breach_title(b)},
                                {"location", where},
                                {"citations", citations},
                                {"detail", breach_detail(b)},
                                {"person", {{"id", i->person_id}, {"name", i->person_name}}},
                                {"posts", std::move(held)}}));
    } else {
      const auto& r = std::get<RuleFound>(b.what);
      nlohmann::ordered_json posts = nlohmann::ordered_json::array();
      for (const BreachPost& p : r.posts) posts.push_back(post(p));
      list.push_back(explained({{"kind", r.forbid ? "forbid" : "require"},
                                {"rule", r.name},
                                {"location", where},
                                {"citations", citations},
                                {"detail", breach_detail(b)},
                                {"count", r.count},
                                {"posts", std::move(posts)}}));
    }
    if (const auto note = kind_not_declared(ctx, b)) list.back()["note"] = *note;
  }
  nlohmann::ordered_json doc;
  doc["breaches"] = std::move(list);
  doc["summary"] = {{"breaches", breaches.size()},
                    {"incompatibilities_checked", incompatibilities_checked(ctx.program, ctx.org)},
                    {"rules_checked", rules_checked(ctx.program, ctx.org)}};
  if (!ctx.program.adaptations.empty()) {
    nlohmann::ordered_json set_aside = nlohmann::ordered_json::array();
    for (const ast::AdaptationDecl& a : ctx.program.adaptations) {
      nlohmann::ordered_json j = {{"rule", std::string(a.rule.text)},
                                  {"reason", std::string(a.reason.text)},
                                  {"location", location(sources, a.where)},
                                  {"text", set_aside_text(ctx.program, a)}};
      if (a.replacement) {
        j["replaced_by"] = a.replacement->kind == ast::RuleKind::incompatibility
                               ? ast::rule_name(ctx.program.incompatibilities[a.replacement->index])
                               : std::string(ctx.program.rules[a.replacement->index].name.text);
      }
      set_aside.push_back(std::move(j));
    }
    doc["set_aside"] = std::move(set_aside);
  }
  if (!ctx.run.to_review().empty()) doc["to_review"] = to_review_json(ctx.org, ctx.run.to_review());
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

void write_breaches(std::ostream& out, const Run& run, const Breaches& breaches, Format format,
                    std::span<const Reason> explanations, const TextStyle& style) {
  Context ctx{run, run.program(), run.resolved().organisation, explanations, style};
  if (format == Format::json) {
    json(out, ctx, breaches);
  } else {
    text(out, ctx, breaches);
    write_to_review_text(out, ctx.org, run.to_review(), style);
  }
}

}  // namespace remit
