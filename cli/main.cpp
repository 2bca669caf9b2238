// The remit command line: small verbs over the library (remit/remit.hpp).
//   remit derive POLICY… [--structure F.csv] [--holders F.csv] [--format …] [--all] [-o FILE]
//   remit check  POLICY… [--structure F.csv] [--holders F.csv] [--format text|json] [--explain]
//   remit explain POLICY… (POST_ID [--why-not N] [--plain] | --breach N) [--format text|json]
//   remit graph  POLICY… [--root POST] [--depth N] [--format svg|dot] [-o FILE]
//   remit report POLICY… [--structure F.csv] [--holders F.csv] [--date YYYY-MM-DD] -o FILE.html
//   remit test PATH… [--filter TEXT] [--coverage]
// Exit status: 0 ok, 1 a breach, 2 bad input or usage, 3 (--keep-going) something was left out.
// Documented in docs/cli.md.
#include <fcntl.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <vector>

#include "ast/ast.hpp"
#include "ast/percent.hpp"
#include "authoring/format/fmt_command.hpp"
#include "authoring/format/format.hpp"
#include "authoring/lsp/server.hpp"
#include "authoring/test/runner.hpp"
#include "evaluate/rules.hpp"
#include "explain/explain.hpp"
#include "explain/plain.hpp"
#include "import/columns.hpp"
#include "remit/remit.hpp"
#include "report/check_report.hpp"
#include "report/departures.hpp"
#include "report/derive_report.hpp"
#include "report/derive_workbook.hpp"
#include "report/designation_suggestions.hpp"
#include "report/difference_report.hpp"
#include "report/html_report.hpp"
#include "report/org_chart.hpp"
#include "report/output_file.hpp"
#include "report/terminal.hpp"
#include "resolve/organisation.hpp"
#include "resolve/resolver.hpp"
#include "resolve/suggest.hpp"
#include "source/diagnostic.hpp"
#include "source/display.hpp"
#include "whatif/compare.hpp"

