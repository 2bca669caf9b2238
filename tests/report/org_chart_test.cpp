// `remit graph` and the charts of whatif/diff (report/org_chart.hpp, report/chart_layout.hpp):
// the DOT of a small policy (golden), the SVG well-formed and naming every post, the layout of
// a manager with 30 reports, --root and --depth, the limit on boxes, and the marks of a change.
#include "report/org_chart.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "remit/remit.hpp"
#include "tests/explain/cli_golden.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using Catch::Matchers::Contains;
using remit::test::check_golden;
using remit::test::load_text;
using remit::test::run_cli;
using remit::test::TempDir;

namespace {

// A small district: line management, a shared post, accountable and dotted lines, a post in
// no category, and one person holding the Monitoring Officer and chief finance officer posts
// (a breach of uk/statutory_officers).
const std::string district = R"remit(use "uk/lgha1989"
use "uk/statutory_officers"
authority "Example District Council"
body council "Full Council"
post ceo "Chief Executive" {
  reports to council
  designated head_of_paid_service
}
post dir_fin "Director of Finance" {
  service "Finance"
  reports to ceo
  designated section_151_officer
}
post mo "Head of Legal" {
  service "Legal"
  reports to dir_fin
  dotted to ceo
  designated monitoring_officer
}
post dir_place "Director of Place & Housing" {
  service "Place"
  reports to ceo
}
post head_planning "Head of Planning" {
  service "Planning"
  reports to dir_place 60%, dir_fin 40%
  duties delegated_powers
}
post auditor "Internal Auditor" {
  accountable to council
}
post planning_officer "Planning Officer" {
  reports to head_planning
}
person p_b "Bo" { holds mo, dir_fin }
)remit";

// A manager of `n` posts that have no reports of their own.
std::string manager_of(std::size_t n) {
  std::string text =
      "use \"uk/lgha1989\"\npost boss \"Director\" { designated head_of_paid_service }\n";
  for (std::size_t k = 1; k <= n; ++k) {
    text += "post r" + std::to_string(k) + " \"Report " + std::to_string(k) +
            "\" { reports to boss }\n";
  }
  return text;
}

// ---- a small XML reader, enough to check Graphviz's SVG -----------------------------------

struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::vector<std::size_t> children;
  std::string text;  // the text directly inside it
  std::size_t parent = SIZE_MAX;
};

std::string decoded(std::string_view s) {
  std::string out;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (s[k] != '&') {
      out += s[k];
      continue;
    }
    const std::size_t end = s.find(';', k);
    REQUIRE(end != std::string_view::npos);
    const std::string_view entity = s.substr(k + 1, end - k - 1);
    if (entity == "amp") {
      out += '&';
    } else if (entity == "lt") {
      out += '<';
    } else if (entity == "gt") {
      out += '>';
    } else if (entity == "quot") {
      out += '"';
    } else if (entity == "apos") {
      out += '\'';
    } else {
      REQUIRE(entity.size() > 1);
      REQUIRE(entity[0] == '#');
      const long code = entity[1] == 'x'
                            ? std::strtol(std::string(entity.substr(2)).c_str(), nullptr, 16)
                            : std::strtol(std::string(entity.substr(1)).c_str(), nullptr, 10);
      REQUIRE(code > 0);
      REQUIRE(code < 0x80);  // enough for what Graphviz escapes ('-', quotes)
      out += static_cast<char>(code);
    }
    k = end;
  }
  return out;
}

