// The resolved organisation and policy: what resolution makes of a Program once every name
// points at something. Posts and bodies are "units", numbered densely so that the graph and
// the evaluator can keep one bit or one number per unit.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ast/ast.hpp"
#include "resolve/id_index.hpp"
#include "resolve/reporting_lines.hpp"
#include "resolve/shared_vector.hpp"
#include "source/huge_pages.hpp"

namespace remit {

using ast::SymbolId;
using ast::UnitIndex;

// A post or a body. It points at its declaration rather than copying the declaration's
// strings, and reads its id from there; the id is read only to write or explain. Its three flags
// ride in the pointer's low bits, which the declarations' 8-byte alignment leaves zero: 8 bytes a
// unit, where a copy of the id and a pointer for each kind took 40 (32 MB less at a million
// posts) and the pointer beside the flags 16 (8 MB).
class Unit {
 public:
  Unit() = default;
  static Unit of(const ast::PostDecl& post) { return Unit(&post, post.vacant ? vacant_bit : 0); }
  static Unit of(const ast::BodyDecl& body) { return Unit(&body, body_bit); }

  // Declared `vacant` (until a scenario fills it).
  [[nodiscard]] bool vacant() const { return (bits_ & vacant_bit) != 0; }
  void set_vacant(bool vacant) { bits_ = vacant ? bits_ | vacant_bit : bits_ & ~vacant_bit; }
  // Removed by a scenario, or left out of an export: no longer a post of the organisation.
  [[nodiscard]] bool removed() const { return (bits_ & removed_bit) != 0; }
  void set_removed() { bits_ |= removed_bit; }

  // For a post: in Program::posts, or a scenario's addition; else nullptr.
  [[nodiscard]] const ast::PostDecl* post() const {
    return is_body() ? nullptr : static_cast<const ast::PostDecl*>(decl());
  }
  // For a body; else nullptr.
  [[nodiscard]] const ast::BodyDecl* body() const {
    return is_body() ? static_cast<const ast::BodyDecl*>(decl()) : nullptr;
  }
  [[nodiscard]] bool is_body() const { return (bits_ & body_bit) != 0; }
  [[nodiscard]] std::string_view id() const {
    if (decl() == nullptr) return {};
    return is_body() ? body()->id.text : post()->id.text;
  }
  // The authority itself or a committee or sub-committee of it, as s.2(7)(c) names them: a body
  // declared without a kind is taken to be one, as before kinds were declared.
  [[nodiscard]] bool is_authority_or_committee() const {
    return is_body() &&
           (!body()->resolved_kind || ast::info(*body()->resolved_kind).counts_under_s2_7);
  }
  [[nodiscard]] bool is_body_of_kind(std::span<const ast::BodyKind> kinds) const {
    return is_body() && body()->resolved_kind &&
           std::find(kinds.begin(), kinds.end(), *body()->resolved_kind) != kinds.end();
  }
  [[nodiscard]] std::string_view title() const {
    return is_body() ? body()->label.text : post()->title.view();
  }
  [[nodiscard]] std::string_view service() const {
    return is_body() ? std::string_view() : post()->service();
  }
  [[nodiscard]] std::string_view directorate() const {
    return is_body() ? std::string_view() : post()->directorate();
  }
  [[nodiscard]] SourceSpan where() const { return is_body() ? body()->where : post()->id.where; }

 private:
  static constexpr std::uintptr_t body_bit = 1, vacant_bit = 2, removed_bit = 4;
  static constexpr std::uintptr_t flags = body_bit | vacant_bit | removed_bit;
  static_assert(alignof(ast::PostDecl) > flags && alignof(ast::BodyDecl) > flags,
                "the flags need the low bits of a declaration's address to be zero");

  Unit(const void* decl, std::uintptr_t bits)
      : bits_(reinterpret_cast<std::uintptr_t>(decl) | bits) {}
  [[nodiscard]] const void* decl() const { return reinterpret_cast<const void*>(bits_ & ~flags); }

