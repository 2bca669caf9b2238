// Text for a person at a terminal: how wide a line may be, whether to colour it, and the helpers
// that shorten and wrap text by the columns it takes on screen (not its bytes: titles hold "–",
// "£" and "’"). Every text renderer takes a TextStyle as a parameter; CSV, JSON, Markdown and
// workbooks are never shortened or coloured.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace remit {

struct TextStyle {
  // The columns a line may take; 0: no limit (a library caller, a file a program reads).
  unsigned width = 0;
  // ANSI colours and bold, which only ever repeat what the words already say.
  bool colour = false;
};

// `--color=auto|always|never`.
enum class ColourChoice { automatic, always, never };
std::optional<ColourChoice> parse_colour_choice(std::string_view name);

// The width for output written to `fd`: `given` (--width) when there is one; else, at a
// terminal, $COLUMNS when it holds a number, or the terminal's own width (TIOCGWINSZ); else 80.
// Never below min_width, so that a layout always has room for its indents.
inline constexpr unsigned default_width = 80;
inline constexpr unsigned min_width = 40;
unsigned detect_width(int fd, std::optional<unsigned> given);
// Whether to colour output written to `fd`: always, never, or (auto) when `fd` is a terminal,
// $NO_COLOR is unset or empty and $TERM is not "dumb".
bool detect_colour(int fd, ColourChoice choice);

// The columns `s` takes on screen: one per character, two for a wide East Asian one, none for
// a combining mark or a format character. `s` is UTF-8 as display_text leaves it.
std::size_t display_width(std::string_view s);

// `s` cut to at most `width` columns, ending in "…" when anything was cut, never inside a
// character; `s` itself when it fits or when `width` is 0.
std::string shorten_to(std::string_view s, std::size_t width);

// A space that wrap() never breaks a line at, and writes as a plain space: to keep words such as
// "category 4 -> 3" on one line.
inline constexpr char glue = '\x1f';
// `s` with each space as a glue.
std::string glued(std::string_view s);

// `text` broken at spaces into lines of at most `width` columns (a word longer than a line is
// cut where the line ends), the first line after `indent`, the others after `hang`; each line
// ends with '\n'. With no width (style.width 0), one line: indent, text.
std::string wrap(std::string_view text, unsigned width, std::string_view indent,
                 std::string_view hang);

// Each line of `text` wrapped as above, its continuation lines two spaces deeper than its own
// indent (the spaces it starts with).
std::string wrap_lines(std::string_view text, unsigned width);

// What a piece of text is, for its colour.
enum class Paint { heading, breach, error, warning, note, location, caret, emphasis };
// `text` in the colour of `what` when the style colours, else `text` unchanged.
std::string paint(std::string_view text, Paint what, const TextStyle& style);
std::string paint(std::string_view text, Paint what, bool colour);
// Each line of `lines` (each ending in '\n') painted on its own, so that a colour never runs
// past a line's end.
std::string paint_lines(std::string_view lines, Paint what, const TextStyle& style);

// The closing line of a text output in which something was shortened: where the full text is.
std::string shortened_note(unsigned width, std::string_view full_text_in);

}  // namespace remit