namespace {

// `left_out` wins over `breach`: a check over a structure with rows left out is not a complete
// answer, breach or not (the report says whether there are breaches).
enum Exit : int { ok = 0, breach = 1, bad_input = 2, left_out = 3 };

struct CommonOptions {
  std::vector<std::string> policies;
  std::vector<std::string> structures;
  std::vector<std::string> holders;
  std::vector<std::string> columns;  // --columns id="Position Number",…
  std::vector<std::string> designations;
  std::string sheet;
  std::string format;
  std::string output;
  bool verbose = false;
  bool keep_going = false;
  // From the global --jurisdiction: the nation whose built-in modules apply.
  std::optional<remit::ast::Jurisdiction> jurisdiction;
  // From the global --width and --color: how text for a person is laid out on standard output,
  // and whether messages on standard error are coloured.
  remit::TextStyle style;
  bool error_colour = false;
};

// Every error, warning and note without a place in a file: "remit: error: …" (source/render.cpp
// renders those with one, in the same style).
void say(remit::Severity severity, std::string_view message, bool colour) {
  std::cerr << remit::render_message(severity, message, colour);
}
void error(const CommonOptions& o, std::string_view message) {
  say(remit::Severity::error, message, o.error_colour);
}

// Writes all of `text` to standard output. A reader that has had enough and closed the pipe
// (`remit derive … | head`) is not an error: the rest is not written and nothing is said.
// Any other failure (a full disk) is.
int write_stdout(const CommonOptions& o, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(STDOUT_FILENO, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EPIPE) return 0;
    if (n <= 0) {
      error(o, std::string("cannot write the output") +
                   (n < 0 ? std::string(": ") + std::strerror(errno) : std::string()));
      return 2;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

// `-o ""` (an unset variable in a script, say) must not quietly mean standard output.
const CLI::Validator names_a_file(
    [](const std::string& s) {
      return s.empty() ? std::string("names no file: give a file name, or - for standard output")
                       : std::string();
    },
    "FILE");

// --columns field="Header",…: read once here to refuse a malformed list with the usage errors.
const CLI::Validator column_choices(
    [](const std::string& s) {
      std::vector<remit::ColumnChoice> choices;
      return remit::csv::parse_column_choices(s, choices);
    },
    "FIELD=\"HEADER\",...");

void add_columns(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option("--columns", o.columns,
                 "Read fields from columns with other headers, as in id=\"Position Number\","
                 "reports_to=\"Reports To Position\" (every --structure and --holders file)")
      ->allow_extra_args(false)
      ->check(column_choices);
}

bool to_stdout(const CommonOptions& o) {
  return o.output.empty() || o.output == "-";
}

// `-o /dev/stdout` or `-o /dev/tty` at a terminal: somewhere a workbook's bytes must not go.
bool names_a_terminal(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_character_file(path, ec)) return false;
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  const bool tty = ::isatty(fd);
  ::close(fd);
  return tty;
}

void add_keep_going(CLI::App& cmd, CommonOptions& o) {
  cmd.add_flag("--keep-going", o.keep_going,
               "Leave out faulty rows of an HR export (a warning each), derive the rest, and list "
               "the posts they could affect as to be reviewed; exit status 3");
}

void add_common(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option("policy", o.policies,
                 "Policy files (.remit) or directories of them; none: the built-in default "
                 "policy (stdlib uk/lgha1989)");
  // One file per --structure/--holders (repeat the option for more), so that a policy named
  // after it is not taken for a second CSV.
  cmd.add_option("--structure", o.structures,
                 "An HR export: CSV with id,title[,service,directorate,reports_to,designations,"
                 "flags] under these or the usual HR headers (Post ID, Job Title, Reports To...)")
      ->allow_extra_args(false);
  cmd.add_option("--holders", o.holders,
                 "Who holds which post: CSV with person,post_id[,qualifications][,kind]")
      ->allow_extra_args(false);
  add_columns(cmd, o);
  cmd.add_option("--designations", o.designations,
                 "Designations and duties of posts: CSV with id,designations,flags")
      ->allow_extra_args(false);
  cmd.add_option("--sheet", o.sheet,
                 "In a workbook (.xlsx, .ods) given as --structure or --holders: the sheet to "
                 "read (default: the first)");
  cmd.add_option("-o,--output", o.output,
                 "Write the result to this file (replaced atomically; never one of the inputs; "
                 "- for standard output)")
      ->check(names_a_file);
  cmd.add_flag("-v,--verbose", o.verbose, "Trace the phases with their timings on stderr");
  add_keep_going(cmd, o);
}

remit::Inputs inputs_of(const CommonOptions& o) {
  remit::Inputs in;
  for (const auto& p : o.policies) in.policies.emplace_back(p);
  for (const auto& p : o.structures) in.structures.emplace_back(p);
  for (const auto& p : o.holders) in.holders.emplace_back(p);
  for (const auto& c : o.columns) (void)remit::csv::parse_column_choices(c, in.columns);
  for (const auto& p : o.designations) in.designations.emplace_back(p);
  in.sheet = o.sheet;
  if (!to_stdout(o)) in.output = o.output;  // loading refuses an output that is an input
  in.keep_going = o.keep_going;
  in.jurisdiction = o.jurisdiction;
  return in;
}

int emit(const CommonOptions& o, const std::string& text) {
  // A full disk must not pass for success; a closed pipe ends quietly (write_stdout).
  if (to_stdout(o)) return write_stdout(o, text) == 0 ? ok : bad_input;
  if (std::string err = remit::write_file_atomically(o.output, text, {.clean_up_on_signals = true});
      !err.empty()) {
    error(o, err);
    return bad_input;
  }
  return ok;
}

// What `write` writes, to standard output or to the file, as emit() writes a text; a file is
// written as it is made rather than after, so that a large list is not held in memory twice (in
// the stream and as its text) when the run's memory is at its peak: at a million posts, derive's
// 3.3 MB list took its peak from 243 to 250 MB.
int emit_streamed(const CommonOptions& o, const std::function<void(std::ostream&)>& write) {
  if (to_stdout(o)) {
    std::ostringstream out;
    write(out);
    return emit(o, std::move(out).str());
  }
  const auto make = [&](const std::filesystem::path& temp) {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (file) write(file);
    file.close();
    return file ? std::string()
                : "cannot write '" + o.output + "': " + std::string(std::strerror(errno));
  };
  if (std::string err =
          remit::write_file_atomically_with(o.output, make, {.clean_up_on_signals = true});
      !err.empty()) {
    error(o, err);
    return bad_input;
  }
  return ok;
}

// Whether the inputs loaded, and the errors and warnings to show (empty when there are none).
struct Loaded {
  bool ok = false;
  std::string messages;
};

// Loads without writing anything, so that `remit diff` can load its two sides at once and
// show their messages in order.
Loaded load_quietly(remit::Run& run, const CommonOptions& o) {
  const bool ok = run.load(inputs_of(o));
  return {ok, run.diagnostics_text(o.error_colour)};
}

bool load(remit::Run& run, const CommonOptions& o) {
  if (o.verbose) spdlog::set_level(spdlog::level::debug);
  const Loaded loaded = load_quietly(run, o);
  std::cerr << loaded.messages;
  return loaded.ok;
}

// A run left for the operating system to reclaim when the process ends, for `remit diff`, which
// loads two: freeing two million posts' records one by one took about 0.1 s of CPU time (user
// and system), for memory the process gives back a moment later anyway. Held from static
// storage, so that a leak checker counts it as in use, not lost.
remit::Run& run_until_exit() {
  static auto* const kept = new std::vector<std::unique_ptr<remit::Run>>;
  return *kept->emplace_back(std::make_unique<remit::Run>());
}

// An existing file that is not a regular file (a device, a FIFO, /dev/fd/N): written as it is,
// whatever its name, so its name says nothing about the format.
bool names_a_device(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  return !ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
         !std::filesystem::is_directory(status);
}

// The status of a command whose output was written with `status`: 3 when rows were left out.
int finished(int status, std::initializer_list<const remit::Run*> runs) {
  if (status == bad_input) return status;
  for (const remit::Run* run : runs) {
    if (!run->left_out().empty()) return left_out;
  }
  return status;
}

// For the commands whose output has no place for them: the posts to be reviewed, on stderr.
void note_to_review(const CommonOptions& o, const remit::Run& run, std::string_view side = {}) {
  const auto& posts = run.to_review();
  if (posts.empty()) return;
  const auto& units = run.resolved().organisation.units;
  std::string ids;
  constexpr std::size_t shown = 20;
  for (std::size_t k = 0; k < posts.size() && k < shown; ++k) {
    ids += (k ? ", " : "") + std::string(units[posts[k].unit].id());
  }
  if (posts.size() > shown) ids += " and " + std::to_string(posts.size() - shown) + " more";
  say(remit::Severity::note,
      std::string(side) + std::to_string(posts.size()) +
          (posts.size() == 1 ? " post is" : " posts are") +
          " to be reviewed (their category could depend on a line left out; remit "
          "derive lists them with the reasons): " +
          ids,
      o.error_colour);
}

// The format to write: --format when given; else, for `-o FILE`, the one the file's extension
// names (.csv .md .json .txt .xlsx, among those the command writes); else `fallback`. A file
// name without an extension, or a device, gets `fallback`; an extension the command does not
// write is an error that lists those it does.
std::optional<remit::Format> format_of(const CommonOptions& o,
                                       std::initializer_list<remit::Format> writes,
                                       remit::Format fallback) {
  if (!o.format.empty()) {
    auto f = remit::parse_format(o.format);
    if (!f) error(o, "unknown format '" + o.format + "'");
    return f;
  }
  if (to_stdout(o) || names_a_device(o.output)) return fallback;
  const std::string extension = std::filesystem::path(o.output).extension().string();
  if (extension.empty()) return fallback;
  const auto f = remit::format_of_extension(extension);
  if (f && std::find(writes.begin(), writes.end(), *f) != writes.end()) return f;
  std::string known;
  for (remit::Format w : writes) {
    known += (known.empty() ? "" : ", ") + std::string(remit::extension_of(w));
  }
  error(o, "-o " + o.output + ": this command does not know what to write to a '" + extension +
               "' file; name the file with one of " + known + ", or give --format");
  return std::nullopt;
}

constexpr std::initializer_list<remit::Format> text_or_json = {remit::Format::text,
                                                               remit::Format::json};
constexpr std::initializer_list<remit::Format> text_json_or_html = {
    remit::Format::text, remit::Format::json, remit::Format::html};

int derive(const CommonOptions& o, bool all) {
  // A table for people at a terminal; CSV when the output goes to a program or a file.
  const bool terminal = to_stdout(o) && ::isatty(STDOUT_FILENO);
  auto format = format_of(o,
                          {remit::Format::csv, remit::Format::markdown, remit::Format::json,
                           remit::Format::text, remit::Format::xlsx},
                          terminal ? remit::Format::table : remit::Format::csv);
  if (!format) return bad_input;
  if (*format == remit::Format::xlsx && (to_stdout(o) || names_a_terminal(o.output))) {
    error(o, std::string("a workbook is written to a file, not to ") +
                 (to_stdout(o) ? "standard output" : "a terminal") +
                 ": give one with -o, such as -o restricted-posts.xlsx");
    return bad_input;
  }
  remit::Run run;
  if (!load(run, o)) return bad_input;
  if (*format == remit::Format::xlsx) {
    if (std::string err = remit::write_restricted_posts_workbook(
            o.output, run, run.restricted_posts(all), {.clean_up_on_signals = true});
        !err.empty()) {
      error(o, err);
      return bad_input;
    }
    return ok;
  }
  const std::vector<remit::ListedPost> listed = run.restricted_posts(all);
  return finished(emit_streamed(o,
                                [&](std::ostream& out) {
                                  write_restricted_posts(out, run, listed, *format, o.style);
                                }),
                  {&run});
}

int check(const CommonOptions& o, bool with_explanations) {
  auto format = format_of(o, text_or_json, remit::Format::text);
  if (!format) return bad_input;
  remit::Run run;
  if (!load(run, o)) return bad_input;
  const remit::Breaches& breaches = run.breaches();
  // `--explain`: each breach's explanation, numbered as `remit explain --breach N` numbers it.
  std::vector<remit::Reason> explanations;
  if (with_explanations) {
    for (std::size_t n = 1; n <= breaches.size(); ++n) {
      explanations.push_back(remit::explain_breach(run, n));
    }
  }
  int written = emit_streamed(o, [&](std::ostream& out) {
    write_breaches(out, run, breaches, *format, explanations, o.style);
  });
  if (written != ok) return written;
  return finished(breaches.empty() ? ok : breach, {&run});
}

std::string breach_count_text(std::size_t k) {
  if (k == 0) return "the policy has no breaches";
  if (k == 1) return "there is 1 breach, numbered 1";
  return "there are " + std::to_string(k) + " breaches, numbered 1 to " + std::to_string(k) +
         " in the order remit check prints them";
}

// `remit explain POLICY… --breach N`: every positional argument is a policy.
int breach_explanation(CommonOptions o, std::size_t n) {
  auto format = format_of(o, text_or_json, remit::Format::text);
  if (!format) return bad_input;
  // A last word that is neither a file nor a folder, nor looks like one, is a post id: the
  // command asks for two explanations at once.
  if (!o.policies.empty()) {
    const std::string& last = o.policies.back();
    std::error_code ec;
    const bool path_like = last.find('/') != std::string::npos || last.ends_with(".remit") ||
                           last.ends_with(".csv") || std::filesystem::exists(last, ec);
    if (!path_like) {
      error(o, "explain takes a post id or --breach N, not both ('" + last +
                   "' is not a policy file or folder)");
      return bad_input;
    }
  }
  remit::Run run;
  if (!load(run, o)) return bad_input;
  const std::size_t count = run.breaches().size();
  if (n == 0 || n > count) {
    error(o, "no breach " + std::to_string(n) + ": " + breach_count_text(count));
    return bad_input;
  }
  remit::Reason reason = remit::explain_breach(run, n);
  note_to_review(o, run);
  return finished(
      emit(o, *format == remit::Format::json ? remit::render_json(reason, run.sources())
                                             : remit::render_text(reason, run.sources(), o.style)),
      {&run});
}

// ---- charts: `remit graph`, and `whatif`/`diff` with --format svg|dot ----------------------

enum class ChartFormat { svg, dot };

// The chart format asked for: --format svg|dot, else the extension of -o FILE (.svg, .dot or
// .gv); nothing when neither asks for a chart.
std::optional<ChartFormat> chart_format_asked(const CommonOptions& o) {
  if (o.format == "svg") return ChartFormat::svg;
  if (o.format == "dot") return ChartFormat::dot;
  if (!o.format.empty() || to_stdout(o) || names_a_device(o.output)) return std::nullopt;
  std::string extension = std::filesystem::path(o.output).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".svg") return ChartFormat::svg;
  if (extension == ".dot" || extension == ".gv") return ChartFormat::dot;
  return std::nullopt;
}

// Writes the chart `make` draws; a chart that cannot be drawn (an unknown --root, too many
// posts, Graphviz failing) is an error, and nothing is written.
template <typename MakeChart>
int emit_chart(const CommonOptions& o, ChartFormat format, MakeChart&& make) {
  std::string text;
  try {
    const remit::Chart chart = make();
    text = format == ChartFormat::dot ? remit::chart_dot(chart) : remit::chart_svg(chart);
  } catch (const remit::ChartError& e) {
    error(o, e.what());
    return bad_input;
  }
  return emit(o, text);
}

int graph(const CommonOptions& o, const remit::ChartOptions& options) {
  auto format = chart_format_asked(o);
  if (!format) {
    if (!o.format.empty() || to_stdout(o) || names_a_device(o.output) ||
        std::filesystem::path(o.output).extension().empty()) {
      format = ChartFormat::svg;
    } else {
      error(o, "-o " + o.output +
                   ": remit graph writes a chart to a .svg or .dot file; name the file so, or "
                   "give --format svg|dot");
      return bad_input;
    }
  }
  remit::Run run;
  if (!load(run, o)) return bad_input;
  note_to_review(o, run);
  return finished(emit_chart(o, *format, [&] { return remit::build_chart(run, options); }), {&run});
}

// `remit explain POLICY… POST_ID`: the last positional argument is the post.
// `why_not`: the category number given with --why-not, if the option was given at all (0 is a
// number like any other, and no category has it).
int explain(CommonOptions o, std::optional<std::uint32_t> why_not, bool plain) {
  auto format = format_of(o, text_or_json, remit::Format::text);
  if (!format) return bad_input;
  if (o.policies.empty()) {
    error(o, "explain needs the id of a post (remit explain POLICY… POST_ID)");
    return bad_input;
  }
  const std::string post_id = o.policies.back();
  o.policies.pop_back();
  remit::Run run;
  if (!load(run, o)) return bad_input;
  const remit::Organisation& org = run.resolved().organisation;
  auto post = org.find_unit(post_id);
  if (post && org.units[*post].is_body()) {
    // A body (the council, a committee) is never in a category: say so rather than suggest
    // its own id back.
    error(o, "'" + post_id + "' is a body, not a post: only posts are in a category");
    return bad_input;
  }
  if (!post) {
    // The id and the suggestion (an id from an HR export) shown escaped, as errors are.
    error(o, "no post with id '" + post_id + "'" + remit::did_you_mean(post_id, org.unit_ids()));
    return bad_input;
  }
  remit::Reason reason;
  if (why_not) {
    const auto& cats = run.program().categories;
    const auto& active = run.resolved().plan.active;
    auto it = std::find_if(active.begin(), active.end(),
                           [&](std::uint32_t c) { return cats[c].number == *why_not; });
    if (it == active.end()) {
      std::vector<std::uint32_t> numbers;
      for (std::uint32_t c : active) numbers.push_back(cats[c].number);
      std::sort(numbers.begin(), numbers.end());
      error(o, "--why-not " + std::to_string(*why_not) + ": the policy defines no category " +
                   std::to_string(*why_not) + " (it defines " +
                   (numbers.empty() ? "no categories"
                                    : "categories " + remit::nearest_numbers(numbers, *why_not)) +
                   ")");
      return bad_input;
    }
    reason = remit::explain_category(run, *post, *it);
  } else {
    reason = remit::explain_listing(run, *post);
  }
  // The explanation is of the structure as derived, without the lines left out.
  auto review = std::ranges::find(run.to_review(), *post, &remit::ToReview::unit);
  if (review != run.to_review().end()) {
    say(remit::Severity::warning, "'" + post_id + "' is to be reviewed: it " + review->reason,
        o.error_colour);
  }
  if (plain) {
    // Paragraphs wrapped to the width like every text (one a line with --width 0); titles with
    // control characters shown escaped.
    std::string text;
    for (const std::string& p : remit::plain_paragraphs(reason, run)) {
      text += remit::wrap(remit::display_text(p), o.style.width, "", "");
    }
    return finished(emit(o, text), {&run});
  }
  return finished(
      emit(o, *format == remit::Format::json ? remit::render_json(reason, run.sources())
                                             : remit::render_text(reason, run.sources(), o.style)),
      {&run});
}

// An HTML page is for a file or a program (`-o report.html`, or a pipe), not for the terminal.
bool html_to_terminal(const CommonOptions& o) {
  if (!(to_stdout(o) ? ::isatty(STDOUT_FILENO) : names_a_terminal(o.output))) return false;
  error(o,
        "an HTML page is written to a file, not to a terminal: give one with -o, such as -o "
        "report.html");
  return true;
}

// The SVG of the chart `make` draws, for an HTML page; a chart that cannot be drawn (too many
// posts, Graphviz missing) leaves the page without it, with a warning.
template <typename MakeChart>
std::string chart_for_page(const CommonOptions& o, MakeChart&& make) {
  try {
    return remit::chart_svg(make());
  } catch (const remit::ChartError& e) {
    say(remit::Severity::warning,
        std::string("the page has no org chart, as remit graph would draw none: ") + e.what(),
        o.error_colour);
    return {};
  }
}

// `remit report`: the committee report, one self-contained HTML page.
int report(const CommonOptions& o, std::string date) {
  if (html_to_terminal(o)) return bad_input;
  if (date.empty()) {
    const std::chrono::year_month_day today{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(today.year()),
                  static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day()));
    date = text;
  } else if (remit::long_date(date).empty()) {
    error(o, "--date " + date + ": not a date; give it as YYYY-MM-DD, such as 2026-01-31");
    return bad_input;
  }
  remit::Run run;
  if (!load(run, o)) return bad_input;
  const remit::PolicyDepartures departures = remit::departures_from_act(run, inputs_of(o));
  remit::ReportOptions options{.date = date, .chart_svg = chart_for_page(o, [&] {
                                               return remit::build_chart(run,
                                                                         remit::ChartOptions{});
                                             })};
  return finished(emit(o, remit::html_report(run, departures, options)), {&run});
}

