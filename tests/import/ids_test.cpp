// Any id an HR export holds can be written in a policy: ids of letters, digits, `_`, `-`, `/`
// and `.` as they are (`E-1042`, `HR/12`, `007`, `cnes-ce`), any other in single quotes
// ('HR 12', with \' and \\). Ids from policies, CSVs and the command line are compared after
// Unicode NFC normalisation, and a near miss that differs only in letter case, a no-break space
// or a typographic dash gets a did-you-mean that says so.
#include <catch2/catch.hpp>
#include <string>
#include <tao/pegtl.hpp>
#include <vector>

#include "grammar/parser.hpp"
#include "grammar/rules.hpp"
#include "remit/remit.hpp"
#include "resolve/id_index.hpp"
#include "resolve/id_text.hpp"
#include "resolve/organisation.hpp"
#include "resolve/suggest.hpp"
#include "tests/explain/cli_golden.hpp"
#include "tests/support/policy_fixture.hpp"

using Catch::Matchers::Contains;
using remit::test::first_line;
using remit::test::Ids;
using remit::test::load_files;
using remit::test::load_text;
using remit::test::run_cli;
using remit::test::TempDir;

namespace {

// How much of `text` the unquoted-id rule takes.
std::size_t unquoted_length(const std::string& text) {
  tao::pegtl::memory_input<> in(text, "");
  if (!tao::pegtl::parse<remit::grammar::unquoted_id>(in)) return 0;
  return text.size() - in.size();
}

const std::string head = R"(use "uk/lgha1989"
use "uk/statutory_officers"
body council "Full Council"
)";

// "é" composed (U+00E9) and as e + U+0301; "ŵ" composed and as w + U+0302.
const std::string cafe_composed = "caf\xc3\xa9";
const std::string cafe_decomposed = "cafe\xcc\x81";

// An HR export with ids a policy must be able to name.
const std::string structure_csv =
    "id,title,service,directorate,reports_to,designations,flags\n"
    "ceo,Chief Executive,,,council,head_of_paid_service,\n"
    "tra-ch-comm,Director of Communities,Communities,Place,ceo,,\n"
    "tra-cdp,Community Development Manager,Communities,Place,ceo,,\n"
    "cnes-ce,Head of Law,Legal,Resources,ceo,monitoring_officer,\n"
    "HR/12,HR Adviser,HR,Resources,ceo,,\n"
    "HR 12,HR Officer,HR,Resources,ceo,,\n"
    "007,Finance Director,Finance,Resources,ceo,section_151_officer,\n"
    "O'Neil.x,Adviser,Policy,Resources,ceo,,\n" +
    cafe_composed + ",Catering Manager,Catering,Place,ceo,,\n";

}  // namespace

TEST_CASE("ids of letters, digits, _, -, / and . need no quotes", "[grammar][ids]") {
  auto p = load_text(head + R"(
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post E-1042 "Director of Place" { reports to ceo }
post HR/12 "HR Adviser" { reports to E-1042 }
post 007 "Head of Law" { reports to E-1042 designated monitoring_officer }
post cnes-ce "Clerk" { reports to 007, HR/12 holder p-1 }
post a.b.c "Dotted" { reports to cnes-ce 60%, HR/12 40% }
post _x-/ "Odd" { reports to a.b.c 33.33%, 007 66.67% }
person p-1 "Pat One" { holds E-1042 }
person 12/b.c "Sam Two" { holds interim a.b.c }
let s = E-1042 or HR/12 or 007 or a.b.c
let below = reports to E-1042 and not cnes-ce
)");
  REQUIRE(p.ok);
  CHECK(p.diagnostics().empty());
  CHECK(p.set("s") == Ids{"007", "E-1042", "HR/12", "a.b.c"});
  CHECK(p.set("below") == Ids{"007", "HR/12", "_x-/", "a.b.c"});
  // Shares after such ids are read as shares.
  const auto& program = p.run->program();
  std::vector<std::uint32_t> shares;
  for (const auto& l : program.post_lines) shares.push_back(l.basis_points.value_or(0));
  CHECK(shares == std::vector<std::uint32_t>{0, 0, 0, 0, 0, 0, 6000, 4000, 3333, 6667});
}

