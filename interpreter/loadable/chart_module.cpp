// The chart module's entry (libremit_chart.so: Graphviz).
#include "loadable/module_sides.hpp"
#include "loadable/modules.hpp"

extern "C" __attribute__((visibility("default"))) const void* remit_chart_module() {
  static const remit::loadable::ChartModule table{
      .abi = remit::loadable::abi_version,
      .render_svg = remit::module::render_svg_with_graphviz,
  };
  return &table;
}
