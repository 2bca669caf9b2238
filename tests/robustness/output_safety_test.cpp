// -o never destroys anything: not an input named as the output, not a file a planted link points
// to, not a file's permissions, a symbolic link, a device or a pipe. An interrupted or
// size-limited write leaves no temporary file.
#include <poll.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <string>

#include "tests/robustness/robustness_support.hpp"

using namespace remit::robust;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string old_content = "OLD CONTENT, MUST STAY\n";

const std::string policy =
    "use \"uk/lgha1989\"\nbody council \"Council\"\n"
    "post ceo \"Chief Executive\" { reports to council designated head_of_paid_service }\n";

// A policy whose derive output is `posts` lines long: every post is a chief officer.
std::string wide_policy(int posts) {
  std::string text = policy;
  for (int i = 1; i < posts; ++i) {
    text += "post p" + std::to_string(i) + " \"Director number " + std::to_string(i) +
            "\" { reports to ceo }\n";
  }
  return text;
}

// Names in `dir` that look like a temporary output file.
std::vector<std::string> temporaries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.find(".remit-tmp-") != std::string::npos) out.push_back(name);
  }
  return out;
}

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("output safety: -o naming an input is refused before anything is written",
          "[robustness][cli][output]") {
  TempDir dir;
  write_text(dir / "council.remit", policy);
  fs::create_symlink("council.remit", dir / "link.remit");
  write_text(dir / "s.csv", "id,title,reports_to\nceo,Chief Executive,\n");
  fs::create_directory(dir / "folder");
  write_text(dir / "folder" / "a.remit", policy);
  const std::vector<std::vector<std::string>> runs = {
      {"derive", "council.remit", "-o", "council.remit"},
      {"derive", "council.remit", "-o", "./council.remit"},
      {"check", "council.remit", "-o", (dir / "council.remit").string()},
      {"derive", "council.remit", "-o", "link.remit"},
      {"derive", "link.remit", "-o", "council.remit"},
      {"derive", "--structure", "s.csv", "-o", "./s.csv"},
      {"check", "--holders", "s.csv", "-o", "s.csv"},
      {"derive", "folder", "-o", "folder/a.remit"},
      {"explain", "council.remit", "ceo", "-o", "council.remit"},
      {"whatif", "council.remit", "--remove", "ceo", "-o", "council.remit"},
      {"diff", "council.remit", "folder", "-o", "folder/../council.remit"},
  };
  for (auto args : runs) {
    // The format said outright: a name such as council.remit would otherwise be refused
    // before anything is read, for its extension (as the last check below shows).
    args.push_back("--format");
    args.push_back(args[0] == "derive" ? "csv" : "text");
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    INFO(shown);
    CliResult r = run_cli(args, dir.path());
    INFO(describe(r));
    REQUIRE(r.exited);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Contains("is also an input"));
    CHECK(read_text(dir / "council.remit") == policy);
    CHECK(read_text(dir / "folder" / "a.remit") == policy);
    CHECK(read_text(dir / "s.csv") == "id,title,reports_to\nceo,Chief Executive,\n");
    CHECK(fs::is_symlink(dir / "link.remit"));
    CHECK(temporaries(dir.path()).empty());
  }
  // Without --format, the extension is refused first; the file is untouched all the same.
  CliResult by_name = run_cli({"derive", "council.remit", "-o", "council.remit"}, dir.path());
  CHECK(by_name.code == 2);
  CHECK_THAT(by_name.err, Contains("'.remit' file"));
  CHECK(read_text(dir / "council.remit") == policy);
  // A file the policy imports is an input too: the error points at the import.
  write_text(dir / "imports.remit", policy + "import \"s.csv\"\n");
  CliResult r = run_cli({"derive", "imports.remit", "-o", "s.csv"}, dir.path());
  INFO(describe(r));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("imports.remit:4:1: error: the output file 's.csv' is also an input"));
  CHECK(read_text(dir / "s.csv") == "id,title,reports_to\nceo,Chief Executive,\n");
}

