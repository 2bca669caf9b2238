// The fixed lists the law gives the language: the nations whose law a policy follows, the kinds
// of authority Part I of the Local Government and Housing Act 1989 governs (s.21, s.5(1B)), and
// the kinds of body a post can report to (s.2(7)). Each is a value with one spelling, used in
// policies, messages and docs (docs/language.md lists them with the sections they come from).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace remit::ast {

enum class Jurisdiction : std::uint8_t { england, wales, scotland };

inline constexpr std::array<Jurisdiction, 3> all_jurisdictions{
    Jurisdiction::england, Jurisdiction::wales, Jurisdiction::scotland};

// Its spelling in policies, on the command line and in the stdlib's folder names.
constexpr std::string_view name(Jurisdiction j) {
  switch (j) {
    case Jurisdiction::england:
      return "england";
    case Jurisdiction::wales:
      return "wales";
    case Jurisdiction::scotland:
      return "scotland";
  }
  return "england";
}

// As a sentence names it.
constexpr std::string_view nation_name(Jurisdiction j) {
  switch (j) {
    case Jurisdiction::england:
      return "England";
    case Jurisdiction::wales:
      return "Wales";
    case Jurisdiction::scotland:
      return "Scotland";
  }
  return "England";
}

std::optional<Jurisdiction> jurisdiction_named(std::string_view word);

// The nations a kind exists in, as a set of bits.
using Nations = std::uint8_t;
constexpr Nations nation_bit(Jurisdiction j) {
  return static_cast<Nations>(1u << static_cast<unsigned>(j));
}
inline constexpr Nations england_only = nation_bit(Jurisdiction::england);
inline constexpr Nations wales_only = nation_bit(Jurisdiction::wales);
inline constexpr Nations scotland_only = nation_bit(Jurisdiction::scotland);
inline constexpr Nations england_and_wales = england_only | wales_only;
inline constexpr Nations great_britain = england_and_wales | scotland_only;

enum class AuthorityKind : std::uint8_t {
  county_council,
  county_borough_council,
  district_council,
  unitary_council,
  metropolitan_district_council,
  london_borough_council,
  common_council,
  council_of_the_isles_of_scilly,
  greater_london_authority,
  fire_authority,
  waste_disposal_authority,
  joint_authority,
  residuary_successor_body,
  economic_prosperity_board,
  combined_authority,
  combined_county_authority,
  sub_national_transport_body,
  broads_authority,
  joint_board,
  joint_planning_board,
  scottish_council,
  corporate_joint_committee,
  national_park_authority,
};

struct AuthorityKindInfo {
  AuthorityKind kind;
  std::string_view name;  // as policies write it
  std::string_view label;
  std::string_view cite;  // where the Act names it
  Nations nations;
};

// Every kind, in the order of s.21 (then those the Act names elsewhere).
std::span<const AuthorityKindInfo> authority_kinds();
const AuthorityKindInfo& info(AuthorityKind kind);
std::optional<AuthorityKind> authority_kind_named(std::string_view word);
// The one nation a kind exists in; none when it exists in more than one.
std::optional<Jurisdiction> only_nation(Nations nations);

// What a `body` stands for. Only the authority itself and its committees and sub-committees
// count under s.2(7)(c); a joint committee is named apart where the Act means it (s.2(3)(a),
// s.5(2)), and outside bodies are not the authority at all.
enum class BodyKind : std::uint8_t {
  authority,
  committee,
  sub_committee,
  joint_committee,
  integration_joint_board,
  nhs_body,
  company,
  other_council,
  outside_body,
};

struct BodyKindInfo {
  BodyKind kind;
  std::string_view name;
  std::string_view label;
  bool counts_under_s2_7;  // the authority or a committee or sub-committee of it
};

std::span<const BodyKindInfo> body_kinds();
const BodyKindInfo& info(BodyKind kind);
std::optional<BodyKind> body_kind_named(std::string_view word);

}  // namespace remit::ast
