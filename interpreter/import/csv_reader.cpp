#include "import/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace remit::csv {

namespace {

// Bytes that end an unquoted field or are not allowed in one, besides the file's separator;
// everything else is copied through.
constexpr std::array<bool, 256> make_special() {
  std::array<bool, 256> table{};
  for (unsigned char c : {'\n', '\r', '"', '\0'}) table[c] = true;
  return table;
}
constexpr std::array<bool, 256> special = make_special();

bool is_special(char c, char separator) {
  return c == separator || special[static_cast<unsigned char>(c)];
}

// The first byte at or after `i` that ends or breaks an unquoted field, or `n`. Most of an export
// is unquoted text, so this loop is the reader's hot path: on x86-64 it tests 16 bytes at a time.
std::size_t find_special(const char* text, std::size_t i, std::size_t n, char separator) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(separator);
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i nul = _mm_setzero_si128();
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i));
    const __m128i hits =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)),
                                  _mm_cmpeq_epi8(v, nul)));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
    if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
    i += 16;
  }
#endif
  while (i < n && !is_special(text[i], separator)) ++i;
  return i;
}

// A byte as a message shows it: the character itself when printable, else its code.
std::string describe_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string("`") + c + "`";
  constexpr char hex[] = "0123456789ABCDEF";
  return std::string("the byte 0x") + hex[u >> 4] + hex[u & 0xf];
}

constexpr std::string_view nul_message =
    "the file contains a NUL byte here, so it is not plain CSV text (was it saved as UTF-16 or "
    "in a spreadsheet's own format?)";

bool starts_with_bytes(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    return lower(x) == lower(y);
  });
}

}  // namespace

// ---- ErrorLimit -------------------------------------------------------------------------------

Diagnostic* ErrorLimit::error(SourceSpan where, std::string message) {
  if (stopped_) return nullptr;
  if (count_ >= limit_) {
    stopped_ = true;
    diags_.error(where, "too many errors in " + sources_.file(file_).name + "; stopping");
    return nullptr;
  }
  ++count_;
  return &diags_.error(where, std::move(message));
}

Diagnostic* ErrorLimit::warning(SourceSpan where, std::string message) {
  if (stopped_) return nullptr;
  return &diags_.warning(where, std::move(message));
}

// ---- Reader -----------------------------------------------------------------------------------

Reader::Reader(SourceSet& sources, FileId file)
    : sources_(sources), file_(file), text_(sources.file(file).text) {
  if (text_.size() >= UINT32_MAX) {
    opening_error_ = "the file is over 4 GB, more than remit can read";
    return;
  }
  if (starts_with_bytes(text_, "\xEF\xBB\xBF")) {
    pos_ = 3;  // the UTF-8 byte order mark Excel writes for "CSV UTF-8"
  } else if (starts_with_bytes(text_, "\xFF\xFE") || starts_with_bytes(text_, "\xFE\xFF")) {
    opening_error_ = "the file is UTF-16 text; save it from the spreadsheet as \"CSV UTF-8\"";
    return;
  }
  if (!read_sep_line()) sep_ = detect_separator(text_.substr(pos_));
}

// Excel writes `sep=;` as the first line of a CSV meant for Excel in another locale: it names
// the separator and is not part of the data.
bool Reader::read_sep_line() {
  const std::string_view rest = text_.substr(pos_);
  if (rest.size() < 5 || !equal_ignoring_case(rest.substr(0, 4), "sep=")) return false;
  const std::size_t end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.size() != 5) return false;
  const char sep = line[4];
  if (sep != ',' && sep != ';' && sep != '\t') {
    opening_error_ = "the first line names " + describe_byte(sep) +
                     " as the separator; remit reads files separated by `,`, `;` or tabs";
    return true;
  }
  sep_ = sep;
  if (end == std::string_view::npos) {
    pos_ = text_.size();
  } else {
    pos_ += end + 1;
  }
  return true;
}

