#include "report/org_chart.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "evaluate/evaluator.hpp"
#include "report/chart_layout.hpp"
#include "resolve/organisation.hpp"
#include "resolve/resolver.hpp"
#include "resolve/shares.hpp"
#include "resolve/suggest.hpp"
#include "source/display.hpp"

namespace remit {
namespace {

// ---- choosing the boxes -------------------------------------------------------------------

bool live(const Unit& u) {
  return !u.removed();
}

// The short label of a designation of the standard library (stdlib/uk/roles.remit), as
// councils abbreviate them; any other designation is shown by its name.
std::string short_designation(std::string_view id, std::string_view label) {
  static const std::pair<std::string_view, std::string_view> known[] = {
      {"head_of_paid_service", "HoPS"},
      {"section_151_officer", "s.151 / CFO"},
      {"monitoring_officer", "MO"},
      {"director_of_childrens_services", "DCS"},
      {"director_of_adult_social_services", "DASS"},
      {"director_of_public_health", "DPH"},
      {"political_assistant", "Pol. assistant"},
      {"chief_social_work_officer", "CSWO"},
  };
  for (const auto& [name, abbreviation] : known) {
    if (name == id) return std::string(abbreviation);
  }
  return std::string(label.empty() ? id : label);
}

std::string share_text(const Line& l) {
  if (!l.carries_duties() || l.share.parts == l.share.whole) return {};
  return percent_text(l.share.parts, l.share.whole);
}

// The line that places `u` under a manager in the layout: its duty-carrying line with the
// largest share (the first on a tie) to a unit that is drawn.
template <typename Drawn>
const Line* placing_line(const Organisation& org, UnitIndex u, const Drawn& drawn) {
  const Line* best = nullptr;
  for (const Line& l : org.lines.from(u)) {
    if (!l.carries_duties() || !drawn(l.to)) continue;
    if (!best || l.share.parts > best->share.parts) best = &l;
  }
  return best;
}

std::string count_text(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// The units to draw, in the order they are found, and for --depth the units whose reports are
// cut, with how many posts are under them and not drawn.
struct Selection {
  std::vector<UnitIndex> units;
  std::vector<std::pair<UnitIndex, std::size_t>> cut;
};

// Calls f(report) for every live unit with a duty-carrying line into `v`.
template <typename F>
void for_each_report(const Organisation& org, UnitIndex v, F&& f) {
  org.lines.for_each_into(v, [&](LineId, const Line& l) {
    if (l.carries_a_share() && live(org.units[l.from])) f(l.from);
  });
}

// Every live post, and the bodies posts report to. `limited`: refuse more than the limit (with
// --depth the tops' levels are counted instead).
Selection select_all(const Organisation& org, const Limits& limits, bool limited = true) {
  // Bodies are drawn when some post reports to them (a body nobody reports to is no box).
  std::vector<bool> reported_to(org.size(), false);
  org.lines.for_each([&](LineId, const Line& l) {
    if (live(org.units[l.from])) reported_to[l.to] = true;
  });
  Selection s;
  std::size_t posts = 0;
  for (UnitIndex u = 0; u < org.size(); ++u) {
    const Unit& unit = org.units[u];
    if (!live(unit) || (unit.is_body() && !reported_to[u])) continue;
    if (!unit.is_body()) ++posts;
    s.units.push_back(u);
  }
  if (limited && s.units.size() > limits.max_chart_boxes) {
    throw ChartError("the structure has " + count_text(posts, "post", "posts") +
                     ", more than the " + std::to_string(limits.max_chart_boxes) +
                     " boxes a chart draws: draw a part of it with --root POST (a post and "
                     "everything under it), and --depth N to draw N levels under it");
  }
  return s;
}

// How many live units are under `v` and not drawn.
std::size_t hidden_under(const Organisation& org, UnitIndex v, const std::vector<bool>& drawn) {
  std::vector<bool> seen(org.size(), false);
  std::vector<UnitIndex> todo{v};
  std::size_t n = 0;
  while (!todo.empty()) {
    const UnitIndex at = todo.back();
    todo.pop_back();
    for_each_report(org, at, [&](UnitIndex r) {
      if (drawn[r] || seen[r]) return;
      seen[r] = true;
      ++n;
      todo.push_back(r);
    });
  }
  return n;
}

Selection select_under(const Organisation& org, const Limits& limits, std::string_view root_id,
                       std::optional<std::uint32_t> depth) {
  const auto root = org.find_unit(root_id);
  if (!root || !live(org.units[*root])) {
    throw ChartError("--root: no post with id '" + std::string(root_id) + "'" +
                     did_you_mean(root_id, org.unit_ids()));
  }
  Selection s;
  std::vector<bool> drawn(org.size(), false);
  std::vector<std::uint32_t> level(org.size(), 0);
  // Breadth first, so that --depth counts the shortest way down from the root.
  std::deque<UnitIndex> todo{*root};
  drawn[*root] = true;
  std::vector<UnitIndex> at_depth;
  while (!todo.empty()) {
    const UnitIndex v = todo.front();
    todo.pop_front();
    s.units.push_back(v);
    if (depth && level[v] >= *depth) {
      at_depth.push_back(v);
      continue;
    }
    for_each_report(org, v, [&](UnitIndex r) {
      if (drawn[r]) return;
      drawn[r] = true;
      level[r] = level[v] + 1;
      todo.push_back(r);
    });
    if (s.units.size() + todo.size() > limits.max_chart_boxes) {
      throw ChartError(
          "more than " + std::to_string(limits.max_chart_boxes) + " posts are under '" +
          std::string(root_id) + "', more than a chart draws: " +
          (depth ? "give a smaller --depth" : "give --depth N to draw N levels under it") +
          ", or a --root lower down");
    }
  }
  for (UnitIndex v : at_depth) {
    if (std::size_t n = hidden_under(org, v, drawn)) s.cut.emplace_back(v, n);
  }
  return s;
}

Selection select(const Organisation& org, const Limits& limits, const ChartOptions& options) {
  if (options.root) return select_under(org, limits, *options.root, options.depth);
  if (options.depth) {
    // --depth without --root: under each top unit (a unit with no line up to a drawn one).
    Selection all = select_all(org, limits, false);
    std::vector<bool> in(org.size(), false);
    for (UnitIndex u : all.units) in[u] = true;
    auto drawn = [&](UnitIndex u) { return bool(in[u]); };
    Selection s;
    std::vector<bool> taken(org.size(), false);
    for (UnitIndex u : all.units) {
      if (placing_line(org, u, drawn)) continue;
      Selection part = select_under(org, limits, org.units[u].id(), options.depth);
      for (UnitIndex v : part.units) {
        if (!taken[v]) s.units.push_back(v), taken[v] = true;
      }
      s.cut.insert(s.cut.end(), part.cut.begin(), part.cut.end());
      if (s.units.size() + s.cut.size() > limits.max_chart_boxes) {
        throw ChartError("the top " + std::to_string(*options.depth + 1) +
                         " levels of the structure hold more than " +
                         std::to_string(limits.max_chart_boxes) +
                         " posts, more than a chart draws: give a smaller --depth, or a --root");
      }
    }
    return s;
  }
  return select_all(org, limits);
}

// ---- building the chart --------------------------------------------------------------------

struct Builder {
  const Run& run;
  const Organisation& org;
  Chart chart;
  std::unordered_map<UnitIndex, std::size_t> box_of;  // unit -> box
  std::unordered_map<std::string, std::size_t> box_of_id;

  explicit Builder(const Run& r) : run(r), org(r.resolved().organisation) {}

  [[nodiscard]] bool drawn(UnitIndex u) const { return box_of.contains(u); }

  void add_boxes(const Selection& s) {
    const ast::Program& program = run.program();
    const auto& listed = run.evaluator().result().listed;
    for (UnitIndex u : s.units) {
      const Unit& unit = org.units[u];
      ChartBox box;
      box.id = unit.id();
      box.title = unit.title();
      box.service = unit.service();
      box.body = unit.is_body();
      if (!box.body && u < listed.size() && listed[u] != not_listed) {
        const ast::CategoryDecl& c = program.categories[listed[u]];
        box.category = c.number;
        box.category_label = c.label.text;
      }
      box_of.emplace(u, chart.boxes.size());
      box_of_id.emplace(box.id, chart.boxes.size());
      chart.boxes.push_back(std::move(box));
    }
    // Designations, each in its order of declaration.
    for (SymbolId d = 0; d < org.designations.size(); ++d) {
      bool shown = false;
      const std::string_view name = org.designations.names[d];
      const std::string_view label = program.vocabulary[org.designations.decls[d]].label.text;
      const std::string abbreviation = short_designation(name, label);
      for (UnitIndex u : org.designated[d]) {
        auto it = box_of.find(u);
        if (it == box_of.end()) continue;
        chart.boxes[it->second].designations.push_back(abbreviation);
        shown = true;
      }
      if (shown && abbreviation != label) {
        chart.designations.emplace_back(abbreviation, std::string(label));
      }
    }
    for (const auto& [u, n] : s.cut) {
      ChartBox more;
      more.hidden_below = n;
      more.title = "+" + count_text(n, "more post", "more posts");
      const std::size_t at = chart.boxes.size();
      chart.boxes.push_back(std::move(more));
      chart.lines.push_back(ChartLine{.from = box_of.at(u), .to = at, .share = {}, .places = true});
    }
  }

  void add_lines(const Selection& s) {
    auto is_drawn = [&](UnitIndex u) { return drawn(u); };
    for (UnitIndex u : s.units) {
      const Line* placing = placing_line(org, u, is_drawn);
      for (const Line& l : org.lines.from(u)) {
        if (!drawn(l.to)) continue;
        chart.lines.push_back(ChartLine{.from = box_of.at(l.to),
                                        .to = box_of.at(u),
                                        .kind = l.kind,
                                        .share = share_text(l),
                                        .places = &l == placing});
      }
    }
  }

  void add_breaches(Run& r) {
    for (const Breach& b : breach_values(r)) {
      const std::string title = breach_title(b);
      chart.breaches.push_back(title);
      auto mark = [&](const std::string& id) {
        auto it = box_of_id.find(id);
        if (it == box_of_id.end()) return;
        auto& list = chart.boxes[it->second].breaches;
        if (std::find(list.begin(), list.end(), title) == list.end()) list.push_back(title);
      };
      if (const auto* i = std::get_if<IncompatibilityFound>(&b.what)) {
        for (const BreachHolding& h : i->holdings) mark(h.post.id);
      } else if (const auto* f = std::get_if<RuleFound>(&b.what)) {
        for (const BreachPost& p : f->posts) mark(p.id);
      }
    }
  }

  void add_legend_categories() {
    std::vector<LegendCategory> used;
    for (const ChartBox& b : chart.boxes) {
      for (std::optional<std::uint32_t> n : {b.category, b.category_before}) {
        if (!n || *n == 0) continue;
        if (std::any_of(used.begin(), used.end(), [&](auto& c) { return c.number == *n; })) {
          continue;
        }
        std::string label = b.category == n ? b.category_label : std::string();
        used.push_back(LegendCategory{*n, label});
      }
    }
    // A category only seen before a change has its label from the program.
    for (LegendCategory& c : used) {
      if (!c.label.empty()) continue;
      for (const ast::CategoryDecl& d : run.program().categories) {
        if (d.number == c.number) c.label = d.label.text;
      }
    }
    std::sort(used.begin(), used.end(),
              [](const auto& a, const auto& b) { return a.number < b.number; });
    chart.categories = std::move(used);
  }
};

// The manager ids and kinds of a post's lines, as a diff compares them.
std::vector<std::string> line_signature(const Organisation& org, UnitIndex u) {
  std::vector<std::string> out;
  for (const Line& l : org.lines.from(u)) {
    out.push_back(std::string(org.units[l.to].id()) + '\n' +
                  std::to_string(static_cast<int>(l.kind)) + '\n' + share_text(l));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<UnitIndex> live_unit(const Organisation& org, std::string_view id) {
  auto u = org.find_unit(id);
  if (!u || !live(org.units[*u]) || org.units[*u].is_body()) return std::nullopt;
  return u;
}

}  // namespace

std::string post_anchor(std::string_view post_id) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(post_id.size());
  for (char ch : post_id) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80 && std::isalnum(c)) {
      out += ch;
    } else if (c == '-') {
      out += '-';
    } else if (c == '_') {
      out += "__";
    } else {
      out += '_';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

std::string_view category_fill(std::uint32_t number) {
  // Paul Tol's "light" scheme, made for colour-blind readers and for labels in black on it.
  static constexpr std::string_view fills[] = {"#77AADD", "#EE8866", "#EEDD88", "#FFAABB",
                                               "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00"};
  constexpr std::size_t n = std::size(fills);
  return fills[(number == 0 ? 0 : number - 1) % n];
}

Chart build_chart(Run& run, const ChartOptions& options) {
  const Organisation& org = run.resolved().organisation;
  Builder b(run);
  const Selection s = select(org, run.limits(), options);
  b.chart.title = org.authority.empty() ? "Organisation chart"
                                        : "Organisation chart: " + std::string(org.authority);
  b.add_boxes(s);
  b.add_lines(s);
  b.add_breaches(run);
  b.add_legend_categories();
  return std::move(b.chart);
}

Chart build_chart(Run& before, Run& after, const Difference& diff, const ChartOptions& options) {
  const Organisation& now = after.resolved().organisation;
  const Organisation& was = before.resolved().organisation;
  Builder b(after);
  const Selection s = select(now, after.limits(), options);
  b.chart.title = now.authority.empty()
                      ? "Organisation chart, after the change"
                      : "Organisation chart, after the change: " + std::string(now.authority);
  b.chart.comparison = true;
  b.add_boxes(s);
  b.add_lines(s);
  b.add_breaches(after);

  // Added and moved posts, by id on both sides.
  for (UnitIndex u : s.units) {
    if (now.units[u].is_body()) continue;
    ChartBox& box = b.chart.boxes[b.box_of.at(u)];
    const auto old = live_unit(was, box.id);
    if (!old) {
      box.change = BoxChange::added;
    } else if (line_signature(was, *old) != line_signature(now, u)) {
      box.change = BoxChange::moved;
      auto any = [](UnitIndex) { return true; };
      if (const Line* l = placing_line(was, *old, any)) box.moved_from = was.units[l->to].id();
    }
  }
  for (const auto* list : {&diff.entered, &diff.left, &diff.changed}) {
    for (const CategoryChange& c : *list) {
      auto it = b.box_of_id.find(c.id);
      if (it == b.box_of_id.end() || !c.existed_before || !c.exists_after) continue;
      b.chart.boxes[it->second].category_before = c.before;
    }
  }

  // Removed posts, greyed at their old place: under their old manager when it is drawn (with
  // --root, only those; without, every removed post).
  const auto& listed_before = before.evaluator().result().listed;
  for (UnitIndex u = 0; u < was.size(); ++u) {
    const Unit& unit = was.units[u];
    if (!live(unit) || unit.is_body() || live_unit(now, unit.id())) continue;
    auto any = [](UnitIndex) { return true; };
    const Line* l = placing_line(was, u, any);
    std::optional<std::size_t> manager;
    if (l) {
      auto it = b.box_of_id.find(std::string(was.units[l->to].id()));
      if (it != b.box_of_id.end()) manager = it->second;
    }
    if (options.root && !manager) continue;
    if (b.chart.boxes.size() >= after.limits().max_chart_boxes) break;
    ChartBox box;
    box.id = unit.id();
    box.title = unit.title();
    box.service = unit.service();
    box.change = BoxChange::removed;
    if (u < listed_before.size() && listed_before[u] != not_listed) {
      const ast::CategoryDecl& c = before.program().categories[listed_before[u]];
      box.category = c.number;
      box.category_label = c.label.text;
    }
    const std::size_t at = b.chart.boxes.size();
    b.box_of_id.emplace(box.id, at);
    b.chart.boxes.push_back(std::move(box));
    if (manager) {
      b.chart.lines.push_back(ChartLine{.from = *manager,
                                        .to = at,
                                        .kind = l->kind,
                                        .share = {},
                                        .places = true,
                                        .removed = true});
    }
  }
  b.add_legend_categories();
  return std::move(b.chart);
}

std::string chart_dot(Run& run, const ChartOptions& options) {
  return chart_dot(build_chart(run, options));
}

std::string chart_svg(Run& run, const ChartOptions& options) {
  return chart_svg(build_chart(run, options));
}

std::string chart_svg(const Chart& chart) {
  return render_svg(chart_dot(chart));
}

}  // namespace remit
