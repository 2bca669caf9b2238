// A what-if variant is re-evaluated from its base's results (interpreter/evaluate/
// reevaluate.cpp), recomputing only the units a change reaches. These tests hold it to the
// plain evaluation: over random structures and random scenarios of every edit kind, every set,
// category and listing of the variant must equal a full evaluation of the edited structure, and
// the differences it reports must be exactly where the two runs differ.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "evaluate/evaluator.hpp"
#include "evaluate/rules.hpp"
#include "graph/org_graph.hpp"
#include "remit/remit.hpp"
#include "whatif/compare.hpp"

namespace {

// Every kind of expression, several levels of categories over each other, and rules whose sets
// are evaluated after the categories.
const std::string policy = R"remit(use "uk/roles"
let tops = designated head_of_paid_service
let money = designated section_151_officer, monitoring_officer
category 1 "one" { when tops }
category 2 "two" { when money or title contains "7" }
category 3 "three" { when reports directly to category 1 and not category 2 and not duty clerical }
category 4 "four" { when reports directly to category 1, 2, 3 and not category 1, 2, 3 }
category 5 "five" { when reports within 2 of category 3 and in directorate "D1" }
category 6 "six" { when manages category 4 or vacant }
category 7 "seven" { when reports to p3 and not has holder }
category 8 "eight" { when manages any body or (in service "S2" and duty delegated_powers) or reports to category 6 }
precedence 1, 2, 3, 4, 5, 6, 7, 8
require "one head" { count designated head_of_paid_service = 1 }
require "chiefs are held" { every category 3 has holder }
forbid "no clerical deputy" { category 4 and duty clerical }
require "some manager of a vacancy" { some any post manages vacant }
)remit";

struct Structure {
  std::string text;
  int posts = 0;
};

// A random council: post i reports to an earlier post (so there is no cycle), sometimes with a
// second line that shares the duties, an accountability line or a dotted line.
Structure random_structure(std::mt19937& rng, int posts) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const char* designations[] = {"head_of_paid_service", "section_151_officer", "monitoring_officer",
                                "director_of_public_health"};
  const char* duties[] = {"clerical", "delegated_powers", "advises_authority"};
  std::string t = "body council \"Council\"\nbody audit \"Audit Committee\"\n";
  for (int i = 0; i < posts; ++i) {
    const std::string id = "p" + std::to_string(i);
    t += "post " + id + " \"Post " + std::to_string(i) + "\" {\n";
    t += "  service \"S" + std::to_string(pick(3)) + "\" directorate \"D" +
         std::to_string(pick(2)) + "\"\n";
    if (i == 0) {
      t += "  reports to council\n  designated head_of_paid_service\n";
    } else {
      const int manager = pick(i);
      const int shape = pick(10);
      if (shape == 0 && i > 1) {
        int other = pick(i);
        if (other == manager) other = (manager + 1) % i;
        t += "  reports to p" + std::to_string(manager) + " " + std::to_string(30 + pick(41)) +
             "%, p" + std::to_string(other) + "\n";
      } else if (shape == 1) {
        t += "  reports to p" + std::to_string(manager) + "\n  accountable to audit\n";
      } else if (shape == 2) {
        t += "  reports to p" + std::to_string(manager) + "\n  dotted to p" +
             std::to_string(pick(i)) + "\n";
      } else if (shape == 3 && i > 2) {
        t += "  reports to p" + std::to_string(manager) + " 50%, p" +
             std::to_string((manager + 1) % i) + " 50%\n";
      } else {
        t += "  reports to p" + std::to_string(manager) + "\n";
      }
      if (pick(8) == 0) t += "  designated " + std::string(designations[pick(4)]) + "\n";
    }
    if (pick(3) == 0) t += "  duties " + std::string(duties[pick(3)]) + "\n";
    if (pick(6) == 0) {
      t += "  vacant\n";
    } else if (pick(2) == 0) {
      t += "  holder h" + std::to_string(i) + "\n";
    }
    t += "}\n";
  }
  for (int i = 0; i < posts; ++i) {
    t += "person h" + std::to_string(i) + " \"Holder " + std::to_string(i) + "\"\n";
  }
  return Structure{t, posts};
}

