#include "import/columns.hpp"

#include <algorithm>
#include <unordered_map>

#include "resolve/suggest.hpp"

namespace remit::csv {

namespace {

// `"A", "B", "C"` for messages, cut after a screenful.
std::string header_list(std::span<const HeaderCell> header) {
  constexpr std::size_t most = 20;
  std::string out;
  std::size_t shown = 0;
  for (const HeaderCell& cell : header) {
    if (cell.text.empty()) continue;
    if (shown == most) return out + ", ...";
    if (shown++ > 0) out += ", ";
    out += csv::quoted(cell.text);
  }
  return out.empty() ? "none" : out;
}

std::string headers_of(const ColumnSpec& spec) {
  std::vector<std::string_view> all(spec.headers.begin(), spec.headers.end());
  all.insert(all.end(), spec.fallback_headers.begin(), spec.fallback_headers.end());
  std::string out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0) out += i + 1 == all.size() ? " or " : ", ";
    out += csv::quoted(all[i]);
  }
  return out;
}

std::string field_names(std::span<const ColumnSpec> specs) {
  std::string out;
  for (const ColumnSpec& spec : specs) out += (out.empty() ? "" : ", ") + std::string(spec.name);
  return out;
}

const ColumnSpec* spec_named(std::span<const ColumnSpec> specs, std::string_view name) {
  auto it =
      std::find_if(specs.begin(), specs.end(), [&](const ColumnSpec& s) { return s.name == name; });
  return it == specs.end() ? nullptr : &*it;
}

class Matcher {
 public:
  Matcher(std::span<const HeaderCell> header, SourceSpan header_at,
          std::span<const ColumnSpec> specs, ErrorLimit& errors, std::vector<int>& column_of)
      : header_(header),
        header_at_(header_at),
        specs_(specs),
        errors_(errors),
        column_of_(column_of),
        chosen_(specs.size(), false),
        taken_(header.size(), false) {
    column_of_.assign(specs.size(), -1);
    keys_.reserve(header.size());
    for (const HeaderCell& cell : header) keys_.push_back(header_key(cell.text));
    for (std::size_t s = 0; s < specs.size(); ++s) {
      for (std::string_view h : specs[s].headers) spec_of_key_.emplace(header_key(h), s);
      for (std::string_view h : specs[s].fallback_headers) {
        fallback_of_key_.emplace(header_key(h), s);
      }
    }
  }

  bool choose(const ColumnChoice& choice) {
    const ColumnSpec* spec = spec_named(specs_, choice.field);
    if (!spec) {
      // A --columns entry names a field of some kind of file: checked when it was read.
      if (!choice.field_at.known()) return true;
      std::vector<std::string_view> names;
      for (const ColumnSpec& s : specs_) names.push_back(s.name);
      errors_.error(choice.field_at, "there is no field " + csv::quoted(choice.field) + " to read" +
                                         did_you_mean(choice.field, names) + "; the fields are " +
                                         field_names(specs_));
      return false;
    }
    const auto s = static_cast<std::size_t>(spec - specs_.data());
    const SourceSpan at = choice.field_at.known() ? choice.field_at : header_at_;
    if (chosen_[s]) {
      errors_.error(at, "the column for " + std::string(spec->name) + " is chosen twice");
      return false;
    }
    const std::string key = header_key(choice.header);
    auto found = std::find(keys_.begin(), keys_.end(), key);
    if (key.empty() || found == keys_.end()) {
      std::vector<std::string_view> texts;
      for (const HeaderCell& cell : header_) texts.push_back(cell.text);
      const SourceSpan where = choice.header_at.known() ? choice.header_at : header_at_;
      errors_.error(where, "no column headed " + csv::quoted(choice.header) + " in " + file_name() +
                               " for " + std::string(spec->name) +
                               did_you_mean(choice.header, texts) + "; its columns are " +
                               header_list(header_));
      return false;
    }
    const auto f = static_cast<std::size_t>(found - keys_.begin());
    chosen_[s] = true;
    taken_[f] = true;
    column_of_[s] = static_cast<int>(f);
    return true;
  }

