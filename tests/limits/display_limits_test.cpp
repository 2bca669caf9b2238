// The limits on what remit shows (include/remit/limits.hpp), each at and over the limit: an
// explanation cut at its depth says so and which post to explain next; a capped list says how
// many more there are.
#include <catch2/catch.hpp>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "evaluate/rules.hpp"
#include "explain/explain.hpp"
#include "remit/remit.hpp"
#include "report/check_report.hpp"
#include "report/difference_report.hpp"
#include "resolve/organisation.hpp"
#include "resolve/shares.hpp"
#include "whatif/compare.hpp"

using Catch::Matchers::Contains;

namespace {

std::unique_ptr<remit::Run> load(const std::string& text, remit::Limits limits) {
  auto run = std::make_unique<remit::Run>(limits);
  remit::Inputs in;
  in.texts.push_back({"test.remit", text});
  const bool ok = run->load(in);
  INFO(run->diagnostics_text());
  REQUIRE(ok);
  return run;
}

// n posts reporting to ceo, none held: the rule "filled" is broken by all n.
std::string unfilled(int n) {
  std::string text = "post ceo \"CEO\"\n";
  for (int k = 1; k <= n; ++k) {
    text += "post d" + std::to_string(k) + " \"Director " + std::to_string(k) +
            "\" { reports to ceo }\n";
  }
  return text + "require \"filled\" { every reports directly to ceo is has holder }\n";
}

// p3 is in category 1 through a chain of lets, one witness per step: explaining it goes six
// steps deep (three lets, three witnesses).
const std::string chain = R"(post p0 "P0"
post p1 "P1" { reports to p0 }
post p2 "P2" { reports to p1 }
post p3 "P3" { reports to p2 }
let l1 = reports directly to p0
let l2 = reports directly to l1
let l3 = reports directly to l2
category 1 "Deep" { when l3 }
)";

std::string explain_text(remit::Run& run, const std::string& id) {
  auto u = run.resolved().organisation.find_unit(id);
  REQUIRE(u);
  return remit::render_text(remit::explain_listing(run, *u), run.sources());
}

remit::Limits with(std::size_t remit::Limits::*field, std::size_t value) {
  remit::Limits l;
  l.*field = value;
  return l;
}

}  // namespace

TEST_CASE("limits: an explanation at its depth limit is whole", "[limits][explain]") {
  auto run = load(chain, with(&remit::Limits::max_explain_depth, 6));
  const std::string text = explain_text(*run, "p3");
  CHECK_THAT(text, Contains("which is p0"));
  CHECK_THAT(text, !Contains("explanation cut"));
}

TEST_CASE("limits: an explanation over its depth limit says where it was cut",
          "[limits][explain]") {
  auto run = load(chain, with(&remit::Limits::max_explain_depth, 5));
  const std::string text = explain_text(*run, "p3");
  CHECK_THAT(text, !Contains("which is p0"));
  CHECK_THAT(text, Contains("… explanation cut at depth 5, the limit: to see the rest, explain "
                            "p0 \"P0\" on its own (remit explain POLICY… p0)"));
}

TEST_CASE("limits: the default explanation depth is 48", "[limits][explain]") {
  CHECK(remit::Limits{}.max_explain_depth == 48);
}

TEST_CASE("limits: posts named in a breach by check, at and over the limit", "[limits][check]") {
  const auto limits = with(&remit::Limits::posts_shown_per_breach, 3);
  auto report = [&](int n) {
    auto run = load(unfilled(n), limits);
    std::ostringstream out;
    remit::write_breaches(out, *run, run->breaches(), remit::Format::text);
    return out.str();
  };
  const std::string at = report(3);
  CHECK_THAT(at, Contains("d3 \"Director 3\"\n"));
  CHECK_THAT(at, !Contains("more"));
  const std::string over = report(5);
  CHECK_THAT(over, Contains("d3 \"Director 3\" and 2 more (see --format json)\n"));
  CHECK_THAT(over, !Contains("d4"));
}

TEST_CASE("limits: posts explained in a breach, at and over the limit", "[limits][explain]") {
  const auto limits = with(&remit::Limits::posts_explained_per_breach, 3);
  auto explained = [&](int n) {
    auto run = load(unfilled(n), limits);
    return remit::render_text(remit::explain_breach(*run, 1), run->sources());
  };
  const std::string at = explained(3);
  CHECK_THAT(at, Contains("d3 \"Director 3\" is one of them"));
  CHECK_THAT(at, !Contains("more"));
  const std::string over = explained(4);
  CHECK_THAT(over, Contains("d3 \"Director 3\" is one of them"));
  CHECK_THAT(over, !Contains("d4 \"Director 4\" is one of them"));
  CHECK_THAT(over, Contains("and 1 more (remit check --format json lists them all)"));
}

TEST_CASE("limits: posts named in a changed breach, at and over the limit", "[limits][whatif]") {
  const auto limits = with(&remit::Limits::posts_shown_per_changed_breach, 3);
  // The breach as `remit whatif` prints it when it appears.
  auto shown = [&](int n) {
    auto run = load(unfilled(n), limits);
    remit::Difference d;
    d.breaches_appeared = remit::breach_values(*run);
    REQUIRE(d.breaches_appeared.size() == 1);
    std::ostringstream out;
    remit::write_difference(out, "t", d, remit::Format::text, limits);
    return out.str();
  };
  CHECK_THAT(shown(3), Contains("(posts: d1, d2, d3)"));
  CHECK_THAT(shown(5), Contains("(posts: d1, d2, d3 and 2 more)"));
}

