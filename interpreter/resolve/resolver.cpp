#include "resolve/resolver.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "ast/people.hpp"
#include "grammar/parser.hpp"
#include "resolve/law.hpp"
#include "resolve/left_out.hpp"
#include "resolve/pair_set.hpp"
#include "resolve/scenarios.hpp"
#include "resolve/shares.hpp"
#include "resolve/suggest.hpp"
#include "resolve/top_of_structure.hpp"
#include "source/huge_pages.hpp"

namespace remit {
namespace {

const char* vocabulary_word(ast::VocabularyKind kind) {
  switch (kind) {
    case ast::VocabularyKind::designation:
      return "designation";
    case ast::VocabularyKind::duty:
      return "duty";
    case ast::VocabularyKind::qualification:
      return "qualification";
  }
  return "name";
}

// Tells whether a person already holds a post. Most people are named once, by one declaration
// or one row of a holders export, and hold one or two posts: a repeat of those can only be
// among the holdings just added, which a scan finds. Only when a person is named again, or by a
// post's `holder`, or holds many posts, are the holdings so far put into a table, and every
// later one checked there: at a million holdings the table cost 16 MiB and a cache miss each.
class HeldSet {
 public:
  static constexpr std::uint32_t scan_limit = 8;

  // The holdings from `begin` on are all of the person's: scan them (unless the table is in use).
  void scan_from(std::size_t begin) { scan_from_ = filled_ ? no_scan : begin; }
  void stop_scan() { scan_from_ = no_scan; }

  // True when `person` did not hold `post` among `holdings` (and is about to).
  bool first(const SharedVector<Holding>& holdings, std::uint32_t person, UnitIndex post) {
    if (scan_from_ != no_scan) {
      for (std::size_t i = scan_from_; i < holdings.size(); ++i) {
        if (holdings[i].post == post) return false;
      }
      return true;
    }
    if (!filled_) {
      set_.reserve(holdings.size() + 16);
      for (const Holding& h : holdings) set_.insert(PairSet::pair(h.person, h.post));
      filled_ = true;
    }
    return set_.insert(PairSet::pair(person, post));
  }

 private:
  static constexpr std::size_t no_scan = SIZE_MAX;
  std::size_t scan_from_ = no_scan;
  bool filled_ = false;
  PairSet set_;
};

class Resolver {
 public:
  Resolver(ast::Program& program, const FileDepths& depths, Diagnostics& diags,
           const Limits& limits, ExportFaults& faults)
      : p_(program), depths_(depths), diags_(diags), limits_(limits), faults_(faults) {}

  Resolved run() {
    vocabulary();
    units();
    post_details();
    added_designations();
    people();
    lets_and_categories();
    scenarios();
    expressions();
    incompatibilities();
    exemptions();
    adaptations();
    law_kinds();
    if (!diags_.has_errors()) order();
    precedence();
    return std::move(out_);
  }

 private:
  Organisation& org() { return out_.organisation; }

  Vocabulary& vocab(ast::VocabularyKind kind) {
    switch (kind) {
      case ast::VocabularyKind::designation:
        return org().designations;
      case ast::VocabularyKind::duty:
        return org().duties;
      case ast::VocabularyKind::qualification:
        return org().qualifications;
    }
    return org().designations;
  }

  void vocabulary() {
    for (std::uint32_t i = 0; i < p_.vocabulary.size(); ++i) {
      const ast::VocabularyDecl& d = p_.vocabulary[i];
      Vocabulary& v = vocab(d.kind);
      auto [it, fresh] = v.index.emplace(d.id.text, static_cast<SymbolId>(v.names.size()));
      if (!fresh) {
        const ast::VocabularyDecl& first = p_.vocabulary[v.decls[it->second]];
        diags_
            .error(d.id.where, std::string(vocabulary_word(d.kind)) + " " + in_quotes(d.id.text) +
                                   " is declared twice")
            .notes.push_back({first.id.where, "first declared here"});
        continue;
      }
      v.names.push_back(d.id.text);
      v.decls.push_back(i);
    }
    org().designated.edit().resize(org().designations.size());
    org().with_duty.edit().resize(org().duties.size());
  }

  std::optional<SymbolId> symbol(ast::VocabularyKind kind, const ast::Name& name) {
    Vocabulary& v = vocab(kind);
    if (auto it = v.index.find(name.text); it != v.index.end()) return it->second;
    std::string word = vocabulary_word(kind);
    std::optional<Suggester>& names = vocabulary_names_[static_cast<std::size_t>(kind)];
    auto known = [&] { return v.names; };
    diags_.error(name.where, "unknown " + word + " " + in_quotes(name.text) +
                                 hint(diags_, names, known, name) + "; declare it with '" + word +
                                 " " + std::string(name.text) + " \"…\"' or use \"uk/roles\"");
    return std::nullopt;
  }

