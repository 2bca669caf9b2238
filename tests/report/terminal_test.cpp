// The helpers of report/terminal.hpp: widths on screen, shortening and wrapping by them, the
// width and colour chosen for an output, and the one style of messages.
#include "report/terminal.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>
#include <string>

#include "explain/explain.hpp"
#include "source/diagnostic.hpp"

using namespace remit;

namespace {

std::size_t widest_line(const std::string& text) {
  std::size_t widest = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    widest = std::max(widest, display_width(std::string_view(text).substr(start, end - start)));
    start = end + 1;
  }
  return widest;
}

// Sets an environment variable for the length of a test, then puts back what was there.
struct Env {
  std::string name;
  std::optional<std::string> before;
  Env(const char* n, const char* value) : name(n) {
    if (const char* old = std::getenv(n)) before = old;
    ::setenv(n, value, 1);
  }
  ~Env() {
    if (before) {
      ::setenv(name.c_str(), before->c_str(), 1);
    } else {
      ::unsetenv(name.c_str());
    }
  }
};

}  // namespace

TEST_CASE("display_width counts columns on screen, not bytes", "[report][terminal]") {
  CHECK(display_width("Director of Housing") == 19);
  CHECK(display_width("£5 – 10") == 7);       // two-byte and three-byte characters
  CHECK(display_width("Caf\u00e9") == 4);     // é as one character
  CHECK(display_width("Cafe\u0301") == 4);    // e and a combining accent
  CHECK(display_width("\u65e5\u672c") == 4);  // wide East Asian characters
  CHECK(display_width("a\xff") == 2);         // a byte that is not UTF-8: one column
}

TEST_CASE("shorten_to cuts at a character and ends with an ellipsis", "[report][terminal]") {
  CHECK(shorten_to("Director of Housing", 19) == "Director of Housing");
  CHECK(shorten_to("Director of Housing", 0) == "Director of Housing");
  CHECK(shorten_to("Director of Housing", 10) == "Director…");
  CHECK(display_width(shorten_to("Director of Housing", 10)) <= 10);
  // Never inside a character: "––––" is 4 columns of 3 bytes each.
  CHECK(shorten_to("––––––", 4) == "–––…");
  CHECK(shorten_to("£££££", 3) == "££…");
}

TEST_CASE("wrap breaks at spaces and keeps every line within the width", "[report][terminal]") {
  const std::string text =
      "because it reports directly to ed_rhes \"Executive Director of Regeneration, Housing and "
      "Environmental Services\"";
  const std::string lines = wrap(text, 40, "  ", "    ");
  CHECK(widest_line(lines) <= 40);
  CHECK(lines.starts_with("  because it reports directly to ed_rhes\n    \"Executive"));
  CHECK(lines.ends_with("Services\"\n"));
  // No limit: one line.
  CHECK(wrap(text, 0, "  ", "    ") == "  " + text + "\n");
  // A word longer than a line is cut where the line ends.
  const std::string word(100, 'x');
  CHECK(widest_line(wrap(word, 40, "", "")) == 40);
  CHECK(wrap_lines("  a b\n    c d\n", 0) == "  a b\n    c d\n");
  CHECK(wrap_lines("  aaaa bbbb", 8) == "  aaaa\n    bbbb\n");
  // Glued words stay on one line, and are written with spaces.
  CHECK(wrap("head_public_health: " + glued("category 4 -> 3"), 24, "", "  ") ==
        "head_public_health:\n  category 4 -> 3\n");
  CHECK(wrap(glued("a b"), 0, "", "") == "a b\n");
}

TEST_CASE("paint colours only when the style colours", "[report][terminal]") {
  CHECK(paint("breach:", Paint::breach, TextStyle{80, false}) == "breach:");
  const std::string red = paint("breach:", Paint::breach, TextStyle{80, true});
  CHECK(red.starts_with("\x1b["));
  CHECK(red.find("breach:") != std::string::npos);
  CHECK(red.ends_with("\x1b[0m"));
  CHECK(paint_lines("a\nb\n", Paint::heading, TextStyle{80, true}).find("\x1b[0m\n") !=
        std::string::npos);
}

TEST_CASE("the width and colour of an output that is not a terminal", "[report][terminal]") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  Env columns("COLUMNS", "200");  // the terminal's width: not for a pipe
  CHECK(detect_width(ends[1], std::nullopt) == 80);
  CHECK(detect_width(ends[1], 120u) == 120);
  CHECK(detect_width(ends[1], 0u) == 0);  // --width 0: no limit
  CHECK(detect_colour(ends[1], ColourChoice::automatic) == false);
  CHECK(detect_colour(ends[1], ColourChoice::always) == true);
  CHECK(detect_colour(ends[1], ColourChoice::never) == false);
  {
    Env no_color("NO_COLOR", "1");
    CHECK(detect_colour(ends[1], ColourChoice::always) == true);  // always beats NO_COLOR
    CHECK(detect_colour(ends[1], ColourChoice::automatic) == false);
  }
  ::close(ends[0]);
  ::close(ends[1]);
  CHECK(parse_colour_choice("always") == ColourChoice::always);
  CHECK_FALSE(parse_colour_choice("yes"));
}

