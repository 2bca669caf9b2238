// Faults in the organisation itself, from policy files and CSV exports: reporting cycles, self
// reports, lines to missing posts, one id used twice across files, people holding posts that do
// not exist. Each is reported with every post involved and the file:line of each.
#include <catch2/catch.hpp>
#include <string>

#include "tests/robustness/robustness_support.hpp"

using namespace remit;
using namespace remit::robust;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string header = "id,title,service,directorate,reports_to,designations,flags\n";

// Two in-memory policy files.
Loaded load_two(const std::string& one, const std::string& two) {
  Inputs inputs;
  inputs.texts.push_back({"one.remit", one});
  inputs.texts.push_back({"two.remit", two});
  return load(inputs);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("robustness: a reporting cycle across two files names every post and line",
          "[robustness]") {
  Loaded l = load_two("post a \"A\" { reports to b }\npost c \"C\" { reports to a }\n",
                      "\npost b \"B\" {\n  reports to c\n}\n");
  REQUIRE_FALSE(l.ok);
  const std::string d = l.diagnostics();
  CHECK(l.first() ==
        "one.remit:1:25: error: reporting cycle of 3 posts: a -> b -> c -> a; a "
        "post cannot report to itself, directly or through others");
  CHECK_THAT(d, Contains("one.remit:1:25: note: a reports to b here"));
  CHECK_THAT(d, Contains("two.remit:3:14: note: b reports to c here"));
  CHECK_THAT(d, Contains("one.remit:2:25: note: c reports to a here"));
  CHECK(l.run->diagnostics().error_count() == 1);
}

TEST_CASE("robustness: a reporting cycle in a CSV export names every row", "[robustness]") {
  TempDir dir;
  write_text(dir / "s.csv", header + "a,A,S,D,b,,\nb,B,S,D,c,,\nc,C,S,D,a,,\nx,X,S,D,,,\n");
  Loaded l = load(structure_files({dir / "s.csv"}));
  REQUIRE_FALSE(l.ok);
  const std::string f = (dir / "s.csv").string();
  CHECK(l.first() == f + ":2:9: error: reporting cycle of 3 posts: a -> b -> c -> a; a post "
                         "cannot report to itself, directly or through others");
  CHECK_THAT(l.diagnostics(), Contains(f + ":2:9: note: a reports to b here"));
  CHECK_THAT(l.diagnostics(), Contains(f + ":3:9: note: b reports to c here"));
  CHECK_THAT(l.diagnostics(), Contains(f + ":4:9: note: c reports to a here"));
}

TEST_CASE("robustness: two separate cycles are both reported", "[robustness]") {
  Loaded l = load_text("two.remit",
                       "post a \"A\" { reports to b }\npost b \"B\" { reports to a }\n"
                       "post c \"C\" { reports to d }\npost d \"D\" { reports to c }\n");
  REQUIRE_FALSE(l.ok);
  CHECK(l.run->diagnostics().error_count() == 2);
  CHECK_THAT(l.diagnostics(), Contains("reporting cycle of 2 posts: a -> b -> a"));
  CHECK_THAT(l.diagnostics(), Contains("reporting cycle of 2 posts: c -> d -> c"));
}

TEST_CASE("robustness: cycles through 'accountable to' count - dotted lines do not",
          "[robustness]") {
  Loaded acc =
      load_text("acc.remit", "post a \"A\" { accountable to b }\npost b \"B\" { reports to a }\n");
  REQUIRE_FALSE(acc.ok);
  CHECK(acc.first() ==
        "acc.remit:1:29: error: reporting cycle of 2 posts: a -> b -> a; a post "
        "cannot report to itself, directly or through others");
  Loaded dotted =
      load_text("dot.remit", "post a \"A\" { dotted to b }\npost b \"B\" { reports to a }\n");
  CHECK(dotted.ok);
}

TEST_CASE("robustness: a cycle of 12 posts names all twelve with their lines", "[robustness]") {
  std::string text;
  for (int i = 0; i < 12; ++i) {
    text += "post p" + std::to_string(i) + " \"P\" { reports to p" + std::to_string((i + 1) % 12) +
            " }\n";
  }
  Loaded l = load_text("c12.remit", text);
  REQUIRE_FALSE(l.ok);
  CHECK_THAT(l.first(), Contains("reporting cycle of 12 posts: p0 -> p1 -> p2 -> p3 -> p4 -> p5 "
                                 "-> p6 -> p7 -> p8 -> p9 -> p10 -> p11 -> p0;"));
  for (int i = 0; i < 12; ++i) {
    CHECK_THAT(l.diagnostics(),
               Contains("c12.remit:" + std::to_string(i + 1) + ":" +
                        std::to_string(i < 10 ? 26 : 27) + ": note: p" + std::to_string(i) +
                        " reports to p" + std::to_string((i + 1) % 12) + " here"));
  }
}

TEST_CASE("robustness: a cycle of 20 posts names every post with its line", "[robustness]") {
  // Once cut at 12 posts; now cycles of up to 100 posts are named in full (the 100,000-post
  // cycle of tests/limits/scale_test.cpp shows its first 100).
  std::string text;
  for (int i = 0; i < 20; ++i) {
    text += "post p" + std::to_string(i) + " \"P\" { reports to p" + std::to_string((i + 1) % 20) +
            " }\n";
  }
  Loaded l = load_text("c20.remit", text);
  REQUIRE_FALSE(l.ok);
  for (int i = 0; i < 20; ++i) {
    CHECK_THAT(l.diagnostics(), Contains("note: p" + std::to_string(i) + " reports to p" +
                                         std::to_string((i + 1) % 20) + " here"));
  }
}

TEST_CASE("robustness: posts caught below a cycle are counted", "[robustness]") {
  // b and c form the cycle; a reports into it and is in the same loop only if it is on one.
  Loaded l = load_text("caught.remit",
                       "post a \"A\" { reports to b, c }\npost b \"B\" { reports to c }\n"
                       "post c \"C\" { reports to a }\n");
  REQUIRE_FALSE(l.ok);
  CHECK_THAT(l.first(), StartsWith("caught.remit:1:25: error: reporting cycle of "));
  CHECK_THAT(l.diagnostics(), Contains("a reports to b here"));
}

TEST_CASE("robustness: a post reporting to itself", "[robustness]") {
  Loaded l = load_text("self.remit", "post a \"A\"\npost b \"B\" {\n  reports to a, b\n}\n");
  REQUIRE_FALSE(l.ok);
  CHECK(l.first() == "self.remit:3:17: error: post 'b' reports to itself");
  Loaded acc = load_text("self.remit", "post b \"B\" { accountable to b }\n");
  REQUIRE_FALSE(acc.ok);
  CHECK(acc.first() == "self.remit:1:29: error: post 'b' is accountable to itself");
  TempDir dir;
  write_text(dir / "s.csv", header + "a,A,S,D,,,\nb,B,S,D,a;b,,\n");
  Loaded csv = load(structure_files({dir / "s.csv"}));
  REQUIRE_FALSE(csv.ok);
  CHECK(csv.first() == (dir / "s.csv").string() + ":3:11: error: post 'b' reports to itself");
}

TEST_CASE("robustness: a post reporting to a missing post", "[robustness]") {
  Loaded l = load_text("missing.remit",
                       "post ceo \"CEO\"\npost a \"A\" { reports to coe }\npost b \"B\" { reports "
                       "to nobody_here }\n");
  REQUIRE_FALSE(l.ok);
  CHECK(l.first() ==
        "missing.remit:2:25: error: a reports to 'coe', which is not a post or body "
        "(did you mean 'ceo'?)");
  CHECK_THAT(l.diagnostics(), Contains("missing.remit:3:25: error: b reports to 'nobody_here', "
                                       "which is not a post or body\n"));
  TempDir dir;
  write_text(dir / "s.csv", header + "a,A,S,D,ghost,,\n");
  Loaded csv = load(structure_files({dir / "s.csv"}));
  REQUIRE_FALSE(csv.ok);
  CHECK(csv.first() == (dir / "s.csv").string() +
                           ":2:9: error: a reports to 'ghost', which is not a post or body");
}

TEST_CASE("robustness: two posts with one id across two files", "[robustness]") {
  Loaded l = load_two("post a \"First\"\n", "\n\npost a \"Second\"\n");
  REQUIRE_FALSE(l.ok);
  CHECK(l.first() == "two.remit:3:6: error: the id 'a' is used twice");
  CHECK_THAT(l.diagnostics(), Contains("one.remit:1:6: note: first used here"));
  TempDir dir;
  write_text(dir / "s.csv", header + "x,X,S,D,,,\na,Again,S,D,,,\n");
  Inputs inputs;
  inputs.texts.push_back({"one.remit", "post a \"First\"\n"});
  inputs.structures.push_back(dir / "s.csv");
  Loaded mixed = load(inputs);
  REQUIRE_FALSE(mixed.ok);
  CHECK_THAT(mixed.diagnostics(),
             Contains((dir / "s.csv").string() + ":3:1: error: the id 'a' is used twice"));
  CHECK_THAT(mixed.diagnostics(), Contains("one.remit:1:6: note: first used here"));
  write_text(dir / "t.csv", header + "a,Third,S,D,,,\n");
  Loaded two_csv = load(structure_files({dir / "s.csv", dir / "t.csv"}));
  REQUIRE_FALSE(two_csv.ok);
  CHECK(two_csv.first() == (dir / "t.csv").string() + ":2:1: error: the id 'a' is used twice");
  CHECK_THAT(two_csv.diagnostics(),
             Contains((dir / "s.csv").string() + ":3:1: note: first used here"));
  // A body and a post share the id space.
  Loaded body = load_text("b.remit", "body council \"Council\"\npost council \"Post\"\n");
  REQUIRE_FALSE(body.ok);
  CHECK(body.first() == "b.remit:2:6: error: the id 'council' is used twice");
}

TEST_CASE("robustness: a person holding a post that does not exist", "[robustness]") {
  Loaded l = load_text("people.remit", "post ceo \"CEO\"\nperson p \"Pat\" { holds ceo, cfo }\n");
  REQUIRE_FALSE(l.ok);
  CHECK(l.first() ==
        "people.remit:2:29: error: person p holds 'cfo', which is not a post or "
        "body (did you mean 'ceo'?)");
  TempDir dir;
  write_text(dir / "h.csv", "person,post_id\npat,ceo\npat,ghost\n");
  Inputs inputs;
  inputs.texts.push_back({"org.remit", "post ceo \"CEO\"\n"});
  inputs.holders.push_back(dir / "h.csv");
  Loaded csv = load(inputs);
  REQUIRE_FALSE(csv.ok);
  CHECK(csv.first() == (dir / "h.csv").string() +
                           ":3:5: error: person pat holds 'ghost', which is not a post or body");
  // The other way round: a post naming a holder who is not declared.
  Loaded who = load_text("who.remit", "post ceo \"CEO\" { holder nobody }\n");
  REQUIRE_FALSE(who.ok);
  CHECK_THAT(who.first(),
             StartsWith("who.remit:1:25: error: unknown person 'nobody'; declare it with"));
  // A body cannot be held.
  Loaded body =
      load_text("body.remit", "body council \"Council\"\nperson p \"P\" { holds council }\n");
  REQUIRE_FALSE(body.ok);
  CHECK(body.first() == "body.remit:2:22: error: 'council' is a body, not a post: nobody holds it");
}

TEST_CASE("robustness: every fault of one pass is reported in one run, in file order",
          "[robustness]") {
  Loaded l = load_text("many.remit",
                       "post a \"A\" { reports to a }\npost b \"B\" { reports to zz }\n"
                       "post a \"A2\"\nperson p \"P\" { holds qq }\n");
  REQUIRE_FALSE(l.ok);
  const std::string d = l.diagnostics();
  CHECK(l.run->diagnostics().error_count() == 4);
  CHECK(count(d, ": error: ") == 4);
  CHECK(d.find("many.remit:1:") < d.find("many.remit:2:"));
  CHECK(d.find("many.remit:2:") < d.find("many.remit:3:"));
  CHECK(d.find("many.remit:3:") < d.find("many.remit:4:"));
  CHECK_THAT(d, Contains("4 errors generated."));
}