TEST_CASE("output safety: a link planted beside the target is not followed",
          "[robustness][cli][output]") {
  TempDir dir;
  write_text(dir / "p.remit", policy);
  write_text(dir / "victim.txt", old_content);
  // The names an earlier version used (OUT.remit-tmp-PID) for the next few hundred process ids.
  long last_pid = 0;
  std::ifstream(std::string("/proc/sys/kernel/ns_last_pid")) >> last_pid;
  REQUIRE(last_pid > 0);
  for (long pid = last_pid + 1; pid < last_pid + 400; ++pid) {
    fs::create_symlink(dir / "victim.txt", dir / ("out.csv.remit-tmp-" + std::to_string(pid)));
  }
  CliResult r = run_cli({"derive", "p.remit", "-o", "out.csv"}, dir.path());
  INFO(describe(r));
  CHECK(r.code == 0);
  CHECK(read_text(dir / "victim.txt") == old_content);
  CHECK_THAT(read_text(dir / "out.csv"), Contains("ceo"));
  CHECK(fs::is_regular_file(fs::symlink_status(dir / "out.csv")));
  std::size_t links = 0;
  for (const auto& e : fs::directory_iterator(dir.path()))
    links += fs::is_symlink(e.symlink_status());
  CHECK(links == 399);
}

TEST_CASE("output safety: a replaced file keeps its permissions", "[robustness][cli][output]") {
  TempDir dir;
  write_text(dir / "p.remit", policy);
  write_text(dir / "out.csv", old_content);
  fs::permissions(dir / "out.csv", fs::perms::owner_read | fs::perms::owner_write);
  REQUIRE(mode_of(dir / "out.csv") == 0600);
  CliResult r = run_cli({"derive", "p.remit", "-o", "out.csv"}, dir.path());
  INFO(describe(r));
  CHECK(r.code == 0);
  CHECK_THAT(read_text(dir / "out.csv"), Contains("ceo"));
  CHECK(mode_of(dir / "out.csv") == 0600);
}

TEST_CASE("output safety: a symbolic link is written through and stays a link",
          "[robustness][cli][output]") {
  TempDir dir;
  write_text(dir / "p.remit", policy);
  fs::create_directory(dir / "real");
  write_text(dir / "real" / "out.csv", old_content);
  fs::create_symlink("real/out.csv", dir / "link.csv");
  CliResult r = run_cli({"derive", "p.remit", "-o", "link.csv"}, dir.path());
  INFO(describe(r));
  CHECK(r.code == 0);
  CHECK(fs::is_symlink(dir / "link.csv"));
  CHECK(fs::read_symlink(dir / "link.csv") == "real/out.csv");
  CHECK_THAT(read_text(dir / "real" / "out.csv"), Contains("ceo"));
  CHECK(temporaries(dir.path()).empty());
  CHECK(temporaries(dir / "real").empty());
}

