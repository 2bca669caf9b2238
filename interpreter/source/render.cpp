// The one place where diagnostics become text.
#include <algorithm>

#include "report/terminal.hpp"
#include "source/diagnostic.hpp"
#include "source/display.hpp"

namespace remit {

Diagnostic& Diagnostics::error(SourceSpan where, std::string message) {
  ++errors_;
  if (where.known()) {
    auto count = [&](std::vector<std::pair<FileId, std::size_t>>& v) -> std::size_t& {
      for (auto& [file, n] : v) {
        if (file == where.file) return n;
      }
      return v.emplace_back(where.file, 0).second;
    };
    std::size_t& kept = count(kept_);
    if (kept >= limit_) {
      ++count(dropped_);
      scratch_ = Diagnostic{};
      return scratch_;
    }
    ++kept;
  }
  return list_.emplace_back(Diagnostic{Severity::error, where, std::move(message), {}});
}

void Diagnostics::add_unshown(FileId file, std::size_t count) {
  if (count == 0) return;
  errors_ += count;
  for (auto& [f, n] : dropped_) {
    if (f == file) {
      n += count;
      return;
    }
  }
  dropped_.emplace_back(file, count);
}

bool Diagnostics::would_list(SourceSpan where) const {
  if (!where.known()) return true;
  for (const auto& [file, n] : kept_) {
    if (file == where.file) return n < limit_;
  }
  return limit_ > 0;
}

std::string shorten(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "… (" + std::to_string(s.size()) + " characters)";
}

std::string in_quotes(std::string_view s) {
  // Appended piece by piece rather than as "'" + text + "'": GCC 12's -Wrestrict reports a false
  // overlap in that form at -O2 and above, which broke -Werror Release builds.
  std::string out;
  out.reserve(s.size() + 2);
  return out.append("'").append(shorten(s)).append("'");
}

Diagnostic& Diagnostics::warning(SourceSpan where, std::string message) {
  return list_.emplace_back(Diagnostic{Severity::warning, where, std::move(message), {}});
}

Diagnostic& Diagnostics::note(SourceSpan where, std::string message) {
  return list_.emplace_back(Diagnostic{Severity::note, where, std::move(message), {}});
}

void Diagnostics::sort() {
  std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    // By offset, which orders a file's places as their lines and columns do.
    return std::tie(a.where.file, a.where.offset) < std::tie(b.where.file, b.where.offset);
  });
}

namespace {

const char* label(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

Paint paint_of(Severity s) {
  switch (s) {
    case Severity::error:
      return Paint::error;
    case Severity::warning:
      return Paint::warning;
    case Severity::note:
      return Paint::note;
  }
  return Paint::error;
}

// "error: " in its colour.
std::string labelled(Severity s, bool colour) {
  return paint(std::string(label(s)) + ":", paint_of(s), colour) + " ";
}

// The length of the UTF-8 sequence that starts with the byte at line[i], cut at the line's end.
std::size_t utf8_length(std::string_view line, std::size_t i) {
  const auto c = static_cast<unsigned char>(line[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  return std::min(n, line.size() - i);
}

// Shows a line as printable text: tabs stay tabs (so the caret lines up), every other character
// display_text escapes (control characters, bidirectional controls, line separators, bytes that
// are not UTF-8) becomes one '?', and overlong lines are cut around the column so a 1 MB line
// does not flood a terminal.
void append_excerpt(std::string& out, std::string_view line, std::uint32_t column, bool colour) {
  constexpr std::size_t window = 160;
  std::size_t col = column == 0 ? 0 : column - 1;
  std::size_t begin = col > window / 2 ? col - window / 2 : 0;
  std::size_t end = std::min(line.size(), begin + window);
  std::string shown = begin > 0 ? "..." : "";
  std::string caret(shown.size(), ' ');
  for (std::size_t i = begin; i < end;) {
    const char c = line[i];
    const std::size_t escaped = c == '\t' ? 0 : escaped_length_at(line, i);
    // A character shown as it is is copied whole, all the bytes of its UTF-8 sequence (which
    // escaped_length_at has found valid), each with its space in the caret line as before.
    const std::size_t length = escaped > 0 ? escaped : utf8_length(line, i);
    if (escaped > 0) {
      shown += '?';
    } else {
      shown.append(line.substr(i, length));
    }
    for (std::size_t k = 0; k < (escaped > 0 ? 1 : length); ++k) {
      if (i + k < col) caret += (c == '\t') ? '\t' : ' ';
    }
    i += length;
  }
  if (end < line.size()) shown += "...";
  out += "  " + shown + "\n  " + caret + paint("^", Paint::caret, colour) + "\n";
}

void append_one(std::string& out, const SourceSet& sources, SourceSpan where, Severity severity,
                const std::string& message, bool colour) {
  // The message quotes ids and values from the input, and a file name may come from a folder's
  // listing: a control character in either must not act on the terminal the errors go to.
  std::string at = display_text(sources.where(where));
  if (!at.empty()) out += paint(at + ":", Paint::location, colour) + " ";
  out += labelled(severity, colour);
  out += display_text(message) + "\n";
  // A workbook's row is shown by its cell alone: the CSV text made from it is not what the
  // user sees.
  if (where.known() && !sources.file(where.file).sheet) {
    append_excerpt(out, sources.line_text(where), sources.position(where).column, colour);
  }
}

}  // namespace

std::string render(const SourceSet& sources, const Diagnostic& d, bool colour) {
  std::string out;
  append_one(out, sources, d.where, d.severity, d.message, colour);
  for (const Note& n : d.notes) {
    append_one(out, sources, n.where, Severity::note, n.message, colour);
  }
  return out;
}

std::string render(const SourceSet& sources, const Diagnostics& ds, bool colour) {
  std::string out;
  for (const Diagnostic& d : ds.all()) out += render(sources, d, colour);
  for (const auto& [file, n] : ds.dropped()) {
    out += paint(display_text(sources.file(file).name) + ":", Paint::location, colour) + " " +
           labelled(Severity::note, colour) + std::to_string(n) + " more error" +
           (n == 1 ? "" : "s") + " in this file not shown\n";
  }
  if (ds.error_count() > 0) {
    out += std::to_string(ds.error_count()) +
           (ds.error_count() == 1 ? " error generated.\n" : " errors generated.\n");
  }
  return out;
}

std::string render_message(Severity severity, std::string_view message, bool colour) {
  return paint("remit:", Paint::location, colour) + " " + labelled(severity, colour) +
         display_text(message) + "\n";
}

}  // namespace remit
