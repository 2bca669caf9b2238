// Size, not depth: a 1,000,000-post reporting chain (a line, not a tree, so anything that
// recursed once per level would overflow the stack) derives, and a 100,000-post reporting cycle
// is reported by name with its size. In the ASan build (`make sanitize`) the chain is 100,000
// posts, to keep the suite's time down; the shape is the same.
//
// Measured (RelWithDebInfo, 2-core CI machine, busy): the 1,000,000-post chain as policy text
// loads and derives in 2.1 s (building the text included), as a CSV export in 0.9 s; the
// 100,000-post cycle is found and reported in 0.12 s.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "evaluate/evaluator.hpp"
#include "evaluate/rules.hpp"
#include "tests/robustness/robustness_support.hpp"

using namespace remit;
using namespace remit::robust;
using Catch::Matchers::StartsWith;

namespace {

const std::size_t chain_length = sanitized ? 100000 : 1000000;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Under the Act: the Head of Paid Service (category 1), who reports to the council; p1 reports
// directly to category 1 (category 3); p2 reports directly to category 3 (category 4); every
// post below p2 is in no category.
void check_chain(Loaded& l, std::size_t n) {
  REQUIRE(l.ok);
  const auto listed = l.run->restricted_posts();
  REQUIRE(listed.size() == 3);
  const auto& units = l.run->resolved().organisation.units;
  CHECK(units[listed[0].unit].id() == "p0");
  CHECK(units[listed[1].unit].id() == "p1");
  CHECK(units[listed[2].unit].id() == "p2");
  CHECK(l.run->program().categories[listed[2].category].number == 4);
  // `reports to p0` walks the whole line: every post but p0 is below it.
  for (const ast::LetDecl& let : l.run->program().lets) {
    if (let.name.text == "below_the_top") {
      CHECK(l.run->evaluator().set_of(let.value).count() == n - 1);
    }
  }
  CHECK(l.run->breaches().empty());
}

}  // namespace

TEST_CASE("limits: a 1,000,000-post reporting chain in a policy derives", "[limits][scale]") {
  const std::size_t n = chain_length;
  std::string text =
      "use \"uk/lgha1989\"\nbody council \"Full Council\"\n"
      "let below_the_top = reports to p0\n"
      "post p0 \"Chief Executive\" { reports to council designated head_of_paid_service }\n";
  text.reserve(n * 40);
  for (std::size_t i = 1; i < n; ++i) {
    text += "post p" + std::to_string(i) + " \"Officer\" { reports to p" + std::to_string(i - 1) +
            " }\n";
  }
  const auto start = std::chrono::steady_clock::now();
  Loaded l = load_text("chain.remit", std::move(text));
  check_chain(l, n);
  WARN("a " << n << "-post chain in a policy: " << seconds_since(start) << " s");
}

TEST_CASE("limits: a 1,000,000-post reporting chain in a CSV export derives", "[limits][scale]") {
  const std::size_t n = chain_length;
  TempDir dir;
  std::string csv = "id,title,service,directorate,reports_to,designations,flags\n";
  csv.reserve(n * 32);
  csv += "p0,Chief Executive,CEO,CEO,council,head_of_paid_service,\n";
  for (std::size_t i = 1; i < n; ++i) {
    csv += "p" + std::to_string(i) + ",Officer,S,D,p" + std::to_string(i - 1) + ",,\n";
  }
  write_text(dir / "structure.csv", csv);
  csv = {};
  const auto start = std::chrono::steady_clock::now();
  Inputs inputs;
  inputs.texts.push_back({"policy.remit",
                          "use \"uk/lgha1989\"\nbody council \"Full Council\"\n"
                          "let below_the_top = reports to p0\n"});
  inputs.structures.push_back(dir / "structure.csv");
  Loaded l = load(inputs);
  check_chain(l, n);
  WARN("a " << n << "-post chain in a CSV export: " << seconds_since(start) << " s");
}

TEST_CASE("limits: a 100,000-post reporting cycle is reported by name with its size",
          "[limits][scale]") {
  const std::size_t n = 100000;
  std::string text;
  for (std::size_t i = 0; i < n; ++i) {
    text += "post p" + std::to_string(i) + " \"Officer\" { reports to p" +
            std::to_string((i + 1) % n) + " }\n";
  }
  text += "post q \"Outside\" { reports to p5 }\n";  // below the cycle, not on it
  const auto start = std::chrono::steady_clock::now();
  Loaded l = load_text("cycle.remit", std::move(text));
  REQUIRE_FALSE(l.ok);
  // The first 100 posts on the cycle are named, then it is counted.
  std::string chain;
  for (int i = 0; i < 100; ++i) chain += "p" + std::to_string(i) + " -> ";
  CHECK(l.first() == "cycle.remit:1:32: error: reporting cycle of 100000 posts: " + chain +
                         "… -> p0; a post cannot report to itself, directly or through others");
  CHECK(l.run->diagnostics().error_count() == 1);
  CHECK(l.diagnostics().size() < 10000);
  WARN("a 100000-post cycle: " << seconds_since(start) << " s");
}

TEST_CASE("limits: a 100,000-post cycle in a CSV export is reported with file:line",
          "[limits][scale]") {
  const std::size_t n = 100000;
  TempDir dir;
  std::string csv = "id,title,service,directorate,reports_to,designations,flags\n";
  for (std::size_t i = 0; i < n; ++i) {
    csv += "p" + std::to_string(i) + ",Officer,S,D,p" + std::to_string((i + 1) % n) + ",,\n";
  }
  write_text(dir / "structure.csv", csv);
  Loaded l = load(structure_files({dir / "structure.csv"}));
  REQUIRE_FALSE(l.ok);
  CHECK_THAT(l.first(), StartsWith((dir / "structure.csv").string() +
                                   ":2:16: error: reporting cycle of 100000 posts: p0 -> p1 -> "));
  CHECK_THAT(l.diagnostics(), Catch::Matchers::Contains((dir / "structure.csv").string() +
                                                        ":3:16: note: p1 reports to p2 here"));
}
