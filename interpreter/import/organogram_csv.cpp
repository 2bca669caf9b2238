#include "import/organogram_csv.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "import/csv_reader.hpp"

namespace remit {

namespace {

// Letters and digits only, in lower case: `Reports to Senior Post`, `reports_to_senior_post`
// and `Grade (or equivalent)` come out the same however a department spelt them.
std::string squeeze(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    }
  }
  return out;
}

enum Column : std::size_t {
  reference,
  name,
  title,
  unit,
  organisation,
  parent_department,
  reports_to,
  column_count
};

constexpr std::array<std::string_view, column_count> column_keys{
    "postuniquereference", "name", "jobtitle", "unit", "organisation", "parentdepartment",
    "reportstoseniorpost"};

// Which field each column is in; -1 when the header has no such column.
std::array<int, column_count> find_columns(const csv::Row& header) {
  std::array<int, column_count> at{};
  at.fill(-1);
  for (std::size_t f = 0; f < header.fields.size(); ++f) {
    const std::string key = squeeze(header.fields[f].text);
    for (std::size_t c = 0; c < column_count; ++c) {
      if (key == column_keys[c] && at[c] < 0) at[c] = static_cast<int>(f);
    }
  }
  return at;
}

enum class Holder : std::uint8_t { person, vacant, not_disclosed, eliminated };

Holder holder_of(std::string_view name) {
  const std::string key = squeeze(name);
  if (key == "vacant" || key == "vacantpost") return Holder::vacant;
  if (key == "eliminated") return Holder::eliminated;
  if (key.empty() || key == "nd" || key == "na") return Holder::not_disclosed;
  return Holder::person;
}

struct Cell {
  std::string_view text;  // trimmed
  SourceSpan where;
};

struct Entry {  // one row that is kept
  Cell reference, name, title, unit, organisation, parent, reports;
  Holder holder = Holder::person;
};

struct Post {
  std::size_t first = 0;  // the entry that gives the post's details
  std::vector<std::size_t> entries;
};

class Importer {
 public:
  Importer(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags)
      : sources_(sources), file_(file), program_(program), errors_(sources, file, diags) {}

  void run() {
    csv::Reader reader(sources_, file_);
    csv::Row row;
    if (reader.next(row) != csv::Reader::Status::row) return;  // is_organogram said it is one
    at_ = find_columns(row);
    if (at_[title] < 0) {
      errors_.error(row.where(),
                    "this organogram's header has no `Job Title` column: every post needs a title");
      return;
    }
    const std::size_t width = row.fields.size();
    csv::Reader::Status status;
    while (!errors_.stopped() && (status = reader.next(row)) != csv::Reader::Status::end) {
      if (!csv::check_row(status, row, width, errors_)) continue;
      read_row(row);
    }
    if (errors_.stopped()) return;
    left_out(zero_rows_, first_zero_,
             "Post Unique Reference 0 (people not in a senior post, as the schema has it)");
    left_out(eliminated_rows_, first_eliminated_, "the name `Eliminated` (posts that have gone)");
    find_top();
    for (const Post& p : posts_) add_post(p);
  }

 private:
  Cell cell(const csv::Row& row, Column c) const {
    if (at_[c] < 0) return {};
    const csv::Field& f = row.fields[static_cast<std::size_t>(at_[c])];
    return Cell{csv::trim(f.text), csv::span_at(f, csv::leading_blanks(f.text))};
  }

  void read_row(const csv::Row& row) {
    Entry e{cell(row, reference),  cell(row, name),         cell(row, title),
            cell(row, unit),       cell(row, organisation), cell(row, parent_department),
            cell(row, reports_to), Holder::person};
    if (e.reference.text.empty()) {
      errors_.error(row.where(), "Post Unique Reference: every row needs the post's reference");
      return;
    }
    if (e.reference.text == "0") {
      if (zero_rows_++ == 0) first_zero_ = e.reference.where;
      return;
    }
    e.holder = holder_of(e.name.text);
    if (e.holder == Holder::eliminated) {
      if (eliminated_rows_++ == 0) first_eliminated_ = e.name.where;
      return;
    }
    const std::string_view problem = csv::post_id_problem(e.reference.text);
    if (!problem.empty()) {
      errors_.error(e.reference.where, "Post Unique Reference: " + csv::quoted(e.reference.text) +
                                           " " + std::string(problem) +
                                           "; a post id cannot contain `;`, `:` or `,`");
      return;
    }
    if (e.title.text.empty()) {
      errors_.error(e.title.where, "Job Title: every post needs a title");
      return;
    }
    if (e.reports.text.empty()) {
      errors_.error(e.reports.where,
                    "Reports to Senior Post: empty; write the reference of the post it reports "
                    "to, or XX for the top of the structure");
      return;
    }
    const std::size_t index = entries_.size();
    auto [it, fresh] = by_reference_.try_emplace(e.reference.text, posts_.size());
    if (fresh) {
      posts_.push_back(Post{index, {}});
    } else {
      // A job share: one post on several rows, which must agree on where it reports.
      const Entry& first = entries_[posts_[it->second].first];
      if (squeeze(first.reports.text) != squeeze(e.reports.text)) {
        Diagnostic* d = errors_.error(
            e.reports.where,
            "Reports to Senior Post: post " + csv::quoted(e.reference.text) +
                " is on more than one row (a job share) but reports to " +
                csv::quoted(first.reports.text) + " there and " + csv::quoted(e.reports.text) +
                " here; give the rows of one post the same manager, or each post its own "
                "reference");
        if (d) d->notes.push_back(Note{first.reports.where, "the first row of the post"});
        return;
      }
    }
    posts_[it->second].entries.push_back(index);
    entries_.push_back(e);
  }