  // Each column whose header is one of a field's takes it; then, for a field still without a
  // column, one whose header is one of its fallbacks.
  bool by_header() {
    const bool ok = by_keys(spec_of_key_, {});
    std::vector<bool> settled(specs_.size());
    for (std::size_t s = 0; s < specs_.size(); ++s) settled[s] = column_of_[s] >= 0;
    return by_keys(fallback_of_key_, settled) && ok;
  }

  bool by_keys(const std::unordered_map<std::string, std::size_t>& spec_of_key,
               const std::vector<bool>& settled) {
    bool ok = true;
    for (std::size_t f = 0; f < header_.size(); ++f) {
      if (taken_[f] || keys_[f].empty()) continue;
      // One lookup per column: an export may have thousands of columns.
      const auto it = spec_of_key.find(keys_[f]);
      if (it == spec_of_key.end()) continue;
      const std::size_t s = it->second;
      if (chosen_[s] || (!settled.empty() && settled[s])) continue;
      taken_[f] = true;
      int& slot = column_of_[s];
      if (slot < 0) {
        slot = static_cast<int>(f);
        continue;
      }
      const HeaderCell& first = header_[static_cast<std::size_t>(slot)];
      const std::string both =
          first.text == header_[f].text
              ? "column " + csv::quoted(first.text) + " appears twice in the header"
              : "columns " + csv::quoted(first.text) + " and " + csv::quoted(header_[f].text) +
                    " both hold " + std::string(specs_[s].name);
      Diagnostic* d = errors_.error(header_[f].where,
                                    both + ": remove one, or say which to read with --columns " +
                                        std::string(specs_[s].name) + "=\"...\"");
      if (d) d->notes.push_back(Note{first.where, "the first of the two"});
      ok = false;
    }
    return ok;
  }

  // A column left unread whose header is close to one of a field that has no column is most
  // likely that field misspelt (`Reprots To`): say so, rather than read the file without it.
  void near_misses() {
    std::vector<std::string> keys;
    std::vector<std::size_t> spec_of;
    for (std::size_t s = 0; s < specs_.size(); ++s) {
      if (column_of_[s] >= 0) continue;
      for (std::string_view h : specs_[s].headers) {
        keys.push_back(header_key(h));
        spec_of.push_back(s);
      }
    }
    if (keys.empty()) return;
    const std::vector<std::string_view> candidates(keys.begin(), keys.end());
    Suggester suggest(candidates);
    std::vector<bool> warned(specs_.size(), false);
    for (std::size_t f = 0; f < header_.size(); ++f) {
      // No alias is longer than this, nor a plausible misspelling of one.
      constexpr std::size_t longest = 40;
      if (taken_[f] || keys_[f].empty() || keys_[f].size() > longest) continue;
      auto near = suggest.closest(keys_[f]);
      if (!near) continue;
      const auto k = static_cast<std::size_t>(
          std::find(candidates.begin(), candidates.end(), *near) - candidates.begin());
      const std::size_t s = spec_of[k];
      if (warned[s]) continue;  // one warning per field, however many columns resemble it
      warned[s] = true;
      const ColumnSpec& spec = specs_[s];
      const std::size_t h = k - static_cast<std::size_t>(
                                    std::find(spec_of.begin(), spec_of.end(), s) - spec_of.begin());
      errors_.warning(header_[f].where,
                      "column " + csv::quoted(header_[f].text) + " is not read: did you mean " +
                          csv::quoted(spec.headers[h]) + " (" + std::string(spec.name) +
                          ")? Correct the header, or say to read it with --columns " +
                          std::string(spec.name) + "=\"" + std::string(header_[f].text) + "\"");
    }
  }

  bool required() {
    bool ok = true;
    for (std::size_t s = 0; s < specs_.size(); ++s) {
      if (!specs_[s].required || column_of_[s] >= 0) continue;
      errors_.error(header_at_, "no column for " + std::string(specs_[s].name) +
                                    ": the header has none of " + headers_of(specs_[s]) +
                                    " (its columns are " + header_list(header_) +
                                    "); to read it from another column, name it with --columns " +
                                    std::string(specs_[s].name) + "=\"...\"");
      ok = false;
    }
    return ok;
  }