  void units() {
    Organisation& o = org();
    o.reserve_units(p_.bodies.size() + p_.posts.size());  // no rehash while adding
    auto add = [&](const Unit& u, const ast::Name& id) {
      auto first = o.add_unit(u);
      duplicate_.push_back(first.has_value());
      if (!first) return;
      const std::string message = "the id " + in_quotes(id.text) + " is used twice";
      std::vector<Note> notes{{o.units[*first].where(), "first used here"}};
      if (u.is_body()) {
        diags_.error(id.where, message).notes = std::move(notes);
        return;
      }
      // The row is left out (with --keep-going): the first row with the id is the post.
      const std::span<const ast::LineDecl> lines = p_.lines(*u.post());
      const LeftOut fault{LeftOut::Fault::duplicate_id, id.where, id.text,
                          lines.empty() ? std::string_view() : lines.front().target.text.view(),
                          *first};
      if (faults_.leave_out(diags_, fault, message, std::move(notes))) {
        o.units.edit().back().set_removed();
      }
    };
    // Before the lines: a line from an HR export to "the council" looks for the body that is
    // the authority (resolve/top_of_structure.hpp).
    for (ast::BodyDecl& b : p_.bodies) {
      if (b.kind) b.resolved_kind = body_kind(*b.kind);
    }
    for (std::uint32_t i = 0; i < p_.bodies.size(); ++i) {
      const ast::BodyDecl& b = p_.bodies[i];
      add(Unit::of(b), b.id);
    }
    first_post_ = static_cast<UnitIndex>(o.units.size());
    // Each insert lands in a random slot of a 16 MiB table: asking for the slot some posts
    // ahead overlaps those cache misses (with the table in huge pages, 17% -> 4% of derive at
    // a million posts).
    constexpr std::uint32_t ahead = 32;
    for (std::uint32_t i = 0; i < p_.posts.size(); ++i) {
      if (i + ahead < p_.posts.size()) o.prefetch_unit(p_.posts[i + ahead].id.text);
      const ast::PostDecl& d = p_.posts[i];
      add(Unit::of(d), d.id);
    }
    if (!p_.authorities.empty()) o.authority = p_.authorities.front().name.text;
  }

  std::vector<std::string_view> unit_ids() const { return out_.organisation.unit_ids(); }

  // `context` says who refers to the name; it is called only when there is an error to report,
  // so a million good lines build no message text.
  template <typename Context>
  std::optional<UnitIndex> unit(const ast::Name& name, const Context& context) {
    if (auto u = org().find_unit(name.text)) return u;
    auto ids = [&] { return unit_ids(); };
    diags_.error(name.where, context() + in_quotes(name.text) + ", which is not a post or body" +
                                 hint(diags_, unit_names_, ids, name));
    return std::nullopt;
  }

  void post_details() {
    Organisation& o = org();
    o.lines.reserve(p_.post_lines.size(), o.units.size());
    // Looking a line's target up costs a cache miss or two; asking for the slot a few posts
    // ahead lets those misses overlap instead of queueing.
    constexpr std::uint32_t ahead = 8;
    for (std::uint32_t i = 0; i < p_.posts.size(); ++i) {
      if (i + ahead < p_.posts.size()) {
        for (const ast::LineDecl& l : p_.lines(p_.posts[i + ahead])) {
          o.prefetch_unit(l.target.text);
        }
      }
      const ast::PostDecl& d = p_.posts[i];
      const UnitIndex self = first_post_ + i;
      if (duplicate_[self]) continue;
      for (const ast::Name& n : p_.designations(d)) {
        if (auto s = symbol(ast::VocabularyKind::designation, n)) {
          o.designated.edit()[*s].push_back(self);
        }
      }
      for (const ast::Name& n : p_.duties(d)) {
        if (auto s = symbol(ast::VocabularyKind::duty, n)) o.with_duty.edit()[*s].push_back(self);
      }
      shares(d, self);
    }
    // One post reporting to the authority is the top of the structure (the chief executive, as
    // a rule), whether or not a body stands for the authority. When several do, the others may
    // be chief officers by reporting to the council (s.2(7)), which only a declared body shows.
    if (tops_from_export_ > 1) {
      diags_.warning(
          first_top_from_export_.where,
          std::to_string(tops_from_export_) + " posts of the HR export report to the authority (" +
              in_quotes(first_top_from_export_.text) +
              " here), but no body stands for it: read as the top of the structure, "
              "with no line to a body. If a line to the council should count towards "
              "category 3 (LGHA 1989 s.2(7)), declare it: body council \"Full Council\"");
    }
  }

  // `designate p as r`, `give p duty d` and designations sheets: added to what the post's own
  // declaration says. Saying a designation twice says nothing more.
  void added_designations() {
    for (const ast::DesignateDecl& d : p_.designates) {
      const bool designation = d.kind == ast::VocabularyKind::designation;
      auto u = unit(d.post, [&] {
        return std::string(designation ? "designation " : "duty ") + shorten(d.name.text) +
               " is given to ";
      });
      if (!u) continue;
      const Unit& target = org().units[*u];
      if (target.is_body()) {
        diags_.error(d.post.where, in_quotes(d.post.text) +
                                       " is a body, not a post: only posts carry designations "
                                       "and duties");
        continue;
      }
      auto s = symbol(d.kind, d.name);
      if (!s) continue;
      const std::span<const ast::Name> own =
          designation ? p_.designations(*target.post()) : p_.duties(*target.post());
      const bool said = std::any_of(own.begin(), own.end(),
                                    [&](const ast::Name& n) { return n.text == d.name.text; });
      if (said || !added_[designation ? 0 : 1].insert(PairSet::pair(*s, *u))) continue;
      (designation ? org().designated : org().with_duty).edit()[*s].push_back(*u);
    }
  }

  // A line to a unit; a manager from an HR export that names none may mean the authority
  // (resolve/top_of_structure.hpp). None: the error is reported, or the post is the top.
  // The post or body a line goes to; none for a line to the top of an export (no line), or one
  // to a post that is not there (an error, or with --keep-going a line left out).
  std::optional<UnitIndex> line_target(const ast::PostDecl& d, const ast::LineDecl& l,
                                       UnitIndex self) {
    std::optional<UnitIndex> target = org().find_unit(l.target.text);
    if (!target && l.from_export) {
      if (!authority_names_) authority_names_.emplace(p_, org());
      const AuthorityTarget a = authority_names_->find(l.target.text);
      if (a.kind == AuthorityTarget::Kind::body) return a.body;
      if (a.kind == AuthorityTarget::Kind::top) {
        if (tops_from_export_++ == 0) first_top_from_export_ = l.target;
        return std::nullopt;
      }
    }
    if (target) return target;
    auto ids = [&] { return unit_ids(); };
    faults_.leave_out(
        diags_, {LeftOut::Fault::missing_manager, l.target.where, d.id.text, l.target.text, self},
        shorten(d.id.text) + " " + line_verb(l.kind) + " " + in_quotes(l.target.text) +
            ", which is not a post or body" + hint(diags_, unit_names_, ids, l.target));
    return std::nullopt;
  }

