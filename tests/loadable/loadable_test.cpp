// The libraries only some commands need are loaded on first use (loadable/loadable.hpp).
#include "loadable/loadable.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "loadable/modules.hpp"

namespace {

std::string output_of(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

}  // namespace

TEST_CASE("the workbook and chart modules load, once, and match this remit", "[loadable]") {
  std::string problem;
  const remit::loadable::WorkbookModule* workbook = remit::loadable::workbook_module(problem);
  INFO(problem);
  REQUIRE(workbook != nullptr);
  CHECK(workbook->abi == remit::loadable::abi_version);
  CHECK(workbook->read_sheet != nullptr);
  CHECK(remit::loadable::workbook_module(problem) == workbook);
  const remit::loadable::ChartModule* chart = remit::loadable::chart_module(problem);
  REQUIRE(chart != nullptr);
  CHECK(chart->abi == remit::loadable::abi_version);
  std::string error;
  const std::string svg = chart->render_svg("digraph { a -> b }", error);
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(error.empty());
  CHECK(chart->render_svg("digraph { a -> ", error).empty());
  CHECK(error.find("Graphviz could not read the chart") != std::string::npos);
}

TEST_CASE("a module that is not there is said in words, where remit looked", "[loadable]") {
  const remit::loadable::Loaded& missing =
      remit::loadable::load_module("libremit_no_such_module.so", "remit_no_such_module");
  CHECK(missing.table == nullptr);
  CHECK(missing.problem.find("libremit_no_such_module.so is not installed with remit") !=
        std::string::npos);
  CHECK(missing.problem.find("looked in ") != std::string::npos);
  // Asked again, the same answer, without looking again.
  CHECK(&remit::loadable::load_module("libremit_no_such_module.so", "x") == &missing);
}

TEST_CASE("the Unicode module normalises, folds, converts and measures as ICU does", "[loadable]") {
  std::string problem;
  const remit::loadable::UnicodeModule* icu = remit::loadable::unicode_module(problem);
  INFO(problem);
  REQUIRE(icu != nullptr);
  CHECK(icu->abi == remit::loadable::abi_version);
  CHECK(remit::loadable::unicode_module(problem) == icu);
  std::string out;
  // An e and a combining acute accent compose to one character; text already in NFC is left.
  REQUIRE(icu->nfc("cafe\u0301", out));
  CHECK(out == "caf\u00E9");
  CHECK_FALSE(icu->nfc("caf\u00E9", out));
  CHECK(icu->fold_case(U'\u00C9') == U'\u00E9');
  CHECK(icu->fold_case(U'\u03A3') == U'\u03C3');
  CHECK(icu->columns(U'\u6F22') == 2);  // a CJK ideograph takes two columns
  CHECK(icu->columns(U'\u0301') == 0);  // a combining accent none
  CHECK(icu->columns(U'\u00E9') == 1);
  const remit::csv::DecodedText text = icu->convert(
      "caf\xE9 \x80", "windows-1252", remit::csv::TextEncoding::windows1252, "Windows-1252");
  CHECK(text.error.empty());
  CHECK(text.text == "caf\u00E9 \u20AC");
  const remit::csv::DecodedText cut = icu->convert(std::string_view("a\0\xD8", 3), "UTF-16LE",
                                                   remit::csv::TextEncoding::utf16le, "UTF-16");
  CHECK(cut.error.find("the text stops being UTF-16 here") != std::string::npos);
}

TEST_CASE("remit itself is not linked with liborcus, libxlsxwriter, Graphviz or ICU",
          "[loadable]") {
  // Linked in, they cost every run 4.7 ms of CPU before main, and ICU 0.6 MB more memory; they
  // are the modules' alone.
  const std::string needed = output_of("readelf -d '" REMIT_CLI_PATH "' 2>&1");
  REQUIRE(needed.find("(NEEDED)") != std::string::npos);
  CHECK(needed.find("liborcus") == std::string::npos);
  CHECK(needed.find("libixion") == std::string::npos);
  CHECK(needed.find("libxlsxwriter") == std::string::npos);
  CHECK(needed.find("libgvc") == std::string::npos);
  CHECK(needed.find("libcgraph") == std::string::npos);
  CHECK(needed.find("libicu") == std::string::npos);
}
