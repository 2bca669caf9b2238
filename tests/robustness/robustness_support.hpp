// Helpers for the tests of hostile and broken input (tests/limits, tests/robustness): a
// temporary directory, whole-file reads and writes, and running the remit command line as a
// child process to see exactly how it ended (exit code, or the signal that killed it).
//
//   TempDir dir;
//   write_text(dir / "p.remit", "post a \"A\" { reports to a }\n");
//   CliResult r = run_cli({"derive", (dir / "p.remit").string()});
//   CHECK(r.exited);  CHECK(r.code == 2);  CHECK(first_line(r.err) == "…");
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "remit/remit.hpp"
#include "resolve/organisation.hpp"
#include "source/diagnostic.hpp"
#include "tests/support/temp_dir.hpp"

namespace remit::robust {

namespace fs = std::filesystem;

using test::TempDir;

inline void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The first line of a text, without its line ending.
inline std::string line_one(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

struct CliResult {
  bool exited = false;  // ended by exit(): `code` is its status
  int code = -1;
  int signal = 0;          // killed by this signal (never acceptable)
  bool timed_out = false;  // still running at the deadline: killed by the test
  std::string out, err;
  double seconds = 0;
};

inline std::string describe(const CliResult& r) {
  std::string s = r.exited ? "exit " + std::to_string(r.code)
                  : r.timed_out
                      ? std::string("timed out")
                      : "signal " + std::to_string(r.signal) + " (" + ::strsignal(r.signal) + ")";
  return s + "\nstderr: " + r.err.substr(0, 2000) + "\nstdout: " + r.out.substr(0, 500);
}

// Where the child's standard output goes.
enum class Stdout {
  capture,      // a file, read back into CliResult::out
  full_device,  // /dev/full: every write fails with ENOSPC
  closed_pipe,  // a pipe whose reading end is already closed: writes raise SIGPIPE / EPIPE
};

// Runs the remit binary (REMIT_CLI_PATH) with `args` in `cwd`, stdin from /dev/null, stdout
// and stderr to files. After `timeout` the child is killed and the result says timed_out.
// `before_wait` is called with the child's pid once it is started (to interrupt it, say).
template <typename BeforeWait>
CliResult run_cli(const std::vector<std::string>& args, const fs::path& cwd,
                  std::chrono::milliseconds timeout, BeforeWait before_wait,
                  Stdout stdout_to = Stdout::capture) {
  TempDir io;
  const fs::path out_path = io / "stdout", err_path = io / "stderr";
  std::vector<std::string> argv_s{REMIT_CLI_PATH};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  int pipe_ends[2] = {-1, -1};
  if (stdout_to == Stdout::closed_pipe) {
    if (::pipe(pipe_ends) != 0) throw std::runtime_error("pipe failed");
    ::close(pipe_ends[0]);  // nobody will ever read
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // The child starts with the default SIGPIPE and SIGXFSZ actions, as from a shell.
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGXFSZ, SIG_DFL);
    int in = ::open("/dev/null", O_RDONLY);
    int out = stdout_to == Stdout::closed_pipe ? pipe_ends[1]
              : stdout_to == Stdout::full_device
                  ? ::open("/dev/full", O_WRONLY)
                  : ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(127);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  if (pipe_ends[1] >= 0) ::close(pipe_ends[1]);
  before_wait(pid);
  CliResult r;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() - start > timeout) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      r.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!r.timed_out) {
    r.exited = WIFEXITED(status);
    r.code = r.exited ? WEXITSTATUS(status) : -1;
    r.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  }
  if (stdout_to == Stdout::capture) r.out = read_text(out_path);
  r.err = read_text(err_path);
  return r;
}

inline CliResult run_cli(const std::vector<std::string>& args, const fs::path& cwd,
                         std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
  return run_cli(args, cwd, timeout, [](pid_t) {});
}

// One Run over `inputs`, kept with its outcome. Run can be neither copied nor moved.
struct Loaded {
  std::unique_ptr<Run> run;
  bool ok = false;
  [[nodiscard]] std::string diagnostics() const { return run->diagnostics_text(); }
  // "file:line:col: error: message" of the first diagnostic in file order.
  [[nodiscard]] std::string first() const { return line_one(diagnostics()); }
};

// Inputs with only policy files, structure exports or holders exports.
inline Inputs policy_files(std::vector<fs::path> paths) {
  Inputs in;
  in.policies = std::move(paths);
  return in;
}
inline Inputs structure_files(std::vector<fs::path> paths) {
  Inputs in;
  in.structures = std::move(paths);
  return in;
}
inline Inputs holders_files(std::vector<fs::path> paths) {
  Inputs in;
  in.holders = std::move(paths);
  return in;
}

inline Loaded load(const Inputs& inputs, const Limits& limits = {}) {
  Loaded l{std::make_unique<Run>(limits), false};
  l.ok = l.run->load(inputs);
  return l;
}

// One in-memory policy named `name`, plus whatever it `use`s.
inline Loaded load_text(const std::string& name, std::string text, const Limits& limits = {}) {
  Inputs inputs;
  inputs.texts.push_back({name, std::move(text)});
  return load(inputs, limits);
}

// True when this binary is built with AddressSanitizer (the `make sanitize` build), where the
// largest inputs are scaled down to keep the suite's time reasonable.
inline constexpr bool sanitized =
#if defined(__SANITIZE_ADDRESS__)
    true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

}  // namespace remit::robust
