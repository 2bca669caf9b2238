#include "report/difference_report.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/terminal.hpp"
#include "source/display.hpp"

namespace remit {
namespace {

std::string join(const std::vector<std::string>& ids) {
  std::string s;
  for (const std::string& id : ids) s += (s.empty() ? "" : " -> ") + id;
  return s;
}

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void text(std::ostream& out, const std::string& title, const Difference& d, const Limits& limits,
          const TextStyle& style) {
  const std::size_t lines_shown = limits.line_changes_shown;
  // A scenario's name is the policy's text.
  out << paint_lines(wrap(display_text(title), style.width, "", "  "), Paint::emphasis, style);
  if (d.empty()) {
    out << "\n"
        << wrap(
               "No change: the same posts are restricted in the same categories, the same "
               "breaches stand and no line of management moves.",
               style.width, "", "");
    return;
  }
  // `what`: the heading's colour (new breaches in the colour of check's "breach:").
  auto section = [&](const char* heading, const auto& list, auto&& row,
                     Paint what = Paint::heading) {
    if (list.empty()) return;
    out << "\n"
        << paint(std::string(heading) + " (" + std::to_string(list.size()) + "):", what, style)
        << "\n";
    for (const auto& item : list) out << wrap_lines("  " + row(item), style.width);
  };
  auto name = [](const CategoryChange& c) {
    return display_text(c.id) + " \"" + display_text(c.title) + "\"";
  };
  section("Posts that change category", d.changed, [&](const CategoryChange& c) {
    // Kept on one line when the row is wrapped.
    return name(c) + ": " +
           glued("category " + std::to_string(c.before) + " -> " + std::to_string(c.after));
  });
  section("Posts that become politically restricted", d.entered, [&](const CategoryChange& c) {
    return name(c) + ": " +
           glued("category " + std::to_string(c.after) + (c.existed_before ? "" : " (new post)"));
  });
  section("Posts that are no longer politically restricted", d.left, [&](const CategoryChange& c) {
    return name(c) + ": " +
           glued("was category " + std::to_string(c.before) +
                 (c.exists_after ? "" : " (post removed)"));
  });
  const std::size_t posts_shown = limits.posts_shown_per_changed_breach;
  auto line = [&](const Breach& b) { return display_text(breach_line(b, posts_shown)); };
  section("Breaches that appear", d.breaches_appeared, line, Paint::breach);
  section("Breaches that disappear", d.breaches_disappeared, line);
  // A breach that stands before and after, but not as it was: the details after, under it.
  section("Breaches that change", d.breaches_changed, [&](const BreachChange& c) {
    return line(c.before) + "\n    becomes: " + display_text(breach_facts(c.after, posts_shown));
  });
  if (!d.lines.empty()) {
    out << "\n"
        << paint("Lines of management that change (" + std::to_string(d.lines.size()) + "):",
                 Paint::heading, style)
        << "\n";
    for (std::size_t k = 0; k < d.lines.size() && k < lines_shown; ++k) {
      const LineChange& l = d.lines[k];
      std::string change = "  " + l.id + ": " +
                           (l.before.size() > 1 ? join(l.before) : l.id + " (no manager)") +
                           "\n    becomes " + (l.after.empty() ? "(removed)" : join(l.after));
      if (l.posts_below) change += "  (and " + count(l.posts_below, "post", "posts") + " below it)";
      out << wrap_lines(change, style.width);
    }
    if (d.lines.size() > lines_shown) {
      out << "  and " << d.lines.size() - lines_shown << " more (see --format json)\n";
    }
  }
}

void json(std::ostream& out, const std::string& title, const Difference& d) {
  using J = nlohmann::ordered_json;
  auto posts = [](const std::vector<CategoryChange>& list) {
    J a = J::array();
    for (const CategoryChange& c : list) {
      J j{{"id", c.id}, {"title", c.title}};
      j["before"] = c.before ? J(c.before) : J(nullptr);
      j["after"] = c.after ? J(c.after) : J(nullptr);
      j["existed_before"] = c.existed_before;
      j["exists_after"] = c.exists_after;
      a.push_back(std::move(j));
    }
    return a;
  };
  J lines = J::array();
  for (const LineChange& l : d.lines) {
    lines.push_back(
        {{"id", l.id}, {"before", l.before}, {"after", l.after}, {"posts_below", l.posts_below}});
  }
  auto lines_of = [](const std::vector<Breach>& list) {
    J a = J::array();
    for (const Breach& b : list) a.push_back(breach_line(b, SIZE_MAX));
    return a;
  };
  J changed = J::array();
  for (const BreachChange& c : d.breaches_changed) {
    changed.push_back(
        {{"before", breach_line(c.before, SIZE_MAX)}, {"after", breach_line(c.after, SIZE_MAX)}});
  }
  J doc{{"title", title},
        {"changed", posts(d.changed)},
        {"entered", posts(d.entered)},
        {"left", posts(d.left)},
        {"breaches_appeared", lines_of(d.breaches_appeared)},
        {"breaches_disappeared", lines_of(d.breaches_disappeared)},
        {"breaches_changed", std::move(changed)},
        {"lines", std::move(lines)}};
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

void write_difference(std::ostream& out, const std::string& title, const Difference& diff,
                      Format format, const Limits& limits, const TextStyle& style) {
  if (format == Format::json) {
    json(out, title, diff);
  } else {
    text(out, title, diff, limits, style);
  }
}

}  // namespace remit
