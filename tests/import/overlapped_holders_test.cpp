// One structure and one holders export are imported at once, on two threads
// (resolve/loader.cpp): what loading gives must be what importing them in turn gives.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "resolve/loader.hpp"
#include "source/diagnostic.hpp"
#include "source/source.hpp"
#include "tests/support/declared_people.hpp"
#include "tests/support/loaded_inputs.hpp"
#include "tests/support/temp_dir.hpp"

using namespace remit;

namespace {

struct Loaded : test::LoadedInputs {
  using LoadedInputs::LoadedInputs;

  // Every message, unsorted, in the order reported: file, position, severity, text, notes.
  [[nodiscard]] std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all()) {
      std::string line = sources.where(d.where) + " " +
                         std::to_string(static_cast<int>(d.severity)) + " " + d.message;
      for (const Note& n : d.notes) line += " | " + sources.where(n.where) + " " + n.message;
      out.push_back(line);
    }
    return out;
  }

  // Every person with the file, line and text of each holding and qualification.
  [[nodiscard]] std::vector<std::string> people() const {
    std::vector<std::string> out;
    for (const test::DeclaredPerson& p : test::declared_people(program)) {
      std::string line = std::string(p.id.text) + " (" + std::string(p.name) + ") at " +
                         sources.where(p.id.where) + ":";
      for (const ast::Holding& h : p.holds) {
        line += " holds " + std::string(h.post.text) + " " + std::string(ast::name(h.kind)) +
                " at " + sources.where(h.post.where);
      }
      for (const ast::Name& q : p.qualifications) {
        line += " qualified " + std::string(q.text) + " at " + sources.where(q.where);
      }
      out.push_back(line);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("a structure and a holders file read at once load as read in turn", "[csv][holders]") {
  test::TempDir dir;
  const auto structure = dir.write("structure.csv",
                                   "id,title,reports_to\n"
                                   "1,Chief Executive,\n"
                                   "2,Director,1\n"
                                   "3,Head,2,extra\n"  // a field too many
                                   "4,Officer,3\n");
  const auto holders = dir.write("holders.csv",
                                 "person,post_id,qualifications,kind\n"
                                 "ann,1,qualified_accountant,\n"
                                 "bob,2,,interim\n"
                                 ",3,,\n"  // no person
                                 "ann,4,solicitor,\n"
                                 "bob,2,,interim\n"   // a repeat: a warning
                                 "cy,4,,sometimes\n"  // not a kind
                                 "bob,3,,acting\n");
  // Read in turn: a second holders file (a header only, nothing in it) takes the usual path.
  const auto empty = dir.write("empty.csv", "person,post_id\n");
  Inputs inputs;
  // A person of the policy comes first, so the file's people are added after one with a
  // qualification already in the arena.
  inputs.texts.push_back({"policy.remit", "person pol \"Pol\" { qualified auditor }\n"});
  inputs.structures = {structure};
  inputs.holders = {holders};
  Loaded at_once(inputs);
  inputs.holders = {holders, empty};
  Loaded in_turn(inputs);

  CHECK_FALSE(at_once.ok);
  REQUIRE(test::declared_people(at_once.program).size() == 3);
  CHECK(test::declared_people(at_once.program)[0].id.text == "pol");
  CHECK(test::declared_people(at_once.program)[1].id.text == "ann");
  const std::vector<std::string> messages = at_once.messages();
  REQUIRE(messages.size() == 4);
  CHECK(messages[0].find("structure.csv:4") != std::string::npos);
  CHECK(messages[1].find("holders.csv:4") != std::string::npos);
  CHECK(messages[2].find("holders.csv:6") != std::string::npos);
  CHECK(messages[2].find("the earlier row") != std::string::npos);
  CHECK(at_once.messages() == in_turn.messages());
  CHECK(at_once.people() == in_turn.people());
  CHECK(at_once.sources.size() + 1 == in_turn.sources.size());
  CHECK(at_once.program.posts.size() == in_turn.program.posts.size());
}

TEST_CASE("a holders file that is read in its turn anyway loads the same", "[csv][holders]") {
  test::TempDir dir;
  const auto structure = dir.write("structure.csv", "id,title,reports_to\n1,Chief Executive,\n");
  SECTION("the structure cannot be read: the holders are still read") {
    const auto holders = dir.write("holders.csv", "person,post_id\nann,1\n");
    Inputs inputs;
    inputs.structures = {dir / "missing.csv"};
    inputs.holders = {holders};
    Loaded loaded(inputs);
    CHECK_FALSE(loaded.ok);
    CHECK(test::declared_people(loaded.program).size() == 1);
    REQUIRE(loaded.messages().size() == 1);
    CHECK(loaded.messages()[0].find("missing.csv") != std::string::npos);
  }
  SECTION("the holders file is not UTF-8: its warning comes after the structure's messages") {
    const auto holders = dir.write("holders.csv", "person,post_id\nJos\xe9,1\n");
    Inputs inputs;
    inputs.structures = {structure};
    inputs.holders = {holders};
    Loaded loaded(inputs);
    CHECK(loaded.ok);
    REQUIRE(test::declared_people(loaded.program).size() == 1);
    CHECK(test::declared_people(loaded.program)[0].id.text == "Jos\xc3\xa9");
    REQUIRE(loaded.messages().size() == 1);
    CHECK(loaded.messages()[0].find("Windows-1252") != std::string::npos);
  }
  SECTION("the same file named twice is read once") {
    Inputs inputs;
    inputs.structures = {structure};
    inputs.holders = {structure};
    Loaded loaded(inputs);
    CHECK(loaded.sources.size() > 0);
    CHECK(test::declared_people(loaded.program).empty());
    CHECK(loaded.program.posts.size() == 1);
  }
}
