// Resolution (interpreter/resolve/resolver.cpp) and the reporting-cycle check
// (interpreter/graph/cycles.cpp): every name must point at something, and every mistake is
// reported at the place it was made, with a suggestion or a note where one helps.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/policy_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using remit::test::first_line;
using remit::test::Listing;
using remit::test::load_text;

namespace {

// Loads `text`, expects it to be refused, and returns the whole of what remit reported.
std::string errors_of(const std::string& text) {
  auto p = load_text(text);
  CHECK_FALSE(p.ok);
  return p.diagnostics();
}

// The first line of errors_of(text): "test.remit:L:C: error: …".
std::string error_of(const std::string& text) {
  return first_line(errors_of(text));
}

}  // namespace

TEST_CASE("an unknown post in `reports to` is reported with a suggestion", "[resolve]") {
  SECTION("a near miss suggests the id") {
    CHECK(error_of("post ceo \"CEO\"\npost a \"A\" { reports to cep }") ==
          "test.remit:2:25: error: a reports to 'cep', which is not a post or body (did you "
          "mean 'ceo'?)");
  }
  SECTION("nothing close: no suggestion") {
    CHECK(error_of("post ceo \"CEO\"\npost a \"A\" { reports to treasurer }") ==
          "test.remit:2:25: error: a reports to 'treasurer', which is not a post or body");
  }
  SECTION("accountable and dotted lines say what kind of line it is") {
    CHECK(error_of("post ceo \"CEO\"\npost a \"A\" { accountable to cep }") ==
          "test.remit:2:29: error: a is accountable to 'cep', which is not a post or body (did "
          "you mean 'ceo'?)");
    CHECK(error_of("post ceo \"CEO\"\npost a \"A\" { dotted to cep }") ==
          "test.remit:2:24: error: a has a dotted line to 'cep', which is not a post or body "
          "(did you mean 'ceo'?)");
  }
  SECTION("a body is a valid target") {
    auto p = load_text("body council \"Council\"\npost ceo \"CEO\" { reports to council }");
    CHECK(p.ok);
  }
}

TEST_CASE("every unknown name is reported, not only the first", "[resolve]") {
  const std::string text = errors_of(
      "post ceo \"CEO\"\n"
      "post a \"A\" { reports to cep }\n"
      "post b \"B\" { reports to ceoo }\n");
  CHECK_THAT(text, Contains("test.remit:2:25: error: a reports to 'cep'"));
  CHECK_THAT(text, Contains("test.remit:3:25: error: b reports to 'ceoo'"));
  CHECK_THAT(text, Contains("2 errors generated."));
}

TEST_CASE("a duplicate post id is reported with the first use", "[resolve]") {
  CHECK(errors_of("post a \"A\"\npost a \"B\"\n") ==
        "test.remit:2:6: error: the id 'a' is used twice\n"
        "  post a \"B\"\n"
        "       ^\n"
        "test.remit:1:6: note: first used here\n"
        "  post a \"A\"\n"
        "       ^\n"
        "1 error generated.\n");
}

TEST_CASE("a post and a body cannot share an id", "[resolve]") {
  const std::string text = errors_of("body council \"Council\"\npost council \"Clerk\"\n");
  CHECK_THAT(text, StartsWith("test.remit:2:6: error: the id 'council' is used twice"));
  CHECK_THAT(text, Contains("test.remit:1:1: note: first used here"));
}

TEST_CASE("a post reporting to itself is refused", "[resolve]") {
  CHECK(error_of("post a \"A\" { reports to a }") ==
        "test.remit:1:25: error: post 'a' reports to itself");
  CHECK(error_of("post a \"A\" { accountable to a }") ==
        "test.remit:1:29: error: post 'a' is accountable to itself");
}