  // A post's duties are split between its duty-carrying lines: explicit shares as given, the
  // rest in equal parts among the lines without one. Dotted lines carry none.
  void shares(const ast::PostDecl& d, UnitIndex self) {
    const std::span<const ast::LineDecl> lines = p_.lines(d);
    if (lines.empty()) return;
    split_duties(lines, split_);
    const DutySplit& split = split_;
    if (split.over_100_percent()) {
      diags_.error(lines.front().target.where,
                   "the shares of the lines of post " + in_quotes(d.id.text) + " add up to " +
                       ast::basis_points_text(split.explicit_basis_points) + "%, more than 100%");
      return;
    }
    if (split.too_many_equal_parts()) {
      diags_.error(lines.front().target.where,
                   "post " + in_quotes(d.id.text) + " has " +
                       std::to_string(split.lines_without_share) +
                       " lines without a share; remit can split a post's duties in equal parts "
                       "among at most " +
                       std::to_string(max_lines_sharing_duties) + " lines (give the lines shares)");
      return;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const ast::LineDecl& l = lines[i];
      auto target = line_target(d, l, self);
      if (!target) continue;
      if (*target == self) {
        faults_.leave_out(
            diags_, {LeftOut::Fault::reports_to_itself, l.target.where, d.id.text, d.id.text, self},
            "post " + in_quotes(d.id.text) + " " + line_verb(l.kind) + " itself");
        continue;
      }
      org().lines.push_back(Line{self, *target, l.kind, split.shares[i], l.target.where});
    }
  }

  static std::string line_verb(ast::LineKind kind) {
    switch (kind) {
      case ast::LineKind::reports:
        return "reports to";
      case ast::LineKind::accountable:
        return "is accountable to";
      case ast::LineKind::dotted:
        return "has a dotted line to";
    }
    return "reports to";
  }

  // What resolving the people builds before it is handed to the organisation.
  struct PeopleSoFar {
    IdIndex index;
    // What few people have: a name, qualifications (Organisation::person_details).
    PersonDetailsTable details;
    // Each person's qualifications, in the order given; made into slices of one arena below.
    std::vector<std::pair<std::uint32_t, SymbolId>> qualifications;
  };

  // Looking a person or a post up costs a cache miss or two at a million; asking for the slots
  // a few people ahead lets those misses overlap instead of queueing.
  static constexpr std::size_t ahead = 8;

  // The people of the policy's files and of its holders exports, numbered in the order they
  // were read, each with their holdings and qualifications.
  void people() {
    Organisation& o = org();
    o.declared_people = ast::DeclaredPeople{p_.people, p_.holder_exports};
    std::vector<Person>& people = o.people.edit();
    std::size_t declared = p_.people.size();
    std::size_t held = p_.person_holds.size() + p_.post_holders.size();
    for (const ast::HoldersExport& e : p_.holder_exports) {
      declared += e.rows.size();  // at most a person a row
      held += e.rows.size();
    }
    reserve_huge(people, declared);
    PeopleSoFar so_far;
    // A flat index, as for posts: a million holders would otherwise cost a heap node each.
    so_far.index.reserve(declared);
    // Sized once: grown by doubling, a million holdings would peak with the old and the new
    // buffer both live, 16 MiB more than they need.
    reserve_huge(o.holdings.edit(), held);
    ast::in_reading_order(
        p_, [&](std::size_t begin, std::size_t end) { declared_people(begin, end, so_far); },
        [&](std::uint32_t e) { exported_people(e, so_far); });
    o.set_person_index(std::move(so_far.index));
    qualifications_of_people(so_far.qualifications, so_far.details);
    o.set_person_details(std::move(so_far.details));
    for (std::uint32_t i = 0; i < p_.posts.size(); ++i) {
      for (const ast::Holding& h : p_.holders(p_.posts[i])) {
        const std::optional<std::uint32_t> person = o.find_person(h.post.text);
        if (!person) {
          auto person_ids = [&] { return o.person_ids(); };
          diags_.error(h.post.where, "unknown person " + in_quotes(h.post.text) +
                                         hint(diags_, person_names_, person_ids, h.post) +
                                         "; declare it with 'person " + id_as_written(h.post.text) +
                                         " \"Name\"'");
          continue;
        }
        hold(*person, p_.posts[i].id, h.kind, h.post.where);
      }
    }
    // The holdings' posts are in random order: asking for the unit a few holdings ahead lets
    // the cache misses overlap.
    const std::vector<Holding>& holdings = o.holdings.get();
    for (std::size_t i = 0; i < holdings.size(); ++i) {
      if (i + ahead < holdings.size()) __builtin_prefetch(&o.units[holdings[i + ahead].post]);
      const Holding& h = holdings[i];
      const Unit& u = o.units[h.post];
      if (u.vacant()) {
        diags_
            .error(h.where, "post " + in_quotes(u.id()) + " is declared vacant, but " +
                                in_quotes(o.id_of(h.person)) + " holds it")
            .notes.push_back({u.where(), "declared here"});
      }
    }
  }

  struct FoundPerson {
    std::uint32_t person = 0;
    bool existing = false;  // declared before, with the same id
  };

