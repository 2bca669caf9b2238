// The people a Program declares, read the same way whether a policy declared them (PersonDecl)
// or a holders export did (HoldersExport's rows), in the order they were read: the tests of the
// importers look at the people as declared, not at how each is stored.
#pragma once

#include <string_view>
#include <vector>

#include "ast/ast.hpp"

namespace remit::test {

struct DeclaredPerson {
  ast::Name id;
  std::string_view name;
  std::vector<ast::Holding> holds;
  std::vector<ast::Name> qualifications;
};

inline std::vector<DeclaredPerson> declared_people(const ast::Program& program) {
  std::vector<DeclaredPerson> out;
  auto declared = [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      const ast::PersonDecl& p = program.people[k];
      const auto holds = program.holds(p);
      const auto qualifications = program.qualifications(p);
      out.push_back({p.id,
                     program.name(p),
                     {holds.begin(), holds.end()},
                     {qualifications.begin(), qualifications.end()}});
    }
  };
  std::size_t next = 0;
  for (const ast::HoldersExport& e : program.holder_exports) {
    declared(next, e.after_people);
    next = e.after_people;
    auto qualified = e.qualified.begin();
    for (std::size_t k = 0; k < e.rows.size(); ++k) {
      const ast::HeldRow& r = e.rows[k];
      if ((r.flags & ast::HeldRow::first_of_person) != 0) {
        const ast::Name id = e.person(r);
        out.push_back({id, id.text, {}, {}});
        if (qualified != e.qualified.end() && qualified->first == k) {
          const auto q = ast::Program::slice(e.qualifications, qualified->second);
          out.back().qualifications.assign(q.begin(), q.end());
          ++qualified;
        }
      }
      out.back().holds.push_back(ast::Holding{e.post(r), r.kind});
    }
  }
  declared(next, program.people.size());
  return out;
}

}  // namespace remit::test
