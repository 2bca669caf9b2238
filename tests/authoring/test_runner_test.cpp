// `remit test` (authoring/test/, docs/testing.md): test blocks in the language, their
// discovery, failures with their place and reason, approved lists, coverage, --filter and the
// exit statuses; and the tests shipped with the policies and the stdlib all pass.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "authoring/test/runner.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using remit::policy_test::Options;
using remit::policy_test::Report;
using remit::policy_test::run_tests;
using remit::test::TempDir;

namespace {

const fs::path project_dir = REMIT_PROJECT_DIR;

// A small policy: a chief executive, a director under it, a head of service under the director.
const std::string policy = R"(use "uk/lgha1989"
use "uk/statutory_officers"
body council "Full Council"
post ceo "Chief Executive" { reports to council  designated head_of_paid_service }
post dir "Director" { reports to ceo }
post head "Head of Service" { reports to dir }
post mo "Monitoring Officer" { reports to ceo  designated monitoring_officer }
post fin "Finance Director" { reports to ceo  designated section_151_officer }
person p_a "A" { holds ceo }
person p_b "B" { holds mo }
scenario "head under the chief executive" { move head to report to ceo }
scenario "A is Monitoring Officer too" { assign p_a to mo }
)";

Report run(const std::vector<fs::path>& paths, std::string filter = {}, bool coverage = false) {
  Options o;
  o.paths = paths;
  o.filter = std::move(filter);
  o.coverage = coverage;
  return run_tests(o);
}

struct Result {
  int status = -1;
  std::string out, err;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// `remit ARGS` as a separate process.
Result remit_cli(const std::string& args) {
  TempDir dir;
  const std::string command = "'" + std::string(REMIT_CLI_PATH) + "' " + args + " > '" +
                              (dir / "stdout").string() + "' 2> '" + (dir / "stderr").string() +
                              "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  const int raw = ::pclose(pipe);
  REQUIRE(WIFEXITED(raw));
  return Result{WEXITSTATUS(raw), read_text(dir / "stdout"), read_text(dir / "stderr")};
}

std::string last_line(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t.substr(t.rfind('\n') == std::string::npos ? 0 : t.rfind('\n') + 1);
}

}  // namespace

TEST_CASE("remit test: a test block is parsed into its expectations as values", "[authoring]") {
  auto p = remit::test::load_text(policy + R"(
test "all of them" {
  expect dir in category 3
  expect head not in category 3
  expect head in no category
  expect mo meets category 3
  expect no breach
  expect no breach "exactly one Monitoring Officer"
  expect breach "monitoring_officer with head_of_paid_service"
  expect list "approved.csv"
  given scenario "head under the chief executive" expect head in category 3
}
)");
  REQUIRE(p.ok);
  const auto& tests = p.run->program().tests;
  REQUIRE(tests.size() == 1);
  CHECK(tests[0].name.text == "all of them");
  CHECK(p.run->sources().position(tests[0].where).line == 14);
  const auto& e = tests[0].expectations;
  REQUIRE(e.size() == 9);
  using namespace remit::ast::expectation;
  const auto& first = std::get<PostCategory>(e[0].kind);
  CHECK(first.post.text == "dir");
  CHECK(first.claim == Claim::listed_in);
  CHECK(first.number == 3);
  CHECK(p.run->sources().position(e[0].where).line == 15);
  CHECK(p.run->sources().position(e[0].where).column == 3);
  CHECK(std::get<PostCategory>(e[1].kind).claim == Claim::not_listed_in);
  CHECK(std::get<PostCategory>(e[2].kind).claim == Claim::listed_nowhere);
  CHECK(std::get<PostCategory>(e[3].kind).claim == Claim::meets);
  CHECK_FALSE(std::get<NoBreach>(e[4].kind).rule);
  CHECK(std::get<NoBreach>(e[5].kind).rule->text == "exactly one Monitoring Officer");
  CHECK(std::get<Breach>(e[6].kind).rule.text == "monitoring_officer with head_of_paid_service");
  CHECK(std::get<List>(e[7].kind).path.text == "approved.csv");
  REQUIRE(e[8].scenario);
  CHECK(e[8].scenario->text == "head under the chief executive");
  CHECK_FALSE(e[0].scenario);
}