// Parses `svg`, failing the test unless every tag is closed in order and attributes are quoted.
// Element 0 is the document.
std::vector<Element> parse_xml(const std::string& svg) {
  std::vector<Element> doc(1);
  std::size_t open = 0;
  std::size_t k = 0;
  while (k < svg.size()) {
    if (svg[k] != '<') {
      const std::size_t end = svg.find('<', k);
      doc[open].text += decoded(svg.substr(k, end - k));
      k = end == std::string::npos ? svg.size() : end;
      continue;
    }
    if (svg.compare(k, 4, "<!--") == 0) {
      const std::size_t end = svg.find("-->", k);
      REQUIRE(end != std::string::npos);
      k = end + 3;
      continue;
    }
    REQUIRE(svg.compare(k, 2, "<!") != 0);  // no DOCTYPE: it names an external DTD
    REQUIRE(svg.compare(k, 2, "<?") != 0);  // no prolog: the SVG is inlined in HTML
    const std::size_t end = svg.find('>', k);
    REQUIRE(end != std::string::npos);
    std::string tag = svg.substr(k + 1, end - k - 1);
    k = end + 1;
    if (tag[0] == '/') {
      INFO("closing </" << tag.substr(1) << "> while <" << doc[open].name << "> is open");
      REQUIRE(open != 0);
      REQUIRE(doc[open].name == tag.substr(1));
      open = doc[open].parent;
      continue;
    }
    const bool empty = tag.back() == '/';
    if (empty) tag.pop_back();
    Element e;
    std::size_t at = tag.find_first_of(" \n\t");
    e.name = tag.substr(0, at);
    while (at != std::string::npos && at < tag.size()) {
      at = tag.find_first_not_of(" \n\t", at);
      if (at == std::string::npos) break;
      const std::size_t eq = tag.find('=', at);
      REQUIRE(eq != std::string::npos);
      REQUIRE(eq + 1 < tag.size());
      const char quote = tag[eq + 1];
      REQUIRE((quote == '"' || quote == '\''));
      const std::size_t close = tag.find(quote, eq + 2);
      REQUIRE(close != std::string::npos);
      e.attributes[tag.substr(at, eq - at)] = decoded(tag.substr(eq + 2, close - eq - 2));
      at = close + 1;
    }
    e.parent = open;
    doc.push_back(std::move(e));
    doc[open].children.push_back(doc.size() - 1);
    if (!empty) open = doc.size() - 1;
  }
  INFO("<" << doc[open].name << "> is never closed");
  REQUIRE(open == 0);
  return doc;
}

// All the text inside element `e`.
std::string all_text(const std::vector<Element>& doc, std::size_t e) {
  std::string out = doc[e].text;
  for (std::size_t c : doc[e].children) out += " " + all_text(doc, c);
  return out;
}

std::optional<std::size_t> find_descendant(const std::vector<Element>& doc, std::size_t e,
                                           std::string_view name) {
  for (std::size_t c : doc[e].children) {
    if (doc[c].name == name) return c;
    if (auto d = find_descendant(doc, c, name)) return d;
  }
  return std::nullopt;
}

// The box groups of a chart: id "box-…" -> element.
std::map<std::string, std::size_t> boxes_of(const std::vector<Element>& doc) {
  std::map<std::string, std::size_t> out;
  for (std::size_t e = 0; e < doc.size(); ++e) {
    auto id = doc[e].attributes.find("id");
    if (doc[e].name == "g" && id != doc[e].attributes.end() && id->second.starts_with("box-")) {
      out[id->second] = e;
    }
  }
  return out;
}

// The top of a box: the smallest y of its outline's points ("x,y x,y …").
double top_of(const std::vector<Element>& doc, std::size_t box) {
  auto polygon = find_descendant(doc, box, "polygon");
  if (!polygon) polygon = find_descendant(doc, box, "path");
  REQUIRE(polygon);
  const std::string points = doc[*polygon].attributes.count("points")
                                 ? doc[*polygon].attributes.at("points")
                                 : doc[*polygon].attributes.at("d");
  double top = 1e18;
  std::size_t k = 0;
  while ((k = points.find(',', k)) != std::string::npos) {
    top = std::min(top, std::strtod(points.c_str() + k + 1, nullptr));
    ++k;
  }
  return top;
}