TEST_CASE("the width and colour of an output that is a terminal", "[report][terminal]") {
  // A pseudo-terminal 100 columns wide, as a terminal window would be.
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(::grantpt(master) == 0);
  REQUIRE(::unlockpt(master) == 0);
  const int tty = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
  REQUIRE(tty >= 0);
  winsize size{};
  size.ws_row = 40;
  size.ws_col = 100;
  REQUIRE(::ioctl(tty, TIOCSWINSZ, &size) == 0);
  // Empty, as if unset: the test's own environment must not decide.
  Env no_columns("COLUMNS", "");
  Env no_no_color("NO_COLOR", "");
  Env term("TERM", "xterm");
  CHECK(detect_width(tty, std::nullopt) == 100);
  CHECK(detect_width(tty, 60u) == 60);  // --width wins
  {
    Env columns("COLUMNS", "120");
    CHECK(detect_width(tty, std::nullopt) == 120);
  }
  {
    Env columns("COLUMNS", "wide");  // not a number: the terminal's own width
    CHECK(detect_width(tty, std::nullopt) == 100);
  }
  CHECK(detect_colour(tty, ColourChoice::automatic) == true);
  CHECK(detect_colour(tty, ColourChoice::never) == false);
  {
    Env no_color("NO_COLOR", "1");
    CHECK(detect_colour(tty, ColourChoice::automatic) == false);
  }
  {
    Env no_color("NO_COLOR", "");  // empty: as if unset
    CHECK(detect_colour(tty, ColourChoice::automatic) == true);
  }
  {
    Env dumb("TERM", "dumb");
    CHECK(detect_colour(tty, ColourChoice::automatic) == false);
  }
  // A terminal too narrow for any layout gets the least width remit lays out in.
  size.ws_col = 20;
  REQUIRE(::ioctl(tty, TIOCSWINSZ, &size) == 0);
  CHECK(detect_width(tty, std::nullopt) == min_width);
  ::close(tty);
  ::close(master);
}

TEST_CASE("messages without a location have the one style of remit's errors",
          "[report][terminal]") {
  CHECK(render_message(Severity::error, "no post with id 'x'") ==
        "remit: error: no post with id 'x'\n");
  CHECK(render_message(Severity::warning, "w") == "remit: warning: w\n");
  CHECK(render_message(Severity::note, "n") == "remit: note: n\n");
  const std::string coloured = render_message(Severity::error, "e", true);
  CHECK(coloured.find("\x1b[1;31merror:\x1b[0m") != std::string::npos);
  // A diagnostic with a place in a file: the same labels, in the same colours.
  SourceSet sources;
  const FileId file = sources.add("p.remit", "post a \"A\" { reports to b }\n", std::nullopt);
  Diagnostic d{Severity::error, SourceSpan{file, 24}, "no post 'b'", {}};
  d.notes.push_back(Note{SourceSpan{file, 0}, "in the post declared here"});
  CHECK(render(sources, d).starts_with("p.remit:1:25: error: no post 'b'\n"));
  const std::string painted = render(sources, d, true);
  CHECK(painted.starts_with("\x1b[1mp.remit:1:25:\x1b[0m \x1b[1;31merror:\x1b[0m no post 'b'\n"));
  CHECK(painted.find("\x1b[1;36mnote:\x1b[0m in the post declared here") != std::string::npos);
  // Control characters in the message are escaped, coloured or not.
  CHECK(render_message(Severity::error, "a\x1b[2Jb", true).find("\x1b[2J") == std::string::npos);
}

TEST_CASE("an explanation fits the width, locations kept", "[report][terminal][explain]") {
  SourceSet sources;
  std::string text;
  for (int i = 0; i < 200; ++i) text += std::string(20, ' ') + '\n';
  const FileId file = sources.add("policies/council-000/structure.remit", text, std::nullopt);
  const SourceSpan at{file, 144 * 21 + 13};  // line 145, column 14: 144 lines of 21 bytes before
  Reason root{
      "dir_housing \"Director of Housing\" is in category 4 (Deputy Chief Officers)", at, {}};
  root.because.push_back(Reason{
      "because it reports directly to ed_rhes \"Executive Director of Regeneration, Housing and "
      "Environmental Services\"",
      at,
      {}});
  root.because.push_back(Reason{"LGHA 1989 s.2(8)", at, {}});
  const std::string wide = render_text(root, sources);
  CHECK(widest_line(wide) > 80);
  const std::string narrow = render_text(root, sources, TextStyle{80, false});
  INFO(narrow);
  CHECK(widest_line(narrow) <= 80);
  CHECK(narrow.find("Environmental Services\"") != std::string::npos);
  // Every location is still there: one for each step.
  std::size_t locations = 0;
  for (std::size_t k = narrow.find("structure.remit:145:14"); k != std::string::npos;
       k = narrow.find("structure.remit:145:14", k + 1)) {
    ++locations;
  }
  CHECK(locations == 3);
  // A short step keeps its location on its line.
  CHECK(narrow.find("  LGHA 1989 s.2(8)   ") != std::string::npos);
}
