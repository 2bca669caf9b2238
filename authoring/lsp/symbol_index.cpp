#include "authoring/lsp/symbol_index.hpp"

#include <algorithm>
#include <type_traits>

#include "ast/people.hpp"

namespace remit::lsp {
namespace {

bool is_id_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_id_char(char c) {
  return is_id_start(c) || c == '-' || c == '/';
}

}  // namespace

std::size_t name_end(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return text.size();
  std::size_t i = offset;
  if (text[i] == '\'') {
    for (++i; i < text.size() && text[i] != '\n'; ++i) {
      if (text[i] == '\\') {
        ++i;
      } else if (text[i] == '\'') {
        return i + 1;
      }
    }
    return std::min(i, text.size());
  }
  if (!is_id_start(text[i])) return i + 1;
  while (i < text.size()) {
    if (is_id_char(text[i])) {
      ++i;
    } else if (text[i] == '.') {
      std::size_t j = i;
      while (j < text.size() && text[j] == '.') ++j;
      if (j < text.size() && is_id_char(text[j])) {
        i = j;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  return i;
}

namespace {

// Where the text of a string literal that starts at `offset` (after its opening quote) ends:
// at its closing quote.
std::size_t string_end(std::string_view text, std::size_t offset) {
  std::size_t i = std::min(offset, text.size());
  for (; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') ++i;
  }
  return std::min(i, text.size());
}

class Builder {
 public:
  Builder(const ast::Program& program, const SourceSet& sources, std::vector<Occurrence>& out,
          std::vector<ast::PersonRef>& people)
      : program_(program), sources_(sources), out_(out), people_(people) {}

  void build() {
    for (std::uint32_t i = 0; i < program_.posts.size(); ++i) post(program_.posts[i], i);
    for (std::uint32_t i = 0; i < program_.bodies.size(); ++i) {
      name(SymbolKind::body, program_.bodies[i].id, true, i);
    }
    people_ = ast::person_declarations(program_);
    for (std::uint32_t i = 0; i < people_.size(); ++i) {
      const ast::DeclaredPerson p = ast::declared_person(program_, people_[i]);
      name(SymbolKind::person, p.id, true, i);
      for (const ast::Holding& h : p.holds) name(SymbolKind::post, h.post);
      for (const ast::Name& q : p.qualifications) name(SymbolKind::qualification, q);
    }
    for (std::uint32_t i = 0; i < program_.vocabulary.size(); ++i) {
      const ast::VocabularyDecl& v = program_.vocabulary[i];
      const std::uint32_t owner = name(vocabulary_kind(v.kind), v.id, true, i);
      cites(v.cites, owner);
    }
    for (std::uint32_t i = 0; i < program_.lets.size(); ++i) {
      name(SymbolKind::let, program_.lets[i].name, true, i);
    }
    for (std::uint32_t i = 0; i < program_.categories.size(); ++i) category(i);
    for (const ast::PrecedenceDecl& p : program_.precedences) {
      for (std::size_t k = 0; k < p.order.size() && k < p.spans.size(); ++k) {
        number(p.order[k], p.spans[k]);
      }
    }
    for (const ast::DesignateDecl& d : program_.designates) {
      name(SymbolKind::post, d.post);
      name(vocabulary_kind(d.kind), d.name);
    }
    for (const ast::IncompatibleDecl& r : program_.incompatibilities) {
      const std::uint32_t owner =
          add(SymbolKind::rule, std::string(r.first.text) + " with " + std::string(r.second.text),
              r.first.where, name_end_of(r.first.where), true, no_decl);
      name(SymbolKind::designation, r.first);
      name(SymbolKind::designation, r.second);
      if (r.unless_qualified) name(SymbolKind::qualification, *r.unless_qualified);
      cites(r.cites, owner);
    }
    for (const ast::RuleDecl& r : program_.rules) {
      const std::uint32_t owner = text(SymbolKind::rule, r.name, true, no_decl);
      cites(r.cites, owner);
    }
    for (const ast::Expr& e : program_.exprs) expression(e);
    for (std::uint32_t i = 0; i < program_.scenarios.size(); ++i) scenario(i);
  }

 private:
  static SymbolKind vocabulary_kind(ast::VocabularyKind kind) {
    switch (kind) {
      case ast::VocabularyKind::designation:
        return SymbolKind::designation;
      case ast::VocabularyKind::duty:
        return SymbolKind::duty;
      case ast::VocabularyKind::qualification:
        return SymbolKind::qualification;
    }
    return SymbolKind::designation;
  }

  // A span points into a file this index can read (a broken statement's pieces may not).
  [[nodiscard]] bool readable(SourceSpan w) const {
    return w.known() && w.file < sources_.size() && w.offset <= sources_.file(w.file).text.size();
  }

  std::uint32_t name_end_of(SourceSpan w) const {
    if (!readable(w)) return 0;
    return static_cast<std::uint32_t>(name_end(sources_.file(w.file).text, w.offset));
  }

  std::uint32_t add(SymbolKind kind, std::string name, SourceSpan w, std::uint32_t end,
                    bool definition, std::uint32_t decl) {
    if (!readable(w)) return no_decl;
    const LineColumn at = sources_.position(w);
    out_.push_back(Occurrence{.kind = kind,
                              .name = std::move(name),
                              .file = w.file,
                              .line = at.line,
                              .column = at.column,
                              .begin = w.offset,
                              .end = std::max(end, w.offset),
                              .definition = definition,
                              .decl = decl});
    return static_cast<std::uint32_t>(out_.size() - 1);
  }

  std::uint32_t name(SymbolKind kind, const ast::Name& n, bool definition = false,
                     std::uint32_t decl = no_decl) {
    return add(kind, std::string(n.text), n.where, name_end_of(n.where), definition, decl);
  }

  std::uint32_t text(SymbolKind kind, const ast::Text& t, bool definition, std::uint32_t decl) {
    if (!readable(t.where)) return no_decl;
    const auto end =
        static_cast<std::uint32_t>(string_end(sources_.file(t.where.file).text, t.where.offset));
    return add(kind, std::string(t.text), t.where, end, definition, decl);
  }

  void cites(const std::vector<ast::Text>& cs, std::uint32_t owner) {
    for (const ast::Text& c : cs) text(SymbolKind::citation, c, false, owner);
  }

  void number(std::uint32_t n, SourceSpan w, bool definition = false,
              std::uint32_t decl = no_decl) {
    if (!readable(w)) return;
    const std::string_view t = sources_.file(w.file).text;
    std::size_t end = w.offset;
    while (end < t.size() && t[end] >= '0' && t[end] <= '9') ++end;
    add(SymbolKind::category, std::to_string(n), w, static_cast<std::uint32_t>(end), definition,
        decl);
  }

  template <typename T>
  std::span<const T> slice(const std::vector<T>& arena, ast::Slice s) const {
    if (s.begin > arena.size() || s.size > arena.size() - s.begin) return {};
    return ast::Program::slice(arena, s);
  }

  void post(const ast::PostDecl& p, std::uint32_t decl) {
    name(SymbolKind::post, p.id, true, decl);
    for (const ast::LineDecl& l : slice(program_.post_lines, p.lines)) {
      name(SymbolKind::post, l.target);
    }
    const ast::PostExtras extras =
        p.extras < program_.post_extras.size() ? program_.post_extras[p.extras] : ast::PostExtras{};
    for (const ast::Name& d : slice(program_.post_designations, extras.designations)) {
      name(SymbolKind::designation, d);
    }
    for (const ast::Name& d : slice(program_.post_duties, extras.duties)) {
      name(SymbolKind::duty, d);
    }
    for (const ast::Holding& h : slice(program_.post_holders, extras.holders)) {
      name(SymbolKind::person, h.post);
    }
  }

  // `category N` or `override category N`: the number is the first one after the statement's
  // start, past its words, spaces and comments.
  void category(std::uint32_t i) {
    const ast::CategoryDecl& c = program_.categories[i];
    if (!readable(c.where)) return;
    const std::string_view t = sources_.file(c.where.file).text;
    auto digit = [&](std::size_t k) { return k < t.size() && t[k] >= '0' && t[k] <= '9'; };
    std::size_t at = c.where.offset;
    SourceSpan w = c.where;
    int words = 0;
    while (at < t.size() && !digit(at)) {
      if (t[at] == '#') {
        while (at < t.size() && t[at] != '\n') ++at;
        continue;
      }
      if (is_id_start(t[at])) {
        if (++words > 2) return;  // `override`, `category`, then the number
        while (at < t.size() && is_id_start(t[at])) ++at;
        continue;
      }
      ++at;
    }
    if (!digit(at)) return;
    w.offset = static_cast<std::uint32_t>(at);
    std::size_t end = at;
    while (digit(end)) ++end;
    const std::uint32_t owner = add(SymbolKind::category, std::to_string(c.number), w,
                                    static_cast<std::uint32_t>(end), true, i);
    // The number's column counts every byte of its line, a byte order mark's too, unlike a
    // name's: as this index has always given it.
    if (owner != no_decl) {
      const std::size_t newline = t.rfind('\n', at);
      const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
      out_[owner].column = static_cast<std::uint32_t>(at - line_start + 1);
    }
    cites(c.cites, owner);
  }

  void expression(const ast::Expr& e) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, ast::expr::Designated>) {
            for (const ast::Name& n : node.roles) name(SymbolKind::designation, n);
          } else if constexpr (std::is_same_v<T, ast::expr::Duty>) {
            for (const ast::Name& n : node.duties) name(SymbolKind::duty, n);
          } else if constexpr (std::is_same_v<T, ast::expr::Category>) {
            for (std::size_t k = 0; k < node.numbers.size() && k < node.number_spans.size(); ++k) {
              number(node.numbers[k], node.number_spans[k]);
            }
          } else if constexpr (std::is_same_v<T, ast::expr::Named>) {
            // A let's name wins over a post's id, as the resolver decides.
            const bool let =
                std::any_of(program_.lets.begin(), program_.lets.end(),
                            [&](const ast::LetDecl& l) { return l.name.text == node.name.text; });
            name(let ? SymbolKind::let : SymbolKind::post, node.name);
          }
        },
        e.kind);
  }

  void scenario(std::uint32_t i) {
    const ast::ScenarioDecl& s = program_.scenarios[i];
    text(SymbolKind::scenario, s.name, true, i);
    for (const ast::Edit& edit : s.edits) {
      std::visit(
          [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::edit::Move>) {
              name(SymbolKind::post, node.post);
              for (const ast::LineDecl& l : node.lines) name(SymbolKind::post, l.target);
            } else if constexpr (std::is_same_v<T, ast::edit::RemovePost>) {
              name(SymbolKind::post, node.post);
            } else if constexpr (std::is_same_v<T, ast::edit::AddPost>) {
              post(node.post, no_decl);
            } else if constexpr (std::is_same_v<T, ast::edit::Designate> ||
                                 std::is_same_v<T, ast::edit::Undesignate>) {
              name(SymbolKind::post, node.post);
              name(SymbolKind::designation, node.role);
            } else if constexpr (std::is_same_v<T, ast::edit::Assign>) {
              name(SymbolKind::person, node.person);
              name(SymbolKind::post, node.post);
            }
          },
          edit.kind);
    }
  }

