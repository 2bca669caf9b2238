// The abstract syntax of a policy: what the grammar (and the CSV importer, a second front end)
// produce and what every later pass reads. Every node carries the SourceSpan it came from.
// Strings are views into the SourceSet that read them.
//
// Set expressions live in one arena (`Program::exprs`) addressed by ExprId, so nodes are plain
// values and passes can keep per-node results in vectors indexed the same way. Resolution fills
// the `resolved` slots in place, as Soufflé's passes annotate its AST, rather than building a
// second tree of near-identical types.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "ast/law_kinds.hpp"
#include "source/packed_view.hpp"
#include "source/source.hpp"

namespace remit::ast {

using ExprId = std::uint32_t;
using SymbolId = std::uint32_t;   // an interned designation, duty or qualification
using UnitIndex = std::uint32_t;  // a post or body: a vertex of the organisation graph
inline constexpr std::uint32_t unresolved = UINT32_MAX;

// 20 bytes: its text packed (source/packed_view.hpp), so records that hold a name and 4-byte
// fields need no padding.
struct Name {
  PackedView text;
  SourceSpan where;
};
static_assert(sizeof(Name) == 20);

struct Text {  // a string literal, unescaped
  std::string_view text;
  SourceSpan where;
};

// ---- the organisation -------------------------------------------------------------------

// What a reporting line carries, in the terms of LGHA 1989 s.2(7)-(8).
enum class LineKind : std::uint8_t {
  reports,      // `reports to`: line management, all or part of the post's duties
  accountable,  // `accountable to`: "directly accountable to", carries duties like `reports`
  dotted,       // `dotted to`: a dotted line, carries no duties
};

// A line's written share in basis points (ast/percent.hpp), or none: read as a
// std::optional<std::uint32_t> is. A share is at most 10000, so it is kept in 16 bits with one
// value meaning none: 2 bytes where the optional takes 8, which with the line's kind and flag
// brings a LineDecl from 40 to 32 bytes (8 MB of a million-post export's lines).
class OptionalShare {
 public:
  constexpr OptionalShare() = default;
  constexpr OptionalShare(std::nullopt_t) {}           // NOLINT: as std::optional converts
  constexpr OptionalShare(std::uint32_t basis_points)  // NOLINT
      : bits_(static_cast<std::uint16_t>(basis_points)) {}
  constexpr OptionalShare(std::optional<std::uint32_t> basis_points)  // NOLINT
      : bits_(basis_points ? static_cast<std::uint16_t>(*basis_points) : none) {}

  [[nodiscard]] constexpr bool has_value() const { return bits_ != none; }
  constexpr explicit operator bool() const { return has_value(); }
  [[nodiscard]] constexpr std::uint32_t operator*() const { return bits_; }
  [[nodiscard]] constexpr std::uint32_t value_or(std::uint32_t other) const {
    return has_value() ? bits_ : other;
  }
  friend constexpr bool operator==(OptionalShare, OptionalShare) = default;

