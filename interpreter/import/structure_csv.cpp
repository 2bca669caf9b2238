#include "import/structure_csv.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <unordered_set>
#include <utility>

#include "ast/percent.hpp"
#include "import/columns.hpp"
#include "import/csv_reader.hpp"
#include "import/kept_text.hpp"
#include "source/huge_pages.hpp"

namespace remit {

namespace {

enum Column : std::size_t {
  id,
  title,
  service,
  directorate,
  reports_to,
  designations,
  flags,
  accountable_to,
  column_count
};

// The headers each field is known by, in the words of the HR systems that export them (iTrent,
// ResourceLink, Oracle, SAP) and of the government's organogram files. docs/cli.md lists them.
constexpr std::string_view id_headers[] = {
    "id", "post id", "position id", "position number", "post unique reference", "post ref"};
constexpr std::string_view title_headers[] = {"title", "job title", "post title", "position title"};
constexpr std::string_view service_headers[] = {"service", "team", "unit", "section"};
constexpr std::string_view directorate_headers[] = {"directorate", "department", "division"};
constexpr std::string_view reports_to_headers[] = {"reports to",
                                                   "manager",
                                                   "line manager",
                                                   "reports to senior post",
                                                   "reports to position",
                                                   "reports to post",
                                                   "manager post id",
                                                   "manager position",
                                                   "manager position number"};
constexpr std::string_view designations_headers[] = {"designations", "designation",
                                                     "statutory role"};
constexpr std::string_view flags_headers[] = {"flags", "duties"};
constexpr std::string_view accountable_to_headers[] = {"accountable to"};

constexpr std::array<csv::ColumnSpec, column_count> columns{{
    {"id", true, id_headers},
    {"title", true, title_headers},
    {"service", false, service_headers},
    {"directorate", false, directorate_headers},
    {"reports_to", false, reports_to_headers},
    {"designations", false, designations_headers},
    {"flags", false, flags_headers},
    {"accountable_to", false, accountable_to_headers},
}};

// Whether two posts read from rows say the same: then the second row is a job share's second
// holder's row (the holders file says who), not a second post.
bool same_post(const ast::Program& program, const ast::PostDecl& a, const ast::PostDecl& b) {
  const auto same_names = [](std::span<const ast::Name> x, std::span<const ast::Name> y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                      [](const ast::Name& m, const ast::Name& n) { return m.text == n.text; });
  };
  const auto la = program.lines(a), lb = program.lines(b);
  return a.title == b.title && *a.placement == *b.placement &&
         std::equal(la.begin(), la.end(), lb.begin(), lb.end(),
                    [](const ast::LineDecl& x, const ast::LineDecl& y) {
                      return x.target.text == y.target.text && x.kind == y.kind &&
                             x.basis_points == y.basis_points;
                    }) &&
         same_names(program.designations(a), program.designations(b)) &&
         same_names(program.duties(a), program.duties(b));
}

// What an absent optional column reads as in every row.
const csv::Field no_field{};

// A row of empty cells: a spreadsheet's formatted but unused rows, exported as `,,,,,`.
bool all_blank(const csv::Row& row) {
  return std::all_of(row.fields.begin(), row.fields.end(),
                     [](const csv::Field& f) { return csv::trim(f.text).empty(); });
}

// Reads the fields of one row into a post, reporting every problem in the row (not only the
// first), so one run shows an HR officer everything to fix.
class RowReader {
 public:
  RowReader(csv::ErrorLimit& errors, KeptText& kept) : errors_(errors), kept_(kept) {}

  bool id(const csv::Field& field, ast::Name& out) {
    const std::string_view text = csv::trim(field.text);
    const SourceSpan where = csv::span_at(field, csv::leading_blanks(field.text));
    if (text.empty()) {
      errors_.error(where, "id: every post needs an id");
      return false;
    }
    const std::string_view problem = csv::post_id_problem(text);
    if (!problem.empty()) {
      errors_.error(where, "id: the post id " + csv::quoted(text) + " " + std::string(problem) +
                               "; a post id cannot contain `;`, `:` or `,`");
      return false;
    }
    out = ast::Name{kept_.copy(text), where};
    return true;
  }

  // Titles and service names are compared by later rules (`in service "Legal"`), so blanks a
  // spreadsheet left around them are dropped.
  static ast::Text text(const csv::Field& field) {
    return ast::Text{csv::trim(field.text), csv::span_at(field, csv::leading_blanks(field.text))};
  }

