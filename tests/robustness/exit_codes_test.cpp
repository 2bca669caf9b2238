// The command line's exit status for every bad input in docs/robustness.md: 0 ok, 1 a breach
// (remit check), 2 bad input or usage; never a signal, never a hang. Each case runs the real
// binary (REMIT_CLI_PATH) in a temporary directory and checks the status and the first line of
// what it printed on stderr.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "tests/robustness/robustness_support.hpp"

using namespace remit::robust;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string header = "id,title,service,directorate,reports_to,designations,flags\n";

struct Case {
  std::string name;
  std::vector<std::pair<std::string, std::string>> files;  // written into the directory
  std::vector<std::string> args;
  int code;
  std::string first_line;  // of stderr; "" to want no stderr at all
  bool prefix = false;     // first_line is only the start of the line
};

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string garbage(std::size_t n) {
  std::mt19937 rng(7);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xff);
  return s;
}

const std::string good_policy =
    "use \"uk/lgha1989\"\nuse \"uk/statutory_officers\"\nbody council \"Council\"\n"
    "post ceo \"Chief Executive\" { reports to council designated head_of_paid_service }\n"
    "post mo \"Monitoring Officer\" { reports to ceo designated monitoring_officer }\n";

// The Act alone: categories, no rules to break.
const std::string plain_policy =
    "use \"uk/lgha1989\"\nbody council \"Council\"\n"
    "post ceo \"Chief Executive\" { reports to council designated head_of_paid_service }\n";

