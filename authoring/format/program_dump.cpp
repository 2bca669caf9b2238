#include "authoring/format/program_dump.hpp"

#include <string_view>
#include <type_traits>

namespace remit::format {
namespace {

class Dumper {
 public:
  explicit Dumper(const ast::Program& p) : p_(p) {}

  std::string run() {
    for (const auto& a : p_.authorities) line("authority", {q(a.name.text)});
    for (const auto& u : p_.uses) line("use", {q(u.module.text)});
    for (const auto& i : p_.imports) {
      std::string cols;
      for (const auto& c : i.columns) cols += std::string(c.field.text) + "=" + q(c.header.text);
      line("import", {num(static_cast<int>(i.kind)), q(i.path.text), cols});
    }
    for (const auto& d : p_.designates) {
      line("designate", {num(static_cast<int>(d.kind)), id(d.post), id(d.name)});
    }
    for (const auto& b : p_.bodies) line("body", {id(b.id), q(b.label.text)});
    for (const auto& post : p_.posts) dump_post("post", post);
    for (const auto& person : p_.people) {
      std::string holds, quals;
      for (const auto& h : p_.holds(person)) holds += holding(h) + ",";
      for (const auto& n : p_.qualifications(person)) quals += id(n) + ",";
      line("person", {id(person.id), q(p_.name(person)), holds, quals});
    }
    for (const auto& v : p_.vocabulary) {
      line("vocabulary",
           {num(static_cast<int>(v.kind)), id(v.id), q(v.label.text), cites(v.cites)});
    }
    for (const auto& l : p_.lets) line("let", {id(l.name), expr(l.value)});
    for (const auto& c : p_.categories) {
      line("category", {num(c.number), q(c.label.text), expr(c.when), cites(c.cites),
                        c.is_override ? "override" : ""});
    }
    for (const auto& pr : p_.precedences) line("precedence", {numbers(pr.order)});
    for (const auto& i : p_.incompatibilities) {
      line("incompatible", {id(i.first), id(i.second),
                            i.unless_qualified ? id(*i.unless_qualified) : "-", cites(i.cites)});
    }
    for (const auto& r : p_.rules) {
      line(r.forbid ? "forbid" : "require",
           {q(r.name.text), condition(r.condition), cites(r.cites)});
    }
    for (const auto& s : p_.scenarios) {
      line("scenario", {q(s.name.text)});
      for (const auto& e : s.edits) edit(e);
      line("end scenario", {});
    }
    return std::move(out_);
  }

 private:
  // Built piecewise: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string in Release.
  static std::string q(std::string_view s) { return wrapped('"', s, '"'); }
  static std::string id(const ast::Name& n) { return wrapped('<', n.text, '>'); }
  static std::string wrapped(char open, std::string_view s, char close) {
    std::string r(1, open);
    r += s;
    r += close;
    return r;
  }
  template <typename N>
  static std::string num(N n) {
    return std::to_string(n);
  }
  template <typename V>
  static std::string numbers(const V& v) {
    std::string s;
    for (auto n : v) s += std::to_string(n) + ",";
    return s;
  }
  static std::string cites(const std::vector<ast::Text>& cs) {
    std::string s;
    for (const auto& c : cs) s += "cite " + q(c.text) + ";";
    return s;
  }
  static std::string holding(const ast::Holding& h) {
    return std::string(ast::name(h.kind)) + " " + id(h.post);
  }
  static std::string lines(std::span<const ast::LineDecl> ls) {
    std::string s;
    for (const auto& l : ls) {
      s += num(static_cast<int>(l.kind)) + " " + id(l.target) + " " +
           (l.basis_points ? num(*l.basis_points) : std::string("-")) +
           (l.from_export ? " export" : "") + ",";
    }
    return s;
  }

  void line(std::string_view what, std::initializer_list<std::string> fields) {
    out_ += what;
    for (const auto& f : fields) out_ += " | " + f;
    out_ += '\n';
  }

  void dump_post(std::string_view what, const ast::PostDecl& post) {
    std::string roles, duties, holders;
    for (const auto& n : p_.designations(post)) roles += id(n) + ",";
    for (const auto& n : p_.duties(post)) duties += id(n) + ",";
    for (const auto& h : p_.holders(post)) holders += holding(h) + ",";
    line(what, {id(post.id), q(post.title), q(post.service()), q(post.directorate()),
                lines(p_.lines(post)), roles, duties, holders, post.vacant ? "vacant" : ""});
  }