  void left_out(std::size_t count, SourceSpan first, std::string_view what) {
    if (count == 0) return;
    errors_.warning(first, std::to_string(count) + (count == 1 ? " row has " : " rows have ") +
                               std::string(what) + ": left out (the first is here)");
  }

  static bool is_top_mark(std::string_view reports) { return squeeze(reports) == "xx"; }

  // A post that reports to itself is the top when it is the only one and nothing says XX;
  // otherwise it is a fault the department must correct.
  void find_top() {
    bool marked = false;
    std::vector<std::size_t> own;  // posts reporting to themselves
    for (std::size_t p = 0; p < posts_.size(); ++p) {
      const Entry& e = entries_[posts_[p].first];
      if (is_top_mark(e.reports.text)) marked = true;
      if (e.reports.text == e.reference.text) own.push_back(p);
    }
    if (own.size() == 1 && !marked) {
      const Entry& e = entries_[posts_[own[0]].first];
      errors_.warning(e.reports.where,
                      "post " + csv::quoted(e.reference.text) +
                          " reports to itself: read as the top of the structure, as no post "
                          "reports to XX (write XX here to say so)");
      top_ = own[0];
      return;
    }
    for (std::size_t p : own) {
      const Entry& e = entries_[posts_[p].first];
      errors_.error(e.reports.where,
                    "Reports to Senior Post: post " + csv::quoted(e.reference.text) +
                        " reports to itself; write the reference of the post it reports to, or "
                        "XX if it is the top of the structure");
      self_reporting_.push_back(p);
    }
  }

  void add_post(const Post& p) {
    const std::size_t index = static_cast<std::size_t>(&p - posts_.data());
    if (std::find(self_reporting_.begin(), self_reporting_.end(), index) != self_reporting_.end()) {
      return;
    }
    const Entry& e = entries_[p.first];
    ast::PostDecl& post = program_.posts.emplace_back();
    post.id = ast::Name{e.reference.text, e.reference.where};
    post.title = e.title.text;
    post.placement = program_.placements.intern(
        e.unit.text, e.organisation.text.empty() ? e.parent.text : e.organisation.text);
    const std::size_t lines_begin = program_.post_lines.size();
    if (index != top_ && !is_top_mark(e.reports.text)) {
      program_.post_lines.push_back(ast::LineDecl{ast::Name{e.reports.text, e.reports.where},
                                                  ast::LineKind::reports, true, std::nullopt});
    }
    post.lines = ast::Program::since(program_.post_lines, lines_begin);
    bool vacant = true;
    for (std::size_t k : p.entries) {
      const Entry& row = entries_[k];
      if (row.holder != Holder::vacant) vacant = false;
      if (row.holder != Holder::person) continue;
      // A person is known by their name: the same name on two posts is one person holding both,
      // which is how an organogram shows it.
      ast::PersonDecl& person = program_.people.emplace_back();
      person.id = ast::Name{row.name.text, row.name.where};  // named by it: no extras
      const std::size_t holds_begin = program_.person_holds.size();
      program_.person_holds.push_back(
          ast::Holding{ast::Name{e.reference.text, row.name.where}, ast::HoldingKind::substantive});
      person.holds = ast::Program::since(program_.person_holds, holds_begin);
    }
    post.vacant = vacant;
  }

  SourceSet& sources_;
  FileId file_;
  ast::Program& program_;
  csv::ErrorLimit errors_;
  std::array<int, column_count> at_{};
  std::vector<Entry> entries_;
  std::vector<Post> posts_;
  std::unordered_map<std::string_view, std::size_t> by_reference_;
  std::vector<std::size_t> self_reporting_;
  std::size_t top_ = SIZE_MAX;
  std::size_t zero_rows_ = 0, eliminated_rows_ = 0;
  SourceSpan first_zero_, first_eliminated_;
};

}  // namespace

bool is_organogram(SourceSet& sources, FileId file) {
  csv::Reader reader(sources, file);
  csv::Row header;
  if (reader.next(header) != csv::Reader::Status::row) return false;
  const std::array<int, column_count> at = find_columns(header);
  return at[reference] >= 0 && at[reports_to] >= 0;
}

void import_organogram(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags) {
  Importer(sources, file, program, diags).run();
}

}  // namespace remit