struct Edits {
  std::string scenario;
  std::vector<std::string> move, remove, designate, undesignate, assign;
};

// Command-line edits become edit values holding the ids exactly as typed: they are never
// parsed as policy text, so an id with '-', '/', '.' or spaces is just an id, and
// `--remove "d2 remove post d1"` names one (unknown) post. Errors in them are reported at
// "<command line>:LINE:COLUMN", one line per edit (remit::Run::scenario_of).
struct EditsOrProblem {
  std::vector<remit::Edit> edits;
  std::string problem;  // a usage error: the edit could not be read
};

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

// What is wrong with the share `text` (the number before its `%`), in the words a policy's
// error uses, so that `--move "a=b 33.333%, c 66.667%"` says why it is refused.
std::string share_problem(std::string_view text, remit::ast::PercentProblem problem) {
  const std::string share = "the share '" + std::string(text) + "%'";
  if (problem == remit::ast::PercentProblem::too_many_decimals) {
    return share + " has more than two decimals (a share is exact to 0.01%, e.g. 33.33%)";
  }
  return share + " is not a percentage above 0 and at most 100, e.g. 60%";
}

// "dfin 40%, dplace 60%", or one id: the managers of `--move POST=…`. Nothing, with
// `problem` set when a share is wrong, when the text cannot be read.
std::optional<std::vector<remit::edit::Manager>> managers_of(std::string_view text,
                                                             std::string& problem) {
  std::vector<remit::edit::Manager> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string part = trimmed(text.substr(start, comma - start));
    remit::edit::Manager m;
    // A last word such as "40%" is the share.
    const auto space = part.find_last_of(" \t");
    if (space != std::string::npos && part.ends_with('%')) {
      const std::string number = part.substr(space + 1, part.size() - space - 2);
      // Read as a policy reads `40%`: exact, at most two decimals, above 0 and at most 100.
      const remit::ast::ReadPercent p = remit::ast::read_percent(number);
      if (p.problem != remit::ast::PercentProblem::none) {
        problem = share_problem(number, p.problem);
        return std::nullopt;
      }
      m.basis_points = p.basis_points;
      part = trimmed(std::string_view(part).substr(0, space));
    }
    if (part.empty()) return std::nullopt;
    m.id = std::move(part);
    out.push_back(std::move(m));
    start = comma + 1;
  }
  return out;
}

