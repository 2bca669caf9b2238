// Source text and positions. Every stage points back into the text a user wrote (a .remit
// file or a CSV export) through a SourceSpan, so that any message can say file:line:column.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace remit {

using FileId = std::uint32_t;
inline constexpr FileId no_file = UINT32_MAX;

// A position in one source file. Lines and columns count from 1; columns count bytes.
struct SourceSpan {
  FileId file = no_file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t offset = 0;  // byte offset of line:column, for caret rendering
  [[nodiscard]] bool known() const { return file != no_file; }
};

// Where a file's text came from when it is not the file's own bytes: a sheet of a workbook,
// made into CSV text one sheet row a line (import/workbook.hpp), so that a location in the text
// can be told as the cell the user sees.
struct SheetOrigin {
  std::string sheet;               // the sheet's name
  std::uint32_t first_column = 0;  // the sheet column of the text's first field (0 = A)
};

struct SourceFile {
  std::string name;  // as shown to the user: the path given, or "<stdlib>/uk/lgha1989.remit"
  std::string text;
  std::optional<SheetOrigin> sheet;  // set for a workbook's sheet
  // Read from an HR export (a structure or holders file), not written as policy: with
  // --keep-going a faulty row of it is left out rather than stopping the run.
  bool is_export = false;
};

// Owns every loaded file and every string made while reading them. The AST and the model hold
// string_views into it, so it must outlive them; std::deque keeps elements in place as it grows.
class SourceSet {
 public:
  FileId add(std::string name, std::string text, std::optional<SheetOrigin> sheet = {});
  void mark_export(FileId id) { files_.at(id).is_export = true; }
  [[nodiscard]] bool is_export(FileId id) const {
    return id < files_.size() && files_[id].is_export;
  }
  [[nodiscard]] const SourceFile& file(FileId id) const { return files_.at(id); }
  [[nodiscard]] std::size_t size() const { return files_.size(); }
  // Keeps a string made while reading (an unescaped literal, say) alive as long as the set.
  std::string_view keep(std::string text);
  // The full line of text that `span` points into, without its line ending.
  [[nodiscard]] std::string_view line_text(const SourceSpan& span) const;
  // "file:line:col", or "" for an unknown span; in a workbook's sheet,
  // `file, sheet "NAME", cell C12`.
  [[nodiscard]] std::string where(const SourceSpan& span) const;
  // The cell a span points into, when its file is a workbook's sheet.
  struct Cell {
    std::string_view sheet;
    std::string cell;  // "C12"
  };
  [[nodiscard]] std::optional<Cell> cell_of(const SourceSpan& span) const;

 private:
  std::deque<SourceFile> files_;
  std::deque<std::string> kept_;
};

// Reads a whole file, of at most `max_bytes`. Returns nullopt (and sets `error`) when it cannot
// be read or is larger: a pipe or device (no size known in advance) is cut off there too.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error,
                                     std::size_t max_bytes = SIZE_MAX);

}  // namespace remit
