#include "report/derive_report.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "ast/ast.hpp"
#include "evaluate/exemptions.hpp"
#include "report/terminal.hpp"
#include "resolve/organisation.hpp"
#include "source/display.hpp"

namespace remit {
namespace {

struct View {
  const ast::Program& program;
  const Organisation& org;
  // --keep-going: the posts whose category could depend on a row left out, listed apart.
  const std::vector<ToReview>& review;
  // Posts an exemption took off the list (LGHA 1989 s.3, s.3A), listed apart with the decision.
  std::vector<DecisionInForce> exempted;
  const Resolved& resolved;
  const Evaluation& evaluation;
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
    for (std::string_view f : {u.id(), u.title(), u.service(), u.directorate(), category_name}) {
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
  // An exempted post is not on the list: its row says so where the category would be, and its
  // decision where the category's name would be.
  for (const DecisionInForce& e : v.exempted) {
    row("exempted", decision_text(v.program.exemptions[e.decl]), v.org.units[e.post], {});
  }
  out << buffer;
}

// A heading line (the authority, a category), wrapped to the width and painted.
void heading(std::ostream& out, std::string_view text, const TextStyle& style, Paint what) {
  out << paint_lines(wrap(text, style.width, "", "    "), what, style);
}

// Grouped by category, like the lists councils publish; columns padded to line up. Control
// characters in the values are shown escaped (source/display.hpp). When the columns do not fit
// the width, each post takes two lines: its title, then its id, service and directorate.
void table(std::ostream& out, const View& v, const std::vector<ListedPost>& list,
           const TextStyle& style) {
  struct Row {
    std::string id, title, service, directorate;
  };
  std::vector<Row> rows;
  rows.reserve(list.size());
  std::size_t id_w = 2, title_w = 5, service_w = 7, directorate_w = 0;
  for (const ListedPost& p : list) {
    const Unit& u = v.unit(p);
    Row& r = rows.emplace_back(Row{display_text(u.id()), display_text(u.title()),
                                   display_text(u.service()), display_text(u.directorate())});
    id_w = std::max(id_w, display_width(r.id));
    title_w = std::max(title_w, display_width(r.title));
    service_w = std::max(service_w, display_width(r.service));
    directorate_w = std::max(directorate_w, display_width(r.directorate));
  }
  const bool columns =
      style.width == 0 || 2 + id_w + 2 + title_w + 2 + service_w + 2 + directorate_w <= style.width;
  // Widths count columns on screen, not bytes, so that titles with ’ or é line up.
  auto pad = [&](std::string_view s, std::size_t w) {
    std::string r(s);
    const std::size_t shown = display_width(s);
    if (shown < w) r.append(w - shown, ' ');
    return r;
  };
  bool shortened = false;
  auto fit = [&](std::string_view s, std::size_t w) {
    std::string r = shorten_to(s, w);
    if (r != s) shortened = true;
    return r;
  };
  if (!v.org.authority.empty()) {
    heading(out, "Politically restricted posts: " + display_text(v.org.authority), style,
            Paint::emphasis);
  }
  std::uint32_t current = 0;
  bool first = true;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const ast::CategoryDecl& c = v.category(list[k]);
    if (first || c.number != current) {
      current = c.number;
      if (!first || !v.org.authority.empty()) out << "\n";
      heading(out, "Category " + std::to_string(c.number) + " - " + display_text(c.label.text),
              style, Paint::heading);
      first = false;
    }
    const Row& r = rows[k];
    if (columns) {
      std::string row = "  " + pad(r.id, id_w) + "  " + pad(r.title, title_w) + "  " +
                        pad(r.service, service_w) + "  " + r.directorate;
      while (!row.empty() && row.back() == ' ') row.pop_back();
      out << row << "\n";
      continue;
    }
    out << "  " << fit(r.title, style.width > 3 ? style.width - 2 : 1) << "\n";
    std::string details = r.id;
    for (const std::string* part : {&r.service, &r.directorate}) {
      if (!part->empty()) details += " · " + *part;
    }
    out << "      " << fit(details, style.width > 7 ? style.width - 6 : 1) << "\n";
  }
  if (list.empty()) out << "No politically restricted posts.\n";
  if (!v.exempted.empty()) {
    out << "\n";
    heading(out,
            "Exempted - not politically restricted (LGHA 1989 s.3, s.3A): " +
                std::to_string(v.exempted.size()) + (v.exempted.size() == 1 ? " post" : " posts"),
            style, Paint::heading);
    for (const DecisionInForce& e : v.exempted) {
      const Unit& u = v.org.units[e.post];
      out << wrap(display_text(u.id()) + "  " + display_text(u.title()), style.width, "  ",
                  "      ")
          << wrap(display_text(decision_text(v.program.exemptions[e.decl])), style.width, "    ",
                  "    ");
    }
  }
  write_to_review_text(out, v.org, v.review, style);
  // The rules the policy set aside, so that a list read alone says what was not checked.
  const std::vector<std::string> notes = set_aside_texts(v.program);
  if (!notes.empty()) out << "\n";
  for (const std::string& note : notes) out << wrap(display_text(note), style.width, "", "    ");
  if (shortened) out << "\n" << shortened_note(style.width, "--format csv or json");
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
        << " | " << cell(u.id()) << " |\n";
  }
  if (!v.exempted.empty()) {
    out << "\n## Exempted\n\n"
        << "Not politically restricted: exempted under LGHA 1989 s.3 or s.3A.\n\n"
        << "| title | service | directorate | id | exemption |\n|---|---|---|---|---|\n";
    for (const DecisionInForce& e : v.exempted) {
      const Unit& u = v.org.units[e.post];
      out << "| " << cell(u.title()) << " | " << cell(u.service()) << " | " << cell(u.directorate())
          << " | " << cell(u.id()) << " | " << cell(decision_text(v.program.exemptions[e.decl]))
          << " |\n";
    }
  }
  if (v.review.empty()) return;
  out << "\n## To be reviewed\n\n"
      << "A faulty row of the HR export was left out (--keep-going); the category of these posts "
         "could depend on it, so they are not in the list above.\n\n"
      << "| id | title | service | directorate | reason |\n|---|---|---|---|---|\n";
  for (const ToReview& r : v.review) {
    const Unit& u = v.org.units[r.unit];
    out << "| " << cell(u.id()) << " | " << cell(u.title()) << " | " << cell(u.service()) << " | "
        << cell(u.directorate()) << " | " << cell(r.reason) << " |\n";
  }
}

nlohmann::ordered_json decision_json(const ast::ExemptionDecl& d) {
  nlohmann::ordered_json cites = nlohmann::ordered_json::array();
  for (const ast::Text& c : d.cites) cites.push_back(std::string(c.text));
  return {{"date", std::string(d.date.text)},
          {"by", std::string(d.by.text)},
          {"citations", std::move(cites)},
          {"text", decision_text(d)}};
}

nlohmann::ordered_json exempted_json(const ast::Program& program, const Organisation& org,
                                     const std::vector<DecisionInForce>& exempted) {
  nlohmann::ordered_json posts = nlohmann::ordered_json::array();
  for (const DecisionInForce& e : exempted) {
    const Unit& u = org.units[e.post];
    posts.push_back({{"id", std::string(u.id())},
                     {"title", std::string(u.title())},
                     {"service", std::string(u.service())},
                     {"directorate", std::string(u.directorate())},
                     {"exemption", decision_json(program.exemptions[e.decl])}});
  }
  return posts;
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
    nlohmann::ordered_json post = {{"category", c.number},
                                   {"category_label", std::string(c.label.text)},
                                   {"id", std::string(u.id())},
                                   {"title", std::string(u.title())},
                                   {"service", std::string(u.service())},
                                   {"directorate", std::string(u.directorate())}};
    // On the list by a direction (s.3(2)(b), s.3A(1)(b)) rather than by its own duties.
    if (auto d = directed(v.program, v.resolved, v.evaluation, p.unit)) {
      post["direction"] = decision_json(v.program.exemptions[*d]);
    }
    posts.push_back(std::move(post));
  }
  doc["posts"] = std::move(posts);
  if (!v.exempted.empty()) doc["exempted"] = exempted_json(v.program, v.org, v.exempted);
  if (!v.review.empty()) doc["to_review"] = to_review_json(v.org, v.review);
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

void write_to_review_text(std::ostream& out, const Organisation& org,
                          const std::vector<ToReview>& review, const TextStyle& style) {
  if (review.empty()) return;
  out << "\n"
      << wrap("To be reviewed - " + std::to_string(review.size()) +
                  (review.size() == 1 ? " post" : " posts") +
                  " not placed in or out of any category: a faulty row of the export was left "
                  "out (--keep-going) and their category could depend on it",
              style.width, "", "    ");
  for (const ToReview& r : review) {
    const Unit& u = org.units[r.unit];
    out << wrap(display_text(u.id()) + "  " + display_text(u.title()), style.width, "  ", "      ")
        << wrap(display_text(r.reason), style.width, "    ", "    ");
  }
}

nlohmann::ordered_json to_review_json(const Organisation& org,
                                      const std::vector<ToReview>& review) {
  nlohmann::ordered_json posts = nlohmann::ordered_json::array();
  for (const ToReview& r : review) {
    const Unit& u = org.units[r.unit];
    posts.push_back({{"id", std::string(u.id())},
                     {"title", std::string(u.title())},
                     {"service", std::string(u.service())},
                     {"directorate", std::string(u.directorate())},
                     {"reason", r.reason}});
  }
  return posts;
}

void write_restricted_posts(std::ostream& out, const Run& run, const std::vector<ListedPost>& list,
                            Format format, const TextStyle& style) {
  const Evaluation& evaluation = run.evaluator().result();
  View v{run.program(),   run.resolved().organisation,
         run.to_review(), exempted_posts(run.program(), run.resolved(), evaluation),
         run.resolved(),  evaluation};
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
      table(out, v, list, style);
      break;
    case Format::xlsx:
      // A workbook is not text: write_restricted_posts_workbook writes it to a file.
    case Format::html:
      // A page is the committee report's (report/html_report.hpp).
      break;
  }
}

}  // namespace remit
