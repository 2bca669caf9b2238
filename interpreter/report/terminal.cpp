#include "report/terminal.hpp"

#include <sys/ioctl.h>
// Header-only macros (U8_NEXT): remit itself does not link ICU.
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <vector>

#include "loadable/modules.hpp"

namespace remit {
namespace {

// The columns the character `c` takes: its width and kind are ICU's, in the Unicode module
// (loadable/loadable.hpp), asked only for characters that are not ASCII. Should the module be
// missing, every such character is taken to be one column wide.
std::size_t columns_of(UChar32 c) {
  if (c == glue) return 1;  // written as a space
  if (c < 0x20 || c == 0x7F) return 0;
  if (c < 0x7F) return 1;
  std::string problem;  // not shown: a table is still drawn, a little less well aligned
  const loadable::UnicodeModule* icu = loadable::unicode_module(problem);
  return icu ? icu->columns(static_cast<char32_t>(c)) : 1;
}

// Calls `f(begin, end, columns)` for each character of `s`, in bytes; a byte that is not
// UTF-8 counts as one column.
template <typename F>
void each_character(std::string_view s, F&& f) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(s.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (!f(static_cast<std::size_t>(begin), static_cast<std::size_t>(i),
           c < 0 ? std::size_t{1} : columns_of(c))) {
      return;
    }
  }
}

std::optional<unsigned> number_of(const char* text) {
  if (!text || !*text) return std::nullopt;
  unsigned n = 0;
  const char* end = text + std::char_traits<char>::length(text);
  auto [p, ec] = std::from_chars(text, end, n);
  if (ec != std::errc() || p != end || n == 0) return std::nullopt;
  return n;
}

const char* sgr(Paint what) {
  switch (what) {
    case Paint::heading:
      return "\x1b[1;34m";  // bold blue
    case Paint::breach:
    case Paint::error:
      return "\x1b[1;31m";  // bold red
    case Paint::warning:
      return "\x1b[1;35m";  // bold magenta
    case Paint::note:
      return "\x1b[1;36m";  // bold cyan
    case Paint::location:
    case Paint::emphasis:
      return "\x1b[1m";  // bold
    case Paint::caret:
      return "\x1b[1;32m";  // bold green
  }
  return "\x1b[1m";
}

}  // namespace

std::optional<ColourChoice> parse_colour_choice(std::string_view name) {
  if (name == "auto") return ColourChoice::automatic;
  if (name == "always") return ColourChoice::always;
  if (name == "never") return ColourChoice::never;
  return std::nullopt;
}

unsigned detect_width(int fd, std::optional<unsigned> given) {
  unsigned width = default_width;
  if (given) {
    width = *given;
  } else if (::isatty(fd)) {
    if (auto columns = number_of(std::getenv("COLUMNS"))) {
      width = *columns;
    } else if (winsize size{}; ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
      width = size.ws_col;
    }
  }
  return width == 0 ? 0 : std::max(width, min_width);
}

bool detect_colour(int fd, ColourChoice choice) {
  if (choice != ColourChoice::automatic) return choice == ColourChoice::always;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(fd);
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  each_character(s, [&](std::size_t, std::size_t, std::size_t columns) {
    width += columns;
    return true;
  });
  return width;
}

std::string shorten_to(std::string_view s, std::size_t width) {
  if (width == 0 || display_width(s) <= width) return std::string(s);
  // Room for the "…", which takes one column.
  std::size_t used = 0, cut = 0;
  each_character(s, [&](std::size_t, std::size_t end, std::size_t columns) {
    if (used + columns + 1 > width) return false;
    used += columns;
    cut = end;
    return true;
  });
  std::string out(s.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

std::string glued(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), ' ', glue);
  return out;
}

namespace {

// The glues of a wrapped text, as the spaces they stand for.
std::string unglued(std::string s) {
  std::replace(s.begin(), s.end(), glue, ' ');
  return s;
}

std::string wrap_glued(std::string_view text, unsigned width, std::string_view indent,
                       std::string_view hang) {
  std::string out;
  if (width == 0) return out.append(indent).append(text).append("\n");
  std::string_view prefix = indent;
  // Each line: the prefix, then as many words as fit; a word wider than a whole line is cut.
  while (true) {
    const std::size_t room =
        width > display_width(prefix) ? width - display_width(prefix) : std::size_t{1};
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    std::size_t used = 0, end = 0, last_space = std::string_view::npos;
    bool full = false;
    each_character(text, [&](std::size_t begin, std::size_t stop, std::size_t columns) {
      if (used + columns > room) {
        full = true;
        return false;
      }
      if (text[begin] == ' ') last_space = begin;
      used += columns;
      end = stop;
      return true;
    });
    if (!full) {
      out.append(prefix).append(text).append("\n");
      return out;
    }
    // Break at the last space that fits, or at the space just after a word that fills the line.
    std::size_t take = end;
    if (end < text.size() && text[end] == ' ') {
      take = end;
    } else if (last_space != std::string_view::npos && last_space > 0) {
      take = last_space;
    } else if (end == 0) {
      // Not even one character fits after the prefix: it goes on the line all the same, whole.
      each_character(text, [&](std::size_t, std::size_t stop, std::size_t) {
        take = stop;
        return false;
      });
    }
    std::string_view line = text.substr(0, take);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    out.append(prefix).append(line).append("\n");
    text.remove_prefix(take);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (text.empty()) return out;
    prefix = hang;
  }
}

}  // namespace

std::string wrap(std::string_view text, unsigned width, std::string_view indent,
                 std::string_view hang) {
  return unglued(wrap_glued(text, width, indent, hang));
}

std::string wrap_lines(std::string_view text, unsigned width) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    const std::string lead(indent, ' ');
    out += wrap(line.substr(indent), width, lead, lead + "  ");
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return out;
}

std::string paint(std::string_view text, Paint what, bool colour) {
  if (!colour || text.empty()) return std::string(text);
  return std::string(sgr(what)).append(text).append("\x1b[0m");
}

std::string paint(std::string_view text, Paint what, const TextStyle& style) {
  return paint(text, what, style.colour);
}

std::string paint_lines(std::string_view lines, Paint what, const TextStyle& style) {
  if (!style.colour) return std::string(lines);
  std::string out;
  while (!lines.empty()) {
    const std::size_t end = std::min(lines.find('\n'), lines.size());
    out += paint(lines.substr(0, end), what, style);
    if (end < lines.size()) out += '\n';
    lines.remove_prefix(std::min(end + 1, lines.size()));
  }
  return out;
}

std::string shortened_note(unsigned width, std::string_view full_text_in) {
  return wrap("Text ending in … is shortened to fit " + std::to_string(width) +
                  " columns; the full text is in " + std::string(full_text_in) +
                  ", or with --width.",
              width, "", "");
}

}  // namespace remit