 private:
  static constexpr std::uint16_t none = UINT16_MAX;  // above any share (10000 is 100%)
  std::uint16_t bits_ = none;
};

struct LineDecl {
  Name target;  // its span is where the line is written
  LineKind kind = LineKind::reports;
  // Read from an HR export, where a manager that names no post or body may still mean the
  // authority (`XX`, `council`, its name): resolve/top_of_structure.hpp.
  bool from_export = false;
  // `60%` as 6000 basis points (ast/percent.hpp); none: an equal part of what the explicit
  // shares leave.
  OptionalShare basis_points;
};
// 24 bytes: 16 MB less for a million lines than the 40 of two rounds before (the share last,
// after the two 1-byte fields, leaves no padding).
static_assert(sizeof(LineDecl) == 24);

enum class HoldingKind : std::uint8_t { substantive, interim, acting };

// Its one spelling, in policies, holders CSVs, reports and JSON.
constexpr std::string_view name(HoldingKind kind) {
  switch (kind) {
    case HoldingKind::substantive:
      return "substantive";
    case HoldingKind::interim:
      return "interim";
    case HoldingKind::acting:
      return "acting";
  }
  return "substantive";
}

struct Holding {
  Name post;  // in a person's `holds`: the post; in a post's `holder`: the person
  HoldingKind kind = HoldingKind::substantive;
};
static_assert(sizeof(Holding) == 24);

// A slice of one of Program's per-post arenas. A post's lines, designations, duties and
// holders live in shared vectors rather than vectors of their own: a million posts from an HR
// export then cost no heap allocation each, and a third of the memory.
struct Slice {
  std::uint32_t begin = 0;
  std::uint32_t size = 0;
};

// What few posts have: designations, duties and named holders. Almost no post of an HR export
// has any of them, so a post keeps one index into Program::post_extras rather than three
// slices: 4 bytes a post where the slices took 24.
struct PostExtras {
  Slice designations;  // into Program::post_designations
  Slice duties;        // into Program::post_duties
  Slice holders;       // into Program::post_holders: `holder interim p_jones`
};
inline constexpr std::uint32_t no_extras = UINT32_MAX;

// Where a post sits: its service and its directorate (either may be empty).
struct Placement {
  std::string_view service;
  std::string_view directorate;
  friend bool operator==(const Placement&, const Placement&) = default;
};
inline constexpr Placement nowhere{};

// Each placement once: a council's posts sit in a few hundred, so a post keeps a pointer to its
// placement (8 bytes) rather than the two views (32). Entries never move; the texts are owned by
// the sources, like every other view of the program.
//
// A copy (of a program) keeps the original's entries alive, since its posts point at them, but
// keeps what it adds in entries of its own: those view texts that the original's sources may
// not hold, and the original may be copied again after the copy and its sources are gone.
class Placements {
 public:
  Placements() = default;
  Placements(const Placements& other);
  Placements& operator=(const Placements& other);
  Placements(Placements&&) noexcept = default;
  Placements& operator=(Placements&&) noexcept = default;
  ~Placements() = default;

  // The kept placement equal to {service, directorate}; the first asking keeps it.
  const Placement* intern(std::string_view service, std::string_view directorate);

 private:
  struct Hash {
    std::size_t operator()(const Placement& p) const;
  };
  using Entries = std::deque<Placement>;
  std::shared_ptr<Entries> kept_ = std::make_shared<Entries>();
  std::vector<std::shared_ptr<const Entries>> earlier_;  // the entries of what this was copied from
  std::unordered_map<Placement, const Placement*, Hash> index_;  // of kept_ only
  const Placement* last_ = nullptr;  // rows of an export often repeat the row before's
};

struct PostDecl {
  Name id;  // its span is where the post is declared
  PackedView title;
  const Placement* placement = &nowhere;  // kept by Program::placements
  Slice lines;                            // into Program::post_lines
  std::uint32_t extras = no_extras;       // into Program::post_extras; read through Program
  bool vacant = false;

  [[nodiscard]] std::string_view service() const { return placement->service; }
  [[nodiscard]] std::string_view directorate() const { return placement->directorate; }
};
// 56 bytes, where the two views of the placement and the three slices made it 112: 59 MB less
// for the array of a million-post export (reserved for 1.077M rows).
static_assert(sizeof(PostDecl) == 56);

// The council, a committee or a sub-committee: a line to a body counts under s.2(7). With a
// `kind`, only the authority, its committees and sub-committees count (BodyKindInfo).
struct BodyDecl {
  Name id;
  Text label;
  SourceSpan where;
  std::optional<Name> kind;  // `kind joint_committee`
  std::optional<BodyKind> resolved_kind{};
};

// A person's name and qualifications, beside their declaration: an organogram's people have no
// qualifications, so a person keeps one index into Program::person_extras rather than the name
// and the slice, as a post does with PostExtras. Every person a policy declares has an entry
// (its name, even an empty one).
struct PersonExtras {
  // Only its text: nothing points at the name itself.
  PackedView name;
  Slice qualifications;  // into Program::person_qualifications
};

// A person of a policy (`person p_jones "J Jones" holds ...`) or of an organogram. Its holdings
// and qualifications live in Program's per-person arenas, as a post's lines do in the per-post
// ones. A holders export's people are not PersonDecls: see HoldersExport.
//
// A person is declared where their id is written (id.where).
struct PersonDecl {
  Name id;
  Slice holds;  // into Program::person_holds
  // Into Program::person_extras; none: named by its id, with no qualifications. Read through
  // Program (name, qualifications).
  std::uint32_t extras = no_extras;
};
static_assert(sizeof(PersonDecl) == 32);

// One row of a holders export: a person holds a post. Its two ids are told by where they are in
// the file's text, not by views and spans: 16 bytes a row, where a person and a holding declared
// from it took 56 (PersonDecl and Holding), 39 MB less at a million rows.
struct HeldRow {
  // Bits of `flags`.
  static constexpr std::uint8_t first_of_person = 1;  // the person's first row: their declaration
  static constexpr std::uint8_t person_moved = 2;     // `person` indexes HoldersExport::moved
  static constexpr std::uint8_t post_moved = 4;       // `post` indexes HoldersExport::moved

