#include "import/holders_csv.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "import/columns.hpp"
#include "import/csv_reader.hpp"
#include "source/huge_pages.hpp"
#include "source/text_hash.hpp"

namespace remit {

namespace {

enum Column : std::size_t { person, post_id, qualifications, kind, column_count };

// The headers each field is known by (docs/cli.md lists them). A contract type (permanent,
// fixed term) is not a kind of holding, so it is not read as one.
constexpr std::string_view person_headers[] = {"person", "person id", "employee",
                                               "employee number"};
// A name is not unique, so it keys the holders only when there is nothing better.
constexpr std::string_view person_fallback_headers[] = {"name"};
constexpr std::string_view post_id_headers[] = {"post id", "post", "position", "position number"};
constexpr std::string_view qualifications_headers[] = {"qualifications", "qualification"};
constexpr std::string_view kind_headers[] = {"kind", "holding", "holding kind"};

constexpr std::array<csv::ColumnSpec, column_count> columns{{
    {"person", true, person_headers, person_fallback_headers},
    {"post_id", true, post_id_headers},
    {"qualifications", false, qualifications_headers},
    {"kind", false, kind_headers},
}};

constexpr std::string_view qualified_prefix = "qualified_";

std::optional<ast::HoldingKind> parse_kind(std::string_view text) {
  if (text.empty()) return ast::HoldingKind::substantive;
  for (ast::HoldingKind k :
       {ast::HoldingKind::substantive, ast::HoldingKind::interim, ast::HoldingKind::acting}) {
    const std::string_view name = ast::name(k);
    // An HR system may well write "Interim".
    const bool same = std::equal(text.begin(), text.end(), name.begin(), name.end(),
                                 [](char a, char b) { return (a | 0x20) == b; });
    if (same) return k;
  }
  return std::nullopt;
}

constexpr std::uint32_t no_holding = UINT32_MAX;

// This file's rows, in the order read, in HoldersExport::rows, each person's chained from their
// first to their last: a person's rows need not be next to one another, and they are made
// contiguous once every row is read (HoldingChains::lay_out).
class HoldingChains {
 public:
  struct Chain {
    std::uint32_t first = no_holding;
    std::uint32_t last = no_holding;
    std::uint32_t size = 0;
  };

  HoldingChains(std::vector<ast::HeldRow>& rows, std::size_t expected) : rows_(rows) {
    // In 2 MiB pages (source/huge_pages.hpp), as the person table below: with them, check at a
    // million posts took 55,000 page faults, half of them here.
    reserve_huge(rows_, expected);
    reserve_huge(next_, expected);
    reserve_huge(chains_, expected);
  }

  void add_person() { chains_.emplace_back(); }
  [[nodiscard]] std::size_t size() const { return next_.size(); }
  [[nodiscard]] const Chain& chain(std::size_t person) const { return chains_[person]; }
  [[nodiscard]] std::uint32_t next(std::uint32_t row) const { return next_[row]; }
  [[nodiscard]] const ast::HeldRow& row(std::uint32_t r) const { return rows_[r]; }

  // Appends `r` to the rows and to the end of the person's chain; returns its number.
  std::uint32_t add(std::size_t person, const ast::HeldRow& r) {
    const auto at = static_cast<std::uint32_t>(next_.size());
    rows_.push_back(r);
    next_.push_back(no_holding);
    Chain& c = chains_[person];
    if (c.size == 0) {
      c.first = at;
    } else {
      next_[c.last] = at;
      if (c.last + 1 != at) grouped_ = false;
    }
    c.last = at;
    ++c.size;
    return at;
  }

  // Puts each person's rows next to one another, in the order read, people in the order they
  // were first named, and marks each person's first row. Most rows are already in place; the
  // rest are moved in place, by following the permutation's cycles, so the rows are never
  // copied (a copy would be 16 MB more at a million rows).
  void lay_out() {
    if (!grouped_) {
      std::uint32_t to = 0;
      for (const Chain& c : chains_) {
        // next_ becomes, for each row, the place it goes.
        for (std::uint32_t h = c.first; h != no_holding;) {
          const std::uint32_t after = next_[h];
          next_[h] = to++;
          h = after;
        }
      }
      for (std::uint32_t i = 0; i < next_.size(); ++i) {
        while (next_[i] != i) {
          const std::uint32_t j = next_[i];
          std::swap(rows_[i], rows_[j]);
          std::swap(next_[i], next_[j]);
        }
      }
    }
    std::uint32_t first = 0;
    for (Chain& c : chains_) {
      rows_[first].flags |= ast::HeldRow::first_of_person;
      c.first = first;  // each chain is now its slice
      first += c.size;
    }
  }

