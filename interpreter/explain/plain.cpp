#include "explain/plain.hpp"

#include <string_view>

#include "ast/ast.hpp"
#include "remit/remit.hpp"
#include "resolve/resolver.hpp"
#include "resolve/shares.hpp"

namespace remit {
namespace {

// The words of a step whose text is all there is: without the "because", "and", "which" that
// join it to the step above.
std::string bare(std::string_view text) {
  for (std::string_view lead : {"because ", "and ", "which ", "its line: "}) {
    if (text.starts_with(lead)) text.remove_prefix(lead.size());
  }
  return std::string(text);
}

// `head_of_paid_service` -> "head of paid service": a designation or duty as words.
std::string words(std::string_view name) {
  std::string s(name);
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  return s;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string s;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    s += (i == 0 ? "" : (i + 1 == parts.size() ? ", and " : ", ")) + parts[i];
  }
  return s;
}

class Plain {
 public:
  explicit Plain(const Run& run) : org_(run.resolved().organisation), program_(run.program()) {}

  std::vector<std::string> paragraphs(const Reason& r) const {
    if (r.step == Step::not_listed) return not_listed(r);
    // A council's decision under s.3 or s.3A: the decision says why, in its own words.
    if (r.step == Step::exempted) {
      return {named(r.post) + " is not politically restricted: it meets only category " +
              category_name(r.category) + ", and was " + r.name + "."};
    }
    if (r.step == Step::directed) {
      return {named(r.post) + " is in category " + category_name(r.category) + ": it was " +
              r.name + "."};
    }
    if (r.step == Step::category) {  // one category (remit explain --why-not N)
      if (!r.holds) return {named(r.post) + " " + lacking(r)};
      return {conclusion(r, named(r.post) + " meets category " + category_name(r.category))};
    }
    std::vector<std::string> out;
    out.push_back(conclusion(r, named(r.post) + " is in category " + category_name(r.category)));
    for (const Reason& c : r.because) {
      if (c.step == Step::also_meets) out.push_back(capitalised(bare(c.text)) + ".");
    }
    return out;
  }

 private:
  // "HEAD because GROUND, GROUND, and GROUND: CITATIONS."
  std::string conclusion(const Reason& r, std::string head) const {
    std::vector<std::string> grounds, cites;
    for (const Reason& c : r.because) {
      if (c.step == Step::citation) {
        cites.push_back(c.text);
      } else if (c.step != Step::also_meets && c.holds) {
        grounds.push_back(ground(c));
      }
    }
    if (!grounds.empty()) head += " because " + joined(grounds);
    if (!cites.empty()) head += ": " + citations_text(cites);
    return head + ".";
  }

  std::vector<std::string> not_listed(const Reason& r) const {
    std::vector<std::string> out{named(r.post) +
                                 " is not politically restricted: it meets none of the "
                                 "categories of the policy."};
    for (const Reason& c : r.because) {
      if (c.step == Step::category) out.push_back("It " + lacking(c));
    }
    return out;
  }

  // "does not meet category N (…): it is not designated …, and …."
  std::string lacking(const Reason& c) const {
    std::vector<std::string> lacks;
    for (const Reason& g : c.because) {
      if (g.step != Step::citation) lacks.push_back(bare(g.text));
    }
    std::string s = "does not meet category " + category_name(c.category);
    if (!lacks.empty()) s += ": " + joined(lacks);
    return s + ".";
  }

  // One ground of a conclusion, as a clause whose subject is the post ("it …").
  std::string ground(const Reason& r) const {
    switch (r.step) {
      case Step::designated:
        return "it is designated " + words(r.name);
      case Step::duty:
        return "its duties include " + words(r.name);
      case Step::category:
        return "it meets category " + category_name(r.category);
      case Step::line: {
        std::string s = std::string(r.accountable ? "it is directly accountable to the "
                                                  : "it reports directly to the ") +
                        named(r.post) + witness(r);
        s += r.share_parts >= r.share_whole
                 ? " for all of its duties"
                 : " for " + percent_text(r.share_parts, r.share_whole) + " of its duties";
        return s;
      }
      case Step::reports_through:
        return "it reports, through its line of management, to the " + named(r.post) + witness(r);
      case Step::manages:
        return "it manages the " + named(r.post) + witness(r);
      default:
        break;
    }
    // A named set (`let chief_officers = …`) stands for its own grounds.
    if (r.step == Step::named_set) {
      std::vector<std::string> inner;
      for (const Reason& c : r.because) {
        if (c.holds && c.step != Step::citation) inner.push_back(ground(c));
      }
      if (!inner.empty()) return joined(inner);
      return "it is in " + words(r.name);
    }
    return bare(r.text);
  }

  // What makes the post at the other end of a line count: ", which meets category 3 (…),".
  std::string witness(const Reason& r) const {
    // The council or a committee needs no reason: its name says what it is.
    if (r.post < org_.units.size() && org_.units[r.post].is_body()) return "";
    for (const Reason& c : r.because) {
      if (!c.holds) continue;
      if (c.step == Step::category)
        return ", which meets category " + category_name(c.category) + ",";
      if (c.step == Step::named_set && !c.because.empty()) {
        std::string deeper = witness(c);
        if (!deeper.empty()) return deeper;
      }
    }
    for (const Reason& c : r.because) {
      if (c.holds && c.step == Step::fact) return ", " + bare(c.text) + ",";
    }
    return "";
  }

  std::string named(std::uint32_t u) const {
    if (u >= org_.units.size()) return "the post";
    const Unit& unit = org_.units[u];
    return std::string(unit.title()) + " (" + std::string(unit.id()) + ")";
  }

  std::string category_name(std::uint32_t c) const {
    if (c >= program_.categories.size()) return "?";
    const ast::CategoryDecl& d = program_.categories[c];
    return std::to_string(d.number) + " (" + std::string(d.label.text) + ")";
  }

  const Organisation& org_;
  const ast::Program& program_;
};

}  // namespace

std::string citations_text(const std::vector<std::string>& cites) {
  std::string out, act;
  for (const std::string& cite : cites) {
    const auto at = cite.find(" s.");
    if (at == std::string::npos) {
      out += (out.empty() ? "" : "; ") + cite;
      act.clear();
      continue;
    }
    const std::string this_act = cite.substr(0, at);
    if (!act.empty() && this_act == act) {
      out += ", " + cite.substr(at + 1);
    } else {
      out += (out.empty() ? "" : "; ") + cite;
      act = this_act;
    }
  }
  return out;
}

std::vector<std::string> plain_paragraphs(const Reason& listing, const Run& run) {
  return Plain(run).paragraphs(listing);
}

std::string plain_text(const Reason& listing, const Run& run) {
  std::string out;
  for (const std::string& p : plain_paragraphs(listing, run)) out += p + "\n";
  return out;
}

}  // namespace remit
