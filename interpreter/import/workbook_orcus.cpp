// Reads workbooks with liborcus. Part of the workbook module (libremit_workbook.so,
// loadable/loadable.hpp), not of remit itself.
#include <cstdint>
#include <ixion/cell_access.hpp>
#include <ixion/model_context.hpp>
#include <memory>
#include <orcus/format_detection.hpp>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>
#include <orcus/spreadsheet/sheet.hpp>

#include "import/workbook.hpp"
#include "loadable/module_sides.hpp"

namespace remit::module {
namespace {

// A sheet whose used range would give more cells than this is refused rather than turned into
// gigabytes of commas: one stray value in cell XFD1048576 makes a range of 17 billion cells.
constexpr std::uint64_t max_cells = 50'000'000;

void append_field(std::string& out, std::string_view value) {
  // A line break inside a cell becomes a space, so that each sheet row stays one line (and a
  // location stays a cell); a list of designations one a line still reads as a list.
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out += '"';
  for (char c : value) {
    if (c == '\r' || c == '\n') {
      out += ' ';
    } else {
      if (c == '"') out += '"';
      out += c;
    }
  }
  if (quote) out += '"';
}

std::string cell_text(const ixion::model_context& model, const ixion::abs_address_t& at) {
  const ixion::cell_access cell = model.get_cell_access(at);
  switch (cell.get_value_type()) {
    case ixion::cell_value_t::string:
      return std::string(cell.get_string_value());
    case ixion::cell_value_t::numeric:
      return number_text(cell.get_numeric_value());
    case ixion::cell_value_t::boolean:
      return cell.get_boolean_value() ? "TRUE" : "FALSE";
    case ixion::cell_value_t::error:
      return std::string(ixion::get_formula_error_name(cell.get_error_value()));
    default:
      return {};
  }
}

std::string sheet_names(const orcus::spreadsheet::document& doc) {
  std::string names;
  for (std::size_t i = 0; i < doc.get_sheet_count(); ++i) {
    const auto name = doc.get_sheet_name(static_cast<orcus::spreadsheet::sheet_t>(i));
    names += (names.empty() ? "\"" : ", \"") + std::string(name) + "\"";
  }
  return names;
}

SheetText convert(std::string_view bytes, FileKind kind, std::string_view wanted) {
  SheetText out;
  // The largest sheet Excel and LibreOffice make: 1,048,576 rows by 16,384 columns.
  orcus::spreadsheet::document doc({1048576, 16384});
  orcus::spreadsheet::import_factory factory(doc);
  std::unique_ptr<orcus::iface::import_filter> filter;
  if (kind == FileKind::xlsx) {
    filter = std::make_unique<orcus::orcus_xlsx>(&factory);
  } else {
    filter = std::make_unique<orcus::orcus_ods>(&factory);
  }
  filter->read_stream(bytes);
  if (doc.get_sheet_count() == 0) {
    out.error = "the workbook has no sheets";
    return out;
  }
  orcus::spreadsheet::sheet_t index = 0;
  if (!wanted.empty()) {
    index = doc.get_sheet_index(wanted);
    if (index < 0) {
      out.error = "the workbook has no sheet \"" + std::string(wanted) +
                  "\" (sheets: " + sheet_names(doc) + ")";
      return out;
    }
  }
  out.sheet = std::string(doc.get_sheet_name(index));
  const orcus::spreadsheet::sheet* sheet = doc.get_sheet(index);
  const ixion::abs_range_t range = sheet->get_data_range();
  if (!range.valid()) return out;  // an empty sheet: the importer says the file is empty
  const auto rows = static_cast<std::uint64_t>(range.last.row) + 1;
  const auto columns = static_cast<std::uint64_t>(range.last.column - range.first.column) + 1;
  if (rows * columns > max_cells) {
    out.error = "sheet \"" + out.sheet + "\" uses " + std::to_string(rows) + " rows by " +
                std::to_string(columns) +
                " columns, more cells than remit reads; delete the stray cells far below or to "
                "the right of the data";
    return out;
  }
  out.first_column = static_cast<std::uint32_t>(range.first.column);
  const ixion::model_context& model = doc.get_model_context();
  std::string line;
  for (ixion::row_t r = 0; r <= range.last.row; ++r) {
    line.clear();
    bool any = false;
    for (ixion::col_t c = range.first.column; c <= range.last.column; ++c) {
      if (c > range.first.column) line += ',';
      const std::string value = cell_text(model, ixion::abs_address_t(index, r, c));
      any = any || !value.empty();
      append_field(line, value);
    }
    // A row with nothing in it is a blank line, which the importers skip, as in a CSV file.
    if (any) out.csv += line;
    out.csv += '\n';
  }
  return out;
}

}  // namespace

FileKind detect(std::string_view bytes) {
  try {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    switch (orcus::detect(data, bytes.size())) {
      case orcus::format_t::xlsx:
        return FileKind::xlsx;
      case orcus::format_t::ods:
        return FileKind::ods;
      default:
        return FileKind::zip;
    }
  } catch (...) {
    return FileKind::zip;  // a damaged archive
  }
}

SheetText read_workbook_sheet(std::string_view bytes, FileKind kind, std::string_view wanted) {
  const std::string damaged = std::string("it looks like ") +
                              (kind == FileKind::xlsx ? "an .xlsx workbook" : "an .ods workbook") +
                              " but cannot be read (it may be damaged)";
  SheetText failed;
  try {
    return convert(bytes, kind, wanted);
  } catch (const std::bad_alloc&) {
    throw;  // reported as "out of memory" where every other allocation failure is
  } catch (const std::exception& e) {
    failed.error = damaged + ": " + e.what();
  } catch (...) {
    failed.error = damaged;
  }
  return failed;
}

}  // namespace remit::module
