#include "evaluate/breach.hpp"

#include "evaluate/rules.hpp"
#include "resolve/organisation.hpp"

namespace remit {
namespace {

BreachPost post_of(const Organisation& org, UnitIndex u) {
  return BreachPost{std::string(org.units[u].id()), std::string(org.units[u].title())};
}

RuleFound rule_found(const ast::RuleDecl& d, const RuleBreach& r, const Organisation& org) {
  RuleFound f;
  f.forbid = d.forbid;
  f.name = std::string(d.name.text);
  f.count = r.count;
  f.posts.reserve(r.offending.size());
  for (UnitIndex u : r.offending) f.posts.push_back(post_of(org, u));
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        namespace cond = ast::condition;
        if constexpr (std::is_same_v<T, cond::Count>) {
          f.test = RuleTest::count;
          f.op = c.op;
          f.value = c.value;
        } else if constexpr (std::is_same_v<T, cond::Empty>) {
          f.test = RuleTest::empty;
        } else {
          switch (c.quantifier) {
            case ast::Quantifier::every:
              f.test = RuleTest::every;
              break;
            case ast::Quantifier::some:
              f.test = RuleTest::some;
              break;
            case ast::Quantifier::no:
              f.test = RuleTest::no;
              break;
          }
        }
      },
      d.condition);
  return f;
}

std::string posts_text(std::uint64_t n) {
  return std::to_string(n) + (n == 1 ? " post" : " posts");
}

// "sd_legal (monitoring_officer, interim)": nothing added for a substantive holding.
std::string held_text(const BreachHolding& h) {
  std::string s = h.post.id + " (" + h.designation;
  if (h.kind != ast::HoldingKind::substantive) s += ", " + std::string(ast::name(h.kind));
  return s + ")";
}

std::string detail_of(const IncompatibilityFound& i) {
  std::string s = i.person_name + " holds ";
  if (i.holdings.empty()) return s + "posts with both designations";
  s += held_text(i.holdings[0]);
  if (i.holdings.size() == 1) return s + ", which is also designated " + i.second_role;
  return s + " and " + held_text(i.holdings[1]);
}

std::string detail_of(const RuleFound& r) {
  const std::uint64_t n = r.count;
  switch (r.test) {
    case RuleTest::count:
      return "found " + posts_text(n) + "; the rule requires count " +
             std::string(ast::symbol(r.op)) + " " + std::to_string(r.value);
    case RuleTest::empty:
      return posts_text(n) + (n == 1 ? " is" : " are") + " in a set that must be empty";
    case RuleTest::every:
      return posts_text(n) + (n == 1 ? " does" : " do") + " not meet the condition";
    case RuleTest::some:
      return "no post meets the condition";
    case RuleTest::no:
      return posts_text(n) + (n == 1 ? " meets" : " meet") + " a condition none may meet";
  }
  return "";
}

}  // namespace

bool same_breach(const Breach& a, const Breach& b) {
  return identity_key(a) == identity_key(b);
}

std::string identity_key(const Breach& b) {
  // Each field prefixed with its length, so that no id or name can run into the next field.
  std::string key;
  auto add = [&](std::string_view field) {
    key += std::to_string(field.size()) + ':';
    key += field;
  };
  std::visit(
      [&](const auto& w) {
        using T = std::decay_t<decltype(w)>;
        if constexpr (std::is_same_v<T, IncompatibilityFound>) {
          for (std::string_view f :
               {std::string_view("incompatible"), std::string_view(w.first_role),
                std::string_view(w.second_role), std::string_view(w.unless_qualified),
                std::string_view(w.person_id)}) {
            add(f);
          }
          for (const BreachHolding& h : w.holdings) {
            add(h.post.id);
            add(h.designation);
            add(ast::name(h.kind));
          }
        } else {
          add(w.forbid ? "forbid" : "require");
          add(w.name);
        }
      },
      b.what);
  return key;
}

Breach describe(const ast::Program& program, const Organisation& org,
                const IncompatibilityBreach& i) {
  const ast::IncompatibleDecl& d = program.incompatibilities[i.rule];
  IncompatibilityFound f;
  f.first_role = std::string(d.first.text);
  f.second_role = std::string(d.second.text);
  if (d.unless_qualified) f.unless_qualified = std::string(d.unless_qualified->text);
  f.person_id = std::string(org.id_of(i.person));
  f.person_name = std::string(org.name_of(i.person));
  f.holdings.push_back(BreachHolding{post_of(org, i.first_post), f.first_role, i.first_kind});
  if (i.second_post != i.first_post) {
    f.holdings.push_back(BreachHolding{post_of(org, i.second_post), f.second_role, i.second_kind});
  }
  return Breach{std::move(f), i.rule};
}

Breach describe(const ast::Program& program, const Organisation& org, const RuleBreach& r) {
  return Breach{rule_found(program.rules[r.rule], r, org), r.rule};
}

std::vector<Breach> describe(const ast::Program& program, const Organisation& org,
                             const Breaches& breaches) {
  std::vector<Breach> out;
  out.reserve(breaches.size());
  for (const IncompatibilityBreach& i : breaches.incompatibilities) {
    out.push_back(describe(program, org, i));
  }
  for (const RuleBreach& r : breaches.rules) out.push_back(describe(program, org, r));
  return out;
}

std::string breach_title(const Breach& b) {
  if (const auto* i = std::get_if<IncompatibilityFound>(&b.what)) {
    std::string s = "incompatible " + i->first_role + " with " + i->second_role;
    if (!i->unless_qualified.empty()) s += " unless qualified " + i->unless_qualified;
    return s;
  }
  const auto& r = std::get<RuleFound>(b.what);
  return std::string(r.forbid ? "forbid" : "require") + " \"" + r.name + "\"";
}

std::string breach_detail(const Breach& b) {
  return std::visit([](const auto& w) { return detail_of(w); }, b.what);
}

std::string breach_line(const Breach& b, std::size_t posts_shown) {
  return breach_title(b) + ": " + breach_facts(b, posts_shown);
}

std::string breach_facts(const Breach& b, std::size_t posts_shown) {
  std::string s = breach_detail(b);
  if (const auto* r = std::get_if<RuleFound>(&b.what); r && !r->posts.empty()) {
    s += " (posts: ";
    for (std::size_t k = 0; k < r->posts.size() && k < posts_shown; ++k) {
      s += (k ? ", " : "") + r->posts[k].id;
    }
    if (r->posts.size() > posts_shown) {
      s += " and " + std::to_string(r->posts.size() - posts_shown) + " more";
    }
    s += ")";
  }
  return s;
}

}  // namespace remit
