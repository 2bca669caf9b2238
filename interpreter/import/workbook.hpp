// Spreadsheet workbooks (.xlsx, .ods) as input. A sheet is read with liborcus and turned into CSV
// text, which then goes through the same importers as a CSV export: one front end for the rows,
// whatever file they came in. The text has one sheet row a line (row N of the sheet is line N,
// its empty rows blank lines), its first field the first column that holds anything, and line
// breaks inside a cell made spaces, so that a location in it can be told as the cell
// (SourceSet::where: `structure.xlsx, sheet "Posts", cell C12`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace remit {

enum class FileKind {
  text,       // anything else: read as CSV text
  xlsx,       // an Office Open XML workbook
  ods,        // an OpenDocument spreadsheet
  zip,        // a zip archive that is neither (a Word file, a damaged workbook)
  encrypted,  // an OLE compound file: a password-protected .xlsx, or an old .xls
};

// What the bytes are, by their content, never by the file's name: the zip signature, then
// liborcus's format detection.
[[nodiscard]] FileKind file_kind_of(std::string_view bytes);

struct SheetText {
  std::string csv;                 // the sheet as CSV text, as described above
  std::string sheet;               // the sheet's name
  std::uint32_t first_column = 0;  // the sheet column of the text's first field (0 = A)
  std::string error;               // when not empty, the sheet could not be read: why
};

// Reads sheet `wanted` (the first sheet when empty) of a workbook of `kind` (xlsx or ods). A
// number shows as a user sees it in the cell (1042, not 1042.0), a truth value as TRUE or FALSE,
// a formula as its result. A damaged workbook, or no sheet of that name, gives `error` (with the
// names of the sheets there are); nothing is thrown.
[[nodiscard]] SheetText read_sheet(std::string_view bytes, FileKind kind, std::string_view wanted);

// How a number stored in a cell reads: whole numbers without a decimal point, others to the 15
// significant digits a spreadsheet shows, without trailing zeros.
[[nodiscard]] std::string number_text(double value);

}  // namespace remit