  std::uint32_t person = 0;  // the offset of the person's id in the export's text
  std::uint32_t post = 0;    // the offset of the post's id
  std::uint16_t person_size = 0;
  std::uint16_t post_size = 0;
  HoldingKind kind = HoldingKind::substantive;
  std::uint8_t flags = 0;
};
static_assert(sizeof(HeldRow) == 16);

// A holders export as read: its rows, each person's together, people in the order the file
// first names them, and within a person in the order of the file. A person's id is the text of
// their first row, declared where it is written. The rare id that is not the file's own bytes
// (a quoted field with "" escapes) or is longer than 65,535 bytes is kept in `moved`.
struct HoldersExport {
  FileId file = no_file;
  std::string_view text;  // the file's text: the rows' offsets are into it
  std::vector<HeldRow> rows;
  std::vector<Name> moved;
  // Qualifications, by person: the person's first row and their slice of `qualifications`, in
  // the order of the rows. Few people have any.
  std::vector<Name> qualifications;
  std::vector<std::pair<std::uint32_t, Slice>> qualified;
  // How many of Program::people were declared before this export: the people of both are
  // numbered in the order they were read.
  std::size_t after_people = 0;

  [[nodiscard]] Name person(const HeldRow& r) const {
    return (r.flags & HeldRow::person_moved) != 0 ? moved[r.person] : at(r.person, r.person_size);
  }
  [[nodiscard]] Name post(const HeldRow& r) const {
    return (r.flags & HeldRow::post_moved) != 0 ? moved[r.post] : at(r.post, r.post_size);
  }
  // The rows of the person whose first row is `first`.
  [[nodiscard]] std::span<const HeldRow> rows_of(std::size_t first) const {
    std::size_t end = first + 1;
    while (end < rows.size() && (rows[end].flags & HeldRow::first_of_person) == 0) ++end;
    return std::span(rows).subspan(first, end - first);
  }

 private:
  [[nodiscard]] Name at(std::uint32_t offset, std::uint16_t size) const {
    return Name{text.substr(offset, size), SourceSpan{file, offset}};
  }
};

// Where a resolved person was first declared: a PersonDecl, or the first row of a holders
// export. 8 bytes, and read through DeclaredPeople.
struct PersonRef {
  static constexpr std::uint32_t declared = UINT32_MAX;
  std::uint32_t source = declared;  // a holders export (Program::holder_exports), or declared
  std::uint32_t index = 0;          // into Program::people, or the export's rows
};

// A Program's people as a resolved organisation reads them: views of its arrays, which stay in
// place while the Program lives, as the declarations a resolved unit points at do.
struct DeclaredPeople {
  std::span<const PersonDecl> decls;
  std::span<const HoldersExport> exports;

