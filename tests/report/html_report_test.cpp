// The committee report (remit report) and the HTML pages of whatif and diff: one
// self-contained page, every listed post present under its category with its anchor, the
// reasons, the departures from the Act, the breaches; text escaped; nothing fetched.
#include "report/html_report.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "remit/remit.hpp"
#include "report/departures.hpp"
#include "report/html_text.hpp"
#include "report/org_chart.hpp"
#include "resolve/organisation.hpp"
#include "resolve/resolver.hpp"
#include "tests/explain/cli_golden.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using remit::test::policy_inputs;
using remit::test::text_inputs;

remit::ReportOptions options(const std::string& date, const std::string& chart = "") {
  remit::ReportOptions o;
  o.date = date;
  o.chart_svg = chart;
  return o;
}

using remit::test::read_file;
using remit::test::run_cli;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string report_of(remit::Run& run, const remit::Inputs& inputs) {
  return remit::html_report(run, remit::departures_from_act(run, inputs), options("2026-01-31"));
}

// Every `href`, `src` and `url(` of the page: what a browser would follow or fetch.
std::vector<std::string> references(const std::string& page) {
  std::vector<std::string> out;
  const std::regex ref(R"((?:href|src|action)\s*=\s*"([^"]*)\"|url\(([^)]*)\)|@import)");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), ref); it != std::sregex_iterator();
       ++it) {
    out.push_back((*it)[0]);
  }
  return out;
}

}  // namespace

TEST_CASE("html: the five characters that end markup are escaped", "[report][html]") {
  CHECK(remit::html_escape(R"(<b> & "q" 'a')") == "&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;");
  CHECK(remit::html_escape("Directeur général") == "Directeur général");
}

TEST_CASE("html: titles with markup characters are shown, never run as markup", "[report][html]") {
  remit::Run run;
  const remit::Inputs in = text_inputs(R"(use "uk/lgha1989"
authority "Smith & Sons <Borough> \"Council\""
body council "Full Council"
post ceo "Chief <script>alert(1)</script> Executive" { reports to council designated head_of_paid_service }
post d1 "Director of 'Place' & \"Growth\"" { reports to ceo service "A<B" }
)");
  REQUIRE(run.load(in));
  const std::string page = report_of(run, in);
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("Chief &lt;script&gt;alert(1)&lt;/script&gt; Executive") != std::string::npos);
  CHECK(page.find("Director of &#39;Place&#39; &amp; &quot;Growth&quot;") != std::string::npos);
  CHECK(page.find("<td>A&lt;B</td>") != std::string::npos);
  CHECK(page.find("Smith &amp; Sons &lt;Borough&gt; &quot;Council&quot;") != std::string::npos);
}

TEST_CASE("html: the report of council-000 lists every post under its category", "[report][html]") {
  remit::Run run;
  const remit::Inputs in = policy_inputs("policies/council-000/");
  REQUIRE(run.load(in));
  const std::string page = report_of(run, in);
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
  CHECK(page.find("<title>Politically restricted posts: Unnamed council") != std::string::npos);
  CHECK(page.find("31 January 2026") != std::string::npos);
  for (const char* landmark : {"<header", "<nav", "<main", "<footer"}) {
    CHECK(page.find(landmark) != std::string::npos);
  }
  CHECK(page.find("class=\"skip-link\" href=\"#main\"") != std::string::npos);
  const auto posts = run.restricted_posts();
  REQUIRE(posts.size() == 52);
  // The 52 listed posts, and the council (for the chart's links, under "Posts not on the list").
  CHECK(count(page, "<tr id=\"post-") == posts.size() + 1);
  CHECK(page.find("<tr id=\"post-council\">") > page.find("<h2 id=\"not-restricted\">"));
  const auto& org = run.resolved().organisation;
  for (const remit::ListedPost& p : posts) {
    const std::string id(org.units[p.unit].id());
    INFO(id);
    CHECK(count(page, "<tr id=\"post-" + remit::post_anchor(id) + "\">") == 1);
  }
  // A section per category with the heading published lists use, a caption and column headers.
  for (std::uint32_t n = 1; n <= 8; ++n) {
    CHECK(page.find("<h3 id=\"category-" + std::to_string(n) + "\">Category ") !=
          std::string::npos);
  }
  CHECK(page.find(">Category Four - Deputy Chief Officers</h3>") != std::string::npos);
  CHECK(page.find(">Category Eight - Officers holding &quot;Politically Sensitive "
                  "Posts&quot;</h3>") != std::string::npos);
  CHECK(count(page, "<caption") >= 8);
  CHECK(count(page, "<th scope=\"col\">Title</th>") >= 8);
  // Under each post its reason in words, and the technical explanation with file locations.
  CHECK(count(page, "<details class=\"why\">") >= posts.size());
  CHECK(page.find("<p>Director of Housing (dir_housing) is in category 4 (Deputy Chief Officers) "
                  "because it reports directly to the Executive Director") != std::string::npos);
  CHECK(page.find("stdlib/england/lgha1989.remit:75:1") != std::string::npos);
  // Without a chart the titles are not links to it.
  CHECK(page.find("href=\"#box-") == std::string::npos);
}

