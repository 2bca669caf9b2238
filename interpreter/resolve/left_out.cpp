#include "resolve/left_out.hpp"

#include "resolve/organisation.hpp"

namespace remit {

namespace {
constexpr std::string_view keep_going_note =
    "run with --keep-going to leave out faulty lines and derive the rest";

// "s.csv:12:9": where a left-out line or row was, as a reason quotes it.
std::string line_of(const SourceSet& sources, SourceSpan where) {
  return where.known() ? sources.where(where) : std::string("unknown place");
}

// What was left out, said of the post it belongs to.
std::string own_reason(const SourceSet& sources, const LeftOut& l) {
  const std::string at = line_of(sources, l.where);
  const std::string tail = "; its category and those of the posts below it may be wrong";
  switch (l.fault) {
    case LeftOut::Fault::reports_to_itself:
      return "reports to itself (that line, " + at + ", left out)" + tail;
    case LeftOut::Fault::missing_manager:
      return "reports to " + in_quotes(l.manager) + ", which is not in the export (that line, " +
             at + ", left out)" + tail;
    case LeftOut::Fault::duplicate_id:
      return "its id is used again on another row that differs (" + at +
             ", left out; the first row is kept)" + tail;
    case LeftOut::Fault::cycle:
      return "its line to " + in_quotes(l.manager) + " closes a reporting cycle (that line, " + at +
             ", left out)" + tail;
  }
  return at + " left out" + tail;
}
}  // namespace

bool ExportFaults::leave_out(Diagnostics& diags, const LeftOut& what, const std::string& message,
                             std::vector<Note> notes) {
  const bool in_export = from_export(what.where);
  if (keep_going_ && in_export) {
    left_out_.push_back(what);
    if (left_out_.size() <= warnings_shown_) {
      const bool row = what.fault == LeftOut::Fault::duplicate_id;
      diags
          .warning(what.where, message + (row ? ": this row is left out (--keep-going)"
                                              : ": this reporting line is left out (--keep-going)"))
          .notes = std::move(notes);
    }
    return true;
  }
  const bool listed = diags.would_list(what.where);
  Diagnostic& d = diags.error(what.where, message);
  d.notes = std::move(notes);
  if (in_export && !hinted_ && listed) {
    d.notes.push_back(Note{{}, std::string(keep_going_note)});
    hinted_ = true;
  }
  return false;
}

void ExportFaults::finish(Diagnostics& diags) const {
  if (left_out_.size() <= warnings_shown_) return;
  diags.warning({}, std::to_string(left_out_.size() - warnings_shown_) +
                        " more faulty lines or rows left out, not shown (" +
                        std::to_string(left_out_.size()) + " in all)");
}

bool looks_down(const ast::Program& program) {
  for (const ast::Expr& e : program.exprs) {
    if (std::holds_alternative<ast::expr::Manages>(e.kind)) return true;
  }
  return false;
}

// Which posts could depend on a left-out line, from how categories are derived (the evaluator,
// and stdlib/uk/lgha1989.remit): a post's category depends on its own facts (designations,
// duties, title, service), on its lines up (`reports directly to category 1`, `reports to X`,
// `reports within N of X`, `reports directly to any body`), and so, through the categories of
// its managers, on everything above it. Categories 3 and 4 of the Act are of this kind. So a
// line or row left out can change:
//   - the post it belongs to (its lines up are not what the export meant);
//   - every post below it, at any depth (`reports to` looks any number of lines up, and a
//     category 4 depends on its manager's category 2 or 3, which depends on the line left out);
//   - only when the policy looks down (`manages`: a post's category depends on its reports), the
//     post the line went to, the posts above that one, and the posts below all of those.
// Facts of other posts (a designation elsewhere, a holder) are not changed by a line left out.
// This is deliberately more than the Act needs (only direct reports of a chief officer change),
// because a council's own policy may use any of these forms.
std::vector<ToReview> posts_to_review(const Organisation& org, const SourceSet& sources,
                                      const std::vector<LeftOut>& left_out, bool looks_down) {
  // Each post's reason, as an index into `reasons`: the posts below one line share one.
  constexpr std::uint32_t none = UINT32_MAX;
  std::vector<std::uint32_t> reason_of(org.size(), none);
  std::vector<std::string> reasons;
  auto reason = [&](std::string text) {
    reasons.push_back(std::move(text));
    return static_cast<std::uint32_t>(reasons.size() - 1);
  };
  std::vector<UnitIndex> stack;
  // Gives every post below `start` not yet marked the reason `below`.
  auto mark_below = [&](UnitIndex start, std::uint32_t below) {
    stack.assign(1, start);
    while (!stack.empty()) {
      const UnitIndex v = stack.back();
      stack.pop_back();
      org.lines.for_each_into(v, [&](LineId, const Line& l) {
        if (!l.carries_duties() || reason_of[l.from] != none) return;
        reason_of[l.from] = below;
        stack.push_back(l.from);
      });
    }
  };
  for (const LeftOut& l : left_out) {
    const std::string at = line_of(sources, l.where);
    if (reason_of[l.unit] == none) reason_of[l.unit] = reason(own_reason(sources, l));
    const bool row = l.fault == LeftOut::Fault::duplicate_id;
    mark_below(l.unit, reason("is below " + in_quotes(l.post) + ", whose " +
                              (row ? "id is used again (the row at " : "line up (") + at +
                              ") was left out; its category may be wrong"));
    if (!looks_down || l.manager.empty()) continue;
    auto manager = org.find_unit(l.manager);
    if (!manager) continue;
    // Up from the manager, then everything below what was found.
    const std::uint32_t side =
        reason("is at or above " + in_quotes(l.manager) + ", which " + in_quotes(l.post) +
               " reports to in " + at +
               " (left out), and the policy looks at who reports to a post ('manages'); its "
               "category may be wrong");
    std::vector<UnitIndex> up{*manager}, above;
    std::vector<bool> seen(org.size(), false);
    seen[*manager] = true;
    while (!up.empty()) {
      const UnitIndex v = up.back();
      up.pop_back();
      above.push_back(v);
      for (const Line& line : org.lines.from(v)) {
        if (line.carries_duties() && !seen[line.to]) {
          seen[line.to] = true;
          up.push_back(line.to);
        }
      }
    }
    for (const UnitIndex v : above) {
      if (reason_of[v] == none) reason_of[v] = side;
      mark_below(v, side);
    }
  }
  std::vector<ToReview> out;
  for (UnitIndex u = 0; u < reason_of.size(); ++u) {
    const Unit& unit = org.units[u];
    if (reason_of[u] == none || unit.is_body() || unit.removed()) continue;
    out.push_back(ToReview{u, reasons[reason_of[u]]});
  }
  return out;
}

}  // namespace remit
