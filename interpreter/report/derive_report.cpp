#include "report/derive_report.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "ast/ast.hpp"
#include "resolve/organisation.hpp"
#include "source/display.hpp"

namespace remit {
namespace {

struct View {
  const ast::Program& program;
  const Organisation& org;
  // --keep-going: the posts whose category could depend on a row left out, listed apart.
  const std::vector<ToReview>& review;
  const ast::CategoryDecl& category(const ListedPost& p) const {
    return program.categories[p.category];
  }
  const Unit& unit(const ListedPost& p) const { return org.units[p.unit]; }
};

// With posts to be reviewed, they follow the list as rows whose category is "to be reviewed",
// and a last column, review_reason, says why (empty for the list proper); without, the columns
// are as they always were.
void csv(std::ostream& out, const View& v, const std::vector<ListedPost>& list) {
  // The category's name comes after the columns there have always been, so that a script reading
  // them by position reads what it always did.
  const bool review = !v.review.empty();
  out << "category,id,title,service,directorate,category_name"
      << (review ? ",review_reason\n" : "\n");
  // The rows are built in one buffer written out in large pieces, each field appended in place
  // (csv_field's quoting only for a field that needs it): at a million posts the 35,000 rows
  // took 130 M of derive's 3,080 M instructions with a string made per field and a stream write
  // per row, and take 37 M.
  std::string buffer;
  auto append = [&](std::string_view f) {
    const bool plain = std::none_of(
        f.begin(), f.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
    if (plain) {
      buffer += f;
    } else {
      buffer += csv_field(f);
    }
  };
  auto row = [&](std::string_view category, std::string_view category_name, const Unit& u,
                 std::string_view reason) {
    buffer += category;
    for (std::string_view f : {u.id, u.title(), u.service(), u.directorate(), category_name}) {
      buffer += ',';
      append(f);
    }
    if (review) {
      buffer += ',';
      append(reason);
    }
    buffer += '\n';
    if (buffer.size() >= 1 << 16) {
      out << buffer;
      buffer.clear();
    }
  };
  for (const ListedPost& p : list) {
    row(std::to_string(v.category(p).number), v.category(p).label.text, v.unit(p), {});
  }
  for (const ToReview& r : v.review) row("to be reviewed", {}, v.org.units[r.unit], r.reason);
  out << buffer;
}

// Grouped by category, like the lists councils publish; columns padded to line up. Control
// characters in the values are shown escaped (source/display.hpp).
void table(std::ostream& out, const View& v, const std::vector<ListedPost>& list) {
  auto width = [](std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  };
  struct Row {
    std::string id, title, service, directorate;
  };
  std::vector<Row> rows;
  rows.reserve(list.size());
  std::size_t id_w = 2, title_w = 5, service_w = 7;
  for (const ListedPost& p : list) {
    const Unit& u = v.unit(p);
    Row& r = rows.emplace_back(Row{display_text(u.id), display_text(u.title()),
                                   display_text(u.service()), display_text(u.directorate())});
    id_w = std::max(id_w, width(r.id));
    title_w = std::max(title_w, width(r.title));
    service_w = std::max(service_w, width(r.service));
  }
  // Widths count characters, not bytes, so that titles with ’ or é line up.
  auto pad = [&](std::string_view s, std::size_t w) {
    std::string r(s);
    const std::size_t shown = width(s);
    if (shown < w) r.append(w - shown, ' ');
    return r;
  };
  if (!v.org.authority.empty()) {
    out << "Politically restricted posts: " << display_text(v.org.authority) << "\n";
  }
  std::uint32_t current = 0;
  bool first = true;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const ast::CategoryDecl& c = v.category(list[k]);
    if (first || c.number != current) {
      current = c.number;
      out << (first && v.org.authority.empty() ? "" : "\n") << "Category " << c.number << " - "
          << display_text(c.label.text) << "\n";
      first = false;
    }
    const Row& r = rows[k];
    std::string row = "  " + pad(r.id, id_w) + "  " + pad(r.title, title_w) + "  " +
                      pad(r.service, service_w) + "  " + r.directorate;
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out << row << "\n";
  }
  if (list.empty()) out << "No politically restricted posts.\n";
  write_to_review_text(out, v.org, v.review);
}

// A table per category. Cells escape `|` and show line breaks as <br> (source/display.hpp).
void markdown(std::ostream& out, const View& v, const std::vector<ListedPost>& list) {
  const auto cell = markdown_cell;
  out << "# Politically restricted posts";
  if (!v.org.authority.empty()) out << ": " << cell(v.org.authority);
  out << "\n";
  std::uint32_t current = 0;
  bool first = true;
  for (const ListedPost& p : list) {
    const ast::CategoryDecl& c = v.category(p);
    if (first || c.number != current) {
      current = c.number;
      first = false;
      out << "\n## Category " << c.number << " - " << cell(c.label.text) << "\n\n"
          << "| title | service | directorate | id |\n|---|---|---|---|\n";
    }
    // Titles first, as a published list reads; the id last, for finding the post again.
    const Unit& u = v.unit(p);
    out << "| " << cell(u.title()) << " | " << cell(u.service()) << " | " << cell(u.directorate())
        << " | " << cell(u.id) << " |\n";
  }
  if (v.review.empty()) return;
  out << "\n## To be reviewed\n\n"
      << "A faulty row of the HR export was left out (--keep-going); the category of these posts "
         "could depend on it, so they are not in the list above.\n\n"
      << "| id | title | service | directorate | reason |\n|---|---|---|---|---|\n";
  for (const ToReview& r : v.review) {
    const Unit& u = v.org.units[r.unit];
    out << "| " << cell(u.id) << " | " << cell(u.title()) << " | " << cell(u.service()) << " | "
        << cell(u.directorate()) << " | " << cell(r.reason) << " |\n";
  }
}

void json(std::ostream& out, const View& v, const std::vector<ListedPost>& list) {
  nlohmann::ordered_json doc;
  doc["authority"] = std::string(v.org.authority);
  nlohmann::ordered_json cats = nlohmann::ordered_json::array();
  std::vector<std::uint32_t> numbers;
  for (const ast::CategoryDecl& c : v.program.categories) numbers.push_back(c.number);
  nlohmann::ordered_json posts = nlohmann::ordered_json::array();
  for (const ListedPost& p : list) {
    const Unit& u = v.unit(p);
    const ast::CategoryDecl& c = v.category(p);
    posts.push_back({{"category", c.number},
                     {"category_label", std::string(c.label.text)},
                     {"id", std::string(u.id)},
                     {"title", std::string(u.title())},
                     {"service", std::string(u.service())},
                     {"directorate", std::string(u.directorate())}});
  }
  doc["posts"] = std::move(posts);
  if (!v.review.empty()) doc["to_review"] = to_review_json(v.org, v.review);
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

void write_to_review_text(std::ostream& out, const Organisation& org,
                          const std::vector<ToReview>& review) {
  if (review.empty()) return;
  out << "\nTo be reviewed - " << review.size() << (review.size() == 1 ? " post" : " posts")
      << " not placed in or out of any category: a faulty row of the export was left out "
         "(--keep-going) and their category could depend on it\n";
  for (const ToReview& r : review) {
    const Unit& u = org.units[r.unit];
    out << "  " << display_text(u.id) << "  " << display_text(u.title()) << "\n    "
        << display_text(r.reason) << "\n";
  }
}

nlohmann::ordered_json to_review_json(const Organisation& org,
                                      const std::vector<ToReview>& review) {
  nlohmann::ordered_json posts = nlohmann::ordered_json::array();
  for (const ToReview& r : review) {
    const Unit& u = org.units[r.unit];
    posts.push_back({{"id", std::string(u.id)},
                     {"title", std::string(u.title())},
                     {"service", std::string(u.service())},
                     {"directorate", std::string(u.directorate())},
                     {"reason", r.reason}});
  }
  return posts;
}

void write_restricted_posts(std::ostream& out, const Run& run, const std::vector<ListedPost>& list,
                            Format format) {
  View v{run.program(), run.resolved().organisation, run.to_review()};
  switch (format) {
    case Format::csv:
      csv(out, v, list);
      break;
    case Format::json:
      json(out, v, list);
      break;
    case Format::markdown:
      markdown(out, v, list);
      break;
    case Format::table:
    case Format::text:
      table(out, v, list);
      break;
    case Format::xlsx:
      // A workbook is not text: write_restricted_posts_workbook writes it to a file.
      break;
  }
}

}  // namespace remit