  [[nodiscard]] Name id(PersonRef p) const {
    if (p.source == PersonRef::declared) return decls[p.index].id;
    const HoldersExport& e = exports[p.source];
    return e.person(e.rows[p.index]);
  }
};

enum class VocabularyKind : std::uint8_t { designation, duty, qualification };

struct VocabularyDecl {
  VocabularyKind kind = VocabularyKind::designation;
  Name id;
  Text label;
  std::vector<Text> cites;
  SourceSpan where;
};

// ---- set expressions --------------------------------------------------------------------

namespace expr {
struct Designated {  // `designated a, b`: posts designated any of them
  std::vector<Name> roles;
  std::vector<SymbolId> resolved;
};
struct Duty {  // `duty a, b`: posts with any of these duties
  std::vector<Name> duties;
  std::vector<SymbolId> resolved;
};
struct Category {  // `category 1, 2`: posts that meet any of these categories' criteria
  std::vector<std::uint32_t> numbers;
  std::vector<SourceSpan> number_spans;
  std::vector<std::uint32_t> resolved;  // indexes into Program::categories
};
struct Named {  // a `let` name, or the id of a post or body (a set of one)
  Name name;
  enum class Target : std::uint8_t { unresolved, let, unit } target = Target::unresolved;
  std::uint32_t index = unresolved;  // into Program::lets, or a UnitIndex
};
struct AnyBody {};  // `any body`: the council and its committees (bodies that count for s.2(7))
struct BodyKinds {  // `body kind joint_committee, company`: the bodies declared of these kinds
  std::vector<Name> kinds;
  std::vector<BodyKind> resolved;
};
struct ResponsibleTo {  // s.2(7)(a): any line carrying duties, of any share, directly into the set
  ExprId target;
};
struct AllPosts {};       // `post`: every post
struct ReportsDirectly {  // lines into the set carry all or most (over half) of the duties
  ExprId target;
};
struct ReportsTo {  // anywhere below the set, through lines that carry duties
  ExprId target;
};
struct ReportsWithin {  // at most `levels` lines below the set
  std::uint32_t levels;
  ExprId target;
};
struct Manages {  // has a direct report (a line carrying duties) in the set
  ExprId target;
};
enum class Field : std::uint8_t { directorate, service, title };
struct TextMatch {  // `in directorate "…"`, `in service "…"`: exact; `title contains "…"`:
                    // substring
  Field field;
  bool contains;
  Text text;
};
struct Vacant {};  // a post declared `vacant` (not merely one with no holder recorded)
struct HasHolder {};
struct And {
  ExprId lhs, rhs;
};
struct Or {
  ExprId lhs, rhs;
};
struct Not {
  ExprId operand;
};
}  // namespace expr

using ExprKind =
    std::variant<expr::Designated, expr::Duty, expr::Category, expr::Named, expr::AnyBody,
                 expr::AllPosts, expr::ReportsDirectly, expr::ReportsTo, expr::ReportsWithin,
                 expr::Manages, expr::TextMatch, expr::Vacant, expr::HasHolder, expr::And, expr::Or,
                 expr::Not, expr::BodyKinds, expr::ResponsibleTo>;

struct Expr {
  ExprKind kind;
  SourceSpan where;
};

// ---- policy -----------------------------------------------------------------------------

struct LetDecl {
  Name name;
  ExprId value;
  SourceSpan where;
};

struct CategoryDecl {
  std::uint32_t number = 0;
  Text label;
  ExprId when = unresolved;
  std::vector<Text> cites;
  bool is_override = false;  // `override category N`: replaces the used module's category N
  SourceSpan where;
  // `cite designation`: the category also cites, for each post, the citations of the
  // designations (named in its criterion) that the post holds, from their `designation`
  // declarations; where it was written.
  std::optional<SourceSpan> cites_designation{};
};

struct PrecedenceDecl {
  std::vector<std::uint32_t> order;
  std::vector<SourceSpan> spans;
  SourceSpan where;
};

struct UseDecl {
  Text module;  // "uk/lgha1989", or a path relative to the using file
  SourceSpan where;
};

enum class ImportKind : std::uint8_t { structure, holders, designations };

// `columns id = "Position Number"` after an import: the field is read from that column.
struct ColumnChoice {
  Name field;
  Text header;
};

struct ImportDecl {
  ImportKind kind = ImportKind::structure;
  Text path;
  SourceSpan where;
  std::vector<ColumnChoice> columns;
};

// `designate p as role` or `give p duty d` outside a scenario, or a row of a designations sheet:
// a designation or duty of a post declared or imported elsewhere (an HR export has none).
struct DesignateDecl {
  Name post;
  Name name;                                          // the designation or duty
  VocabularyKind kind = VocabularyKind::designation;  // designation or duty only
  SourceSpan where;
};

// `authority "Name" kind county_council jurisdiction wales`: kind and jurisdiction optional.
struct AuthorityDecl {
  Text name;
  SourceSpan where;
  std::optional<Name> kind{};
  std::optional<Name> jurisdiction{};
};

// `where authority is county_council, district_council` on a rule: it applies only to an
// authority of one of these kinds (or to one whose kind is not declared, with a note).
struct AuthorityGuard {
  std::vector<Name> kinds;
  SourceSpan where;
  std::vector<AuthorityKind> resolved{};
};

// `incompatible a with b [unless qualified q] cite "…"`: no person may hold posts carrying
// both designations, unless they have the qualification.
struct IncompatibleDecl {
  Name first;
  Name second;
  std::optional<Name> unless_qualified;
  std::vector<Text> cites;
  SourceSpan where;
  SymbolId first_id = unresolved, second_id = unresolved, qualification_id = unresolved;
  std::optional<AuthorityGuard> guard{};
  // Set by resolution: the AdaptationDecl (Program::adaptations) that sets this rule aside.
  std::uint32_t set_aside_by = unresolved;
};

// An incompatibility's name, by which a policy sets it aside or replaces it: "a with b".
inline std::string rule_name(const IncompatibleDecl& d) {
  return std::string(d.first.text) + " with " + std::string(d.second.text);
}

enum class Compare : std::uint8_t { eq, ne, lt, le, gt, ge };

// The operator as the language writes it (messages and explanations quote it back).
constexpr std::string_view symbol(Compare op) {
  switch (op) {
    case Compare::eq:
      return "=";
    case Compare::ne:
      return "!=";
    case Compare::lt:
      return "<";
    case Compare::le:
      return "<=";
    case Compare::gt:
      return ">";
    case Compare::ge:
      return ">=";
  }
  return "=";
}
enum class Quantifier : std::uint8_t { every, some, no };

namespace condition {
struct Count {  // `count E = 1`
  ExprId set;
  Compare op;
  std::uint64_t value;
};
struct Quantified {  // `every E1 E2`, `some E1 E2`, `no E1 E2`
  Quantifier quantifier;
  ExprId subject;
  ExprId predicate;
};
struct Empty {  // `forbid "…" { E }`: E must be empty
  ExprId set;
};
}  // namespace condition

using Condition = std::variant<condition::Count, condition::Quantified, condition::Empty>;

struct RuleDecl {
  bool forbid = false;  // `forbid` (the set must be empty) or `require`
  Text name;
  Condition condition;
  std::vector<Text> cites;
  SourceSpan where;
  std::optional<AuthorityGuard> guard{};
  // Set by resolution: the AdaptationDecl (Program::adaptations) that sets this rule aside.
  std::uint32_t set_aside_by = unresolved;
};

// ---- exemptions and directions (LGHA 1989 s.3, s.3A) -------------------------------------

// `exempt p granted 2025-03-01 by "Head of Paid Service" cite "…"`: the post is left off the
// list (only a post whose sole category is 8 can be); `include p directed 2025-04-01 by "…"`:
// a direction (s.3A(1)(b), (4); s.3(2)(b), (5)) puts the post on the list, under category 8.
struct ExemptionDecl {
  bool direction = false;  // `include … directed`, else `exempt … granted`
  Name post;
  Text date;  // YYYY-MM-DD, checked to be a date by the parser
  Text by;    // the office that decided
  std::vector<Text> cites;
  SourceSpan where;
};

// ---- adapting a rule: `set aside rule "…" because "…"`, `replace rule "…" because "…" with …`

enum class RuleKind : std::uint8_t { incompatibility, rule };

struct RuleRef {  // a rule of the program: an index into Program::incompatibilities or ::rules
  RuleKind kind = RuleKind::rule;
  std::uint32_t index = 0;
};

struct AdaptationDecl {
  Text rule;    // the name of the rule set aside (its span: where the name is written)
  Text reason;  // why, printed by every report
  std::optional<RuleRef> replacement;  // `replace rule`: the rule that takes its place
  SourceSpan where;
};

// ---- scenarios: edits to the structure, for what-if analysis ---------------------------

namespace edit {
struct Move {  // `move p to report to a[, b 40%]`: p's duty lines are replaced by these
  Name post;
  std::vector<LineDecl> lines;
};
struct RemovePost {  // `remove post p`: p's reports move up to p's manager
  Name post;
};
struct AddPost {  // `add post p "Title" { … }`
  PostDecl post;
};
struct Designate {  // `designate p as role`
  Name post;
  Name role;
};
struct Undesignate {  // `undesignate p as role`
  Name post;
  Name role;
};
struct Assign {  // `assign person to post`
  Name person;
  Name post;
  HoldingKind kind = HoldingKind::substantive;
};
}  // namespace edit

using EditKind = std::variant<edit::Move, edit::RemovePost, edit::AddPost, edit::Designate,
                              edit::Undesignate, edit::Assign>;

struct Edit {
  EditKind kind;
  SourceSpan where;
};

struct ScenarioDecl {
  Text name;
  std::vector<Edit> edits;
  SourceSpan where;
};

// ---- tests: `test "name" { expect … }`, read by `remit test` only (docs/testing.md) -------

namespace expectation {
enum class Claim : std::uint8_t {
  listed_in,       // `expect p in category N`: listed in N (the one category derive lists it in)
  not_listed_in,   // `expect p not in category N`
  listed_nowhere,  // `expect p in no category`: not politically restricted
  meets,           // `expect p meets category N`: meets N's criterion, whatever precedence lists
};
struct PostCategory {
  Name post;
  Claim claim = Claim::listed_in;
  std::uint32_t number = 0;  // none (0) for listed_nowhere
  SourceSpan number_where;
};
struct NoBreach {  // `expect no breach`, or `expect no breach "rule"`: that rule is not broken
  std::optional<Text> rule;
};
struct Breach {  // `expect breach "rule"`: the rule is broken
  Text rule;
};
struct List {  // `expect list "approved.csv"`: the listed posts and categories are exactly these
  Text path;
};
}  // namespace expectation

using ExpectationKind = std::variant<expectation::PostCategory, expectation::NoBreach,
                                     expectation::Breach, expectation::List>;

struct Expectation {
  ExpectationKind kind;
  std::optional<Text> scenario;  // `given scenario "S" expect …`: over the structure S leaves
  SourceSpan where;
};

struct TestDecl {
  Text name;
  std::vector<Expectation> expectations;
  SourceSpan where;
};

// Every file read for one run, merged: declarations keep the span of the file they came from.
struct Program {
  std::vector<Expr> exprs;
  // Per-post arenas, addressed by PostDecl's slices (see Slice).
  std::vector<LineDecl> post_lines;
  std::vector<Name> post_designations;
  std::vector<Name> post_duties;
  std::vector<Holding> post_holders;
  std::vector<PostExtras> post_extras;  // addressed by PostDecl::extras
  Placements placements;                // addressed by PostDecl::placement
  std::vector<AuthorityDecl> authorities;
  std::vector<UseDecl> uses;
  std::vector<ImportDecl> imports;
  std::vector<DesignateDecl> designates;
  std::vector<BodyDecl> bodies;
  std::vector<PostDecl> posts;
  std::vector<PersonDecl> people;
  std::vector<HoldersExport> holder_exports;  // their people follow those of `people` read before
  // Per-person arenas, addressed by PersonDecl's slices.
  std::vector<Holding> person_holds;
  std::vector<Name> person_qualifications;
  std::vector<PersonExtras> person_extras;  // addressed by PersonDecl::extras
  std::vector<VocabularyDecl> vocabulary;
  std::vector<LetDecl> lets;
  std::vector<CategoryDecl> categories;
  std::vector<PrecedenceDecl> precedences;
  std::vector<TestDecl> tests;  // policy never reads them: only `remit test` does
  std::vector<IncompatibleDecl> incompatibilities;
  std::vector<RuleDecl> rules;
  std::vector<ScenarioDecl> scenarios;
  std::vector<ExemptionDecl> exemptions;
  std::vector<AdaptationDecl> adaptations;

