#include "source/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "source/huge_pages.hpp"

namespace remit {

FileId SourceSet::add(std::string name, std::string text, std::optional<SheetOrigin> sheet) {
  return add(std::move(name), FileText(std::move(text)), std::move(sheet));
}

FileId SourceSet::add(std::string name, FileText text, std::optional<SheetOrigin> sheet) {
  auto bytes = std::make_shared<const FileText>(std::move(text));
  const std::string_view view = bytes->view();
  files_.push_back(
      SourceFile{std::move(name), std::move(bytes), view, std::move(sheet), false, 0, {}});
  line_starts_.emplace_back();
  return static_cast<FileId>(files_.size() - 1);
}

// Two exports may be read at once (resolve/loader.cpp), each keeping the fields it unescapes.
// Few fields need it, so one lock for every set costs nothing and keeps SourceSet movable.
namespace {
std::mutex keep_lock;
}  // namespace

std::string_view SourceSet::keep(std::string text) {
  const std::lock_guard lock(keep_lock);
  return kept_.emplace_back(std::move(text));
}

TextArena& SourceSet::kept(FileId id) {
  SourceFile& file = files_.at(id);
  if (!file.kept) file.kept = std::make_shared<TextArena>();
  return *file.kept;
}

std::pair<std::uint32_t, std::uint32_t> SourceSet::line_at(FileId id, std::uint32_t offset) const {
  LineStarts& lines = line_starts_[id];
  const std::lock_guard lock(lines.lock);
  const std::string_view text = files_[id].text;
  // Searched a megabyte past the offset at least, so that positions asked in the order of the
  // file (a report's) do not search a line at a time.
  constexpr std::size_t ahead = std::size_t{1} << 20;
  if (lines.searched <= offset && lines.searched < text.size()) {
    const std::size_t until = std::min(text.size(), std::size_t{offset} + ahead);
    const FileText& bytes = *files_[id].bytes;
    // Read to find its lines, a mapped export need not come back into memory for that: its
    // pages are let go again as they are passed.
    constexpr std::size_t release_step = std::size_t{4} << 20;
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* p = begin + lines.searched;
    while (p < end && static_cast<std::size_t>(p - begin) < until) {
      const void* line_end = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
      if (line_end == nullptr) {
        p = end;
        break;
      }
      p = static_cast<const char*>(line_end) + 1;
      const auto at = static_cast<std::size_t>(p - begin);
      lines.starts.push_back(static_cast<std::uint32_t>(at));
      if (at - lines.released >= release_step) {
        bytes.release(lines.released, at);
        lines.released = at;
      }
    }
    lines.searched = static_cast<std::size_t>(p - begin);
    if (lines.searched >= text.size()) bytes.release(lines.released, text.size());
  }
  // The last line that starts at or before the offset; the first starts at 0.
  const auto after = std::upper_bound(lines.starts.begin(), lines.starts.end(), offset);
  return {static_cast<std::uint32_t>(after - lines.starts.begin()), *(after - 1)};
}

LineColumn SourceSet::position(const SourceSpan& span) const {
  if (!span.known() || span.file >= files_.size()) return {};
  auto [line, line_start] = line_at(span.file, span.offset);
  if (line == 1)
    line_start = std::min<std::uint32_t>(files_[span.file].unshown_prefix, span.offset);
  return LineColumn{line, span.offset - line_start + 1};
}

std::string_view SourceSet::line_text(const SourceSpan& span) const {
  if (!span.known() || span.file >= files_.size()) return {};
  std::string_view text = files_[span.file].text;
  std::size_t at = std::min<std::size_t>(span.offset, text.size());
  std::size_t begin = text.rfind('\n', at == 0 ? 0 : at - 1);
  begin = (begin == std::string_view::npos || at == 0) ? 0 : begin + 1;
  if (at > 0 && text[at - 1] == '\n') begin = at;
  std::size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  return text.substr(begin, end - begin);
}

namespace {

// "A", "Z", "AA": a spreadsheet's name for column `index` (0 = A).
std::string column_letters(std::uint32_t index) {
  std::string letters;
  for (std::uint64_t n = std::uint64_t{index} + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

// Which field of a CSV line byte `column` (from 1) falls in: commas outside quotes before it.
std::uint32_t field_at(std::string_view line, std::uint32_t column) {
  std::uint32_t field = 0;
  bool quoted = false;
  for (std::size_t i = 0; i + 1 < column && i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ',' && !quoted) ++field;
  }
  return field;
}

}  // namespace

std::optional<SourceSet::Cell> SourceSet::cell_of(const SourceSpan& span) const {
  if (!span.known() || span.file >= files_.size() || !files_[span.file].sheet) return {};
  const SheetOrigin& sheet = *files_[span.file].sheet;
  const LineColumn at = position(span);
  const std::uint32_t field = field_at(line_text(span), at.column);
  return Cell{sheet.sheet, column_letters(sheet.first_column + field) + std::to_string(at.line)};
}

std::string SourceSet::where(const SourceSpan& span) const {
  if (!span.known() || span.file >= files_.size()) return {};
  if (const auto cell = cell_of(span)) {
    return files_[span.file].name + ", sheet \"" + std::string(cell->sheet) + "\", cell " +
           cell->cell;
  }
  const LineColumn at = position(span);
  return files_[span.file].name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

// One read into a string of the right size: no stream buffering, no second copy, which
// matters for a 70 MB HR export.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error,
                                     std::size_t max_bytes) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size <= max_bytes) {
    // A large export in 2 MiB pages: 70 MB at a million posts is 35 page faults rather than
    // 17,000.
    text.reserve(size);
    advise_huge_pages(text.data(), text.capacity());
    text.resize(size);
  }
  std::size_t got = ec ? 0 : std::fread(text.data(), 1, text.size(), f);
  text.resize(got);
  // Files whose size is not known in advance (pipes, /proc) are read to their end in chunks.
  char chunk[65536];
  while (std::size_t n = std::fread(chunk, 1, sizeof chunk, f)) {
    if (text.size() + n > max_bytes) {
      std::fclose(f);
      error = "it is larger than the limit of " + std::to_string(max_bytes) + " bytes";
      return std::nullopt;
    }
    text.append(chunk, n);
  }
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) {
    error = "read failed";
    return std::nullopt;
  }
  return text;
}

}  // namespace remit
