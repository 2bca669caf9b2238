#include "authoring/lsp/features.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "ast/people.hpp"
#include "evaluate/evaluator.hpp"
#include "explain/explain.hpp"
#include "explain/plain.hpp"
#include "grammar/parser.hpp"
#include "resolve/organisation.hpp"

namespace remit::lsp {
namespace {

// The words of the language that completion offers.
constexpr std::array keywords{"accountable",
                              "acting",
                              "add",
                              "and",
                              "any",
                              "as",
                              "assign",
                              "authority",
                              "body",
                              "category",
                              "cite",
                              "columns",
                              "contains",
                              "count",
                              "designate",
                              "designated",
                              "designation",
                              "designations",
                              "directly",
                              "directorate",
                              "dotted",
                              "duties",
                              "duty",
                              "every",
                              "forbid",
                              "give",
                              "has",
                              "holder",
                              "holders",
                              "holds",
                              "import",
                              "in",
                              "incompatible",
                              "interim",
                              "is",
                              "let",
                              "manages",
                              "move",
                              "no",
                              "not",
                              "of",
                              "or",
                              "override",
                              "person",
                              "post",
                              "precedence",
                              "qualification",
                              "qualified",
                              "remove",
                              "report",
                              "reports",
                              "require",
                              "scenario",
                              "service",
                              "some",
                              "title",
                              "to",
                              "undesignate",
                              "unless",
                              "use",
                              "vacant",
                              "when",
                              "with",
                              "within"};

// LSP CompletionItemKind and SymbolKind numbers.
enum class ItemKind : int { keyword = 14, variable = 6, value = 12, enum_member = 20, class_ = 7 };

int symbol_kind_number(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::post:
      return 5;  // Class
    case SymbolKind::body:
      return 3;  // Namespace
    case SymbolKind::person:
      return 23;  // Struct
    case SymbolKind::let:
      return 13;  // Variable
    case SymbolKind::category:
      return 10;  // Enum
    case SymbolKind::designation:
      return 22;  // EnumMember
    case SymbolKind::duty:
      return 7;  // Property
    case SymbolKind::qualification:
      return 20;  // Key
    case SymbolKind::scenario:
      return 24;  // Event
    case SymbolKind::rule:
      return 12;  // Function
    case SymbolKind::citation:
      return 15;  // String
  }
  return 13;
}

std::size_t line_start_of(const SourceSet& sources, FileId file, std::uint32_t offset,
                          std::uint32_t column) {
  const std::string_view text = sources.file(file).text;
  const std::size_t at = std::min<std::size_t>(offset, text.size());
  return column >= 1 && column - 1 <= at ? at - (column - 1) : at;
}

Range range_in_line(const SourceSet& sources, FileId file, std::uint32_t line, std::uint32_t column,
                    std::size_t begin, std::size_t end, PositionEncoding encoding) {
  const std::string_view text = sources.file(file).text;
  const std::size_t start = line_start_of(sources, file, static_cast<std::uint32_t>(begin), column);
  const std::uint32_t line0 = line > 0 ? line - 1 : 0;
  // A range stops at the end of its line.
  const std::size_t newline = text.find('\n', std::min(begin, text.size()));
  end = std::min(end, newline == std::string_view::npos ? text.size() : newline);
  end = std::max(end, std::min(begin, text.size()));
  return Range{position_in_line(text, start, line0, begin, encoding),
               position_in_line(text, start, line0, end, encoding)};
}

std::string where_text(const Analysis& a, FileId file, std::uint32_t line) {
  if (file >= a.origins().size()) return {};
  const FileOrigin& o = a.origins()[file];
  std::string name;
  switch (o.kind) {
    case FileOrigin::Kind::file:
      name = o.path.filename().string();
      break;
    case FileOrigin::Kind::stdlib:
      name = "stdlib " + o.name;
      break;
    case FileOrigin::Kind::text:
      name = o.name;
      break;
  }
  return name + ", line " + std::to_string(line);
}

std::string cites_text(const std::vector<ast::Text>& cites) {
  std::vector<std::string> all;
  for (const ast::Text& c : cites) all.emplace_back(c.text);
  return all.empty() ? std::string() : "\n\nCites " + citations_text(all) + ".";
}

// Markdown special characters in text the user wrote are shown as written.
std::string escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

const Occurrence* first_definition(const Analysis& a, const Occurrence& o, SymbolKind kind) {
  for (const Occurrence* d : a.index().definitions_of(o)) {
    if (d->kind == kind && d->decl != no_decl) return d;
  }
  return nullptr;
}

std::string post_hover(Analysis& a, const Occurrence& o) {
  const ast::Program& program = a.run().program();
  const Occurrence* def = first_definition(a, o, SymbolKind::post);
  if (!def) def = first_definition(a, o, SymbolKind::body);
  if (!def) return "`" + escaped(o.name) + "`: no post or body of this id is declared";
  if (def->kind == SymbolKind::body) {
    const ast::BodyDecl& b = program.bodies[def->decl];
    return "**" + escaped(b.label.text) + "** (`" + escaped(b.id.text) +
           "`), a body\n\nDeclared in " + where_text(a, def->file, def->line) + ".";
  }
  const ast::PostDecl& p = program.posts[def->decl];
  std::string out = "**" + escaped(p.title) + "** (`" + escaped(p.id.text) + "`), a post";
  if (!p.directorate().empty() || !p.service().empty()) {
    out += "\n\n";
    if (!p.directorate().empty()) out += "Directorate: " + escaped(p.directorate()) + ". ";
    if (!p.service().empty()) out += "Service: " + escaped(p.service()) + ".";
  }
  if (!a.loaded()) {
    out += "\n\nIts category is shown once the policy has no errors.";
  } else if (auto u = a.run().resolved().organisation.find_unit(p.id.text)) {
    const std::uint32_t listed = a.run().evaluator().result().listed.at(*u);
    if (listed == not_listed || listed >= program.categories.size()) {
      out += "\n\n**Not politically restricted.**";
    } else {
      const ast::CategoryDecl& c = program.categories[listed];
      out += "\n\n**Category " + std::to_string(c.number) + ": " + escaped(c.label.text) + "**";
    }
    const std::string reason = plain_text(explain_listing(a.run(), *u), a.run());
    if (!reason.empty()) out += "\n\n" + escaped(reason);
  }
  return out + "\n\nDeclared in " + where_text(a, def->file, def->line) + ".";
}

std::string definitions_hover(Analysis& a, const Occurrence& o) {
  const ast::Program& program = a.run().program();
  const std::vector<const Occurrence*> defs = a.index().definitions_of(o);
  std::string out;
  for (const Occurrence* d : defs) {
    if (d->decl == no_decl) continue;
    if (!out.empty()) out += "\n\n---\n\n";
    const std::string where = "\n\nDefined in " + where_text(a, d->file, d->line) + ".";
    switch (d->kind) {
      case SymbolKind::category: {
        const ast::CategoryDecl& c = program.categories[d->decl];
        out += std::string(c.is_override ? "Override of category " : "Category ") +
               std::to_string(c.number) + ": **" + escaped(c.label.text) + "**" +
               cites_text(c.cites) + where;
        break;
      }
      case SymbolKind::designation:
      case SymbolKind::duty:
      case SymbolKind::qualification: {
        const ast::VocabularyDecl& v = program.vocabulary[d->decl];
        out += "The " + std::string(kind_word(d->kind)) + " `" + escaped(v.id.text) + "`";
        if (!v.label.text.empty()) out += ": **" + escaped(v.label.text) + "**";
        out += cites_text(v.cites) + where;
        break;
      }
      case SymbolKind::let: {
        const ast::LetDecl& l = program.lets[d->decl];
        out += "A named set of posts: `" + std::string(a.sources().line_text(l.name.where)) + "`" +
               where;
        break;
      }
      case SymbolKind::person: {
        const ast::DeclaredPerson p = ast::declared_person(program, a.index().person(d->decl));
        out += "**" + escaped(p.name) + "** (`" + escaped(p.id.text) + "`), a person";
        std::string held;
        for (const ast::Holding& h : p.holds) {
          held += (held.empty() ? "" : ", ") + std::string(ast::name(h.kind)) + " `" +
                  escaped(h.post.text) + "`";
        }
        if (!held.empty()) out += "\n\nHolds " + held + ".";
        out += where;
        break;
      }
      case SymbolKind::scenario: {
        const ast::ScenarioDecl& s = program.scenarios[d->decl];
        out += "Scenario **" + escaped(s.name.text) + "**: " + std::to_string(s.edits.size()) +
               " change(s) to the structure, for `remit whatif --scenario`" + where;
        break;
      }
      default:
        break;
    }
  }
  if (out.empty()) {
    out = "The " + std::string(kind_word(o.kind)) + " `" + escaped(o.name) +
          "` is not declared in the files checked.";
  }
  return out;
}

std::string citation_hover(Analysis& a, const Occurrence& o) {
  std::string out = "Citation: **" + escaped(o.name) + "**";
  const auto& all = a.index().occurrences();
  if (o.decl < all.size()) {
    const Occurrence& owner = all[o.decl];
    out += "\n\nCited by the " + std::string(kind_word(owner.kind)) + " `" + escaped(owner.name) +
           "`, " + where_text(a, owner.file, owner.line) + ".";
  }
  return out;
}

void add_location(json& out, const Analysis& a, const Occurrence& o, const UriOf& uri_of,
                  PositionEncoding encoding) {
  const std::optional<std::string> uri = uri_of(o.file);
  if (!uri) return;
  out.push_back({{"uri", *uri}, {"range", to_json(range_of(a.sources(), o, encoding))}});
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '/' || c == '.';
}

// The word that decides what fits at `offset`: the keyword before the list the cursor is in.
// "designated a, b, |" -> "designated"; "reports to |" -> "to".
std::string context_word(std::string_view text, std::size_t offset) {
  std::size_t i = std::min(offset, text.size());
  while (i > 0 && is_word_char(text[i - 1])) --i;  // the word being typed
  bool after_comma = false;
  while (true) {
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    if (i > 0 && text[i - 1] == ',') {
      --i;
      after_comma = true;
      while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
      std::size_t j = i;
      while (j > 0 && (is_word_char(text[j - 1]) || text[j - 1] == '%')) --j;
      i = j;  // the item before the comma
      continue;
    }
    if (after_comma) {
      // Past the first item of the list: skip it to reach the keyword.
      std::size_t j = i;
      while (j > 0 && is_word_char(text[j - 1])) --j;
      const std::string word(text.substr(j, i - j));
      if (std::find(keywords.begin(), keywords.end(), word) == keywords.end()) {
        i = j;
        after_comma = false;
        continue;
      }
      return word;
    }
    std::size_t j = i;
    while (j > 0 && is_word_char(text[j - 1])) --j;
    return std::string(text.substr(j, i - j));
  }
}

json item(std::string label, ItemKind kind, std::string detail, std::string insert = {}) {
  json out{{"label", label}, {"kind", static_cast<int>(kind)}};
  if (!detail.empty()) out["detail"] = std::move(detail);
  if (!insert.empty() && insert != label) out["insertText"] = std::move(insert);
  return out;
}

}  // namespace

