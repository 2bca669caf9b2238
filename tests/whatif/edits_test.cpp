// Edits as values and breaches as values. Command-line edits (--move, --remove, --designate,
// --undesignate, --assign) hold the ids exactly as typed and are never read as policy text;
// scenarios in a policy are checked when it is read; breaches of two runs are matched by what
// they are, so one that stands on both sides with other details has changed, not come and gone.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "evaluate/breach.hpp"
#include "remit/remit.hpp"
#include "tests/explain/cli_golden.hpp"
#include "whatif/compare.hpp"

namespace {

using remit::test::run_cli;
using remit::test::TempDir;

// An HR export whose ids hold '-', '/', '.', a leading zero and a non-ASCII letter, as CSV
// imports may.
void write_council(const TempDir& dir) {
  dir.write("council.remit",
            "use \"uk/lgha1989\"\nuse \"uk/statutory_officers\"\nbody council \"Full Council\"\n");
  dir.write("structure.csv",
            "id,title,service,directorate,reports_to,designations,flags\n"
            "ceo,Chief Executive,,,council,head_of_paid_service,\n"
            "fin.dir,Director of Finance,Finance,Resources,ceo,section_151_officer,\n"
            "007,Head of Law,Legal,Resources,fin.dir,monitoring_officer,\n"
            "tra-ch-comm,Director of Communities,Communities,Place,ceo,,\n"
            "tra-cdp,Community Development Manager,Communities,Place,fin.dir,,\n"
            "HR/12,HR Adviser,HR,Resources,fin.dir,,\n"
            "r\xc5\xb5"
            "d,Cyfarwyddwr,Ffyrdd,Place,ceo,,\n");
}

// Policy text in memory, read as the file org.remit.
remit::Inputs org_remit(const std::string& text) {
  remit::Inputs in;
  in.texts.push_back({"org.remit", text});
  return in;
}

std::vector<std::string> with_council(std::vector<std::string> edits) {
  std::vector<std::string> args{"whatif", "council.remit", "--structure", "structure.csv"};
  args.insert(args.end(), edits.begin(), edits.end());
  return args;
}

}  // namespace

TEST_CASE("whatif edits: an id is never read as policy text", "[whatif][edits]") {
  // Was a bug: --remove "d2 remove post d1" became the scenario line
  // `remove post d2 remove post d1`, which removed two posts.
  TempDir dir;
  write_council(dir);
  auto r = run_cli(with_council({"--remove", "tra-cdp remove post HR/12"}), dir.path());
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("<command line>:1:10: error: no post 'tra-cdp remove post HR/12'") == 0);
}

TEST_CASE("whatif edits: ids with - / . a leading zero and non-ASCII letters", "[whatif][edits]") {
  // Was a bug: these failed with "expected 'to'" at text the user never typed.
  TempDir dir;
  write_council(dir);
  SECTION("--move") {
    auto r = run_cli(with_council({"--move", "tra-cdp=tra-ch-comm"}), dir.path());
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("tra-cdp: tra-cdp -> fin.dir -> ceo -> council\n"
                     "    becomes tra-cdp -> tra-ch-comm -> ceo -> council") != std::string::npos);
  }
  SECTION("--move to a non-ASCII id, with shares") {
    auto r = run_cli(with_council({"--move",
                                   "007=r\xc5\xb5"
                                   "d 60%, fin.dir 40%"}),
                     dir.path());
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("becomes 007 -> r\xc5\xb5"
                     "d -> ceo -> council") != std::string::npos);
  }
  SECTION("--remove") {
    auto r = run_cli(with_council({"--remove", "HR/12"}), dir.path());
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("HR/12 \"HR Adviser\": was category") != std::string::npos);
  }
  SECTION("--designate and --undesignate") {
    auto r = run_cli(with_council({"--undesignate", "007=monitoring_officer", "--designate",
                                   "r\xc5\xb5"
                                   "d=monitoring_officer"}),
                     dir.path());
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("r\xc5\xb5"
                     "d \"Cyfarwyddwr\": category 3 -> 5") != std::string::npos);
  }
}

TEST_CASE("whatif edits: a wrong id is reported where it was typed, with a suggestion",
          "[whatif][edits]") {
  TempDir dir;
  write_council(dir);
  auto r =
      run_cli(with_council({"--remove", "HR/12", "--move", "tra-cdpx=tra-ch-comm"}), dir.path());
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  // Moves come first (edits apply by kind): the move is line 1 of "<command line>".
  CHECK(r.err ==
        "<command line>:1:8: error: no post 'tra-cdpx' (did you mean 'tra-cdp'?)\n"
        "  --move tra-cdpx=tra-ch-comm\n"
        "         ^\n"
        "1 error generated.\n");
  SECTION("a manager, likewise") {
    auto m = run_cli(with_council({"--move", "tra-cdp=tra-ch-com"}), dir.path());
    CHECK(m.status == 2);
    CHECK(m.err.find("<command line>:1:16: error: no post or body 'tra-ch-com' to report to "
                     "(did you mean 'tra-ch-comm'?)") == 0);
  }
}

