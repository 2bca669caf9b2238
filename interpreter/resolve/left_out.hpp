// --keep-going: faults in the rows of an HR export that are left out instead of stopping the
// run, and the posts whose category could depend on what was left out ("to be reviewed").
//
// Without --keep-going each fault is an error, as before; the first one found in an export
// carries a note saying that --keep-going exists. Faults in policy text are always errors: a
// policy is written by the council and fixed there, an export comes as it is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"
#include "source/diagnostic.hpp"

namespace remit {

struct Organisation;
using ast::UnitIndex;

// One line or row of an export that was left out, and why.
struct LeftOut {
  enum class Fault : std::uint8_t { reports_to_itself, missing_manager, duplicate_id, cycle };
  Fault fault = Fault::missing_manager;
  SourceSpan where;          // the line (or, for a repeated id, the row) left out
  std::string_view post;     // the post whose line or row it is
  std::string_view manager;  // the post or body the line named (none for a repeated id)
  UnitIndex unit = 0;        // that post (for a repeated id: the first row, which is kept)
};

// A post whose category could depend on something left out: it is listed apart, never placed
// in or out of a category silently.
struct ToReview {
  UnitIndex unit = 0;
  std::string reason;  // in plain words, with where the line left out was
};

// Decides, fault by fault, whether to leave the line out or stop, and says so.
class ExportFaults {
 public:
  // `sources` null: nothing is known to come from an export, every fault is an error.
  ExportFaults(const SourceSet* sources, bool keep_going, std::size_t warnings_shown)
      : sources_(sources), keep_going_(keep_going), warnings_shown_(warnings_shown) {}

  // A fault at `what.where`, described by `message`. In an export under --keep-going: a warning
  // (the message and that the line is left out), the fault recorded, and true: the caller leaves
  // the line or row out. Otherwise an error, and false. `notes` go with either.
  bool leave_out(Diagnostics& diags, const LeftOut& what, const std::string& message,
                 std::vector<Note> notes = {});
  // Whether `where` is in an HR export.
  [[nodiscard]] bool from_export(SourceSpan where) const {
    return sources_ && where.known() && sources_->is_export(where.file);
  }
  // Past `warnings_shown` faults, one warning saying how many more were left out.
  void finish(Diagnostics& diags) const;
  [[nodiscard]] std::vector<LeftOut>& left_out() { return left_out_; }

 private:
  const SourceSet* sources_;
  bool keep_going_;
  std::size_t warnings_shown_;
  bool hinted_ = false;
  std::vector<LeftOut> left_out_;
};

// The posts to be reviewed after `left_out`, in `org` as derived without those lines, ordered
// by unit. `looks_down`: the policy has an expression that looks at a post's reports
// (`manages`), so the intended manager's side may be wrong too.
std::vector<ToReview> posts_to_review(const Organisation& org, const SourceSet& sources,
                                      const std::vector<LeftOut>& left_out, bool looks_down);

// Whether any expression of `program` looks down the reporting lines (`manages`).
bool looks_down(const ast::Program& program);

}  // namespace remit
