// Nothing lost: every file remit writes (-o) is written to a temporary file beside it and
// renamed over it, so a run that fails, or is killed part way, leaves the old file as it was.
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <new>
#include <string>
#include <thread>

#include "report/output_file.hpp"
#include "tests/robustness/robustness_support.hpp"

using namespace remit::robust;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string old_content = "category,id,title,service,directorate\nOLD,CONTENT,MUST,STAY,\n";

const std::string good_policy =
    "use \"uk/lgha1989\"\nbody council \"Council\"\n"
    "post ceo \"Chief Executive\" { reports to council designated head_of_paid_service }\n";

// The names in `dir` other than the ones given: a temporary file left behind shows here.
std::vector<std::string> others(const fs::path& dir, const std::vector<std::string>& expected) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (std::find(expected.begin(), expected.end(), name) == expected.end()) out.push_back(name);
  }
  return out;
}

}  // namespace

TEST_CASE("robustness: a failing derive leaves the old output file intact", "[robustness][cli]") {
  TempDir dir;
  write_text(dir / "out.csv", old_content);
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"syntax.remit", "post a \"A\" {\n"},
      {"cycle.remit", "post a \"A\" { reports to b }\npost b \"B\" { reports to a }\n"},
      {"nul.remit", std::string("post a \"A\0\"", 11)},
      {"missing.remit", "use \"nowhere.remit\"\n"},
  };
  for (const auto& [name, text] : bad) {
    INFO(name);
    write_text(dir / name, text);
    CliResult r = run_cli({"derive", name, "-o", "out.csv"}, dir.path());
    INFO(describe(r));
    REQUIRE(r.exited);
    CHECK(r.code == 2);
    CHECK(read_text(dir / "out.csv") == old_content);
  }
  // A bad --format is refused before anything is read or written.
  CliResult f = run_cli({"derive", "--format", "xml", "-o", "out.csv"}, dir.path());
  CHECK(f.code == 2);
  CHECK(read_text(dir / "out.csv") == old_content);
  std::vector<std::string> expected{"out.csv"};
  for (const auto& [name, text] : bad) expected.push_back(name);
  CHECK(others(dir.path(), expected).empty());
}

TEST_CASE("robustness: a successful derive replaces the output file", "[robustness][cli]") {
  TempDir dir;
  write_text(dir / "out.csv", old_content);
  write_text(dir / "p.remit", good_policy);
  CliResult r = run_cli({"derive", "p.remit", "-o", "out.csv"}, dir.path());
  INFO(describe(r));
  REQUIRE(r.exited);
  CHECK(r.code == 0);
  const std::string now = read_text(dir / "out.csv");
  CHECK(now != old_content);
  CHECK_THAT(now, StartsWith("category,id,title,service,directorate,category_name\n"));
  CHECK_THAT(now, Contains("ceo"));
  CHECK(others(dir.path(), {"out.csv", "p.remit"}).empty());  // no temporary file left
}

TEST_CASE("robustness: an output that cannot be written leaves the target as it was",
          "[robustness][cli]") {
  TempDir dir;
  write_text(dir / "p.remit", good_policy);
  SECTION("the target is a directory") {
    fs::create_directory(dir / "out.csv");
    write_text(dir / "out.csv" / "keep", "kept");
    CliResult r = run_cli({"derive", "p.remit", "-o", "out.csv"}, dir.path());
    INFO(describe(r));
    REQUIRE(r.exited);
    CHECK(r.code == 2);
    CHECK_THAT(line_one(r.err), StartsWith("remit: error: cannot replace 'out.csv': "));
    CHECK(read_text(dir / "out.csv" / "keep") == "kept");
    CHECK(others(dir.path(), {"out.csv", "p.remit"}).empty());
  }
  SECTION("the target's directory is a file") {
    write_text(dir / "file", old_content);
    CliResult r = run_cli({"derive", "p.remit", "-o", "file/out.csv"}, dir.path());
    INFO(describe(r));
    REQUIRE(r.exited);
    CHECK(r.code == 2);
    CHECK_THAT(line_one(r.err), StartsWith("remit: error: cannot write 'file/out.csv"));
    CHECK(read_text(dir / "file") == old_content);
  }
}

TEST_CASE("robustness: write_file_atomically replaces whole or not at all", "[robustness]") {
  TempDir dir;
  const auto target = dir / "out.txt";
  write_text(target, old_content);
  CHECK(remit::write_file_atomically(target, "new\n").empty());
  CHECK(read_text(target) == "new\n");
  CHECK(remit::write_file_atomically(target, "").empty());  // an empty result is a result
  CHECK(read_text(target).empty());
  const std::string err = remit::write_file_atomically(dir / "missing" / "out.txt", "x");
  CHECK_THAT(err, StartsWith("cannot write '"));
  CHECK(others(dir.path(), {"out.txt"}).empty());
}

TEST_CASE("robustness: a writer that throws halfway leaves the old file and no temporary one",
          "[robustness]") {
  TempDir dir;
  const auto target = dir / "out.csv";
  write_text(target, old_content);
  const remit::MakeFile half_then_throw = [](const std::filesystem::path& temp) -> std::string {
    std::ofstream(temp, std::ios::binary) << "category,id\n1,P1\n";
    throw std::bad_alloc();
  };
  CHECK_THROWS_AS(remit::write_file_atomically_with(target, half_then_throw), std::bad_alloc);
  CHECK(read_text(target) == old_content);
  CHECK(others(dir.path(), {"out.csv"}).empty());
}

TEST_CASE("robustness: a derive killed at any moment leaves the old file or the new one",
          "[robustness][cli]") {
  // A run long enough to be killed at many points: loading, evaluating, writing.
  TempDir dir;
  const int n = remit::robust::sanitized ? 20000 : 200000;
  std::string text = good_policy;
  for (int i = 1; i < n; ++i) {
    text += "post p" + std::to_string(i) + " \"Officer\" { reports to " +
            (i == 1 ? std::string("ceo") : "p" + std::to_string(i - 1)) + " }\n";
  }
  write_text(dir / "big.remit", text);
  // The complete output, for comparison.
  CliResult full = run_cli({"derive", "big.remit", "-o", "expected.csv"}, dir.path());
  REQUIRE(full.code == 0);
  const std::string expected = read_text(dir / "expected.csv");
  const double run_time = full.seconds;
  int killed = 0, finished = 0;
  for (int k = 0; k < 12; ++k) {
    write_text(dir / "out.csv", old_content);
    const auto delay =
        std::chrono::microseconds(static_cast<long>(run_time * 1e6 * (0.1 + 0.08 * k)));
    CliResult r = run_cli({"derive", "big.remit", "-o", "out.csv"}, dir.path(),
                          std::chrono::seconds(120), [&](pid_t pid) {
                            std::this_thread::sleep_for(delay);
                            ::kill(pid, SIGKILL);
                          });
    const std::string now = read_text(dir / "out.csv");
    INFO("killed after " << delay.count() << " us: " << describe(r));
    CHECK((now == old_content || now == expected));
    (r.signal == SIGKILL ? killed : finished)++;
    // A SIGKILL during the write leaves its temporary file (out.csv.remit-tmp-RANDOM): litter, but
    // never in place of the output. Clear it for the next round.
    for (const std::string& name : others(dir.path(), {"out.csv", "big.remit", "expected.csv"})) {
      CHECK_THAT(name, StartsWith("out.csv.remit-tmp-"));
      fs::remove(dir / name);
    }
  }
  CHECK(killed > 0);
}