TEST_CASE("whatif edits: A=B without '=' is a usage error", "[whatif][edits]") {
  TempDir dir;
  write_council(dir);
  auto r = run_cli(with_council({"--move", "tra-cdp"}), dir.path());
  CHECK(r.status == 2);
  CHECK(r.err == "remit: error: --move takes A=B, e.g. --move dph=ed_ahc; got 'tra-cdp'\n");
  auto s = run_cli(with_council({"--move", "tra-cdp=ceo 140%"}), dir.path());
  CHECK(s.status == 2);
  CHECK(s.err.find("remit: error: --move 'tra-cdp=ceo 140%': the share '140%' is not a") == 0);
}

TEST_CASE("whatif edits: a wrong share on the command line says what is wrong with it",
          "[whatif][edits]") {
  TempDir dir;
  write_council(dir);
  auto decimals =
      run_cli(with_council({"--move", "tra-cdp=ceo 33.333%, fin.dir 66.667%"}), dir.path());
  CHECK(decimals.status == 2);
  CHECK(decimals.err ==
        "remit: error: --move 'tra-cdp=ceo 33.333%, fin.dir 66.667%': the share '33.333%' has "
        "more than two decimals (a share is exact to 0.01%, e.g. 33.33%)\n");
  auto garbage = run_cli(with_council({"--move", "tra-cdp=ceo 4o%, fin.dir 60%"}), dir.path());
  CHECK(garbage.status == 2);
  CHECK(garbage.err ==
        "remit: error: --move 'tra-cdp=ceo 4o%, fin.dir 60%': the share '4o%' is not a "
        "percentage above 0 and at most 100, e.g. 60%\n");
  auto exact =
      run_cli(with_council({"--move", "tra-cdp=ceo 33.33%, fin.dir 33.33%, tra-ch-comm 33.34%"}),
              dir.path());
  CHECK(exact.status == 0);
}

TEST_CASE("whatif edits: a 100,000-character id is shortened in the error", "[whatif][edits]") {
  // Once a fault: the id was quoted in full (100 KB of message), where the policy's errors
  // shorten it.
  TempDir dir;
  write_council(dir);
  auto r = run_cli(with_council({"--remove", std::string(100000, 'a')}), dir.path());
  CHECK(r.status == 2);
  CHECK(r.err.find("<command line>:1:10: error: no post 'aaaa") == 0);
  CHECK(r.err.find("(100000 characters)'") != std::string::npos);
  CHECK(r.err.size() < 2000);
}

TEST_CASE("Run::scenario_of: edits as values, applied through the library", "[whatif][edits]") {
  remit::Run run;
  REQUIRE(run.load(org_remit(R"(use "uk/lgha1989"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post d2 "Director" { reports to ceo }
post d1 "Deputy" { reports to d2 }
)")));
  std::vector<remit::Edit> edits{remit::edit::Remove{"d2 remove post d1"}};
  SECTION("an id with spaces is one id") {
    auto variant = run.apply(run.scenario_of(edits));
    CHECK_FALSE(variant);
    CHECK(run.diagnostics_text().find("<command line>:1:10: error: no post 'd2 remove post d1'") ==
          0);
  }
  SECTION("a good edit") {
    edits = {remit::edit::Remove{"d2"}};
    auto variant = run.apply(run.scenario_of(edits, "<api>"));
    REQUIRE(variant);
    remit::Difference d = remit::compare(run, *variant);
    REQUIRE(d.left.size() == 1);
    CHECK(d.left[0].id == "d2");
  }
}

// ---- scenarios are checked when the policy is read -----------------------------------------

namespace {

const std::string small_council = R"(use "uk/lgha1989"
use "uk/statutory_officers"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dfin "Director of Finance" { reports to ceo designated section_151_officer }
post dlaw "Head of Legal" { reports to dfin designated monitoring_officer }
person p1 "Pat One"
)";

}  // namespace

TEST_CASE("remit check: a scenario that names a missing post is an error at its location",
          "[whatif][scenario][check]") {
  // Was a bug: the scenario passed `remit check`; the error came only when it was applied.
  TempDir dir;
  dir.write("org.remit", small_council + R"(scenario "s" {
  move dlaw to report to ceo
  designate dlawx as section_151_officer
  assign p2 to dlaw
}
)");
  auto r = run_cli({"check", "org.remit"}, dir.path());
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("org.remit:10:13: error: no post 'dlawx' (did you mean 'dlaw'?)") !=
        std::string::npos);
  CHECK(r.err.find("org.remit:11:10: error: no person 'p2' (did you mean 'p1'?)") !=
        std::string::npos);
  CHECK(r.err.find("2 errors generated.") != std::string::npos);
}