char detect_separator(std::string_view text) {
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;  // a "" escape toggles twice
    } else if (quoted) {
      continue;
    } else if (c == '\n') {
      break;
    } else if (c == ',') {
      ++commas;
    } else if (c == ';') {
      ++semicolons;
    } else if (c == '\t') {
      ++tabs;
    }
  }
  if (tabs > commas && tabs > semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

std::string separator_name(char separator) {
  if (separator == '\t') return "a tab";
  return std::string("`") + separator + "`";
}

SourceSpan Reader::here(std::size_t at) const {
  return SourceSpan{file_, static_cast<std::uint32_t>(at)};
}

std::size_t Reader::line_estimate() const {
  // Counting every line of a 70 MB file costs more than the estimate saves, so count a sample
  // and scale it up with a margin: reserving a little too much leaves memory untouched, too
  // little costs one reallocation.
  constexpr std::size_t sample = 1 << 20;
  const std::string_view rest = text_.substr(pos_);
  const std::string_view head = rest.substr(0, sample);
  std::size_t lines = 1;
  for (const char *p = head.data(), *end = p + head.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));
       ++p) {
    ++lines;
  }
  if (head.size() == rest.size()) return lines;
  const double scale = static_cast<double>(rest.size()) / static_cast<double>(head.size());
  return static_cast<std::size_t>(static_cast<double>(lines) * scale * 1.05) + 16;
}

Reader::Status Reader::skip_line(Row& row, std::size_t at, std::string message) {
  row.error_where = here(at);
  row.error = std::move(message);
  const std::size_t nl = text_.find('\n', at);
  if (nl == std::string_view::npos) {
    pos_ = text_.size();
    done_ = true;
  } else {
    pos_ = nl + 1;
  }
  return Status::bad_row;
}

Reader::Status Reader::stop(Row& row, SourceSpan where, std::string message) {
  row.error_where = where;
  row.error = std::move(message);
  done_ = true;
  pos_ = text_.size();
  return Status::bad_row;
}

Reader::Status Reader::next(Row& row) {
  row.fields.clear();
  if (!opening_error_.empty()) return stop(row, here(0), std::exchange(opening_error_, {}));
  if (done_) return Status::end;
  // The rows before this one have been read: a mapped export's pages holding them may leave
  // memory (source/file_text.hpp). A megabyte at a time, not a call a row, and the last 64 KiB
  // stay, since an importer may still read a field of the last few rows (titles are kept a few
  // rows later: import/kept_text.hpp); a page let go and read again would stay in memory.
  if (pos_ - released_ >= release_step + release_margin) {
    sources_.release(file_, released_, pos_ - release_margin);
    released_ = pos_ - release_margin;
  }
  const char* const text = text_.data();
  const std::size_t n = text_.size();
  std::size_t i = pos_;

  // Blank lines separate nothing in an export; a line with only a CR is blank too.
  for (;;) {
    if (i == n) {
      pos_ = i;
      done_ = true;
      return Status::end;
    }
    if (text[i] == '\n') {
      ++i;
    } else if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') {
      i += 2;
    } else {
      break;
    }
  }

  for (;;) {
    // Built in place: a Field assembled on the stack and copied in stalls on store forwarding.
    Field& field = row.fields.emplace_back();
    field.where = here(i);
    if (i < n && text[i] == '"') {
      const std::size_t content = ++i;
      bool escaped = false;
      for (;;) {
        if (i == n) {
          // At the opening quote, not at the end of the file.
          return stop(row, field.where,
                      "this quoted field is never closed: the file ends before its closing "
                      "`\"` (a `\"` inside a quoted value must be written twice, as `\"\"`)");
        }
        const char c = text[i];
        if (c == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            escaped = true;
            i += 2;
            continue;
          }
          break;
        }
        if (c == '\0') {
          return stop(row, here(i), std::string(nul_message));
        }
        ++i;
      }
      std::string_view value = text_.substr(content, i - content);
      ++i;  // the closing quote
      if (i < n && text[i] != sep_ && text[i] != '\n' &&
          !(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
        return skip_line(row, i,
                         "unexpected " + describe_byte(text[i]) +
                             " after the closing `\"` of a quoted field: expected " +
                             separator_name(sep_) +
                             " or the end of the line (write a `\"` inside a quoted value as "
                             "`\"\"`)");
      }
      if (escaped) {
        std::string plain;
        plain.reserve(value.size());
        for (std::size_t k = 0; k < value.size(); ++k) {
          plain += value[k];
          if (value[k] == '"') ++k;  // the second quote of a "" pair
        }
        value = sources_.keep(std::move(plain));
      }
      field.text = value;
      field.quoted = true;
      field.unescaped = escaped;
    } else {
      const std::size_t start = i;
      i = find_special(text, i, n, sep_);
      field.text = text_.substr(start, i - start);
      if (i < n) {
        const char c = text[i];
        if (c == '"') {
          return skip_line(row, i,
                           "a `\"` inside a value that does not start with `\"`: put the whole "
                           "value in double quotes and write each `\"` in it as `\"\"`");
        }
        if (c == '\0') {
          return stop(row, here(i), std::string(nul_message));
        }
        if (c == '\r' && !(i + 1 < n && text[i + 1] == '\n')) {
          return skip_line(row, i,
                           "a carriage return (CR) without a line feed after it: save the file "
                           "with Windows (CRLF) or Unix (LF) line ends");
        }
      }
    }

    // After a field: a separator starts the next one (an empty one at the end of the file, too);
    // a line end or the end of the file ends the record.
    if (i == n) {
      pos_ = i;
      done_ = true;
      return Status::row;
    }
    if (text[i] == sep_) {
      ++i;
      continue;
    }
    i += text[i] == '\r' ? 2 : 1;
    pos_ = i;
    return Status::row;
  }
}