json to_json(const Range& range) {
  return {{"start", {{"line", range.start.line}, {"character", range.start.character}}},
          {"end", {{"line", range.end.line}, {"character", range.end.character}}}};
}

Range range_at(const SourceSet& sources, SourceSpan where, PositionEncoding encoding) {
  if (!where.known() || where.file >= sources.size()) return {};
  const std::string_view text = sources.file(where.file).text;
  const std::size_t begin = std::min<std::size_t>(where.offset, text.size());
  std::size_t end = begin;
  if (begin < text.size()) {
    if (text[begin] == '"') {
      end = begin + 1;
      while (end < text.size() && text[end] != '"' && text[end] != '\n') {
        end += text[end] == '\\' && end + 1 < text.size() ? 2 : 1;
      }
      end = std::min(text.size(), end + 1);
    } else if (text[begin] != '\n' && text[begin] != '\r') {
      end = name_end(text, begin);
      // One whole UTF-8 character, not a byte of it.
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    }
  }
  const LineColumn at = sources.position(where);
  return range_in_line(sources, where.file, at.line, at.column, begin, end, encoding);
}

Range range_of(const SourceSet& sources, const Occurrence& o, PositionEncoding encoding) {
  if (o.file >= sources.size()) return {};
  return range_in_line(sources, o.file, o.line, o.column, o.begin, o.end, encoding);
}

