#include <functional>

#include "ast/ast.hpp"

namespace remit::ast {

std::size_t Placements::Hash::operator()(const Placement& p) const {
  const std::size_t a = std::hash<std::string_view>{}(p.service);
  const std::size_t b = std::hash<std::string_view>{}(p.directorate);
  return a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
}

const Placement* Placements::intern(std::string_view service, std::string_view directorate) {
  const Placement wanted{service, directorate};
  if (wanted == nowhere) return &nowhere;
  if (last_ != nullptr && *last_ == wanted) return last_;
  auto [at, added] = index_.try_emplace(wanted, nullptr);
  if (added) at->second = &kept_.emplace_back(wanted);
  last_ = at->second;
  return last_;
}

}  // namespace remit::ast