TEST_CASE("a reporting cycle of 3 posts names all three", "[resolve][cycles]") {
  const std::string text = errors_of(
      "post a \"A\" { reports to c }\n"
      "post b \"B\" { reports to a }\n"
      "post c \"C\" { reports to b }\n");
  const std::string first = first_line(text);
  CHECK_THAT(first, StartsWith("test.remit:1:25: error: reporting cycle of 3 posts: "));
  CHECK_THAT(first, Contains("a -> c -> b -> a"));
  // One note per line on the cycle, each where that line is written.
  CHECK_THAT(text, Contains("test.remit:1:25: note: a reports to c here"));
  CHECK_THAT(text, Contains("test.remit:3:25: note: c reports to b here"));
  CHECK_THAT(text, Contains("test.remit:2:25: note: b reports to a here"));
  CHECK_THAT(text, Contains("1 error generated."));
}

TEST_CASE("an accountable line closes a cycle - a dotted line does not", "[resolve][cycles]") {
  CHECK_THAT(error_of("post a \"A\" { accountable to b }\npost b \"B\" { reports to a }"),
             Contains("reporting cycle of 2 posts: a -> b -> a"));
  auto p = load_text("post a \"A\" { reports to b }\npost b \"B\" { dotted to a }");
  INFO(p.diagnostics());
  CHECK(p.ok);
}

TEST_CASE("a cycle with posts hanging off it counts only the loop", "[resolve][cycles]") {
  const std::string text = errors_of(
      "post a \"A\" { reports to b }\n"
      "post b \"B\" { reports to a }\n"
      "post c \"C\" { reports to a }\n"
      "post d \"D\" { reports to c }\n");
  CHECK_THAT(text, Contains("reporting cycle of 2 posts"));
  CHECK_THAT(text, !Contains("c reports to"));
  CHECK_THAT(text, !Contains("d reports to"));
}

TEST_CASE("unknown designations and duties are reported with a suggestion", "[resolve]") {
  SECTION("designation") {
    CHECK(error_of("use \"uk/roles\"\npost a \"A\" { designated head_of_paid_servise }") ==
          "test.remit:2:25: error: unknown designation 'head_of_paid_servise' (did you mean "
          "'head_of_paid_service'?); declare it with 'designation head_of_paid_servise \"…\"' "
          "or use \"uk/roles\"");
  }
  SECTION("duty") {
    CHECK(error_of("use \"uk/roles\"\npost a \"A\" { duties clerikal }") ==
          "test.remit:2:21: error: unknown duty 'clerikal' (did you mean 'clerical'?); declare "
          "it with 'duty clerikal \"…\"' or use \"uk/roles\"");
  }
  SECTION("in an expression") {
    CHECK(error_of("use \"uk/roles\"\nlet x = designated monitoring_oficer") ==
          "test.remit:2:20: error: unknown designation 'monitoring_oficer' (did you mean "
          "'monitoring_officer'?); declare it with 'designation monitoring_oficer \"…\"' or use "
          "\"uk/roles\"");
    CHECK_THAT(error_of("use \"uk/roles\"\nlet x = duty advises_authorty"),
               StartsWith("test.remit:2:14: error: unknown duty 'advises_authorty' (did you mean "
                          "'advises_authority'?)"));
  }
  SECTION("qualification and incompatibility") {
    CHECK_THAT(error_of("use \"uk/roles\"\nperson p \"P\" { qualified acountant }"),
               StartsWith("test.remit:2:26: error: unknown qualification 'acountant' (did you "
                          "mean 'accountant'?)"));
    CHECK_THAT(error_of("designation mo \"MO\"\nincompatible mo with hops"),
               StartsWith("test.remit:2:22: error: unknown designation 'hops'; declare it"));
  }
  SECTION("declared in the policy itself") {
    auto p = load_text(
        "designation chief_of_staff \"Chief of Staff\"\n"
        "post a \"A\" { designated chief_of_staff }\n"
        "category 1 \"X\" { when designated chief_of_staff }");
    INFO(p.diagnostics());
    REQUIRE(p.ok);
    CHECK(p.restricted() == Listing{{1, "a"}});
  }
  SECTION("declared twice") {
    const std::string text = errors_of("designation mo \"MO\"\ndesignation mo \"MO\"\n");
    CHECK_THAT(text, StartsWith("test.remit:2:13: error: designation 'mo' is declared twice"));
    CHECK_THAT(text, Contains("test.remit:1:13: note: first declared here"));
  }
}