  template <typename T>
  static std::span<const T> slice(const std::vector<T>& arena, Slice s) {
    return std::span<const T>(arena).subspan(s.begin, s.size);
  }
  [[nodiscard]] std::span<const LineDecl> lines(const PostDecl& p) const {
    return slice(post_lines, p.lines);
  }
  [[nodiscard]] std::span<const Name> designations(const PostDecl& p) const {
    return slice(post_designations, extras(p).designations);
  }
  [[nodiscard]] std::span<const Name> duties(const PostDecl& p) const {
    return slice(post_duties, extras(p).duties);
  }
  [[nodiscard]] std::span<const Holding> holders(const PostDecl& p) const {
    return slice(post_holders, extras(p).holders);
  }
  [[nodiscard]] PostExtras extras(const PostDecl& p) const {
    return p.extras == no_extras ? PostExtras{} : post_extras[p.extras];
  }
  // Gives `p` these designations, duties and holders: an entry of post_extras only when it
  // has any of them.
  void set_extras(PostDecl& p, PostExtras e) {
    if (e.designations.size == 0 && e.duties.size == 0 && e.holders.size == 0) {
      p.extras = no_extras;
      return;
    }
    p.extras = static_cast<std::uint32_t>(post_extras.size());
    post_extras.push_back(e);
  }
  // Where each per-post arena ends. Taken before a post's details are appended, it lets
  // drop_last_post take the post back with everything it appended, on every path alike.
  struct PostMarks {
    std::size_t lines = 0, designations = 0, duties = 0, holders = 0, extras = 0;
  };
  [[nodiscard]] PostMarks post_marks() const {
    return {post_lines.size(), post_designations.size(), post_duties.size(), post_holders.size(),
            post_extras.size()};
  }
  // Removes the last post and what the per-post arenas gained since `marks`.
  void drop_last_post(const PostMarks& marks) {
    posts.pop_back();
    post_lines.resize(marks.lines);
    post_designations.resize(marks.designations);
    post_duties.resize(marks.duties);
    post_holders.resize(marks.holders);
    post_extras.resize(marks.extras);
  }
  // Appends to an arena and returns the slice that covers what was appended since `begin`.
  template <typename T>
  static Slice since(const std::vector<T>& arena, std::size_t begin) {
    return Slice{static_cast<std::uint32_t>(begin),
                 static_cast<std::uint32_t>(arena.size() - begin)};
  }

