#include "report/html_report.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <string_view>
#include <unordered_set>

#include "ast/ast.hpp"
#include "evaluate/breach.hpp"
#include "evaluate/exemptions.hpp"
#include "explain/explain.hpp"
#include "explain/plain.hpp"
#include "report/html_text.hpp"
#include "report/org_chart.hpp"
#include "resolve/citations.hpp"
#include "resolve/organisation.hpp"
#include "resolve/resolver.hpp"

namespace remit {

std::string_view report_css();  // generated from report/assets/report.css

namespace {

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Published lists head their categories "Category One", "Category Two"…
std::string number_in_words(std::uint32_t n) {
  static constexpr std::string_view words[] = {
      "Zero",     "One",     "Two",     "Three",     "Four",     "Five",     "Six",
      "Seven",    "Eight",   "Nine",    "Ten",       "Eleven",   "Twelve",   "Thirteen",
      "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Twenty"};
  return n < std::size(words) ? std::string(words[n]) : std::to_string(n);
}

std::string category_heading(const ast::CategoryDecl& d) {
  return "Category " + number_in_words(d.number) + " - " + std::string(d.label.text);
}

const ast::CategoryDecl* category_numbered(const ast::Program& p, const Resolved& r,
                                           std::uint32_t number) {
  for (std::uint32_t c : r.plan.active) {
    if (p.categories[c].number == number) return &p.categories[c];
  }
  return nullptr;
}

std::string posts_count(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " post" : " posts");
}

// The frame every page shares: the skip link, header, contents, main and footer landmarks.
struct Page {
  std::string lang = "en-GB";
  std::string title;
  std::string authority;  // may be empty
  std::string heading;
  std::string date;                                           // long form, may be empty
  std::vector<std::pair<std::string, std::string>> contents;  // fragment, label
  std::string main;
  bool chart = false;
};

// Zoom for the chart: the buttons change the drawing's width; the frame scrolls. Without the
// script the chart is shown at its own size, scrollable, and the buttons are hidden.
constexpr std::string_view zoom_script = R"(
document.body.classList.remove('no-script');
(function () {
  var frame = document.getElementById('chart-frame');
  if (!frame) return;
  var svg = frame.querySelector('svg');
  if (!svg) return;
  var base = svg.getBoundingClientRect().width || 800;
  var zoom = 1;
  function set(z) {
    zoom = Math.min(4, Math.max(0.25, z));
    svg.style.width = (base * zoom) + 'px';
    svg.style.height = 'auto';
    document.getElementById('zoom-level').textContent = Math.round(zoom * 100) + '%';
  }
  document.getElementById('zoom-in').addEventListener('click', function () { set(zoom * 1.25); });
  document.getElementById('zoom-out').addEventListener('click', function () { set(zoom / 1.25); });
  function fit() { set(frame.clientWidth / base); }
  document.getElementById('zoom-fit').addEventListener('click', fit);
  // The whole chart at first, as on paper; the buttons zoom in from there.
  fit();
})();
)";

std::string render(const Page& p) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"" + p.lang + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<meta name=\"generator\" content=\"remit\">\n";
  h += "<title>" + html_escape(p.title) + "</title>\n<style>\n";
  h += report_css();
  h += "</style>\n</head>\n<body class=\"no-script\">\n";
  h += "<a class=\"skip-link\" href=\"#main\">Skip to the content</a>\n";
  h += "<header class=\"page\">\n";
  if (!p.authority.empty()) h += "<p>" + html_escape(p.authority) + "</p>\n";
  h += "<h1>" + html_escape(p.heading) + "</h1>\n";
  if (!p.date.empty()) h += "<p>" + html_escape(p.date) + "</p>\n";
  h += "</header>\n";
  if (!p.contents.empty()) {
    h += "<nav class=\"contents\" aria-labelledby=\"contents-heading\">\n"
         "<h2 id=\"contents-heading\">Contents</h2>\n<ol>\n";
    for (const auto& [fragment, label] : p.contents) {
      h += "<li><a href=\"#" + fragment + "\">" + html_escape(label) + "</a></li>\n";
    }
    h += "</ol>\n</nav>\n";
  }
  h += "<main id=\"main\" tabindex=\"-1\">\n" + p.main + "</main>\n";
  h += "<footer class=\"page\">\n<p>Made by remit" +
       (p.date.empty() ? std::string() : " on " + html_escape(p.date)) +
       ". The technical explanations name the policy file and line each step rests on.</p>\n"
       "</footer>\n";
  if (p.chart) {
    h += "<script>";
    h += zoom_script;
    h += "</script>\n";
  } else {
    h += "<script>document.body.classList.remove('no-script');</script>\n";
  }
  h += "</body>\n</html>\n";
  return h;
}