 private:
  std::string file_name() const {
    return header_at_.known() ? errors_.sources().file(header_at_.file).name : "the file";
  }

  std::span<const HeaderCell> header_;
  SourceSpan header_at_;
  std::span<const ColumnSpec> specs_;
  ErrorLimit& errors_;
  std::vector<int>& column_of_;
  std::vector<bool> chosen_;  // by spec: named by a choice
  std::vector<bool> taken_;   // by column: read as some field
  std::vector<std::string> keys_;
  std::unordered_map<std::string, std::size_t> spec_of_key_;  // an alias's key -> its spec
  std::unordered_map<std::string, std::size_t> fallback_of_key_;
};

}  // namespace

std::string header_key(std::string_view header) {
  std::string key;
  key.reserve(header.size());
  for (char c : header) {
    if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               static_cast<unsigned char>(c) >= 0x80) {
      key += c;
    }
  }
  return key;
}

std::string parse_column_choices(std::string_view text, std::vector<ColumnChoice>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t eq = text.find('=', i);
    if (eq == std::string_view::npos) {
      return "expected field=\"Header\", e.g. id=\"Position Number\"; found " +
             csv::quoted(text.substr(i));
    }
    const std::string_view field = trim(text.substr(i, eq - i));
    if (field.empty()) return "a header is given without the field it holds, before the `=`";
    i = eq + 1 + leading_blanks(text.substr(eq + 1));
    std::string header;
    if (i < text.size() && text[i] == '"') {
      const std::size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) {
        return "the header for " + std::string(field) + " has no closing `\"`";
      }
      header = text.substr(i + 1, close - i - 1);
      i = close + 1 + leading_blanks(text.substr(close + 1));
      if (i < text.size() && text[i] != ',') {
        return "expected `,` after the header for " + std::string(field);
      }
    } else {
      const std::size_t comma = std::min(text.find(',', i), text.size());
      header = trim(text.substr(i, comma - i));
      i = comma;
    }
    if (trim(header).empty()) return "no header is given for " + std::string(field);
    out.push_back(ColumnChoice{std::string(field), std::move(header), {}, {}});
    if (i < text.size()) ++i;  // the comma
  }
  return {};
}

std::vector<HeaderCell> header_cells(const Row& header) {
  std::vector<HeaderCell> cells;
  cells.reserve(header.fields.size());
  for (const Field& field : header.fields) {
    cells.push_back(HeaderCell{trim(field.text), span_at(field, leading_blanks(field.text))});
  }
  return cells;
}

bool match_columns(std::span<const HeaderCell> header, SourceSpan header_at,
                   std::span<const ColumnSpec> specs, std::span<const ColumnChoice> choices,
                   ErrorLimit& errors, std::vector<int>& column_of) {
  Matcher match(header, header_at, specs, errors, column_of);
  bool ok = true;
  for (const ColumnChoice& choice : choices) ok = match.choose(choice) && ok;
  ok = match.by_header() && ok;
  match.near_misses();
  return match.required() && ok;
}

bool read_header(Reader& reader, Row& header, std::span<const ColumnSpec> specs,
                 std::span<const ColumnChoice> choices, ErrorLimit& errors,
                 std::vector<int>& column_of) {
  const Reader::Status status = reader.next(header);
  if (status == Reader::Status::end) {
    errors.error(SourceSpan{errors.file(), 0},
                 "empty file: expected a header line such as `" + header_example(specs) + "`");
    return false;
  }
  if (status == Reader::Status::bad_row) {
    errors.error(header.error_where, header.error);
    return false;
  }
  const std::vector<HeaderCell> cells = header_cells(header);
  return match_columns(cells, header.where(), specs, choices, errors, column_of);
}

std::string header_example(std::span<const ColumnSpec> specs) {
  std::string out;
  for (const ColumnSpec& spec : specs) {
    if (!spec.required) continue;
    if (!out.empty()) out += ',';
    out += spec.name;
  }
  for (const ColumnSpec& spec : specs) {
    if (spec.required) continue;
    out += "[,";
    out += spec.name;
    out += ']';
  }
  return out;
}

}  // namespace remit::csv
