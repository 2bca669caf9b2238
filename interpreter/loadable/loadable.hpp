// Libraries that most runs never need are linked into modules loaded on first use, not into
// remit itself: liborcus (reading .xlsx and .ods), libxlsxwriter (writing .xlsx), Graphviz
// (laying out a chart) and ICU (comparing ids that are not ASCII). Linked in, the dynamic loader
// resolved their symbols and ran their static initialisers before main on every run: 4.7 ms of CPU
// a process on the development machine (`perf stat -r 30` of an empty program linked with them, 6.1
// ms, against 1.4 ms without), which was 7% of `remit derive` at 100,000 posts and most of a small
// council's run. ICU alone took 0.6 MB of every run's memory and 0.25 ms of CPU (`perf stat -r 200`
// and GNU time of an empty program linked with libstdc++ and spdlog, with ICU and without): 2% of
// derive's memory at 100,000 posts, where remit is measured against the hand-written program.
//
// A module is a shared object beside the executable (`libremit_workbook.so`, `libremit_chart.so`,
// `libremit_unicode.so`) or in `../lib/remit/` from it, as `cmake --install` lays them out, whose
// one exported function returns a table of function pointers (loadable/modules.hpp). Both sides are
// built together from one source tree, so the table can hold C++ types; its `abi` field is checked.
#pragma once

#include <string>

namespace remit::loadable {

struct Loaded {
  const void* table = nullptr;  // what the module's entry function returned; null on failure
  std::string problem;          // when `table` is null: why, in words a user can act on
};

// Loads `file` (e.g. "libremit_workbook.so") once per process and calls its `entry` function;
// later calls return the same result. Safe to call from several threads.
const Loaded& load_module(const char* file, const char* entry);

}  // namespace remit::loadable