 private:
  std::vector<ast::HeldRow>& rows_;
  std::vector<std::uint32_t> next_;  // the person's next row, by row number
  std::vector<Chain> chains_;        // by person, numbered in the order first named
  bool grouped_ = true;              // every person's rows so far are consecutive
};

// Finds a person's earlier holding of the same post. Most people hold one or two posts, so a
// scan is cheapest; past a few, the person's holdings go into a hash set so that even one
// person holding a great many posts stays linear.
class HoldingIndex {
 public:
  static constexpr std::size_t scan_limit = 8;

  // The number of an earlier row of `person` holding `post`, or no_holding; then records `post`
  // as the row about to be added, numbered `fresh`.
  std::uint32_t find_or_add(std::size_t person, const HoldingChains& chains,
                            const ast::HoldersExport& rows, std::string_view post,
                            std::uint32_t fresh) {
    const HoldingChains::Chain& c = chains.chain(person);
    auto post_of = [&](std::uint32_t h) { return rows.post(chains.row(h)).text.view(); };
    if (c.size < scan_limit) {
      for (std::uint32_t h = c.first; h != no_holding; h = chains.next(h)) {
        if (post_of(h) == post) return h;
      }
      return no_holding;
    }
    if (c.size == scan_limit) {
      for (std::uint32_t h = c.first; h != no_holding; h = chains.next(h))
        big_.try_emplace(Key{person, post_of(h)}, h);
    }
    auto [it, added] = big_.try_emplace(Key{person, post}, fresh);
    return added ? no_holding : it->second;
  }

 private:
  struct Key {
    std::size_t person;
    std::string_view post;
    bool operator==(const Key&) const = default;
  };
  struct Hash {
    std::size_t operator()(const Key& k) const {
      return static_cast<std::size_t>(text_hash(k.post) * 31 + k.person);
    }
  };
  std::unordered_map<Key, std::uint32_t, Hash> big_;
};

// Person ids to the file's people, numbered in the order first named. A flat open-addressing
// table of (tag, index) pairs: std::unordered_map allocates a node per person and costs two or
// three cache misses per row. Even so, a lookup in a table of a million people is a cache miss,
// so the caller hashes ids a few rows ahead and prefetches their slots. A slot keeps 32 bits of
// the hash, not all 64, and a 32-bit index: 8 bytes, so the table of a million people is 16 MiB,
// not 32 (memory the kernel must clear); a table that grows past its estimate hashes the ids
// again. `id_of(index)` gives a person's id.
class PersonTable {
 public:
  explicit PersonTable(std::size_t expected) {
    const std::size_t slots = std::bit_ceil(std::max<std::size_t>(16, expected * 2));
    reserve_huge(slots_, slots);
    slots_.resize(slots);
    mask_ = slots_.size() - 1;
  }

  static std::size_t hash(std::string_view id) { return static_cast<std::size_t>(text_hash(id)); }

  void prefetch(std::size_t hash) const {
#if defined(__GNUC__)
    __builtin_prefetch(&slots_[hash & mask_]);
#endif
  }

  // The index of the person `id`, and whether it is new: then it is numbered size().
  template <typename IdOf>
  std::pair<std::size_t, bool> find_or_add(std::string_view id, std::size_t hash, IdOf id_of) {
    // Grown before the probe, while every index in the table is a person known to id_of.
    if ((size_ + 1) * 2 > slots_.size()) resize(slots_.size() * 2, id_of);
    const std::uint32_t tag = tag_of(hash);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.index == empty) {
        slot = Slot{tag, static_cast<std::uint32_t>(size_)};
        return {size_++, true};
      }
      if (slot.tag == tag && id_of(slot.index) == id) return {slot.index, false};
    }
  }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;
  struct Slot {
    std::uint32_t tag = 0;  // the hash's upper half: its lower bits place the slot
    std::uint32_t index = empty;
  };
  static std::uint32_t tag_of(std::size_t hash) {
    return static_cast<std::uint32_t>(static_cast<std::uint64_t>(hash) >> 32);
  }

  template <typename IdOf>
  void resize(std::size_t capacity, IdOf id_of) {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(capacity));
    mask_ = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.index == empty) continue;
      std::size_t i = hash(id_of(slot.index)) & mask_;
      while (slots_[i].index != empty) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

class HoldersImport {
 public:
  HoldersImport(ast::HoldersExport& out, csv::ErrorLimit& errors, const std::vector<int>& at,
                std::size_t width, std::size_t rows, char separator)
      : out_(out),
        errors_(errors),
        at_(at),
        width_(width),
        separator_(separator),
        people_(rows),
        chains_(out.rows, rows) {}

  // The hash of the row's person, to look up later; 0 when the row will be refused anyway.
  std::size_t prepare(csv::Reader::Status status, const csv::Row& row) const {
    if (status != csv::Reader::Status::row || row.fields.size() != width_) return 0;
    const std::size_t hash = PersonTable::hash(csv::trim(field(row, person).text));
    people_.prefetch(hash);
    return hash;
  }