TEST_CASE("an id's final full stops are not part of it", "[grammar][ids]") {
  CHECK(unquoted_length("ceo.") == 3);
  CHECK(unquoted_length("ceo. More") == 3);
  CHECK(unquoted_length("a.b.c") == 5);
  CHECK(unquoted_length("a..b") == 4);
  CHECK(unquoted_length("E-1042,") == 6);
  CHECK(unquoted_length("HR/12 60%") == 5);
  CHECK(unquoted_length("-x") == 0);
  CHECK(unquoted_length(".x") == 0);
  CHECK(unquoted_length("r\xc5\xb5") == 1);  // letters outside A-Z need quotes
}

TEST_CASE("a word of the language blocks an id only when it is the whole id", "[grammar][ids]") {
  auto p = load_text(head + R"(
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post no-show "No Show" { reports to ceo }
post in-house "In House" { reports to no-show }
post not.x "Not X" { reports to in-house }
post to-do "To Do" { reports to not.x }
post and/or "And Or" { reports to to-do }
let s = no-show or in-house or not.x and not to-do
let t = not no-show and reports to in-house
let u = and/or
forbid "no no-show" { no-show and vacant }
require "some in-house" { some in-house has holder cite "x" }
scenario "s" { move and/or to report to no-show }
)");
  REQUIRE(p.ok);
  CHECK(p.diagnostics().empty());
  CHECK(p.set("s") == Ids{"in-house", "no-show", "not.x"});
  CHECK(p.set("t") == Ids{"and/or", "not.x", "to-do"});
  CHECK(p.set("u") == Ids{"and/or"});

  auto bad = load_text(head + "post no \"No\"\n");
  CHECK_FALSE(bad.ok);
  CHECK_THAT(first_line(bad.diagnostics()), Contains("test.remit:4:6: error: expected a post id"));
}

TEST_CASE("any other id is written in single quotes, with escapes for the quote and backslash",
          "[grammar][ids]") {
  auto p = load_text(head + R"remit(
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post 'HR 12' "HR Officer" { reports to ceo }
post 'O\'Neil' "Adviser" { reports to 'HR 12' }
post 'a\\b' "Backslash" { reports to 'O\'Neil' holder 'Pat Smith' }
post 'vacant' "Vacant, the id" { reports to ceo }
post 'r)" w' "Odd" { reports to 'a\\b' }
post 'cnes-ce' "Quoted though it need not be" { reports to ceo }
person 'Pat Smith' "Pat Smith" { holds 'HR 12' }
let s = 'HR 12' or 'O\'Neil' or 'a\\b' or 'vacant' or cnes-ce
let t = reports to 'HR 12'
)remit");
  REQUIRE(p.ok);
  CHECK(p.set("s") == Ids{"HR 12", "O'Neil", "a\\b", "cnes-ce", "vacant"});
  CHECK(p.set("t") == Ids{"O'Neil", "a\\b", "r)\" w"});
  const remit::Organisation& org = p.run->resolved().organisation;
  REQUIRE(org.find_person("Pat Smith"));
  CHECK(org.holdings.size() == 2);
}

TEST_CASE("an id in quotes must be closed on its line and cannot be empty", "[grammar][ids]") {
  auto p = load_text(head + "post ceo \"Chief Executive\" { reports to 'council }\n");
  CHECK_FALSE(p.ok);
  CHECK(first_line(p.diagnostics()) ==
        "test.remit:4:51: error: expected ' to close the id in quotes (an id in quotes ends on "
        "the line it starts; inside it, write \\' for ' and \\\\ for \\)");

  auto escape = load_text(head + "post 'a\\b' \"A\"\n");
  CHECK(first_line(escape.diagnostics()) ==
        "test.remit:4:8: error: expected ' to close the id in quotes (an id in quotes ends on the "
        "line it starts; inside it, write \\' for ' and \\\\ for \\)");

  auto empty = load_text(head + "post '' \"A\"\n");
  CHECK(first_line(empty.diagnostics()) ==
        "test.remit:4:6: error: an id cannot be empty: write it between the quotes");

  // Recovery: a brace inside the broken id does not hide the statements after it.
  auto recovered = load_text(head + "post 'x { \"X\"\n  post y \"Y\" { bogus }\n");
  CHECK_THAT(recovered.diagnostics(), Contains("test.remit:4:") && Contains("test.remit:5:"));

  TempDir dir;
  dir.write("bad.remit", head + "let s = 'HR 12\n");
  auto r = run_cli({"derive", "bad.remit"}, dir.path());
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("bad.remit:4:15: error: expected ' to close the id in quotes"));
}