std::string paragraphs(const std::vector<std::string>& ps) {
  std::string h;
  for (const std::string& p : ps) h += "<p>" + html_escape(p) + "</p>\n";
  return h;
}

// A post's reason: plain words under a summary, the technical explanation (if any) one more
// click away.
std::string reason_details(const std::string& title, const std::string& summary,
                           const std::vector<std::string>& plain, const std::string& technical) {
  std::string h = "<details class=\"why\">\n<summary>" + summary +
                  "<span class=\"visually-hidden\">: " + html_escape(title) +
                  "</span></summary>\n<div class=\"reason\">\n";
  h += paragraphs(plain);
  if (!technical.empty()) {
    h += "<details class=\"technical\">\n<summary>Technical explanation<span "
         "class=\"visually-hidden\">: " +
         html_escape(title) + "</span></summary>\n<pre>" + html_escape(technical) +
         "</pre>\n</details>\n";
  }
  return h + "</div>\n</details>\n";
}

// The org chart in a scrollable frame with zoom buttons (they need the page's script; without
// it they are hidden and the frame scrolls).
std::string chart_section(const std::string& svg, const std::string& links) {
  if (svg.empty()) return "";
  return "<section class=\"chart\" aria-labelledby=\"chart\">\n<h2 id=\"chart\">Organisation "
         "chart</h2>\n<p>Each box is a post, with its category as a badge. " +
         links +
         "</p>\n"
         "<div class=\"chart-tools\" role=\"group\" aria-label=\"Zoom the chart\">"
         "<button type=\"button\" id=\"zoom-out\">Zoom out</button>"
         "<button type=\"button\" id=\"zoom-in\">Zoom in</button>"
         "<button type=\"button\" id=\"zoom-fit\">Fit to width</button> "
         "<span id=\"zoom-level\" aria-live=\"polite\">100%</span></div>\n"
         "<div class=\"chart-frame\" id=\"chart-frame\" tabindex=\"0\" role=\"region\" "
         "aria-label=\"Organisation chart (scrollable)\">\n" +
         svg + "\n</div>\n</section>\n";
}

class Report {
 public:
  Report(Run& run, const PolicyDepartures& departures, const ReportOptions& options)
      : run_(run),
        departures_(departures),
        options_(options),
        program_(run.program()),
        org_(run.resolved().organisation),
        exempted_(exempted_posts(program_, run.resolved(), run.evaluator().result())) {}

  std::string page() {
    Page p;
    p.authority = std::string(org_.authority);
    p.heading = "Politically restricted posts";
    p.title = p.authority.empty() ? p.heading : p.heading + ": " + p.authority;
    p.date = long_date(options_.date);
    p.chart = !options_.chart_svg.empty();
    // The contents in the order of the page: the list first, as councils publish it.
    p.contents = {{"list", "The restricted posts"}};
    if (!exempted_.empty()) p.contents.push_back({"exempted", "Exempted posts"});
    if (!run_.to_review().empty()) p.contents.push_back({"review", "Posts to be reviewed"});
    p.contents.push_back({"departures", "Where the policy departs from the Act"});
    p.contents.push_back({"breaches", "Breaches of the rules"});
    p.contents.push_back({"not-restricted", "Posts not on the list"});
    if (p.chart) p.contents.push_back({"chart", "Organisation chart"});
    p.main = list() + exempted() + review() + departures() + breaches() + unrestricted() + chart();
    return render(p);
  }

