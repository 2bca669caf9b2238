// The command line's text output as a person reads it: within the width (80 columns when not a
// terminal, or --width), shortened text marked with "…" and a note, colours only when asked for
// or at a terminal, one style for every error, and a reader that stops reading (`| head -1`)
// ending the command quietly.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "report/terminal.hpp"
#include "tests/robustness/robustness_support.hpp"

using namespace remit::robust;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const fs::path project = REMIT_PROJECT_DIR;

CliResult remit_in_project(const std::vector<std::string>& args) {
  return run_cli(args, project);
}

// The widest line of `text`, in columns on screen, and the line.
std::pair<std::size_t, std::string> widest_line(const std::string& text) {
  std::pair<std::size_t, std::string> widest{0, ""};
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    const std::size_t w = remit::display_width(line);
    if (w > widest.first) widest = {w, line};
    start = end + 1;
  }
  return widest;
}

// The text outputs of the shipped policies and the documentation's examples.
std::vector<std::vector<std::string>> text_commands() {
  return {
      {"derive", "policies/council-000", "--format", "table"},
      {"derive", "policies/cambridgeshire", "--format", "table"},
      {"derive", "docs/examples/small-district.remit", "--format", "table"},
      {"derive", "policies/council-000", "--format", "table", "--all"},
      {"check", "policies/council-000"},
      {"check", "policies/cambridgeshire", "--explain"},
      {"check", "docs/examples/small-district.remit", "--explain"},
      {"explain", "policies/council-000", "dir_housing"},
      {"explain", "policies/council-000", "ad_homelessness"},
      {"explain", "policies/cambridgeshire", "head_legal"},
      {"explain", "docs/examples/small-district.remit", "--breach", "1"},
      {"whatif", "policies/council-000", "--scenario",
       "Monitoring Officer under the Chief Executive"},
      {"whatif", "policies/council-000", "--move", "dir_housing=ceo"},
      {"diff", "policies/council-000/structure.remit", "policies/council-000", "--explain"},
  };
}

std::string joined(const std::vector<std::string>& args) {
  std::string s = "remit";
  for (const std::string& a : args) s += " " + a;
  return s;
}

}  // namespace

TEST_CASE("terminal: no line of text output is wider than 80 columns when not a terminal",
          "[cli][terminal]") {
  for (const auto& args : text_commands()) {
    INFO(joined(args));
    CliResult r = remit_in_project(args);
    INFO(describe(r));
    REQUIRE(r.exited);
    CHECK(r.code <= 1);
    CHECK_FALSE(r.out.empty());
    const auto [width, line] = widest_line(r.out);
    INFO("widest line: " << line);
    CHECK(width <= 80);
  }
}

TEST_CASE("terminal: --width sets the width, before or after the command", "[cli][terminal]") {
  for (const std::string width : {"50", "120"}) {
    for (auto args : text_commands()) {
      args.insert(args.begin() + 1, {"--width", width});
      INFO(joined(args));
      CliResult r = remit_in_project(args);
      INFO(describe(r));
      REQUIRE(r.exited);
      CHECK(r.code <= 1);
      CHECK(widest_line(r.out).first <= std::stoul(width));
    }
  }
  // Before the command, as a global option.
  CliResult r = remit_in_project(
      {"--width", "60", "explain", "policies/council-000", "dir_housing", "--color=never"});
  INFO(describe(r));
  CHECK(r.code == 0);
  CHECK(widest_line(r.out).first <= 60);
  // 0: no limit, as remit printed before it knew widths.
  r = remit_in_project({"explain", "policies/council-000", "dir_housing", "--width", "0"});
  CHECK(widest_line(r.out).first > 100);
  // Too narrow for any layout: a usage error.
  r = remit_in_project({"derive", "policies/council-000", "--width", "10"});
  CHECK(r.code == 2);
  CHECK_THAT(line_one(r.err), StartsWith("remit: error: --width: "));
}