TEST_CASE("html: the report names where council-000 departs from the Act", "[report][html]") {
  remit::Run run;
  const remit::Inputs in = policy_inputs("policies/council-000/");
  REQUIRE(run.load(in));
  const remit::PolicyDepartures d = remit::departures_from_act(run, in);
  REQUIRE(d.compared);
  REQUIRE(d.posts.size() == 1);
  CHECK(d.posts[0].change.id == "dph");
  CHECK(d.posts[0].change.before == 2);
  CHECK(d.posts[0].change.after == 4);
  CHECK(d.files == std::vector<std::string>{"policies/council-000/council.remit"});
  const std::string page = remit::html_report(run, d, options("2026-01-31"));
  CHECK(page.find("<td>category 2 (Statutory Chief Officers)</td>\n<td>category 4 (Deputy Chief "
                  "Officers)</td>") != std::string::npos);
  CHECK(page.find("less the Director of Public Health") != std::string::npos);
}

TEST_CASE("html: a policy that keeps the Act's categories departs from nothing", "[report][html]") {
  remit::Run run;
  const remit::Inputs in = policy_inputs("policies/cambridgeshire/");
  REQUIRE(run.load(in));
  const remit::PolicyDepartures d = remit::departures_from_act(run, in);
  CHECK(d.compared);
  CHECK(d.files.empty());
  CHECK(d.posts.empty());
  CHECK(
      remit::html_report(run, d, options("")).find("The policy applies the Act&#39;s categories") !=
      std::string::npos);
}

TEST_CASE("html: the posts not on the list are shown with why not", "[report][html]") {
  remit::Run run;
  const remit::Inputs in = text_inputs(R"(use "uk/lgha1989"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post d1 "Director of Place" { reports to ceo }
post h1 "Head of Planning" { reports to d1 }
post o1 "Planning Officer" { reports to h1 }
)");
  REQUIRE(run.load(in));
  const std::string page = report_of(run, in);
  const auto section = page.find("<h2 id=\"not-restricted\">Posts not on the list</h2>");
  REQUIRE(section != std::string::npos);
  CHECK(page.find("<p>1 post of the structure is not politically restricted; remit explain",
                  section) != std::string::npos);
  CHECK(page.find("<details class=\"technical\">", section) == std::string::npos);
  CHECK(page.find("<tr id=\"post-o1\">", section) != std::string::npos);
  CHECK(page.find("<summary>Why it is not restricted", section) != std::string::npos);
  CHECK(page.find("Planning Officer (o1) is not politically restricted", section) !=
        std::string::npos);
  CHECK(page.find("a body, not a post", section) != std::string::npos);
}

TEST_CASE("html: breaches are listed with the rule, the person, the posts and the law",
          "[report][html]") {
  remit::Run run;
  const remit::Inputs in = text_inputs(R"(use "uk/lgha1989"
use "uk/statutory_officers"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dfin "Director of Finance" { reports to ceo designated section_151_officer }
post legal "Head of Legal" { reports to dfin designated monitoring_officer }
person p1 "A. Person" { holds dfin, acting legal }
)");
  REQUIRE(run.load(in));
  const std::string page = report_of(run, in);
  CHECK(page.find("<h2 id=\"breaches\">Breaches of the rules</h2>") != std::string::npos);
  CHECK(page.find("<span class=\"badge breach\">Breach 1</span> incompatible monitoring_officer "
                  "with section_151_officer") != std::string::npos);
  CHECK(page.find("A. Person") != std::string::npos);
  CHECK(page.find("<td>LGHA 1989 s.5(1)</td>") != std::string::npos);
}