TEST_CASE("remit test: derive ignores test blocks and a folder's *_test.remit files",
          "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy + "test \"t\" { expect dir in category 1 }\n");
  // A test file may declare posts of its own; they are not part of the policy.
  dir.write("extra_test.remit",
            "post extra \"Extra\" { reports to ceo }\ntest \"x\" { expect extra in category 3 }\n");
  auto p = remit::test::load_files(remit::test::policy_inputs(dir.path()));
  REQUIRE(p.ok);
  CHECK_FALSE(p.post("extra"));
  CHECK(p.restricted() ==
        remit::test::Listing{{1, "ceo"}, {2, "fin"}, {3, "dir"}, {4, "head"}, {5, "mo"}});
  const Result derive = remit_cli("derive --format csv '" + dir.path().string() + "'");
  CHECK(derive.status == 0);
  CHECK_THAT(derive.out, !Contains("extra"));
}

TEST_CASE("remit test: finds test blocks in a policy and in each *_test.remit file beside it",
          "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy + "test \"inline\" { expect dir in category 3 }\n");
  dir.write("a_test.remit", "test \"a\" { expect head in category 4 }\n");
  // Each test file is read with the policy alone: b's post is not seen by a.
  dir.write("b_test.remit",
            "post extra \"Extra\" { reports to ceo }\ntest \"b\" { expect extra in category 3 }\n");
  dir.write("notes.txt", "test \"not a policy\" { expect dir in category 1 }\n");
  fs::create_directories(dir / "sub");
  dir.write("sub/s_test.remit", policy + "test \"below\" { expect ceo in category 1 }\n");
  const Report r = run({dir.path()});
  INFO(r.out << r.err);
  CHECK(r.err.empty());
  CHECK(r.passed == 4);
  CHECK(r.failed == 0);
  CHECK(r.exit_status() == 0);
  CHECK(last_line(r.out) == "4 passed, 0 failed");

  // A *_test.remit file named alone is read with the policy of its folder.
  const Report one = run({dir / "a_test.remit"});
  CHECK(one.passed == 1);
  CHECK(one.exit_status() == 0);
}

