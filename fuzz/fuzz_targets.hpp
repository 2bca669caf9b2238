// The bodies of remit's fuzz targets, shared by the libFuzzer entry points (fuzz/*_fuzzer.cpp)
// and by the regression test (tests/robustness/fuzz_regressions_test.cpp), so that every input
// in fuzz/regressions/ replays through exactly the code the fuzzer ran, without libFuzzer.
//
//   policy_one: the text as one in-memory policy file: parse, `use`, resolve, graph, cycle check,
//               evaluation; when it loads, every listing, the breaches and every report format.
//   csv_one:    the bytes as a holders export on their own, then as a structure export (the part
//               before a line "--holders--") plus a holders export (the part after it) under the
//               stdlib's LGHA 1989 policy, through resolution, the cycle check, evaluation and
//               the rule check.
//   lsp_one:    the bytes as everything a client sends to `remit lsp` (framing, JSON-RPC); then
//               as a document being typed: opened, asked about (hover, definition, references,
//               completion, outline) at places spread over it, and cut to half its length.
// Every diagnostic is rendered too, as the command line would print it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>

#include "authoring/lsp/jsonrpc.hpp"
#include "authoring/lsp/server.hpp"
#include "evaluate/evaluator.hpp"
#include "evaluate/rules.hpp"
#include "graph/cycles.hpp"
#include "graph/org_graph.hpp"
#include "import/holders_csv.hpp"
#include "import/structure_csv.hpp"
#include "remit/remit.hpp"
#include "report/check_report.hpp"
#include "report/derive_report.hpp"
#include "resolve/loader.hpp"
#include "resolve/resolver.hpp"
#include "source/diagnostic.hpp"

namespace remit::fuzz {

// Keeps the optimiser from dropping work whose result nobody reads.
inline std::size_t sink = 0;

inline void policy_one(std::string_view data) {
  Run run;
  Inputs inputs;
  inputs.texts.push_back({"fuzz.remit", std::string(data)});
  const bool ok = run.load(inputs);
  sink += run.diagnostics_text().size();
  if (!ok) return;
  const auto all = run.restricted_posts(true);
  const auto listed = run.restricted_posts(false);
  const Breaches& breaches = run.breaches();
  std::ostringstream out;
  for (Format f : {Format::table, Format::csv, Format::json, Format::markdown}) {
    write_restricted_posts(out, run, listed, f);
  }
  write_restricted_posts(out, run, all, Format::csv);
  write_breaches(out, run, breaches, Format::text);
  write_breaches(out, run, breaches, Format::json);
  sink += out.str().size();
}

// The policy the CSV target evaluates an imported organisation under: the Act and the statutory
// officers' rules from the stdlib, plus a few expressions the stdlib does not use.
inline constexpr std::string_view csv_policy = R"(use "uk/lgha1989"
use "uk/statutory_officers"
use "uk/statutory_officers_held"
use "uk/upper_tier"
body council "Full Council"
let near_the_top = reports within 2 of category 1
let managers = manages category 2, 3
let titled = title contains "Director" or in service "Legal" or in directorate "Place"
let below_council = reports to council and not vacant
require "a few managers" { count managers <= 1000 cite "fuzz" }
require "holders" { some near_the_top is has holder cite "fuzz" }
forbid "unheld titled" { titled and not has holder and not below_council cite "fuzz" }
)";

inline constexpr std::string_view holders_separator = "\n--holders--\n";

// The stdlib policy, parsed once. A run copies the Program (resolution writes into it); the
// copies' string_views point into base().sources, which lives as long as the process.
struct CsvBase {
  SourceSet sources;
  Diagnostics diags;
  ast::Program program;
  FileDepths depths;
  CsvBase() {
    Inputs inputs;
    inputs.texts.push_back({"policy.remit", std::string(csv_policy)});
    if (!load_inputs(inputs, sources, program, depths, diags)) {
      throw std::logic_error("the CSV fuzz target's policy does not load:\n" +
                             render(sources, diags));
    }
  }
};

inline const CsvBase& csv_base() {
  static const CsvBase base;
  return base;
}

