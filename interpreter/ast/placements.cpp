#include <cstdint>
#include <cstring>

#include "ast/ast.hpp"

namespace remit::ast {

namespace {

std::uint64_t load(const char* p, std::size_t n) {
  std::uint64_t v = 0;
  if (n > 0) std::memcpy(&v, p, n);  // an empty name's data() may be null
  return v;
}

// A service's or directorate's name is a few words: its length and its first and last 8 bytes
// tell most apart, and equal keys are compared in full anyway. std::hash reads every byte, and
// was 2.5% of a derive at 100k posts, one hash a row.
std::uint64_t quick_hash(std::string_view s) {
  constexpr std::uint64_t mix = 0x9e3779b97f4a7c15ULL;
  std::uint64_t h = (s.size() + 1) * mix;
  if (s.size() >= 8) {
    h = (h ^ load(s.data(), 8)) * mix;
    h = (h ^ load(s.data() + s.size() - 8, 8)) * mix;
  } else {
    h = (h ^ load(s.data(), s.size())) * mix;
  }
  return h ^ (h >> 29);
}

}  // namespace

std::size_t Placements::Hash::operator()(const Placement& p) const {
  return static_cast<std::size_t>(quick_hash(p.service) * 31 + quick_hash(p.directorate));
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