TEST_CASE("ids from a CSV are named in a policy, quoted or not, and in a scenario",
          "[import][ids]") {
  TempDir dir;
  dir.write("structure.csv", structure_csv);
  remit::Inputs in;
  in.structures.push_back(dir / "structure.csv");
  in.texts.push_back({"org.remit", head + R"(
post extra "Extra" { reports to 'HR 12' }
let s = tra-cdp or HR/12 or 'HR 12' or 007 or 'O\'Neil.x'
scenario "move" {
  move tra-cdp to report to tra-ch-comm
  designate tra-cdp as monitoring_officer
  move 'HR 12' to report to HR/12
}
)"});
  auto p = load_files(in);
  REQUIRE(p.ok);
  CHECK(p.diagnostics().empty());
  CHECK(p.set("s") == Ids{"007", "HR 12", "HR/12", "O'Neil.x", "tra-cdp"});
  const auto& scenario = p.run->program().scenarios.at(0);
  auto variant = p.run->apply(scenario);
  REQUIRE(variant);
  const remit::Organisation& after = variant->resolved().organisation;
  const auto cdp = after.find_unit("tra-cdp");
  REQUIRE(cdp);
  const auto ups = after.lines.from(*cdp);
  REQUIRE(ups.size() == 1);
  CHECK(after.units[ups[0].to].id() == "tra-ch-comm");
}

TEST_CASE("command-line edits take HR ids as typed", "[whatif][ids]") {
  TempDir dir;
  dir.write("structure.csv", structure_csv);
  dir.write("council.remit", head);
  auto r = run_cli(
      {"whatif", "council.remit", "--structure", "structure.csv", "--move", "tra-cdp=tra-ch-comm",
       "--move", "HR 12=HR/12 60%, 007 40%", "--designate", "cnes-ce=section_151_officer"},
      dir.path());
  CHECK(r.err.empty());
  CHECK(r.status <= 1);

  auto bad =
      run_cli({"whatif", "council.remit", "--structure", "structure.csv", "--move", "CNES-CE=ceo"},
              dir.path());
  CHECK(bad.status == 2);
  CHECK_THAT(
      bad.err,
      Contains("no post 'CNES-CE' (did you mean 'cnes-ce'? it differs only in letter case)"));
}

TEST_CASE("ids are compared after NFC normalisation", "[import][ids]") {
  TempDir dir;
  dir.write("structure.csv", structure_csv);
  dir.write("holders.csv", "person,post_id\n" + cafe_composed + "-p," + cafe_composed + "\n");
  SECTION("a decomposed id in a policy names the CSV's composed one") {
    remit::Inputs in;
    in.structures.push_back(dir / "structure.csv");
    in.holders.push_back(dir / "holders.csv");
    in.texts.push_back({"org.remit", head + "let s = '" + cafe_decomposed +
                                         "'\n"
                                         "post extra \"Extra\" { reports to '" +
                                         cafe_decomposed + "' holder '" + cafe_decomposed +
                                         "-p' }\n"});
    auto p = load_files(in);
    REQUIRE(p.ok);
    CHECK(p.set("s") == Ids{cafe_composed});
    const remit::Organisation& org = p.run->resolved().organisation;
    CHECK(org.find_unit(cafe_decomposed) == org.find_unit(cafe_composed));
    CHECK(org.find_person(cafe_decomposed + "-p") == org.find_person(cafe_composed + "-p"));
    CHECK(org.people.size() == 1);
  }
  SECTION("declaring the decomposed id again is a second use of the id") {
    remit::Inputs in;
    in.structures.push_back(dir / "structure.csv");
    in.texts.push_back({"org.remit", head + "post '" + cafe_decomposed + "' \"Again\"\n"});
    auto p = load_files(in);
    CHECK_FALSE(p.ok);
    CHECK_THAT(p.diagnostics(), Contains("is used twice"));
  }
  SECTION("from the command line") {
    dir.write("council.remit", head);
    auto r = run_cli({"whatif", "council.remit", "--structure", "structure.csv", "--move",
                      cafe_decomposed + "=tra-cdp"},
                     dir.path());
    CHECK(r.err.empty());
    CHECK(r.status <= 1);
  }
}

TEST_CASE("id index: ids equal after NFC are one id, ASCII ids are never copied",
          "[resolve][index][ids]") {
  std::vector<std::string> ids{cafe_composed,
                               "r\xc5\xb5"
                               "d",
                               "ceo"};
  remit::IdIndex index;
  auto id_of = [&](std::uint32_t i) { return std::string_view(ids[i]); };
  for (std::uint32_t i = 0; i < ids.size(); ++i) CHECK_FALSE(index.insert(ids[i], i, id_of));
  CHECK(index.find(cafe_decomposed, id_of) == 0u);
  CHECK(index.find("rw\xcc\x82"
                   "d",
                   id_of) == 1u);
  CHECK(index.insert(cafe_decomposed, 3, id_of) == 0u);
  CHECK_FALSE(index.find("CEO", id_of));  // case-sensitive

  std::string scratch;
  const std::string_view ascii = "tra-cdp";
  CHECK(remit::nfc(ascii, scratch).data() == ascii.data());
  CHECK(remit::nfc(cafe_composed, scratch).data() == cafe_composed.data());
  CHECK(remit::nfc(cafe_decomposed, scratch) == cafe_composed);
  CHECK(remit::same_id(cafe_decomposed, cafe_composed));
  CHECK_FALSE(remit::same_id("Ceo", "ceo"));
}

TEST_CASE("did you mean says what differs in a look-alike id", "[resolve][suggest][ids]") {
  using remit::look_alike_difference;
  CHECK(look_alike_difference("CNES-CE", "cnes-ce") == "it differs only in letter case");
  CHECK(look_alike_difference("cnes\xc2\xa0"
                              "ce",
                              "cnes ce") == "they differ only in a no-break space after 'cnes'");
  CHECK(look_alike_difference("cnes ce",
                              "cnes\xe2\x80\xaf"
                              "ce") == "they differ only in a narrow no-break space after 'cnes'");
  CHECK(look_alike_difference("a\xe2\x80\x87"
                              "b",
                              "a b") == "they differ only in a figure space after 'a'");
  CHECK(look_alike_difference("cnes\xe2\x80\x93"
                              "ce",
                              "cnes-ce") ==
        "they differ only in an en dash (\xe2\x80\x93) after 'cnes'");
  CHECK(look_alike_difference("O\xe2\x80\x99Neil", "o'neil") ==
        "they differ only in letter case and a typographic apostrophe (\xe2\x80\x99) after 'o'");
  // A decomposed accent is no difference (NFC), but letter case still is.
  CHECK(look_alike_difference("CAFE\xcc\x81", cafe_composed) == "it differs only in letter case");
  CHECK(look_alike_difference("\xe2\x80\x93x", "-x") ==
        "they differ only in an en dash (\xe2\x80\x93) at the start");
  CHECK_FALSE(look_alike_difference("cnes-cf", "cnes-ce"));
  CHECK_FALSE(look_alike_difference("cnes-ce", "cnes-ce"));
  CHECK_FALSE(look_alike_difference("cnes ce", "cnes-ce"));

  const std::vector<std::string_view> known{"ceo", "cnes-ce", "cnes ce"};
  remit::Suggester suggester(known);
  CHECK(suggester.did_you_mean("CNES-CE") ==
        " (did you mean 'cnes-ce'? it differs only in letter case)");
  CHECK(suggester.did_you_mean("cnes\xc2\xa0"
                               "ce") ==
        " (did you mean 'cnes ce'? they differ only in a no-break space after 'cnes')");
  CHECK(suggester.did_you_mean("ceoo") == " (did you mean 'ceo'?)");
  CHECK(remit::did_you_mean("CEO", known) ==
        " (did you mean 'ceo'? it differs only in letter case)");
}

TEST_CASE("an unknown id that only looks like a CSV id gets a hint that says why",
          "[import][ids]") {
  TempDir dir;
  dir.write("structure.csv", structure_csv);
  remit::Inputs in;
  in.structures.push_back(dir / "structure.csv");
  in.texts.push_back({"org.remit", head + "let s = 'HR\xc2\xa0"
                                          "12' or CNES-CE\n"
                                          "post extra \"Extra\" { reports to 'cnes\xe2\x80\x93"
                                          "ce' }\n"
                                          "scenario \"s\" { remove post TRA-CDP }\n"});
  auto p = load_files(in);
  CHECK_FALSE(p.ok);
  const std::string d = p.diagnostics();
  CHECK_THAT(d, Contains("unknown name 'HR\xc2\xa0"
                         "12': not a set defined with 'let', a post or "
                         "a body (did you mean 'HR 12'? they differ only in a no-break space "
                         "after 'HR')"));
  CHECK_THAT(d, Contains("(did you mean 'cnes-ce'? it differs only in letter case)"));
  CHECK_THAT(d, Contains("(did you mean 'cnes-ce'? they differ only in an en dash"));
  CHECK_THAT(d, Contains("no post 'TRA-CDP' (did you mean 'tra-cdp'? it differs only in letter "
                         "case)"));
}

TEST_CASE("CSV ids with list separators are still refused", "[import][ids]") {
  TempDir dir;
  dir.write("structure.csv",
            "id,title,service,directorate,reports_to,designations,flags\n"
            "ceo,Chief Executive,,,council,head_of_paid_service,\n"
            "\"a,b\",Odd,,,ceo,,\n");
  remit::Inputs in;
  in.structures.push_back(dir / "structure.csv");
  in.texts.push_back({"org.remit", head});
  auto p = load_files(in);
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diagnostics(), Contains("contains `,`"));
}