 private:
  std::string list() {
    const std::vector<ListedPost> posts = run_.restricted_posts();
    std::string h =
        "<section aria-labelledby=\"list\">\n<h2 id=\"list\">The restricted posts</h2>\n";
    std::map<std::uint32_t, std::vector<UnitIndex>> by_category;  // by category number
    std::map<std::uint32_t, std::uint32_t> decl_of;
    for (const ListedPost& lp : posts) {
      const std::uint32_t number = program_.categories[lp.category].number;
      by_category[number].push_back(lp.unit);
      decl_of[number] = lp.category;
    }
    h += "<p>" + posts_count(posts.size()) + " in " + std::to_string(by_category.size()) +
         (by_category.size() == 1 ? " category" : " categories") +
         ". A person who holds one of them may not stand for election as a councillor or MP, "
         "nor take an active part in politics (Local Government and Housing Act 1989 s.1). "
         "Open a post's reason to see why it is on the list.</p>\n";
    if (posts.empty()) h += "<p class=\"none\">No post is politically restricted.</p>\n";
    for (const auto& [number, units] : by_category) {
      const ast::CategoryDecl& d = program_.categories[decl_of[number]];
      const std::string id = "category-" + std::to_string(number);
      const std::string heading = category_heading(d);
      h += "<section aria-labelledby=\"" + id + "\">\n<h3 id=\"" + id + "\">" +
           html_escape(heading) + "</h3>\n";
      std::vector<std::string> cites;
      for (const ast::Text& c : category_citations(program_, org_, decl_of[number])) {
        cites.emplace_back(c.text);
      }
      if (!cites.empty()) h += "<p class=\"cite\">" + html_escape(citations_text(cites)) + "</p>\n";
      // The caption repeats the heading for a screen reader's table list; on screen the heading
      // shows it.
      h += "<table class=\"posts\">\n<caption class=\"visually-hidden\">" + html_escape(heading) +
           ": " + posts_count(units.size()) +
           "</caption>\n<thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Service</th>"
           "<th scope=\"col\">Directorate</th></tr></thead>\n<tbody>\n";
      for (UnitIndex u : units) h += row(u);
      h += "</tbody>\n</table>\n</section>\n";
    }
    return h + "</section>\n";
  }

  std::string row(UnitIndex u) {
    const Unit& unit = org_.units[u];
    const std::string anchor = post_anchor(unit.id());
    const std::string title = std::string(unit.title());
    std::string h = row_head(unit);
    const Reason reason = explain_listing(run_, u);
    h += reason_details(title, "Why it is restricted", plain_paragraphs(reason, run_),
                        render_text(reason, run_.sources()));
    h += "</th>\n<td>" + html_escape(unit.service()) + "</td>\n<td>" +
         html_escape(unit.directorate()) + "</td>\n</tr>\n";
    return h;
  }

  // A row's start: its id for the chart's links, and the title leading to the post's box.
  std::string row_head(const Unit& unit) const {
    const std::string anchor = post_anchor(unit.id());
    std::string h = "<tr id=\"post-" + anchor + "\">\n<th scope=\"row\">";
    if (!options_.chart_svg.empty()) {
      h += "<a href=\"#box-" + anchor + "\">" + html_escape(unit.title()) +
           "<span class=\"visually-hidden\"> (in the chart)</span></a>";
    } else {
      h += html_escape(unit.title());
    }
    return h + " <span class=\"id\">" + html_escape(unit.id()) + "</span>\n";
  }

