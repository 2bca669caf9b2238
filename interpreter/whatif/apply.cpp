#include "whatif/apply.hpp"

#include <algorithm>
#include <unordered_map>

#include "resolve/shares.hpp"
#include "resolve/suggest.hpp"
#include "source/diagnostic.hpp"

namespace remit {
namespace {

class Editor {
 public:
  Editor(const ast::Program& program, Resolved& r, Diagnostics& diags, const Limits& limits)
      : program_(program), org_(r.organisation), diags_(diags), limits_(limits) {}

  bool apply(const ast::Edit& e) {
    return std::visit([&](const auto& edit) { return apply_one(edit, e.where); }, e.kind);
  }

  Changes changes() {
    Changes c{org_.lines.replaced_posts(), std::move(facts_)};
    std::sort(c.facts.begin(), c.facts.end());
    c.facts.erase(std::unique(c.facts.begin(), c.facts.end()), c.facts.end());
    return c;
  }

 private:
  std::optional<UnitIndex> post(const ast::Name& name) {
    auto u = org_.find_unit(name.text);
    if (!u) {
      auto ids = [&] { return org_.unit_ids(); };
      diags_.error(name.where,
                   "no post " + in_quotes(name.text) + hint(diags_, unit_names_, ids, name));
      return std::nullopt;
    }
    if (org_.units[*u].is_body()) {
      diags_.error(name.where, in_quotes(name.text) + " is a body, not a post");
      return std::nullopt;
    }
    if (org_.units[*u].removed()) {
      diags_.error(name.where,
                   "post " + in_quotes(name.text) + " was removed earlier in the scenario");
      return std::nullopt;
    }
    return u;
  }

  std::optional<SymbolId> role(const ast::Name& name) {
    auto it = org_.designations.index.find(name.text);
    if (it == org_.designations.index.end()) {
      auto known = [&] { return org_.designations.names; };
      diags_.error(name.where, "unknown designation " + in_quotes(name.text) +
                                   hint(diags_, designation_names_, known, name));
      return std::nullopt;
    }
    return it->second;
  }

  // Replaces u's duty-carrying lines (dotted lines stay) with `lines`.
  bool set_lines(UnitIndex u, std::span<const ast::LineDecl> lines, const ast::Name& who) {
    const DutySplit split = split_duties(lines);
    if (split.over_100_percent()) {
      diags_.error(lines.front().target.where,
                   "the shares of these lines add up to " +
                       ast::basis_points_text(split.explicit_basis_points) + "%, more than 100%");
      return false;
    }
    if (split.too_many_equal_parts()) {
      diags_.error(lines.front().target.where,
                   "these lines are too many to split the duties in equal parts (at most " +
                       std::to_string(max_lines_sharing_duties) + "): give them shares");
      return false;
    }
    std::vector<Line> fresh;
    for (const Line& l : org_.lines.from(u)) {
      if (!l.carries_duties()) fresh.push_back(l);
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      auto target = org_.find_unit(lines[i].target.text);
      if (!target || org_.units[*target].removed()) {
        diags_.error(
            lines[i].target.where,
            "no post or body " + in_quotes(lines[i].target.text) + " to report to" +
                hint(
                    diags_, unit_names_, [&] { return org_.unit_ids(); }, lines[i].target));
        return false;
      }
      if (*target == u) {
        diags_.error(lines[i].target.where,
                     "post " + in_quotes(who.text) + " cannot report to itself");
        return false;
      }
      fresh.push_back(Line{u, *target, lines[i].kind, split.shares[i], lines[i].target.where});
    }
    org_.lines.replace(u, fresh);
    return true;
  }

  bool apply_one(const ast::edit::Move& m, SourceSpan) {
    auto u = post(m.post);
    return u && set_lines(*u, m.lines, m.post);
  }

  // The removed post's reports move up to its manager; with several managers (or none) there
  // is no single place for them, so the user must move them first.
  bool apply_one(const ast::edit::RemovePost& r, SourceSpan where) {
    auto u = post(r.post);
    if (!u) return false;
    // Its managers: the distinct posts its duty-carrying lines go to (a reporting and an
    // accountability line to one manager are one manager). Dotted lines into it carry no
    // duties, so they are dropped with it rather than moved.
    std::vector<UnitIndex> managers;
    for (const Line& l : org_.lines.from(*u)) {
      const bool known = std::find(managers.begin(), managers.end(), l.to) != managers.end();
      if (l.carries_duties() && !known) managers.push_back(l.to);
    }
    std::vector<UnitIndex> reports, below;  // below: every post with a line into it
    org_.lines.for_each_into(*u, [&](LineId, const Line& l) {
      if (l.carries_duties()) reports.push_back(l.from);
      below.push_back(l.from);
    });
    if (!reports.empty() && managers.size() != 1) {
      std::string names;
      const std::size_t shown = limits_.reports_shown_on_remove;
      for (std::size_t n = 0; n < reports.size() && n < shown; ++n) {
        names += (n ? ", " : "") + std::string(org_.units[reports[n]].id());
      }
      diags_.error(
          where,
          "cannot remove " + in_quotes(r.post.text) + ": " +
              (managers.empty() ? "it reports to no one, " : "it reports to more than one post, ") +
              "so its reports (" + names +
              (reports.size() > shown ? " and " + std::to_string(reports.size() - shown) + " more"
                                      : "") +
              ") have nowhere to go; move them first");
      return false;
    }
    std::sort(below.begin(), below.end());
    below.erase(std::unique(below.begin(), below.end()), below.end());
    for (UnitIndex b : below) {
      std::vector<Line> kept;
      for (Line l : org_.lines.from(b)) {
        if (l.to != *u) {
          kept.push_back(l);
        } else if (l.carries_duties()) {
          l.to = managers.front();
          kept.push_back(l);
        }
      }
      org_.lines.replace(b, kept);
    }
    org_.lines.replace(*u, {});
    std::erase_if(org_.holdings.edit(), [&](const Holding& h) { return h.post == *u; });
    for (auto& posts : org_.designated.edit()) std::erase(posts, *u);
    for (auto& posts : org_.with_duty.edit()) std::erase(posts, *u);
    org_.units.edit()[*u].set_removed();
    facts_.push_back(*u);
    return true;
  }