  // The person `id`, declared at `ref`: a new one, or the one already declared with that id.
  // Two different names for one id are a mistake.
  FoundPerson person(Person ref, const ast::Name& id, const ast::PersonExtras* named,
                     std::string_view name, PeopleSoFar& so_far) {
    std::vector<Person>& people = org().people.edit();
    const auto next = static_cast<std::uint32_t>(people.size());
    const std::optional<std::uint32_t> earlier =
        so_far.index.insert(id.text, next, [this](std::uint32_t i) { return org().id_of(i); });
    if (!earlier) {
      people.push_back(ref);
      if (named != nullptr) so_far.details[next].named = named;
      return {next, false};
    }
    // The same person may come from a policy file and a holders CSV.
    const std::uint32_t p = *earlier;
    const std::string_view first_id = org().id_of(p);
    const auto known = so_far.details.find(p);
    const std::string_view name_so_far =
        known != so_far.details.end() ? known->second.name_or(first_id) : first_id;
    if (name_so_far != name && name != id.text && name_so_far != first_id) {
      diags_
          .error(id.where, "person " + in_quotes(id.text) + " is declared twice, as " +
                               in_quotes(name_so_far) + " and " + in_quotes(name))
          .notes.push_back({org().where_of(p), "first declared here"});
    } else if (name_so_far == first_id && named != nullptr) {
      so_far.details[p].named = named;
    }
    return {p, true};
  }

  // The people Program::people declares from `begin` to `end`: a policy's and an organogram's.
  void declared_people(std::size_t begin, std::size_t end, PeopleSoFar& so_far) {
    Organisation& o = org();
    for (std::size_t k = begin; k < end; ++k) {
      if (k + ahead < end) {
        const ast::PersonDecl& later = p_.people[k + ahead];
        so_far.index.prefetch(later.id.text);
        for (const ast::Holding& h : p_.holds(later)) o.prefetch_unit(h.post.text);
      }
      const ast::PersonDecl& d = p_.people[k];
      const auto [p, existing] = person(Person{Person::declared, static_cast<std::uint32_t>(k)},
                                        d.id, p_.extras(d), p_.name(d), so_far);
      for (const ast::Name& q : p_.qualifications(d)) {
        if (auto s = symbol(ast::VocabularyKind::qualification, q)) {
          so_far.qualifications.emplace_back(p, *s);
        }
      }
      // A person named for the first time, holding a few posts, has no earlier holding to
      // repeat but among these (HeldSet).
      if (!existing && d.holds.size <= HeldSet::scan_limit) held_.scan_from(o.holdings.size());
      for (const ast::Holding& h : p_.holds(d)) hold(p, h.post, h.kind, h.post.where);
      held_.stop_scan();
    }
  }

  // The people of holders export `e`, a run of rows each (ast::HoldersExport).
  void exported_people(std::uint32_t e, PeopleSoFar& so_far) {
    Organisation& o = org();
    const ast::HoldersExport& x = p_.holder_exports[e];
    const std::span<const ast::HeldRow> rows = x.rows;
    auto qualified = x.qualified.begin();
    FoundPerson found;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      if (k + ahead < rows.size()) {
        const ast::HeldRow& later = rows[k + ahead];
        if ((later.flags & ast::HeldRow::first_of_person) != 0) {
          so_far.index.prefetch(x.person(later).text);
        }
        o.prefetch_unit(x.post(later).text);
      }
      const ast::HeldRow& r = rows[k];
      if ((r.flags & ast::HeldRow::first_of_person) != 0) {
        held_.stop_scan();
        const ast::Name id = x.person(r);
        found = person(Person{e, static_cast<std::uint32_t>(k)}, id, nullptr, id.text, so_far);
        if (qualified != x.qualified.end() && qualified->first == k) {
          for (const ast::Name& q : ast::Program::slice(x.qualifications, qualified->second)) {
            if (auto s = symbol(ast::VocabularyKind::qualification, q)) {
              so_far.qualifications.emplace_back(found.person, *s);
            }
          }
          ++qualified;
        }
        // As for a declared person (HeldSet): an export's person holds a post once each.
        if (!found.existing && x.rows_of(k).size() <= HeldSet::scan_limit) {
          held_.scan_from(o.holdings.size());
        }
      }
      const ast::Name post = x.post(r);
      hold(found.person, post, r.kind, post.where);
    }
    held_.stop_scan();
  }