json hover(Analysis& analysis, Place place, PositionEncoding encoding) {
  const Occurrence* o = analysis.index().at(place.file, place.offset);
  if (!o) return nullptr;
  std::string text;
  switch (o->kind) {
    case SymbolKind::post:
    case SymbolKind::body:
      text = post_hover(analysis, *o);
      break;
    case SymbolKind::citation:
      text = citation_hover(analysis, *o);
      break;
    case SymbolKind::rule:
      text = "The rule **" + escaped(o->name) + "**";
      break;
    default:
      text = definitions_hover(analysis, *o);
      break;
  }
  return {{"contents", {{"kind", "markdown"}, {"value", text}}},
          {"range", to_json(range_of(analysis.sources(), *o, encoding))}};
}

json definition(const Analysis& analysis, Place place, const UriOf& uri_of,
                PositionEncoding encoding) {
  json out = json::array();
  const Occurrence* o = analysis.index().at(place.file, place.offset);
  if (!o) return out;
  if (o->kind == SymbolKind::citation) {
    const auto& all = analysis.index().occurrences();
    if (o->decl < all.size()) add_location(out, analysis, all[o->decl], uri_of, encoding);
    return out;
  }
  for (const Occurrence* d : analysis.index().definitions_of(*o)) {
    add_location(out, analysis, *d, uri_of, encoding);
  }
  return out;
}

