// The documentation cannot drift: every terminal session that README.md and docs/ show (a fenced
// block whose first line starts with "$ ") is run, and what remit prints is compared with what
// the page shows. Conventions a page may use, each as an HTML comment on the line just before a
// fenced block (invisible when the page is rendered):
//
//   <!-- file: example.remit -->   the block is a file the sessions use; it is written, under
//                                   that name, into the folder where every session runs
//   <!-- timings vary -->          in this session, "0.47 ms" compares equal to any time, and
//                                   "8.9 MiB" to any size
//
// In a session, a line "…" (or "...") alone, however indented, stands for any number of lines
// the page leaves out. Sessions
// run with bash in a scratch folder that holds the repository's policies/, docs/, stdlib/ and
// tests/, the files above, `remit` on the PATH and `build/remit`, both the built command line.
// Each command's standard output is compared, then its standard error (as tests/golden do).
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/shared_data.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string trimmed_right(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  return s;
}

struct Command {
  std::string text;                 // after "$ "
  std::vector<std::string> output;  // the lines the page shows under it
  std::size_t line = 0;             // in the page, from 1
};

struct Session {
  std::vector<Command> commands;
  bool timings_vary = false;
};

struct Page {
  std::map<std::string, std::string> files;  // name → text
  std::vector<Session> sessions;
};

// Reads the fenced blocks of a Markdown page: files (marked) and sessions.
Page read_page(const fs::path& path) {
  Page page;
  const std::vector<std::string> lines = lines_of(read_text(path));
  static const std::regex file_marker(R"(^<!-- file: (\S+) -->$)");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].starts_with("```")) continue;
    const std::string before = i > 0 ? trimmed_right(lines[i - 1]) : "";
    std::size_t end = i + 1;
    while (end < lines.size() && !lines[end].starts_with("```")) ++end;
    std::vector<std::string> body(lines.begin() + static_cast<std::ptrdiff_t>(i + 1),
                                  lines.begin() + static_cast<std::ptrdiff_t>(end));
    std::smatch m;
    if (std::regex_match(before, m, file_marker)) {
      std::string text;
      for (const std::string& l : body) text += l + "\n";
      page.files[m[1]] = text;
    } else if (!body.empty() && body.front().starts_with("$ ")) {
      Session s;
      s.timings_vary = before == "<!-- timings vary -->";
      for (std::size_t k = 0; k < body.size(); ++k) {
        if (body[k].starts_with("$ ")) {
          s.commands.push_back(Command{body[k].substr(2), {}, i + 2 + k});
        } else {
          s.commands.back().output.push_back(trimmed_right(body[k]));
        }
      }
      page.sessions.push_back(std::move(s));
    }
    i = end;
  }
  return page;
}

// Runs one session's commands in `dir`, in one bash, each command seeing the previous one's
// exit status as `$?`. Returns each command's stdout followed by its stderr.
std::vector<std::string> run_session(const Session& s, const fs::path& dir) {
  std::string script = "cd '" + dir.string() + "' || exit 99\nexport PATH='" +
                       (dir / "bin").string() + "':\"$PATH\"\n__rc=0\n";
  for (std::size_t k = 0; k < s.commands.size(); ++k) {
    const std::string out = "'" + (dir / ("out." + std::to_string(k))).string() + "'";
    const std::string err = "'" + (dir / ("err." + std::to_string(k))).string() + "'";
    script += "( exit $__rc ); { " + s.commands[k].text + "\n} > " + out + " 2> " + err +
              " < /dev/null; __rc=$?\n";
  }
  const fs::path script_path = dir / "session.sh";
  std::ofstream(script_path, std::ios::binary) << script;
  const std::string command = "bash '" + script_path.string() + "'";
  REQUIRE(std::system(command.c_str()) != -1);
  std::vector<std::string> outputs;
  for (std::size_t k = 0; k < s.commands.size(); ++k) {
    outputs.push_back(read_text(dir / ("out." + std::to_string(k))) +
                      read_text(dir / ("err." + std::to_string(k))));
  }
  return outputs;
}

std::string without_timings(const std::string& line) {
  // The padding before a time or a size narrows as the figure widens, so it goes too.
  static const std::regex time(R"( *[0-9]+\.[0-9]+ (ms|MiB))");
  return std::regex_replace(line, time, " N $1");
}

bool is_gap(const std::string& line) {
  const std::size_t start = line.find_first_not_of(' ');
  return start != std::string::npos && (line.substr(start) == "…" || line.substr(start) == "...");
}

// Whether `actual` is what the page shows; a shown gap line matches any run of lines.
bool shows(std::vector<std::string> shown, std::vector<std::string> actual, bool timings_vary) {
  for (auto* lines : {&shown, &actual}) {
    for (std::string& l : *lines) {
      l = trimmed_right(l);
      if (timings_vary) l = without_timings(l);
    }
    while (!lines->empty() && lines->back().empty()) lines->pop_back();
  }
  // Matching with gaps: positions (shown i, actual j) reachable, as a small dynamic programme.
  const std::size_t n = shown.size(), m = actual.size();
  std::vector<std::vector<char>> ok(n + 1, std::vector<char>(m + 1, 0));
  ok[n][m] = 1;
  for (std::size_t i = n + 1; i-- > 0;) {
    for (std::size_t j = m + 1; j-- > 0;) {
      if (i == n) {
        ok[i][j] = j == m;
      } else if (is_gap(shown[i])) {
        ok[i][j] = ok[i + 1][j] || (j < m && ok[i][j + 1]);
      } else {
        ok[i][j] = j < m && shown[i] == actual[j] && ok[i + 1][j + 1];
      }
    }
  }
  return ok[0][0];
}

