// Every place a policy names something, found from the parsed Program (never by reading the
// text a second way): the declarations of posts, bodies, people, lets, categories,
// designations, duties, qualifications, scenarios and rules, and every use of their names.
// Definition, references, hover, completion and the outline are lookups in it. It is built
// from whatever parsed, so it also works while the text has a syntax error elsewhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"
#include "source/source.hpp"

namespace remit::lsp {

enum class SymbolKind : std::uint8_t {
  post,
  body,
  person,
  let,
  category,
  designation,
  duty,
  qualification,
  scenario,
  rule,      // require, forbid, incompatible: in the outline only
  citation,  // a `cite "…"`: hover only
};

// Posts and bodies share one name space (a line may go to either), as the resolver has it.
enum class NameSpace : std::uint8_t {
  unit,
  person,
  let,
  category,
  designation,
  duty,
  qualification,
  scenario,
  rule,
  citation,
};
NameSpace name_space(SymbolKind kind);
// "post", "designation": how messages and hovers name the kind.
std::string_view kind_word(SymbolKind kind);

// Where the name written at `offset` ends: an id in single quotes after its closing quote, an
// id (letters, digits, _, -, /, and . inside) after its last character, else after one byte.
std::size_t name_end(std::string_view text, std::size_t offset);

inline constexpr std::uint32_t no_decl = UINT32_MAX;

struct Occurrence {
  SymbolKind kind = SymbolKind::post;
  std::string name;  // a category's number as digits
  FileId file = no_file;
  std::uint32_t line = 1;  // remit's: from 1, the column in bytes from 1
  std::uint32_t column = 1;
  std::uint32_t begin = 0;  // byte offsets into the file's text
  std::uint32_t end = 0;
  bool definition = false;
  // For a definition: its index in the Program's vector of its kind (posts, bodies, lets,
  // categories, vocabulary, scenarios), or for a person the number of their declaration
  // (SymbolIndex::person); for a citation: the definition it belongs to, an index into
  // SymbolIndex::occurrences.
  std::uint32_t decl = no_decl;
};

class SymbolIndex {
 public:
  SymbolIndex() = default;
  SymbolIndex(const ast::Program& program, const SourceSet& sources);

  [[nodiscard]] const std::vector<Occurrence>& occurrences() const { return occurrences_; }
  // The occurrence that covers byte `offset` of `file` (its end included, so that the cursor
  // just after a name still finds it).
  [[nodiscard]] const Occurrence* at(FileId file, std::uint32_t offset) const;
  // Every occurrence with this occurrence's name space and name.
  [[nodiscard]] std::vector<const Occurrence*> same_symbol(const Occurrence& o) const;
  [[nodiscard]] std::vector<const Occurrence*> definitions_of(const Occurrence& o) const;
  // The declaration of a person's definition (Occurrence::decl): a policy's, or a holders
  // export's first row for them.
  [[nodiscard]] ast::PersonRef person(std::uint32_t decl) const { return people_.at(decl); }

 private:
  std::vector<Occurrence> occurrences_;
  std::vector<ast::PersonRef> people_;  // ast::person_declarations, in the order read
};

}  // namespace remit::lsp