json references(const Analysis& analysis, Place place, bool include_declaration,
                const UriOf& uri_of, PositionEncoding encoding) {
  json out = json::array();
  const Occurrence* o = analysis.index().at(place.file, place.offset);
  if (!o) return out;
  for (const Occurrence* r : analysis.index().same_symbol(*o)) {
    if (r->definition && !include_declaration) continue;
    add_location(out, analysis, *r, uri_of, encoding);
  }
  return out;
}

json completion(const Analysis& analysis, std::string_view text, std::size_t offset) {
  const std::string context = context_word(text, offset);
  const ast::Program& program = analysis.run().program();
  json items = json::array();
  std::set<std::pair<int, std::string>> seen;
  auto vocabulary = [&](ast::VocabularyKind kind) {
    for (const ast::VocabularyDecl& v : program.vocabulary) {
      if (v.kind != kind || !seen.insert({static_cast<int>(kind), std::string(v.id.text)}).second) {
        continue;
      }
      items.push_back(
          item(std::string(v.id.text), ItemKind::enum_member, std::string(v.label.text)));
    }
  };
  if (context == "designated" || context == "as" || context == "incompatible" ||
      context == "with") {
    vocabulary(ast::VocabularyKind::designation);
    return items;
  }
  if (context == "duty" || context == "duties") {
    vocabulary(ast::VocabularyKind::duty);
    return items;
  }
  if (context == "qualified") {
    vocabulary(ast::VocabularyKind::qualification);
    return items;
  }
  if (context == "category" || context == "precedence") {
    for (const ast::CategoryDecl& c : program.categories) {
      if (!seen.insert({-1, std::to_string(c.number)}).second) continue;
      items.push_back(item(std::to_string(c.number), ItemKind::value, std::string(c.label.text)));
    }
    return items;
  }
  if (context == "holder" || context == "interim" || context == "acting" || context == "assign") {
    for (const ast::PersonRef& ref : ast::person_declarations(program)) {
      const ast::DeclaredPerson p = ast::declared_person(program, ref);
      if (!seen.insert({-2, std::string(p.id.text)}).second) continue;
      items.push_back(item(std::string(p.id.text), ItemKind::variable, std::string(p.name),
                           id_as_written(p.id.text)));
    }
    return items;
  }
  for (const ast::PostDecl& p : program.posts) {
    if (!seen.insert({-3, std::string(p.id.text)}).second) continue;
    items.push_back(item(std::string(p.id.text), ItemKind::class_, std::string(p.title),
                         id_as_written(p.id.text)));
  }
  for (const ast::BodyDecl& b : program.bodies) {
    if (!seen.insert({-3, std::string(b.id.text)}).second) continue;
    items.push_back(item(std::string(b.id.text), ItemKind::class_, std::string(b.label.text),
                         id_as_written(b.id.text)));
  }
  for (const ast::LetDecl& l : program.lets) {
    if (!seen.insert({-4, std::string(l.name.text)}).second) continue;
    items.push_back(item(std::string(l.name.text), ItemKind::variable, "let"));
  }
  for (const char* k : keywords) items.push_back(item(k, ItemKind::keyword, {}));
  return items;
}

json document_symbols(const Analysis& analysis, FileId file, PositionEncoding encoding) {
  json out = json::array();
  std::vector<const Occurrence*> defs;
  for (const Occurrence& o : analysis.index().occurrences()) {
    if (o.file == file && o.definition) defs.push_back(&o);
  }
  std::sort(defs.begin(), defs.end(),
            [](const Occurrence* a, const Occurrence* b) { return a->begin < b->begin; });
  const ast::Program& program = analysis.run().program();
  for (const Occurrence* d : defs) {
    std::string detail(kind_word(d->kind));
    if (d->decl != no_decl) {
      if (d->kind == SymbolKind::post) detail = std::string(program.posts[d->decl].title);
      if (d->kind == SymbolKind::body) detail = std::string(program.bodies[d->decl].label.text);
      if (d->kind == SymbolKind::category) {
        detail = std::string(program.categories[d->decl].label.text);
      }
    }
    std::string name = d->kind == SymbolKind::category ? "category " + d->name : d->name;
    if (name.empty()) name = std::string(kind_word(d->kind));
    const json range = to_json(range_of(analysis.sources(), *d, encoding));
    out.push_back({{"name", name},
                   {"detail", detail},
                   {"kind", symbol_kind_number(d->kind)},
                   {"range", range},
                   {"selectionRange", range}});
  }
  return out;
}

}  // namespace remit::lsp