std::vector<Case> cases() {
  std::string cycle100k;
  for (int i = 0; i < 100000; ++i) {
    cycle100k += "post p" + std::to_string(i) + " \"P\" { reports to p" +
                 std::to_string((i + 1) % 100000) + " }\n";
  }
  return {
      // ---- fine ----
      {"a good policy", {{"p.remit", good_policy}}, {"derive", "p.remit"}, 0, ""},
      {"the default policy", {}, {"derive"}, 0, ""},
      {"check without breaches", {{"p.remit", plain_policy}}, {"check", "p.remit"}, 0, ""},
      {"check with a breach",
       {{"p.remit", good_policy + "person pat \"Pat\" { holds ceo, mo }\n"}},
       {"check", "p.remit"},
       1,
       ""},
      {"an empty policy file", {{"e.remit", ""}}, {"derive", "e.remit"}, 0, ""},
      {"a CRLF policy",
       {{"c.remit", "post a \"A\"\r\npost b \"B\" { reports to a }\r\n"}},
       {"derive", "c.remit"},
       0,
       ""},
      {"a BOM", {{"b.remit", "\xef\xbb\xbfpost a \"A\"\n"}}, {"derive", "b.remit"}, 0, ""},
      {"a CSV with a header only", {{"s.csv", header}}, {"derive", "--structure", "s.csv"}, 0, ""},
      {"--help", {}, {"--help"}, 0, ""},
      {"--version", {}, {"--version"}, 0, ""},
      // ---- usage ----
      {"no subcommand",
       {},
       {},
       2,
       "remit: error: a subcommand is required (remit --help lists the options)"},
      {"an unknown option",
       {},
       {"derive", "--bogus"},
       2,
       "remit: error: the following argument was not expected: --bogus (remit derive --help "
       "lists the options)"},
      {"an unknown format",
       {},
       {"derive", "--format", "xml"},
       2,
       "remit: error: --format: xml not in {table,csv,json,markdown,xlsx} (remit derive --help "
       "lists the options)"},
      {"-o into a missing directory",
       {{"p.remit", good_policy}},
       {"derive", "p.remit", "-o", "no/such/dir/out.csv"},
       2,
       "remit: error: cannot write 'no/such/dir/out.csv",
       true},
      // ---- bad text ----
      {"100,000 opening parentheses",
       {{"d.remit", "let x = " + repeat("(", 100000) + "any post" + repeat(")", 100000)}},
       {"derive", "d.remit"},
       2,
       "d.remit:1:209: error: expression nested too deeply (more than 200 levels of "
       "parentheses, 'not' or 'reports … to'); name a part of it with 'let'"},
      {"a NUL byte",
       {{"n.remit", std::string("post a \"A\0\"\n", 12)}},
       {"derive", "n.remit"},
       2,
       "n.remit:1:10: error: this file contains a NUL byte: it is not a text file (is it a "
       "spreadsheet or a UTF-16 export? save it as UTF-8 text)"},
      {"invalid UTF-8",
       {{"u.remit", "post a \"A\xff\"\n"}},
       {"derive", "u.remit"},
       2,
       "u.remit:1:10: error: this byte is not valid UTF-8: save the file as UTF-8 text"},
      {"1 MB of garbage",
       {{"g.remit", garbage(1 << 20)}},
       {"derive", "g.remit"},
       2,
       "g.remit:1:",
       true},
      {"garbage as a CSV export",
       {{"g.csv", garbage(1 << 20)}},
       {"derive", "--structure", "g.csv"},
       2,
       "g.csv:1:",
       true},
      {"a syntax error",
       {{"s.remit", "post a \"A\" {\n  reports too b\n}\n"}},
       {"derive", "s.remit"},
       2,
       "s.remit:2:11: error: expected 'to'"},
      {"a 1 MB identifier in an error",
       {{"l.remit", "post " + std::string(1 << 20, 'x') + " \"T\" oops\n"}},
       {"derive", "l.remit"},
       2,
       "l.remit:1:",
       true},
      // ---- files and modules ----
      {"a missing policy file",
       {},
       {"derive", "nope.remit"},
       2,
       "error: cannot read 'nope.remit': No such file or directory"},
      {"a directory as a CSV export",
       {{"d.csv/x", ""}},
       {"derive", "--structure", "d.csv"},
       2,
       "error: 'd.csv' is a directory, not a file"},
      {"a use cycle",
       {{"a.remit", "use \"b.remit\"\n"}, {"b.remit", "use \"a.remit\"\n"}},
       {"derive", "a.remit"},
       2,
       "b.remit:1:1: error: 'use' cycle: a.remit -> b.remit -> a.remit"},
      {"a missing stdlib module",
       {{"m.remit", "use \"uk/nope\"\n"}},
       {"derive", "m.remit"},
       2,
       "m.remit:1:1: error: no module 'uk/nope' in the stdlib "
       "(modules: england/deputies, england/lgha1989, england/statutory_officers, "
       "england/statutory_officers_held, england/upper_tier, scotland/deputies, "
       "scotland/lgha1989, scotland/statutory_officers, "
       "scotland/statutory_officers_held, uk/lgha1989, uk/roles, "
       "uk/statutory_officers, uk/statutory_officers_held, uk/upper_tier, "
       "wales/deputies, wales/lgha1989, wales/statutory_officers, "
       "wales/statutory_officers_held); to use a file of your own, give its name "
       "ending in .remit"},
      {"a missing module file",
       {{"m.remit", "use \"nope.remit\"\n"}},
       {"derive", "m.remit"},
       2,
       "m.remit:1:1: error: cannot read 'nope.remit': No such file or directory"},
      // ---- CSV exports ----
      {"an empty CSV export",
       {{"e.csv", ""}},
       {"derive", "--structure", "e.csv"},
       2,
       "e.csv:1:1: error: empty file: expected a header line such as "
       "`id,title[,service][,directorate][,reports_to][,designations][,flags][,accountable_to]`"},
      {"duplicate columns",
       {{"d.csv", "id,title,id,service,directorate,reports_to,designations,flags\n"}},
       {"derive", "--structure", "d.csv"},
       2,
       "d.csv:1:10: error: column \"id\" appears twice in the header: remove one, or say which to "
       "read with --columns id=\"...\""},
      {"unbalanced quotes",
       {{"q.csv", header + "a,\"unbalanced,S,D,,,\n"}},
       {"derive", "--structure", "q.csv"},
       2,
       "q.csv:2:3: error: this quoted field is never closed: the file ends before its closing "
       "`\"` (a `\"` inside a quoted value must be written twice, as `\"\"`)"},
      // ---- structure faults ----
      {"a reporting cycle",
       {{"c.csv", header + "a,A,S,D,b,,\nb,B,S,D,a,,\n"}},
       {"derive", "--structure", "c.csv"},
       2,
       "c.csv:2:9: error: reporting cycle of 2 posts: a -> b -> a; a post cannot report to "
       "itself, directly or through others"},
      {"a 100,000-post reporting cycle",
       {{"c.remit", cycle100k}},
       {"derive", "c.remit"},
       2,
       "c.remit:1:26: error: reporting cycle of 100000 posts: p0 -> p1 -> ",
       true},
      {"a self-report",
       {{"s.remit", "post a \"A\" { reports to a }\n"}},
       {"derive", "s.remit"},
       2,
       "s.remit:1:25: error: post 'a' reports to itself"},
      {"a report to a missing post",
       {{"m.remit", "post a \"A\" { reports to b }\n"}},
       {"derive", "m.remit"},
       2,
       "m.remit:1:25: error: a reports to 'b', which is not a post or body (did you mean 'a'?)"},
      {"one id in two files",
       {{"a.remit", "post a \"A\"\n"}, {"b.remit", "post a \"B\"\n"}},
       {"derive", "a.remit", "b.remit"},
       2,
       "b.remit:1:6: error: the id 'a' is used twice"},
      {"a person holding a missing post",
       {{"h.csv", "person,post_id\npat,ghost\n"}},
       {"derive", "--holders", "h.csv"},
       2,
       "h.csv:2:5: error: person pat holds 'ghost', which is not a post or body"},
  };
}

}  // namespace

