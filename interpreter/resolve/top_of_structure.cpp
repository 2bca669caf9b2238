#include "resolve/top_of_structure.hpp"

#include <algorithm>
#include <array>

namespace remit {

std::string fold_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

namespace {

// The words an export uses for the authority itself.
constexpr std::array<std::string_view, 4> authority_words{"xx", "council", "the council",
                                                          "full council"};

bool is_authority_word(std::string_view folded, std::string_view authority) {
  if (!authority.empty() && folded == authority) return true;
  for (std::string_view w : authority_words) {
    if (folded == w) return true;
  }
  return false;
}

}  // namespace

AuthorityNames::AuthorityNames(const ast::Program& program, const Organisation& organisation)
    : program_(program),
      organisation_(organisation),
      authority_(fold_name(organisation.authority)) {
  // The first body declared as the authority itself, so the choice is reproducible: of kind
  // `authority`, or of no kind with the id `council` or the name "Council", "The Council",
  // "Full Council" or the authority's.
  auto of_kind = [](const ast::BodyDecl& b) { return b.resolved_kind.has_value(); };
  auto is_authority = [](const ast::BodyDecl& b) {
    return b.resolved_kind == ast::BodyKind::authority;
  };
  const bool declared = std::any_of(program_.bodies.begin(), program_.bodies.end(), is_authority);
  for (const ast::BodyDecl& b : program_.bodies) {
    const std::string label = fold_name(b.label.text);
    const bool names_authority =
        declared ? is_authority(b)
                 : !of_kind(b) && (fold_name(b.id.text) == "council" ||
                                   (label != "xx" && is_authority_word(label, authority_)));
    if (!names_authority) continue;
    if (auto u = organisation_.find_unit(b.id.text); u && organisation_.units[*u].is_body()) {
      authority_body_ = *u;
      break;
    }
  }
}

AuthorityTarget AuthorityNames::find(std::string_view text) const {
  const std::string folded = fold_name(text);
  if (folded.empty()) return {};
  // A body named by its id in another letter case, or by its name.
  for (const ast::BodyDecl& b : program_.bodies) {
    if (fold_name(b.id.text) != folded && fold_name(b.label.text) != folded) continue;
    if (auto u = organisation_.find_unit(b.id.text); u && organisation_.units[*u].is_body()) {
      return {AuthorityTarget::Kind::body, *u};
    }
  }
  if (!is_authority_word(folded, authority_)) return {};
  if (authority_body_) return {AuthorityTarget::Kind::body, *authority_body_};
  return {AuthorityTarget::Kind::top, ast::unresolved};
}

}  // namespace remit