  // Gives each person the slice of Organisation::person_qualifications that holds their
  // qualifications, each once, in the order first given. `given` is every (person,
  // qualification) in the order declared; few people have any.
  void qualifications_of_people(std::vector<std::pair<std::uint32_t, SymbolId>>& given,
                                PersonDetailsTable& details) {
    std::stable_sort(given.begin(), given.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<SymbolId>& arena = org().person_qualifications.edit();
    for (auto group = given.begin(); group != given.end();) {
      const std::uint32_t person = group->first;
      const std::size_t begin = arena.size();
      for (; group != given.end() && group->first == person; ++group) {
        if (std::find(arena.begin() + static_cast<std::ptrdiff_t>(begin), arena.end(),
                      group->second) == arena.end()) {
          arena.push_back(group->second);
        }
      }
      details[person].qualifications = ast::Program::since(arena, begin);
    }
  }

  void hold(std::uint32_t person, const ast::Name& post, ast::HoldingKind kind, SourceSpan where) {
    auto u = unit(post, [&] { return "person " + shorten(org().id_of(person)) + " holds "; });
    if (!u) return;
    // Units are numbered bodies first, then posts (units()), so this needs no read of the unit:
    // the read was a cache miss per holding, 15% of a check with a million holders.
    if (*u < first_post_) {
      diags_.error(where, in_quotes(post.text) + " is a body, not a post: nobody holds it");
      return;
    }
    // A holding said twice (in a holders CSV and in the policy, say) is one holding.
    if (!held_.first(org().holdings, person, *u)) return;
    org().holdings.edit().push_back(Holding{person, *u, kind, where});
  }

  void lets_and_categories() {
    for (std::uint32_t i = 0; i < p_.lets.size(); ++i) {
      const ast::LetDecl& l = p_.lets[i];
      auto [it, fresh] = lets_.emplace(l.name.text, i);
      if (!fresh) {
        diags_.error(l.name.where, "the set " + in_quotes(l.name.text) + " is defined twice")
            .notes.push_back({p_.lets[it->second].name.where, "first defined here"});
      }
    }
    std::map<std::uint32_t, std::vector<std::uint32_t>> by_number;
    for (std::uint32_t i = 0; i < p_.categories.size(); ++i) {
      by_number[p_.categories[i].number].push_back(i);
    }
    for (auto& [number_key, decls] : by_number) {
      // A plain copy: lambdas below capture it, and capturing a structured binding needs
      // clang 16 (the fuzzers build with clang 14).
      const std::uint32_t number = number_key;
      std::vector<std::uint32_t> base, overrides;
      for (std::uint32_t i : decls) (p_.categories[i].is_override ? overrides : base).push_back(i);
      // A council redefining a category of a module it uses most likely meant `override`:
      // point at the council's own definition and say so.
      auto twice = [&](std::vector<std::uint32_t> v, const char* what) {
        std::stable_sort(v.begin(), v.end(), [&](auto a, auto b) {
          return depth(p_.categories[a].where) > depth(p_.categories[b].where);
        });
        for (std::size_t k = 1; k < v.size(); ++k) {
          const ast::CategoryDecl& again = p_.categories[v[k]];
          const ast::CategoryDecl& first = p_.categories[v[0]];
          std::string hint;
          if (!again.is_override && depth(again.where) < depth(first.where)) {
            hint = "; to replace the used module's definition, write 'override category " +
                   std::to_string(number) + " …'";
          }
          diags_
              .error(again.where,
                     std::string(what) + " " + std::to_string(number) + " is defined twice" + hint)
              .notes.push_back({first.where, "the other definition is here"});
        }
      };
      twice(base, "category");
      twice(overrides, "override of category");
      if (!overrides.empty() && base.empty()) {
        diags_.error(p_.categories[overrides[0]].where,
                     "'override category " + std::to_string(number) + "', but no category " +
                         std::to_string(number) +
                         " is defined to override. The Act's categories come from a module: add "
                         "'use \"" +
                         act_module(default_policy_module) + "\"' to override its category " +
                         std::to_string(number) + ", or drop 'override' to define a category " +
                         std::to_string(number) +
                         " of your own (the Act's other categories then need defining too)");
        continue;
      }
      std::uint32_t chosen = overrides.empty() ? base[0] : overrides[0];
      category_index_[number] = chosen;
      out_.plan.active.push_back(chosen);
    }
  }

  void scenarios() {
    std::unordered_map<std::string_view, SourceSpan> seen;
    for (const ast::ScenarioDecl& s : p_.scenarios) {
      auto [it, fresh] = seen.emplace(s.name.text, s.where);
      if (!fresh) {
        diags_.error(s.where, "a second scenario named \"" + std::string(s.name.text) + "\"")
            .notes.push_back({it->second, "the first one is here"});
      }
    }
    check_scenario_names(p_, org(), diags_);
  }

  // The defined categories nearest `number`: a policy with 100,000 categories gets a line, not
  // 100,000 numbers, in every such message.
  std::string defined_categories(std::uint32_t number) {
    if (category_numbers_.size() != category_index_.size()) {
      category_numbers_.clear();
      for (const auto& entry : category_index_) category_numbers_.push_back(entry.first);
    }
    return category_numbers_.empty() ? "none" : nearest_numbers(category_numbers_, number);
  }

  void expressions() {
    for (ast::Expr& e : p_.exprs) {
      if (auto* d = std::get_if<ast::expr::Designated>(&e.kind)) {
        for (const ast::Name& n : d->roles) {
          if (auto s = symbol(ast::VocabularyKind::designation, n)) d->resolved.push_back(*s);
        }
      } else if (auto* du = std::get_if<ast::expr::Duty>(&e.kind)) {
        for (const ast::Name& n : du->duties) {
          if (auto s = symbol(ast::VocabularyKind::duty, n)) du->resolved.push_back(*s);
        }
      } else if (auto* c = std::get_if<ast::expr::Category>(&e.kind)) {
        for (std::size_t k = 0; k < c->numbers.size(); ++k) {
          auto it = category_index_.find(c->numbers[k]);
          if (it == category_index_.end()) {
            diags_.error(c->number_spans[k],
                         "no category " + std::to_string(c->numbers[k]) +
                             " is defined (defined: " + defined_categories(c->numbers[k]) + ")");
            continue;
          }
          c->resolved.push_back(it->second);
        }
      } else if (auto* n = std::get_if<ast::expr::Named>(&e.kind)) {
        named(*n);
      } else if (auto* k = std::get_if<ast::expr::BodyKinds>(&e.kind)) {
        for (const ast::Name& n : k->kinds) {
          if (auto kind = body_kind(n)) k->resolved.push_back(*kind);
        }
      }
    }
  }

  void named(ast::expr::Named& n) {
    auto let = lets_.find(n.name.text);
    auto unit = org().find_unit(n.name.text);
    if (let != lets_.end() && unit) {
      diags_
          .error(n.name.where, in_quotes(n.name.text) +
                                   " is both a set defined with 'let' and the id of a post; "
                                   "rename one of them")
          .notes.push_back({p_.lets[let->second].name.where, "the set is defined here"});
      return;
    }
    if (let != lets_.end()) {
      n.target = ast::expr::Named::Target::let;
      n.index = let->second;
      return;
    }
    if (unit) {
      n.target = ast::expr::Named::Target::unit;
      n.index = *unit;
      return;
    }
    auto let_names = [&] {
      std::vector<std::string_view> names;
      for (auto& [name, i] : lets_) names.push_back(name);
      return names;
    };
    auto ids = [&] { return unit_ids(); };
    std::string suggestion = hint(diags_, let_names_, let_names, n.name);
    if (suggestion.empty()) suggestion = hint(diags_, unit_names_, ids, n.name);
    diags_.error(n.name.where, "unknown name " + in_quotes(n.name.text) +
                                   ": not a set defined with 'let', a post or a body" + suggestion);
  }

  void incompatibilities() {
    for (ast::IncompatibleDecl& d : p_.incompatibilities) {
      if (auto s = symbol(ast::VocabularyKind::designation, d.first)) d.first_id = *s;
      if (auto s = symbol(ast::VocabularyKind::designation, d.second)) d.second_id = *s;
      if (d.unless_qualified) {
        if (auto s = symbol(ast::VocabularyKind::qualification, *d.unless_qualified)) {
          d.qualification_id = *s;
        }
      }
    }
  }

  // `exempt p granted …` and `include p directed …`, by the post each names. Whether the post
  // may be exempted depends on the categories it meets, which evaluation decides
  // (evaluate/exemptions.hpp).
  void exemptions() {
    ExemptionPlan& plan = out_.exemptions;
    if (auto it = category_index_.find(8); it != category_index_.end())
      plan.category_8 = it->second;
    for (std::uint32_t i = 0; i < p_.exemptions.size(); ++i) {
      const ast::ExemptionDecl& d = p_.exemptions[i];
      auto u = unit(d.post, [&] {
        return std::string(d.direction ? "a direction includes " : "an exemption is granted to ");
      });
      if (!u) continue;
      if (org().units[*u].is_body()) {
        diags_.error(d.post.where,
                     in_quotes(d.post.text) + " is a body, not a post: only a post " +
                         (d.direction ? "can be put on the list" : "can be exempted"));
        continue;
      }
      if (d.direction && plan.category_8 == ast::unresolved) {
        diags_.error(d.where, "a direction puts " + in_quotes(d.post.text) +
                                  " on the list under category 8 (LGHA 1989 s.2(2), s.3A(4)), but "
                                  "the policy defines no category 8; use \"" +
                                  act_module(default_policy_module) + "\" or define it");
        continue;
      }
      plan.by_post.emplace_back(*u, i);
    }
    std::stable_sort(plan.by_post.begin(), plan.by_post.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    auto again =
        std::adjacent_find(plan.by_post.begin(), plan.by_post.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; });
    while (again != plan.by_post.end()) {
      const ast::ExemptionDecl& first = p_.exemptions[again->second];
      const ast::ExemptionDecl& second = p_.exemptions[std::next(again)->second];
      diags_
          .error(second.where, "post " + in_quotes(second.post.text) +
                                   " is named by a second exemption or direction; keep the one "
                                   "in force")
          .notes.push_back({first.where, "the other one is here"});
      plan.by_post.erase(std::next(again));
      again = std::adjacent_find(again, plan.by_post.end(),
                                 [](const auto& a, const auto& b) { return a.first == b.first; });
    }
  }

  // `set aside rule "…"` and `replace rule "…"`: each rule of that name (a require/forbid
  // rule's own, or "a with b" for an incompatibility) is marked with the statement that sets
  // it aside, so that checking passes over it and every report can say why.
  void adaptations() {
    if (p_.adaptations.empty()) return;
    std::map<std::string, std::vector<ast::RuleRef>, std::less<>> by_name;
    for (std::uint32_t i = 0; i < p_.incompatibilities.size(); ++i) {
      by_name[ast::rule_name(p_.incompatibilities[i])].push_back(
          {ast::RuleKind::incompatibility, i});
    }
    for (std::uint32_t i = 0; i < p_.rules.size(); ++i) {
      by_name[std::string(p_.rules[i].name.text)].push_back({ast::RuleKind::rule, i});
    }
    for (std::uint32_t k = 0; k < p_.adaptations.size(); ++k) {
      const ast::AdaptationDecl& a = p_.adaptations[k];
      const std::string verb = a.replacement ? "replace" : "set aside";
      bool found = false;
      if (auto it = by_name.find(a.rule.text); it != by_name.end()) {
        for (const ast::RuleRef& ref : it->second) {
          if (a.replacement && a.replacement->kind == ref.kind &&
              a.replacement->index == ref.index) {
            continue;  // the rule that takes its place, when it keeps the name
          }
          found = true;
          const bool incompatibility = ref.kind == ast::RuleKind::incompatibility;
          std::uint32_t& by = incompatibility ? p_.incompatibilities[ref.index].set_aside_by
                                              : p_.rules[ref.index].set_aside_by;
          if (by != ast::unresolved && by != k) {
            diags_
                .error(a.where, "the rule " + in_quotes(a.rule.text) +
                                    " is already set aside or replaced; one statement decides "
                                    "what takes its place")
                .notes.push_back({p_.adaptations[by].where, "the other one is here"});
            continue;
          }
          by = k;
        }
      }
      if (found) continue;
      std::vector<std::string_view> names;
      for (const auto& entry : by_name) names.push_back(entry.first);
      diags_.error(a.rule.where,
                   "no rule named " + in_quotes(a.rule.text) + " to " + verb +
                       did_you_mean(a.rule.text, names) +
                       "; a require or forbid rule is named by its text in quotes, an "
                       "'incompatible a with b' rule as \"a with b\"");
    }
  }

  // The stdlib module a hint names for the policy's nation, as its first `authority` statement
  // says it (or its kind implies): "uk/lgha1989" in England, "wales/lgha1989" in Wales.
  std::string act_module(std::string_view module) const {
    std::optional<ast::Jurisdiction> j;
    if (!p_.authorities.empty()) {
      const ast::AuthorityDecl& a = p_.authorities.front();
      if (a.jurisdiction) j = ast::jurisdiction_named(a.jurisdiction->text);
      if (!j && a.kind) {
        if (auto k = ast::authority_kind_named(a.kind->text))
          j = ast::only_nation(ast::info(*k).nations);
      }
    }
    if (!j || *j == ast::Jurisdiction::england) return "uk/" + std::string(module);
    return default_module(*j, module);
  }

  // ---- kinds of authority and body, jurisdiction (resolve/law.hpp) -------------------------
  std::optional<ast::BodyKind> body_kind(const ast::Name& n) {
    return resolve_body_kind(n, diags_);
  }

  void law_kinds() {
    const AuthorityLaw law = resolve_authority(p_, diags_);
    org().authority_kind = law.kind;
    org().jurisdiction = law.jurisdiction;
    resolve_guards(p_, law.kind, diags_);
    check_designation_cites(p_, diags_);
  }

  // ---- evaluation order -------------------------------------------------------------------
  // Nodes: lets (0..L-1) and active categories (L..). An edge a -> b means a refers to b.
  struct Reference {
    std::uint32_t node;
    bool negated;  // the reference sits under a `not`
    SourceSpan where;
  };

  std::vector<Reference> references(ast::ExprId root) const {
    std::vector<Reference> refs;
    std::vector<std::pair<ast::ExprId, bool>> work{{root, false}};
    while (!work.empty()) {
      const ast::ExprId id = work.back().first;
      const bool negated = work.back().second;  // plain copies: captured by the visitor below
      work.pop_back();
      const ast::Expr& e = p_.exprs[id];
      std::visit(
          [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::expr::Category>) {
              for (std::size_t k = 0; k < node.resolved.size(); ++k) {
                refs.push_back({node_of_category(node.resolved[k]), negated, e.where});
              }
            } else if constexpr (std::is_same_v<T, ast::expr::Named>) {
              if (node.target == ast::expr::Named::Target::let) {
                refs.push_back({node.index, negated, e.where});
              }
            } else if constexpr (std::is_same_v<T, ast::expr::Not>) {
              work.push_back({node.operand, true});
            } else if constexpr (std::is_same_v<T, ast::expr::And> ||
                                 std::is_same_v<T, ast::expr::Or>) {
              work.push_back({node.lhs, negated});
              work.push_back({node.rhs, negated});
            } else if constexpr (requires { node.target; }) {
              work.push_back({node.target, negated});
            }
          },
          e.kind);
    }
    return refs;
  }

