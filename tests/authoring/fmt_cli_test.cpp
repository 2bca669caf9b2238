// `remit fmt` and `remit stdlib` as a user runs them: files rewritten in place or left alone,
// exit statuses, --check and --diff, and what happens when a file cannot be written.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using remit::test::TempDir;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `remit ARGS` in `dir` with sh, after `before` (a `ulimit`, say).
Result run(const TempDir& dir, const std::string& args, const std::string& before = "") {
  TempDir capture;
  const std::string command =
      "cd '" + dir.path().string() + "' && " + before + "'" + std::string(REMIT_CLI_PATH) + "' " +
      args + " > '" + (capture / "out").string() + "' 2> '" + (capture / "err").string() + "'";
  const int raw = std::system(command.c_str());
  Result r;
  REQUIRE(WIFEXITED(raw));
  r.status = WEXITSTATUS(raw);
  r.out = read_text(capture / "out");
  r.err = read_text(capture / "err");
  return r;
}

const std::string unformatted = "post a   \"A\" {reports to b\n      vacant}\n";
const std::string formatted = "post a \"A\" {\n  reports to b\n  vacant\n}\n";
const std::string broken = "post a \"A\" {\n  reports b\n}\n";

}  // namespace

TEST_CASE("fmt cli: rewrites the files of a folder in place and says which",
          "[authoring][fmt][cli]") {
  TempDir dir;
  fs::create_directories(dir / "p/sub");
  dir.write("p/a.remit", unformatted);
  dir.write("p/sub/b.remit", formatted);
  dir.write("p/notes.txt", unformatted);
  const Result r = run(dir, "fmt p");
  CHECK(r.status == 0);
  CHECK(r.out == "formatted p/a.remit\n");
  CHECK(read_text(dir / "p/a.remit") == formatted);
  CHECK(read_text(dir / "p/sub/b.remit") == formatted);
  CHECK(read_text(dir / "p/notes.txt") == unformatted);  // not a policy file
  CHECK(run(dir, "fmt p/a.remit").out.empty());          // nothing left to do
}

TEST_CASE("fmt cli: a file with a syntax error is left byte for byte, with the error and exit 2",
          "[authoring][fmt][cli]") {
  TempDir dir;
  dir.write("bad.remit", broken);
  dir.write("good.remit", unformatted);
  const Result r = run(dir, "fmt bad.remit good.remit");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, StartsWith("bad.remit:2:11: error:"));
  CHECK_THAT(r.err, Contains("bad.remit is left as it was"));
  CHECK(read_text(dir / "bad.remit") == broken);
  CHECK(read_text(dir / "good.remit") == formatted);  // the others are still done
  CHECK(run(dir, "fmt --check bad.remit").status == 2);
}

TEST_CASE("fmt cli: --check lists the unformatted files, exits 1 and writes nothing",
          "[authoring][fmt][cli]") {
  TempDir dir;
  dir.write("a.remit", unformatted);
  dir.write("b.remit", formatted);
  dir.write("c.remit", unformatted);
  const Result r = run(dir, "fmt --check .");
  CHECK(r.status == 1);
  CHECK(r.out == "./a.remit\n./c.remit\n");
  CHECK(read_text(dir / "a.remit") == unformatted);
  CHECK(run(dir, "fmt --check b.remit").status == 0);
}

TEST_CASE("fmt cli: --diff prints a unified diff and writes nothing", "[authoring][fmt][cli]") {
  TempDir dir;
  dir.write("a.remit", unformatted);
  const Result r = run(dir, "fmt --diff a.remit");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "--- a.remit\n+++ a.remit\n@@ -1,2 +1,4 @@\n-post a   \"A\" {reports to b\n-      vacant}\n"
        "+post a \"A\" {\n+  reports to b\n+  vacant\n+}\n");
  CHECK(read_text(dir / "a.remit") == unformatted);
  CHECK(run(dir, "fmt --check --diff a.remit").status == 1);
}

TEST_CASE("fmt cli: a file that cannot be written is a clear error and is left as it was",
          "[authoring][fmt][cli]") {
  TempDir dir;
  // Long enough that its formatted text passes a one-block file-size limit.
  std::string text;
  for (int k = 0; k < 60; ++k) text += "post p" + std::to_string(k) + " \"P\" {vacant   }\n";
  dir.write("big.remit", text);
  const Result r = run(dir, "fmt big.remit", "ulimit -f 1; ");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, StartsWith("remit: error: cannot write 'big.remit': "));
  CHECK_THAT(r.err, Contains("the file is left as it was"));
  CHECK(read_text(dir / "big.remit") == text);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++files;
  CHECK(files == 1);  // no temporary file left behind
}

TEST_CASE("fmt cli: a read-only folder is a clear error and nothing in it changes",
          "[authoring][fmt][cli]") {
  TempDir dir;
  fs::create_directories(dir / "ro");
  dir.write("ro/a.remit", unformatted);
  fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  const Result r = run(dir, "fmt ro");
  fs::permissions(dir / "ro", fs::perms::owner_all);
  if (::geteuid() == 0) {
    // The superuser may write anyway: then it is formatted whole.
    CHECK(r.status == 0);
    CHECK(read_text(dir / "ro/a.remit") == formatted);
  } else {
    CHECK(r.status == 2);
    CHECK_THAT(r.err, StartsWith("remit: error: cannot write 'ro/a.remit': "));
    CHECK(read_text(dir / "ro/a.remit") == unformatted);
  }
}

TEST_CASE("fmt cli: a path that does not exist is an error, exit 2", "[authoring][fmt][cli]") {
  TempDir dir;
  const Result r = run(dir, "fmt missing.remit");
  CHECK(r.status == 2);
  CHECK(r.err == "remit: error: no file or folder 'missing.remit'\n");
}

TEST_CASE("stdlib cli: list names every built-in module with its summary",
          "[authoring][stdlib][cli]") {
  TempDir dir;
  const Result r = run(dir, "stdlib list");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("uk/lgha1989 "));
  CHECK_THAT(r.out, Contains("uk/roles "));
  CHECK_THAT(r.out, Contains("the vocabulary of UK local government officer law.\n"));
}

TEST_CASE("stdlib cli: show prints a module's text as built in", "[authoring][stdlib][cli]") {
  TempDir dir;
  const Result r = run(dir, "stdlib show uk/roles");
  CHECK(r.status == 0);
  CHECK(r.out == read_text(fs::path(REMIT_PROJECT_DIR) / "stdlib/uk/roles.remit"));
}

TEST_CASE("stdlib cli: an unknown module is an error with the closest name, exit 2",
          "[authoring][stdlib][cli]") {
  TempDir dir;
  const Result r = run(dir, "stdlib show uk/lgha1898");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, StartsWith("remit: error: no built-in module 'uk/lgha1898' (did you mean "
                               "'uk/lgha1989'?)"));
  CHECK(r.out.empty());
}
