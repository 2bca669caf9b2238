// `remit graph`: the org chart of a run as a value (boxes and lines), written as Graphviz DOT.
// Each post is a box coloured by the category it is listed in, with a text badge ("Cat 3") so
// that colour is never the only cue; statutory designations, breaches and (for a what-if or a
// diff) what changed are written in the box too. Nothing here needs Graphviz: chart_svg hands
// the DOT to report/chart_layout.hpp, the only place that calls it.
//
// Graphviz's `dot` puts all of a manager's reports on one rank, so a manager of 30 is a row of
// 30 boxes. Org-chart tools stack the posts that have no reports of their own under their
// manager instead; the DOT does the same by chaining them with invisible edges into a few
// columns (ChartStyle::leaves_per_column).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"
#include "remit/remit.hpp"
#include "whatif/compare.hpp"

namespace remit {

// A chart that cannot be drawn as asked (an unknown --root, too many boxes, Graphviz missing
// or failing): the message is for the user, without "remit: error: ".
class ChartError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ChartOptions {
  std::optional<std::string> root;     // draw this post and everything under it
  std::optional<std::uint32_t> depth;  // at most this many levels under the root (or the top)
};

// A string of [A-Za-z0-9_-] naming the post, different for different ids (injective), for
// the SVG's `box-<anchor>` and the HTML report's `post-<anchor>`. Letters, digits and '-' stay
// as they are; '_' is "__" and any other byte "_XX" (its hex value), so an anchor reads back.
std::string post_anchor(std::string_view post_id);

// What a what-if or a diff did to a box.
enum class BoxChange : std::uint8_t { none, added, moved, removed };

struct ChartBox {
  std::string id;  // the post's or body's id; empty for a summary box
  std::string title;
  std::string service;
  bool body = false;                      // the council or a committee, not a post
  std::optional<std::uint32_t> category;  // the number of the category it is listed in
  std::string category_label;
  // A diff: the category before, when it changed (0: it was not listed).
  std::optional<std::uint32_t> category_before;
  std::vector<std::string> designations;  // short labels: "HoPS", "MO", "s.151 / CFO"
  std::vector<std::string> breaches;      // the rules it breaks (breach_title)
  BoxChange change = BoxChange::none;
  std::string moved_from;        // BoxChange::moved: the id of its manager before
  std::size_t hidden_below = 0;  // a summary box: "+N more posts" cut by --depth
  // Whether the box links to its post's row on a page ("#post-<anchor>"): a what-if or diff
  // page has rows only for the posts whose category changed.
  bool linked = true;
};

struct ChartLine {
  std::size_t from = 0;  // the box of the manager (or body)
  std::size_t to = 0;    // the box of the post that reports
  ast::LineKind kind = ast::LineKind::reports;
  std::string share;     // "60%"; empty for all of the duties, and for a dotted line
  bool places = false;   // the line that places the box under its manager in the layout
  bool removed = false;  // a line of a removed post (a diff)
};

struct LegendCategory {
  std::uint32_t number = 0;
  std::string label;
};

struct Chart {
  std::string title;  // the authority, or what was compared
  std::vector<ChartBox> boxes;
  std::vector<ChartLine> lines;
  std::vector<LegendCategory> categories;  // the categories some box is listed in, by number
  // The designations shown, as (short label, full name), for the legend.
  std::vector<std::pair<std::string, std::string>> designations;
  std::vector<std::string> breaches;  // every rule broken, in `remit check` order
  bool comparison = false;            // a what-if or a diff: the legend explains the changes
};

// The chart of a run, as `remit graph` draws it. Throws ChartError for an unknown root, or more
// boxes than Limits::max_chart_boxes.
Chart build_chart(Run& run, const ChartOptions& options);
// The after-state of a what-if or a diff, with the added, moved and removed posts and the
// changed categories (`diff` is compare(before, after)) marked.
Chart build_chart(Run& before, Run& after, const Difference& diff, const ChartOptions& options);

// The chart as DOT text (deterministic: the same chart gives the same bytes).
std::string chart_dot(const Chart& chart);
// Laid out by Graphviz and rendered as a self-contained SVG document (no external references,
// no XML prolog, so it can be inlined in HTML). Throws ChartError if Graphviz fails.
std::string chart_svg(const Chart& chart);

std::string chart_dot(Run& run, const ChartOptions& options);
std::string chart_svg(Run& run, const ChartOptions& options);

// The fill colours of categories 1, 2, …, in order (a colour-blind-safe palette, Paul Tol's
// "light" scheme), cycled past the last, and the colour of box text on them (WCAG AA: 4.5:1 at
// least, tested).
std::string_view category_fill(std::uint32_t number);
inline constexpr std::string_view chart_text_colour = "#000000";

}  // namespace remit