  const ast::Program& program_;
  const SourceSet& sources_;
  std::vector<Occurrence>& out_;
  std::vector<ast::PersonRef>& people_;
};

}  // namespace

NameSpace name_space(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::post:
    case SymbolKind::body:
      return NameSpace::unit;
    case SymbolKind::person:
      return NameSpace::person;
    case SymbolKind::let:
      return NameSpace::let;
    case SymbolKind::category:
      return NameSpace::category;
    case SymbolKind::designation:
      return NameSpace::designation;
    case SymbolKind::duty:
      return NameSpace::duty;
    case SymbolKind::qualification:
      return NameSpace::qualification;
    case SymbolKind::scenario:
      return NameSpace::scenario;
    case SymbolKind::rule:
      return NameSpace::rule;
    case SymbolKind::citation:
      return NameSpace::citation;
  }
  return NameSpace::unit;
}

std::string_view kind_word(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::post:
      return "post";
    case SymbolKind::body:
      return "body";
    case SymbolKind::person:
      return "person";
    case SymbolKind::let:
      return "let";
    case SymbolKind::category:
      return "category";
    case SymbolKind::designation:
      return "designation";
    case SymbolKind::duty:
      return "duty";
    case SymbolKind::qualification:
      return "qualification";
    case SymbolKind::scenario:
      return "scenario";
    case SymbolKind::rule:
      return "rule";
    case SymbolKind::citation:
      return "citation";
  }
  return "name";
}

SymbolIndex::SymbolIndex(const ast::Program& program, const SourceSet& sources) {
  Builder(program, sources, occurrences_, people_).build();
}

const Occurrence* SymbolIndex::at(FileId file, std::uint32_t offset) const {
  const Occurrence* found = nullptr;
  for (const Occurrence& o : occurrences_) {
    if (o.file != file || offset < o.begin || offset > o.end) continue;
    // The cursor between two names touches both: the one that starts there wins.
    if (!found || o.begin > found->begin) found = &o;
  }
  return found;
}

std::vector<const Occurrence*> SymbolIndex::same_symbol(const Occurrence& o) const {
  std::vector<const Occurrence*> out;
  const NameSpace space = name_space(o.kind);
  if (space == NameSpace::citation || space == NameSpace::rule) return {&o};
  for (const Occurrence& other : occurrences_) {
    if (name_space(other.kind) == space && other.name == o.name) out.push_back(&other);
  }
  return out;
}

std::vector<const Occurrence*> SymbolIndex::definitions_of(const Occurrence& o) const {
  std::vector<const Occurrence*> out;
  for (const Occurrence* other : same_symbol(o)) {
    if (other->definition) out.push_back(other);
  }
  return out;
}

}  // namespace remit::lsp
