// `remit suggest` and `--designations` on the command line, run as a separate process.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using remit::test::TempDir;

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string quote(const fs::path& p) {
  return "'" + p.string() + "'";
}

struct Result {
  int status = -1;
  std::string out, err;
};

Result run(const std::string& args) {
  TempDir dir;
  const std::string command =
      quote(REMIT_CLI_PATH) + " " + args + " > " + quote(dir / "out") + " 2> " + quote(dir / "err");
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  const int raw = ::pclose(pipe);
  REQUIRE(WIFEXITED(raw));
  return Result{WEXITSTATUS(raw), read_all(dir / "out"), read_all(dir / "err")};
}

const std::string structure =
    "id,title,service,directorate,reports_to,designations,flags\n"
    "ceo,Chief Executive,,,council,,\n"
    "dfin,Director of Finance (Section 151 Officer),,,ceo,,\n"
    "hlaw,Head of Law and Monitoring Officer,,,ceo,,\n";

}  // namespace

TEST_CASE("cli: suggest writes a designations sheet, and --designations reads it back",
          "[cli][council-data][suggest]") {
  TempDir dir;
  const fs::path csv = dir.write("structure.csv", structure);
  Result r = run("suggest --structure " + quote(csv) + " -o " + quote(dir / "sheet.csv"));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  const std::string sheet = read_all(dir / "sheet.csv");
  CHECK_THAT(sheet, Contains("\ndfin,Director of Finance (Section 151 Officer),"
                             "section_151_officer,,\"the title says \"\"Section 151\"\"\"\n"));
  CHECK_THAT(sheet, Contains("\nhlaw,Head of Law and Monitoring Officer,monitoring_officer,,"));
  // Reviewed as it stands, it is a designations sheet.
  Result derived = run("derive --format csv --structure " + quote(csv) + " --designations " +
                       quote(dir / "sheet.csv"));
  INFO(derived.err);
  CHECK(derived.status == 0);
  CHECK_THAT(derived.out, Contains("1,ceo,Chief Executive"));
  CHECK_THAT(derived.out, Contains("2,dfin,"));
  CHECK_THAT(derived.out, Contains("5,hlaw,"));
}

TEST_CASE("cli: suggest needs an export", "[cli][council-data][suggest]") {
  Result r = run("suggest");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("give it with --structure FILE"));
}