// One to four random edits of every kind; some are wrong (a cycle, a post with several
// managers removed), and then the scenario is refused.
std::string random_scenario(std::mt19937& rng, int posts) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  auto post = [&] { return "p" + std::to_string(1 + pick(posts - 1)); };
  std::string s = "scenario \"random\" {\n";
  const int edits = 1 + pick(4);
  int added = 0;
  for (int e = 0; e < edits; ++e) {
    switch (pick(7)) {
      case 0:
      case 1:
        s += "  move " + post() + " to report to " + post() + "\n";
        break;
      case 2:
        s += "  move " + post() + " to report to " + post() + " 60%, " + post() + " 40%\n";
        break;
      case 3:
        s += "  remove post " + post() + "\n";
        break;
      case 4:
        s += "  add post n" + std::to_string(added++) + " \"New 7\" { reports to " + post() +
             " directorate \"D1\" duties clerical }\n";
        break;
      case 5:
        s += "  designate " + post() + " as " +
             (pick(2) ? "section_151_officer" : "head_of_paid_service") + "\n";
        break;
      default:
        s += "  assign h" + std::to_string(pick(posts)) + " to " + post() + "\n";
        break;
    }
  }
  return s + "}\n";
}

remit::Inputs inputs(std::string text) {
  remit::Inputs in;
  in.texts.push_back({"test.remit", std::move(text)});
  return in;
}