  // A post keeps its title, service and directorate as text only, so their places in the file
  // are worked out only for a message: three span_at calls a row were 60 M of derive's
  // 3,090 M instructions at a million posts.
  // The title is left viewing the file: import_structure keeps it once the row is a post.
  bool title(const csv::Field& field, PackedView& out) {
    const std::string_view title = csv::trim(field.text);
    out = title;
    if (!title.empty()) return true;
    errors_.error(text(field).where, "title: every post needs a title");
    return false;
  }

  // Appends to the program's arena; `begin` is where this post's lines start in it.
  bool lines(const csv::Field& field, std::string_view column, ast::LineKind kind,
             std::vector<ast::LineDecl>& out, std::size_t begin) {
    bool ok = csv::split_list(field, column, errors_, tokens_);
    for (const csv::Token& token : tokens_) {
      const std::size_t colon = token.text.find(':');
      const std::string_view target = csv::trim(token.text.substr(0, colon));
      const SourceSpan where = token.where;
      if (target.empty()) {
        errors_.error(where, std::string(column) + ": " + csv::quoted(token.text) +
                                 " has no post id before the `:` (expected e.g. ed_a:60)");
        ok = false;
        continue;
      }
      const std::string_view problem = csv::post_id_problem(target);
      if (!problem.empty()) {
        errors_.error(where, std::string(column) + ": the post id " + csv::quoted(target) + " " +
                                 std::string(problem));
        ok = false;
        continue;
      }
      ast::LineDecl line{ast::Name{target, where}, kind, true, std::nullopt};
      if (colon != std::string_view::npos) {
        const std::string_view raw = token.text.substr(colon + 1);
        const SourceSpan share_at =
            csv::span_at(field, token.pos + colon + 1 + csv::leading_blanks(raw));
        if (!share(csv::trim(raw), share_at, column, line.basis_points)) {
          ok = false;
          continue;
        }
      }
      const bool repeated = std::any_of(
          out.begin() + static_cast<std::ptrdiff_t>(begin), out.end(),
          [&](const ast::LineDecl& l) { return l.kind == kind && l.target.text == target; });
      if (repeated) {
        errors_.error(where,
                      std::string(column) + ": post " + csv::quoted(target) + " is listed twice");
        ok = false;
        continue;
      }
      line.target.text = kept_.copy(target);
      out.push_back(line);
    }
    return ok;
  }

  bool names(const csv::Field& field, std::string_view column, std::string_view example,
             std::vector<ast::Name>& out, std::size_t begin) {
    bool ok = csv::split_list(field, column, errors_, tokens_);
    seen_.clear();
    for (const csv::Token& token : tokens_) {
      const SourceSpan where = token.where;
      if (!csv::is_identifier(token.text)) {
        errors_.error(where, std::string(column) + ": " + csv::quoted(token.text) +
                                 " is not a valid name (use letters, digits and _, not starting "
                                 "with a digit, e.g. " +
                                 std::string(example) + ")");
        ok = false;
        continue;
      }
      // The same designation twice says nothing more; keep one. Long lists are checked
      // through a set, so that a field of thousands of entries is not quadratic.
      bool seen = false;
      if (tokens_.size() <= 32) {
        seen = std::any_of(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end(),
                           [&](const ast::Name& n) { return n.text == token.text; });
      } else {
        seen = !seen_.insert(token.text).second;
      }
      if (!seen) out.push_back(ast::Name{kept_.shared(token.text), where});
    }
    return ok;
  }

 private:
  // A share is the percentage of the post's duties carried by one line: 0 < share <= 100, to
  // at most two decimals, read exactly into basis points (ast/percent.hpp).
  bool share(std::string_view text, SourceSpan where, std::string_view column,
             ast::OptionalShare& out) {
    const auto say = [&](std::string_view what) {
      errors_.error(where,
                    std::string(column) + ": " + std::string(what) + " (expected e.g. ed_a:60)");
    };
    if (text.empty()) {
      say("no share after the `:`");
      return false;
    }
    std::string_view number = text;
    if (number.back() == '%') number = csv::trim(number.substr(0, number.size() - 1));
    const ast::ReadPercent read = ast::read_percent(number);
    switch (read.problem) {
      case ast::PercentProblem::none:
        out = read.basis_points;
        return true;
      case ast::PercentProblem::not_a_number:
        say("share " + csv::quoted(text) + " is not a percentage");
        return false;
      case ast::PercentProblem::too_many_decimals:
        say("share " + csv::quoted(text) +
            " has more than two decimals (a share is exact to 0.01%, e.g. 33.33)");
        return false;
      case ast::PercentProblem::out_of_range:
        say("share " + csv::quoted(text) + " must be more than 0 and at most 100");
        return false;
    }
    return false;
  }

