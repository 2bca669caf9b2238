// Helpers for the end-to-end tests of tests/check, tests/explain and tests/whatif: run the
// remit binary as a user would, and compare what it printed with a golden file.
//
//   CliRun r = run_cli({"explain", "policies/council-000/", "dir_housing"});
//   CHECK(r.status == 0);
//   check_golden("explain_dir_housing.txt", r.transcript());
//
// A golden file (tests/golden/*.txt) is the terminal session, exactly:
//
//   $ remit explain policies/council-000/ dir_housing
//   …what remit printed on stdout, then on stderr…
//   $ echo $?
//   0
//
// The comparison ignores nothing: every byte of the output, the command and the exit status.
// On a mismatch the test fails with a unified diff (expected = the golden file). To accept new
// output after a deliberate change, run the tests with REMIT_UPDATE_GOLDEN=1, which rewrites
// the golden files instead of comparing, then review them with `git diff tests/golden`.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"

namespace remit::test {

namespace fs = std::filesystem;

inline const fs::path project_dir = REMIT_PROJECT_DIR;
inline const fs::path golden_dir = fs::path(REMIT_PROJECT_DIR) / "tests" / "golden";

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// An argument as a shell shows it: bare when it is plain, otherwise in double quotes.
inline std::string shell_word(const std::string& arg) {
  const bool plain = !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
           c == '/' || c == '=' || c == ':' || c == ',';
  });
  if (plain) return arg;
  std::string s = "\"";
  for (char c : arg) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') s += '\\';
    s += c;
  }
  return s + "\"";
}

struct CliRun {
  std::string command;  // "remit explain …", as typed
  std::string out;      // standard output
  std::string err;      // standard error
  int status = -1;      // exit status

  // The session as a terminal shows it: the command, stdout then stderr, and the exit status.
  [[nodiscard]] std::string transcript() const {
    return "$ " + command + "\n" + out + err + "$ echo $?\n" + std::to_string(status) + "\n";
  }
};

// Runs `remit ARGS…` in `cwd` (default: the project directory, so that paths in the output
// read policies/…), with stdin from /dev/null.
inline CliRun run_cli(const std::vector<std::string>& args, const fs::path& cwd = project_dir) {
  CliRun r;
  r.command = "remit";
  std::string shell = "cd " + shell_word(cwd.string()) + " && " + shell_word(REMIT_CLI_PATH);
  for (const std::string& a : args) {
    r.command += " " + shell_word(a);
    shell += " " + shell_word(a);
  }
  TempDir capture;
  const fs::path out = capture.path() / "stdout", err = capture.path() / "stderr";
  shell += " < /dev/null > " + shell_word(out.string()) + " 2> " + shell_word(err.string());
  const int raw = std::system(shell.c_str());
  r.status = (raw != -1 && WIFEXITED(raw)) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start) + "\\ (no newline at end)");
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A unified diff of two texts, line by line, with 3 lines of context ("-" expected, "+" actual).
inline std::string unified_diff(const std::string& expected, const std::string& actual,
                                const std::string& expected_name) {
  const std::vector<std::string> a = lines_of(expected), b = lines_of(actual);
  const std::size_t n = a.size(), m = b.size();
  // Longest common subsequence table, from the ends (golden files are small).
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  struct Op {
    char kind;  // ' ', '-', '+'
    std::string text;
    std::size_t line_a, line_b;
  };
  std::vector<Op> ops;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ops.push_back({' ', a[i], i, j});
      ++i, ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push_back({'-', a[i], i, j});  // removals first, as `diff -u` shows them
      ++i;
    } else {
      ops.push_back({'+', b[j], i, j});
      ++j;
    }
  }
  std::string out = "--- " + expected_name + " (expected)\n+++ actual output\n";
  constexpr std::size_t context = 3;
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].kind == ' ') {
      ++k;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last
    // change that is within 2*context lines of the previous one.
    std::size_t begin = k >= context ? k - context : 0;
    std::size_t end = k;
    for (std::size_t q = k; q < ops.size(); ++q) {
      if (ops[q].kind != ' ') end = q;
      if (q > end + 2 * context) break;
    }
    end = std::min(ops.size(), end + context + 1);
    std::size_t count_a = 0, count_b = 0;
    for (std::size_t q = begin; q < end; ++q) {
      count_a += ops[q].kind != '+';
      count_b += ops[q].kind != '-';
    }
    out += "@@ -" + std::to_string(ops[begin].line_a + 1) + "," + std::to_string(count_a) + " +" +
           std::to_string(ops[begin].line_b + 1) + "," + std::to_string(count_b) + " @@\n";
    for (std::size_t q = begin; q < end; ++q)
      out += std::string(1, ops[q].kind) + ops[q].text + "\n";
    k = end;
  }
  return out;
}

// Compares `actual` with tests/golden/NAME, exactly. REMIT_UPDATE_GOLDEN=1 rewrites the file.
inline void check_golden(const std::string& name, const std::string& actual) {
  const fs::path path = golden_dir / name;
  if (const char* update = std::getenv("REMIT_UPDATE_GOLDEN");
      update && std::string(update) == "1") {
    write_file(path, actual);
    WARN("rewrote " << path.string());
    return;
  }
  INFO("golden file: " << path.string()
                       << " (run with REMIT_UPDATE_GOLDEN=1 to accept the new output)");
  REQUIRE(fs::exists(path));
  const std::string expected = read_file(path);
  if (expected == actual) {
    SUCCEED();
    return;
  }
  // Also on stderr, where the console reporter does not wrap the long lines.
  const std::string diff = unified_diff(expected, actual, "tests/golden/" + name);
  std::cerr << diff << std::flush;
  FAIL("the output differs from the golden file:\n" << diff);
}

}  // namespace remit::test
