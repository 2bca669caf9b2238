// Text from a policy or an HR export (a title, a name, a label) as remit's outputs show it.
//
// Text output goes to a terminal or a log, where a control character in a title would move the
// cursor, change colours or split a row; so every text renderer (derive's table, explanations,
// check and whatif text) shows such characters as escapes. CSV and JSON keep the exact value,
// quoted or escaped as their format says; Markdown cells have their own rules.
#pragma once

#include <string>
#include <string_view>

namespace remit {

// The text with every control character written as an escape, the rest unchanged:
//   `\n`, `\r`, `\t` for line feed, carriage return and tab; `\x1b` for other C0 controls and
//   DEL; `\u{85}` for C1 controls, `\u{2028}` and `\u{2029}` for the line and paragraph
//   separators, and `\u{202e}` etc. for the bidirectional overrides and isolates (U+202A-202E,
//   U+2066-2069), which reorder what follows them on screen; `\xff` for a byte that is not
//   UTF-8. A backslash itself is not doubled: the escapes are for reading, and the CSV and JSON
//   formats give the exact value.
std::string display_text(std::string_view s);

// The length in bytes of the character at s[i] when display_text would escape it (a control
// character, a line or paragraph separator, a bidirectional control, a byte that is not UTF-8),
// else 0: for text that shows such a character as one mark (an error's excerpt of its line).
std::size_t escaped_length_at(std::string_view s, std::size_t i);

// A cell of a Markdown table: `|` as `\|`, each line break (`\r\n`, `\n`, `\r`, U+0085,
// U+2028, U+2029) as `<br>`, so that a row stays one row, and other control characters escaped
// as display_text does.
std::string markdown_cell(std::string_view s);

}  // namespace remit