  void add(csv::Reader::Status status, const csv::Row& row, std::size_t hash);

  // Puts each person's rows together, with their qualifications, once every row is read.
  void finish();

 private:
  const csv::Field& field(const csv::Row& row, Column c) const {
    return row.fields[static_cast<std::size_t>(at_[c])];
  }
  bool read_qualifications(const csv::Row& row);
  bool read_kind(const csv::Row& row, ast::HoldingKind& out);
  // Where a row's id is told: its offset in the file's text when it is the file's own bytes
  // (the span says where those bytes are), else in `moved`.
  void place(std::string_view text, SourceSpan where, std::uint8_t moved_bit, std::uint32_t& at,
             std::uint16_t& size, std::uint8_t& flags);
  // The id of the file's person `p` (numbered from 0), by their first row.
  [[nodiscard]] std::string_view id_of(std::size_t p) const {
    return out_.person(chains_.row(chains_.chain(p).first)).text;
  }

  ast::HoldersExport& out_;
  csv::ErrorLimit& errors_;
  const std::vector<int>& at_;
  std::size_t width_;
  char separator_;
  PersonTable people_;    // people of this file only: one also in a .remit file is a duplicate
  HoldingChains chains_;  // by person
  HoldingIndex holdings_;
  // Each row's qualifications, with the person, in the order of the rows.
  std::vector<std::pair<std::uint32_t, ast::Name>> qualifications_;
  std::vector<csv::Token> tokens_;             // reused from row to row
  std::vector<ast::Name> row_qualifications_;  // reused from row to row
};

void HoldersImport::place(std::string_view text, SourceSpan where, std::uint8_t moved_bit,
                          std::uint32_t& at, std::uint16_t& size, std::uint8_t& flags) {
  // Compared for equality only: a copy's address is in another buffer, which `<` may not
  // compare with the file's.
  const std::string_view file = out_.text;
  const bool own_bytes = std::size_t{where.offset} + text.size() <= file.size() &&
                         file.data() + where.offset == text.data();
  if (own_bytes && text.size() <= UINT16_MAX) {
    at = where.offset;
    size = static_cast<std::uint16_t>(text.size());
    return;
  }
  at = static_cast<std::uint32_t>(out_.moved.size());
  out_.moved.push_back(ast::Name{text, where});
  flags |= moved_bit;
}

bool HoldersImport::read_qualifications(const csv::Row& row) {
  row_qualifications_.clear();
  if (at_[qualifications] < 0) return true;
  const csv::Field& f = field(row, qualifications);
  bool ok = csv::split_list(f, "qualifications", errors_, tokens_);
  for (const csv::Token& token : tokens_) {
    std::string_view name = token.text;
    std::size_t pos = token.pos;
    if (name.starts_with(qualified_prefix)) {
      name.remove_prefix(qualified_prefix.size());
      pos += qualified_prefix.size();
    }
    if (!csv::is_identifier(name)) {
      errors_.error(csv::span_at(f, token.pos),
                    "qualifications: " + csv::quoted(token.text) +
                        " is not a valid qualification (use letters, digits and _, not starting "
                        "with a digit, e.g. accountant or qualified_accountant)");
      ok = false;
      continue;
    }
    SourceSpan where = token.where;  // the prefix is on the token's own line
    const auto skipped = static_cast<std::uint32_t>(pos - token.pos);
    if (!f.unescaped) where.offset += skipped;
    row_qualifications_.push_back(ast::Name{name, where});
  }
  return ok;
}

bool HoldersImport::read_kind(const csv::Row& row, ast::HoldingKind& out) {
  out = ast::HoldingKind::substantive;
  if (at_[kind] < 0) return true;
  const csv::Field& f = field(row, kind);
  const std::string_view text = csv::trim(f.text);
  if (auto parsed = parse_kind(text)) {
    out = *parsed;
    return true;
  }
  errors_.error(csv::span_at(f, csv::leading_blanks(f.text)),
                "kind: " + csv::quoted(text) +
                    " is not one of substantive, interim or acting (empty means substantive)");
  return false;
}