  std::uintptr_t bits_ = 0;  // the declaration's address, with the flags in its low bits
};
static_assert(sizeof(Unit) == 8);

struct Holding {
  std::uint32_t person = 0;
  UnitIndex post = 0;
  ast::HoldingKind kind = ast::HoldingKind::substantive;
  SourceSpan where;
};

// A person is where they were first declared (ast::PersonRef): a policy's declaration, or their
// first row of a holders export. Organisation::id_of and where_of read their id there. A holders
// export names its people by their ids and seldom gives qualifications, so what only some
// people have (a name other than the id, qualifications) is in Organisation::person_details.
using Person = ast::PersonRef;
static_assert(sizeof(Person) == 8, "a person is 8 bytes: 8 MB at a million people");

// What few people have. A person without an entry is named by their id and has no
// qualifications.
struct PersonDetails {
  const ast::PersonExtras* named = nullptr;  // the declaration whose name is used; none: the id
  ast::Slice qualifications;                 // into Organisation::person_qualifications

  [[nodiscard]] std::string_view name_or(std::string_view id) const {
    return named != nullptr ? std::string_view(named->name) : id;
  }
};
using PersonDetailsTable = std::unordered_map<std::uint32_t, PersonDetails>;

// One vocabulary (designations, duties or qualifications): names interned to dense ids.
struct Vocabulary {
  std::vector<std::string_view> names;
  std::vector<std::uint32_t> decls;  // index into Program::vocabulary
  std::unordered_map<std::string_view, SymbolId> index;
  [[nodiscard]] std::size_t size() const { return names.size(); }
};

// Copying an organisation is cheap: the bulk (units, lines, people, holdings, the id index)
// is shared between copies until one of them edits it, which is how a what-if variant starts.
struct Organisation {
  SharedVector<Unit> units;
  ReportingLines lines;
  Vocabulary designations, duties, qualifications;
  // For each designation (duty), the units that carry it: `designated x` reads one list.
  SharedVector<std::vector<UnitIndex>> designated;
  SharedVector<std::vector<UnitIndex>> with_duty;
  SharedVector<Person> people;
  ast::DeclaredPeople declared_people;           // what `people` refer to
  SharedVector<SymbolId> person_qualifications;  // sliced by PersonDetails::qualifications
  SharedVector<Holding> holdings;
  std::string_view authority;
  // From `authority … kind … jurisdiction …`: none when the policy does not say. The
  // jurisdiction is the declared one or the one the kind implies.
  std::optional<ast::AuthorityKind> authority_kind;
  std::optional<ast::Jurisdiction> jurisdiction;
  // Posts added by a scenario own their declarations here (shared, so copies of the
  // organisation for further what-ifs keep them alive).
  std::vector<std::shared_ptr<const ast::PostDecl>> added_posts;

