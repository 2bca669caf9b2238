// --keep-going: each fault in an HR export's rows (a post reporting to itself, a line to a post
// not in the export, a repeated id that is not a job share, a reporting cycle) is a warning,
// the line or row is left out, the posts whose category could depend on it are listed as to be
// reviewed (never in the list proper), and the exit status is 3. Without it the first fault
// stops the run (exit 2) and says that --keep-going exists.
#include <catch2/catch.hpp>
#include <string>

#include "tests/robustness/robustness_support.hpp"

using namespace remit;
using namespace remit::robust;
using Catch::Matchers::Contains;

namespace {

const std::string header = "id,title,service,directorate,reports_to,designations,flags\n";
const std::string policy = "use \"uk/lgha1989\"\nbody council \"The Council\"\n";
// The chief executive, a statutory chief officer and a deputy below it: the sound part.
const std::string sound =
    "ceo,Chief Executive,,,council,head_of_paid_service,\n"
    "dfin,Director of Finance,Finance,Resources,ceo,section_151_officer,\n"
    "hfin,Head of Finance,Finance,Resources,dfin,,\n";
const std::string keep_going_note =
    "note: run with --keep-going to leave out faulty lines and derive the rest";

struct Fault {
  const char* name;
  std::string rows;     // after the sound rows (lines 2-4), so they start at line 5
  std::string warning;  // the first line of the warning
  std::string error;    // the first line of the error without --keep-going
};

const Fault faults[] = {
    {"a post reporting to itself",
     "dhr,Director of HR,HR,Resources,dhr,,\nhhr,Head of HR,,,dhr,,\n",
     "s.csv:5:33: warning: post 'dhr' reports to itself: this reporting line is left out "
     "(--keep-going)",
     "s.csv:5:33: error: post 'dhr' reports to itself"},
    {"a line to a post not in the export",
     "dhr,Director of HR,HR,Resources,gone,,\nhhr,Head of HR,,,dhr,,\n",
     "s.csv:5:33: warning: dhr reports to 'gone', which is not a post or body: this reporting "
     "line is left out (--keep-going)",
     "s.csv:5:33: error: dhr reports to 'gone', which is not a post or body"},
    {"a repeated id that is not a job share",
     "dhr,Director of HR,HR,Resources,ceo,,\nhhr,Head of HR,,,dhr,,\ndhr,Director of "
     "Hats,,,ceo,,\n",
     "s.csv:7:1: warning: the id 'dhr' is used twice: this row is left out (--keep-going)",
     "s.csv:7:1: error: the id 'dhr' is used twice"},
    {"a reporting cycle", "dhr,Director of HR,HR,Resources,hhr,,\nhhr,Head of HR,,,dhr,,\n",
     "s.csv:5:33: warning: reporting cycle of 2 posts: dhr -> hhr -> dhr; a post cannot report "
     "to itself, directly or through others: this reporting line is left out (--keep-going)",
     "s.csv:5:33: error: reporting cycle of 2 posts: dhr -> hhr -> dhr; a post cannot report to "
     "itself, directly or through others"},
};

struct Export {
  TempDir dir;
  explicit Export(const std::string& rows, const std::string& p = policy) {
    write_text(dir / "p.remit", p);
    write_text(dir / "s.csv", header + sound + rows);
  }
  // With no width limit, so that a reason is one line to look for.
  CliResult run(std::vector<std::string> args) const {
    args.insert(args.end(), {"--width", "0"});
    return run_cli(std::move(args), dir.path());
  }
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("keep-going: without it, each fault in an export stops the run and names the option",
          "[robustness][keep-going]") {
  for (const Fault& f : faults) {
    SECTION(f.name) {
      Export e(f.rows);
      for (const char* command : {"derive", "check"}) {
        CliResult r = e.run({command, "p.remit", "--structure", "s.csv"});
        INFO(describe(r));
        CHECK(r.code == 2);
        CHECK(line_one(r.err) == f.error);
        CHECK_THAT(r.err, Contains(keep_going_note));
        CHECK(count(r.err, keep_going_note) == 1);
        CHECK(r.out.empty());
      }
    }
  }
}

TEST_CASE(
    "keep-going: each fault is a warning, its line is left out and the posts it reaches "
    "are to be reviewed in every format",
    "[robustness][keep-going]") {
  for (const Fault& f : faults) {
    SECTION(f.name) {
      Export e(f.rows);
      CliResult table =
          e.run({"derive", "p.remit", "--structure", "s.csv", "--keep-going", "--format", "table"});
      INFO(describe(table));
      CHECK(table.code == 3);
      CHECK(line_one(table.err) == f.warning);
      CHECK_THAT(table.err, !Contains("error"));
      // The sound part is derived as ever.
      CHECK_THAT(table.out, Contains("Category 2 - Statutory Chief Officers\n  dfin"));
      CHECK_THAT(table.out, Contains("Category 4 - Deputy Chief Officers\n  hfin"));
      // The post whose line or row was left out, and the one below it: apart, with the reason.
      const auto at = table.out.find("\nTo be reviewed - 2 posts");
      REQUIRE(at != std::string::npos);
      const std::string list = table.out.substr(0, at), review = table.out.substr(at);
      CHECK_THAT(list, !Contains("dhr") && !Contains("hhr"));
      CHECK_THAT(review, Contains("  dhr  Director of HR\n    "));
      CHECK_THAT(review, Contains("  hhr  Head of HR\n    is below 'dhr', whose "));
      CHECK_THAT(review, Contains("its category and those of the posts below it may be wrong"));

      CliResult csv =
          e.run({"derive", "p.remit", "--structure", "s.csv", "--keep-going", "--format", "csv"});
      CHECK(csv.code == 3);
      CHECK(line_one(csv.out) ==
            "category,id,title,service,directorate,category_name,review_reason");
      CHECK_THAT(
          csv.out,
          Contains("\n2,dfin,Director of Finance,Finance,Resources,Statutory Chief Officers,\n"));
      CHECK_THAT(csv.out, Contains("\nto be reviewed,dhr,Director of HR,HR,Resources,,\""));
      CHECK_THAT(csv.out, Contains("\nto be reviewed,hhr,Head of HR,,,,\"is below 'dhr'"));
      CHECK(count(csv.out, "dhr,") == 1);

      CliResult md = e.run(
          {"derive", "p.remit", "--structure", "s.csv", "--keep-going", "--format", "markdown"});
      CHECK(md.code == 3);
      const auto md_at = md.out.find("\n## To be reviewed\n");
      REQUIRE(md_at != std::string::npos);
      CHECK_THAT(md.out.substr(0, md_at), !Contains("dhr"));
      CHECK_THAT(md.out.substr(md_at),
                 Contains("| id | title | service | directorate | reason |") &&
                     Contains("| dhr | Director of HR | HR | Resources | ") &&
                     Contains("| hhr | Head of HR |  |  | is below 'dhr'"));

      CliResult json =
          e.run({"derive", "p.remit", "--structure", "s.csv", "--keep-going", "--format", "json"});
      CHECK(json.code == 3);
      const auto json_at = json.out.find("\"to_review\": [");
      REQUIRE(json_at != std::string::npos);
      CHECK_THAT(json.out.substr(0, json_at), !Contains("dhr"));
      CHECK_THAT(json.out.substr(json_at), Contains("\"id\": \"dhr\"") &&
                                               Contains("\"id\": \"hhr\"") &&
                                               Contains("\"reason\": \"is below 'dhr'"));
    }
  }
}

TEST_CASE("keep-going: a line left out that nothing hangs from puts only its own post aside",
          "[robustness][keep-going]") {
  Export e("clerk,Clerk,,,gone,,delegated_powers\n");
  CliResult r =
      e.run({"derive", "p.remit", "--structure", "s.csv", "--keep-going", "--format", "csv"});
  INFO(describe(r));
  CHECK(r.code == 3);
  CHECK(r.out ==
        "category,id,title,service,directorate,category_name,review_reason\n"
        "1,ceo,Chief Executive,,,The Head of Paid Service,\n"
        "2,dfin,Director of Finance,Finance,Resources,Statutory Chief Officers,\n"
        "4,hfin,Head of Finance,Finance,Resources,Deputy Chief Officers,\n"
        "to be reviewed,clerk,Clerk,,,,\"reports to 'gone', which is not in the export (that line, "
        "s.csv:5:15, left out); its category and those of the posts below it may be wrong\"\n");
}

TEST_CASE("keep-going: a sound export gives exit status 0 and the usual output",
          "[robustness][keep-going]") {
  Export e("");
  CliResult with = e.run({"derive", "p.remit", "--structure", "s.csv", "--keep-going"});
  CliResult without = e.run({"derive", "p.remit", "--structure", "s.csv"});
  CHECK(with.code == 0);
  CHECK(with.out == without.out);
  CHECK(with.err.empty());
}

TEST_CASE("keep-going: check lists the posts to be reviewed, and 3 wins over a breach",
          "[robustness][keep-going]") {
  // Two heads of paid service breach the statutory officers' rule; hhr's manager is gone.
  Export e("hr,Director of HR,,,ceo,head_of_paid_service,\nhhr,Head of HR,,,gone,,\n",
           policy + "use \"uk/statutory_officers\"\n");
  CliResult text = e.run({"check", "p.remit", "--structure", "s.csv", "--keep-going"});
  INFO(describe(text));
  CHECK(text.code == 3);
  CHECK_THAT(text.out, Contains("Head of Paid Service"));
  CHECK_THAT(text.out, Contains("\nTo be reviewed - 1 post not placed in or out of any "
                                "category") &&
                           Contains("  hhr  Head of HR\n    reports to 'gone'"));
  CliResult json =
      e.run({"check", "p.remit", "--structure", "s.csv", "--keep-going", "--format", "json"});
  CHECK(json.code == 3);
  CHECK_THAT(json.out, Contains("\"to_review\": [") && Contains("\"id\": \"hhr\""));
  // Without the fault the same breach gives 1.
  Export clean("hr,Director of HR,,,ceo,head_of_paid_service,\n",
               policy + "use \"uk/statutory_officers\"\n");
  CHECK(clean.run({"check", "p.remit", "--structure", "s.csv", "--keep-going"}).code == 1);
}

TEST_CASE("keep-going: explain, whatif and diff say what is to be reviewed and exit with 3",
          "[robustness][keep-going]") {
  Export e("dhr,Director of HR,HR,Resources,gone,,\n");
  CliResult explain = e.run({"explain", "p.remit", "dhr", "--structure", "s.csv", "--keep-going"});
  CHECK(explain.code == 3);
  CHECK_THAT(explain.err, Contains("remit: warning: 'dhr' is to be reviewed: it reports to "
                                   "'gone'"));
  CliResult whatif = e.run({"whatif", "p.remit", "--structure", "s.csv", "--keep-going",
                            "--designate", "hfin=monitoring_officer"});
  CHECK(whatif.code == 3);
  CHECK_THAT(whatif.err, Contains("remit: note: 1 post is to be reviewed") && Contains(": dhr"));
  CHECK(e.run({"explain", "p.remit", "dhr", "--structure", "s.csv"}).code == 2);
}

TEST_CASE("keep-going: a fault written in a policy stays an error", "[robustness][keep-going]") {
  Export e("", policy + "post x \"X\" { reports to x }\n");
  CliResult r = e.run({"derive", "p.remit", "--structure", "s.csv", "--keep-going"});
  CHECK(r.code == 2);
  CHECK(line_one(r.err) == "p.remit:3:25: error: post 'x' reports to itself");
  // The note is for export rows only: --keep-going would not help here.
  CHECK_THAT(r.err, !Contains("--keep-going"));
}

TEST_CASE("keep-going: a cycle through a policy line and an export row leaves out the export's",
          "[robustness][keep-going]") {
  Export e("a,A,,,b,,\n", policy + "post b \"B\" { reports to a }\n");
  CliResult r =
      e.run({"derive", "p.remit", "--structure", "s.csv", "--keep-going", "--format", "csv"});
  INFO(describe(r));
  CHECK(r.code == 3);
  CHECK_THAT(line_one(r.err), Contains("s.csv:5:7: warning: reporting cycle of 2 posts"));
  CHECK_THAT(r.out, Contains("to be reviewed,a,A,") && Contains("to be reviewed,b,B,"));
}

TEST_CASE("keep-going: under a policy that looks at reports, the manager's side is reviewed too",
          "[robustness][keep-going]") {
  // `manages`: a post's category depends on who reports to it, so the post a line left out of
  // the cycle went to, every post above it (dfin, ceo) and all below those could change.
  const std::string manages =
      "body council \"The Council\"\n"
      "use \"uk/roles\"\n"
      "category 1 \"Managers\" { when manages any post }\n";
  Export e("x,X,,,dfin;y,,\ny,Y,,,x,,\n", manages);
  CliResult r =
      e.run({"derive", "p.remit", "--structure", "s.csv", "--keep-going", "--format", "csv"});
  INFO(describe(r));
  CHECK(r.code == 3);
  CHECK_THAT(r.out, Contains("to be reviewed,x,X,"));
  CHECK_THAT(r.out, Contains("to be reviewed,dfin,") && Contains("to be reviewed,ceo,") &&
                        Contains("to be reviewed,hfin,"));
  // The Act's categories look only up: the same fault puts only the two posts of the cycle aside.
  Export act("x,X,,,dfin;y,,\ny,Y,,,x,,\n");
  CliResult a =
      act.run({"derive", "p.remit", "--structure", "s.csv", "--keep-going", "--format", "csv"});
  CHECK(count(a.out, "to be reviewed,") == 2);
}

TEST_CASE("keep-going: a thousand faults give a hundred warnings and a count",
          "[robustness][keep-going]") {
  std::string rows;
  for (int i = 0; i < 1000; ++i) rows += "p" + std::to_string(i) + ",P,,,gone,,\n";
  Export e(rows);
  CliResult r =
      e.run({"derive", "p.remit", "--structure", "s.csv", "--keep-going", "--format", "csv"});
  CHECK(r.code == 3);
  CHECK(count(r.err, ": warning: ") == 100);
  CHECK_THAT(r.err, Contains("warning: 900 more faulty lines or rows left out, not shown (1000 "
                             "in all)"));
  CHECK(count(r.out, "to be reviewed,") == 1000);
}

TEST_CASE("diff --structure compares two policies over one export", "[robustness][diff]") {
  TempDir dir;
  write_text(dir / "s.csv", header + sound + "mo,Head of Legal,Legal,,ceo,,\n");
  // The new policy restricts the legal service's posts as well.
  write_text(dir / "old.remit", policy);
  write_text(dir / "new.remit", policy +
                                    "category 9 \"Legal\" { when in service \"Legal\" }\n"
                                    "precedence 1, 2, 5, 6, 3, 4, 7, 8, 9\n");
  CliResult r = run_cli({"diff", "old.remit", "new.remit", "--structure", "s.csv"}, dir.path());
  INFO(describe(r));
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Contains("Differences from old.remit to new.remit"));
  CHECK_THAT(r.out, Contains("mo"));
  CHECK_THAT(r.out, !Contains("dfin"));
  // Without --structure neither policy has the export's posts: nothing to compare.
  CliResult none = run_cli({"diff", "old.remit", "new.remit"}, dir.path());
  CHECK_THAT(none.out, Contains("No change"));
  CliResult both = run_cli({"diff", "s.csv", "s.csv", "--structure", "s.csv"}, dir.path());
  CHECK(both.code == 2);
  CHECK_THAT(both.err, Contains("--structure gives the one export two policies are compared "
                                "over"));
}

TEST_CASE("keep-going: a Run says what was left out and which posts are to be reviewed",
          "[robustness][keep-going]") {
  TempDir dir;
  write_text(dir / "p.remit", policy);
  write_text(dir / "s.csv", header + sound +
                                "dhr,Director of HR,HR,Resources,gone,,\n"
                                "hhr,Head of HR,,,dhr,,\n"
                                "hfin,Head of Fun,,,ceo,,\n"
                                "x,X,,,x,,\n");
  Inputs inputs;
  inputs.policies = {dir / "p.remit"};
  inputs.structures = {dir / "s.csv"};
  Loaded without = load(inputs);
  CHECK_FALSE(without.ok);
  CHECK(without.run->left_out().empty());

  inputs.keep_going = true;
  Loaded l = load(inputs);
  REQUIRE(l.ok);
  CHECK(l.run->diagnostics().error_count() == 0);
  const auto& left = l.run->left_out();
  REQUIRE(left.size() == 3);
  // In the order found: the repeated id (while numbering the posts), then the lines.
  CHECK(left[0].fault == LeftOut::Fault::duplicate_id);
  CHECK(left[0].post == "hfin");
  CHECK(l.run->sources().position(left[0].where).line == 7);
  CHECK(left[1].fault == LeftOut::Fault::missing_manager);
  CHECK(left[1].manager == "gone");
  CHECK(left[2].fault == LeftOut::Fault::reports_to_itself);
  std::vector<std::string> review;
  const auto& units = l.run->resolved().organisation.units;
  for (const ToReview& r : l.run->to_review()) review.emplace_back(units[r.unit].id());
  CHECK(review == std::vector<std::string>{"hfin", "dhr", "hhr", "x"});
  for (const ListedPost& p : l.run->restricted_posts(true)) {
    CHECK(std::find(review.begin(), review.end(), std::string(units[p.unit].id())) == review.end());
  }
  CHECK(l.run->restricted_posts().size() == 2);  // ceo and dfin
}
