// Which column of an export holds which field. HR systems head their columns in their own words
// (`Post ID`, `Job Title`, `Reports To Position`), so a field is known by several headers, matched
// without regard to case, spaces or punctuation; `--columns` and `import … columns` name any
// other. The matching works on a row of header strings, so a workbook's first row can use it too.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "import/column_choice.hpp"
#include "import/csv_reader.hpp"
#include "source/diagnostic.hpp"

namespace remit::csv {

// A field an importer reads, and the headers that mean it in an export.
struct ColumnSpec {
  std::string_view name;  // the field, as --columns names it: reports_to
  bool required = true;
  std::span<const std::string_view> headers;  // in plain words: "reports to", "line manager"
  // Headers read as the field only when the file has none of `headers`: a holders export with
  // both `Employee Number` and `Name` is keyed by the number.
  std::span<const std::string_view> fallback_headers = {};
};

// One header cell: its text without surrounding blanks, and where it is.
struct HeaderCell {
  std::string_view text;
  SourceSpan where;
};

// A header as it is compared: ASCII letters in lower case and digits, all other ASCII dropped,
// other bytes kept. `Job Title`, `job_title` and `JOB-TITLE` are all "jobtitle".
[[nodiscard]] std::string header_key(std::string_view header);

// Reads `field="Header",field2=Header 2` as --columns takes it (the shell has often removed the
// quotes; they are needed only around a header with a comma). Returns "" or what is wrong.
[[nodiscard]] std::string parse_column_choices(std::string_view text,
                                               std::vector<ColumnChoice>& out);

// The cells of a header row read by Reader.
[[nodiscard]] std::vector<HeaderCell> header_cells(const Row& header);

// Finds each spec'd field's column: `column_of[i]` is the index in `header` of specs[i], or -1
// when an optional field has no column. A choice names a field's column outright; other fields
// take the column whose header is one of theirs. Columns that mean nothing to the importer are
// ignored, but one whose header is a near miss of a field that has no column gets a warning.
// Reports a missing required field, two columns for one field, and a choice that names an
// unknown field (only when it has a place: --columns is checked when it is read) or a header
// the file does not have; returns false when there was any. `header_at` is the header row.
bool match_columns(std::span<const HeaderCell> header, SourceSpan header_at,
                   std::span<const ColumnSpec> specs, std::span<const ColumnChoice> choices,
                   ErrorLimit& errors, std::vector<int>& column_of);

// Reads the header row and matches it (see match_columns). Reports an empty file (no header
// line at all) too; returns false when the rows cannot be read.
bool read_header(Reader& reader, Row& header, std::span<const ColumnSpec> specs,
                 std::span<const ColumnChoice> choices, ErrorLimit& errors,
                 std::vector<int>& column_of);

// "id,title[,service]..." for messages: the required fields, then "[,optional]" ones.
[[nodiscard]] std::string header_example(std::span<const ColumnSpec> specs);

}  // namespace remit::csv
