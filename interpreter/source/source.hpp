// Source text and positions. Every stage points back into the text a user wrote (a .remit
// file or a CSV export) through a SourceSpan, so that any message can say file:line:column.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/file_text.hpp"
#include "source/text_arena.hpp"

namespace remit {

using FileId = std::uint32_t;
inline constexpr FileId no_file = UINT32_MAX;

// A place in one source file: the file and a byte offset into its text. Line and column are
// not stored: every AST node and every imported field carries a span, and only a rendered
// message or a reported position needs them, so SourceSet::position works them out then. Eight
// bytes rather than sixteen: at a million posts, peak memory 363 -> 338 MB for derive and
// 661 -> 549 MB for check with holders (spans in every post, line, name and person).
struct SourceSpan {
  FileId file = no_file;
  std::uint32_t offset = 0;  // bytes from the start of the file's text
  [[nodiscard]] bool known() const { return file != no_file; }
};
static_assert(sizeof(SourceSpan) == 8, "a span is a file and an offset: 8 bytes (was 16)");

// Where a span is, as messages say it: lines and columns count from 1; columns count bytes.
// {0, 0} for a span of no file.
struct LineColumn {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
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
  // Shared: a copied set's views point into the same bytes.
  std::shared_ptr<const FileText> bytes;
  std::string_view text;             // bytes->view()
  std::optional<SheetOrigin> sheet;  // set for a workbook's sheet
  // Read from an HR export (a structure or holders file), not written as policy: with
  // --keep-going a faulty row of it is left out rather than stopping the run.
  bool is_export = false;
  // Bytes at the start of the text that the first line's columns do not count: a policy's byte
  // order mark, which its parser skips and an editor shows as nothing. An export's columns count
  // every byte, the mark's too.
  std::uint8_t unshown_prefix = 0;
  // What a reader copied out of the text to keep (SourceSet::kept); shared like `bytes`.
  std::shared_ptr<TextArena> kept;
};

// Owns every loaded file and every string made while reading them. The AST and the model hold
// string_views into it, so it must outlive them; std::deque keeps elements in place as it grows.
class SourceSet {
 public:
  FileId add(std::string name, std::string text, std::optional<SheetOrigin> sheet = {});
  FileId add(std::string name, FileText text, std::optional<SheetOrigin> sheet = {});
  // The file's pages inside [begin, end) may leave memory (FileText::release): a reader that
  // has copied out what it keeps of them says so as it goes.
  void release(FileId id, std::size_t begin, std::size_t end) const {
    files_.at(id).bytes->release(begin, end);
  }
  void mark_export(FileId id) { files_.at(id).is_export = true; }
  [[nodiscard]] bool is_export(FileId id) const {
    return id < files_.size() && files_[id].is_export;
  }
  // See SourceFile::unshown_prefix.
  void set_unshown_prefix(FileId id, std::uint8_t bytes) { files_.at(id).unshown_prefix = bytes; }
  [[nodiscard]] const SourceFile& file(FileId id) const { return files_.at(id); }
  [[nodiscard]] std::size_t size() const { return files_.size(); }
  // Keeps a string made while reading (an unescaped literal, say) alive as long as the set.
  std::string_view keep(std::string text);
  // Where the reader of `id` copies what it keeps of the file's text, so that the text's pages
  // may leave memory (release). Made on first use; one reader a file, as each file is
  // read on one thread.
  TextArena& kept(FileId id);
  // The line and column of a span.
  [[nodiscard]] LineColumn position(const SourceSpan& span) const;
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
  // The offset where each line of a file starts, found as far into the file as positions have
  // been asked for: a run with nothing to report never looks for them, a report of many
  // positions looks each up in a binary search rather than counting the lines before it, and
  // explaining a post near the top of a million-line export reads only the lines above it (the
  // whole table, 4 MB and 70 MB read again, was 40-60 ms of an explain's 750). Positions may be
  // asked for from more than one thread: the table grows under its lock.
  struct LineStarts {
    LineStarts() = default;
    // A copied set makes its own tables when asked (a mutex cannot be copied).
    LineStarts(const LineStarts&) {}
    LineStarts& operator=(const LineStarts&) = delete;
    std::mutex lock;
    std::vector<std::uint32_t> starts{0};
    std::size_t searched = 0;  // bytes of the text searched for line ends
    std::size_t released = 0;  // of a mapped file, the bytes whose pages were let go again
  };
  // The line (from 1) holding byte `offset` of file `id`, and where that line starts.
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> line_at(FileId id,
                                                                std::uint32_t offset) const;

  std::deque<SourceFile> files_;
  mutable std::deque<LineStarts> line_starts_;  // one for each file, in the same order
  std::deque<std::string> kept_;
};

// Reads a whole file, of at most `max_bytes`. Returns nullopt (and sets `error`) when it cannot
// be read or is larger: a pipe or device (no size known in advance) is cut off there too.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error,
                                     std::size_t max_bytes = SIZE_MAX);

}  // namespace remit