  void edit(const ast::Edit& e) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, ast::edit::Move>) {
            line("move", {id(x.post), lines(x.lines)});
          } else if constexpr (std::is_same_v<T, ast::edit::RemovePost>) {
            line("remove", {id(x.post)});
          } else if constexpr (std::is_same_v<T, ast::edit::AddPost>) {
            dump_post("add post", x.post);
          } else if constexpr (std::is_same_v<T, ast::edit::Designate>) {
            line("designate", {id(x.post), id(x.role)});
          } else if constexpr (std::is_same_v<T, ast::edit::Undesignate>) {
            line("undesignate", {id(x.post), id(x.role)});
          } else if constexpr (std::is_same_v<T, ast::edit::Assign>) {
            line("assign", {id(x.person), id(x.post), std::string(ast::name(x.kind))});
          }
        },
        e.kind);
  }

  std::string condition(const ast::Condition& c) {
    return std::visit(
        [&](const auto& x) -> std::string {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, ast::condition::Count>) {
            return "count " + expr(x.set) + " " + std::string(ast::symbol(x.op)) + " " +
                   num(x.value);
          } else if constexpr (std::is_same_v<T, ast::condition::Quantified>) {
            return num(static_cast<int>(x.quantifier)) + " " + expr(x.subject) + " " +
                   expr(x.predicate);
          } else {
            return "empty " + expr(x.set);
          }
        },
        c);
  }

  std::string expr(ast::ExprId e) {
    if (e >= p_.exprs.size()) return "?";
    return std::visit(
        [&](const auto& x) -> std::string {
          using T = std::decay_t<decltype(x)>;
          namespace ex = ast::expr;
          if constexpr (std::is_same_v<T, ex::Designated>) {
            std::string s = "designated(";
            for (const auto& n : x.roles) s += id(n) + ",";
            return s + ")";
          } else if constexpr (std::is_same_v<T, ex::Duty>) {
            std::string s = "duty(";
            for (const auto& n : x.duties) s += id(n) + ",";
            return s + ")";
          } else if constexpr (std::is_same_v<T, ex::Category>) {
            return "category(" + numbers(x.numbers) + ")";
          } else if constexpr (std::is_same_v<T, ex::Named>) {
            return id(x.name);
          } else if constexpr (std::is_same_v<T, ex::AnyBody>) {
            return "any body";
          } else if constexpr (std::is_same_v<T, ex::AllPosts>) {
            return "any post";
          } else if constexpr (std::is_same_v<T, ex::ReportsDirectly>) {
            return "reports directly to(" + expr(x.target) + ")";
          } else if constexpr (std::is_same_v<T, ex::ReportsTo>) {
            return "reports to(" + expr(x.target) + ")";
          } else if constexpr (std::is_same_v<T, ex::ReportsWithin>) {
            return "reports within " + num(x.levels) + "(" + expr(x.target) + ")";
          } else if constexpr (std::is_same_v<T, ex::Manages>) {
            return "manages(" + expr(x.target) + ")";
          } else if constexpr (std::is_same_v<T, ex::TextMatch>) {
            return "text " + num(static_cast<int>(x.field)) + (x.contains ? " contains " : " is ") +
                   q(x.text.text);
          } else if constexpr (std::is_same_v<T, ex::Vacant>) {
            return "vacant";
          } else if constexpr (std::is_same_v<T, ex::HasHolder>) {
            return "has holder";
          } else if constexpr (std::is_same_v<T, ex::And>) {
            return "and(" + expr(x.lhs) + ", " + expr(x.rhs) + ")";
          } else if constexpr (std::is_same_v<T, ex::Or>) {
            return "or(" + expr(x.lhs) + ", " + expr(x.rhs) + ")";
          } else if constexpr (std::is_same_v<T, ex::Not>) {
            return "not(" + expr(x.operand) + ")";
          } else {
            // A kind of expression added since: told apart by its kind at least (the formatter
            // also compares the tokens themselves).
            return "expression kind " + num(p_.exprs[e].kind.index());
          }
        },
        p_.exprs[e].kind);
  }

  const ast::Program& p_;
  std::string out_;
};

}  // namespace

std::string dump_without_positions(const ast::Program& program) {
  return Dumper(program).run();
}

}  // namespace remit::format