TEST_CASE("output safety: a FIFO target is written, not replaced", "[robustness][cli][output]") {
  TempDir dir;
  write_text(dir / "p.remit", policy);
  REQUIRE(::mkfifo((dir / "out.fifo").c_str(), 0600) == 0);
  // A reader that never blocks: the output is small enough to wait in the pipe's buffer.
  const int reader = ::open((dir / "out.fifo").c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  CliResult r =
      run_cli({"derive", "p.remit", "-o", "out.fifo"}, dir.path(), std::chrono::seconds(30));
  INFO(describe(r));
  std::string got(65536, '\0');
  const ssize_t n = ::read(reader, got.data(), got.size());
  ::close(reader);
  CHECK(r.code == 0);
  CHECK(fs::is_fifo(dir / "out.fifo"));
  REQUIRE(n > 0);
  got.resize(static_cast<std::size_t>(n));
  CHECK_THAT(got, StartsWith("category,id,title"));
  CHECK_THAT(got, Contains("ceo"));
}

TEST_CASE("output safety: -o /dev/null and -o /dev/fd/1 are written in place",
          "[robustness][cli][output]") {
  TempDir dir;
  write_text(dir / "p.remit", policy);
  CliResult null = run_cli({"derive", "p.remit", "-o", "/dev/null"}, dir.path());
  INFO(describe(null));
  CHECK(null.code == 0);
  CHECK(fs::is_character_file("/dev/null"));
  CliResult fd = run_cli({"derive", "p.remit", "-o", "/dev/fd/1"}, dir.path());
  INFO(describe(fd));
  CHECK(fd.code == 0);
  CHECK_THAT(fd.out, StartsWith("category,id,title"));
}

TEST_CASE("output safety: -o - is standard output and -o with no name is an error",
          "[robustness][cli][output]") {
  TempDir dir;
  write_text(dir / "p.remit", policy);
  CliResult dash = run_cli({"derive", "p.remit", "-o", "-"}, dir.path());
  INFO(describe(dash));
  CHECK(dash.code == 0);
  CHECK_THAT(dash.out, StartsWith("category,id,title"));
  CHECK_FALSE(fs::exists(dir / "-"));
  for (const std::string command : {"derive", "check", "diff"}) {
    std::vector<std::string> args = {command, "p.remit"};
    if (command == "diff") args.push_back("p.remit");
    args.insert(args.end(), {"-o", ""});
    CliResult empty = run_cli(args, dir.path());
    INFO(command << ": " << describe(empty));
    CHECK(empty.code == 2);
    CHECK(empty.out.empty());
    CHECK_THAT(empty.err, Contains("names no file"));
  }
}

TEST_CASE("output safety: SIGTERM during the write leaves no temporary file",
          "[robustness][cli][output]") {
  TempDir dir;
  write_text(dir / "p.remit", wide_policy(remit::robust::sanitized ? 20000 : 100000));
  int caught = 0;
  for (int attempt = 0; attempt < 10 && caught == 0; ++attempt) {
    write_text(dir / "out.csv", old_content);
    const int watch = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    REQUIRE(watch >= 0);
    REQUIRE(::inotify_add_watch(watch, dir.path().c_str(), IN_CREATE) >= 0);
    bool stopped_mid_write = false;
    CliResult r = run_cli({"derive", "p.remit", "-o", "out.csv"}, dir.path(),
                          std::chrono::seconds(120), [&](pid_t pid) {
                            // Stop the run as soon as its temporary file appears; it is caught
                            // mid-write when the file is still there while it is stopped.
                            pollfd p{watch, POLLIN, 0};
                            if (::poll(&p, 1, 60000) <= 0) return;
                            ::kill(pid, SIGSTOP);
                            stopped_mid_write = !temporaries(dir.path()).empty();
                            ::kill(pid, SIGTERM);
                            ::kill(pid, SIGCONT);
                          });
    ::close(watch);
    INFO(describe(r));
    if (!stopped_mid_write) continue;
    ++caught;
    CHECK(r.signal == SIGTERM);
    CHECK(temporaries(dir.path()).empty());
    const std::string now = read_text(dir / "out.csv");
    CHECK((now == old_content || now.starts_with("category,id,title")));
  }
  CHECK(caught > 0);
}

TEST_CASE("output safety: a file-size limit is a write error with no temporary file left",
          "[robustness][cli][output]") {
  TempDir dir;
  write_text(dir / "p.remit", wide_policy(400));
  write_text(dir / "out.csv", old_content);
  rlimit before{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &before) == 0);
  rlimit small = before;
  small.rlim_cur = 4096;  // the child inherits it; the output is several times larger
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  CliResult r = run_cli({"derive", "p.remit", "-o", "out.csv"}, dir.path());
  ::setrlimit(RLIMIT_FSIZE, &before);
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 2);
  CHECK_THAT(line_one(r.err), StartsWith("remit: error: cannot write 'out.csv': File too large"));
  CHECK(read_text(dir / "out.csv") == old_content);
  CHECK(temporaries(dir.path()).empty());
}

TEST_CASE("output safety: a file-size limit on a redirected standard output is a write error",
          "[robustness][cli][output]") {
  // `remit derive … > out.csv` under `ulimit -f`: once a fault, killed by SIGXFSZ (shell
  // status 153) with no message.
  TempDir dir;
  write_text(dir / "p.remit", wide_policy(400));
  rlimit before{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &before) == 0);
  rlimit small = before;
  small.rlim_cur = 4096;  // the captured standard output is a file: it reaches the limit
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  CliResult r = run_cli({"derive", "p.remit", "--format", "csv"}, dir.path());
  ::setrlimit(RLIMIT_FSIZE, &before);
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 2);
  CHECK(line_one(r.err) == "remit: error: cannot write the output: File too large");
}
