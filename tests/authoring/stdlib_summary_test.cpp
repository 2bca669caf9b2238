// The one-line summaries `remit stdlib list` takes from each module's header comment.
#include <catch2/catch.hpp>

#include "authoring/format/fmt_command.hpp"
#include "resolve/embedded_stdlib.hpp"

using remit::format::module_summary;

TEST_CASE("stdlib summary: the first sentence of the header, over its lines",
          "[authoring][stdlib]") {
  CHECK(module_summary("uk/x", "# uk/x: the first part\n# goes on here. And more.\nuse \"y\"\n") ==
        "the first part goes on here.");
  CHECK(module_summary("uk/x", "# A module (s.2(1)) of\n# three lines\n#\n# Other.\n") ==
        "A module (s.2(1)) of three lines");
  CHECK(module_summary("uk/x", "use \"uk/roles\"\n# late comment\n") == "");
}

TEST_CASE("stdlib summary: every built-in module has one", "[authoring][stdlib]") {
  REQUIRE_FALSE(remit::embedded_stdlib().empty());
  for (const auto& m : remit::embedded_stdlib()) {
    INFO(m.name);
    CHECK_FALSE(module_summary(m.name, m.text).empty());
  }
}