  // Every other post (and the council and its committees), so that each box of the chart has a
  // row to lead to, and a reader can see why a post is not on the list.
  std::string unrestricted() {
    std::vector<bool> shown(org_.units.size(), false);
    for (const ListedPost& lp : run_.restricted_posts()) shown[lp.unit] = true;
    for (const ToReview& r : run_.to_review()) shown[r.unit] = true;
    for (const DecisionInForce& e : exempted_) shown[e.post] = true;
    std::string rows;
    std::size_t n = 0;
    for (UnitIndex u = 0; u < org_.units.size(); ++u) {
      if (shown[u]) continue;
      const Unit& unit = org_.units[u];
      const std::string title(unit.title());
      rows += row_head(unit);
      if (unit.is_body()) {
        rows += "<p>The council or one of its committees: a body, not a post.</p>\n";
      } else {
        ++n;
        const Reason reason = explain_listing(run_, u);
        // In words only: the technical explanation of a post in no category goes through every
        // category, and an export of thousands of posts would make the page many times longer.
        rows +=
            reason_details(title, "Why it is not restricted", plain_paragraphs(reason, run_), {});
      }
      rows += "</th>\n<td>" + html_escape(unit.service()) + "</td>\n<td>" +
              html_escape(unit.directorate()) + "</td>\n</tr>\n";
    }
    std::string h =
        "<section aria-labelledby=\"not-restricted\">\n<h2 id=\"not-restricted\">Posts not on "
        "the list</h2>\n<p>" +
        (n == 0 ? std::string("Every post of the structure is on the list.")
                : posts_count(n) + " of the structure " + (n == 1 ? "is" : "are") +
                      " not politically restricted; remit explain POLICY… ID gives the technical "
                      "explanation of any of them.") +
        "</p>\n";
    if (rows.empty()) return h + "</section>\n";
    return h +
           "<table class=\"posts\">\n<caption class=\"visually-hidden\">Posts and bodies not on "
           "the list</caption>\n<thead><tr><th scope=\"col\">Title</th><th "
           "scope=\"col\">Service</th><th scope=\"col\">Directorate</th></tr></thead>\n<tbody>\n" +
           rows + "</tbody>\n</table>\n</section>\n";
  }

  // A section of posts that are not on the list, each with one more column saying why: the
  // opening up to the table's body (exempted() and review() write the same kind of table).
  static std::string why_table_head(std::string_view id, std::string_view heading,
                                    std::string_view intro, std::string_view column) {
    std::string h = "<section aria-labelledby=\"";
    h += id;
    h += "\">\n<h2 id=\"";
    h += id;
    h += "\">";
    h += heading;
    h += "</h2>\n<p>";
    h += intro;
    h += "</p>\n<table>\n<caption>";
    h += heading;
    h += "</caption>\n<thead><tr><th scope=\"col\">Title</th><th scope=\"col\">";
    h += column;
    h += "</th></tr></thead>\n<tbody>\n";
    return h;
  }
  static std::string why_row(const Unit& unit, std::string_view why) {
    return "<tr id=\"post-" + post_anchor(unit.id()) + "\"><th scope=\"row\">" +
           html_escape(unit.title()) + " <span class=\"id\">" + html_escape(unit.id()) +
           "</span></th><td>" + html_escape(why) + "</td></tr>\n";
  }

  // Posts an exemption took off the list (LGHA 1989 s.3, s.3A), with each decision.
  std::string exempted() {
    if (exempted_.empty()) return "";
    std::string h = why_table_head(
        "exempted", "Exempted posts",
        "These posts meet only category 8 and have been exempted, so they are not politically "
        "restricted (Local Government and Housing Act 1989 s.3, s.3A).",
        "Exemption");
    for (const DecisionInForce& e : exempted_) {
      h += why_row(org_.units[e.post], capitalised(decision_text(program_.exemptions[e.decl])));
    }
    return h + "</tbody>\n</table>\n</section>\n";
  }

  std::string review() {
    const auto& posts = run_.to_review();
    if (posts.empty()) return "";
    std::string h = why_table_head(
        "review", "Posts to be reviewed",
        "Rows of the HR export were left out as faulty; the category of these posts could "
        "depend on them, so they are not in the list above.",
        "Why");
    for (const ToReview& r : posts) h += why_row(org_.units[r.unit], r.reason);
    return h + "</tbody>\n</table>\n</section>\n";
  }

