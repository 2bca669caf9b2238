// The people a Program declares, read the same way whether a policy declared them (PersonDecl)
// or a holders export did (HoldersExport's rows), in the order they were read: the tests of the
// importers look at the people as declared, not at how each is stored.
#pragma once

#include <vector>

#include "ast/people.hpp"

namespace remit::test {

using ast::DeclaredPerson;

inline std::vector<DeclaredPerson> declared_people(const ast::Program& program) {
  std::vector<DeclaredPerson> out;
  for (const ast::PersonRef& ref : ast::person_declarations(program)) {
    out.push_back(ast::declared_person(program, ref));
  }
  return out;
}

}  // namespace remit::test
