// The TextMate grammar's keywords (editors/vscode/syntaxes/remit.tmLanguage.json) are the PEGTL
// grammar's (grammar/rules.hpp), word for word, so that highlighting cannot drift from the
// language. When a keyword is added to one, the failure names it and the file to add it to.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every TAO_PEGTL_KEYWORD("word") of the PEGTL grammar.
std::set<std::string> grammar_keywords(const std::string& text) {
  static const std::regex keyword(R"re(TAO_PEGTL_KEYWORD\("([^"]+)"\))re");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), keyword);
       it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1].str());
  }
  return out;
}

// The words of the alternations "(?:a|b|c)" in the TextMate grammar's `keywords` patterns.
std::set<std::string> textmate_keywords(const std::string& text) {
  const nlohmann::json grammar = nlohmann::json::parse(text);
  static const std::regex group(R"re(\(\?:([A-Za-z_|]+)\))re");
  std::set<std::string> out;
  for (const nlohmann::json& pattern : grammar.at("repository").at("keywords").at("patterns")) {
    const std::string match = pattern.at("match");
    std::smatch m;
    REQUIRE(std::regex_search(match, m, group));
    std::stringstream words(m[1].str());
    for (std::string w; std::getline(words, w, '|');) out.insert(w);
  }
  return out;
}

std::string listed(const std::set<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out.empty() ? "none" : out;
}

}  // namespace

TEST_CASE("the TextMate grammar's keywords are the PEGTL grammar's keywords", "[lsp][editors]") {
  const std::string rules = std::string(REMIT_PROJECT_DIR) + "/grammar/rules.hpp";
  const std::string textmate =
      std::string(REMIT_PROJECT_DIR) + "/editors/vscode/syntaxes/remit.tmLanguage.json";
  const std::set<std::string> pegtl = grammar_keywords(read_text(rules));
  const std::set<std::string> highlighted = textmate_keywords(read_text(textmate));
  REQUIRE(pegtl.size() > 40);
  std::set<std::string> missing_in_textmate, missing_in_pegtl;
  for (const std::string& w : pegtl) {
    if (!highlighted.count(w)) missing_in_textmate.insert(w);
  }
  for (const std::string& w : highlighted) {
    if (!pegtl.count(w)) missing_in_pegtl.insert(w);
  }
  INFO(
      "keywords of grammar/rules.hpp missing from the `keywords` patterns of "
      "editors/vscode/syntaxes/remit.tmLanguage.json: "
      << listed(missing_in_textmate));
  INFO(
      "words of editors/vscode/syntaxes/remit.tmLanguage.json that grammar/rules.hpp has no "
      "TAO_PEGTL_KEYWORD for: "
      << listed(missing_in_pegtl));
  CHECK(missing_in_textmate.empty());
  CHECK(missing_in_pegtl.empty());
}