TEST_CASE("limits: lines of management shown as changing, at and over the limit",
          "[limits][whatif]") {
  const auto limits = with(&remit::Limits::line_changes_shown, 3);
  auto shown = [&](int n) {
    remit::Difference d;
    for (int k = 1; k <= n; ++k) {
      const std::string id = "p" + std::to_string(k);
      d.lines.push_back({id, {id, "a"}, {id, "b"}, 0});
    }
    std::ostringstream out;
    remit::write_difference(out, "t", d, remit::Format::text, limits);
    return out.str();
  };
  const std::string at = shown(3);
  CHECK_THAT(at, Contains("p3: p3 -> a"));
  CHECK_THAT(at, !Contains("more"));
  const std::string over = shown(4);
  CHECK_THAT(over, !Contains("p4: p4 -> a"));
  CHECK_THAT(over, Contains("and 1 more (see --format json)"));
}

TEST_CASE("limits: reports named when a post cannot be removed, at and over the limit",
          "[limits][whatif]") {
  const auto limits = with(&remit::Limits::reports_shown_on_remove, 3);
  auto error = [&](int n) {
    std::string text = "post m1 \"M1\"\npost m2 \"M2\"\npost x \"X\" { reports to m1, m2 }\n";
    for (int k = 1; k <= n; ++k) {
      text += "post r" + std::to_string(k) + " \"R\" { reports to x }\n";
    }
    text += "scenario \"s\" { remove post x }\n";
    auto run = load(text, limits);
    REQUIRE(run->program().scenarios.size() == 1);
    CHECK_FALSE(run->apply(run->program().scenarios[0]));
    return run->diagnostics_text();
  };
  CHECK_THAT(error(3), Contains("so its reports (r1, r2, r3) have nowhere to go"));
  CHECK_THAT(error(4), Contains("so its reports (r1, r2, r3 and 1 more) have nowhere to go"));
}

TEST_CASE("limits: lines splitting a post's duties in equal parts, at and over the limit",
          "[limits][shares]") {
  const std::size_t limit = remit::Limits::max_lines_sharing_duties;
  CHECK(limit == 429496);
  std::vector<remit::ast::LineDecl> lines(limit);
  remit::DutySplit split = remit::split_duties(lines);
  CHECK_FALSE(split.too_many_equal_parts());
  REQUIRE(split.shares.size() == limit);
  // Every line carries the same exact part, and together they make the whole.
  CHECK(std::uint64_t{split.shares[0].parts} * limit == split.shares[0].whole);
  lines.emplace_back();
  remit::split_duties(lines, split);
  CHECK(split.too_many_equal_parts());
  CHECK(split.shares.empty());
}

namespace {

// What loading `text` under `limits` reports; the load must fail.
std::string errors(const std::string& text, remit::Limits limits) {
  remit::Run run(limits);
  remit::Inputs in;
  in.texts.push_back({"test.remit", text});
  CHECK_FALSE(run.load(in));
  return run.diagnostics_text();
}

// n posts, each reporting to the next, the last to the first.
std::string reporting_cycle(int n) {
  std::string text;
  for (int k = 1; k <= n; ++k) {
    text +=
        "post c" + std::to_string(k) + " \"C\" { reports to c" + std::to_string(k % n + 1) + " }\n";
  }
  return text;
}

// n lets, each naming the next, the last the first.
std::string definition_cycle(int n) {
  std::string text;
  for (int k = 1; k <= n; ++k) {
    text += "let s" + std::to_string(k) + " = s" + std::to_string(k % n + 1) + "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("limits: posts named on a reporting cycle, at and over the limit", "[limits][cycles]") {
  const auto limits = with(&remit::Limits::posts_shown_on_cycle, 3);
  const std::string at = errors(reporting_cycle(3), limits);
  CHECK_THAT(at, Contains("reporting cycle of 3 posts: c"));
  CHECK_THAT(at, !Contains("…"));
  const std::string over = errors(reporting_cycle(4), limits);
  CHECK_THAT(over, Contains("reporting cycle of 4 posts: c"));
  CHECK_THAT(over, Contains(" -> … -> c"));
}

TEST_CASE("limits: lines located on a reporting cycle, at and over the limit", "[limits][cycles]") {
  const auto limits = with(&remit::Limits::lines_located_on_cycle, 3);
  const std::string at = errors(reporting_cycle(3), limits);
  CHECK_THAT(at, !Contains("not located here"));
  const std::string over = errors(reporting_cycle(4), limits);
  CHECK_THAT(over, Contains("note: and 1 more line on this cycle, not located here"));
}

TEST_CASE("limits: definitions named on a definition cycle, at and over the limit",
          "[limits][cycles]") {
  const auto limits = with(&remit::Limits::definitions_shown_on_cycle, 3);
  const std::string at = errors(definition_cycle(3), limits);
  CHECK_THAT(at, Contains("definitions depend on themselves"));
  CHECK_THAT(at, !Contains("in all"));
  const std::string over = errors(definition_cycle(4), limits);
  CHECK_THAT(over, Contains("… (4 definitions in all) -> set 's"));
}
