#include "report/chart_layout.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>

#include "report/org_chart.hpp"

namespace remit {
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

struct FreeContext {
  void operator()(GVC_t* c) const { gvFreeContext(c); }
};
struct CloseGraph {
  void operator()(graph_t* g) const { agclose(g); }
};

// The advice for a Graphviz that cannot lay out or render: its plugins are missing or were
// never registered.
constexpr std::string_view install_advice =
    " (Graphviz's plugins may be missing: install the Debian packages graphviz and "
    "libgvc6, and run `dot -c` as root to register them)";

}  // namespace

std::string render_svg(std::string_view dot) {
  CollectedErrors errors;
  std::unique_ptr<GVC_t, FreeContext> gvc(gvContext());
  if (!gvc) throw ChartError("cannot start Graphviz to lay out the chart: " + errors.text());
  std::unique_ptr<graph_t, CloseGraph> graph(agmemread(std::string(dot).c_str()));
  if (!graph) throw ChartError("Graphviz could not read the chart: " + errors.text());
  if (gvLayout(gvc.get(), graph.get(), "dot") != 0) {
    throw ChartError("Graphviz could not lay out the chart: " + errors.text() +
                     std::string(install_advice));
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(gvc.get(), graph.get(), "svg", &data, &length);
  std::string svg = data ? std::string(data, length) : std::string();
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc.get(), graph.get());
  const auto start = svg.find("<svg");
  if (rendered != 0 || start == std::string::npos) {
    throw ChartError("Graphviz could not draw the chart as SVG: " + errors.text() +
                     std::string(install_advice));
  }
  return svg.substr(start);
}

}  // namespace remit

// Graphviz, fontconfig and pango keep caches they never free, so that LeakSanitizer (the
// sanitizer build, `make sanitize`) would report every chart as a leak. Leaks whose allocation
// passes through those libraries are suppressed, silently, so that stderr stays what the tests
// compare; any other leak is still reported.
#if defined(__SANITIZE_ADDRESS__)
#define REMIT_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REMIT_LEAK_CHECKED 1
#endif
#endif
#ifdef REMIT_LEAK_CHECKED
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\nleak:libcgraph.so\nleak:libcdt.so\nleak:libpathplan.so\n"
         "leak:libgvplugin_\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\n"
         "leak:libglib-2.0.so\nleak:libgobject-2.0.so\nleak:libltdl.so\nleak:libexpat.so\n";
}
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}
#endif
