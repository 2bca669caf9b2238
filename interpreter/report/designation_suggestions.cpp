#include "report/designation_suggestions.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "remit/remit.hpp"
#include "report/format.hpp"
#include "resolve/organisation.hpp"

namespace remit {

namespace {

struct Word {
  std::string text;                // lower case, apostrophes dropped
  std::size_t begin = 0, end = 0;  // where it is in the title
};

// Words of letters and digits (bytes beyond ASCII count as letters, so "Sérvices" is one word);
// an apostrophe, straight or curly, joins the letters either side.
std::vector<Word> words_of(std::string_view title) {
  std::vector<Word> words;
  Word w;
  bool in_word = false;
  for (std::size_t i = 0; i < title.size(); ++i) {
    const auto c = static_cast<unsigned char>(title[i]);
    if (title.substr(i, 3) == "\xE2\x80\x99" || c == '\'') {  // ’ or '
      i += c == '\'' ? 0 : 2;
      continue;
    }
    const bool letter =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (letter) {
      if (!in_word) w = Word{{}, i, i};
      in_word = true;
      w.text += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      w.end = i + 1;
    } else if (in_word) {
      words.push_back(w);
      in_word = false;
    }
  }
  if (in_word) words.push_back(w);
  return words;
}

struct Phrase {
  std::string_view designation;
  std::initializer_list<std::string_view> words;
  std::string_view caution = {};
};

constexpr std::string_view chief_executive_caution =
    "a suggestion only: the Head of Paid Service is the officer the council designates (LGHA "
    "1989 s.4), most often but not always the Chief Executive";

// In the order uk/roles declares the designations. The Scottish Chief Social Work Officer is
// suggested only where a policy declares that designation.
const std::array<Phrase, 12> phrases{{
    {"head_of_paid_service", {"head", "of", "paid", "service"}},
    {"head_of_paid_service", {"chief", "executive"}, chief_executive_caution},
    {"section_151_officer", {"section", "151"}},
    {"section_151_officer", {"s", "151"}},
    {"section_151_officer", {"s151"}},
    {"section_151_officer", {"chief", "finance", "officer"}},
    {"section_151_officer", {"chief", "financial", "officer"}},
    {"director_of_childrens_services", {"director", "of", "childrens", "services"}},
    {"director_of_adult_social_services", {"director", "of", "adult", "social", "services"}},
    {"director_of_public_health", {"director", "of", "public", "health"}},
    {"monitoring_officer", {"monitoring", "officer"}},
    {"chief_social_work_officer", {"chief", "social", "work", "officer"}},
}};

// A phrase after one of these names someone else's post: the Deputy Monitoring Officer, the PA
// to the Chief Executive.
bool qualifies_someone_else(const std::vector<Word>& words, std::size_t at) {
  if (at == 0) return false;
  const std::string& before = words[at - 1].text;
  return before == "deputy" || before == "assistant" || before == "associate" || before == "to" ||
         before == "the" || before == "support";
}

}  // namespace

std::vector<TitleSuggestion> suggest_from_title(std::string_view title) {
  const std::vector<Word> words = words_of(title);
  std::vector<TitleSuggestion> out;
  for (const Phrase& p : phrases) {
    if (std::any_of(out.begin(), out.end(),
                    [&](const TitleSuggestion& s) { return s.designation == p.designation; })) {
      continue;
    }
    const std::size_t n = p.words.size();
    for (std::size_t at = 0; at + n <= words.size(); ++at) {
      const bool match = std::equal(p.words.begin(), p.words.end(), words.begin() + at,
                                    [](std::string_view a, const Word& w) { return a == w.text; });
      if (!match || qualifies_someone_else(words, at)) continue;
      const std::size_t begin = words[at].begin, end = words[at + n - 1].end;
      out.push_back(
          TitleSuggestion{p.designation, std::string(title.substr(begin, end - begin)), p.caution});
      break;
    }
  }
  return out;
}

void write_designation_suggestions(std::ostream& out, const Run& run) {
  const Organisation& org = run.resolved().organisation;
  out << "id,title,designations,flags,comment\n";
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    const Unit& unit = org.units[u];
    if (unit.is_body() || unit.removed()) continue;
    std::string designations, comment;
    for (const TitleSuggestion& s : suggest_from_title(unit.title())) {
      auto symbol = org.designations.index.find(s.designation);
      if (symbol == org.designations.index.end()) continue;  // not declared by this policy
      const std::vector<UnitIndex>& carriers = org.designated[symbol->second];
      if (std::find(carriers.begin(), carriers.end(), u) != carriers.end()) continue;
      // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on `"literal" + string` in
      // a Release build.
      if (!designations.empty()) designations += ';';
      designations += s.designation;
      if (!comment.empty()) comment += "; ";
      comment += "the title says \"";
      comment += s.words;
      comment += '"';
      if (!s.caution.empty()) {
        comment += " (";
        comment += s.caution;
        comment += ')';
      }
    }
    if (designations.empty()) continue;
    out << csv_field(unit.id()) << ',' << csv_field(unit.title()) << ',' << designations << ",,"
        << csv_field(comment) << '\n';
  }
}

}  // namespace remit