// WCAG 2.1 relative luminance and contrast ratio of two "#RRGGBB" colours.
double luminance(std::string_view hex) {
  auto channel = [&](std::size_t at) {
    const double c = std::stoi(std::string(hex.substr(at, 2)), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
double contrast(std::string_view a, std::string_view b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<std::string> ids_of(const remit::Chart& chart) {
  std::vector<std::string> ids;
  for (const remit::ChartBox& b : chart.boxes) ids.push_back(b.id);
  return ids;
}

}  // namespace

TEST_CASE("post_anchor gives a safe anchor, different for every id", "[report][chart]") {
  using remit::post_anchor;
  CHECK(post_anchor("dir_fin") == "dir__fin");
  CHECK(post_anchor("P-0042") == "P-0042");
  CHECK(post_anchor("a b") == "a_20b");
  CHECK(post_anchor("caf\u00e9") == "caf_C3_A9");
  const std::vector<std::string> ids = {"a_b", "a__b", "a_5Fb",  "a b",   "a\"b", "a'b",
                                        "a<b", "A_B",  "\u00e9", "_",     "__",   "",
                                        "a/b", "a.b",  "a-b",    "a_2Db", "x\ny", "x\ty"};
  std::set<std::string> anchors;
  for (const std::string& id : ids) {
    const std::string a = post_anchor(id);
    INFO(id << " -> " << a);
    CHECK(std::all_of(a.begin(), a.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_' || c == '-';
    }));
    anchors.insert(a);
  }
  CHECK(anchors.size() == ids.size());
}

TEST_CASE("box text on every category colour meets WCAG AA contrast", "[report][chart]") {
  for (std::uint32_t n = 1; n <= 12; ++n) {
    INFO("category " << n << ": " << remit::category_fill(n));
    CHECK(contrast(remit::category_fill(n), remit::chart_text_colour) >= 4.5);
  }
  // The palette has a colour of its own for each of the Act's eight categories.
  std::set<std::string_view> fills;
  for (std::uint32_t n = 1; n <= 8; ++n) fills.insert(remit::category_fill(n));
  CHECK(fills.size() == 8);
}

TEST_CASE("graph --format dot of a small district matches the golden file", "[report][chart]") {
  TempDir dir;
  dir.write("district.remit", district);
  auto r = run_cli({"graph", "district.remit", "--format", "dot"}, dir.path());
  CHECK(r.status == 0);
  check_golden("graph_district_dot.txt", r.transcript());
}

TEST_CASE("the chart marks categories, designations, lines and breaches", "[report][chart]") {
  auto p = load_text(district);
  REQUIRE(p.ok);
  const remit::Chart chart = remit::build_chart(*p.run, {});
  auto box = [&](std::string_view id) -> const remit::ChartBox& {
    auto it = std::find_if(chart.boxes.begin(), chart.boxes.end(),
                           [&](const auto& b) { return b.id == id; });
    REQUIRE(it != chart.boxes.end());
    return *it;
  };
  CHECK(box("ceo").category == 1u);
  CHECK(box("ceo").designations == std::vector<std::string>{"HoPS"});
  CHECK(box("dir_fin").designations == std::vector<std::string>{"s.151 / CFO"});
  CHECK(box("mo").designations == std::vector<std::string>{"MO"});
  CHECK(box("council").body);
  CHECK_FALSE(box("planning_officer").category);
  // Bo holds the Monitoring Officer and chief finance officer posts.
  REQUIRE(box("mo").breaches.size() == 1);
  CHECK_THAT(box("mo").breaches[0], Contains("monitoring_officer"));
  CHECK(box("dir_fin").breaches == box("mo").breaches);
  CHECK(box("ceo").breaches.empty());
  const std::string dot = remit::chart_dot(chart);
  CHECK_THAT(dot, Contains("style=dotted"));
  CHECK_THAT(dot, Contains("label=\"60%\""));
  CHECK_THAT(dot, Contains("label=\"accountable\""));
  CHECK_THAT(dot, Contains("BREACH"));
  CHECK_THAT(dot, Contains("Thick red outline"));
}

TEST_CASE("the SVG chart is well-formed, self-contained and names every post", "[report][chart]") {
  auto p = load_text(district);
  REQUIRE(p.ok);
  const std::string svg = remit::chart_svg(*p.run, {});
  REQUIRE(svg.starts_with("<svg"));
  const std::vector<Element> doc = parse_xml(svg);
  // No reference outside the document: the only URLs are the SVG and XLink namespaces.
  std::string rest = svg;
  for (std::string_view ns : {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}) {
    for (std::size_t at; (at = rest.find(ns)) != std::string::npos;) rest.erase(at, ns.size());
  }
  CHECK(rest.find("http") == std::string::npos);
  CHECK(rest.find("<image") == std::string::npos);
  const auto boxes = boxes_of(doc);
  const auto& units = p.run->resolved().organisation.units;
  for (const remit::Unit& u : units) {
    const std::string anchor = remit::post_anchor(u.id());
    INFO("post " << u.id());
    auto it = boxes.find("box-" + anchor);
    REQUIRE(it != boxes.end());
    // Its box links to the post's row of the HTML report, and shows its title and id.
    auto link = find_descendant(doc, it->second, "a");
    REQUIRE(link);
    CHECK(doc[*link].attributes.at("xlink:href") == "#post-" + anchor);
    const std::string text = all_text(doc, it->second);
    CHECK_THAT(text, Contains(std::string(u.id())));
    CHECK_THAT(text, Contains(std::string(u.title()).substr(0, 8)));
  }
  CHECK(boxes.size() == units.size());
}

TEST_CASE("charts laid out one after another in one process are the same", "[report][chart]") {
  // The HTML report draws several charts in one process; Graphviz 2.43 read freed memory on the
  // second when each had a context of its own (seen under AddressSanitizer).
  auto p = load_text(district);
  REQUIRE(p.ok);
  const std::string first = remit::chart_svg(*p.run, {});
  const std::string second = remit::chart_svg(*p.run, {});
  CHECK(first == second);
  CHECK(remit::chart_svg(*p.run, {.root = "dir_place", .depth = {}}) != first);
}

TEST_CASE("a manager of 30 posts without reports is drawn in columns, not one row",
          "[report][chart][layout]") {
  auto p = load_text(manager_of(30));
  REQUIRE(p.ok);
  const std::vector<Element> doc = parse_xml(remit::chart_svg(*p.run, {}));
  const auto boxes = boxes_of(doc);
  REQUIRE(boxes.size() == 31);
  std::map<long, std::size_t> per_row;
  for (const auto& [id, e] : boxes) ++per_row[std::lround(top_of(doc, e))];
  std::size_t widest = 0;
  for (const auto& [y, n] : per_row) widest = std::max(widest, n);
  INFO(per_row.size() << " rows");
  CHECK(widest <= 6);
}

TEST_CASE("a directorate of 300 posts grows down as well as across", "[report][chart][layout]") {
  // Ten teams of 30: stacked 8 to a column, the chart would be ten times as wide as it is tall.
  std::string text =
      "use \"uk/lgha1989\"\npost dir \"Director\" { designated head_of_paid_service }\n";
  for (int h = 0; h < 10; ++h) {
    const std::string head = "h" + std::to_string(h);
    text += "post " + head + " \"Head of Service\" { reports to dir }\n";
    for (int k = 0; k < 30; ++k) {
      text += "post o" + std::to_string(h) + "_" + std::to_string(k) +
              " \"Officer\" { reports to " + head + " }\n";
    }
  }
  auto p = load_text(text);
  REQUIRE(p.ok);
  const std::vector<Element> doc = parse_xml(remit::chart_svg(*p.run, {}));
  REQUIRE(doc[0].children.size() == 1);
  const Element& svg = doc[doc[0].children[0]];
  const double width = std::strtod(svg.attributes.at("width").c_str(), nullptr);
  const double height = std::strtod(svg.attributes.at("height").c_str(), nullptr);
  INFO(width << "pt by " << height << "pt");
  CHECK(width < 3 * height);
}

TEST_CASE("a chart with --root draws a post and what is under it, --depth cuts the levels",
          "[report][chart]") {
  auto p = load_text(district);
  REQUIRE(p.ok);
  using Ids = std::vector<std::string>;
  const remit::Chart place = remit::build_chart(*p.run, {.root = "dir_place", .depth = {}});
  CHECK(ids_of(place) == Ids{"dir_place", "head_planning", "planning_officer"});
  // The shared post's line to dir_fin, which is not drawn, is left out.
  CHECK(place.lines.size() == 2);

  const remit::Chart one = remit::build_chart(*p.run, {.root = "ceo", .depth = 1});
  CHECK(ids_of(one) == Ids{"ceo", "dir_fin", "dir_place", "", ""});
  // dir_fin has mo and head_planning (and planning_officer) under it; dir_place two.
  CHECK(one.boxes[3].hidden_below == 3);
  CHECK(one.boxes[3].title == "+3 more posts");
  CHECK(one.boxes[4].hidden_below == 2);

  const remit::Chart top = remit::build_chart(*p.run, {.root = {}, .depth = 0});
  CHECK(ids_of(top) == Ids{"council", ""});
  CHECK(top.boxes[1].hidden_below == 7);

  try {
    (void)remit::build_chart(*p.run, {.root = "dir_plac", .depth = {}});
    FAIL("no error for an unknown root");
  } catch (const remit::ChartError& e) {
    CHECK(std::string(e.what()) ==
          "--root: no post with id 'dir_plac' (did you mean 'dir_place'?)");
  }
}

TEST_CASE("a chart of more boxes than the limit is refused, saying what to do",
          "[report][chart][limits]") {
  remit::Limits limits;
  limits.max_chart_boxes = 8;
  SECTION("at the limit") {
    remit::Run run(limits);
    remit::Inputs in;
    in.texts.push_back({"test.remit", manager_of(7)});
    REQUIRE(run.load(in));
    CHECK(remit::build_chart(run, {}).boxes.size() == 8);
  }
  SECTION("over it") {
    remit::Run run(limits);
    remit::Inputs in;
    in.texts.push_back({"test.remit", manager_of(8)});
    REQUIRE(run.load(in));
    CHECK_THROWS_WITH(remit::build_chart(run, {}),
                      "the structure has 9 posts, more than the 8 boxes a chart draws: draw a "
                      "part of it with --root POST (a post and everything under it), and --depth "
                      "N to draw N levels under it");
    CHECK_THROWS_WITH(remit::build_chart(run, {.root = "boss", .depth = {}}),
                      Contains("more than 8 posts are under 'boss'") && Contains("--depth"));
    CHECK(remit::build_chart(run, {.root = "boss", .depth = 0}).boxes.size() == 2);
    // --depth alone counts the levels it draws.
    CHECK(remit::build_chart(run, {.root = {}, .depth = 0}).boxes.size() == 2);
    CHECK_THROWS_WITH(remit::build_chart(run, {.root = {}, .depth = 1}),
                      "more than 8 posts are under 'boss', more than a chart draws: give a "
                      "smaller --depth, or a --root lower down");
  }
  SECTION("two tops, each under it, whose levels together are over it") {
    std::string text = manager_of(4) + "post boss2 \"Director 2\" { }\n";
    for (int k = 1; k <= 4; ++k) {
      text += "post s" + std::to_string(k) + " \"Report\" { reports to boss2 }\n";
    }
    remit::Run run(limits);
    remit::Inputs in;
    in.texts.push_back({"test.remit", text});
    REQUIRE(run.load(in));
    CHECK(remit::build_chart(run, {.root = {}, .depth = 0}).boxes.size() == 4);
    CHECK_THROWS_WITH(remit::build_chart(run, {.root = {}, .depth = 1}),
                      "the top 2 levels of the structure hold more than 8 posts, more than a "
                      "chart draws: give a smaller --depth, or a --root");
  }
}

TEST_CASE("graph: too many posts, a bad root, an input as output are refused (exit 2)",
          "[report][chart][cli]") {
  TempDir dir;
  dir.write("big.remit", manager_of(2000));
  auto big = run_cli({"graph", "big.remit", "-o", "big.svg"}, dir.path());
  CHECK(big.status == 2);
  CHECK_THAT(big.err, Contains("the structure has 2001 posts, more than the 2000 boxes") &&
                          Contains("--root POST"));
  CHECK_FALSE(std::filesystem::exists(dir / "big.svg"));
  auto part = run_cli({"graph", "big.remit", "--root", "boss", "--depth", "0", "--format", "dot"},
                      dir.path());
  CHECK(part.status == 0);
  CHECK_THAT(part.out, Contains("+2000 more posts"));

  dir.write("district.remit", district);
  auto root = run_cli({"graph", "district.remit", "--root", "dir_plac"}, dir.path());
  CHECK(root.status == 2);
  CHECK(root.err ==
        "remit: error: --root: no post with id 'dir_plac' (did you mean 'dir_place'?)\n");
  CHECK(root.out.empty());

  auto input =
      run_cli({"graph", "district.remit", "--format", "dot", "-o", "district.remit"}, dir.path());
  CHECK(input.status == 2);
  CHECK(remit::test::read_file(dir / "district.remit") == district);

  auto extension = run_cli({"graph", "district.remit", "-o", "chart.png"}, dir.path());
  CHECK(extension.status == 2);
  CHECK_THAT(extension.err, Contains(".svg or .dot"));
}

TEST_CASE("graph -o FILE.svg writes the SVG, and a missing Graphviz plugin is a clear error",
          "[report][chart][cli]") {
  TempDir dir;
  dir.write("district.remit", district);
  auto ok = run_cli({"graph", "district.remit", "-o", "chart.svg"}, dir.path());
  CHECK(ok.status == 0);
  CHECK(remit::test::read_file(dir / "chart.svg").starts_with("<svg"));
  auto dot = run_cli({"graph", "district.remit", "-o", "chart.dot"}, dir.path());
  CHECK(dot.status == 0);
  CHECK(remit::test::read_file(dir / "chart.dot").starts_with("digraph org_chart {"));

  // Graphviz finds its plugins through GVBINDIR: a folder without them is Graphviz without its
  // layout engine. The old chart is left as it was.
  TempDir no_plugins;
  ::setenv("GVBINDIR", no_plugins.path().c_str(), 1);
  auto missing = run_cli({"graph", "district.remit", "-o", "chart.svg"}, dir.path());
  ::unsetenv("GVBINDIR");
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Contains("remit: error: Graphviz could not lay out the chart") &&
                              Contains("graphviz"));
  CHECK(remit::test::read_file(dir / "chart.svg").starts_with("<svg"));
}

TEST_CASE("whatif --format dot marks the moved post and its change of category",
          "[report][chart][whatif]") {
  auto r = run_cli({"whatif", "policies/council-000", "--scenario",
                    "Director of Public Health under the Chief Executive", "--format", "dot"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("id=\"box-dph\", URL=\"#post-dph\", class=\"post cat-3 moved "
                             "category-changed\""));
  CHECK_THAT(r.out, Contains("Cat 4 \u2192 Cat 3"));
  CHECK_THAT(r.out, Contains("was under dir__icp") || Contains("was under dir_icp"));
  CHECK_THAT(r.out, Contains("Reports elsewhere: thick blue outline"));
  auto svg = run_cli({"whatif", "policies/council-000", "--move", "dph=ceo", "--format", "svg"});
  CHECK(svg.status == 0);
  const std::vector<Element> doc = parse_xml(svg.out);
  CHECK(boxes_of(doc).count("box-dph") == 1);
}

TEST_CASE("diff --format dot shows added and removed posts", "[report][chart][whatif]") {
  TempDir dir;
  const std::string common =
      "use \"uk/lgha1989\"\npost ceo \"Chief Executive\" { designated "
      "head_of_paid_service }\n";
  dir.write("old.remit", common + "post dir_a \"Director A\" { reports to ceo }\n");
  dir.write("new.remit", common + "post dir_b \"Director B\" { reports to ceo }\n");
  auto r = run_cli({"diff", "old.remit", "new.remit", "--format", "dot"}, dir.path());
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("id=\"box-dir__a\", URL=\"#post-dir__a\", class=\"post cat-3 "
                             "removed\""));
  CHECK_THAT(r.out, Contains("id=\"box-dir__b\", URL=\"#post-dir__b\", class=\"post cat-3 "
                             "added\""));
  CHECK_THAT(r.out, Contains("REMOVED") && Contains("NEW"));
}