  std::string category_text(std::uint32_t number) const {
    if (number == 0) return "not restricted";
    const ast::CategoryDecl* d = category_numbered(program_, run_.resolved(), number);
    return "category " + std::to_string(number) +
           (d ? " (" + std::string(d->label.text) + ")" : std::string());
  }

  std::string departures() {
    const PolicyDepartures& d = departures_;
    std::string h =
        "<section aria-labelledby=\"departures\">\n<h2 id=\"departures\">Where the policy "
        "departs from the Act</h2>\n";
    if (!d.compared || d.files.empty())
      return h + "<p>" + html_escape(d.note) + "</p>\n</section>\n";
    std::string files;
    for (const std::string& f : d.files) files += (files.empty() ? "" : ", ") + f;
    h += "<p>The council's policy defines its own categories (in " + html_escape(files) + ")";
    if (!d.cites.empty()) h += ", citing: " + html_escape(citations_text(d.cites));
    h += ".</p>\n";
    if (d.posts.empty()) {
      return h + "<p>It lists every post in the category the Act gives it.</p>\n</section>\n";
    }
    h += "<p>" + posts_count(d.posts.size()) + (d.posts.size() == 1 ? " is" : " are") +
         " listed otherwise than under the Act's own categories (uk/lgha1989):</p>\n"
         "<table>\n<caption>Posts listed otherwise than the Act lists them</caption>\n<thead>"
         "<tr><th scope=\"col\">Title</th><th scope=\"col\">Under the Act</th>"
         "<th scope=\"col\">Under the council's policy</th></tr></thead>\n<tbody>\n";
    for (const Departure& p : d.posts) {
      h += "<tr><th scope=\"row\">" + html_escape(p.change.title) + " <span class=\"id\">" +
           html_escape(p.change.id) +
           "</span>\n<details class=\"why\"><summary>Why<span "
           "class=\"visually-hidden\">: " +
           html_escape(p.change.title) +
           "</span></summary>\n<div class=\"reason\">\n<p><strong>Under the Act:</strong></p>\n" +
           paragraphs(p.under_act) + "<p><strong>Under the council's policy:</strong></p>\n" +
           paragraphs(p.under_policy) + "</div>\n</details>\n</th>\n<td>" +
           html_escape(category_text(p.change.before)) + "</td>\n<td>" +
           html_escape(category_text(p.change.after)) + "</td></tr>\n";
    }
    return h + "</tbody>\n</table>\n</section>\n";
  }

  std::string breaches() {
    const std::vector<Breach> all = breach_values(run_);
    std::string h =
        "<section aria-labelledby=\"breaches\">\n<h2 id=\"breaches\">Breaches of the rules</h2>\n";
    // Never silently: each rule the policy set aside, and why.
    for (const std::string& note : set_aside_texts(program_)) {
      h += "<p class=\"set-aside\">" + html_escape(note) + "</p>\n";
    }
    if (all.empty()) {
      return h +
             "<p>No rule is breached: no one holds posts the rules keep apart, and every "
             "require and forbid rule holds.</p>\n</section>\n";
    }
    h += "<p>" + std::to_string(all.size()) + (all.size() == 1 ? " breach" : " breaches") +
         ", in the order remit check numbers them.</p>\n<table>\n<caption>Breaches</caption>\n"
         "<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">What is wrong</th>"
         "<th scope=\"col\">Law cited</th></tr></thead>\n<tbody>\n";
    for (std::size_t n = 1; n <= all.size(); ++n) {
      const Breach& b = all[n - 1];
      std::vector<std::string> cites;
      const bool incompatibility = std::holds_alternative<IncompatibilityFound>(b.what);
      const auto& decl_cites =
          incompatibility ? program_.incompatibilities[b.rule].cites : program_.rules[b.rule].cites;
      for (const ast::Text& c : decl_cites) cites.emplace_back(c.text);
      std::string what = breach_detail(b);
      if (const auto* r = std::get_if<RuleFound>(&b.what); r && !r->posts.empty()) {
        what += ". Posts: ";
        for (std::size_t k = 0; k < r->posts.size(); ++k) {
          what += (k ? ", " : "") + r->posts[k].title + " (" + r->posts[k].id + ")";
        }
      }
      const std::string title = breach_title(b);
      h += "<tr><th scope=\"row\"><span class=\"badge breach\">Breach " + std::to_string(n) +
           "</span> " + html_escape(title) + "</th>\n<td>" + html_escape(what) +
           "\n<details class=\"technical\"><summary>Technical explanation<span "
           "class=\"visually-hidden\">: breach " +
           std::to_string(n) + "</span></summary>\n<pre>" +
           html_escape(render_text(explain_breach(run_, n), run_.sources())) +
           "</pre>\n</details>\n</td>\n<td>" +
           html_escape(cites.empty() ? std::string("none") : citations_text(cites)) +
           "</td></tr>\n";
    }
    return h + "</tbody>\n</table>\n</section>\n";
  }