TEST_CASE("robustness: exit codes are 0, 1 or 2 for every bad input, never a signal",
          "[robustness][cli]") {
  for (const Case& c : cases()) {
    INFO("case: " << c.name);
    TempDir dir;
    for (const auto& [name, text] : c.files) {
      fs::create_directories((dir / name).parent_path());
      if (name.ends_with("/x")) continue;  // just the directory
      write_text(dir / name, text);
    }
    CliResult r = run_cli(c.args, dir.path());
    INFO(describe(r));
    REQUIRE(r.exited);
    CHECK(r.code == c.code);
    if (c.first_line.empty()) {
      CHECK(r.err.empty());
    } else if (c.prefix) {
      CHECK_THAT(line_one(r.err), StartsWith(c.first_line));
    } else {
      CHECK(line_one(r.err) == c.first_line);
    }
    CHECK(r.err.size() < 20000);  // errors are read by people: no flood
  }
}

TEST_CASE("robustness: a policy file over 1 GiB is refused at once by the CLI",
          "[robustness][cli]") {
  // A sparse file: 1 GiB + 1 MiB of NUL bytes that take no disk space.
  TempDir dir;
  { std::ofstream touch(dir / "huge.remit"); }
  fs::resize_file(dir / "huge.remit", (std::uintmax_t{1} << 30) + (1 << 20));
  CliResult r = run_cli({"derive", "huge.remit"}, dir.path(), std::chrono::seconds(20));
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 2);
  CHECK(line_one(r.err) == "error: 'huge.remit' is 1025 MiB: larger than the limit of 1024 MiB");
  CHECK(r.seconds < 5);
}

TEST_CASE("robustness: a breach and an output file: exit 1, and the report is written",
          "[robustness][cli]") {
  TempDir dir;
  write_text(dir / "p.remit", good_policy + "person pat \"Pat\" { holds ceo, mo }\n");
  CliResult r = run_cli({"check", "p.remit", "-o", "report.txt"}, dir.path());
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 1);
  CHECK_THAT(read_text(dir / "report.txt"), Contains("pat"));
}

