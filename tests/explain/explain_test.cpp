// Explain every result: `remit explain` says why a post is (or is not) in its category, down to
// the facts, with the place in the policy each step rests on. The outputs of the seed policies
// are compared with golden files (tests/golden/explain_*.txt); every category of the stdlib is
// explained from a small in-memory policy.
#include "explain/explain.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "remit/remit.hpp"
#include "resolve/organisation.hpp"
#include "tests/explain/cli_golden.hpp"

namespace {

using Json = nlohmann::ordered_json;
using remit::test::check_golden;
using remit::test::run_cli;

// One post per category of the Act, each meeting that category only, and one post that meets
// none. The ids say the category: p1 … p8, and p0 for the unrestricted post.
const std::string every_category = R"(use "uk/lgha1989"
body council "Full Council"
post p1 "Chief Executive" { reports to council designated head_of_paid_service }
post p2 "Director of Finance" { reports to p1 designated section_151_officer }
post p3 "Director of Place" { reports to p1 }
post p4 "Head of Planning" { reports to p3 }
post p5 "Monitoring Officer" { reports to p4 designated monitoring_officer }
post p6 "Political Assistant" { reports to p5 designated political_assistant }
post p7 "Planning Officer" { reports to p4 duties delegated_powers }
post p8 "Press Officer" { reports to p4 duties speaks_to_media }
post p0 "Planning Assistant" { reports to p7 }
)";

struct Explained {
  std::unique_ptr<remit::Run> run = std::make_unique<remit::Run>();
  bool ok = false;

  remit::UnitIndex post(const std::string& id) const {
    auto u = run->resolved().organisation.find_unit(id);
    REQUIRE(u);
    return *u;
  }
  // The text of `remit explain … ID` (why_not 0) or `… ID --why-not N`.
  std::string text(const std::string& id, std::uint32_t why_not = 0) const {
    remit::Reason r;
    if (why_not == 0) {
      r = remit::explain_listing(*run, post(id));
    } else {
      std::uint32_t decl = UINT32_MAX;
      for (std::uint32_t c : run->resolved().plan.active) {
        if (run->program().categories[c].number == why_not) decl = c;
      }
      REQUIRE(decl != UINT32_MAX);
      r = remit::explain_category(*run, post(id), decl);
    }
    return remit::render_text(r, run->sources());
  }
};

Explained load(const std::string& policy) {
  Explained e;
  remit::Inputs in;
  in.texts.push_back({"test.remit", policy});
  e.ok = e.run->load(in);
  return e;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The text of a line of `remit explain`, without its indentation and location column.
std::string step_text(const std::string& line) {
  const std::size_t start = line.find_first_not_of(' ');
  const std::size_t gap = line.rfind("   ");
  std::string text =
      line.substr(start, gap == std::string::npos || gap < start ? std::string::npos : gap - start);
  text.erase(text.find_last_not_of(' ') + 1);
  return text;
}

}  // namespace

TEST_CASE("golden: remit explain policies/council-000/ dir_housing", "[explain][golden]") {
  auto r = run_cli({"explain", "policies/council-000/", "dir_housing"});
  CHECK(r.status == 0);
  check_golden("explain_council000_dir_housing.txt", r.transcript());
}

TEST_CASE("golden: remit explain policies/council-000/ dph --why-not 2", "[explain][golden]") {
  // The council's override of category 2, not the Act, keeps its Director of Public Health
  // out of category 2: the explanation points at council.remit.
  auto r = run_cli({"explain", "policies/council-000/", "dph", "--why-not", "2"});
  CHECK(r.status == 0);
  CHECK(r.out.find("does not meet category 2") != std::string::npos);
  CHECK(r.out.find("policies/council-000/council.remit:") != std::string::npos);
  check_golden("explain_council000_dph_why_not_2.txt", r.transcript());
}