  std::string chart() const {
    return chart_section(options_.chart_svg, "Each box leads to its post in the list.");
  }

  Run& run_;
  const PolicyDepartures& departures_;
  const ReportOptions& options_;
  const ast::Program& program_;
  const Organisation& org_;
  const std::vector<DecisionInForce> exempted_;
};

std::string change_category(std::uint32_t number, bool exists) {
  if (!exists) return "no such post";
  return number == 0 ? "not restricted" : "category " + std::to_string(number);
}

std::string change_table(const std::string& id, const std::string& heading,
                         const std::vector<CategoryChange>& changes) {
  std::string h = "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" +
                  html_escape(heading) + " (" + std::to_string(changes.size()) + ")</h2>\n";
  if (changes.empty()) return h + "<p class=\"none\">None.</p>\n</section>\n";
  h += "<table>\n<caption>" + html_escape(heading) +
       "</caption>\n<thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Before</th>"
       "<th scope=\"col\">After</th></tr></thead>\n<tbody>\n";
  for (const CategoryChange& c : changes) {
    std::string badge;
    if (!c.existed_before) badge = " <span class=\"badge added\">added post</span>";
    if (!c.exists_after) badge = " <span class=\"badge removed\">removed post</span>";
    h += "<tr id=\"post-" + post_anchor(c.id) + "\"><th scope=\"row\">" + html_escape(c.title) +
         " <span class=\"id\">" + html_escape(c.id) + "</span>" + badge + "</th><td>" +
         html_escape(change_category(c.before, c.existed_before)) + "</td><td>" +
         "<span aria-hidden=\"true\">&rarr; </span>" +
         html_escape(change_category(c.after, c.exists_after)) + "</td></tr>\n";
  }
  return h + "</tbody>\n</table>\n</section>\n";
}

std::string breach_list(const std::string& id, const std::string& heading,
                        const std::vector<Breach>& breaches) {
  std::string h = "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" +
                  html_escape(heading) + " (" + std::to_string(breaches.size()) + ")</h2>\n";
  if (breaches.empty()) return h + "<p class=\"none\">None.</p>\n</section>\n";
  h += "<ul>\n";
  for (const Breach& b : breaches) {
    h += "<li><strong>" + html_escape(breach_title(b)) +
         "</strong>: " + html_escape(breach_facts(b, SIZE_MAX)) + "</li>\n";
  }
  return h + "</ul>\n</section>\n";
}

std::string chain(const std::vector<std::string>& ids) {
  std::string s;
  for (const std::string& id : ids) s += (s.empty() ? "" : " \u2192 ") + id;
  return s.empty() ? "none" : s;
}

}  // namespace

std::string html_report(Run& run, const PolicyDepartures& departures,
                        const ReportOptions& options) {
  return Report(run, departures, options).page();
}