TEST_CASE("terminal: a shortened title ends with … and the output says where the full text is",
          "[cli][terminal]") {
  CliResult r = remit_in_project({"derive", "policies/council-000", "--format", "table"});
  INFO(describe(r));
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("…\n"));
  CHECK_THAT(r.out, Contains("\nText ending in … is shortened to fit 80 columns; the full text "
                             "is in --format\ncsv or json, or with --width.\n"));
  // Every title is there, whole or as the start of a shortened one.
  CHECK_THAT(
      r.out,
      Contains("  Executive Director of Regeneration, Housing and Environmental Services\n"));
  // Wide enough for the columns: the table, nothing shortened, no note.
  r = remit_in_project({"derive", "policies/council-000", "--format", "table", "--width", "300"});
  CHECK_THAT(r.out, !Contains("…"));
  CHECK_THAT(r.out, !Contains("shortened"));
  CHECK_THAT(r.out, Contains("  ed_rhes                           Executive Director of "
                             "Regeneration, Housing and Environmental Services   "));
}

TEST_CASE("terminal: CSV, JSON and Markdown are never shortened, whatever the width",
          "[cli][terminal]") {
  for (const std::string format : {"csv", "json", "markdown"}) {
    INFO(format);
    CliResult whole =
        remit_in_project({"derive", "policies/council-000", "--format", format, "--width", "0"});
    CliResult narrow =
        remit_in_project({"derive", "policies/council-000", "--format", format, "--width", "40"});
    CliResult coloured =
        remit_in_project({"derive", "policies/council-000", "--format", format, "--color=always"});
    REQUIRE(whole.code == 0);
    CHECK(narrow.out == whole.out);
    CHECK(coloured.out == whole.out);
    CHECK_THAT(whole.out, !Contains("…"));
    CHECK_THAT(whole.out,
               Contains("LD & MH Brokerage & Placements & Contract Management of Commissioned "
                        "Services"));
  }
  // The JSON of the other commands too.
  CliResult whole = remit_in_project(
      {"explain", "policies/council-000", "dir_housing", "--format", "json", "--width", "0"});
  CliResult narrow = remit_in_project(
      {"explain", "policies/council-000", "dir_housing", "--format", "json", "--width", "40"});
  CHECK(narrow.out == whole.out);
}

TEST_CASE("terminal: --color=always colours, never and a pipe do not, NO_COLOR is honoured",
          "[cli][terminal]") {
  const std::vector<std::string> check{"check", "docs/examples/small-district.remit"};
  auto with = [&](std::vector<std::string> args, const std::string& option) {
    args.push_back(option);
    return remit_in_project(args);
  };
  CliResult always = with(check, "--color=always");
  CHECK(always.code == 1);
  CHECK_THAT(always.out, Contains("\x1b[1;31mbreach:\x1b[0m"));
  CHECK_THAT(
      remit_in_project({"--color", "always", "derive", "policies/council-000", "--format", "table"})
          .out,
      Contains("\x1b[1;34mCategory 1 - The Head of Paid Service\x1b[0m"));
  CHECK_THAT(with(check, "--color=never").out, !Contains("\x1b"));
  CHECK_THAT(remit_in_project(check).out, !Contains("\x1b"));  // a pipe, auto
  CHECK_THAT(with(check, "--color=auto").out, !Contains("\x1b"));
  // Errors on stderr, too.
  CliResult missing =
      remit_in_project({"explain", "policies/council-000", "nobody", "--color", "always"});
  CHECK(missing.code == 2);
  CHECK_THAT(missing.err, StartsWith("\x1b[1mremit:\x1b[0m \x1b[1;31merror:\x1b[0m no post"));
  {
    ::setenv("NO_COLOR", "1", 1);
    CliResult no_color = with(check, "--color=auto");
    CliResult always_anyway = with(check, "--color=always");
    ::unsetenv("NO_COLOR");
    CHECK_THAT(no_color.out, !Contains("\x1b"));
    CHECK_THAT(always_anyway.out, Contains("\x1b["));  // always beats NO_COLOR
  }
  CliResult bad = with(check, "--color=sometimes");
  CHECK(bad.code == 2);
  CHECK_THAT(line_one(bad.err), StartsWith("remit: error: --color"));
}

