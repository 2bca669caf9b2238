// Golden end-to-end tests: the example policies reproduce the documents they came from (the
// published list is kept in tests/data/seeds/), and bench/spec.remit computes exactly the shared
// benchmark's reference outputs (../shared/bench/: skipped when it is not there).
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "evaluate/rules.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/shared_data.hpp"

namespace fs = std::filesystem;
using remit::test::load_files;

namespace {

using remit::test::project_dir;
using remit::test::shared_dir_or_skip;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  INFO(path);
  REQUIRE(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

// One published row: category number, title, service, directorate.
using Row = std::tuple<std::uint32_t, std::string, std::string, std::string>;

// Reads a published list: a heading "Category One - …" (tab-separated extras after it) starts
// each category; each row under it is title<TAB>service<TAB>directorate.
std::vector<Row> read_published_list(const fs::path& path) {
  static const std::map<std::string, std::uint32_t> numbers{{"One", 1},   {"Two", 2},  {"Three", 3},
                                                            {"Four", 4},  {"Five", 5}, {"Six", 6},
                                                            {"Seven", 7}, {"Eight", 8}};
  std::vector<Row> rows;
  std::uint32_t category = 0;
  for (std::string line : split(read_text(path), '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line.starts_with("Category ")) {
      const std::string word = line.substr(9, line.find(' ', 9) - 9);
      INFO(line);
      REQUIRE(numbers.count(word) == 1);
      category = numbers.at(word);
      continue;
    }
    if (category == 0) continue;  // the document's title
    std::vector<std::string> fields = split(line, '\t');
    INFO(line);
    REQUIRE(fields.size() >= 2);
    fields.resize(3);  // a row may end before its directorate
    rows.emplace_back(category, fields[0], fields[1], fields[2]);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::vector<Row> derived_rows(const remit::test::LoadedPolicy& p) {
  std::vector<Row> rows;
  const auto& org = p.run->resolved().organisation;
  for (const remit::ListedPost& lp : p.run->restricted_posts()) {
    const auto post = p.post(org.units[lp.unit].id());
    REQUIRE(post.has_value());
    rows.emplace_back(p.run->program().categories[lp.category].number, post->title, post->service,
                      post->directorate);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// `id,category` for every restricted post, ascending by numeric id: SPEC.md's categories.csv.
std::string categories_csv(const remit::test::LoadedPolicy& p) {
  std::vector<std::pair<unsigned long long, std::uint32_t>> rows;
  const auto& org = p.run->resolved().organisation;
  for (const remit::ListedPost& lp : p.run->restricted_posts()) {
    rows.emplace_back(std::stoull(std::string(org.units[lp.unit].id())),
                      p.run->program().categories[lp.category].number);
  }
  std::sort(rows.begin(), rows.end());
  std::string out;
  for (const auto& [id, category] : rows) {
    out += std::to_string(id) + "," + std::to_string(category) + "\n";
  }
  return out;
}

remit::test::LoadedPolicy derive_bench(const fs::path& structure, const fs::path& holders = {}) {
  remit::Inputs in;
  in.policies.push_back(project_dir / "bench" / "spec.remit");
  in.structures.push_back(structure);
  if (!holders.empty()) in.holders.push_back(holders);
  auto p = load_files(in);
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  return p;
}

std::uint32_t category_of(const remit::test::LoadedPolicy& p, std::string_view id) {
  for (const auto& [category, post] : p.restricted()) {
    if (post == id) return category;
  }
  return 0;  // not restricted
}

}  // namespace

TEST_CASE("council-000 derives exactly its published list", "[policies][golden]") {
  const std::vector<Row> published =
      read_published_list(remit::test::test_data_dir / "seeds" / "000_a5eaf04f0a01e7e5.txt");
  REQUIRE(published.size() == 52);

  remit::Inputs in;
  in.policies.push_back(project_dir / "policies" / "council-000");
  auto p = load_files(in);
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  const std::vector<Row> derived = derived_rows(p);

  // Report each difference on its own before comparing the whole.
  for (const Row& r : published) {
    INFO("published: category " << std::get<0>(r) << ", " << std::get<1>(r) << " | "
                                << std::get<2>(r) << " | " << std::get<3>(r));
    CHECK(std::count(derived.begin(), derived.end(), r) ==
          std::count(published.begin(), published.end(), r));
  }
  CHECK(derived.size() == published.size());
  CHECK(derived == published);
}

TEST_CASE("council-000 breaks no statutory officer rule", "[policies][golden]") {
  remit::Inputs in;
  in.policies.push_back(project_dir / "policies" / "council-000");
  auto p = load_files(in);
  REQUIRE(p.ok);
  CHECK(p.run->breaches().empty());
}

TEST_CASE("cambridgeshire: the statutory officers' categories", "[policies][golden]") {
  remit::Inputs in;
  in.policies.push_back(project_dir / "policies" / "cambridgeshire");
  auto p = load_files(in);
  INFO(p.diagnostics());
  REQUIRE(p.ok);

  CHECK(category_of(p, "ceo") == 1);
  for (const char* id : {"ed_fr", "ed_cef", "ed_ahc", "dph"}) {
    INFO(id);
    CHECK(category_of(p, id) == 2);
  }
  CHECK(category_of(p, "sd_legal") == 5);
  CHECK(category_of(p, "ed_ps") == 3);
  CHECK(category_of(p, "ed_sp") == 3);

  SECTION("heads reporting only to the Monitoring Officer are not restricted") {
    // sd_legal is the Monitoring Officer, not a chief officer (LGHA 1989 s.2(8)).
    const auto& org = p.run->resolved().organisation;
    remit::ast::UnitIndex mo = 0;
    while (mo < org.units.size() && org.units[mo].id() != "sd_legal") ++mo;
    REQUIRE(mo < org.units.size());
    std::vector<std::string> under_mo;
    org.lines.for_each_into(mo, [&](remit::LineId, const remit::Line& l) {
      if (l.carries_duties()) under_mo.emplace_back(org.units[l.from].id());
    });
    REQUIRE(under_mo.size() == 4);
    for (const std::string& id : under_mo) {
      INFO(id);
      bool other_lines = false;
      for (const remit::Line& l : org.lines.from(*org.find_unit(id))) other_lines |= l.to != mo;
      CHECK_FALSE(other_lines);
      CHECK(category_of(p, id) == 0);
    }
  }
  SECTION("each post is listed once, under the first category of the precedence") {
    const auto listing = p.restricted();
    std::vector<std::string> ids;
    for (const auto& [category, id] : listing) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    // The Monitoring Officer also reports to a chief officer (category 4), but is listed in 5.
    const auto all = p.restricted(true);
    CHECK(std::count(all.begin(), all.end(), remit::test::Listed{4, "sd_legal"}) == 1);
  }
}

TEST_CASE("bench/spec.remit on the fixture gives the reference categories",
          "[policies][golden][bench]") {
  const auto shared_dir = shared_dir_or_skip("the benchmark fixture's reference categories");
  if (!shared_dir) return;
  auto p = derive_bench(*shared_dir / "bench" / "fixture" / "structure.csv");
  CHECK(categories_csv(p) ==
        read_text(*shared_dir / "bench" / "fixture" / "expected" / "categories.csv"));
}

TEST_CASE(
    "bench/spec.remit on the generated 1,000-post workload gives the reference categories and "
    "violations",
    "[policies][golden][bench]") {
  const auto shared_dir = shared_dir_or_skip("the benchmark's generator and reference answers");
  if (!shared_dir) return;
  if (std::system("python3 --version > /dev/null 2>&1") != 0) {
    std::cout << remit::test::skip_marker << " python3 is not available to generate the workload\n";
    return;
  }
  const fs::path out =
      fs::temp_directory_path() / ("remit_seed_policies_test_1000" + std::to_string(::getpid()));
  fs::remove_all(out);
  fs::create_directories(out);
  const std::string command = "python3 '" + (*shared_dir / "bench" / "gen_org.py").string() +
                              "' --posts 1000 --seed 42 --out '" + out.string() + "' > /dev/null";
  INFO(command);
  REQUIRE(std::system(command.c_str()) == 0);

  auto p = derive_bench(out / "structure.csv", out / "holders.csv");
  CHECK(p.run->resolved().organisation.units.size() == 1000);
  CHECK(categories_csv(p) ==
        read_text(*shared_dir / "bench" / "expected-1000-seed42" / "categories.csv"));
  // SPEC.md's violations: (person, monitoring_officer, B), deduplicated, in byte order.
  std::set<std::pair<std::string, std::string>> violations;
  const auto& org = p.run->resolved().organisation;
  for (const remit::IncompatibilityBreach& b : p.run->breaches().incompatibilities) {
    violations.emplace(std::string(org.id_of(b.person)),
                       std::string(p.run->program().incompatibilities[b.rule].second.text));
  }
  std::string text;
  for (const auto& [person, role] : violations)
    text += person + ",monitoring_officer," + role + "\n";
  CHECK(text == read_text(*shared_dir / "bench" / "expected-1000-seed42" / "violations.csv"));
  fs::remove_all(out);
}
