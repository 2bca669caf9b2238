// Checks one expectation of a `test` block against a loaded policy: a verdict as a value
// (what was expected, what was found and why), or an error in the test itself (a post, a
// category, a rule or a scenario the policy does not have; an unreadable approved list).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "ast/ast.hpp"
#include "authoring/test/coverage.hpp"
#include "report/terminal.hpp"
#include "source/diagnostic.hpp"

namespace remit {
class Run;
struct Reason;
}  // namespace remit

namespace remit::policy_test {

// One thing found that the expectation did not expect, with the explanation of it.
struct Finding {
  std::string where;  // "file:line:col" of the row or declaration it is about, or ""
  std::string text;   // "dir_housing (Director of Housing) is listed in category 4 (…)"
  std::string why;    // the explanation (interpreter/explain), rendered; may be ""
};

struct Verdict {
  bool passed = false;
  std::string expected;           // in words
  std::vector<Finding> found;     // when it failed: what was found instead
  std::size_t findings_left = 0;  // more differences than shown (an approved list)
};

// A fault in the test, rendered as a diagnostic ("file:line:col: error: …").
struct TestError {
  std::string text;
};

using Outcome = std::variant<Verdict, TestError>;

class Checker {
 public:
  // An approved list's path is read from the folder of the file the expectation is in.
  Checker(Run& run, Coverage& coverage, TextStyle style, bool colour);
  ~Checker();
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;

  Outcome check(const ast::Expectation& expectation);

 private:
  // The run an expectation is checked against: the policy, or the scenario's variant of it.
  Run* run_for(const ast::Expectation& e, std::string& error);
  Outcome post_category(Run& run, const ast::expectation::PostCategory& e);
  Outcome no_breach(Run& run, const ast::expectation::NoBreach& e);
  Outcome breach(Run& run, const ast::expectation::Breach& e);
  Outcome list(Run& run, const ast::expectation::List& e);
  std::string error(const SourceSpan& where, const std::string& message) const;
  std::string explanation(const Run& run, const Reason& reason) const;

  Run& base_;
  Coverage& coverage_;
  TextStyle style_;
  bool colour_;
  std::map<std::string, std::unique_ptr<Run>, std::less<>> variants_;  // by scenario name
};

}  // namespace remit::policy_test
