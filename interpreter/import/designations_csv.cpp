#include "import/designations_csv.hpp"

#include <array>
#include <string>

#include "import/columns.hpp"
#include "import/csv_reader.hpp"
#include "import/structure_csv.hpp"

namespace remit {

namespace {

enum Column : std::size_t { id, designations, flags, title, comment, column_count };

constexpr std::string_view comment_headers[] = {"comment", "comments", "notes"};

// The sheet's columns are known by the same headers as the structure's (`Post ID`, `Duties`), so
// a sheet kept beside an export may use the export's words.
const std::array<csv::ColumnSpec, column_count>& columns() {
  static const std::array<csv::ColumnSpec, column_count> specs = [] {
    const auto like = [](std::string_view name, bool required) {
      for (const csv::ColumnSpec& spec : structure_columns()) {
        if (spec.name == name) return csv::ColumnSpec{spec.name, required, spec.headers, {}};
      }
      return csv::ColumnSpec{name, required, {}, {}};
    };
    return std::array<csv::ColumnSpec, column_count>{
        like("id", true), like("designations", false), like("flags", false), like("title", false),
        csv::ColumnSpec{"comment", false, comment_headers, {}}};
  }();
  return specs;
}

// Appends one DesignateDecl per valid name in `field`; returns false if any was not valid.
bool add_names(const csv::Field& field, std::string_view column, std::string_view example,
               const ast::Name& post, ast::VocabularyKind kind, SourceSpan row,
               csv::ErrorLimit& errors, std::vector<csv::Token>& tokens, ast::Program& program) {
  bool ok = csv::split_list(field, column, errors, tokens);
  for (const csv::Token& token : tokens) {
    if (!csv::is_identifier(token.text)) {
      errors.error(token.where, std::string(column) + ": " + csv::quoted(token.text) +
                                    " is not a valid name (use letters, digits and _, not "
                                    "starting with a digit, e.g. " +
                                    std::string(example) + ")");
      ok = false;
      continue;
    }
    program.designates.push_back(
        ast::DesignateDecl{post, ast::Name{token.text, token.where}, kind, row});
  }
  return ok;
}

}  // namespace

void import_designations(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags,
                         std::span<const ColumnChoice> choices) {
  csv::ErrorLimit errors(sources, file, diags);
  csv::Reader reader(sources, file);
  csv::Row row;
  std::vector<int> at;
  if (!csv::read_header(reader, row, columns(), choices, errors, at)) return;
  if (at[designations] < 0 && at[flags] < 0) {
    errors.error(row.where(),
                 "a designations sheet needs a `designations` column, a `flags` column or both "
                 "(e.g. id,designations,flags)");
    return;
  }
  const std::size_t width = row.fields.size();
  std::vector<csv::Token> tokens;
  csv::Reader::Status status;
  while (!errors.stopped() && (status = reader.next(row)) != csv::Reader::Status::end) {
    if (!csv::check_row(status, row, width, errors)) continue;
    const csv::Field& id_field = row.fields[static_cast<std::size_t>(at[id])];
    const std::string_view post = csv::trim(id_field.text);
    const SourceSpan where = csv::span_at(id_field, csv::leading_blanks(id_field.text));
    if (post.empty()) {
      errors.error(where, "id: every row needs the id of a post");
      continue;
    }
    // Rows are independent: a bad name is reported, the good names of the row are kept.
    const ast::Name name{post, where};
    if (at[designations] >= 0) {
      add_names(row.fields[static_cast<std::size_t>(at[designations])], "designations",
                "section_151_officer", name, ast::VocabularyKind::designation, row.where(), errors,
                tokens, program);
    }
    if (at[flags] >= 0) {
      add_names(row.fields[static_cast<std::size_t>(at[flags])], "flags", "delegated_powers", name,
                ast::VocabularyKind::duty, row.where(), errors, tokens, program);
    }
  }
}

}  // namespace remit
