#include "resolve/shares.hpp"

namespace remit {

DutySplit split_duties(std::span<const ast::LineDecl> lines) {
  DutySplit out;
  split_duties(lines, out);
  return out;
}

void split_duties(std::span<const ast::LineDecl> lines, DutySplit& out) {
  out.shares.clear();
  out.explicit_percent = 0;
  std::size_t unspecified = 0;
  for (const ast::LineDecl& l : lines) {
    if (l.kind == ast::LineKind::dotted) continue;
    if (l.percent) {
      out.explicit_percent += *l.percent;
    } else {
      ++unspecified;
    }
  }
  const double rest = unspecified ? (100.0 - out.explicit_percent) / unspecified : 0;
  out.shares.reserve(lines.size());
  for (const ast::LineDecl& l : lines) {
    double percent = l.kind == ast::LineKind::dotted ? 0 : l.percent ? double(*l.percent) : rest;
    out.shares.push_back(static_cast<float>(percent / 100.0));
  }
}

}  // namespace remit
