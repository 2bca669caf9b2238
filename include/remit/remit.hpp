// The one header to embed remit: load policies and HR exports, derive the politically
// restricted posts and check the rules. The CLI (cli/) is a thin layer over this.
//
//   remit::Run run;
//   if (!run.load({.policies = {"policies/cambridgeshire"}})) print(run.diagnostics_text());
//   for (const remit::ListedPost& p : run.restricted_posts()) …
//
// For policies written by someone else (an upload), set Inputs::confine_to to the folders
// their `use` and `import` statements may read; anything else is an error at the statement.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "remit/limits.hpp"
#include "resolve/left_out.hpp"
#include "resolve/loader.hpp"

namespace remit {

namespace ast {
struct Program;
}
struct Resolved;
struct OrgGraph;
class Evaluator;
struct Breaches;
class SourceSet;
class Diagnostics;
namespace ast {
struct ScenarioDecl;
}

// Edits to the structure as values, for a what-if (Run::scenario_of, then Run::apply). The ids
// are taken exactly as given, never read as policy text: an HR export's id may hold '-', '/',
// '.', a leading zero or any letter, and is matched as it is.
namespace edit {
struct Manager {
  std::string id;  // a post or a body
  // Its share of the duties in hundredths of a percent (6000 = 60%, exact, as in a policy);
  // none: an equal part of what the explicit shares leave.
  std::optional<std::uint32_t> basis_points;
};
struct Move {  // the post's duty-carrying lines are replaced by lines to these managers
  std::string post;
  std::vector<Manager> managers;
};
struct Remove {  // the post goes; its reports move up to its manager
  std::string post;
};
struct Designate {
  std::string post;
  std::string role;
};
struct Undesignate {
  std::string post;
  std::string role;
};
struct Assign {  // the person also holds the post (substantively)
  std::string person;
  std::string post;
};
}  // namespace edit
using Edit =
    std::variant<edit::Move, edit::Remove, edit::Designate, edit::Undesignate, edit::Assign>;

// One restricted post, or (with `all`) one category a post meets.
struct ListedPost {
  std::uint32_t category = 0;  // index into Program::categories
  std::uint32_t unit = 0;
};

class Run {
 public:
  explicit Run(Limits limits = {});
  ~Run();
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;

  // parse → resolve → build graph → check cycles → evaluate. False when the input is bad; the
  // diagnostics say why, each with file:line:column.
  bool load(const Inputs& inputs);
  // The politically restricted posts, ordered by category number then post id; with `all`,
  // every category each post meets rather than the one precedence lists it in. A post to be
  // reviewed (to_review()) is never among them.
  [[nodiscard]] std::vector<ListedPost> restricted_posts(bool all = false) const;
  // With Inputs::keep_going: the lines and rows of HR exports left out, in the order found (each
  // also a warning); and the posts whose category could depend on them, by unit, with the
  // reason. Both empty when nothing was left out.
  [[nodiscard]] const std::vector<LeftOut>& left_out() const { return left_out_; }
  [[nodiscard]] const std::vector<ToReview>& to_review() const { return to_review_; }
  // Incompatibilities and require/forbid rules broken by the loaded structure.
  [[nodiscard]] const Breaches& breaches();

  // The limits this run was made with (a what-if variant has its base's).
  [[nodiscard]] const Limits& limits() const { return limits_; }
  [[nodiscard]] const SourceSet& sources() const { return *sources_; }
  [[nodiscard]] const Diagnostics& diagnostics() const { return *diags_; }
  // With `colour`, the labels coloured for a terminal (error red, warning magenta, note cyan).
  [[nodiscard]] std::string diagnostics_text(bool colour = false) const;
  [[nodiscard]] const ast::Program& program() const { return *program_; }
  [[nodiscard]] const Resolved& resolved() const { return *resolved_; }
  [[nodiscard]] Evaluator& evaluator() { return *evaluator_; }
  [[nodiscard]] const Evaluator& evaluator() const { return *evaluator_; }
  // The Boost graph of the reporting lines, built the first time something walks it.
  [[nodiscard]] const OrgGraph& graph() const;

  // What-if: the same policy over the structure as the scenario's edits leave it. The variant
  // shares this run's parsed files and, until an edit touches them, its organisation's parts;
  // it is re-evaluated from this run's results, recomputing only what the edits reach.
  // Returns nullptr when an edit is wrong (diagnostics() says why, with its location). The
  // variant reads this run's results, so this run must outlive it.
  std::unique_ptr<Run> apply(const ast::ScenarioDecl& scenario);
  // The run a variant was made from (it must outlive the variant); nullptr for a loaded run.
  [[nodiscard]] const Run* base() const { return base_; }
  // The scenario that makes `edits`, in order, for apply(). So that a wrong id is reported
  // where it was given, the edits are shown as the command-line options that write them, one a
  // line, in a source named `source_name`: "<command line>:1:8: error: no post 'x'".
  ast::ScenarioDecl scenario_of(std::span<const Edit> edits,
                                std::string source_name = "<command line>");

 private:
  Run(const Run& base, std::unique_ptr<Resolved> edited);
  void evaluate();

  Limits limits_;
  std::shared_ptr<SourceSet> sources_;
  std::shared_ptr<Diagnostics> diags_;
  std::shared_ptr<ast::Program> program_;
  FileDepths depths_;
  std::unique_ptr<Resolved> resolved_;
  mutable std::unique_ptr<OrgGraph> graph_;
  std::unique_ptr<Evaluator> evaluator_;
  std::unique_ptr<Breaches> breaches_;
  std::vector<LeftOut> left_out_;
  std::vector<ToReview> to_review_;
  const Run* base_ = nullptr;
};

}  // namespace remit
