#include "report/chart_layout.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>

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

std::string render_svg(std::string_view dot) {
  const std::lock_guard<std::mutex> lock(graphviz_in_use);
  CollectedErrors errors;
  GVC_t* const gvc = shared_context();
  if (!gvc) throw ChartError("cannot start Graphviz to lay out the chart: " + errors.text());
  std::unique_ptr<graph_t, CloseGraph> graph(agmemread(std::string(dot).c_str()));
  if (!graph) throw ChartError("Graphviz could not read the chart: " + errors.text());
  if (gvLayout(gvc, graph.get(), "dot") != 0) {
    throw ChartError("Graphviz could not lay out the chart: " + errors.text() +
                     std::string(install_advice));
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(gvc, graph.get(), "svg", &data, &length);
  std::string svg = data ? std::string(data, length) : std::string();
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, graph.get());
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