TEST_CASE(
    "remit test: a failing expectation gives its place, what was expected and found, "
    "and why",
    "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy);
  dir.write("t_test.remit",
            "# the director\ntest \"the director\" {\n  expect ceo in category 1\n"
            "  expect dir in category 4\n}\n");
  const Report r = run({dir.path()});
  INFO(r.out << r.err);
  CHECK(r.passed == 0);
  CHECK(r.failed == 1);
  CHECK(r.exit_status() == 1);
  const std::string at = (dir / "t_test.remit").string();
  CHECK_THAT(r.out, Contains(at + ":4:3: failed: expect dir in category 4\n"));
  CHECK_THAT(r.out, Contains("  in test \"the director\"\n"));
  CHECK_THAT(r.out, Contains("  expected: dir listed in category 4 (Deputy Chief Officers)\n"));
  CHECK_THAT(r.out, Contains("  found: dir (Director) is listed in category 3 (Non-Statutory Chief "
                             "Officers)\n"));
  // The explanation of the actual result, with the places in the policy it rests on.
  CHECK_THAT(r.out, Contains("    because:\n"));
  CHECK_THAT(r.out, Contains((dir / "policy.remit").string() + ":5:"));
  CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("remit test: expect list passes when every post and category match", "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy);
  dir.write("list_test.remit", "test \"list\" { expect list \"approved.csv\" }\n");
  // The columns remit derive --format csv writes; only id and category are read.
  dir.write("approved.csv",
            "category,id,title,service,directorate,category_name\n1,ceo,Chief Executive,,,x\n"
            "2,fin,Finance Director,,,x\n3,dir,Director,,,x\n4,head,Head of Service,,,x\n"
            "5,mo,Monitoring Officer,,,x\n");
  const Report r = run({dir.path()});
  INFO(r.out << r.err);
  CHECK(r.passed == 1);
  CHECK(r.exit_status() == 0);

  // Just the id and the category will do too, in any order and with other headers for the id.
  dir.write("approved.csv", "Post ID,Category\nmo,5\nhead,4\ndir,3\nfin,2\nceo,1\n");
  CHECK(run({dir.path()}).passed == 1);

  // An exempted post's row, as derive writes it, says the post is not on the list.
  dir.write("approved.csv",
            "category,id,title,service,directorate,category_name\n1,ceo,Chief Executive,,,x\n"
            "2,fin,Finance Director,,,x\n3,dir,Director,,,x\n4,head,Head of Service,,,x\n"
            "5,mo,Monitoring Officer,,,x\nexempted,clerk,Clerk,,,exempted on 2025-03-01\n");
  CHECK(run({dir.path()}).passed == 1);
}

TEST_CASE("remit test: expect list reports a missing post, an extra post and a wrong category",
          "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy);
  dir.write("list_test.remit", "test \"list\" {\n  expect list \"approved.csv\"\n}\n");
  const std::string csv = (dir / "approved.csv").string();

  SECTION("a post the list has that the policy does not list") {
    dir.write("approved.csv", "id,category\nceo,1\nfin,2\ndir,3\nhead,4\nmo,5\nghost,4\n");
    const Report r = run({dir.path()});
    INFO(r.out);
    CHECK(r.failed == 1);
    CHECK_THAT(r.out, Contains((dir / "list_test.remit").string() +
                               ":2:3: failed: expect list \"approved.csv\""));
    CHECK_THAT(r.out, Contains("found: " + csv +
                               ":7:1: the list has ghost in category 4, but the policy has no "
                               "post 'ghost'"));
  }
  SECTION("a post the list has in a category that the policy lists in none") {
    dir.write("policy.remit", policy + "post clerk \"Clerk\" { reports to head }\n");
    dir.write("approved.csv", "id,category\nceo,1\nfin,2\ndir,3\nhead,4\nmo,5\nclerk,7\n");
    const Report r = run({dir.path()});
    INFO(r.out);
    CHECK(r.failed == 1);
    CHECK_THAT(r.out, Contains("found: " + csv +
                               ":7:1: the list has clerk in category 7, but clerk (Clerk) is in "
                               "no category"));
    CHECK_THAT(r.out, Contains("because:"));
  }
  SECTION("a post the policy lists that the list does not have") {
    dir.write("approved.csv", "id,category\nceo,1\nfin,2\ndir,3\nmo,5\n");
    const Report r = run({dir.path()});
    INFO(r.out);
    CHECK(r.failed == 1);
    CHECK_THAT(r.out, Contains("found: " + (dir / "policy.remit").string() +
                               ":6:6: head (Head of Service) is listed in category 4 (Deputy Chief "
                               "Officers), but the list does not have it"));
  }
  SECTION("a post in another category") {
    dir.write("approved.csv", "id,category\nceo,1\nfin,2\ndir,4\nhead,4\nmo,5\n");
    const Report r = run({dir.path()});
    INFO(r.out);
    CHECK(r.failed == 1);
    CHECK_THAT(r.out, Contains("found: " + csv +
                               ":4:1: the list has dir in category 4, but dir (Director) is "
                               "listed in category 3 (Non-Statutory Chief Officers)"));
  }
  SECTION("a list that cannot be read is bad input, with its place") {
    dir.write("approved.csv", "id,category\nceo,one\n");
    const Report r = run({dir.path()});
    CHECK(r.exit_status() == 2);
    CHECK_THAT(r.err, Contains(csv + ":2:5: error: category: \"one\" is not a category number"));
    fs::remove(dir / "approved.csv");
    const Report missing = run({dir.path()});
    CHECK(missing.exit_status() == 2);
    CHECK_THAT(missing.err, Contains("cannot read the approved list"));
  }
}

TEST_CASE("remit test: a scenario expectation is checked against the structure it leaves",
          "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy);
  dir.write("s_test.remit", R"(test "passes" {
  given scenario "head under the chief executive" expect head in category 3
  expect head in category 4
  given scenario "A is Monitoring Officer too" expect breach "monitoring_officer with head_of_paid_service"
  expect no breach
}
test "fails" {
  given scenario "head under the chief executive" expect head in category 4
}
)");
  const Report r = run({dir.path()});
  INFO(r.out << r.err);
  CHECK(r.passed == 1);
  CHECK(r.failed == 1);
  CHECK_THAT(r.out, Contains("expected: given scenario \"head under the chief executive\": head "
                             "listed in category 4"));
  CHECK_THAT(r.out, Contains("found: head (Head of Service) is listed in category 3"));

  dir.write("s_test.remit",
            "test \"t\" {\n  given scenario \"nope\" expect head in category 4\n}\n");
  const Report unknown = run({dir.path()});
  CHECK(unknown.exit_status() == 2);
  CHECK_THAT(unknown.err, Contains((dir / "s_test.remit").string() +
                                   ":2:19: error: no scenario \"nope\" in the policy"));
}