void HoldersImport::add(csv::Reader::Status status, const csv::Row& row, std::size_t hash) {
  if (!csv::check_row(status, row, width_, errors_, separator_)) return;
  // A row of empty cells (a spreadsheet's formatted but unused rows) holds nothing.
  if (std::all_of(row.fields.begin(), row.fields.end(),
                  [](const csv::Field& f) { return csv::trim(f.text).empty(); })) {
    return;
  }
  bool ok = true;

  const csv::Field& person_field = field(row, person);
  const std::string_view who = csv::trim(person_field.text);
  const SourceSpan who_at = csv::span_at(person_field, csv::leading_blanks(person_field.text));
  if (who.empty()) {
    errors_.error(who_at, "person: every row needs a person");
    ok = false;
  }

  const csv::Field& post_field = field(row, post_id);
  const std::string_view post = csv::trim(post_field.text);
  const SourceSpan post_at = csv::span_at(post_field, csv::leading_blanks(post_field.text));
  if (post.empty()) {
    errors_.error(post_at, "post_id: every row needs the id of the post held");
    ok = false;
  } else if (std::string_view problem = csv::post_id_problem(post); !problem.empty()) {
    errors_.error(post_at, "post_id: the post id " + csv::quoted(post) + " " +
                               std::string(problem) + "; a post id cannot contain `;`, `:` or `,`");
    ok = false;
  }

  ok = read_qualifications(row) && ok;
  ast::HoldingKind holding_kind = ast::HoldingKind::substantive;
  ok = read_kind(row, holding_kind) && ok;
  if (!ok) return;

  const auto [index, added] =
      people_.find_or_add(who, hash, [this](std::size_t p) { return id_of(p); });
  if (added) chains_.add_person();

  const std::uint32_t earlier =
      holdings_.find_or_add(index, chains_, out_, post, static_cast<std::uint32_t>(chains_.size()));
  if (earlier != no_holding) {
    // A repeated row is harmless and reported as such; the same post held two ways is not.
    const ast::HeldRow& first = chains_.row(earlier);
    const std::string what = csv::quoted(who) + " holds post " + csv::quoted(post);
    const bool conflict = first.kind != holding_kind;
    Diagnostic* d =
        conflict ? errors_.error(post_at, what + " both as " + std::string(ast::name(first.kind)) +
                                              " and as " + std::string(ast::name(holding_kind)))
                 : errors_.warning(post_at, what + " twice; this row repeats an earlier one");
    if (d) d->notes.push_back(Note{out_.post(first).where, "the earlier row"});
    if (conflict) return;
  } else {
    ast::HeldRow r;
    r.kind = holding_kind;
    // Only a person's first row declares them: their id is read there, and not in later rows.
    if (added) place(who, who_at, ast::HeldRow::person_moved, r.person, r.person_size, r.flags);
    place(post, post_at, ast::HeldRow::post_moved, r.post, r.post_size, r.flags);
    chains_.add(index, r);
  }
  for (const ast::Name& q : row_qualifications_) {
    qualifications_.emplace_back(static_cast<std::uint32_t>(index), q);
  }
}

void HoldersImport::finish() {
  chains_.lay_out();
  // Each person's qualifications, named once each in the order first given. Few rows have any.
  std::stable_sort(qualifications_.begin(), qualifications_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<ast::Name>& arena = out_.qualifications;
  for (auto group = qualifications_.begin(); group != qualifications_.end();) {
    const std::uint32_t p = group->first;
    const std::size_t begin = arena.size();
    for (; group != qualifications_.end() && group->first == p; ++group) {
      const ast::Name& q = group->second;
      const bool known =
          std::any_of(arena.begin() + static_cast<std::ptrdiff_t>(begin), arena.end(),
                      [&](const ast::Name& n) { return n.text == q.text; });
      if (!known) arena.push_back(q);
    }
    out_.qualified.emplace_back(chains_.chain(p).first, ast::Program::since(arena, begin));
  }
}

}  // namespace

std::span<const csv::ColumnSpec> holders_columns() {
  return columns;
}

void import_holders(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags,
                    std::span<const ColumnChoice> choices) {
  csv::ErrorLimit errors(sources, file, diags);
  csv::Reader reader(sources, file);
  csv::Row header;
  std::vector<int> at;
  if (!csv::read_header(reader, header, columns, choices, errors, at)) return;
  ast::HoldersExport& out = program.holder_exports.emplace_back();
  out.file = file;
  out.text = sources.file(file).text;
  out.after_people = program.people.size();
  HoldersImport import(out, errors, at, header.fields.size(), reader.line_estimate(),
                       reader.separator());

  // Rows are read a batch ahead of being added, so that the person lookups of a batch (cache
  // misses in a large table) overlap instead of waiting one after another.
  constexpr std::size_t batch_size = 16;
  std::array<csv::Row, batch_size> rows;
  std::array<csv::Reader::Status, batch_size> statuses{};
  std::array<std::size_t, batch_size> hashes{};
  bool more = true;
  while (more && !errors.stopped()) {
    std::size_t count = 0;
    for (; count < batch_size; ++count) {
      statuses[count] = reader.next(rows[count]);
      if (statuses[count] == csv::Reader::Status::end) {
        more = false;
        break;
      }
      hashes[count] = import.prepare(statuses[count], rows[count]);
    }
    for (std::size_t k = 0; k < count && !errors.stopped(); ++k) {
      import.add(statuses[k], rows[k], hashes[k]);
    }
  }
  import.finish();
}

}  // namespace remit
