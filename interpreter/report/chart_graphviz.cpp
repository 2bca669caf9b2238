// Lays out a chart with Graphviz. Part of the chart module (libremit_chart.so,
// loadable/loadable.hpp), not of remit itself.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>

#include "loadable/module_sides.hpp"

namespace remit::module {
namespace {

// Graphviz reports errors and warnings through one process-wide callback: while a chart is laid
// out, they are collected here instead of going to standard error, and said in the ChartError.
std::string* collected = nullptr;

int collect(char* message) {
  if (collected && message) *collected += message;
  return 0;
}

class CollectedErrors {
 public:
  CollectedErrors() : previous_(agseterrf(collect)) {
    collected = &text_;
    agreseterrors();
  }
  ~CollectedErrors() {
    agseterrf(previous_);
    collected = nullptr;
  }
  CollectedErrors(const CollectedErrors&) = delete;
  CollectedErrors& operator=(const CollectedErrors&) = delete;

  // What Graphviz said, on one line.
  [[nodiscard]] std::string text() const {
    std::string t;
    for (char c : text_) t += (c == '\n' || c == '\r') ? ' ' : c;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    return t.empty() ? "no reason given" : t;
  }

 private:
  agusererrf previous_;
  std::string text_;
};

struct CloseGraph {
  void operator()(graph_t* g) const { agclose(g); }
};

// The advice for a Graphviz that cannot lay out or render: its plugins are missing or were
// never registered.
constexpr std::string_view install_advice =
    " (Graphviz's plugins may be missing: install the Debian packages graphviz and "
    "libgvc6, and run `dot -c` as root to register them)";

// One Graphviz context for the process, made on first use and never freed: Graphviz 2.43's
// text-layout plugin keeps a pointer to the last font name across contexts, which a freed
// context leaves dangling, so a second chart in one process (the HTML report draws several)
// read freed memory. Graphviz is not thread-safe: charts are laid out one at a time.
GVC_t* shared_context() {
  static GVC_t* const context = gvContext();
  return context;
}
std::mutex graphviz_in_use;

}  // namespace

std::string render_svg_with_graphviz(std::string_view dot, std::string& error) {
  const std::lock_guard<std::mutex> lock(graphviz_in_use);
  CollectedErrors errors;
  GVC_t* const gvc = shared_context();
  if (!gvc) {
    error = "cannot start Graphviz to lay out the chart: " + errors.text();
    return {};
  }
  std::unique_ptr<graph_t, CloseGraph> graph(agmemread(std::string(dot).c_str()));
  if (!graph) {
    error = "Graphviz could not read the chart: " + errors.text();
    return {};
  }
  if (gvLayout(gvc, graph.get(), "dot") != 0) {
    error = "Graphviz could not lay out the chart: " + errors.text() + std::string(install_advice);
    return {};
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(gvc, graph.get(), "svg", &data, &length);
  std::string svg = data ? std::string(data, length) : std::string();
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, graph.get());
  const auto start = svg.find("<svg");
  if (rendered != 0 || start == std::string::npos) {
    error =
        "Graphviz could not draw the chart as SVG: " + errors.text() + std::string(install_advice);
    return {};
  }
  return svg.substr(start);
}

}  // namespace remit::module
