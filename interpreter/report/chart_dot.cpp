// The org chart (report/org_chart.hpp) written as Graphviz DOT: boxes with HTML-like labels,
// lines styled by kind, a legend, and the stacking of posts without reports.
#include <algorithm>
#include <sstream>

#include "report/org_chart.hpp"
#include "source/display.hpp"

namespace remit {
namespace {

constexpr std::string_view font = "Helvetica,Arial,sans-serif";
constexpr std::string_view unlisted_outline = "#767676";
constexpr std::string_view listed_outline = "#404040";
constexpr std::string_view breach_red = "#C00000";
constexpr std::string_view breach_text = "#A50000";  // 8:1 on white
constexpr std::string_view change_blue = "#1F4E99";
constexpr std::string_view removed_fill = "#F2F2F2";
constexpr std::string_view removed_text = "#595959";  // 6.3:1 on removed_fill
constexpr std::string_view line_colour = "#555555";

// A manager's posts without reports are stacked in columns of at most this many, so that a
// manager of 30 is a few columns of boxes, not a row of 30 (org-chart tools do the same). A
// chart with many such posts (a directorate of hundreds) gets taller columns, about the square
// root of twice their number, so that it grows down as well as across.
constexpr std::size_t leaves_per_column = 8;
std::size_t column_height(std::size_t stacked) {
  std::size_t h = leaves_per_column;
  while (h * h < 2 * stacked) ++h;
  return h;
}
// Titles wrap at this many characters, so that boxes stay narrow.
constexpr std::size_t title_width = 18;

// Text in an HTML-like label: control characters shown as escapes, markup characters as
// entities.
std::string html(std::string_view s) {
  std::string out;
  for (char c : display_text(s)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A DOT quoted string. Graphviz reads backslash sequences in some attributes (\n, \N), so a
// backslash is doubled.
std::string dot_string(std::string_view s) {
  std::string out = "\"";
  for (char c : display_text(s)) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The words of `s` in lines of about `width` characters (a longer word is a line of its own).
std::vector<std::string> wrapped(std::string_view s, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view word = s.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && characters(line) + 1 + characters(word) > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string lines_html(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t k = 0; k < lines.size(); ++k) out += (k ? "<br/>" : "") + html(lines[k]);
  return out;
}

std::string badge(std::string_view text, std::string_view colour = {}) {
  std::string out = "<td border=\"1\" bgcolor=\"#FFFFFF\"";
  if (!colour.empty()) out += " color=\"" + std::string(colour) + "\"";
  out += " cellpadding=\"2\"><font point-size=\"9\"";
  if (!colour.empty()) out += " color=\"" + std::string(colour) + "\"";
  out += ">";
  out += colour.empty() ? html(text) : "<b>" + html(text) + "</b>";
  return out + "</font></td>";
}

std::string category_text(std::optional<std::uint32_t> n) {
  return n && *n != 0 ? "Cat " + std::to_string(*n) : "not listed";
}

std::vector<std::string> badges(const ChartBox& b) {
  std::vector<std::string> out;
  if (b.category_before) {
    out.push_back(badge(category_text(b.category_before) + " \u2192 " + category_text(b.category),
                        change_blue));
  } else if (b.category) {
    out.push_back(badge("Cat " + std::to_string(*b.category)));
  }
  for (const std::string& d : b.designations) out.push_back(badge(d));
  switch (b.change) {
    case BoxChange::added:
      out.push_back(badge("NEW", change_blue));
      break;
    case BoxChange::moved:
      out.push_back(badge("MOVED", change_blue));
      break;
    case BoxChange::removed:
      out.push_back(badge("REMOVED", removed_text));
      break;
    case BoxChange::none:
      break;
  }
  if (!b.breaches.empty()) out.push_back(badge("BREACH", breach_text));
  return out;
}

std::string box_label(const ChartBox& b) {
  std::string out =
      "<<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"1\">"
      "<tr><td align=\"left\" balign=\"left\"><b>" +
      lines_html(wrapped(b.title, title_width)) + "</b></td></tr>";
  if (!b.service.empty()) {
    out += "<tr><td align=\"left\" balign=\"left\"><font point-size=\"9\">" +
           lines_html(wrapped(b.service, title_width)) + "</font></td></tr>";
  }
  if (!b.id.empty()) {
    out += "<tr><td align=\"left\"><font point-size=\"8\">" + html(b.id) + "</font></td></tr>";
  }
  if (b.change == BoxChange::moved && !b.moved_from.empty()) {
    out += "<tr><td align=\"left\"><font point-size=\"8\">was under " + html(b.moved_from) +
           "</font></td></tr>";
  }
  const std::vector<std::string> marks = badges(b);
  constexpr std::size_t per_row = 3;
  if (!marks.empty()) {
    out += "<tr><td align=\"left\"><table border=\"0\" cellspacing=\"2\" cellpadding=\"0\">";
    for (std::size_t k = 0; k < marks.size(); ++k) {
      if (k % per_row == 0) out += (k ? "</tr><tr>" : "<tr>");
      out += marks[k];
    }
    out += "</tr></table></td></tr>";
  }
  return out + "</table>>";
}

std::string tooltip(const ChartBox& b) {
  if (b.id.empty()) return b.title + " under this post (not drawn: --depth)";
  std::string t = b.title + " (" + b.id + ")";
  if (b.body) return t;
  if (b.change == BoxChange::removed) t += ", removed";
  if (b.category_before) {
    t += ": " + category_text(b.category_before) + " \u2192 " + category_text(b.category);
  } else if (b.category) {
    t += ": category " + std::to_string(*b.category) + ", " + b.category_label;
  } else {
    t += ": not politically restricted";
  }
  for (const std::string& r : b.breaches) t += ". Breach of " + r;
  return t;
}

// The class names the HTML report and its stylesheet can select boxes by.
std::string box_class(const ChartBox& b) {
  std::string c = b.id.empty() ? "more" : b.body ? "body" : "post";
  if (b.category) c += " cat-" + std::to_string(*b.category);
  if (!b.breaches.empty()) c += " breach";
  if (b.change == BoxChange::added) c += " added";
  if (b.change == BoxChange::moved) c += " moved";
  if (b.change == BoxChange::removed) c += " removed";
  if (b.category_before) c += " category-changed";
  return c;
}

void write_box(std::ostream& out, std::size_t k, const ChartBox& b) {
  std::string fill = "#FFFFFF", outline = std::string(unlisted_outline), style = "filled";
  std::string pen = "1", font_colour = std::string(chart_text_colour), extra;
  if (b.category) {
    fill = category_fill(*b.category);
    outline = listed_outline;
  }
  if (b.body) {
    fill = removed_fill;
    style += ",rounded";
  }
  if (b.id.empty()) style += ",dashed";
  switch (b.change) {
    case BoxChange::added:
      outline = change_blue, pen = "2", extra += ", peripheries=2";
      break;
    case BoxChange::moved:
      outline = change_blue, pen = "3";
      break;
    case BoxChange::removed:
      fill = removed_fill, outline = removed_text, style += ",dashed", font_colour = removed_text;
      break;
    case BoxChange::none:
      if (b.category_before) outline = change_blue, pen = "3", style += ",diagonals";
      break;
  }
  if (!b.breaches.empty()) outline = breach_red, pen = "4";
  out << "  b" << k << " [";
  if (!b.id.empty()) {
    const std::string anchor = post_anchor(b.id);
    out << "id=\"box-" << anchor << "\", ";
    if (b.linked) out << "URL=\"#post-" << anchor << "\", ";
  } else {
    out << "id=\"more-" << k << "\", ";
  }
  out << "class=\"" << box_class(b) << "\", tooltip=" << dot_string(tooltip(b)) << ", fillcolor=\""
      << fill << "\", color=\"" << outline << "\", penwidth=" << pen << ", style=\"" << style
      << "\", fontcolor=\"" << font_colour << "\"" << extra << ",\n    label=" << box_label(b)
      << "];\n";
}

// The line `l`, from `from` (a junction point) when given, else from its manager's box.
void write_line(std::ostream& out, const ChartLine& l, std::string_view from = {}) {
  std::vector<std::string> attrs;
  std::string label = l.share;
  if (l.kind == ast::LineKind::accountable) {
    attrs.push_back("style=dashed");
    label = "accountable" + (label.empty() ? "" : " " + label);
  } else if (l.kind == ast::LineKind::dotted) {
    attrs.push_back("style=dotted");
    label = "dotted line";
  }
  if (l.removed) attrs.push_back("style=dashed"), attrs.push_back("color=\"#999999\"");
  if (!l.places) attrs.push_back("constraint=false");
  if (!label.empty()) {
    attrs.push_back("label=" + dot_string(label));
    attrs.push_back("fontsize=9");
  }
  if (from.empty()) {
    out << "  b" << l.from;
  } else {
    out << "  " << from;
  }
  out << " -> b" << l.to;
  if (!attrs.empty()) {
    out << " [";
    for (std::size_t k = 0; k < attrs.size(); ++k) out << (k ? ", " : "") << attrs[k];
    out << "]";
  }
  out << ";\n";
}

struct Legend {
  const Chart& chart;
  // Three columns side by side, so that the key is wide and low: categories; kinds of box and
  // designations; lines, changes and breaches.
  std::vector<std::string> rows[3];  // each a key cell and its text cell
  std::size_t section = 0;

  void row(std::string_view key, std::string_view text) {
    rows[section].push_back(std::string(key) + "<td align=\"left\" balign=\"left\">" +
                            lines_html(wrapped(text, 60)) + "</td>");
  }
  static std::string swatch(std::string_view text, std::string_view fill,
                            std::string_view colour = {}, std::string_view style = {}) {
    std::string out = "<td border=\"1\" bgcolor=\"" + std::string(fill) + "\"";
    if (!colour.empty()) out += " color=\"" + std::string(colour) + "\"";
    if (!style.empty()) out += " style=\"" + std::string(style) + "\"";
    return out + ">" + html(text) + "</td>";
  }

  std::string label() {
    bool unlisted = false, body = false, more = false;
    bool kinds[3] = {false, false, false};
    bool changes[4] = {false, false, false, false};
    bool category_changed = false;
    for (const ChartBox& b : chart.boxes) {
      unlisted |= !b.category && !b.body && !b.id.empty();
      body |= b.body;
      more |= b.id.empty();
      changes[static_cast<int>(b.change)] = true;
      category_changed |= b.category_before.has_value();
    }
    for (const ChartLine& l : chart.lines) kinds[static_cast<int>(l.kind)] = true;
    for (const LegendCategory& c : chart.categories) {
      row(swatch("Cat " + std::to_string(c.number), category_fill(c.number)),
          "Category " + std::to_string(c.number) + ": " + c.label);
    }
    section = 1;
    if (unlisted) row(swatch("white", "#FFFFFF", unlisted_outline), "Not politically restricted");
    if (body) row(swatch("grey", removed_fill, {}, "rounded"), "The council or a committee");
    if (more) row(swatch("+N", "#FFFFFF", {}, "dashed"), "Posts below not drawn (--depth)");
    for (const auto& [abbreviation, name] : chart.designations) {
      row(swatch(abbreviation, "#FFFFFF"), name);
    }
    section = 2;
    if (kinds[static_cast<int>(ast::LineKind::accountable)]) {
      row(swatch("- - -", "#FFFFFF"), "Dashed line: accountable to");
    }
    if (kinds[static_cast<int>(ast::LineKind::dotted)]) {
      row(swatch("\u00B7 \u00B7 \u00B7", "#FFFFFF"), "Dotted line: no share of the duties");
    }
    if (std::any_of(chart.lines.begin(), chart.lines.end(),
                    [](const ChartLine& l) { return !l.share.empty(); })) {
      row(swatch("60%", "#FFFFFF"), "The share of the post's duties the line carries");
    }
    if (changes[static_cast<int>(BoxChange::added)]) {
      row(swatch("NEW", "#FFFFFF", change_blue), "Added: double blue outline");
    }
    if (changes[static_cast<int>(BoxChange::moved)]) {
      row(swatch("MOVED", "#FFFFFF", change_blue), "Reports elsewhere: thick blue outline");
    }
    if (category_changed) {
      row(swatch("Cat 4 \u2192 3", "#FFFFFF", change_blue),
          "Category changed (before \u2192 after): blue outline, marked corners");
    }
    if (changes[static_cast<int>(BoxChange::removed)]) {
      row(swatch("REMOVED", removed_fill, removed_text, "dashed"),
          "Removed: grey, dashed, where it was");
    }
    if (!chart.breaches.empty()) {
      std::string rules;
      for (const std::string& r : chart.breaches) rules += (rules.empty() ? "" : "; ") + r;
      row(swatch("BREACH", "#FFFFFF", breach_red),
          "Thick red outline: a post in a breach of " + rules);
    }
    std::size_t height = 0, sections = 0;
    for (const auto& r : rows) {
      height = std::max(height, r.size());
      sections += r.empty() ? 0 : 1;
    }
    std::string table;
    for (std::size_t k = 0; k < height; ++k) {
      table += "<tr>";
      bool first = true;
      for (const auto& r : rows) {
        if (r.empty()) continue;
        // A gap between sections: the text's width is Graphviz's estimate, and a viewer's
        // font may be wider.
        if (!first) table += "<td width=\"24\"></td>";
        first = false;
        table += k < r.size() ? r[k] : "<td></td><td></td>";
      }
      table += "</tr>";
    }
    return "<<table border=\"1\" cellborder=\"0\" cellspacing=\"3\" cellpadding=\"2\" "
           "color=\"#767676\"><tr><td align=\"left\" colspan=\"" +
           std::to_string(3 * sections - 1) + "\"><b>Key</b></td></tr>" + table + "</table>>";
  }
};

}  // namespace

std::string chart_dot(const Chart& chart) {
  std::ostringstream out;
  out << "digraph org_chart {\n"
      << "  graph [id=\"org-chart\", fontname=\"" << font << "\", fontsize=20, label=<<b>"
      << html(chart.title)
      << "</b>>, labelloc=t, rankdir=TB, ordering=out, nodesep=0.15, ranksep=0.3, "
         "pad=0.3, bgcolor=\"#FFFFFF\"];\n"
      << "  node [shape=box, fontname=\"" << font << "\", fontsize=10, margin=\"0.06,0.03\"];\n"
      << "  edge [dir=none, color=\"" << line_colour << "\", fontname=\"" << font
      << "\", penwidth=1.2];\n";
  for (std::size_t k = 0; k < chart.boxes.size(); ++k) write_box(out, k, chart.boxes[k]);

  // The placing lines by manager, in the order of the boxes; a box with none of its own below
  // it is a leaf, and the leaves of one manager are stacked.
  std::vector<std::vector<std::size_t>> placed(chart.boxes.size());
  for (std::size_t k = 0; k < chart.lines.size(); ++k) {
    if (chart.lines[k].places) placed[chart.lines[k].from].push_back(k);
  }
  std::size_t stacked = 0;
  for (std::size_t m = 0; m < chart.boxes.size(); ++m) {
    const auto leaves = std::count_if(placed[m].begin(), placed[m].end(), [&](std::size_t k) {
      return placed[chart.lines[k].to].empty();
    });
    if (leaves >= 2) stacked += static_cast<std::size_t>(leaves);
  }
  const std::size_t height = column_height(stacked);
  for (std::size_t m = 0; m < chart.boxes.size(); ++m) {
    std::vector<std::size_t> leaves, others;
    for (std::size_t k : placed[m]) {
      (placed[chart.lines[k].to].empty() ? leaves : others).push_back(k);
    }
    if (leaves.size() < 2) {
      for (std::size_t k : placed[m]) write_line(out, chart.lines[k]);
      continue;
    }
    for (std::size_t k : others) write_line(out, chart.lines[k]);
    // Each column hangs from a vertical line under the manager (a chain of junction points,
    // one on each leaf's rank), with a short line across to each leaf, as org charts draw it.
    const std::size_t columns = (leaves.size() + height - 1) / height;
    const std::size_t rows = (leaves.size() + columns - 1) / columns;
    for (std::size_t k = 0; k < leaves.size(); ++k) {
      const ChartLine& l = chart.lines[leaves[k]];
      // Built piece by piece: GCC 12 warns falsely (-Wrestrict) on "j" + std::to_string(…).
      std::string junction = "j";
      junction += std::to_string(m);
      junction += '_';
      junction += std::to_string(k);
      out << "  " << junction << " [shape=point, width=0.02, height=0.02, label=\"\", color=\""
          << line_colour << "\"];\n";
      if (k % rows == 0) {
        out << "  b" << m << " -> " << junction << ";\n";
      } else {
        out << "  j" << m << "_" << k - 1 << " -> " << junction << " [weight=10];\n";
        // The boxes too, so that each stays beside its junction, in its column.
        out << "  b" << chart.lines[leaves[k - 1]].to << " -> b" << l.to
            << " [style=invis, weight=10];\n";
      }
      out << "  { rank=same; " << junction << "; b" << l.to << "; }\n";
      ChartLine across = l;
      across.places = true;  // a line within one rank: no constraint to lift
      write_line(out, across, junction);
    }
  }
  for (const ChartLine& l : chart.lines) {
    if (!l.places) write_line(out, l);
  }

  Legend legend{chart, {}};
  out << "  legend [id=\"chart-key\", shape=plain, fontsize=10, label=" << legend.label() << "];\n";
  out << "}\n";
  return out.str();
}

}  // namespace remit
