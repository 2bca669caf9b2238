#include "authoring/test/approved_list.hpp"

#include <array>
#include <charconv>
#include <string>
#include <unordered_map>

#include "import/columns.hpp"
#include "import/csv_reader.hpp"
#include "import/encoding.hpp"
#include "import/structure_csv.hpp"
#include "remit/limits.hpp"

namespace remit::policy_test {
namespace {

enum Column : std::size_t { id, category, column_count };

constexpr std::string_view category_headers[] = {"category", "category number", "cat"};

// The id is known by the same headers as in a structure export (`Post ID`, `Position Number`).
const std::array<csv::ColumnSpec, column_count>& columns() {
  static const std::array<csv::ColumnSpec, column_count> specs = [] {
    csv::ColumnSpec id_spec{"id", true, {}, {}};
    for (const csv::ColumnSpec& spec : structure_columns()) {
      if (spec.name == "id") id_spec = csv::ColumnSpec{spec.name, true, spec.headers, {}};
    }
    return std::array<csv::ColumnSpec, column_count>{
        id_spec, csv::ColumnSpec{"category", true, category_headers, {}}};
  }();
  return specs;
}

}  // namespace

std::optional<std::vector<ApprovedPost>> read_approved_list(const std::filesystem::path& path,
                                                            SourceSet& sources,
                                                            Diagnostics& diags) {
  std::string error;
  auto bytes = read_file(path, error, Limits{}.max_file_bytes);
  if (!bytes) {
    diags.error({}, "cannot read the approved list '" + path.string() + "': " + error);
    return std::nullopt;
  }
  csv::DecodedText decoded = csv::decode_export(std::move(*bytes));
  const FileId file = sources.add(path.string(), std::move(decoded.text));
  const std::size_t errors_before = diags.error_count();
  if (!decoded.error.empty()) {
    diags.error(SourceSpan{file, 0}, decoded.error);
    return std::nullopt;
  }
  csv::ErrorLimit errors(sources, file, diags);
  csv::Reader reader(sources, file);
  csv::Row row;
  std::vector<int> at;
  if (!csv::read_header(reader, row, columns(), {}, errors, at)) return std::nullopt;
  const std::size_t width = row.fields.size();
  std::vector<ApprovedPost> list;
  std::unordered_map<std::string_view, std::size_t> seen;
  csv::Reader::Status status;
  while (!errors.stopped() && (status = reader.next(row)) != csv::Reader::Status::end) {
    if (!csv::check_row(status, row, width, errors, reader.separator())) continue;
    const csv::Field& id_field = row.fields[static_cast<std::size_t>(at[id])];
    const csv::Field& category_field = row.fields[static_cast<std::size_t>(at[category])];
    const std::string_view post = csv::trim(id_field.text);
    const SourceSpan where = csv::span_at(id_field, csv::leading_blanks(id_field.text));
    if (post.empty()) {
      errors.error(where, "id: every row of the approved list needs the id of a post");
      continue;
    }
    const std::string_view number = csv::trim(category_field.text);
    // `remit derive --format csv` writes an exempted post as a row of its own; it is not on
    // the list, which is what leaving it out of the approved list says too.
    if (number == "exempted") continue;
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (number.empty() || ec != std::errc() || end != number.data() + number.size() || value == 0) {
      errors.error(csv::span_at(category_field, csv::leading_blanks(category_field.text)),
                   "category: " + csv::quoted(number) + " is not a category number (1, 2, …)");
      continue;
    }
    if (auto [it, fresh] = seen.try_emplace(post, list.size()); !fresh) {
      if (Diagnostic* d =
              errors.error(where, "post " + csv::quoted(post) + " is in the approved list twice")) {
        d->notes.push_back(Note{list[it->second].where, "it is first listed here"});
      }
      continue;
    }
    list.push_back(ApprovedPost{post, value, where});
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return list;
}

}  // namespace remit::policy_test