TEST_CASE("scenario names are checked in order: added then used, removed then not",
          "[whatif][scenario]") {
  SECTION("a post added earlier may be named later") {
    remit::Run run;
    CHECK(run.load(org_remit(small_council + R"(scenario "s" {
  add post dgov "Director of Governance" { reports to ceo }
  move dlaw to report to dgov
  designate dgov as monitoring_officer
}
)")));
    CHECK(run.diagnostics_text().empty());
  }
  SECTION("a post removed earlier may not") {
    remit::Run run;
    CHECK_FALSE(run.load(org_remit(small_council + R"(scenario "s" {
  move dlaw to report to ceo
  remove post dfin
  designate dfin as monitoring_officer
  move dlaw to report to dfin
}
)")));
    CHECK(run.diagnostics_text() ==
          "org.remit:11:13: error: post 'dfin' was removed earlier in the scenario\n"
          "    designate dfin as monitoring_officer\n"
          "              ^\n"
          "org.remit:12:26: error: no post or body 'dfin' to report to (it was removed earlier "
          "in the scenario)\n"
          "    move dlaw to report to dfin\n"
          "                           ^\n"
          "2 errors generated.\n");
  }
  SECTION("the shipped scenarios pass") {
    auto r = run_cli({"check", "policies/cambridgeshire/"});
    CHECK(r.status != 2);
    CHECK(r.err.empty());
  }
}

// ---- breaches as values ------------------------------------------------------------------

TEST_CASE("breaches of two separate runs compare equal by value", "[whatif][breach]") {
  auto load = [](remit::Run& run) {
    return run.load(org_remit(small_council + R"(
post dlaw2 "Deputy Head of Legal" { reports to dlaw designated monitoring_officer holder p1 }
post dfin2 "Deputy Finance" { reports to dfin designated section_151_officer holder p1 }
)"));
  };
  remit::Run a, b;
  REQUIRE(load(a));
  REQUIRE(load(b));
  const std::vector<remit::Breach> x = remit::breach_values(a), y = remit::breach_values(b);
  REQUIRE(x.size() == 3);  // p1 holds MO and S151; two MOs; two S151s
  CHECK(x == y);
  CHECK(remit::same_breach(x[0], y[0]));
  CHECK(remit::breach_line(x[0], 10) ==
        "incompatible monitoring_officer with section_151_officer: Pat One holds dlaw2 "
        "(monitoring_officer) and dfin2 (section_151_officer)");
  CHECK_FALSE(remit::same_breach(x[0], x[1]));
  // A rule's breach is the rule: other counts are the same breach, not an equal one.
  remit::Breach more = x[1];
  std::get<remit::RuleFound>(more.what).count = 3;
  CHECK(remit::same_breach(more, x[1]));
  CHECK_FALSE(more == x[1]);
  CHECK(remit::compare(a, b).empty());
}

TEST_CASE("whatif: a breach that stands with other details changes, it does not come and go",
          "[whatif][breach]") {
  // Was a bug: with two Monitoring Officers already breaching `count … = 1`, designating a
  // third reported the breach as appearing and disappearing, and exited 1.
  TempDir dir;
  dir.write("org.remit", small_council + R"(
post dlaw2 "Deputy Head of Legal" { reports to dlaw designated monitoring_officer }
post dgov "Director of Governance" { reports to ceo }
)");
  auto r =
      run_cli({"whatif", "org.remit", "--designate", "dgov=monitoring_officer", "--width", "0"},
              dir.path());
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("Breaches that appear") == std::string::npos);
  CHECK(r.out.find("Breaches that disappear") == std::string::npos);
  CHECK(r.out.find("Breaches that change (1):\n"
                   "  require \"exactly one Monitoring Officer\": found 2 posts; the rule "
                   "requires count = 1 (posts: dlaw, dlaw2)\n"
                   "    becomes: found 3 posts; the rule requires count = 1 (posts: dlaw, dlaw2, "
                   "dgov)\n") != std::string::npos);
  auto j =
      run_cli({"whatif", "org.remit", "--designate", "dgov=monitoring_officer", "--format", "json"},
              dir.path());
  CHECK(j.status == 0);
  const auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["breaches_appeared"].empty());
  CHECK(doc["breaches_disappeared"].empty());
  REQUIRE(doc["breaches_changed"].size() == 1);
  CHECK(doc["breaches_changed"][0]["after"] ==
        "require \"exactly one Monitoring Officer\": found 3 posts; the rule requires count = 1 "
        "(posts: dlaw, dlaw2, dgov)");
}

TEST_CASE("whatif edits: a body where a post is needed is an error", "[whatif][edits]") {
  // Was a bug: `remove post council` was applied to the body like a post (refused only because
  // the body's reports had "nowhere to go"), and `remit check` passed the scenario.
  TempDir dir;
  dir.write("org.remit", small_council);
  auto r = run_cli({"whatif", "org.remit", "--remove", "council"}, dir.path());
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("<command line>:1:10: error: 'council' is a body, not a post") == 0);
  dir.write("scenario.remit", "scenario \"s\" { remove post council }\n");
  auto c = run_cli({"check", "org.remit", "scenario.remit"}, dir.path());
  CHECK(c.status == 2);
  CHECK(c.err.find("scenario.remit:1:28: error: 'council' is a body, not a post") == 0);
}
