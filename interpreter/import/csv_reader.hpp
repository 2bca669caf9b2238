// RFC 4180 CSV read in place, plus the small helpers the structure and holders importers share
// (header matching, `;`-separated lists, identifiers). An HR export can hold a million rows, so
// the reader hands out one reused row at a time and a field is a view into the file text; only a
// quoted field with "" escapes is copied (into SourceSet::keep storage).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit::csv {

struct Field {
  std::string_view text;  // the value with its quotes removed
  SourceSpan where;       // the field's first byte: its opening quote when quoted
  bool quoted = false;
  bool unescaped = false;  // had "" escapes, so `text` is a kept copy, not a view into the file
};

// One record. `fields` is reused from row to row: it is valid until the next Reader::next().
struct Row {
  std::vector<Field> fields;
  // When Reader::next() says bad_row: what is wrong and where. The reader only records it, so
  // a caller that reads ahead still reports errors in file order.
  SourceSpan error_where;
  std::string error;
  [[nodiscard]] SourceSpan where() const { return fields.empty() ? SourceSpan{} : fields[0].where; }
};

// Reports one file's errors up to a limit: a spreadsheet saved with the wrong columns should give
// a hundred messages and a clear stop, not a million. The call after the limit reports
// "too many errors in FILE; stopping" instead, and every later call is dropped.
class ErrorLimit {
 public:
  static constexpr std::size_t default_limit = 100;
  ErrorLimit(const SourceSet& sources, FileId file, Diagnostics& diags,
             std::size_t limit = default_limit)
      : sources_(sources), file_(file), diags_(diags), limit_(limit) {}
  // The new diagnostic, to add notes to; nullptr when it was dropped.
  Diagnostic* error(SourceSpan where, std::string message);
  Diagnostic* warning(SourceSpan where, std::string message);
  [[nodiscard]] bool stopped() const { return stopped_; }
  [[nodiscard]] std::size_t count() const { return count_; }
  [[nodiscard]] FileId file() const { return file_; }
  [[nodiscard]] const SourceSet& sources() const { return sources_; }

 private:
  const SourceSet& sources_;
  FileId file_;
  Diagnostics& diags_;
  std::size_t limit_;
  std::size_t count_ = 0;
  bool stopped_ = false;
};

class Reader {
 public:
  enum class Status {
    row,      // `row` holds the next record
    bad_row,  // a syntax error, in row.error; reading goes on at the next line when it can
    end,      // no more records
  };

  // Skips a UTF-8 byte order mark. A UTF-16 file, or one over 4 GB (spans are 32-bit), gives one
  // bad_row saying so, then the end. The separator is the one a first line `sep=X` names (that
  // line is skipped), else the one of `,`, `;` and tab the header line has most of.
  Reader(SourceSet& sources, FileId file);

  // The byte between fields: `,`, `;` or a tab.
  [[nodiscard]] char separator() const { return sep_; }

  // Reads the next record that is not a blank line.
  Status next(Row& row);

  // About how many records are left (exact for files under 1 MB), for reserving.
  [[nodiscard]] std::size_t line_estimate() const;

 private:
  [[nodiscard]] SourceSpan here(std::size_t at) const;
  // Records a syntax error at `at` in `row`, then resumes at the next line, so that later rows
  // are still checked, or (stop) gives up on the file.
  Status skip_line(Row& row, std::size_t at, std::string message);
  Status stop(Row& row, SourceSpan where, std::string message);
  bool read_sep_line();

  SourceSet& sources_;
  FileId file_;
  std::string_view text_;
  std::string opening_error_;  // a UTF-16 file, say: given by the first next()
  std::size_t pos_ = 0;
  static constexpr std::size_t release_step = std::size_t{1} << 20;
  static constexpr std::size_t release_margin = std::size_t{64} << 10;
  std::size_t released_ = 0;  // where the text was last let go before
  char sep_ = ',';            // a member the hot loop compares with, not a call per byte
  bool done_ = false;
};

// Which of `,`, `;` and tab separates the fields of `text`'s first line: the one it has most of
// outside double quotes; `,` on a tie or when it has none.
[[nodiscard]] char detect_separator(std::string_view text);

// "`,`", "`;`" or "a tab", for messages.
[[nodiscard]] std::string separator_name(char separator);

// Where byte `pos` of a field's text is in the file. Exact for a field read in place, even across
// line breaks inside quotes; for a field that had "" escapes, the field's start. Inline, as the
// importers call it for nearly every field of a million rows.
[[nodiscard]] inline SourceSpan span_at(const Field& field, std::size_t pos) {
  if (field.unescaped) return field.where;
  pos = pos < field.text.size() ? pos : field.text.size();
  SourceSpan span = field.where;
  span.offset += static_cast<std::uint32_t>(pos + (field.quoted ? 1 : 0));
  return span;
}

// ---- helpers shared by the importers ----------------------------------------------------------

// Spaces, tabs and line breaks around a value are not part of it: a hand-edited export often has
// spaces, and a spreadsheet cell may put each entry of a list on its own line.
[[nodiscard]] inline bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
[[nodiscard]] inline std::size_t leading_blanks(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}
[[nodiscard]] inline std::string_view trim(std::string_view s) {
  s.remove_prefix(leading_blanks(s));
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// [A-Za-z_][A-Za-z0-9_]*: what a .remit file could name the same designation, duty or
// qualification.
[[nodiscard]] bool is_identifier(std::string_view s);

// A post id as the importers accept it: not empty, no `;` `:` `,` and no blanks at either end.
// Returns what is wrong with it in plain words, or "" when it is fine.
[[nodiscard]] std::string_view post_id_problem(std::string_view id);

// Text the way a message quotes it: in double quotes, control bytes shown as '?', cut when long.
[[nodiscard]] std::string quoted(std::string_view s);

struct Token {
  std::string_view text;  // trimmed
  std::size_t pos = 0;    // where `text` starts within the field's text
  SourceSpan where;       // the same place as a span: worked out as the split goes along, so a
                          // field of thousands of entries over as many lines stays linear
};

// Splits a `;`-separated field into trimmed tokens; a blank field has none. An empty entry
// (`a;;b`, or a `;` at either end) is reported against `column`; returns false if there was one.
bool split_list(const Field& field, std::string_view column, ErrorLimit& errors,
                std::vector<Token>& out);

// Reports what next() found wrong with a bad_row, or that the row has a different number of
// fields from the header; returns whether the row can be used.
bool check_row(Reader::Status status, const Row& row, std::size_t header_width, ErrorLimit& errors,
               char separator = ',');

}  // namespace remit::csv