// ---- helpers ----------------------------------------------------------------------------------

bool is_identifier(std::string_view s) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (s.empty() || !letter(s[0])) return false;
  return std::all_of(s.begin() + 1, s.end(),
                     [&](char c) { return letter(c) || (c >= '0' && c <= '9'); });
}

// Bytes a post id may not contain: `;` `:` `,` and line breaks.
constexpr std::array<bool, 256> make_not_in_id() {
  std::array<bool, 256> table{};
  for (unsigned char c : {';', ':', ',', '\n', '\r'}) table[c] = true;
  return table;
}
constexpr std::array<bool, 256> not_in_id = make_not_in_id();

std::string_view post_id_problem(std::string_view id) {
  if (id.empty()) return "is empty";
  if (trim(id).size() != id.size()) return "has spaces at its start or end";
  // Every id of an export and every manager named in it comes through here: one table lookup a
  // byte finds a good id (nearly all of them) in fewer instructions than comparing each byte
  // with the five (2 M calls at a million posts: 250 M instructions before, 140 M after, of
  // derive's 3,500 M). The loop below only runs for a bad id, to say which byte is wrong.
  if (std::none_of(id.begin(), id.end(),
                   [](char c) { return not_in_id[static_cast<unsigned char>(c)]; })) {
    return {};
  }
  for (char c : id) {
    if (c == ';') return "contains `;`";
    if (c == ':') return "contains `:`";
    if (c == ',') return "contains `,`";
    if (c == '\n' || c == '\r') return "contains a line break";
  }
  return {};
}

std::string quoted(std::string_view s) {
  constexpr std::size_t longest = 60;
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size() && i < longest; ++i) {
    auto u = static_cast<unsigned char>(s[i]);
    out += u < 0x20 ? '?' : s[i];
  }
  if (s.size() > longest) out += "...";
  out += '"';
  return out;
}

bool split_list(const Field& field, std::string_view column, ErrorLimit& errors,
                std::vector<Token>& out) {
  out.clear();
  const std::string_view text = field.text;
  if (trim(text).empty()) return true;
  bool ok = true;
  std::size_t start = 0;
  for (;;) {
    const std::size_t semi = text.find(';', start);
    const std::size_t stop = semi == std::string_view::npos ? text.size() : semi;
    const std::string_view raw = text.substr(start, stop - start);
    const std::size_t at = start + leading_blanks(raw);
    const std::string_view token = trim(raw);
    if (token.empty()) {
      errors.error(span_at(field, at), std::string(column) + ": empty entry in " + quoted(text) +
                                           " (two `;` in a row, or a `;` at the start or end)");
      ok = false;
    } else {
      out.push_back(Token{token, at, span_at(field, at)});
    }
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  return ok;
}

bool check_row(Reader::Status status, const Row& row, std::size_t header_width, ErrorLimit& errors,
               char separator) {
  if (status == Reader::Status::bad_row) {
    errors.error(row.error_where, row.error);
    return false;
  }
  const std::size_t width = row.fields.size();
  if (width == header_width) return true;
  const std::string counts = "this row has " + std::to_string(width) +
                             (width == 1 ? " field" : " fields") + " but the header has " +
                             std::to_string(header_width) + " columns";
  if (width > header_width) {
    errors.error(row.fields[header_width].where, counts + " (a value containing " +
                                                     separator_name(separator) +
                                                     " must be in double quotes)");
  } else {
    errors.error(row.where(), counts);
  }
  return false;
}

}  // namespace remit::csv