// Every file every page marks, so that one page may run what another shows.
std::map<std::string, std::string> all_files(const std::vector<fs::path>& pages) {
  std::map<std::string, std::string> files;
  for (const fs::path& p : pages) {
    for (auto& [name, text] : read_page(p).files) files[name] = text;
  }
  return files;
}

const std::vector<std::string> documented_pages = {
    "README.md",         "docs/cli.md",        "docs/json.md",   "docs/language.md",
    "docs/hr-export.md", "docs/formatting.md", "docs/testing.md"};

std::vector<fs::path> every_doc() {
  std::vector<fs::path> pages{remit::test::project_dir / "README.md"};
  for (const auto& e : fs::recursive_directory_iterator(remit::test::project_dir / "docs")) {
    if (e.path().extension() == ".md") pages.push_back(e.path());
  }
  return pages;
}

void check_page(const std::string& relative) {
  const fs::path project = remit::test::project_dir;
  const Page page = read_page(project / relative);
  REQUIRE_FALSE(page.sessions.empty());
  remit::test::TempDir dir;
  for (const char* sub : {"policies", "docs", "stdlib", "tests"}) {
    fs::create_directory_symlink(project / sub, dir / sub);
  }
  fs::create_directories(dir / "bin");
  fs::create_directories(dir / "build");
  fs::create_symlink(REMIT_CLI_PATH, dir / "bin" / "remit");
  fs::create_symlink(REMIT_CLI_PATH, dir / "build" / "remit");
  for (const auto& [name, text] : all_files(every_doc())) {
    fs::create_directories((dir / name).parent_path());
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  for (const Session& s : page.sessions) {
    const std::vector<std::string> outputs = run_session(s, dir.path());
    for (std::size_t k = 0; k < s.commands.size(); ++k) {
      const Command& c = s.commands[k];
      INFO(relative << ":" << c.line << ": $ " << c.text);
      std::string shown;
      for (const std::string& l : c.output) shown += l + "\n";
      INFO("the page shows:\n" << shown << "remit printed:\n" << outputs[k]);
      CHECK(shows(c.output, lines_of(outputs[k]), s.timings_vary));
    }
  }
}

}  // namespace

TEST_CASE("docs: the sessions README.md shows are what remit prints", "[docs]") {
  check_page("README.md");
}

TEST_CASE("docs: the sessions docs/cli.md shows are what remit prints", "[docs]") {
  check_page("docs/cli.md");
}

TEST_CASE("docs: the sessions docs/json.md shows are what remit prints", "[docs]") {
  check_page("docs/json.md");
}

TEST_CASE("docs: the sessions docs/language.md shows are what remit prints", "[docs]") {
  check_page("docs/language.md");
}

TEST_CASE("docs: the sessions docs/hr-export.md shows are what remit prints", "[docs]") {
  check_page("docs/hr-export.md");
}

TEST_CASE("docs: the sessions docs/formatting.md shows are what remit prints", "[docs]") {
  check_page("docs/formatting.md");
}

TEST_CASE("docs: the sessions docs/testing.md shows are what remit prints", "[docs]") {
  check_page("docs/testing.md");
}

TEST_CASE("docs: every page that shows a session is tested", "[docs]") {
  std::set<std::string> tested(documented_pages.begin(), documented_pages.end());
  for (const fs::path& p : every_doc()) {
    const std::string relative = fs::relative(p, remit::test::project_dir).string();
    INFO(relative << " shows a terminal session: add a test case for it here");
    if (!read_page(p).sessions.empty()) CHECK(tested.count(relative) == 1);
  }
}

TEST_CASE("docs: a shown '…' line stands for lines left out, nothing else does", "[docs]") {
  CHECK(shows({"a", "…"}, {"a", "b", "c"}, false));
  CHECK(shows({"a", "…", "c"}, {"a", "b", "b", "c"}, false));
  CHECK(shows({"a", "…", "c"}, {"a", "c"}, false));
  CHECK(shows({"a", "  ..."}, {"a", "b"}, false));
  CHECK_FALSE(shows({"a", "c"}, {"a", "b", "c"}, false));
  CHECK_FALSE(shows({"a", "b"}, {"a", "x"}, false));
  CHECK(shows({"phase parse 0.47 ms"}, {"phase parse 12.03 ms"}, true));
  CHECK(shows({"phase parse     0.47 ms"}, {"phase parse    12.03 ms"}, true));
  CHECK_FALSE(shows({"phase parse 0.47 ms"}, {"phase parse 12.03 ms"}, false));
  CHECK(shows({"parse 0.47 ms, peak    8.9 MiB"}, {"parse 1.20 ms, peak  190.3 MiB"}, true));
  CHECK_FALSE(shows({"parse 0.47 ms, peak 8.9 MiB"}, {"parse 0.47 ms, peak 8.9 GiB"}, true));
  CHECK(shows({"a", ""}, {"a"}, false));
}