TEST_CASE("golden: explain a category 7 post", "[explain][golden]") {
  auto r = run_cli({"explain", "policies/council-000/", "ad_homelessness"});
  CHECK(r.status == 0);
  CHECK(
      r.out.starts_with("ad_homelessness \"Assistant Director Homelessness, Independence and "
                        "Preventative\n  Services\" is in category 7 (Officers to whom powers are "
                        "delegated)\n"));
  check_golden("explain_council000_ad_homelessness.txt", r.transcript());
}

TEST_CASE("golden: explain an unrestricted post", "[explain][golden]") {
  // A head of service under the Monitoring Officer, who is not a chief officer: every
  // category is explained in the order of the precedence.
  auto r = run_cli({"explain", "policies/cambridgeshire/", "head_legal"});
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("head_legal \"Head of Legal Services\" is not politically restricted"));
  check_golden("explain_cambridgeshire_head_legal.txt", r.transcript());
}

TEST_CASE("golden: explain the Monitoring Officer, which meets categories 4 and 5",
          "[explain][golden]") {
  auto r = run_cli({"explain", "policies/cambridgeshire/", "sd_legal"});
  CHECK(r.status == 0);
  CHECK(r.out.find("it also meets category 4, but a post is listed once") != std::string::npos);
  check_golden("explain_cambridgeshire_sd_legal.txt", r.transcript());
}

TEST_CASE("explain --format json: the same tree, nested under \"because\"", "[explain][json]") {
  auto text = run_cli({"explain", "policies/council-000/", "dir_housing", "--width", "0"});
  auto json = run_cli({"explain", "policies/council-000/", "dir_housing", "--format", "json"});
  REQUIRE(json.status == 0);
  CHECK(json.err.empty());
  const Json doc = Json::parse(json.out);

  // Every node: text, location {file, line, column}, because[].
  std::vector<std::pair<std::size_t, std::string>> flat;  // (depth, text), depth first
  std::size_t deepest = 0;
  std::function<void(const Json&, std::size_t)> walk = [&](const Json& node, std::size_t depth) {
    REQUIRE(node.is_object());
    REQUIRE(node.contains("text"));
    REQUIRE(node.contains("because"));
    CHECK(node["text"].is_string());
    CHECK(node["because"].is_array());
    if (node.contains("location")) {
      CHECK(node["location"]["file"].is_string());
      CHECK(node["location"]["line"].get<int>() >= 1);
      CHECK(node["location"]["column"].get<int>() >= 1);
    }
    deepest = std::max(deepest, depth);
    flat.emplace_back(depth, node["text"].get<std::string>());
    for (const Json& child : node["because"]) walk(child, depth + 1);
  };
  walk(doc, 0);

  CHECK(doc["text"] ==
        "dir_housing \"Director of Housing\" is in category 4 (Deputy Chief Officers)");
  CHECK(doc["location"] ==
        Json::parse(R"({"file": "stdlib/england/lgha1989.remit", "line": 75, "column": 1})"));
  const Json& line = doc["because"][0];
  CHECK(line["text"] ==
        "because it reports directly to ed_rhes \"Executive Director of "
        "Regeneration, Housing and Environmental Services\"");
  CHECK(line["location"]["file"] == "policies/council-000/structure.remit");
  CHECK(line["because"][0]["text"] == "which meets category 3 (Non-Statutory Chief Officers)");
  CHECK(line["because"][0]["because"][0]["because"][0]["text"] ==
        "which meets category 1 (The Head of Paid Service)");
  CHECK(deepest == 5);

  // The JSON tree and the text are the same steps, in the same order, at the same depth.
  const std::vector<std::string> rows = lines(text.out);
  REQUIRE(rows.size() == flat.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(rows[i]);
    CHECK(rows[i].find_first_not_of(' ') == 2 * flat[i].first);
    CHECK(step_text(rows[i]) == flat[i].second);
  }
}