TEST_CASE("robustness: a Latin-1 CSV export is converted from Windows-1252, in every format",
          "[robustness][cli]") {
  // Once a fault: the export loaded; --format json ended in "remit: internal error:
  // [json.exception.type_error.316] invalid UTF-8 byte at index 12: 0x6E" and the other
  // formats copied the Latin-1 bytes into their output. Then it was refused; now it is read
  // as Windows-1252 (which Latin-1 text is too) and converted, with a warning.
  TempDir dir;
  write_text(dir / "latin1.csv",
             "id,title,service,directorate,reports_to,designations,flags\n"
             "ceo,Directeur g\xe9n\xe9ral,S,D,,head_of_paid_service,\n");
  for (const std::string format : {"json", "csv"}) {
    INFO(format);
    CliResult r = run_cli({"derive", "--structure", "latin1.csv", "--format", format}, dir.path());
    INFO(describe(r));
    REQUIRE(r.exited);
    CHECK(r.code == 0);
    CHECK(line_one(r.err) ==
          "latin1.csv:2:16: warning: read as Windows-1252 (not UTF-8); save it as \"CSV UTF-8\" "
          "to silence this");
    CHECK_THAT(r.out, Contains("Directeur g\xc3\xa9n\xc3\xa9ral"));
    CHECK_THAT(r.err, !Contains("internal error"));
  }
}

TEST_CASE("robustness: standard output closed by its reader: no signal, no message",
          "[robustness][cli]") {
  // Once a fault: `remit derive policies/council-000 | true` ended by SIGPIPE (shell status
  // 141), not by an exit status; then it said "cannot write the output: Broken pipe", exit 2.
  // A reader that stops reading has read what it wanted: the command ends quietly.
  TempDir dir;
  write_text(dir / "p.remit", plain_policy);
  CliResult r = run_cli(
      {"derive", "p.remit"}, dir.path(), std::chrono::seconds(60), [](pid_t) {},
      Stdout::closed_pipe);
  INFO(describe(r));
  CHECK(r.signal == 0);
  REQUIRE(r.exited);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
}

TEST_CASE("robustness: standard output on a full disk is an error, not exit 0",
          "[robustness][cli]") {
  // Once a fault: `remit derive … > /dev/full` exited 0 with nothing written.
  TempDir dir;
  write_text(dir / "p.remit", plain_policy);
  CliResult r = run_cli(
      {"derive", "p.remit"}, dir.path(), std::chrono::seconds(60), [](pid_t) {},
      Stdout::full_device);
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 2);
  CHECK(line_one(r.err) == "remit: error: cannot write the output: No space left on device");
}

TEST_CASE("robustness: every syntax error of a file is reported, and nothing is listed",
          "[robustness]") {
  TempDir dir;
  write_text(dir / "s.remit",
             "post ceo \"CEO\" { designated head_of_paid_service }\n"
             "post a \"A\" {\n  reports too ceo\n}\n"
             "category 1 \"Chief\" { when designated head_of_paid_service }\n"
             "let x = reports ceo\n"
             "post b \"B\" { reports to ceo 150% }\n");
  CliResult r = run_cli({"derive", "s.remit"}, dir.path());
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(line_one(r.err) == "s.remit:3:11: error: expected 'to'");
  CHECK_THAT(r.err, Contains("\ns.remit:6:17: error: expected 'to', 'directly to'"));
  CHECK_THAT(r.err, Contains("\ns.remit:7:29: error: a share is a percentage above 0"));
  CHECK_THAT(r.err, Catch::Matchers::EndsWith("\n3 errors generated.\n"));
}

TEST_CASE("robustness: a misspelt keyword is pointed at from its first letter", "[robustness]") {
  // `reports too b`: the error points at `too` (column 11), not after the `to` that matched.
  TempDir dir;
  write_text(dir / "s.remit", "post a \"A\" {\n  reports too b\n}\n");
  CliResult r = run_cli({"derive", "s.remit"}, dir.path());
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 2);
  CHECK(line_one(r.err) == "s.remit:2:11: error: expected 'to'");
}