  [[nodiscard]] std::span<const Holding> holds(const PersonDecl& p) const {
    return slice(person_holds, p.holds);
  }
  [[nodiscard]] std::span<const Name> qualifications(const PersonDecl& p) const {
    const PersonExtras* e = extras(p);
    return e ? slice(person_qualifications, e->qualifications) : std::span<const Name>{};
  }
  // Its name: its id's text when it has no entry of person_extras.
  [[nodiscard]] std::string_view name(const PersonDecl& p) const {
    const PersonExtras* e = extras(p);
    return e ? std::string_view(e->name) : std::string_view(p.id.text);
  }
  // Its entry of person_extras, or null: named by its id, with no qualifications.
  [[nodiscard]] const PersonExtras* extras(const PersonDecl& p) const {
    return p.extras == no_extras ? nullptr : &person_extras[p.extras];
  }
  // Its entry of person_extras, made (named by its id, with no qualifications) if it has none.
  PersonExtras& writable_extras(PersonDecl& p) {
    if (p.extras == no_extras) {
      p.extras = static_cast<std::uint32_t>(person_extras.size());
      person_extras.push_back(PersonExtras{p.id.text, {}});
    }
    return person_extras[p.extras];
  }

  ExprId add(ExprKind kind, SourceSpan where) {
    exprs.push_back(Expr{std::move(kind), where});
    return static_cast<ExprId>(exprs.size() - 1);
  }
};

}  // namespace remit::ast