std::string html_difference(const std::string& title, const Difference& diff,
                            const ReportOptions& options) {
  Page p;
  p.heading = title;
  p.title = title;
  p.date = long_date(options.date);
  p.contents = {
      {"changed", "Posts that change category"},   {"entered", "Posts that become restricted"},
      {"left", "Posts no longer restricted"},      {"breaches-appear", "Breaches that appear"},
      {"breaches-go", "Breaches that go"},         {"breaches-change", "Breaches that change"},
      {"lines", "Lines of management that change"}};
  std::string& h = p.main;
  h += "<p>" +
       std::string(diff.empty() ? "Nothing changes." : "What changes, from before to after.") +
       "</p>\n";
  h += change_table("changed", "Posts that change category", diff.changed);
  h += change_table("entered", "Posts that become restricted", diff.entered);
  h += change_table("left", "Posts no longer restricted", diff.left);
  h += breach_list("breaches-appear", "Breaches that appear", diff.breaches_appeared);
  h += breach_list("breaches-go", "Breaches that go", diff.breaches_disappeared);
  h += "<section aria-labelledby=\"breaches-change\">\n<h2 id=\"breaches-change\">Breaches that "
       "change (" +
       std::to_string(diff.breaches_changed.size()) + ")</h2>\n";
  if (diff.breaches_changed.empty()) {
    h += "<p class=\"none\">None.</p>\n";
  } else {
    h += "<ul>\n";
    for (const BreachChange& c : diff.breaches_changed) {
      h += "<li><strong>" + html_escape(breach_title(c.after)) + "</strong>: before, " +
           html_escape(breach_facts(c.before, SIZE_MAX)) + "; after, " +
           html_escape(breach_facts(c.after, SIZE_MAX)) + "</li>\n";
    }
    h += "</ul>\n";
  }
  h += "</section>\n";
  h += "<section aria-labelledby=\"lines\">\n<h2 id=\"lines\">Lines of management that change (" +
       std::to_string(diff.lines.size()) + ")</h2>\n";
  if (diff.lines.empty()) {
    h += "<p class=\"none\">None.</p>\n";
  } else {
    h += "<table>\n<caption>Lines of management up to the Head of Paid Service</caption>\n"
         "<thead><tr><th scope=\"col\">Post</th><th scope=\"col\">Before</th><th "
         "scope=\"col\">After</th><th scope=\"col\">Posts under it that move with it</th></tr>"
         "</thead>\n<tbody>\n";
    for (const LineChange& l : diff.lines) {
      h += "<tr><th scope=\"row\"><span class=\"id\">" + html_escape(l.id) + "</span></th><td>" +
           html_escape(chain(l.before)) + "</td><td>" + html_escape(chain(l.after)) + "</td><td>" +
           std::to_string(l.posts_below) + "</td></tr>\n";
    }
    h += "</tbody>\n</table>\n";
  }
  h += "</section>\n";
  h += chart_section(options.chart_svg,
                     "The structure after the change: added, moved and removed "
                     "posts and changed categories are marked in their boxes.");
  if (!options.chart_svg.empty()) p.contents.push_back({"chart", "Organisation chart"});
  p.chart = !options.chart_svg.empty();
  return render(p);
}

std::string long_date(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return "";
  int y = 0;
  unsigned m = 0, d = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (date[i] < '0' || date[i] > '9') return "";
  }
  y = std::stoi(std::string(date.substr(0, 4)));
  m = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
  d = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return "";
  static constexpr std::string_view months[] = {"January",   "February", "March",    "April",
                                                "May",       "June",     "July",     "August",
                                                "September", "October",  "November", "December"};
  return std::to_string(d) + " " + std::string(months[m - 1]) + " " + std::to_string(y);
}

void link_changed_posts_only(Chart& chart, const Difference& diff) {
  std::unordered_set<std::string_view> rows;
  for (const auto* list : {&diff.entered, &diff.left, &diff.changed}) {
    for (const CategoryChange& c : *list) rows.insert(c.id);
  }
  for (ChartBox& box : chart.boxes) box.linked = rows.contains(box.id);
}

}  // namespace remit
