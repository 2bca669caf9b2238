#include "ast/law_kinds.hpp"

#include <algorithm>

namespace remit::ast {
namespace {

using A = AuthorityKind;

// From LGHA 1989 s.21(1) (England and Wales) and s.21(2) (Scotland), as in force on 26 March
// 2026 (docs/law.md); s.5(1B) names the Greater London Authority, s.21(3) and s.2(1B) the Welsh
// corporate joint committees. Unitary and metropolitan district councils are county or district
// councils in law; they are listed so that a council can say what it calls itself.
constexpr std::array<AuthorityKindInfo, 23> authority_table{{
    {A::county_council, "county_council", "a county council", "LGHA 1989 s.21(1)(a)",
     england_and_wales},
    {A::county_borough_council, "county_borough_council", "a county borough council",
     "LGHA 1989 s.21(1)(aa)", wales_only},
    {A::district_council, "district_council", "a district council", "LGHA 1989 s.21(1)(b)",
     england_only},
    {A::unitary_council, "unitary_council", "a unitary council (a county or district council)",
     "LGHA 1989 s.21(1)(a), (b)", england_only},
    {A::metropolitan_district_council, "metropolitan_district_council",
     "a metropolitan district (borough) council", "LGHA 1989 s.21(1)(b)", england_only},
    {A::london_borough_council, "london_borough_council", "a London borough council",
     "LGHA 1989 s.21(1)(c)", england_only},
    {A::common_council, "common_council", "the Common Council of the City of London",
     "LGHA 1989 s.21(1)(d)", england_only},
    {A::council_of_the_isles_of_scilly, "council_of_the_isles_of_scilly",
     "the Council of the Isles of Scilly", "LGHA 1989 s.21(1)(e)", england_only},
    {A::greater_london_authority, "greater_london_authority", "the Greater London Authority",
     "LGHA 1989 s.5(1B)", england_only},
    {A::fire_authority, "fire_authority", "a fire and rescue authority", "LGHA 1989 s.21(1)(f)",
     england_and_wales},
    {A::waste_disposal_authority, "waste_disposal_authority", "a waste disposal authority",
     "LGHA 1989 s.21(1)(h)", england_only},
    {A::joint_authority, "joint_authority", "a joint authority (Local Government Act 1985 Part IV)",
     "LGHA 1989 s.21(1)(i)", england_only},
    {A::residuary_successor_body, "residuary_successor_body", "a successor to a residuary body",
     "LGHA 1989 s.21(1)(j)", england_only},
    {A::economic_prosperity_board, "economic_prosperity_board", "an economic prosperity board",
     "LGHA 1989 s.21(1)(ja)", england_only},
    {A::combined_authority, "combined_authority", "a combined authority", "LGHA 1989 s.21(1)(jb)",
     england_only},
    {A::combined_county_authority, "combined_county_authority", "a combined county authority",
     "LGHA 1989 s.21(1)(jba)", england_only},
    {A::sub_national_transport_body, "sub_national_transport_body", "a sub-national transport body",
     "LGHA 1989 s.21(1)(jc)", england_only},
    {A::broads_authority, "broads_authority", "the Broads Authority", "LGHA 1989 s.21(1)(k)",
     england_only},
    {A::joint_board, "joint_board", "a joint board of local authorities",
     "LGHA 1989 s.21(1)(l), s.21(2)", great_britain},
    {A::joint_planning_board, "joint_planning_board", "a Welsh joint planning board",
     "LGHA 1989 s.21(1)(n)", wales_only},
    {A::scottish_council, "scottish_council",
     "a council constituted under the Local Government etc. (Scotland) Act 1994",
     "LGHA 1989 s.21(2)", scotland_only},
    {A::corporate_joint_committee, "corporate_joint_committee", "a Welsh corporate joint committee",
     "LGHA 1989 s.2(1B), s.21(3)", wales_only},
    {A::national_park_authority, "national_park_authority", "a national park authority",
     "not named in LGHA 1989 s.21", great_britain},
}};

using B = BodyKind;
constexpr std::array<BodyKindInfo, 9> body_table{{
    {B::authority, "authority", "the authority itself", true},
    {B::committee, "committee", "a committee of the authority", true},
    {B::sub_committee, "sub_committee", "a sub-committee of the authority", true},
    {B::joint_committee, "joint_committee", "a joint committee", false},
    {B::integration_joint_board, "integration_joint_board", "an integration joint board", false},
    {B::nhs_body, "nhs_body", "an NHS body", false},
    {B::company, "company", "a company", false},
    {B::other_council, "other_council", "another council", false},
    {B::outside_body, "outside_body", "an outside body", false},
}};

// info() finds a kind's row by its number.
template <typename Table>
constexpr bool in_enum_order(const Table& table) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (static_cast<std::size_t>(table[i].kind) != i) return false;
  }
  return true;
}
static_assert(in_enum_order(authority_table));
static_assert(in_enum_order(body_table));

}  // namespace

std::optional<Jurisdiction> jurisdiction_named(std::string_view word) {
  for (Jurisdiction j : all_jurisdictions) {
    if (name(j) == word) return j;
  }
  return std::nullopt;
}

std::span<const AuthorityKindInfo> authority_kinds() {
  return authority_table;
}

const AuthorityKindInfo& info(AuthorityKind kind) {
  return authority_table[static_cast<std::size_t>(kind)];
}

std::optional<AuthorityKind> authority_kind_named(std::string_view word) {
  for (const AuthorityKindInfo& k : authority_table) {
    if (k.name == word) return k.kind;
  }
  return std::nullopt;
}

std::optional<Jurisdiction> only_nation(Nations nations) {
  std::optional<Jurisdiction> only;
  for (Jurisdiction j : all_jurisdictions) {
    if ((nations & nation_bit(j)) == 0) continue;
    if (only) return std::nullopt;
    only = j;
  }
  return only;
}

std::span<const BodyKindInfo> body_kinds() {
  return body_table;
}

const BodyKindInfo& info(BodyKind kind) {
  return body_table[static_cast<std::size_t>(kind)];
}

std::optional<BodyKind> body_kind_named(std::string_view word) {
  for (const BodyKindInfo& k : body_table) {
    if (k.name == word) return k.kind;
  }
  return std::nullopt;
}

}  // namespace remit::ast