TEST_CASE("terminal: the command-line parser's errors in remit's one style, exit status 2",
          "[cli][terminal]") {
  struct Usage {
    std::vector<std::string> args;
    std::string first_line;
  };
  const std::vector<Usage> cases{
      {{}, "remit: error: a subcommand is required (remit --help lists the options)"},
      {{"derive", "--bogus"},
       "remit: error: the following argument was not expected: --bogus (remit derive --help "
       "lists the options)"},
      {{"explain", "policies/council-000", "--why-not"},
       "remit: error: --why-not: 1 required UINT missing (remit explain --help lists the "
       "options)"},
      {{"frobnicate"},
       "remit: error: no command 'frobnicate': the commands are derive, check, explain, whatif, "
       "diff, report, suggest, graph, fmt, stdlib, test and lsp (remit --help lists the "
       "options)"},
  };
  for (const Usage& u : cases) {
    INFO(joined(u.args));
    CliResult r = remit_in_project(u.args);
    INFO(describe(r));
    REQUIRE(r.exited);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == u.first_line + "\n");
  }
}

TEST_CASE("terminal: each command's help names the global options", "[cli][terminal]") {
  for (const std::string command : {"derive", "check", "explain", "whatif", "diff", "suggest"}) {
    CliResult r = remit_in_project({command, "--help"});
    INFO(command);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Contains("Global options: --width N, --color auto|always|never"));
  }
  CliResult r = remit_in_project({"--help"});
  CHECK_THAT(r.out, Contains("--width"));
  CHECK_THAT(r.out, Contains("--color,--colour"));
}

TEST_CASE("terminal: piping into head -1 ends quietly with exit status 0", "[cli][terminal]") {
  // An output far bigger than a pipe holds, so that remit is still writing when the reader
  // closes its end after the first line.
  TempDir dir;
  std::string csv =
      "id,title,service,directorate,reports_to,designations,flags\n"
      "ceo,Chief Executive,S,D,,head_of_paid_service,\n";
  for (int k = 0; k < 20000; ++k) {
    csv += "p" + std::to_string(k) + ",Officer with delegated powers number " + std::to_string(k) +
           ",Service,Directorate,ceo,,delegated_powers\n";
  }
  write_text(dir / "big.csv", csv);
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  const fs::path err_path = dir / "stderr";
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // As a shell starts a command: the default action for SIGPIPE.
    ::signal(SIGPIPE, SIG_DFL);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err < 0 || ::chdir(dir.path().c_str()) != 0) ::_exit(127);
    ::dup2(ends[1], 1);
    ::dup2(err, 2);
    ::close(ends[0]);
    ::execl(REMIT_CLI_PATH, REMIT_CLI_PATH, "derive", "--structure", "big.csv", "--format", "table",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(ends[1]);
  // `head -1`: read up to the first line break, then close.
  std::string first;
  char c = 0;
  while (::read(ends[0], &c, 1) == 1 && c != '\n') first += c;
  ::close(ends[0]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  INFO("stderr: " << read_text(err_path));
  CHECK(first == "Category 1 - The Head of Paid Service");
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(read_text(err_path).empty());
}

TEST_CASE("terminal: a write error other than a closed pipe is still an error", "[cli][terminal]") {
  CliResult r = run_cli(
      {"derive", "policies/council-000"}, project, std::chrono::seconds(60), [](pid_t) {},
      Stdout::full_device);
  REQUIRE(r.exited);
  CHECK(r.code == 2);
  CHECK(r.err == "remit: error: cannot write the output: No space left on device\n");
}
