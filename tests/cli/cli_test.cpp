// The command line (cli/main.cpp), run as a separate process: exit status 0 ok, 1 a breach,
// 2 bad input or usage; output formats; -o.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const fs::path project_dir = REMIT_PROJECT_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string quoted(const fs::path& p) {
  return "'" + p.string() + "'";
}

using remit::test::TempDir;

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `remit ARGS` (ARGS already shell-quoted) with stdout and stderr sent to files.
Result remit_cli(const std::string& args) {
  TempDir dir;
  const std::string command = quoted(REMIT_CLI_PATH) + " " + args + " > " + quoted(dir / "stdout") +
                              " 2> " + quoted(dir / "stderr");
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  const int raw = ::pclose(pipe);
  Result r;
  REQUIRE(WIFEXITED(raw));
  r.status = WEXITSTATUS(raw);
  r.out = read_text(dir / "stdout");
  r.err = read_text(dir / "stderr");
  return r;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const std::string council_000 = quoted(project_dir / "policies" / "council-000");

// One person holds both the Monitoring Officer post and the chief finance officer post.
const std::string breach_policy = R"remit(use "uk/roles"
use "uk/statutory_officers"
post ceo "Chief Executive" { designated head_of_paid_service }
post cfo "Chief Finance Officer" { designated section_151_officer }
post mo "Monitoring Officer" { designated monitoring_officer }
person p_a "Alex" { holds ceo }
person p_b "Bo" { holds mo, cfo }
)remit";

// The same posts, each with a holder of its own.
const std::string clean_policy = R"remit(use "uk/roles"
use "uk/statutory_officers"
post ceo "Chief Executive" { designated head_of_paid_service }
post cfo "Chief Finance Officer" { designated section_151_officer }
post mo "Monitoring Officer" { designated monitoring_officer }
person p_a "Alex" { holds ceo }
person p_b "Bo" { holds cfo }
person p_c "Cy" { holds mo }
)remit";

}  // namespace

TEST_CASE("cli: derive --format csv", "[cli]") {
  Result r = remit_cli("derive " + council_000 + " --format csv");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const auto lines = lines_of(r.out);
  REQUIRE(!lines.empty());
  CHECK(lines[0] == "category,id,title,service,directorate,category_name");
  CHECK(lines.size() == 53);  // the header and 52 posts
  CHECK(lines[1] == "1,ceo,Chief Executive,Chief Executive Office,,The Head of Paid Service");
  // Fields with commas are quoted.
  CHECK_THAT(r.out, Contains("3,ed_rhes,\"Executive Director of Regeneration, Housing and "
                             "Environmental Services\""));
}

TEST_CASE("cli: derive writes CSV when stdout is not a terminal", "[cli]") {
  Result r = remit_cli("derive " + council_000);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, StartsWith("category,id,title,service,directorate,category_name\n"));
}

TEST_CASE("cli: derive --format json", "[cli]") {
  Result r = remit_cli("derive " + council_000 + " --format json");
  INFO(r.err);
  REQUIRE(r.status == 0);
  nlohmann::json doc;
  REQUIRE_NOTHROW(doc = nlohmann::json::parse(r.out));
  REQUIRE(doc.contains("posts"));
  REQUIRE(doc["posts"].is_array());
  CHECK(doc["posts"].size() == 52);
  CHECK(doc["authority"] == "Unnamed council (Politically Restricted Posts list, January 2026)");
  const auto& first = doc["posts"][0];
  CHECK(first["category"] == 1);
  CHECK(first["id"] == "ceo");
  CHECK(first["title"] == "Chief Executive");
  CHECK(first["category_label"] == "The Head of Paid Service");
}

TEST_CASE("cli: derive --format markdown", "[cli]") {
  Result r = remit_cli("derive " + council_000 + " --format markdown");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, StartsWith("# Politically restricted posts: Unnamed council"));
  CHECK_THAT(r.out, Contains("\n## Category 1 - The Head of Paid Service\n"));
  // Titles first, as a published list reads; the id last.
  CHECK_THAT(r.out, Contains("| title | service | directorate | id |"));
  CHECK_THAT(r.out, Contains("| Chief Executive | Chief Executive Office |  | ceo |"));
  for (int c = 1; c <= 8; ++c) CHECK_THAT(r.out, Contains("## Category " + std::to_string(c)));
}

TEST_CASE("cli: derive --format table groups posts by category", "[cli]") {
  // Wide enough for the columns: one line a post.
  Result r = remit_cli("derive " + council_000 + " --format table --width 250");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, StartsWith("Politically restricted posts: Unnamed council"));
  CHECK_THAT(r.out, Contains("\nCategory 1 - The Head of Paid Service\n  ceo "));
  // 80 columns: the title, then the id, service and directorate under it.
  r = remit_cli("derive " + council_000 + " --format table");
  CHECK_THAT(r.out, Contains("\nCategory 1 - The Head of Paid Service\n  Chief Executive\n"
                             "      ceo · Chief Executive Office\n"));
}

TEST_CASE("cli: derive --all lists every category a post meets", "[cli]") {
  Result listed = remit_cli("derive " + council_000 + " --format csv");
  Result all = remit_cli("derive " + council_000 + " --format csv --all");
  CHECK(all.status == 0);
  // The Monitoring Officer is listed in 5 and also meets 4 (it reports to ed_fr).
  CHECK_THAT(listed.out, !Contains("\n4,mo,"));
  CHECK_THAT(all.out, Contains("\n4,mo,"));
  CHECK_THAT(all.out, Contains("\n5,mo,"));
  CHECK(lines_of(all.out).size() > lines_of(listed.out).size());
}

