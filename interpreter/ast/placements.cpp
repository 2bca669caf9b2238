#include "ast/ast.hpp"
#include "source/text_hash.hpp"

namespace remit::ast {

std::size_t Placements::Hash::operator()(const Placement& p) const {
  return static_cast<std::size_t>(text_hash(p.service) * 31 + text_hash(p.directorate));
}

Placements::Placements(const Placements& other) : earlier_(other.earlier_) {
  earlier_.push_back(other.kept_);
}

Placements& Placements::operator=(const Placements& other) {
  if (this != &other) *this = Placements(other);
  return *this;
}

const Placement* Placements::intern(std::string_view service, std::string_view directorate) {
  const Placement wanted{service, directorate};
  if (wanted == nowhere) return &nowhere;
  if (last_ != nullptr && *last_ == wanted) return last_;
  if (!kept_) kept_ = std::make_shared<Entries>();  // moved from, then used again
  auto [at, added] = index_.try_emplace(wanted, nullptr);
  if (added) at->second = &kept_->emplace_back(wanted);
  last_ = at->second;
  return last_;
}

}  // namespace remit::ast
