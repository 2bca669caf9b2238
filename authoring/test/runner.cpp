#include "authoring/test/runner.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "authoring/test/check.hpp"
#include "authoring/test/coverage.hpp"
#include "authoring/test/discover.hpp"
#include "remit/remit.hpp"
#include "source/diagnostic.hpp"

namespace fs = std::filesystem;

namespace remit::policy_test {
namespace {

bool name_matches(std::string_view name, std::string_view filter) {
  if (filter.empty()) return true;
  auto lower = [](unsigned char c) { return static_cast<char>(std::tolower(c)); };
  return std::search(name.begin(), name.end(), filter.begin(), filter.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != name.end();
}

std::string indented(std::string_view text, std::string_view by) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    out += line.empty() ? std::string() : std::string(by) + std::string(line);
    out += '\n';
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

// The failure of one expectation: where it is and what it says, then what was expected and
// what was found, each finding with its explanation (already laid out to the width, indented).
std::string failure_text(const SourceSet& sources, const ast::TestDecl& test,
                         const ast::Expectation& e, const Verdict& v, unsigned width) {
  auto lines = [width](const std::string& text) { return wrap_lines(text, width); };
  // What the expectation says: its text from where it starts to the end of that line (the
  // span's offset counts any byte order mark the column does not).
  const std::string_view text = sources.file(e.where.file).text;
  std::string_view written = text.substr(std::min<std::size_t>(e.where.offset, text.size()));
  written = written.substr(0, written.find_first_of("\r\n"));
  std::string out =
      lines(sources.where(e.where) + ": failed: " + std::string(written) + "\n  in test \"" +
            std::string(test.name.text) + "\"\n  expected: " + v.expected + "\n");
  for (const Finding& f : v.found) {
    out += lines("  found: " + (f.where.empty() ? "" : f.where + ": ") +
                 indented(f.text, "    ").substr(4));
    if (!f.why.empty()) out += "    because:\n" + indented(f.why, "      ");
  }
  if (v.findings_left > 0) {
    out += "  … and " + std::to_string(v.findings_left) + " more difference" +
           (v.findings_left == 1 ? "" : "s") + "\n";
  }
  return out;
}

bool is_among(const std::string& name, const std::vector<fs::path>& files) {
  return std::any_of(files.begin(), files.end(),
                     [&](const fs::path& f) { return f.string() == name; });
}

}  // namespace

Report run_tests(const Options& options) {
  Report report;
  const Discovery found = discover(options.paths);
  for (const std::string& e : found.errors) {
    report.err += render_message(Severity::error, e, options.error_colour);
    report.bad_input = true;
  }
  Coverage coverage;
  std::set<std::string> said;  // a policy's warnings, once however many suites load it
  std::size_t tests_found = 0, errors = 0;
  for (const Suite& suite : found.suites) {
    Run run;
    Inputs inputs;
    inputs.policies = suite.files;
    const bool loaded = run.load(inputs);
    if (!run.diagnostics().all().empty()) {
      std::string text = run.diagnostics_text(options.error_colour);
      if (said.insert(text).second) report.err += text;
    }
    if (!loaded) {
      report.bad_input = true;
      continue;
    }
    if (options.coverage) coverage.add_policy(run);
    Checker checker(run, coverage, options.style, options.error_colour);
    for (const ast::TestDecl& test : run.program().tests) {
      if (!is_among(run.sources().file(test.where.file).name, suite.tests_from)) continue;
      ++tests_found;
      if (!name_matches(test.name.text, options.filter)) continue;
      bool failed = false, broken = false;
      for (const ast::Expectation& e : test.expectations) {
        Outcome outcome = checker.check(e);
        if (const auto* problem = std::get_if<TestError>(&outcome)) {
          report.err += problem->text;
          broken = true;
          continue;
        }
        const Verdict& v = std::get<Verdict>(outcome);
        if (v.passed) continue;
        report.out += failure_text(run.sources(), test, e, v, options.style.width) + "\n";
        failed = true;
      }
      if (broken) {
        ++errors;
        report.bad_input = true;
      } else if (failed) {
        ++report.failed;
      } else {
        ++report.passed;
      }
    }
  }
  if (tests_found == 0 && !report.bad_input) {
    std::string where;
    for (const fs::path& p : options.paths) where += (where.empty() ? "" : ", ") + p.string();
    report.err += render_message(Severity::error,
                                 "no test blocks in " + where +
                                     " (a test is written `test \"name\" { expect … }`, in a "
                                     ".remit file or in a *_test.remit file beside a policy)",
                                 options.error_colour);
    report.bad_input = true;
  } else if (tests_found > 0 && report.passed + report.failed + errors == 0) {
    report.err += render_message(Severity::error,
                                 "no test's name contains \"" + options.filter + "\" (--filter)",
                                 options.error_colour);
    report.bad_input = true;
  }
  if (errors > 0) {
    report.err += render_message(Severity::error,
                                 std::to_string(errors) + " test" + (errors == 1 ? "" : "s") +
                                     " could not be checked (see above)",
                                 options.error_colour);
  }
  if (options.coverage) report.out += wrap_lines(coverage.report(), options.style.width);
  report.out +=
      std::to_string(report.passed) + " passed, " + std::to_string(report.failed) + " failed\n";
  return report;
}

}  // namespace remit::policy_test