EditsOrProblem edits_of(const Edits& e) {
  EditsOrProblem out;
  // "A=B" split at its first '='; nothing (and a usage problem) when there is no '=' or a side
  // is empty.
  auto pair = [&](const std::string& arg, const char* option,
                  const char* example) -> std::optional<std::pair<std::string, std::string>> {
    const auto eq = arg.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
      out.problem = std::string(option) + " takes A=B, e.g. " + option + " " + example + "; got '" +
                    arg + "'";
      return std::nullopt;
    }
    return std::pair{arg.substr(0, eq), arg.substr(eq + 1)};
  };
  for (const auto& m : e.move) {
    auto p = pair(m, "--move", "dph=ed_ahc");
    if (!p) return out;
    std::string share;
    auto managers = managers_of(p->second, share);
    if (!managers) {
      out.problem =
          share.empty()
              ? "--move takes POST=MANAGER, or POST=MANAGER 40%, OTHER 60%; got '" + m + "'"
              : "--move '" + m + "': " + share;
      return out;
    }
    out.edits.push_back(remit::edit::Move{p->first, std::move(*managers)});
  }
  for (const auto& r : e.remove) {
    if (r.empty()) {
      out.problem = "--remove takes the id of a post; got ''";
      return out;
    }
    out.edits.push_back(remit::edit::Remove{r});
  }
  for (const auto& d : e.designate) {
    auto p = pair(d, "--designate", "sd_hr=monitoring_officer");
    if (!p) return out;
    out.edits.push_back(remit::edit::Designate{p->first, p->second});
  }
  for (const auto& d : e.undesignate) {
    auto p = pair(d, "--undesignate", "sd_legal=monitoring_officer");
    if (!p) return out;
    out.edits.push_back(remit::edit::Undesignate{p->first, p->second});
  }
  for (const auto& a : e.assign) {
    auto p = pair(a, "--assign", "p_ceo=sd_legal");
    if (!p) return out;
    out.edits.push_back(remit::edit::Assign{p->first, p->second});
  }
  return out;
}

