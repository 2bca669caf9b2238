// Reading only what was meant: a pipe in a policy folder is skipped (not waited on for ever), a
// `use` of a module name cannot climb out of the stdlib, and an embedding service can confine
// every `use` and `import` to the folders it names.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>
#include <string>

#include "tests/robustness/robustness_support.hpp"

using namespace remit::robust;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string policy =
    "use \"uk/lgha1989\"\nbody council \"Council\"\n"
    "post ceo \"Chief Executive\" { reports to council designated head_of_paid_service }\n";

const std::string outside_post = "post secret \"Outside\" { reports to ceo }\n";

// Sets an environment variable for as long as it lives (the child process inherits it).
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("reading safety: a FIFO in a policy folder is skipped with a warning",
          "[robustness][cli][input]") {
  TempDir dir;
  fs::create_directory(dir / "folder");
  write_text(dir / "folder" / "a.remit", policy);
  REQUIRE(::mkfifo((dir / "folder" / "b.remit").c_str(), 0600) == 0);
  // Before, this waited for ever for someone to write to the pipe: the timeout guards the suite.
  CliResult r = run_cli({"derive", "folder"}, dir.path(), std::chrono::seconds(20));
  INFO(describe(r));
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Contains("warning: skipped 'folder/b.remit': it is not a regular file"));
  CHECK_THAT(r.out, Contains("ceo"));
}

TEST_CASE("reading safety: a sub-folder named x.remit in a policy folder is skipped with a warning",
          "[robustness][cli][input]") {
  // Once a fault: `error: 'folder/old.remit' is a directory, not a file`, status 2, although a
  // folder's sub-folders are not read.
  TempDir dir;
  fs::create_directories(dir / "folder" / "old.remit");
  write_text(dir / "folder" / "a.remit", policy);
  write_text(dir / "folder" / "old.remit" / "b.remit", "this is not read\n");
  CliResult r = run_cli({"derive", "folder", "--format", "csv"}, dir.path());
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Contains("warning: skipped 'folder/old.remit': it is a folder"));
  CHECK_THAT(r.out, Contains("ceo"));
}

TEST_CASE("reading safety: a file named twice through a hard link is read once",
          "[robustness][cli][input]") {
  // Once a fault: read twice, so every id in it was "used twice" (status 2), where two
  // spellings of one path or a symbolic link were read once.
  TempDir dir;
  write_text(dir / "a.remit", policy);
  fs::create_hard_link(dir / "a.remit", dir / "b.remit");
  write_text(dir / "s.csv",
             "id,title,service,directorate,reports_to,designations,flags\nd1,D,,,ceo,,\n");
  fs::create_hard_link(dir / "s.csv", dir / "t.csv");
  CliResult r = run_cli(
      {"derive", "a.remit", "b.remit", "--structure", "s.csv", "--structure", "t.csv"}, dir.path());
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Contains("ceo"));
}

TEST_CASE("reading safety: a module name cannot reach outside the stdlib folder",
          "[robustness][cli][input]") {
  TempDir dir;
  fs::create_directories(dir / "lib" / "uk");
  fs::create_directory(dir / "outside");
  write_text(dir / "outside" / "x.remit", outside_post);
  write_text(dir / "p.remit", policy + "use \"../outside/x\"\n");
  ScopedEnv stdlib("REMIT_STDLIB_PATH", (dir / "lib").string());
  CliResult r = run_cli({"derive", "p.remit"}, dir.path());
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 2);
  CHECK_THAT(line_one(r.err),
             StartsWith("p.remit:4:1: error: '../outside/x' is not a standard library module"));
  CHECK_THAT(r.out, !Contains("secret"));
  // Said as a path ending in .remit, a file is read from the using file's folder.
  write_text(dir / "q.remit", policy + "use \"outside/x.remit\"\n");
  CliResult ok = run_cli({"derive", "q.remit"}, dir.path());
  INFO(describe(ok));
  CHECK(ok.code == 0);
  CHECK_THAT(ok.out, Contains("secret"));
}

TEST_CASE("reading safety: confine_to refuses a use or import outside the folders",
          "[robustness][input]") {
  TempDir dir;
  fs::create_directory(dir / "upload");
  fs::create_directory(dir / "outside");
  write_text(dir / "outside" / "x.remit", outside_post);
  write_text(dir / "outside" / "s.csv", "id,title,reports_to\nceo,Chief Executive,\n");
  write_text(dir / "upload" / "inside.remit", "post inner \"Inner\" { reports to ceo }\n");
  fs::create_symlink(dir / "outside" / "x.remit", dir / "upload" / "link.remit");
  write_text(dir / "upload" / "p.remit", policy +
                                             "use \"inside.remit\"\n"           // line 4: allowed
                                             "use \"../outside/x.remit\"\n"     // line 5
                                             "use \"link.remit\"\n"             // line 6
                                             "use \"../outside\"\n"             // line 7
                                             "import \"../outside/s.csv\"\n");  // line 8
  remit::Inputs inputs;
  inputs.policies = {dir / "upload" / "p.remit"};
  inputs.confine_to = {dir / "upload"};
  Loaded l = load(inputs);
  INFO(l.diagnostics());
  CHECK_FALSE(l.ok);
  const std::string text = l.diagnostics();
  const std::string p = (dir / "upload" / "p.remit").string();
  CHECK_THAT(text, Contains(p + ":5:1: error: 'use' may not read"));
  CHECK_THAT(text, Contains(p + ":6:1: error: 'use' may not read"));
  CHECK_THAT(text, Contains(p + ":7:1: error: 'use' may not read"));
  CHECK_THAT(text, Contains(p + ":8:1: error: 'import' may not read"));
  CHECK_THAT(text, !Contains(p + ":4:1"));
  // Without confinement the same policy reads them all.
  inputs.confine_to.clear();
  Loaded open = load(inputs);
  CHECK_THAT(open.diagnostics(), !Contains("may not read"));
}