TEST_CASE("an unknown category in an expression lists the defined ones", "[resolve]") {
  CHECK(error_of("category 1 \"One\" { when any post }\nlet x = category 1, 3") ==
        "test.remit:2:21: error: no category 3 is defined (defined: 1)");
}

TEST_CASE("an unknown category lists the nearest defined ones and counts the rest", "[resolve]") {
  // Was: every defined number in every such message (13 MB for 20,000 of them).
  std::string text = "post ceo \"CEO\"\n";
  for (int k = 2; k <= 100; k += 2) {
    text += "category " + std::to_string(k) + " \"C\" { when any post }\n";
  }
  CHECK(error_of(text + "let x = category 51") ==
        "test.remit:52:18: error: no category 51 is defined (defined: 42, 44, 46, 48, 50, 52, "
        "54, 56, 58, 60 and 40 more)");
  CHECK(error_of(text + "let x = category 1000") ==
        "test.remit:52:18: error: no category 1000 is defined (defined: 82, 84, 86, 88, 90, 92, "
        "94, 96, 98, 100 and 40 more)");
}

TEST_CASE("errors in a policy file are capped like those in a CSV file", "[resolve]") {
  std::string text = "post ceo \"CEO\"\ncategory 1 \"C\" { when any post }\n";
  for (int k = 0; k < 300; ++k) text += "let x" + std::to_string(100 + k) + " = category 7\n";
  const std::string errors = errors_of(text);
  CHECK_THAT(errors, Contains("test.remit:103:21: error: no category 7 is defined (defined: 1)"));
  CHECK_THAT(errors, !Contains("test.remit:104:"));
  CHECK_THAT(errors, Contains("test.remit: note: 199 more errors in this file not shown"));
  CHECK_THAT(errors, Contains("300 errors generated."));
}

TEST_CASE("a chain of 10,000 categories, each when the one before, is evaluated in order",
          "[resolve]") {
  // Was quadratic: each reference to a category searched the list of categories.
  constexpr int n = 10000;
  std::string text = "post ceo \"CEO\"\npost pa \"PA\"\ncategory 1 \"C1\" { when ceo }\n";
  for (int k = 2; k <= n; ++k) {
    text += "category " + std::to_string(k) + " \"C\" { when category " + std::to_string(k - 1) +
            " }\n";
  }
  auto p = load_text(text);
  INFO(first_line(p.diagnostics()));
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{1, "ceo"}});
  const Listing all = p.restricted(true);
  REQUIRE(all.size() == static_cast<std::size_t>(n));
  CHECK(all.back() == remit::test::Listed{n, "ceo"});
}