TEST_CASE("html: the report refers to nothing outside itself", "[report][html]") {
  remit::Run run;
  const remit::Inputs in = policy_inputs("policies/council-000/");
  REQUIRE(run.load(in));
  const std::string page = report_of(run, in);
  CHECK(page.find("http://") == std::string::npos);
  CHECK(page.find("https://") == std::string::npos);
  for (const std::string& ref : references(page)) {
    INFO(ref);
    CHECK(ref.starts_with("href=\"#"));
  }
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("<script src") == std::string::npos);
  CHECK(page.find("<style>") != std::string::npos);
  CHECK(page.find("@media print") != std::string::npos);
}

TEST_CASE("html: a chart given is placed inline, zoomable, and the list links to its boxes",
          "[report][html]") {
  remit::Run run;
  const remit::Inputs in = policy_inputs("policies/council-000/");
  REQUIRE(run.load(in));
  const std::string page = remit::html_report(
      run, remit::departures_from_act(run, in),
      options("2026-01-31", "<svg viewBox=\"0 0 10 10\" id=\"the-chart\"></svg>"));
  CHECK(page.find("<svg viewBox=\"0 0 10 10\" id=\"the-chart\"></svg>") != std::string::npos);
  CHECK(page.find("<a href=\"#box-dir__housing\">Director of Housing") != std::string::npos);
  CHECK(page.find("id=\"zoom-in\"") != std::string::npos);
  CHECK(page.find("<h2 id=\"chart\">") != std::string::npos);
}

TEST_CASE("html: dates are shown in words, and only real dates", "[report][html]") {
  CHECK(remit::long_date("2026-01-31") == "31 January 2026");
  CHECK(remit::long_date("2024-02-29") == "29 February 2024");
  CHECK(remit::long_date("2026-02-29").empty());
  CHECK(remit::long_date("2026-1-31").empty());
  CHECK(remit::long_date("31/01/2026").empty());
}

TEST_CASE("cli: remit report writes the page, dated, to -o", "[report][html][cli]") {
  remit::test::TempDir dir;
  const auto file = dir / "report.html";
  auto r =
      run_cli({"report", "policies/council-000/", "--date", "2026-01-31", "-o", file.string()});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const std::string page = read_file(file);
  CHECK(page.find("31 January 2026") != std::string::npos);
  CHECK(count(page, "<tr id=\"post-") == 53);
}

TEST_CASE("cli: remit report refuses a date that is not one", "[report][html][cli]") {
  remit::test::TempDir dir;
  auto r = run_cli(
      {"report", "policies/council-000/", "--date", "2026-02-30", "-o", (dir / "r.html").string()});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "remit: error: --date 2026-02-30: not a date; give it as YYYY-MM-DD, such as 2026-01-31\n");
  CHECK(!std::filesystem::exists(dir / "r.html"));
}

TEST_CASE("cli: remit diff --format html shows category changes old to new",
          "[report][html][cli][diff]") {
  remit::test::TempDir dir;
  const auto file = dir / "diff.html";
  auto r = run_cli({"diff", "policies/council-000/structure.remit", "policies/council-000/",
                    "--format", "html", "-o", file.string()});
  CHECK(r.status == 0);
  const std::string page = read_file(file);
  CHECK(page.starts_with("<!DOCTYPE html>"));
  CHECK(page.find("<h2 id=\"changed\">Posts that change category (1)</h2>") != std::string::npos);
  CHECK(page.find("<tr id=\"post-dph\"><th scope=\"row\">Director of Public Health") !=
        std::string::npos);
  CHECK(page.find("<td>category 2</td><td><span aria-hidden=\"true\">&rarr; </span>category "
                  "4</td>") != std::string::npos);
  CHECK(page.find("https://") == std::string::npos);
}

TEST_CASE("cli: remit whatif --format html shows what a scenario changes, the .html name too",
          "[report][html][cli][whatif]") {
  remit::test::TempDir dir;
  const auto file = dir / "whatif.html";
  auto r = run_cli({"whatif", "policies/council-000/", "--move", "dph=ceo", "-o", file.string()});
  CHECK(r.status == 0);
  const std::string page = read_file(file);
  CHECK(page.starts_with("<!DOCTYPE html>"));
  CHECK(page.find("<h1>What if (edits from the command line)</h1>") != std::string::npos);
  CHECK(page.find("Lines of management that change (1)") != std::string::npos);
}