TEST_CASE("remit test: a scenario that cannot be applied is an error, its faults said once",
          "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy + "scenario \"loop\" { move ceo to report to head }\n");
  const std::string at = (dir / "s_test.remit").string();
  dir.write("s_test.remit",
            "test \"t\" {\n  given scenario \"loop\" expect ceo in category 1\n"
            "  given scenario \"loop\" expect no breach\n}\n");
  const Report r = run({dir.path()});
  INFO(r.err);
  CHECK(r.exit_status() == 2);
  CHECK_THAT(r.err, Contains(at + ":2:19: error: the scenario \"loop\" cannot be applied to the "
                                  "policy:\n"));
  CHECK_THAT(r.err, Contains("reporting cycle"));
  CHECK_THAT(r.err, Contains(at + ":3:19: error: the scenario \"loop\" cannot be applied to the "
                                  "policy (see above)\n"));
  // The cycle is told once, at the scenario's first use.
  const std::size_t first = r.err.find("reporting cycle");
  CHECK(r.err.find("reporting cycle", first + 1) == std::string::npos);
}

TEST_CASE("remit test: expect no breach shows each breach with its explanation", "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy + "person p_c \"C\" { holds fin, mo }\n");
  dir.write("b_test.remit",
            "test \"clean\" {\n  expect no breach\n}\n"
            "test \"named\" { expect breach \"monitoring_officer with "
            "section_151_officer\" }\n");
  const Report r = run({dir.path()});
  INFO(r.out << r.err);
  CHECK(r.passed == 1);
  CHECK(r.failed == 1);
  CHECK_THAT(r.out, Contains("expected: no breach"));
  CHECK_THAT(r.out, Contains("found: breach: incompatible monitoring_officer with "
                             "section_151_officer"));
}

TEST_CASE("remit test: a name the policy does not have is an error in the test, with its place",
          "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy);
  const std::string at = (dir / "e_test.remit").string();
  dir.write("e_test.remit", "test \"t\" {\n  expect dirr in category 3\n}\n");
  Report r = run({dir.path()});
  CHECK(r.exit_status() == 2);
  CHECK_THAT(r.err, Contains(at + ":2:10: error: no post 'dirr' (did you mean 'dir'?)"));
  dir.write("e_test.remit", "test \"t\" {\n  expect dir in category 9\n}\n");
  r = run({dir.path()});
  CHECK(r.exit_status() == 2);
  CHECK_THAT(r.err, Contains(at + ":2:26: error: the policy defines no category 9"));
  dir.write("e_test.remit", "test \"t\" {\n  expect breach \"exactly one Monitoring Oficer\"\n}\n");
  r = run({dir.path()});
  CHECK(r.exit_status() == 2);
  CHECK_THAT(r.err,
             Contains(at + ":2:18: error: no rule named \"exactly one Monitoring Oficer\" "
                           "in the policy (did you mean 'exactly one Monitoring Officer'?)"));
}

TEST_CASE("remit test: --coverage lists the categories and rules no test made fire",
          "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", R"(category 1 "Heads" { when designated head_of_paid_service }
category 2 "Directors" { when title contains "Director" }
designation head_of_paid_service
designation monitoring_officer
post ceo "Chief Executive" { designated head_of_paid_service }
post dir "Director" { reports to ceo }
person p_a "A" { holds ceo }
incompatible monitoring_officer with head_of_paid_service
require "one head" { count designated head_of_paid_service = 1 }
forbid "no directors" { title contains "Director" and designated monitoring_officer }
)");
  dir.write("c_test.remit",
            "test \"the head\" {\n  expect ceo in category 1\n  expect no breach\n}\n");
  const Report r = run({dir.path()}, {}, true);
  INFO(r.out << r.err);
  CHECK(r.passed == 1);
  const std::string at = (dir / "policy.remit").string();
  CHECK_THAT(r.out,
             Contains("coverage: 3 of 5 categories and rules fired in a test; not fired:\n"));
  CHECK_THAT(r.out, Contains("  " + at +
                             ":2:1: category 2 (Directors): no test looked at a post "
                             "that meets it\n"));
  CHECK_THAT(r.out,
             Contains("  " + at + ":10:1: forbid \"no directors\": no test saw it broken\n"));
  // The incompatibility had a holder of one of its designations to check; the require a set.
  CHECK_THAT(r.out, !Contains(":8:1:"));
  CHECK_THAT(r.out, !Contains(":9:1:"));
  CHECK_THAT(r.out, !Contains(":1:1:"));
  CHECK(last_line(r.out) == "1 passed, 0 failed");

  // The director's test makes category 2 fire.
  dir.write("d_test.remit", "test \"the director\" { expect dir meets category 2 }\n");
  const Report more = run({dir.path()}, {}, true);
  CHECK_THAT(more.out, Contains("coverage: 4 of 5"));
  CHECK_THAT(more.out, !Contains("(Directors)"));
}

