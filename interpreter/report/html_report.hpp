// The committee report: one self-contained HTML page (style, chart and the one small script
// inline; nothing fetched) that a council can attach to a committee paper or publish. The list
// of politically restricted posts in the layout councils publish, each post's reason in plain
// words with the technical explanation one click further, where the policy departs from the
// Act, the breaches, and the org chart. `remit whatif` and `remit diff` write their comparison
// as a page of the same style. Accessible (WCAG 2.1 AA: landmarks, headings in order, table
// headers, native <details> for every collapsible part) and printable (report.css).
#pragma once

#include <string>

#include "remit/remit.hpp"
#include "report/departures.hpp"
#include "report/org_chart.hpp"
#include "whatif/compare.hpp"

namespace remit {

struct ReportOptions {
  std::string date;  // YYYY-MM-DD, shown as "27 November 2026"
  // The org chart as inline SVG (report/org_chart.hpp), its boxes with ids "box-<anchor>" and
  // links to "#post-<anchor>" (post_anchor); empty: no chart section.
  std::string chart_svg;
};

std::string html_report(Run& run, const PolicyDepartures& departures, const ReportOptions& options);

// `remit whatif … --format html`, `remit diff … --format html`: the comparison's posts that
// enter, leave or change category (old -> new), breaches that appear, go or change, and lines
// of management that change.
std::string html_difference(const std::string& title, const Difference& diff,
                            const ReportOptions& options);

// Leaves linked only the chart's boxes that html_difference gives a row (the posts whose
// category changed), so that no link on the page leads nowhere.
void link_changed_posts_only(Chart& chart, const Difference& diff);

// "2026-11-27" -> "27 November 2026"; empty when `date` is not a real date in that form.
std::string long_date(std::string_view date);

}  // namespace remit