  [[nodiscard]] std::size_t size() const { return units.size(); }
  // Every unit's id, for "did you mean" after a failed lookup (not for the hot path).
  [[nodiscard]] std::vector<std::string_view> unit_ids() const {
    std::vector<std::string_view> ids;
    ids.reserve(units.size());
    for (const Unit& u : units) ids.push_back(u.id());
    return ids;
  }
  [[nodiscard]] std::optional<UnitIndex> find_unit(std::string_view id) const {
    return unit_index_->find(id, [this](UnitIndex u) { return units[u].id(); });
  }
  // The qualifications of a person, each once, in the order first given.
  [[nodiscard]] std::span<const SymbolId> qualifications_of(std::uint32_t person) const {
    const PersonDetails* d = details_of(person);
    if (d == nullptr) return {};
    return std::span(person_qualifications.get())
        .subspan(d->qualifications.begin, d->qualifications.size);
  }
  // Every person's id, for "did you mean" after a failed lookup (not for the hot path).
  [[nodiscard]] std::vector<std::string_view> person_ids() const {
    std::vector<std::string_view> ids;
    ids.reserve(people.size());
    for (std::uint32_t p = 0; p < people.size(); ++p) ids.push_back(id_of(p));
    return ids;
  }
  // A person's id, and where they were first declared.
  [[nodiscard]] std::string_view id_of(std::uint32_t person) const {
    return declared_people.id(people[person]).text;
  }
  [[nodiscard]] SourceSpan where_of(std::uint32_t person) const {
    return declared_people.id(people[person]).where;
  }
  // The name a person is known by: the one declared, else their id.
  [[nodiscard]] std::string_view name_of(std::uint32_t person) const {
    const PersonDetails* d = details_of(person);
    return d != nullptr ? d->name_or(id_of(person)) : id_of(person);
  }
  // Set once by resolution, with the person index.
  void set_person_details(PersonDetailsTable details) {
    person_details_ = std::make_shared<const PersonDetailsTable>(std::move(details));
  }
  // The person with this id (compared as find_unit compares), as an index into `people`.
  [[nodiscard]] std::optional<std::uint32_t> find_person(std::string_view id) const {
    return person_index_->find(id, [this](std::uint32_t p) { return id_of(p); });
  }
  // Set once by resolution, when the people are known; what-ifs never add people.
  void set_person_index(IdIndex index) {
    person_index_ = std::make_shared<const IdIndex>(std::move(index));
  }
  // Asks for the slot of `id` ahead of a find_unit (resolution looks up a million ids).
  void prefetch_unit(std::string_view id) const { unit_index_->prefetch(id); }
  void reserve_units(std::size_t n) {
    reserve_huge(units.edit(), n);
    index().reserve(n);
  }
  // Adds `unit`; returns the unit that already has its id, if any (then `unit` is kept
  // only so that indexes stay aligned with the declarations, and cannot be found by id).
  std::optional<UnitIndex> add_unit(const Unit& unit) {
    const auto at = static_cast<UnitIndex>(units.size());
    units.edit().push_back(unit);
    return index().insert(unit.id(), at, [this](UnitIndex u) { return units[u].id(); });
  }

 private:
  IdIndex& index() {
    if (unit_index_.use_count() > 1) unit_index_ = std::make_shared<IdIndex>(*unit_index_);
    return *unit_index_;
  }
  std::shared_ptr<IdIndex> unit_index_ = std::make_shared<IdIndex>();                // id -> unit
  std::shared_ptr<const IdIndex> person_index_ = std::make_shared<const IdIndex>();  // id -> person
  std::shared_ptr<const PersonDetailsTable> person_details_ =
      std::make_shared<const PersonDetailsTable>();
  [[nodiscard]] const PersonDetails* details_of(std::uint32_t person) const {
    auto it = person_details_->find(person);
    return it != person_details_->end() ? &it->second : nullptr;
  }
};

// The categories that apply after `override`, in the order they must be evaluated (each after
// the categories and lets it refers to), and in the order of precedence.
struct CategoryPlan {
  std::vector<std::uint32_t> active;      // index into Program::categories, by number
  std::vector<std::uint32_t> precedence;  // index into Program::categories, first wins
  // Lets and categories interleaved in dependency order.
  struct Step {
    enum class Kind : std::uint8_t { let, category } kind;
    std::uint32_t index;
  };
  std::vector<Step> order;
};

// The exemptions and directions (Program::exemptions) by the post they name, and the category
// they are about: only a category 8 post can be exempted, and a direction lists a post there.
struct ExemptionPlan {
  std::uint32_t category_8 = ast::unresolved;  // index into Program::categories, if active
  std::vector<std::pair<UnitIndex, std::uint32_t>> by_post;  // (post, exemption), by post
  // The exemption or direction that names `post`, if any (an index into Program::exemptions).
  [[nodiscard]] std::optional<std::uint32_t> of(UnitIndex post) const {
    auto it = std::lower_bound(by_post.begin(), by_post.end(),
                               std::pair<UnitIndex, std::uint32_t>{post, 0});
    if (it == by_post.end() || it->first != post) return std::nullopt;
    return it->second;
  }
};

struct Resolved {
  Organisation organisation;
  CategoryPlan plan;
  ExemptionPlan exemptions;
};

}  // namespace remit
