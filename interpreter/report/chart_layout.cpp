#include "report/chart_layout.hpp"

#include "loadable/modules.hpp"
#include "report/org_chart.hpp"

namespace remit {

std::string render_svg(std::string_view dot) {
  std::string problem;
  const loadable::ChartModule* module = loadable::chart_module(problem);
  if (!module)
    throw ChartError("cannot lay out the chart: remit's chart support is missing: " + problem);
  std::string svg = module->render_svg(dot, problem);
  if (svg.empty()) throw ChartError(problem);
  return svg;
}

}  // namespace remit
