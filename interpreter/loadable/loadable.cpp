#include "loadable/loadable.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <system_error>
#include <vector>

#include "loadable/modules.hpp"

namespace remit::loadable {
namespace {

namespace fs = std::filesystem;

// Where a module may be, in order: beside the executable (the build tree, where `build/remit`
// runs), `../lib/remit/` from it (as installed), and the build tree itself, for the test and
// fuzz programs that run from folders below it.
std::vector<fs::path> places() {
  std::vector<fs::path> out;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    out.push_back(exe.parent_path());
    out.push_back(exe.parent_path().parent_path() / "lib" / "remit");
  }
#ifdef REMIT_MODULE_DIR
  out.emplace_back(REMIT_MODULE_DIR);
#endif
  return out;
}

Loaded load(const char* file, const char* entry) {
  Loaded result;
  std::string looked;
  for (const fs::path& dir : places()) {
    const fs::path path = dir / file;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      looked += (looked.empty() ? "" : ", ") + dir.string();
      continue;
    }
    // RTLD_LOCAL: the module's libraries stay out of the way of everything else's symbols.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = ::dlerror();
      result.problem = path.string() + " cannot be loaded: " + (why ? why : "no reason given");
      return result;
    }
    auto* const function = reinterpret_cast<const void* (*)()>(::dlsym(handle, entry));
    if (!function) {
      result.problem = path.string() + " is not a remit module (it has no " + entry + ")";
      return result;
    }
    result.table = function();  // the handle is kept open for the life of the process
    return result;
  }
  result.problem = std::string(file) + " is not installed with remit (looked in " + looked + ")";
  return result;
}

}  // namespace

const Loaded& load_module(const char* file, const char* entry) {
  static std::mutex lock;
  static std::map<std::string, Loaded, std::less<>> loaded;
  const std::lock_guard<std::mutex> held(lock);
  auto it = loaded.find(file);
  if (it == loaded.end()) it = loaded.emplace(file, load(file, entry)).first;
  return it->second;
}

namespace {

// A module's table, found and checked once per process (one module per table type): callers
// may ask for each character or id they meet (a terminal table's widths, an id's NFC form), and
// after the first asking that is one read of a static, with no lock and no lookup by name.
template <typename Table>
const Table* table_of(const char* file, const char* entry, std::string& problem) {
  struct Found {
    const Table* table = nullptr;
    std::string problem;
  };
  static const Found found = [&] {
    const Loaded& l = load_module(file, entry);
    const auto* table = static_cast<const Table*>(l.table);
    if (!table) return Found{nullptr, l.problem};
    if (table->abi != abi_version) {
      return Found{nullptr,
                   std::string(file) + " belongs to another version of remit; reinstall remit"};
    }
    return Found{table, {}};
  }();
  if (!found.table) problem = found.problem;
  return found.table;
}

}  // namespace

const WorkbookModule* workbook_module(std::string& problem) {
  return table_of<WorkbookModule>("libremit_workbook.so", "remit_workbook_module", problem);
}

const ChartModule* chart_module(std::string& problem) {
  return table_of<ChartModule>("libremit_chart.so", "remit_chart_module", problem);
}

const UnicodeModule* unicode_module(std::string& problem) {
  return table_of<UnicodeModule>("libremit_unicode.so", "remit_unicode_module", problem);
}

}  // namespace remit::loadable

// Graphviz, fontconfig and pango keep caches they never free, so that LeakSanitizer (the
// sanitizer build, `make sanitize`) would report every chart as a leak. Leaks whose allocation
// passes through those libraries are suppressed, silently, so that stderr stays what the tests
// compare; any other leak is still reported. The sanitizer looks for these in the executable,
// not in a module loaded later, so they are here, where every program that can draw a chart
// has them.
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