  bool apply_one(const ast::edit::AddPost& a, SourceSpan) {
    const ast::PostDecl& d =
        *org_.added_posts.emplace_back(std::make_shared<ast::PostDecl>(a.post));
    if (org_.find_unit(d.id.text)) {
      diags_.error(d.id.where, "there is already a post " + in_quotes(d.id.text));
      return false;
    }
    const UnitIndex u = static_cast<UnitIndex>(org_.units.size());
    org_.add_unit(Unit::of(d));
    unit_names_.reset();  // a later typo may be of this post's id
    facts_.push_back(u);
    bool ok = true;
    for (const ast::Name& n : program_.designations(d)) {
      if (auto s = role(n)) {
        org_.designated.edit()[*s].push_back(u);
      } else {
        ok = false;
      }
    }
    for (const ast::Name& n : program_.duties(d)) {
      auto it = org_.duties.index.find(n.text);
      if (it == org_.duties.index.end()) {
        auto known = [&] { return org_.duties.names; };
        diags_.error(n.where,
                     "unknown duty " + in_quotes(n.text) + hint(diags_, duty_names_, known, n));
        ok = false;
        continue;
      }
      org_.with_duty.edit()[it->second].push_back(u);
    }
    for (const ast::Holding& h : program_.holders(d)) {
      ok = assign(h.post /* the person's id */, u, h.kind, h.post.where) && ok;
    }
    return set_lines(u, program_.lines(d), d.id) && ok;
  }

  bool apply_one(const ast::edit::Designate& d, SourceSpan) {
    auto u = post(d.post);
    auto s = role(d.role);
    if (!u || !s) return false;
    const auto& posts = org_.designated[*s];
    if (std::find(posts.begin(), posts.end(), *u) == posts.end()) {
      org_.designated.edit()[*s].push_back(*u);
      facts_.push_back(*u);
    }
    return true;
  }

  bool apply_one(const ast::edit::Undesignate& d, SourceSpan where) {
    auto u = post(d.post);
    auto s = role(d.role);
    if (!u || !s) return false;
    const auto& posts = org_.designated[*s];
    if (std::find(posts.begin(), posts.end(), *u) == posts.end()) {
      diags_.error(
          where, "post " + in_quotes(d.post.text) + " is not designated " + in_quotes(d.role.text));
      return false;
    }
    std::erase(org_.designated.edit()[*s], *u);
    facts_.push_back(*u);
    return true;
  }

  bool apply_one(const ast::edit::Assign& a, SourceSpan where) {
    auto u = post(a.post);
    return u && assign(a.person, *u, a.kind, where);
  }

  bool assign(const ast::Name& person_id, UnitIndex u, ast::HoldingKind kind, SourceSpan where) {
    auto ids = [&] { return org_.person_ids(); };
    const std::optional<std::uint32_t> person = org_.find_person(person_id.text);
    if (!person) {
      diags_.error(person_id.where, "no person " + in_quotes(person_id.text) +
                                        hint(diags_, person_names_, ids, person_id));
      return false;
    }
    if (org_.units[u].vacant()) org_.units.edit()[u].set_vacant(false);  // filled now
    const std::uint32_t index = *person;
    org_.holdings.edit().push_back(Holding{index, u, kind, where});
    facts_.push_back(u);
    return true;
  }

  const ast::Program& program_;
  Organisation& org_;
  Diagnostics& diags_;
  const Limits& limits_;
  std::vector<UnitIndex> facts_;  // see Changes::facts
  // Known names, for suggestions: made on the first unknown name of each kind.
  std::optional<Suggester> unit_names_, designation_names_, duty_names_, person_names_;
};

}  // namespace

std::optional<Changes> apply_edits(const ast::Program& program, const ast::ScenarioDecl& scenario,
                                   Resolved& resolved, Diagnostics& diags, const Limits& limits) {
  Editor editor(program, resolved, diags, limits);
  bool ok = true;
  for (const ast::Edit& e : scenario.edits) ok = editor.apply(e) && ok;
  if (!ok) return std::nullopt;
  return editor.changes();
}

}  // namespace remit