TEST_CASE(
    "html: categories and posts in one file are not compared with the Act as if the "
    "posts were gone",
    "[report][html]") {
  remit::test::TempDir dir;
  const auto file = dir.write("council.remit", R"(use "uk/lgha1989"
override category 4 "Deputy Chief Officers" {
  when reports directly to category 2
  cite "the council's own reading"
}
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post d1 "Director of Place" { reports to ceo }
post h1 "Head of Planning" { reports to d1 }
)");
  remit::Run run;
  const remit::Inputs in = policy_inputs(file);
  REQUIRE(run.load(in));
  const remit::PolicyDepartures d = remit::departures_from_act(run, in);
  CHECK(!d.compared);
  CHECK(d.note.find("declares posts as well as the council's categories") != std::string::npos);
  CHECK(remit::html_report(run, d, options("")).find("declares posts as well") !=
        std::string::npos);
}

TEST_CASE("html: a council's categories in a file of their own are compared with the Act",
          "[report][html]") {
  remit::test::TempDir dir;
  dir.write("categories.remit", R"(use "uk/lgha1989"
override category 4 "Deputy Chief Officers" {
  when reports directly to category 2
  cite "the council's own reading"
}
)");
  dir.write("structure.remit", R"(body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post d1 "Director of Place" { reports to ceo }
post h1 "Head of Planning" { reports to d1 }
)");
  remit::Run run;
  const remit::Inputs in = policy_inputs(dir.path());
  REQUIRE(run.load(in));
  const remit::PolicyDepartures d = remit::departures_from_act(run, in);
  REQUIRE(d.compared);
  REQUIRE(d.posts.size() == 1);
  CHECK(d.posts[0].change.id == "h1");
  CHECK(d.posts[0].change.before == 4);
  CHECK(d.posts[0].change.after == 0);
  CHECK(d.cites == std::vector<std::string>{"the council's own reading"});
  CHECK(!d.posts[0].under_act.empty());
  CHECK(d.posts[0].under_policy.front().find("is not politically restricted") != std::string::npos);
}

TEST_CASE("cli: remit whatif --format html heads the page with the scenario's name",
          "[report][html][cli][whatif]") {
  remit::test::TempDir dir;
  const auto file = dir / "page.html";
  auto r = run_cli({"whatif", "policies/council-000/", "--scenario",
                    "Director of Public Health under the Chief Executive", "--format", "html", "-o",
                    file.string()});
  CHECK(r.status == 0);
  const std::string page = read_file(file);
  CHECK(page.find("<h1>What if: &quot;Director of Public Health under the Chief "
                  "Executive&quot;</h1>") != std::string::npos);
  CHECK(page.find("<td>category 4</td><td><span aria-hidden=\"true\">&rarr; </span>category "
                  "3</td>") != std::string::npos);
}

// Every in-page link ("#x") of `page` that leads to no element with that id.
static std::vector<std::string> dangling_links(const std::string& page) {
  std::set<std::string> ids;
  const std::regex id_attr(R"re(\bid="([^"]+)")re");
  for (std::sregex_iterator i(page.begin(), page.end(), id_attr), end; i != end; ++i) {
    // Graphviz writes '-' in an id as "&#45;", which a browser reads as '-'.
    ids.insert(std::regex_replace((*i)[1].str(), std::regex("&#45;"), "-"));
  }
  std::vector<std::string> dangling;
  const std::regex link(R"re(href="#([^"]*)")re");
  for (std::sregex_iterator i(page.begin(), page.end(), link), end; i != end; ++i) {
    if (!ids.contains((*i)[1].str())) dangling.push_back((*i)[1].str());
  }
  return dangling;
}

TEST_CASE("cli: no link of a report or a what-if page leads nowhere", "[report][html][cli]") {
  remit::test::TempDir dir;
  const auto report = dir / "report.html";
  const auto whatif = dir / "whatif.html";
  REQUIRE(
      run_cli({"report", "policies/council-000/", "--date", "2026-01-31", "-o", report.string()})
          .status == 0);
  REQUIRE(run_cli({"whatif", "policies/council-000/", "--move", "dph=ceo", "-o", whatif.string()})
              .status == 0);
  for (const auto& file : {report, whatif}) {
    const std::string page = read_file(file);
    INFO(file.filename().string());
    CHECK(page.find("href=\"#") != std::string::npos);
    CHECK(dangling_links(page).empty());
  }
  // The what-if page's chart links the post whose category changed, and only it.
  const std::string page = read_file(whatif);
  CHECK(page.find("href=\"#post-dph\"") != std::string::npos);
  CHECK(page.find("href=\"#post-ceo\"") == std::string::npos);
}