  csv::ErrorLimit& errors_;
  KeptText& kept_;                  // what is kept of the row, copied out of the file's text
  std::vector<csv::Token> tokens_;  // reused from row to row
  std::unordered_set<std::string_view> seen_;  // names of a long list, for duplicates
};

}  // namespace

std::span<const csv::ColumnSpec> structure_columns() {
  return columns;
}

void import_structure(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags,
                      std::span<const ColumnChoice> choices) {
  csv::ErrorLimit errors(sources, file, diags);
  csv::Reader reader(sources, file);
  csv::Row row;
  std::vector<int> at;
  if (!csv::read_header(reader, row, columns, choices, errors, at)) return;
  const std::size_t width = row.fields.size();

  // In 2 MiB pages (source/huge_pages.hpp): a million posts and their lines are 180 MB.
  reserve_huge(program.posts, program.posts.size() + reader.line_estimate());
  reserve_huge(program.post_lines, program.post_lines.size() + reader.line_estimate());
  KeptText kept(sources.kept(file));
  RowReader read(errors, kept);
  const std::size_t first_post = program.posts.size();
  // A title is kept once each (import/kept_text.hpp), a few rows after it is read.
  auto keep_title = [&](std::uint32_t post, std::string_view kept) {
    program.posts[post].title = kept;
  };
  csv::Reader::Status status;
  while (!errors.stopped() && (status = reader.next(row)) != csv::Reader::Status::end) {
    if (!csv::check_row(status, row, width, errors, reader.separator())) continue;
    auto field = [&](Column c) -> const csv::Field& {
      return row.fields[static_cast<std::size_t>(at[c])];
    };
    if (csv::trim(field(id).text).empty() && all_blank(row)) continue;
    auto optional = [&](Column c) -> const csv::Field& { return at[c] < 0 ? no_field : field(c); };
    // Built in place and dropped if the row is bad: a million posts are not copied. Its lines,
    // designations and duties go straight into the program's arenas (see ast::Slice).
    ast::PostDecl& post = program.posts.emplace_back();
    const ast::Program::PostMarks marks = program.post_marks();
    bool ok = read.id(field(id), post.id);
    if (!ok) post.id.where = row.where();
    ok = read.title(field(title), post.title) && ok;
    post.placement = program.placements.intern(csv::trim(optional(service).text),
                                               csv::trim(optional(directorate).text));
    ok = read.lines(optional(reports_to), "reports_to", ast::LineKind::reports, program.post_lines,
                    marks.lines) &&
         ok;
    if (at[accountable_to] >= 0) {
      ok = read.lines(field(accountable_to), "accountable_to", ast::LineKind::accountable,
                      program.post_lines, marks.lines) &&
           ok;
    }
    ok = read.names(optional(designations), "designations", "section_151_officer",
                    program.post_designations, marks.designations) &&
         ok;
    ok = read.names(optional(flags), "flags", "delegated_powers", program.post_duties,
                    marks.duties) &&
         ok;
    if (!ok) {
      program.drop_last_post(marks);
      continue;
    }
    post.lines = ast::Program::since(program.post_lines, marks.lines);
    program.set_extras(post, {ast::Program::since(program.post_designations, marks.designations),
                              ast::Program::since(program.post_duties, marks.duties),
                              {}});
    // A job share is exported as the post's row once per holder, one after the other (an
    // export is ordered by post). Only the row before is looked at: finding a repeat anywhere
    // in the file would cost a cache miss per row of a million-row export, and a repeat
    // elsewhere is still reported, as a repeated id, by resolution.
    const std::size_t self = program.posts.size() - 1;
    if (self != first_post) {
      const ast::PostDecl& before = program.posts[self - 1];
      if (before.id.text == post.id.text && same_post(program, before, post)) {
        diags
            .note(post.id.where, "post " + csv::quoted(post.id.text) +
                                     " is on two identical rows: read as one post (a job share)")
            .notes.push_back(Note{before.id.where, "the row before"});
        program.drop_last_post(marks);
        continue;
      }
    }
    kept.shared_later(static_cast<std::uint32_t>(self), post.title, keep_title);
  }
  kept.finish(keep_title);
}

}  // namespace remit