inline void csv_one(std::string_view data) {
  {  // the whole input as a holders export, on its own
    SourceSet sources;
    Diagnostics diags;
    ast::Program program;
    const FileId file = sources.add("holders.csv", std::string(data));
    import_holders(sources, file, program, diags);
    sink += render(sources, diags).size();
    // Every row's ids read back: an offset outside the text would be caught here.
    for (const ast::HoldersExport& e : program.holder_exports) {
      for (const ast::HeldRow& r : e.rows) {
        sink += e.post(r).text.size();
        if ((r.flags & ast::HeldRow::first_of_person) != 0) sink += e.person(r).text.size();
      }
    }
  }
  {  // the whole input as a structure export, on its own
    SourceSet sources;
    Diagnostics diags;
    ast::Program program;
    const FileId file = sources.add("structure.csv", std::string(data));
    import_structure(sources, file, program, diags);
    sink += render(sources, diags).size() + program.posts.size();
  }
  // Structure (and holders) under the stdlib policy, through the whole pipeline as Run::load.
  const CsvBase& base = csv_base();
  SourceSet sources = base.sources;  // same FileIds, so the policy's spans render
  Diagnostics diags;
  ast::Program program = base.program;
  FileDepths depths = base.depths;
  const std::size_t cut = data.find(holders_separator);
  const FileId structure = sources.add("structure.csv", std::string(data.substr(0, cut)));
  import_structure(sources, structure, program, diags);
  if (cut != std::string_view::npos) {
    const FileId holders =
        sources.add("holders.csv", std::string(data.substr(cut + holders_separator.size())));
    import_holders(sources, holders, program, diags);
  }
  depths.resize(sources.size(), 0);
  auto finish = [&] {
    diags.sort();
    sink += render(sources, diags).size();
  };
  if (diags.has_errors()) return finish();
  const Resolved resolved = resolve(program, depths, diags);
  if (diags.has_errors()) return finish();
  if (!check_cycles(resolved.organisation, diags, Limits{})) return finish();
  const OrgGraph graph = build_graph(resolved.organisation);
  Evaluator evaluator(program, resolved, [&]() -> const OrgGraph& { return graph; });
  evaluator.run();
  const Breaches breaches = check_rules(program, resolved.organisation, evaluator);
  sink += breaches.size() + evaluator.result().listed.size();
  finish();
}

// The language server, in-process; the stdlib modules that go to definition writes go to a
// folder of their own under the system's temporary folder.
inline int lsp_session(const std::string& input) {
  lsp::ServerOptions options;
  options.stdlib_cache = std::filesystem::temp_directory_path() / "remit-lsp-fuzz-stdlib";
  options.max_message_bytes = std::size_t{1} << 20;
  std::istringstream in(input);
  std::ostringstream out;
  const int status = lsp::serve(in, out, options);
  sink += out.str().size();
  return status;
}

inline void lsp_one(std::string_view data) {
  lsp_session(std::string(data));  // the bytes as a client's whole stream
  std::string script;
  int id = 0;
  auto send = [&](const lsp::json& message) {
    const std::string body = message.dump(-1, ' ', false, lsp::json::error_handler_t::replace);
    script += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  auto request = [&](const char* method, lsp::json params) {
    send({{"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", std::move(params)}});
  };
  auto notify = [&](const char* method, lsp::json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  };
  const std::string uri = "untitled:fuzz.remit";
  const lsp::json document{{"uri", uri}};
  request("initialize", {{"capabilities", lsp::json::object()}});
  notify("textDocument/didOpen",
         {{"textDocument",
           {{"uri", uri}, {"languageId", "remit"}, {"version", 1}, {"text", std::string(data)}}}});
  // Places spread over the text, as line and byte column (columns past a line's end included).
  for (std::size_t k = 0; k < 9; ++k) {
    const std::size_t offset = data.size() * k / 8;
    std::uint32_t line = 0, column = 0;
    for (std::size_t i = 0; i < offset && i < data.size(); ++i) {
      if (data[i] == '\n') {
        ++line;
        column = 0;
      } else {
        ++column;
      }
    }
    const lsp::json at{{"textDocument", document},
                       {"position", {{"line", line}, {"character", column + (k == 8 ? 3 : 0)}}}};
    request("textDocument/hover", at);
    request("textDocument/definition", at);
    lsp::json refs = at;
    refs["context"] = {{"includeDeclaration", k % 2 == 0}};
    request("textDocument/references", refs);
    request("textDocument/completion", at);
  }
  request("textDocument/documentSymbol", {{"textDocument", document}});
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", uri}, {"version", 2}}},
          {"contentChanges",
           lsp::json::array({{{"text", std::string(data.substr(0, data.size() / 2))}}})}});
  request("textDocument/completion",
          {{"textDocument", document}, {"position", {{"line", 0}, {"character", 1}}}});
  request("shutdown", nullptr);
  notify("exit", nullptr);
  if (lsp_session(script) != 0) throw std::logic_error("remit lsp did not shut down cleanly");
}

}  // namespace remit::fuzz