TEST_CASE("an id with a letter outside A-Z is written in quotes, and the error says so",
          "[grammar][ids]") {
  auto p = load_text(head +
                     "post r\xc5\xb5"
                     "d-1 \"Cyfarwyddwr\"\n");
  CHECK_FALSE(p.ok);
  CHECK(first_line(p.diagnostics()) ==
        "test.remit:4:6: error: an id with characters other than letters A-Z, digits, _, -, / "
        "and . is written in single quotes: 'r\xc5\xb5"
        "d-1'");
  auto quoted = load_text(head +
                          "post 'r\xc5\xb5"
                          "d-1' \"Cyfarwyddwr\" { reports to council }\n"
                          "let s = 'r\xc5\xb5"
                          "d-1'\n");
  REQUIRE(quoted.ok);
  CHECK(quoted.set("s") == Ids{"r\xc5\xb5"
                               "d-1"});
}

TEST_CASE("messages show an id as a policy writes it", "[grammar][ids]") {
  CHECK(remit::id_as_written("E-1042") == "E-1042");
  CHECK(remit::id_as_written("HR 12") == "'HR 12'");
  CHECK(remit::id_as_written("O'Neil\\x") == "'O\\'Neil\\\\x'");
  CHECK(remit::id_as_written("vacant") == "'vacant'");
  CHECK(remit::id_as_written("no-show") == "no-show");
  CHECK(remit::id_as_written("x.") == "'x.'");
  auto p = load_text(head + "post ceo \"Chief Executive\" { reports to council holder 'Pat S' }\n");
  CHECK_THAT(p.diagnostics(), Contains("unknown person 'Pat S'; declare it with 'person 'Pat S' "
                                       "\"Name\"'"));
}