TEST_CASE("remit test: --filter runs only the tests whose name contains the text", "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy);
  dir.write("f_test.remit",
            "test \"the Director\" { expect dir in category 3 }\n"
            "test \"the head\" { expect head in category 1 }\n");
  const Report all = run({dir.path()});
  CHECK(all.passed == 1);
  CHECK(all.failed == 1);
  const Report some = run({dir.path()}, "director");
  CHECK(some.passed == 1);
  CHECK(some.failed == 0);
  CHECK(some.exit_status() == 0);
  const Report none = run({dir.path()}, "nothing like it");
  CHECK(none.exit_status() == 2);
  CHECK_THAT(none.err, Contains("no test's name contains \"nothing like it\""));
}

TEST_CASE("remit test: exit status 0 all pass, 1 a failure, 2 bad input", "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy);
  dir.write("x_test.remit", "test \"ok\" { expect dir in category 3 }\n");
  const std::string folder = "'" + dir.path().string() + "'";
  Result r = remit_cli("test " + folder);
  CHECK(r.status == 0);
  CHECK(r.out == "1 passed, 0 failed\n");
  CHECK(r.err.empty());

  dir.write("x_test.remit", "test \"not ok\" { expect dir in category 4 }\n");
  r = remit_cli("test " + folder);
  CHECK(r.status == 1);
  CHECK(last_line(r.out) == "0 passed, 1 failed");

  r = remit_cli("test '" + (dir / "missing").string() + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("does not exist"));

  TempDir empty;
  empty.write("policy.remit", policy);
  r = remit_cli("test '" + empty.path().string() + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("no test blocks in"));

  r = remit_cli("test");
  CHECK(r.status == 2);
}

TEST_CASE("remit test: a syntax error in a test block is bad input, with file:line:column",
          "[authoring]") {
  TempDir dir;
  dir.write("policy.remit", policy);
  const fs::path file =
      dir.write("p_test.remit", "test \"broken\" {\n  expect dir in categroy 3\n}\n");
  Result r = remit_cli("test '" + dir.path().string() + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains(file.string() +
                             ":2:17: error: expected 'category N' or 'no category' after 'in'"));
  dir.write("p_test.remit", "test \"broken\" {\n  expect dir in category 3\n  expect\n}\n");
  r = remit_cli("test '" + dir.path().string() + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains(file.string() + ":4:1: error: expected what to expect"));
  // derive reads test blocks too, so a broken one in a policy file is an error there as well.
  dir.write("policy.remit", policy + "test \"t\" { expect }\n");
  r = remit_cli("derive '" + (dir / "policy.remit").string() + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("expected what to expect"));
}

TEST_CASE("remit test: the tests shipped with the policies and the stdlib all pass",
          "[authoring]") {
  // Every shipped policy has tests: a new folder under policies/ without them fails here.
  std::vector<fs::path> folders{project_dir / "tests" / "stdlib"};
  for (const auto& e : fs::directory_iterator(project_dir / "policies")) {
    if (e.is_directory()) folders.push_back(e.path());
  }
  CHECK(folders.size() >= 5);
  for (const fs::path& folder : folders) {
    const Report r = run({folder}, {}, true);
    INFO(folder << "\n" << r.out << r.err);
    CHECK(r.exit_status() == 0);
    CHECK(r.failed == 0);
    CHECK(r.passed >= 5);
  }
}