TEST_CASE("cli: derive with --structure and no policy uses the default policy", "[cli]") {
  const fs::path fixture = project_dir / "tests" / "data" / "bench-fixture" / "structure.csv";
  Result r = remit_cli("derive --structure " + quoted(fixture) + " --format csv");
  INFO(r.err);
  CHECK(r.status == 0);
  const auto lines = lines_of(r.out);
  CHECK(std::find(lines.begin(), lines.end(),
                  "1,500,Chief Executive,CEO Office,CEO Office,The Head of Paid Service") !=
        lines.end());
  // uk/lgha1989 lists the section 151 officer in category 2.
  CHECK_THAT(
      r.out,
      Contains(
          "\n2,100,Executive Director Resources,Finance,Resources,Statutory Chief Officers\n"));
}

TEST_CASE("cli: a missing file is bad input", "[cli]") {
  TempDir dir;
  Result r = remit_cli("derive " + quoted(dir / "nosuch.remit"));
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("cannot read"));
  CHECK_THAT(r.err, Contains("nosuch.remit"));
  CHECK(r.out.empty());
}

TEST_CASE("cli: a directory without policies is bad input", "[cli]") {
  TempDir dir;
  Result r = remit_cli("derive " + quoted(dir.path()));
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("no .remit files in directory"));
}

TEST_CASE("cli: a syntax error is bad input, reported as file:line:col: error:", "[cli]") {
  TempDir dir;
  const fs::path policy = dir / "broken.remit";
  write_text(policy, "post ceo \"CEO\"\npost a \"A\" { reports ceo }\n");
  for (const char* verb : {"derive", "check"}) {
    INFO(verb);
    Result r = remit_cli(std::string(verb) + " " + quoted(policy));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, StartsWith(policy.string() + ":2:22: error: expected 'to'"));
    CHECK_THAT(r.err, Contains("1 error generated."));
    CHECK(r.out.empty());
  }
}

TEST_CASE("cli: a resolution error is bad input", "[cli]") {
  TempDir dir;
  const fs::path policy = dir / "unknown.remit";
  write_text(policy, "post ceo \"CEO\"\npost a \"A\" { reports to cep }\n");
  Result r = remit_cli("derive " + quoted(policy));
  CHECK(r.status == 2);
  CHECK_THAT(r.err, StartsWith(policy.string() + ":2:25: error: a reports to 'cep'"));
}

TEST_CASE("cli: usage errors are bad input", "[cli]") {
  SECTION("an unknown --format") {
    Result r = remit_cli("derive " + council_000 + " --format xml");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("xml"));
  }
  SECTION("a format check does not take") {
    Result r = remit_cli("check " + council_000 + " --format csv");
    CHECK(r.status == 2);
  }
  SECTION("no verb") {
    Result r = remit_cli("");
    CHECK(r.status == 2);
  }
  SECTION("an unknown verb") {
    Result r = remit_cli("frobnicate " + council_000);
    CHECK(r.status == 2);
  }
}

TEST_CASE("cli: check with a breach exits 1", "[cli]") {
  TempDir dir;
  const fs::path policy = dir / "breach.remit";
  write_text(policy, breach_policy);
  Result r = remit_cli("check " + quoted(policy) + " --width 0");
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("breach: incompatible monitoring_officer with section_151_officer"));
  CHECK_THAT(r.out, Contains("Bo holds mo (monitoring_officer) and cfo (section_151_officer)"));
  CHECK_THAT(r.out, Contains("LGHA 1989 s.5(1)"));
  CHECK_THAT(r.out, Contains("1 breach."));
}

TEST_CASE("cli: check --format json with a breach", "[cli]") {
  TempDir dir;
  const fs::path policy = dir / "breach.remit";
  write_text(policy, breach_policy);
  Result r = remit_cli("check " + quoted(policy) + " --format json");
  CHECK(r.status == 1);
  nlohmann::json doc;
  REQUIRE_NOTHROW(doc = nlohmann::json::parse(r.out));
  REQUIRE(doc["breaches"].size() == 1);
  CHECK(doc["breaches"][0]["rule"] == "incompatible monitoring_officer with section_151_officer");
  CHECK(doc["breaches"][0]["person"]["id"] == "p_b");
}

TEST_CASE("cli: check without a breach exits 0", "[cli]") {
  TempDir dir;
  const fs::path policy = dir / "clean.remit";
  write_text(policy, clean_policy);
  Result r = remit_cli("check " + quoted(policy));
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, StartsWith("No breaches"));
  CHECK(r.err.empty());

  Result council = remit_cli("check " + council_000);
  CHECK(council.status == 0);
}

TEST_CASE("cli: -o writes the output to a file", "[cli]") {
  TempDir dir;
  const fs::path output = dir / "restricted.csv";
  Result to_stdout = remit_cli("derive " + council_000 + " --format csv");
  Result to_file = remit_cli("derive " + council_000 + " --format csv -o " + quoted(output));
  CHECK(to_file.status == 0);
  CHECK(to_file.out.empty());
  REQUIRE(fs::exists(output));
  CHECK(read_text(output) == to_stdout.out);

  SECTION("check -o keeps the exit status of a breach") {
    const fs::path policy = dir / "breach.remit";
    const fs::path report = dir / "report.txt";
    write_text(policy, breach_policy);
    Result r = remit_cli("check " + quoted(policy) + " --output " + quoted(report));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_THAT(read_text(report), Contains("breach: incompatible") &&
                                      Contains("monitoring_officer with section_151_officer"));
  }
  SECTION("an output file that cannot be written is bad input") {
    Result r =
        remit_cli("derive " + council_000 + " -o " + quoted(dir / "no" / "such" / "dir.csv"));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains("error"));
  }
}
