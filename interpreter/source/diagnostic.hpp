// Diagnostics: what every stage reports when input is wrong. One message in the user's terms,
// a primary location and optional notes pointing at related places (the other end of a
// duplicate, the posts on a cycle). Rendering with the source line and a caret lives in one
// place, render.cpp.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "source/source.hpp"

namespace remit {

enum class Severity { error, warning, note };

struct Note {
  SourceSpan where;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::error;
  SourceSpan where;
  std::string message;
  std::vector<Note> notes;
};

// Collects diagnostics across passes; a pass that found errors stops the pipeline after it,
// so one run reports every error of the first failing pass, not only the first one.
// Past `limit_per_file` errors in one file, further ones are counted, not kept: a file with a
// million bad lines gives a readable report ("… and 999,900 more errors in x.csv").
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t limit_per_file = 101) : limit_(limit_per_file) {}
  Diagnostic& error(SourceSpan where, std::string message);
  Diagnostic& warning(SourceSpan where, std::string message);
  // Something done that the user may want to know of, and nothing to fix.
  Diagnostic& note(SourceSpan where, std::string message);
  // Errors a reader found in `file` past its own cap and only counted: they join the count in
  // the "… more errors in this file not shown" note and the total.
  void add_unshown(FileId file, std::size_t count);
  // Whether an error at `where` would be listed rather than only counted: a caller can skip
  // working out a suggestion that nobody would see.
  [[nodiscard]] bool would_list(SourceSpan where) const;
  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  [[nodiscard]] std::size_t error_count() const { return errors_; }
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return list_; }
  // Errors beyond the limit, by file.
  [[nodiscard]] const std::vector<std::pair<FileId, std::size_t>>& dropped() const {
    return dropped_;
  }
  // Orders by file, line and column, as a reader goes through a file.
  void sort();

 private:
  std::vector<Diagnostic> list_;
  std::size_t errors_ = 0;
  std::size_t limit_;
  std::vector<std::pair<FileId, std::size_t>> kept_;     // errors kept, by file
  std::vector<std::pair<FileId, std::size_t>> dropped_;  // errors dropped, by file
  Diagnostic scratch_;  // what a dropped error's caller may still add notes to
};

// A name or text as a message quotes it: cut to `max` characters (a 1 MB id is shown by its
// start), never in the middle of a UTF-8 character.
std::string shorten(std::string_view s, std::size_t max = 60);
// 'name', shortened as above: how messages quote an id, a path or a word the user wrote.
std::string in_quotes(std::string_view s);

// Thrown by a pass that cannot go on at all (an unreadable file, a limit exceeded); carries a
// complete diagnostic so the caller can render it like any other.
struct InputError : std::runtime_error {
  explicit InputError(Diagnostic d) : std::runtime_error(d.message), diagnostic(std::move(d)) {}
  Diagnostic diagnostic;
};

// "file:line:col: error: message", then the source line and a caret, then each note the same way.
// With `colour` (stderr is a terminal), the label is coloured as compilers colour it: error red,
// warning magenta, note cyan.
std::string render(const SourceSet& sources, const Diagnostic& d, bool colour = false);
// Every diagnostic, then "N errors generated." when there were any.
std::string render(const SourceSet& sources, const Diagnostics& ds, bool colour = false);
// A message with no place in a file, in the same style: "remit: error: message\n". Control
// characters in it are shown escaped, as in every diagnostic.
std::string render_message(Severity severity, std::string_view message, bool colour = false);

}  // namespace remit