  // Through a table built once in order(): a chain of a million categories, each referring to
  // the next, would otherwise search the active list once per reference.
  std::uint32_t node_of_category(std::uint32_t decl) const {
    return static_cast<std::uint32_t>(p_.lets.size()) + active_position_[decl];
  }

  std::string node_name(std::uint32_t node) const {
    if (node < p_.lets.size()) return "set " + in_quotes(p_.lets[node].name.text);
    return "category " +
           std::to_string(p_.categories[out_.plan.active[node - p_.lets.size()]].number);
  }

  SourceSpan node_where(std::uint32_t node) const {
    if (node < p_.lets.size()) return p_.lets[node].where;
    return p_.categories[out_.plan.active[node - p_.lets.size()]].where;
  }

  // Depth-first, with an explicit stack, so a long chain of lets cannot overflow the C++ stack.
  void order() {
    const std::size_t lets = p_.lets.size();
    const std::size_t n = lets + out_.plan.active.size();
    active_position_.assign(p_.categories.size(), 0);
    for (std::size_t k = 0; k < out_.plan.active.size(); ++k) {
      active_position_[out_.plan.active[k]] = static_cast<std::uint32_t>(k);
    }
    std::vector<std::vector<Reference>> edges(n);
    for (std::size_t i = 0; i < lets; ++i) edges[i] = references(p_.lets[i].value);
    for (std::size_t k = 0; k < out_.plan.active.size(); ++k) {
      edges[lets + k] = references(p_.categories[out_.plan.active[k]].when);
    }
    enum class Mark : std::uint8_t { none, active, done };
    std::vector<Mark> mark(n, Mark::none);
    struct Frame {
      std::uint32_t node;
      std::size_t next;
    };
    for (std::uint32_t start = 0; start < n; ++start) {
      if (mark[start] != Mark::none) continue;
      std::vector<Frame> stack{{start, 0}};
      mark[start] = Mark::active;
      while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.next < edges[f.node].size()) {
          const Reference& r = edges[f.node][f.next++];
          if (mark[r.node] == Mark::active) {
            report_cycle(stack, r, edges);
            return;
          }
          if (mark[r.node] == Mark::none) {
            mark[r.node] = Mark::active;
            stack.push_back({r.node, 0});
          }
          continue;
        }
        mark[f.node] = Mark::done;
        using Kind = CategoryPlan::Step::Kind;
        if (f.node < lets) {
          out_.plan.order.push_back({Kind::let, f.node});
        } else {
          out_.plan.order.push_back({Kind::category, out_.plan.active[f.node - lets]});
        }
        stack.pop_back();
      }
    }
  }

  template <typename Stack>
  void report_cycle(const Stack& stack, const Reference& closing,
                    const std::vector<std::vector<Reference>>& edges) {
    auto start = std::find_if(stack.begin(), stack.end(),
                              [&](const auto& f) { return f.node == closing.node; });
    std::string chain;
    bool negated = closing.negated;
    std::vector<Note> notes;
    // A cycle through thousands of definitions is named by its first few, and counted.
    const std::size_t shown = limits_.definitions_shown_on_cycle;
    std::size_t k = 0;
    const auto length = static_cast<std::size_t>(stack.end() - start);
    for (auto it = start; it != stack.end(); ++it, ++k) {
      const Reference& used = edges[it->node][it->next - 1];
      negated = negated || used.negated;
      if (k >= shown) continue;
      chain += node_name(it->node) + " -> ";
      notes.push_back({used.where, node_name(it->node) + " refers to " + node_name(used.node) +
                                       (used.negated ? " under 'not'" : "") + " here"});
    }
    if (length > shown) chain += "… (" + std::to_string(length) + " definitions in all) -> ";
    chain += node_name(closing.node);
    std::string message =
        negated ? "cyclic negation: " + chain +
                      "; a category cannot depend on its own absence. Break the cycle, e.g. by "
                      "naming the posts it means directly"
                : "definitions depend on themselves: " + chain +
                      "; recursive definitions are not supported (for a whole line of "
                      "management, use 'reports to')";
    Diagnostic& d = diags_.error(node_where(start->node), message);
    d.notes = std::move(notes);
  }

  void precedence() {
    if (p_.precedences.empty()) {
      // Without a precedence statement, the lowest number wins.
      std::vector<std::uint32_t> by_number = out_.plan.active;
      std::sort(by_number.begin(), by_number.end(),
                [&](auto a, auto b) { return p_.categories[a].number < p_.categories[b].number; });
      out_.plan.precedence = by_number;
      return;
    }
    // The statement nearest the command line applies; two at the same distance conflict.
    const ast::PrecedenceDecl* chosen = &p_.precedences.front();
    for (const ast::PrecedenceDecl& d : p_.precedences) {
      if (depth(d.where) < depth(chosen->where)) chosen = &d;
    }
    for (const ast::PrecedenceDecl& d : p_.precedences) {
      if (&d != chosen && depth(d.where) == depth(chosen->where)) {
        diags_.error(d.where, "a second 'precedence' statement")
            .notes.push_back({chosen->where, "the other one is here"});
        return;
      }
    }
    std::map<std::uint32_t, SourceSpan> seen;
    for (std::size_t k = 0; k < chosen->order.size(); ++k) {
      std::uint32_t number = chosen->order[k];
      auto it = category_index_.find(number);
      if (it == category_index_.end()) {
        diags_.error(chosen->spans[k],
                     "precedence names category " + std::to_string(number) +
                         ", which is not defined (defined: " + defined_categories(number) + ")");
        continue;
      }
      if (!seen.emplace(number, chosen->spans[k]).second) {
        diags_.error(chosen->spans[k],
                     "category " + std::to_string(number) + " appears twice in the precedence");
        continue;
      }
      out_.plan.precedence.push_back(it->second);
    }
    for (auto& [number, decl] : category_index_) {
      if (!seen.count(number)) {
        std::string hint;
        if (depth(p_.categories[decl].where) < depth(chosen->where)) {
          hint = "; write a 'precedence' statement of your own that lists every category";
        }
        diags_
            .error(chosen->where, "category " + std::to_string(number) +
                                      " is missing from the precedence, so no post could be "
                                      "listed in it" +
                                      hint)
            .notes.push_back({p_.categories[decl].where,
                              "category " + std::to_string(number) + " is defined here"});
      }
    }
  }

  std::uint32_t depth(SourceSpan where) const {
    return where.file < depths_.size() ? depths_[where.file] : 0;
  }

  ast::Program& p_;
  const FileDepths& depths_;
  Diagnostics& diags_;
  const Limits& limits_;
  ExportFaults& faults_;
  Resolved out_;
  UnitIndex first_post_ = 0;
  std::vector<bool> duplicate_;
  std::unordered_map<std::string_view, std::uint32_t> lets_;
  std::map<std::uint32_t, std::uint32_t> category_index_;  // number -> active decl
  std::vector<std::uint32_t> category_numbers_;            // its keys, in order, for messages
  std::vector<std::uint32_t> active_position_;  // active decl -> its place in plan.active
  // Known names, for suggestions: made on the first unknown name of each kind.
  std::optional<Suggester> vocabulary_names_[3], unit_names_, person_names_, let_names_;
  DutySplit split_;   // reused for every post
  HeldSet held_;      // (person, post) pairs already held
  PairSet added_[2];  // (designation, post) and (duty, post) pairs given by DesignateDecls
  std::optional<AuthorityNames> authority_names_;  // made on the first export line that needs it
  std::size_t tops_from_export_ = 0;
  ast::Name first_top_from_export_;
};

}  // namespace

std::string nearest_numbers(std::span<const std::uint32_t> sorted, std::uint32_t number,
                            std::size_t shown) {
  // From where `number` would go, one below and one above in turn.
  auto first = std::lower_bound(sorted.begin(), sorted.end(), number);
  auto last = first;
  for (std::size_t n = 0; n < shown;) {
    const bool below = first != sorted.begin();
    const bool above = last != sorted.end();
    if (!below && !above) break;
    if (below) --first, ++n;
    if (above && n < shown) ++last, ++n;
  }
  std::string s;
  for (auto it = first; it != last; ++it) s += (s.empty() ? "" : ", ") + std::to_string(*it);
  const auto listed = static_cast<std::size_t>(last - first);
  if (sorted.size() > listed) s += " and " + std::to_string(sorted.size() - listed) + " more";
  return s;
}

Resolved resolve(ast::Program& program, const FileDepths& depths, Diagnostics& diags,
                 const Limits& limits, ExportFaults* faults) {
  if (faults) return Resolver(program, depths, diags, limits, *faults).run();
  ExportFaults errors(nullptr, false, 0);
  return Resolver(program, depths, diags, limits, errors).run();
}

}  // namespace remit