TEST_CASE("golden: explain --format json of a why-not", "[explain][json][golden]") {
  auto r =
      run_cli({"explain", "policies/council-000/", "dph", "--why-not", "2", "--format", "json"});
  CHECK(r.status == 0);
  CHECK_NOTHROW(Json::parse(r.out));
  check_golden("explain_council000_dph_why_not_2_json.txt", r.transcript());
}

TEST_CASE("every category of the stdlib: the post in it, and why not the others",
          "[explain][stdlib]") {
  Explained e = load(every_category);
  REQUIRE(e.ok);
  const std::vector<std::string> because = {
      "",
      "because it is designated head_of_paid_service",
      "because it is designated section_151_officer",
      "because it reports directly to p1 \"Chief Executive\"",
      "because it reports directly to p3 \"Director of Place\"",
      "because it is designated monitoring_officer",
      "because it is designated political_assistant",
      "because it has duty delegated_powers",
      "because it has duty speaks_to_media",
  };
  for (std::uint32_t n = 1; n <= 8; ++n) {
    const std::string id = "p" + std::to_string(n);
    CAPTURE(id);
    const std::vector<std::string> rows = lines(e.text(id));
    REQUIRE(rows.size() >= 2);
    CHECK(step_text(rows[0]).starts_with(id + " \""));
    CHECK(rows[0].find("\" is in category " + std::to_string(n) + " (") != std::string::npos);
    CHECK(rows[0].find("   stdlib/england/lgha1989.remit:") != std::string::npos);
    CHECK(step_text(rows[1]) == because[n]);
    // Only one category applies, so there is no "it also meets" line.
    CHECK(e.text(id).find("it also meets") == std::string::npos);
    // --why-not for its own category gives the same root.
    CHECK(lines(e.text(id, n))[0] == rows[0]);
    // --why-not for every other category: "does not meet".
    for (std::uint32_t m = 1; m <= 8; ++m) {
      if (m == n) continue;
      CAPTURE(m);
      const std::string why_not = lines(e.text(id, m))[0];
      CHECK(why_not.find("\" does not meet category " + std::to_string(m) + " (") !=
            std::string::npos);
    }
  }
  // The unrestricted post: every category, each "does not meet", in the order of precedence.
  const std::vector<std::string> rows = lines(e.text("p0"));
  CHECK(step_text(rows[0]) == "p0 \"Planning Assistant\" is not politically restricted");
  std::vector<std::string> order;
  for (const std::string& row : rows) {
    if (row.starts_with("  p0 \"Planning Assistant\" does not meet category ")) {
      order.push_back(row.substr(row.find("category ") + 9, 1));
    }
  }
  CHECK(order == std::vector<std::string>{"1", "2", "5", "6", "3", "4", "7", "8"});
}

TEST_CASE("why-not names the failing clause", "[explain][stdlib]") {
  Explained e = load(every_category);
  REQUIRE(e.ok);
  SECTION("category 4 for the Monitoring Officer, under a deputy chief officer") {
    CHECK(e.text("p5", 4).find("  because it does not report directly, for all or most of its "
                               "duties, to such a post") != std::string::npos);
    CHECK(e.text("p5", 4).find("    its line: it reports directly to p4 \"Head of Planning\"") !=
          std::string::npos);
    CHECK(e.text("p5", 4).find("      which does not meet category 2 or 3") != std::string::npos);
  }
  SECTION("category 3 for the Head of Paid Service: it is category 1") {
    CHECK(e.text("p1", 3).find("it meets category 1 (The Head of Paid Service)") !=
          std::string::npos);
  }
  SECTION("category 8 for a post with delegated powers") {
    CHECK(lines(e.text("p7", 8))[1].find("because it does not have duty advises_authority or "
                                         "speaks_to_media") != std::string::npos);
  }
}