std::vector<remit::ast::UnitIndex> members_that_differ(const remit::PostSet& a,
                                                       const remit::PostSet& b) {
  std::vector<remit::ast::UnitIndex> out;
  for (std::size_t u = 0; u < std::max(a.size(), b.size()); ++u) {
    if (a.test_or_absent(u) != b.test_or_absent(u)) {
      out.push_back(static_cast<remit::ast::UnitIndex>(u));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a variant's re-evaluation equals a full evaluation of the edited structure",
          "[evaluate][whatif]") {
  std::mt19937 rng(20261122);
  int applied = 0, refused = 0;
  std::size_t changes_seen = 0;
  for (int round = 0; round < 300; ++round) {
    const int posts = 8 + static_cast<int>(rng() % 40);
    const Structure structure = random_structure(rng, posts);
    const std::string scenario = random_scenario(rng, posts);
    INFO("round " << round << "\n" << scenario);
    // Half the rounds keep only the lets' and categories' sets (as a large policy does).
    const std::size_t keep = remit::Evaluator::keep_every_set_up_to;
    remit::Evaluator::keep_every_set_up_to = round % 4 < 2 ? 0 : keep;
    remit::Run base;
    const bool loaded = base.load(inputs(policy + structure.text + scenario));
    remit::Evaluator::keep_every_set_up_to = keep;
    if (!loaded) {
      // A scenario that names a post it removed is refused when the policy is read; the
      // structure alone must load.
      remit::Run structure_only;
      REQUIRE(structure_only.load(inputs(policy + structure.text)));
      ++refused;
      continue;
    }
    // Half the rounds evaluate the base's rule sets first; the other half leave the variant to
    // ask for them.
    if (round % 2 == 0) (void)base.breaches();
    auto variant = base.apply(base.program().scenarios.front());
    if (!variant) {
      ++refused;
      continue;
    }
    ++applied;
    (void)variant->breaches();  // evaluates the rules' sets in the variant too

    const remit::Resolved& edited = variant->resolved();
    remit::Evaluator full(base.program(), edited,
                          [&]() -> const remit::OrgGraph& { return variant->graph(); });
    full.run();
    const remit::Evaluation& want = full.result();
    const remit::Evaluation& got = variant->evaluator().result();
    const remit::Differences* diff = variant->evaluator().differences();
    REQUIRE(diff != nullptr);
    const remit::Evaluation& before = base.evaluator().result();

    CHECK(got.posts == want.posts);
    CHECK(got.held == want.held);
    CHECK(got.listed == want.listed);
    // Neither run keeps its sub-expressions' sets: each is asked for (and updated again in the
    // variant from its operands' differences) to compare every one.
    for (std::size_t id = 0; id < base.program().exprs.size(); ++id) {
      INFO("expression " << id);
      const auto e = static_cast<remit::ast::ExprId>(id);
      const remit::PostSet& now = variant->evaluator().set_of(e);
      CHECK(now == full.set_of(e));
      CHECK(diff->sets[id] == members_that_differ(base.evaluator().set_of(e), now));
    }
    for (std::size_t c = 0; c < got.categories.size(); ++c) {
      INFO("category " << c + 1);
      CHECK(got.categories[c] == want.categories[c]);
      CHECK(diff->categories[c] == members_that_differ(before.categories[c], got.categories[c]));
    }
    std::vector<remit::ast::UnitIndex> listing_changed;
    for (std::size_t u = 0; u < got.listed.size(); ++u) {
      const std::uint32_t was = u < before.listed.size() ? before.listed[u] : remit::not_listed;
      if (was != got.listed[u]) listing_changed.push_back(static_cast<remit::ast::UnitIndex>(u));
    }
    CHECK(diff->listed == listing_changed);
    // The rules give the same breaches over either evaluation.
    remit::Breaches again = remit::check_rules(base.program(), edited.organisation, full);
    CHECK(again.size() == variant->breaches().size());
    // Comparing through what changed gives what comparing every post by id gives.
    const remit::Difference by_change = remit::compare(base, *variant);
    const remit::Difference by_id = remit::compare(base, *variant, remit::Matching::by_id);
    CHECK(by_change.entered == by_id.entered);
    CHECK(by_change.left == by_id.left);
    CHECK(by_change.changed == by_id.changed);
    CHECK(by_change.lines == by_id.lines);
    CHECK(by_change == by_id);
    changes_seen += by_id.lines.size() + by_id.entered.size() + by_id.left.size();
  }
  // The generator must exercise both paths, or the test proves little.
  CHECK(applied > 150);
  CHECK(refused > 10);
  CHECK(changes_seen > 300);
}

TEST_CASE("a variant of a variant is re-evaluated from the first variant", "[evaluate][whatif]") {
  std::mt19937 rng(7);
  const Structure structure = random_structure(rng, 30);
  remit::Run base;
  REQUIRE(base.load(inputs(policy + structure.text +
                           "scenario \"a\" { move p5 to report to p0 }\n"
                           "scenario \"b\" { move p9 to report to p5 "
                           "designate p9 as section_151_officer }\n")));
  auto first = base.apply(base.program().scenarios[0]);
  REQUIRE(first);
  auto second = first->apply(base.program().scenarios[1]);
  REQUIRE(second);
  remit::Evaluator full(base.program(), second->resolved(),
                        [&]() -> const remit::OrgGraph& { return second->graph(); });
  full.run();
  CHECK(second->evaluator().result().listed == full.result().listed);
  for (std::size_t c = 0; c < full.result().categories.size(); ++c) {
    CHECK(second->evaluator().result().categories[c] == full.result().categories[c]);
  }
}

TEST_CASE("removing a post with thousands of direct reports moves them all up",
          "[evaluate][whatif]") {
  // Was quadratic: each lookup of the lines into a post went through every line the scenario
  // had replaced, and removing a post replaces the lines of each of its reports.
  constexpr int reports = 3000;
  std::string text =
      "body council \"Council\"\n"
      "post p0 \"Chief\" { reports to council designated head_of_paid_service }\n"
      "post p1 \"Director\" { reports to p0 designated section_151_officer }\n"
      "post p2 \"Head\" { reports to p0 }\n";
  for (int i = 3; i < 3 + reports; ++i) {
    const bool dotted = i % 10 == 0;  // a dotted line into p1 is dropped, not moved
    text += "post p" + std::to_string(i) + " \"Officer\" { reports to " +
            (dotted ? "p2 dotted to p1" : "p1") + (i % 3 == 0 ? " duties clerical" : "") +
            (i % 7 == 0 ? " designated monitoring_officer" : "") + " }\n";
  }
  remit::Run base;
  REQUIRE(base.load(inputs(policy + text + "scenario \"s\" { remove post p1 }\n")));
  auto variant = base.apply(base.program().scenarios.front());
  INFO(base.diagnostics_text());
  REQUIRE(variant);
  (void)variant->breaches();

  remit::Evaluator full(base.program(), variant->resolved(),
                        [&]() -> const remit::OrgGraph& { return variant->graph(); });
  full.run();
  const remit::Evaluation& got = variant->evaluator().result();
  CHECK(got.listed == full.result().listed);
  for (std::size_t c = 0; c < got.categories.size(); ++c) {
    INFO("category " << c + 1);
    CHECK(got.categories[c] == full.result().categories[c]);
  }
  for (std::size_t id = 0; id < got.sets.size(); ++id) {
    if (got.sets[id].size() == 0) continue;
    INFO("expression " << id);
    CHECK(got.sets[id] == full.set_of(static_cast<remit::ast::ExprId>(id)));
  }
  // Every report of p1 now reports to p0; those that only had a dotted line to p1 are unmoved.
  const remit::Difference d = remit::compare(base, *variant);
  CHECK(d == remit::compare(base, *variant, remit::Matching::by_id));
  std::size_t moved = 0;
  for (const remit::LineChange& l : d.lines) {
    if (l.id == "p1") continue;  // the removed post itself, if listed
    CHECK(l.after == std::vector<std::string>{l.id, "p0", "council"});
    ++moved;
  }
  CHECK(moved == reports - reports / 10);
  const remit::Organisation& org = variant->resolved().organisation;
  std::size_t into_p0 = 0, into_p1 = 0;
  org.lines.for_each([&](remit::LineId, const remit::Line& l) {
    if (org.units[l.to].id() == "p0") ++into_p0;
    if (org.units[l.to].id() == "p1") ++into_p1;
  });
  CHECK(into_p0 == 1 + static_cast<std::size_t>(reports - reports / 10));  // and p2's
  CHECK(into_p1 == 0);
}

TEST_CASE("evaluation keeps the sets of the lets and categories, not of every sub-expression",
          "[evaluate][whatif]") {
  // A 10,000-category policy kept 90,000 sets (1.3 GB at 100,000 posts); now only what a
  // let, an explanation or a rule asks for is kept.
  std::mt19937 rng(11);
  const Structure structure = random_structure(rng, 30);
  const std::size_t keep = remit::Evaluator::keep_every_set_up_to;
  remit::Evaluator::keep_every_set_up_to = 0;  // as for a policy too large to keep every set
  remit::Run base;
  const bool loaded =
      base.load(inputs(policy + structure.text + "scenario \"a\" { move p5 to report to p0 }\n"));
  REQUIRE(loaded);
  const std::size_t lets = base.program().lets.size();
  REQUIRE(lets == 2);
  REQUIRE(base.program().exprs.size() > 30);
  CHECK(base.evaluator().kept_sets() == lets);
  auto variant = base.apply(base.program().scenarios.front());
  remit::Evaluator::keep_every_set_up_to = keep;
  REQUIRE(variant);
  CHECK(variant->evaluator().kept_sets() == lets);
  CHECK(base.evaluator().kept_sets() == lets);  // the base's sets it was asked for are dropped
  // A set asked for is kept, with those under it.
  const remit::ast::ExprId when = base.program().categories[2].when;
  (void)base.evaluator().set_of(when);
  CHECK(base.evaluator().kept_sets() > lets + 3);
}