int whatif(const CommonOptions& o, const Edits& e) {
  const auto chart = chart_format_asked(o);
  auto format = chart ? remit::Format::text : format_of(o, text_json_or_html, remit::Format::text);
  if (!format) return bad_input;
  if (*format == remit::Format::html && html_to_terminal(o)) return bad_input;
  // A malformed edit is a usage error, found before the policy is read.
  EditsOrProblem given = edits_of(e);
  if (!given.problem.empty()) {
    error(o, given.problem);
    return bad_input;
  }
  remit::Run run;
  if (!load(run, o)) return bad_input;
  const bool adhoc = !(e.move.empty() && e.remove.empty() && e.designate.empty() &&
                       e.undesignate.empty() && e.assign.empty());
  const auto& scenarios = run.program().scenarios;
  remit::ast::ScenarioDecl scenario;
  std::string title;
  if (!e.scenario.empty()) {
    auto it = std::find_if(scenarios.begin(), scenarios.end(),
                           [&](const auto& s) { return s.name.text == e.scenario; });
    if (it == scenarios.end()) {
      std::string names;
      for (const auto& s : scenarios)
        names += (names.empty() ? "" : ", ") + ("\"" + std::string(s.name.text) + "\"");
      error(o, "no scenario \"" + e.scenario + "\" in the policy" +
                   (names.empty() ? " (it has none)" : " (scenarios: " + names + ")"));
      return bad_input;
    }
    scenario = *it;
    title = "What if: \"" + e.scenario + "\" (" + run.sources().where(it->where) + ")";
  } else if (!adhoc) {
    error(o,
          "say what to change: --scenario NAME, or edits such as --move POST=MANAGER, --remove "
          "POST, --designate POST=ROLE, --assign PERSON=POST");
    return bad_input;
  }
  if (adhoc) {
    const remit::ast::ScenarioDecl added = run.scenario_of(given.edits);
    scenario.edits.insert(scenario.edits.end(), added.edits.begin(), added.edits.end());
    if (title.empty()) title = "What if (edits from the command line)";
  }
  auto variant = run.apply(scenario);
  if (!variant) {
    std::cerr << run.diagnostics_text(o.error_colour);
    return bad_input;
  }
  auto started = std::chrono::steady_clock::now();
  remit::Difference diff = remit::compare(run, *variant);
  spdlog::debug(
      "phase {:<12} {:9.2f} ms", "compare",
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
          .count());
  note_to_review(o, run);
  int written = ok;
  if (chart) {
    written = emit_chart(o, *chart, [&] {
      remit::Chart c = remit::build_chart(run, *variant, diff, {});
      c.title = title;
      return c;
    });
  } else {
    std::ostringstream out;
    if (*format == remit::Format::html) {
      remit::ReportOptions page;
      page.chart_svg = chart_for_page(o, [&] {
        remit::Chart c = remit::build_chart(run, *variant, diff, {});
        remit::link_changed_posts_only(c, diff);
        return c;
      });
      // A page's heading names the scenario without the file and line the text gives.
      const std::string heading =
          e.scenario.empty() ? title
                             : "What if: \"" + e.scenario + "\"" + (adhoc ? " and edits" : "");
      out << remit::html_difference(heading, diff, page);
    } else {
      write_difference(out, title, diff, *format, run.limits(), o.style);
    }
    written = emit(o, std::move(out).str());
  }
  if (written != ok) return written;
  return finished(diff.breaches_appeared.empty() ? ok : breach, {&run});
}

// Whether `remit diff` may read its two sides at the same time: when every file both read is a
// plain file or a folder, each side reads the same bytes whatever the other does.
bool both_sides_at_once(const CommonOptions& o, const std::string& old_side,
                        const std::string& new_side) {
  auto plain = [](const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    return !ec &&
           (std::filesystem::is_regular_file(status) || std::filesystem::is_directory(status));
  };
  for (const auto* paths : {&o.policies, &o.structures, &o.holders, &o.designations}) {
    if (!std::all_of(paths->begin(), paths->end(), plain)) return false;
  }
  return plain(old_side) && plain(new_side);
}