TEST_CASE("a post listed in one category that also meets another says so", "[explain][stdlib]") {
  Explained e = load(R"(use "uk/lgha1989"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dir "Director of Place" { reports to ceo }
post head "Head of Planning" { reports to dir duties delegated_powers }
)");
  REQUIRE(e.ok);
  const std::string text = e.text("head");
  CHECK(text.starts_with("head \"Head of Planning\" is in category 4 (Deputy Chief Officers)"));
  CHECK(text.find("  it also meets category 7, but a post is listed once, in the first category "
                  "of the precedence that it meets") != std::string::npos);
  // --why-not 7: it meets 7, but is listed in 4.
  CHECK(lines(e.text("head", 7))[0].starts_with(
      "head \"Head of Planning\" meets category 7 (Officers to whom powers are delegated), but is "
      "listed in category 4"));
}

TEST_CASE("explain names the post a post manages", "[explain]") {
  // `manages` is the one step that reads who reports to a post, through the graph of the
  // reporting lines, which an explanation builds only when it comes to such a step.
  Explained e = load(R"(use "uk/roles"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dfin "Director of Finance" { reports to ceo }
post clerk "Clerk" { reports to dfin duties clerical }
category 1 "Managers of a director" { when manages category 2 }
category 2 "Reporting to the top" { when reports directly to designated head_of_paid_service }
precedence 1, 2
)");
  REQUIRE(e.ok);
  CHECK(e.text("ceo") ==
        "ceo \"Chief Executive\" is in category 1 (Managers of a director)   test.remit:6:1\n"
        "  because it manages dfin \"Director of Finance\"                   test.remit:4:46\n"
        "    which meets category 2 (Reporting to the top)                 test.remit:7:1\n"
        "      because it reports directly to ceo \"Chief Executive\"        test.remit:4:46\n"
        "        which is designated head_of_paid_service                  test.remit:3:60\n");
  CHECK_THAT(e.text("dfin", 1),
             Catch::Matchers::Contains("none of its direct reports is such a post"));
}

TEST_CASE("explain: bad input exits with 2", "[explain][cli]") {
  SECTION("an unknown post, with a suggestion") {
    auto r = run_cli({"explain", "policies/council-000/", "dir_housin"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "remit: error: no post with id 'dir_housin' (did you mean 'dir_housing'?)\n");
  }
  SECTION("a category that does not exist") {
    auto r = run_cli({"explain", "policies/council-000/", "dph", "--why-not", "9"});
    CHECK(r.status == 2);
    CHECK(r.err ==
          "remit: error: --why-not 9: the policy defines no category 9 (it defines categories 1, "
          "2, 3, 4, 5, 6, 7, 8)\n");
  }
  SECTION("a body is not a post") {
    auto r = run_cli({"explain", "policies/council-000/", "council"});
    CHECK(r.status == 2);
    CHECK(r.err.starts_with("remit: error: 'council' is a body, not a post"));
  }
  SECTION("no post id") {
    auto r = run_cli({"explain"});
    CHECK(r.status == 2);
  }
}

TEST_CASE("the golden helper: a unified diff of the lines that differ", "[explain][golden]") {
  using remit::test::unified_diff;
  CHECK(unified_diff("a\nb\n", "a\nb\n", "x.txt") == "--- x.txt (expected)\n+++ actual output\n");
  CHECK(unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nfive\n6\n7\n8\n", "x.txt") ==
        "--- x.txt (expected)\n+++ actual output\n"
        "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  // A missing final newline is a difference, and is shown.
  CHECK(unified_diff("a\n", "a", "x.txt") ==
        "--- x.txt (expected)\n+++ actual output\n@@ -1,1 +1,1 @@\n-a\n+a\\ (no newline at end)\n");
  // The shell words of a transcript: plain words bare, others quoted.
  CHECK(remit::test::shell_word("policies/council-000/") == "policies/council-000/");
  CHECK(remit::test::shell_word("Delete the \"post\"") == "\"Delete the \\\"post\\\"\"");
}
