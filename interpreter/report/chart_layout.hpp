// The one place that calls Graphviz (libgvc, in-process): lays out an org chart's DOT text
// with the `dot` engine and renders it as SVG in memory.
#pragma once

#include <string>
#include <string_view>

namespace remit {

// The SVG of the laid-out `dot`, from its `<svg` element on: no XML prolog, DOCTYPE or
// comments (the DOCTYPE names an external DTD), so the text is self-contained and can be
// inlined in HTML. Throws ChartError (report/org_chart.hpp), with Graphviz's own words, when the
// layout or rendering plugins cannot be loaded or the layout fails; never returns an empty text.
std::string render_svg(std::string_view dot);

}  // namespace remit
