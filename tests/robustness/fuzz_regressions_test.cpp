// Every input that once crashed a fuzzer, replayed through the fuzzer's own code path
// (fuzz/fuzz_targets.hpp) in the normal suite, without libFuzzer:
//
//   fuzz/regressions/{policy,csv,lsp}/*        fixed: must pass
//   fuzz/regressions/open/{policy,csv,lsp}/*   not fixed yet: [!mayfail]
//
// Each input runs in a child process, so a crash or a stack overflow fails the test (naming the
// file and the signal) instead of killing the suite; a hang fails after 60 s. The fuzz corpus
// seeds (fuzz/corpus/) replay here too, as a quick smoke test of the targets themselves.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <iostream>
#include <thread>

#include "fuzz/fuzz_targets.hpp"
#include "tests/robustness/robustness_support.hpp"
#include "tests/support/shared_data.hpp"

using namespace remit::robust;

namespace {

using Target = void (*)(std::string_view);

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename().string().front() != '.') out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "" when `target` ran `input` to its end; otherwise how the child ended.
std::string replay(Target target, const fs::path& input) {
  const std::string data = read_text(input);
  TempDir cwd;  // relative `use` and `import` paths resolve here, as under fuzz/run.sh
  const pid_t pid = ::fork();
  if (pid < 0) return "fork failed";
  if (pid == 0) {
    if (::chdir(cwd.path().c_str()) != 0) ::_exit(126);
    target(data);
    ::_exit(0);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return "hung (killed after 60 s)";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFSIGNALED(status)) {
    return std::string("killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
           ::strsignal(WTERMSIG(status)) + ")";
  }
  if (WEXITSTATUS(status) != 0) return "exit " + std::to_string(WEXITSTATUS(status));
  return "";
}

// Replays every input in `dir`; returns how many there were.
std::size_t replay_all(Target target, const fs::path& dir) {
  const auto inputs = files_in(dir);
  for (const fs::path& input : inputs) {
    INFO(input.string());
    CHECK(replay(target, input) == "");
  }
  return inputs.size();
}

const fs::path fuzz_dir = fs::path(REMIT_PROJECT_DIR) / "fuzz";

}  // namespace

TEST_CASE("robustness: fuzz regressions replay clean", "[robustness][fuzz]") {
  // The folders are never empty: a replay of nothing would pass without testing anything.
  CHECK(replay_all(remit::fuzz::policy_one, fuzz_dir / "regressions" / "policy") > 0);
  CHECK(replay_all(remit::fuzz::csv_one, fuzz_dir / "regressions" / "csv") > 0);
  CHECK(replay_all(remit::fuzz::lsp_one, fuzz_dir / "regressions" / "lsp") > 0);
}

TEST_CASE("robustness: open fuzz findings replay clean", "[robustness][fuzz][!mayfail]") {
  // Inputs a fuzzer found that still fail; fuzz/README.md says how each gets here and out.
  // With none open, the test is reported as skipped rather than as a pass.
  const std::size_t open =
      replay_all(remit::fuzz::policy_one, fuzz_dir / "regressions" / "open" / "policy") +
      replay_all(remit::fuzz::csv_one, fuzz_dir / "regressions" / "open" / "csv") +
      replay_all(remit::fuzz::lsp_one, fuzz_dir / "regressions" / "open" / "lsp");
  if (open == 0) std::cout << remit::test::skip_marker << " no open fuzz findings\n";
}

TEST_CASE("robustness: the fuzz seed corpus replays clean", "[robustness][fuzz]") {
  const auto policy = files_in(fuzz_dir / "corpus" / "policy");
  const auto csv = files_in(fuzz_dir / "corpus" / "csv");
  CHECK(policy.size() >= 5);
  CHECK(csv.size() >= 3);
  replay_all(remit::fuzz::policy_one, fuzz_dir / "corpus" / "policy");
  replay_all(remit::fuzz::csv_one, fuzz_dir / "corpus" / "csv");
  CHECK(files_in(fuzz_dir / "corpus" / "lsp").size() >= 3);
  replay_all(remit::fuzz::lsp_one, fuzz_dir / "corpus" / "lsp");
}