TEST_CASE("a policy that defines no category derives by the Act", "[resolve]") {
  // Without a category of its own, uk/lgha1989 applies, as with no policy at all.
  auto p = load_text(
      "use \"uk/roles\"\n"
      "post ceo \"CEO\" { designated head_of_paid_service }\n"
      "post mo \"MO\" { designated monitoring_officer }\n"
      "let x = category 2\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{1, "ceo"}, {5, "mo"}});
  CHECK_THAT(error_of("let x = category 9"),
             StartsWith("test.remit:1:18: error: no category 9 is defined (defined: 1, 2, 3, 4, "
                        "5, 6, 7, 8)"));
}

TEST_CASE("an unknown name in an expression suggests a let or a post", "[resolve]") {
  CHECK(error_of("let chiefs = any post\nlet y = chefs") ==
        "test.remit:2:9: error: unknown name 'chefs': not a set defined with 'let', a post or a "
        "body (did you mean 'chiefs'?)");
  CHECK(error_of("post ceo \"CEO\"\nlet y = reports to cep") ==
        "test.remit:2:20: error: unknown name 'cep': not a set defined with 'let', a post or a "
        "body (did you mean 'ceo'?)");
}

TEST_CASE("a let name that is also a post id is ambiguous where it is used", "[resolve]") {
  CHECK(errors_of("post a \"A\"\nlet a = any post\nlet y = a\n") ==
        "test.remit:3:9: error: 'a' is both a set defined with 'let' and the id of a post; "
        "rename one of them\n"
        "  let y = a\n"
        "          ^\n"
        "test.remit:2:5: note: the set is defined here\n"
        "  let a = any post\n"
        "      ^\n"
        "1 error generated.\n");
}

TEST_CASE("a set defined twice is refused", "[resolve]") {
  const std::string text = errors_of("let x = any post\nlet x = vacant\n");
  CHECK(first_line(text) == "test.remit:2:5: error: the set 'x' is defined twice");
  CHECK_THAT(text, Contains("test.remit:1:5: note: first defined here"));
}

TEST_CASE("a category defined twice is refused", "[resolve]") {
  const std::string text =
      errors_of("category 1 \"A\" { when any post }\ncategory 1 \"B\" { when vacant }\n");
  CHECK(first_line(text) == "test.remit:2:1: error: category 1 is defined twice");
  CHECK_THAT(text, Contains("test.remit:1:1: note: the other definition is here"));
  CHECK_THAT(error_of("category 1 \"A\" { when any post }\n"
                      "override category 1 \"B\" { when vacant }\n"
                      "override category 1 \"C\" { when vacant }\n"),
             StartsWith("test.remit:3:1: error: override of category 1 is defined twice"));
}

TEST_CASE("redefining a used module's category suggests `override`", "[resolve]") {
  const std::string text = errors_of(
      "use \"uk/lgha1989\"\n"
      "category 2 \"Statutory Chief Officers\" { when designated section_151_officer }\n");
  CHECK(first_line(text) ==
        "test.remit:2:1: error: category 2 is defined twice; to replace the used module's "
        "definition, write 'override category 2 …'");
  CHECK_THAT(text, Contains("stdlib/england/lgha1989.remit:"));
  CHECK_THAT(text, Contains(": note: the other definition is here"));
}

TEST_CASE("an override needs a category to override", "[resolve]") {
  CHECK(error_of("override category 1 \"A\" { when any post }") ==
        "test.remit:1:1: error: 'override category 1', but no category 1 is defined to "
        "override. The Act's categories come from a module: add 'use \"uk/lgha1989\"' to "
        "override its category 1, or drop 'override' to define a category 1 of your own (the "
        "Act's other categories then need defining too)");
}

TEST_CASE("an override replaces a used module's category", "[resolve]") {
  auto p = load_text(
      "use \"uk/lgha1989\"\n"
      "post ceo \"CEO\" { designated head_of_paid_service }\n"
      "override category 1 \"Nobody\" { when vacant }\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted().empty());
}

TEST_CASE("cyclic negation between two categories is refused", "[resolve][cycles]") {
  const std::string text = errors_of(
      "category 1 \"A\" { when not category 2 }\n"
      "category 2 \"B\" { when not category 1 }\n");
  const std::string first = first_line(text);
  CHECK_THAT(first, StartsWith("test.remit:1:1: error: cyclic negation: "));
  CHECK_THAT(first, Contains("category 1 -> category 2 -> category 1"));
  CHECK_THAT(text, Contains("test.remit:1:27: note: category 1 refers to category 2 under 'not' "
                            "here"));
  CHECK_THAT(text, Contains("test.remit:2:27: note: category 2 refers to category 1 under 'not' "
                            "here"));
}

TEST_CASE("a negation anywhere on a cycle makes it a cyclic negation", "[resolve][cycles]") {
  SECTION("through a let") {
    const std::string first = error_of("category 1 \"A\" { when x }\nlet x = not category 1\n");
    CHECK_THAT(first, Contains("cyclic negation"));
    CHECK_THAT(first, Contains("set 'x'"));
    CHECK_THAT(first, Contains("category 1"));
  }
  SECTION("of itself") {
    CHECK_THAT(error_of("let x = not x"),
               StartsWith("test.remit:1:1: error: cyclic negation: set 'x' -> set 'x'"));
  }
}

TEST_CASE("positive recursion is refused too", "[resolve][cycles]") {
  const std::string first =
      error_of("category 1 \"A\" { when category 2 }\ncategory 2 \"B\" { when category 1 }\n");
  CHECK_THAT(first, StartsWith("test.remit:1:1: error: definitions depend on themselves: "
                               "category 1 -> category 2 -> category 1"));
  CHECK_THAT(error_of("let x = x or vacant"), Contains("depend on themselves"));
}

TEST_CASE("categories may refer to each other without a cycle", "[resolve]") {
  auto p = load_text(
      "post a \"A\"\n"
      "category 3 \"C\" { when category 1 and not category 2 }\n"
      "category 2 \"B\" { when vacant }\n"
      "category 1 \"A\" { when any post }\n");
  INFO(p.diagnostics());
  CHECK(p.ok);
}

TEST_CASE("precedence must list every category, and only defined ones", "[resolve]") {
  SECTION("a category missing") {
    const std::string text = errors_of(
        "category 1 \"A\" { when any post }\n"
        "category 2 \"B\" { when vacant }\n"
        "precedence 1\n");
    CHECK(first_line(text) ==
          "test.remit:3:1: error: category 2 is missing from the precedence, so no post could "
          "be listed in it");
    CHECK_THAT(text, Contains("test.remit:2:1: note: category 2 is defined here"));
  }
  SECTION("an undefined category") {
    CHECK(error_of("category 1 \"A\" { when any post }\nprecedence 1, 3\n") ==
          "test.remit:2:15: error: precedence names category 3, which is not defined (defined: "
          "1)");
  }
  SECTION("a category twice") {
    CHECK(error_of("category 1 \"A\" { when any post }\nprecedence 1, 1\n") ==
          "test.remit:2:15: error: category 1 appears twice in the precedence");
  }
  SECTION("two statements in one file") {
    const std::string text =
        errors_of("category 1 \"A\" { when any post }\nprecedence 1\nprecedence 1\n");
    CHECK(first_line(text) == "test.remit:3:1: error: a second 'precedence' statement");
    CHECK_THAT(text, Contains("test.remit:2:1: note: the other one is here"));
  }
}

TEST_CASE("a policy's precedence wins over the one of a module it uses", "[resolve]") {
  auto p = load_text(
      "use \"uk/lgha1989\"\n"
      "post ceo \"CEO\" { designated head_of_paid_service, monitoring_officer }\n"
      "precedence 5, 1, 2, 6, 3, 4, 7, 8\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{5, "ceo"}});
}

TEST_CASE("`use` of an unknown module lists the known ones", "[resolve]") {
  const std::string first = error_of("use \"uk/nosuch\"\n");
  CHECK_THAT(first, StartsWith("test.remit:1:1: error: no module 'uk/nosuch' in the stdlib "
                               "(modules: "));
  for (const char* module : {"uk/lgha1989", "uk/roles", "uk/statutory_officers",
                             "uk/statutory_officers_held", "uk/upper_tier"}) {
    CHECK_THAT(first, Contains(module));
  }
  CHECK_THAT(first, Contains("give its name ending in .remit"));
}

TEST_CASE("`use` of a missing .remit file says it cannot be read", "[resolve]") {
  CHECK_THAT(error_of("use \"no_such_file_here.remit\"\n"),
             StartsWith("test.remit:1:1: error: cannot read 'no_such_file_here.remit'"));
}

TEST_CASE("`use` of .remit files: relative to the using file, and never in a cycle", "[resolve]") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("remit_resolve_test_use" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "lib");
  auto write = [&](const fs::path& name, const std::string& text) {
    std::ofstream(dir / name) << text;
  };
  SECTION("a relative path is found beside the using file") {
    write("main.remit", "use \"lib/common.remit\"\npost ceo \"CEO\" { designated hops }\n");
    write("lib/common.remit",
          "designation hops \"Head\"\ncategory 1 \"Head\" { when designated hops }\n");
    remit::Inputs in;
    in.policies.push_back(dir / "main.remit");
    auto p = remit::test::load_files(in);
    INFO(p.diagnostics());
    REQUIRE(p.ok);
    CHECK(p.restricted() == Listing{{1, "ceo"}});
  }
  SECTION("a cycle of uses is reported with the chain") {
    write("a.remit", "use \"b.remit\"\npost a \"A\"\n");
    write("b.remit", "\nuse \"a.remit\"\n");
    remit::Inputs in;
    in.policies.push_back(dir / "a.remit");
    auto p = remit::test::load_files(in);
    CHECK_FALSE(p.ok);
    const std::string text = p.diagnostics();
    CHECK_THAT(first_line(text), StartsWith((dir / "b.remit").string() +
                                            ":2:1: error: 'use' cycle: a.remit -> b.remit -> "
                                            "a.remit"));
    CHECK_THAT(text, Contains((dir / "a.remit").string() + ":1:1: note: 'b.remit' is used here"));
  }
  fs::remove_all(dir);
}

TEST_CASE("a person holding an unknown post is reported", "[resolve]") {
  CHECK(error_of("person p \"P\" { holds nosuch }") ==
        "test.remit:1:22: error: person p holds 'nosuch', which is not a post or body");
  CHECK(error_of("post ceo \"CEO\"\nperson p \"P\" { holds ce }") ==
        "test.remit:2:22: error: person p holds 'ce', which is not a post or body (did you mean "
        "'ceo'?)");
}

TEST_CASE("nobody holds a body", "[resolve]") {
  CHECK(error_of("body council \"C\"\nperson p \"P\" { holds council }") ==
        "test.remit:2:22: error: 'council' is a body, not a post: nobody holds it");
}

TEST_CASE("a post's holder must be a declared person", "[resolve]") {
  CHECK(error_of("post a \"A\" { holder p }") ==
        "test.remit:1:21: error: unknown person 'p'; declare it with 'person p \"Name\"'");
  CHECK(error_of("person p_smith \"Pat\"\npost a \"A\" { holder p_smyth }") ==
        "test.remit:2:21: error: unknown person 'p_smyth' (did you mean 'p_smith'?); declare it "
        "with 'person p_smyth \"Name\"'");
}

TEST_CASE("unknown holders past the first few still get their suggestions", "[resolve]") {
  // Was quadratic: each unknown holder listed every person and compared the name with each.
  // Now the people are listed once; the first errors, and those in another file, each still
  // get their "did you mean".
  std::string text;
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(1000 + i);
    text += "person person_" + n + " \"P\"\npost post_" + n + " \"A\" { holder persn_" + n + " }\n";
  }
  const std::string errors = errors_of(text);
  CHECK_THAT(errors, Contains("unknown person 'persn_1000' (did you mean 'person_1000'?)"));
  CHECK_THAT(errors, Contains("unknown person 'persn_1100' (did you mean 'person_1100'?)"));
  // Errors past the limit for one file are counted, not listed, and get no suggestion.
  CHECK_THAT(errors, Contains("test.remit: note: 199 more errors in this file not shown"));
  CHECK_THAT(errors, !Contains("persn_1101"));
}

TEST_CASE("one person id with two names is refused", "[resolve]") {
  const std::string text = errors_of("person p \"Pat\"\nperson p \"Sam\"\n");
  CHECK(first_line(text) ==
        "test.remit:2:8: error: person 'p' is declared twice, as 'Pat' and 'Sam'");
  CHECK_THAT(text, Contains("test.remit:1:8: note: first declared here"));
}

TEST_CASE("a person named twice is one person with every qualification once", "[resolve]") {
  // The first declaration gives the id and the place; a later one names a person the first
  // left unnamed; qualifications from both are kept in the order first given, each once.
  auto p = load_text(
      "qualification auditor \"A\"\nqualification lawyer \"S\"\n"
      "qualification valuer \"V\"\npost a \"A\"\npost b \"B\"\nperson x \"X\"\n"
      "person p \"p\" { qualified lawyer holds a }\n"
      "person p \"Pat\" { qualified valuer, lawyer, auditor holds b }\n");
  REQUIRE(p.ok);
  const remit::Organisation& org = p.run->resolved().organisation;
  REQUIRE(org.people.size() == 2);
  const remit::Person& pat = org.people[1];
  CHECK(org.id_of(1) == "p");
  CHECK(org.name_of(1) == "Pat");
  REQUIRE(pat.source == remit::Person::declared);
  CHECK(p.run->program().name(p.run->program().people[pat.index]) == "p");  // the first declaration
  std::vector<std::string_view> quals;
  for (remit::SymbolId q : org.qualifications_of(1)) quals.push_back(org.qualifications.names[q]);
  CHECK(quals == std::vector<std::string_view>{"lawyer", "valuer", "auditor"});
  CHECK(org.qualifications_of(0).empty());
  CHECK(org.holdings.size() == 2);
}

TEST_CASE("people of policies and holders exports are numbered in the order they are read",
          "[resolve][holders]") {
  remit::test::TempDir dir;
  const auto rows = dir.write("rows.csv", "person,post_id\np_b,b\np_a,b\np_d,a\n");
  remit::Inputs inputs;
  // first.remit's people come before the export it imports; second.remit's after it. p_a, named
  // by both first.remit and the export, is one person, declared where first.remit names them.
  inputs.texts.push_back({"first.remit",
                          "post a \"A\"\npost b \"B\"\nperson p_a \"Ann\"\n"
                          "import holders \"" +
                              rows.string() + "\"\n"});
  inputs.texts.push_back({"second.remit", "person p_c \"Cy\" { holds a }\n"});
  auto p = remit::test::load_files(inputs);
  REQUIRE(p.ok);
  const remit::Organisation& org = p.run->resolved().organisation;
  std::vector<std::string_view> ids;
  for (std::uint32_t i = 0; i < org.people.size(); ++i) ids.push_back(org.id_of(i));
  CHECK(ids == std::vector<std::string_view>{"p_a", "p_b", "p_d", "p_c"});
  CHECK(org.name_of(0) == "Ann");
  CHECK(p.run->sources().where(org.where_of(0)) == "first.remit:3:8");
  CHECK(p.run->sources().where(org.where_of(1)).ends_with("rows.csv:2:1"));
  CHECK(org.holdings.size() == 4);
}

TEST_CASE("a vacant post that someone holds is refused", "[resolve]") {
  SECTION("held through `holds`") {
    const std::string text = errors_of("post a \"A\" { vacant }\nperson p \"P\" { holds a }\n");
    CHECK(first_line(text) ==
          "test.remit:2:22: error: post 'a' is declared vacant, but 'p' holds it");
    CHECK_THAT(text, Contains("test.remit:1:6: note: declared here"));
  }
  SECTION("held through `holder`") {
    CHECK(error_of("person p \"P\"\npost a \"A\" { holder interim p vacant }\n") ==
          "test.remit:2:29: error: post 'a' is declared vacant, but 'p' holds it");
  }
}

TEST_CASE("the shares of a post's lines cannot add up to more than 100%", "[resolve][shares]") {
  CHECK(error_of("post b \"B\"\npost c \"C\"\npost a \"A\" { reports to b 60%, c 50% }\n") ==
        "test.remit:3:25: error: the shares of the lines of post 'a' add up to 110%, more than "
        "100%");
  SECTION("across reports and accountable lines") {
    CHECK_THAT(error_of("post b \"B\"\npost c \"C\"\n"
                        "post a \"A\" {\n  reports to b 70%\n  accountable to c 40%\n}\n"),
               Contains("add up to 110%, more than 100%"));
  }
  SECTION("exactly 100% is fine, and dotted lines do not count") {
    auto p = load_text(
        "post b \"B\"\npost c \"C\"\npost d \"D\"\n"
        "post a \"A\" { reports to b 60%, c 40% dotted to d }\n");
    INFO(p.diagnostics());
    CHECK(p.ok);
  }
}

// 60.5% + 40% is 100.5%: the message should not say "100%, more than 100%".
TEST_CASE("the total of shares over 100% is shown as written", "[resolve][shares]") {
  const std::string first =
      error_of("post b \"B\"\npost c \"C\"\npost a \"A\" { reports to b 60.5%, c 40% }\n");
  CHECK_THAT(first, Contains("more than 100%"));
  CHECK_THAT(first, Contains("100.5%"));
}