// `remit diff OLD NEW`: each side a policy file or directory, or an HR export (.csv); the
// --policy files are added to both sides.
int diff(const CommonOptions& o, const std::string& old_side, const std::string& new_side,
         bool with_explanations) {
  const auto chart = chart_format_asked(o);
  auto format = chart ? remit::Format::text : format_of(o, text_json_or_html, remit::Format::text);
  if (!format) return bad_input;
  if (*format == remit::Format::html && html_to_terminal(o)) return bad_input;
  auto is_export = [](std::string path) {
    std::transform(path.begin(), path.end(), path.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return path.ends_with(".csv") || path.ends_with(".xlsx") || path.ends_with(".ods");
  };
  if (!o.structures.empty() && (is_export(old_side) || is_export(new_side))) {
    error(o,
          "--structure gives the one export two policies are compared over; OLD and NEW are then "
          "policies, not exports (to compare two exports, give them as OLD and NEW without "
          "--structure)");
    return bad_input;
  }
  auto side = [&](const std::string& path) {
    CommonOptions s = o;
    if (is_export(path)) {
      s.structures.insert(s.structures.begin(), path);
    } else {
      s.policies.insert(s.policies.begin(), path);
    }
    return s;
  };
  remit::Run &before = run_until_exit(), &after = run_until_exit();
  const CommonOptions old_o = side(old_side), new_o = side(new_side);
  if (o.verbose) spdlog::set_level(spdlog::level::debug);
  // The two sides are independent runs: loaded at once, on two threads, they take about the
  // time of one when a second core is free (at a million posts, each load takes 0.6 s). Their
  // messages are shown as loading one side after the other shows them: the old side's, then, if
  // it loaded, the new side's. An input that is not a plain file (a pipe, a terminal) could give
  // one side what the other did not read: then the sides load in turn, as before.
  Loaded was, now;
  if (both_sides_at_once(o, old_side, new_side)) {
    auto later = std::async(std::launch::async, [&] { return load_quietly(after, new_o); });
    was = load_quietly(before, old_o);
    now = later.get();
  } else {
    was = load_quietly(before, old_o);
    if (was.ok) now = load_quietly(after, new_o);
  }
  std::cerr << was.messages;
  if (!was.ok) return bad_input;
  std::cerr << now.messages;
  if (!now.ok) return bad_input;
  auto started = std::chrono::steady_clock::now();
  remit::Difference d = remit::compare(before, after);
  spdlog::debug(
      "phase {:<12} {:9.2f} ms", "compare",
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
          .count());
  if (chart) {
    note_to_review(o, before, "in " + old_side + ", ");
    note_to_review(o, after, "in " + new_side + ", ");
    const int written = emit_chart(o, *chart, [&] {
      remit::Chart c = remit::build_chart(before, after, d, {});
      c.title = "Changes from " + old_side + " to " + new_side;
      return c;
    });
    if (written != ok) return written;
    return finished(d.breaches_appeared.empty() ? ok : breach, {&before, &after});
  }
  std::ostringstream out;
  if (*format == remit::Format::html) {
    remit::ReportOptions page;
    page.chart_svg = chart_for_page(o, [&] {
      remit::Chart c = remit::build_chart(before, after, d, {});
      remit::link_changed_posts_only(c, d);
      return c;
    });
    out << remit::html_difference("Differences from " + old_side + " to " + new_side, d, page);
  } else {
    write_difference(out, "Differences from " + old_side + " to " + new_side, d, *format,
                     after.limits(), o.style);
  }
  if (with_explanations && *format == remit::Format::text) {
    for (const auto* list : {&d.changed, &d.entered, &d.left}) {
      for (const remit::CategoryChange& c : *list) {
        out << "\n"
            << remit::wrap("== " + c.id + ": why, in " + old_side, o.style.width, "", "   ");
        if (auto u = before.resolved().organisation.find_unit(c.id)) {
          out << remit::render_text(remit::explain_listing(before, *u), before.sources(), o.style);
        }
        out << remit::wrap("== " + c.id + ": why, in " + new_side, o.style.width, "", "   ");
        if (auto u = after.resolved().organisation.find_unit(c.id)) {
          out << remit::render_text(remit::explain_listing(after, *u), after.sources(), o.style);
        }
      }
    }
  }
  note_to_review(o, before, "in " + old_side + ", ");
  note_to_review(o, after, "in " + new_side + ", ");
  int written = emit(o, std::move(out).str());
  if (written != ok) return written;
  return finished(d.breaches_appeared.empty() ? ok : breach, {&before, &after});
}

// `remit suggest`: the designations the posts' titles suggest, as a designations sheet for a
// person to review. Nothing is applied.
int suggest(const CommonOptions& o) {
  if (o.structures.empty()) {
    error(o, "suggest reads the titles of an HR export: give it with --structure FILE");
    return bad_input;
  }
  remit::Run run;
  if (!load(run, o)) return bad_input;
  std::ostringstream out;
  remit::write_designation_suggestions(out, run);
  return emit(o, std::move(out).str());
}

// --color as written on the command line, for an error found before the options are read.
remit::ColourChoice colour_asked(int argc, char** argv) {
  for (int k = 1; k < argc; ++k) {
    std::string_view arg = argv[k];
    std::optional<remit::ColourChoice> c;
    if (arg.starts_with("--color=")) c = remit::parse_colour_choice(arg.substr(8));
    if (arg == "--color" && k + 1 < argc) c = remit::parse_colour_choice(argv[k + 1]);
    if (c) return *c;
  }
  return remit::ColourChoice::automatic;
}

// A usage error found by the command-line parser, in the style of every other error, with
// where to find the options.
int usage_error(const CLI::App& app, const CLI::ParseError& e, bool colour) {
  std::string message = e.what();
  // "A subcommand is required" reads as the rest of remit's messages do, after "error: ".
  if (message.size() > 1 && std::isupper(static_cast<unsigned char>(message[0])) &&
      (std::islower(static_cast<unsigned char>(message[1])) || message[1] == ' ')) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  const auto used = app.get_subcommands();
  // `remit frobnicate`: the word taken for a command is not one.
  if (used.empty() && !app.remaining().empty() && !app.remaining().front().starts_with("-")) {
    message = "no command '" + app.remaining().front() + "': the commands are ";
    const auto commands = app.get_subcommands({});
    for (std::size_t k = 0; k < commands.size(); ++k) {
      message += (k == 0                     ? ""
                  : k + 1 == commands.size() ? " and "
                                             : ", ") +
                 commands[k]->get_name();
    }
  }
  const std::string help =
      used.empty() ? "remit --help" : "remit " + used.back()->get_name() + " --help";
  say(remit::Severity::error, message + " (" + help + " lists the options)", colour);
  return bad_input;
}

}  // namespace

