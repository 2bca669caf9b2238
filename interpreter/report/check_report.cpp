#include "report/check_report.hpp"

#include <nlohmann/json.hpp>
#include <ostream>

#include "ast/ast.hpp"
#include "source/diagnostic.hpp"
#include "source/display.hpp"

namespace remit {
namespace {

std::string posts(std::uint64_t n) { return std::to_string(n) + (n == 1 ? " post" : " posts"); }

std::string rule_title(const ast::RuleDecl& r) {
  return std::string(r.forbid ? "forbid" : "require") + " \"" + std::string(r.name.text) + "\"";
}

std::string incompatible_title(const ast::IncompatibleDecl& d) {
  std::string s = "incompatible " + std::string(d.first.text) + " with " + std::string(d.second.text);
  if (d.unless_qualified) s += " unless qualified " + std::string(d.unless_qualified->text);
  return s;
}

struct Context {
  const Run& run;
  const ast::Program& program;
  const Organisation& org;
  std::span<const Reason> explanations;  // empty, or one per breach in the order printed

  // The explanation of the breach printed `index`th (from 0), if asked for.
  const Reason* explanation(std::size_t index) const {
    return index < explanations.size() ? &explanations[index] : nullptr;
  }

  std::string rule_detail(const RuleBreach& b) const {
    const ast::RuleDecl& r = program.rules[b.rule];
    return std::visit(
        [&](const auto& c) -> std::string {
          using T = std::decay_t<decltype(c)>;
          namespace cond = ast::condition;
          if constexpr (std::is_same_v<T, cond::Count>) {
            return "found " + posts(b.count) + "; the rule requires count " +
                   std::string(ast::symbol(c.op)) + " " + std::to_string(c.value);
          } else if constexpr (std::is_same_v<T, cond::Empty>) {
            return posts(b.count) + (b.count == 1 ? " is" : " are") +
                   " in a set that must be empty";
          } else {
            switch (c.quantifier) {
              case ast::Quantifier::every:
                return posts(b.count) + (b.count == 1 ? " does" : " do") +
                       " not meet the condition";
              case ast::Quantifier::some: return "no post meets the condition";
              case ast::Quantifier::no:
                return posts(b.count) + (b.count == 1 ? " meets" : " meet") +
                       " a condition none may meet";
            }
            return "";
          }
        },
        r.condition);
  }
  std::string post_list(const std::vector<UnitIndex>& posts) const {
    std::string s;
    const std::size_t posts_shown = run.limits().posts_shown_per_breach;
    for (std::size_t k = 0; k < posts.size() && k < posts_shown; ++k) {
      const Unit& u = org.units[posts[k]];
      s += (k ? ", " : "") + display_text(u.id) + " \"" + display_text(u.title()) + "\"";
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
  const std::string tree = render_text(*reason, ctx.run.sources());
  std::size_t start = 0;
  while (start < tree.size()) {
    std::size_t end = tree.find('\n', start);
    if (end == std::string::npos) end = tree.size();
    out << "    " << std::string_view(tree).substr(start, end - start) << "\n";
    start = end + 1;
  }
}

void text(std::ostream& out, const Context& ctx, const Breaches& breaches) {
  const SourceSet& sources = ctx.run.sources();
  std::size_t index = 0;
  for (const IncompatibilityBreach& b : breaches.incompatibilities) {
    const ast::IncompatibleDecl& d = ctx.program.incompatibilities[b.rule];
    const Person& p = ctx.org.people[b.person];
    const Unit& a = ctx.org.units[b.first_post];
    const Unit& c = ctx.org.units[b.second_post];
    out << sources.where(d.where) << ": breach: " << incompatible_title(d) << "\n";
    out << "  " << display_text(p.name) << " holds " << a.id << " (" << d.first.text
        << holding_word(b.first_kind) << ")";
    if (b.first_post == b.second_post) {
      out << ", which is also designated " << d.second.text << "\n";
    } else {
      out << " and " << c.id << " (" << d.second.text
          << holding_word(b.second_kind) << ")\n";
    }
    for (const ast::Text& cite : d.cites) out << "  " << cite.text << "\n";
    explanation_text(out, ctx, index++);
  }
  for (const RuleBreach& b : breaches.rules) {
    const ast::RuleDecl& r = ctx.program.rules[b.rule];
    out << sources.where(r.where) << ": breach: " << rule_title(r) << "\n";
    out << "  " << ctx.rule_detail(b) << "\n";
    if (!b.offending.empty()) out << "  posts: " << ctx.post_list(b.offending) << "\n";
    for (const ast::Text& cite : r.cites) out << "  " << cite.text << "\n";
    explanation_text(out, ctx, index++);
  }
  const std::size_t n = breaches.size();
  if (n == 0) {
    auto many = [](std::size_t k, const char* one, const char* more) {
      return std::to_string(k) + " " + (k == 1 ? one : more);
    };
    out << "No breaches: "
        << many(ctx.program.incompatibilities.size(), "incompatibility", "incompatibilities")
        << " and " << many(ctx.program.rules.size(), "rule", "rules") << " checked against "
        << many(ctx.org.people.size(), "person", "people") << " and "
        << many(ctx.run.evaluator().result().posts.count(), "post", "posts") << ".\n";
  } else {
    out << n << (n == 1 ? " breach.\n" : " breaches.\n");
  }
}

nlohmann::ordered_json location(const SourceSet& sources, SourceSpan s) {
  return {{"file", s.known() ? sources.file(s.file).name : ""},
          {"line", s.line},
          {"column", s.column}};
}

void json(std::ostream& out, const Context& ctx, const Breaches& breaches) {
  const SourceSet& sources = ctx.run.sources();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  auto cites = [](const std::vector<ast::Text>& cs) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const ast::Text& c : cs) a.push_back(std::string(c.text));
    return a;
  };
  auto post = [&](UnitIndex u) {
    const Unit& unit = ctx.org.units[u];
    return nlohmann::ordered_json{{"id", std::string(unit.id)}, {"title", std::string(unit.title())}};
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
  for (const IncompatibilityBreach& b : breaches.incompatibilities) {
    const ast::IncompatibleDecl& d = ctx.program.incompatibilities[b.rule];
    const Person& p = ctx.org.people[b.person];
    auto holding = [&](UnitIndex u, std::string_view role, ast::HoldingKind kind) {
      auto j = post(u);
      j["designation"] = std::string(role);
      j["holding"] = std::string(ast::name(kind));
      return j;
    };
    list.push_back(explained({{"kind", "incompatible"},
                              {"rule", incompatible_title(d)},
                              {"location", location(sources, d.where)},
                              {"citations", cites(d.cites)},
                              {"person", {{"id", std::string(p.id)}, {"name", std::string(p.name)}}},
                              {"posts", {holding(b.first_post, d.first.text, b.first_kind),
                                         holding(b.second_post, d.second.text, b.second_kind)}}}));
  }
  for (const RuleBreach& b : breaches.rules) {
    const ast::RuleDecl& r = ctx.program.rules[b.rule];
    nlohmann::ordered_json posts = nlohmann::ordered_json::array();
    for (UnitIndex u : b.offending) posts.push_back(post(u));
    list.push_back(explained({{"kind", r.forbid ? "forbid" : "require"},
                              {"rule", std::string(r.name.text)},
                              {"location", location(sources, r.where)},
                              {"citations", cites(r.cites)},
                              {"detail", ctx.rule_detail(b)},
                              {"count", b.count},
                              {"posts", std::move(posts)}}));
  }
  nlohmann::ordered_json doc;
  doc["breaches"] = std::move(list);
  doc["summary"] = {{"breaches", breaches.size()},
                    {"incompatibilities_checked", ctx.program.incompatibilities.size()},
                    {"rules_checked", ctx.program.rules.size()}};
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

void write_breaches(std::ostream& out, const Run& run, const Breaches& breaches, Format format,
                    std::span<const Reason> explanations) {
  Context ctx{run, run.program(), run.resolved().organisation, explanations};
  if (format == Format::json) {
    json(out, ctx, breaches);
  } else {
    text(out, ctx, breaches);
  }
}

}  // namespace remit
