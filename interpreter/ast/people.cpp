#include "ast/people.hpp"

#include <algorithm>

namespace remit::ast {

std::vector<PersonRef> person_declarations(const Program& program) {
  std::vector<PersonRef> out;
  in_reading_order(
      program,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
          out.push_back(PersonRef{PersonRef::declared, static_cast<std::uint32_t>(k)});
        }
      },
      [&](std::uint32_t e) {
        const std::vector<HeldRow>& rows = program.holder_exports[e].rows;
        for (std::uint32_t k = 0; k < rows.size(); ++k) {
          if ((rows[k].flags & HeldRow::first_of_person) != 0) out.push_back(PersonRef{e, k});
        }
      });
  return out;
}

DeclaredPerson declared_person(const Program& program, PersonRef ref) {
  if (ref.source == PersonRef::declared) {
    const PersonDecl& p = program.people[ref.index];
    const auto holds = program.holds(p);
    const auto qualifications = program.qualifications(p);
    return {p.id,
            program.name(p),
            {holds.begin(), holds.end()},
            {qualifications.begin(), qualifications.end()}};
  }
  const HoldersExport& e = program.holder_exports[ref.source];
  const Name id = e.person(e.rows[ref.index]);
  DeclaredPerson out{id, id.text, {}, {}};
  for (const HeldRow& r : e.rows_of(ref.index)) out.holds.push_back(Holding{e.post(r), r.kind});
  // `qualified` is in the order of the rows.
  const auto q =
      std::lower_bound(e.qualified.begin(), e.qualified.end(), ref.index,
                       [](const auto& entry, std::uint32_t row) { return entry.first < row; });
  if (q != e.qualified.end() && q->first == ref.index) {
    const auto names = Program::slice(e.qualifications, q->second);
    out.qualifications.assign(names.begin(), names.end());
  }
  return out;
}

}  // namespace remit::ast