int main(int argc, char** argv) {
  // Writing to a closed pipe then fails with EPIPE, which write_stdout takes as the reader having
  // read enough, instead of killing the process before it can give its exit status.
  std::signal(SIGPIPE, SIG_IGN);
  // Likewise a file-size limit (`ulimit -f`) on a redirected standard output: a write error
  // (File too large), not a kill by SIGXFSZ. `-o FILE` sets this up for its own write too.
  std::signal(SIGXFSZ, SIG_IGN);
  auto logger = spdlog::stderr_color_mt("remit");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("remit: %l: %v");
  spdlog::set_level(spdlog::level::warn);

  CLI::App app{"remit: derive politically restricted posts and check governance rules"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "remit 0.1.0");
  // Global options, before or after the command: the command's own parser hands them up.
  app.fallthrough();
  std::string colour_choice = "auto";
  std::optional<unsigned> width_given;
  app.add_option("--color,--colour", colour_choice,
                 "auto (colour on a terminal unless NO_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--width", width_given,
                 "The columns text output may take (default: the terminal's, 80 when not a "
                 "terminal; 0: no limit)")
      ->check(CLI::Validator(
          [](const std::string& s) {
            unsigned n = 0;
            const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
            if (ec != std::errc() || p != s.data() + s.size() || (n != 0 && n < remit::min_width) ||
                n > 10000) {
              return "give a number of columns from " + std::to_string(remit::min_width) +
                     " to 10000, or 0 for no limit";
            }
            return std::string();
          },
          "N"));

  std::string jurisdiction_choice;
  app.add_option("--jurisdiction", jurisdiction_choice,
                 "england (default), wales or scotland: whose law the built-in policy applies "
                 "when no policy defines the categories; the policy's 'authority … jurisdiction' "
                 "must agree")
      ->check(CLI::IsMember({"england", "wales", "scotland"}));

  CommonOptions derive_opts, check_opts;
  bool all = false, check_explain = false;
  CLI::App* derive_cmd =
      app.add_subcommand("derive", "List the politically restricted posts, each in its category");
  add_common(*derive_cmd, derive_opts);
  derive_cmd
      ->add_option("--format", derive_opts.format,
                   "table (default on a terminal), csv, json, markdown or xlsx (a workbook; "
                   "with -o only); without it, -o FILE's extension chooses")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown", "xlsx"}));
  derive_cmd->add_flag("--all", all,
                       "Show every category each post meets, not only the one it is listed in");

  CLI::App* check_cmd = app.add_subcommand(
      "check", "Validate and evaluate; report every breached incompatibility or rule");
  add_common(*check_cmd, check_opts);
  check_cmd->add_option("--format", check_opts.format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  check_cmd->add_flag("--explain", check_explain,
                      "Explain each breach, down to the facts (as remit explain --breach N)");

  CommonOptions explain_opts;
  std::uint32_t why_not = 0;
  std::size_t breach_number = 0;
  CLI::App* explain_cmd = app.add_subcommand(
      "explain",
      "Show why a post is (or is not) in its category, or why a breach stands, down to the facts");
  add_common(*explain_cmd, explain_opts);
  explain_cmd->get_option("policy")->description(
      "Policy files or directories, then the post's id (no post id with --breach)");
  CLI::Option* why_not_opt = explain_cmd->add_option(
      "--why-not", why_not, "Explain this category instead: why the post meets it or not");
  CLI::Option* breach_opt = explain_cmd->add_option(
      "--breach", breach_number,
      "Explain breach N of remit check (from 1, in the order it prints them)");
  breach_opt->excludes(why_not_opt);
  explain_cmd->add_option("--format", explain_opts.format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  bool explain_plain = false;
  explain_cmd
      ->add_flag("--plain", explain_plain,
                 "The reason in plain sentences citing the Act, without file locations")
      ->excludes(breach_opt)
      ->excludes("--format");

  CommonOptions whatif_opts;
  Edits edits;
  CLI::App* whatif_cmd = app.add_subcommand(
      "whatif", "Apply a restructuring to a copy of the structure and show what changes");
  add_common(*whatif_cmd, whatif_opts);
  whatif_cmd->add_option("--scenario", edits.scenario, "The name of a scenario in the policy");
  whatif_cmd->add_option("--move", edits.move, "POST=MANAGER: the post reports to MANAGER instead");
  whatif_cmd->add_option("--remove", edits.remove, "POST: remove the post; its reports move up");
  whatif_cmd->add_option("--designate", edits.designate, "POST=ROLE: designate the post");
  whatif_cmd->add_option("--undesignate", edits.undesignate, "POST=ROLE: remove a designation");
  whatif_cmd->add_option("--assign", edits.assign, "PERSON=POST: the person also holds the post");
  whatif_cmd
      ->add_option("--format", whatif_opts.format,
                   "text (default), json, html (a page), or a chart of the structure after: svg "
                   "or dot")
      ->check(CLI::IsMember({"text", "json", "html", "svg", "dot"}));

  CommonOptions diff_opts;
  std::string old_side, new_side;
  bool diff_explain = false;
  CLI::App* diff_cmd = app.add_subcommand(
      "diff", "Compare two versions of a structure or policy: posts, breaches, lines");
  diff_cmd
      ->add_option("old", old_side, "The old version: a policy file or directory, or a .csv export")
      ->required();
  diff_cmd->add_option("new", new_side, "The new version, likewise")->required();
  diff_cmd->add_option("--policy", diff_opts.policies, "Policy files applied to both sides")
      ->allow_extra_args(false);
  diff_cmd
      ->add_option("--structure", diff_opts.structures,
                   "An HR export applied to both sides (to compare two policies over it)")
      ->allow_extra_args(false);
  diff_cmd->add_option("--holders", diff_opts.holders, "Holders CSV applied to both sides")
      ->allow_extra_args(false);
  add_columns(*diff_cmd, diff_opts);
  diff_cmd->add_option("--sheet", diff_opts.sheet, "In a workbook: the sheet to read");
  add_keep_going(*diff_cmd, diff_opts);
  diff_cmd->add_option("-o,--output", diff_opts.output, "Write the result to this file")
      ->check(names_a_file);
  diff_cmd->add_flag("-v,--verbose", diff_opts.verbose, "Trace the phases on stderr");
  diff_cmd->add_flag("--explain", diff_explain, "Explain each changed post on both sides");
  diff_cmd
      ->add_option("--format", diff_opts.format,
                   "text (default), json, html (a page), or a chart of the new version: svg or "
                   "dot")
      ->check(CLI::IsMember({"text", "json", "html", "svg", "dot"}));

  CommonOptions report_opts;
  std::string report_date;
  CLI::App* report_cmd = app.add_subcommand(
      "report",
      "Write the committee report: one self-contained HTML page with the list, the reasons, "
      "the departures from the Act and the breaches");
  add_common(*report_cmd, report_opts);
  report_cmd->add_option("--date", report_date,
                         "The date the report gives, YYYY-MM-DD (default: today)");

  CommonOptions suggest_opts;
  CLI::App* suggest_cmd = app.add_subcommand(
      "suggest",
      "List the designations posts' titles suggest, as a designations sheet to review (CSV)");
  add_common(*suggest_cmd, suggest_opts);

  CommonOptions graph_opts;
  remit::ChartOptions chart_options;
  CLI::App* graph_cmd = app.add_subcommand(
      "graph", "Draw the org chart, each post coloured by its category (SVG, or DOT for Graphviz)");
  add_common(*graph_cmd, graph_opts);
  graph_cmd
      ->add_option("--format", graph_opts.format,
                   "svg (default) or dot; without it, -o FILE's extension chooses")
      ->check(CLI::IsMember({"svg", "dot"}));
  graph_cmd->add_option("--root", chart_options.root,
                        "Draw this post and everything under it (for a large structure)");
  graph_cmd->add_option("--depth", chart_options.depth,
                        "Draw at most N levels under the root; the rest is counted in a box");

  // remit fmt and remit stdlib (authoring/format/fmt_command.hpp).
  std::vector<std::string> fmt_paths;
  remit::format::FmtOptions fmt_options;
  CLI::App* fmt_cmd =
      app.add_subcommand("fmt", "Lay out policy files in the one canonical layout, in place");
  fmt_cmd->add_option("path", fmt_paths, "Policy files, or folders to search for *.remit files")
      ->required();
  fmt_cmd->add_flag("--check", fmt_options.check,
                    "Write nothing; list the files that are not formatted (exit status 1)");
  fmt_cmd->add_flag("--diff", fmt_options.diff,
                    "Write nothing; show what formatting would change, as a unified diff");
  CLI::App* stdlib_cmd =
      app.add_subcommand("stdlib", "Read the built-in modules: the law as remit encodes it");
  stdlib_cmd->require_subcommand(1);
  CLI::App* stdlib_list_cmd =
      stdlib_cmd->add_subcommand("list", "List the built-in modules, each with what it holds");
  std::string stdlib_module;
  CLI::App* stdlib_show_cmd =
      stdlib_cmd->add_subcommand("show", "Print a built-in module's text, as remit uses it");
  stdlib_show_cmd->add_option("module", stdlib_module, "The module, as in uk/lgha1989")->required();
  // `remit test`: the policies' own tests (authoring/test/, docs/testing.md).
  remit::policy_test::Options test_options;
  std::vector<std::string> test_paths;
  CLI::App* test_cmd =
      app.add_subcommand("test", "Run the test blocks of policies and their *_test.remit files");
  test_cmd
      ->add_option("path", test_paths,
                   "A policy's folder (its tests and its *_test.remit files), a .remit file or a "
                   "*_test.remit file")
      ->required();
  test_cmd->add_option("--filter", test_options.filter,
                       "Run only the tests whose name contains TEXT (in any case)");
  test_cmd->add_flag("--coverage", test_options.coverage,
                     "List each category and rule of the policy that no test made fire");
  // `remit lsp`: the language server for editors (authoring/lsp/server.hpp, docs/editors.md).
  CLI::App* lsp_cmd = app.add_subcommand(
      "lsp", "Run the language server for editors: LSP over standard input and output");

  // The global options, which each command's own help does not list.
  for (CLI::App* command : app.get_subcommands({})) {
    command->footer(
        "Global options: --width N, --color auto|always|never, --jurisdiction "
        "england|wales|scotland (remit --help)");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(app, e, remit::detect_colour(STDERR_FILENO, colour_asked(argc, argv)));
  }
  const remit::ColourChoice colour = *remit::parse_colour_choice(colour_choice);
  const remit::TextStyle style{remit::detect_width(STDOUT_FILENO, width_given),
                               remit::detect_colour(STDOUT_FILENO, colour)};
  const bool error_colour = remit::detect_colour(STDERR_FILENO, colour);
  for (CommonOptions* o :
       {&derive_opts, &check_opts, &explain_opts, &whatif_opts, &diff_opts, &suggest_opts}) {
    o->style = style;
    o->error_colour = error_colour;
  }
  for (CommonOptions* o : {&derive_opts, &check_opts, &explain_opts, &whatif_opts, &diff_opts,
                           &suggest_opts, &report_opts, &graph_opts}) {
    o->jurisdiction = remit::ast::jurisdiction_named(jurisdiction_choice);
  }
  try {
    if (*derive_cmd) return derive(derive_opts, all);
    if (*check_cmd) return check(check_opts, check_explain);
    if (*explain_cmd) {
      if (breach_opt->count() > 0) return breach_explanation(explain_opts, breach_number);
      return explain(
          explain_opts,
          why_not_opt->count() > 0 ? std::optional<std::uint32_t>(why_not) : std::nullopt,
          explain_plain);
    }
    if (*whatif_cmd) return whatif(whatif_opts, edits);
    if (*diff_cmd) return diff(diff_opts, old_side, new_side, diff_explain);
    if (*suggest_cmd) return suggest(suggest_opts);
    if (*graph_cmd) return graph(graph_opts, chart_options);
    if (*report_cmd) return report(report_opts, report_date);
    if (*fmt_cmd) {
      fmt_options.colour = error_colour;
      return remit::format::run_fmt(fmt_paths, fmt_options, std::cout, std::cerr);
    }
    if (*stdlib_list_cmd) return remit::format::run_stdlib_list(std::cout);
    if (*stdlib_show_cmd) {
      return remit::format::run_stdlib_show(stdlib_module, std::cout, std::cerr, error_colour);
    }
    if (*test_cmd) {
      test_options.paths.assign(test_paths.begin(), test_paths.end());
      test_options.style = style;
      test_options.error_colour = error_colour;
      const remit::policy_test::Report result = remit::policy_test::run_tests(test_options);
      std::cerr << result.err << std::flush;
      CommonOptions out;
      out.error_colour = error_colour;
      if (write_stdout(out, result.out) != 0) return bad_input;
      return result.exit_status();
    }
    if (*lsp_cmd) {
      std::ios::sync_with_stdio(false);
      remit::lsp::ServerOptions lsp_options;
      lsp_options.format = remit::format::format_text;
      return remit::lsp::serve(std::cin, std::cout, lsp_options);
    }
  } catch (const std::bad_alloc&) {
    say(remit::Severity::error, "out of memory", error_colour);
    return bad_input;
  } catch (const std::exception& e) {
    say(remit::Severity::error, std::string("internal error: ") + e.what(), error_colour);
    return bad_input;
  }
  return bad_input;
}
