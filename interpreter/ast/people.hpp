// The people a Program declares, whichever way each was declared: a policy's or an organogram's
// PersonDecl, or the rows of a holders export (HoldersExport). Resolution numbers them in the
// order they were read; the language server and the tests read them one at a time.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"

namespace remit::ast {

// Calls declared(begin, end) for each run of Program::people and exported(e) for each holders
// export, in the order they were read.
template <typename Declared, typename Exported>
void in_reading_order(const Program& program, Declared declared, Exported exported) {
  std::size_t next = 0;
  for (std::uint32_t e = 0; e < program.holder_exports.size(); ++e) {
    const std::size_t before = program.holder_exports[e].after_people;
    if (next < before) declared(next, before);
    next = before;
    exported(e);
  }
  if (next < program.people.size()) declared(next, program.people.size());
}

// Every declaration of a person, in the order read: a person declared twice is here twice.
[[nodiscard]] std::vector<PersonRef> person_declarations(const Program& program);

// A declaration of a person, read out: their id (where it is written), the name they are known
// by (their id when none is given), what they hold and their qualifications, as declared.
struct DeclaredPerson {
  Name id;
  std::string_view name;
  std::vector<Holding> holds;
  std::vector<Name> qualifications;
};
[[nodiscard]] DeclaredPerson declared_person(const Program& program, PersonRef ref);

}  // namespace remit::ast
