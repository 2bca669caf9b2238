// `remit fmt`: one canonical layout for policy files. The layout is worked out from the token
// stream and from where the grammar (grammar/rules.hpp) says statements and block items start,
// so a statement the formatter has no rule for is still indented by its braces and keeps its
// author's line breaks. The text is never changed where it matters: the tokens are the same
// before and after, and the parsed program (without positions) is too, or nothing is returned.
// docs/formatting.md describes the layout.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit::format {

// The canonical text of sources.file(file), or nullopt when it does not parse (its syntax
// errors are in `diags`, as `remit check` reports them) or, as a last line of defence, when
// the layout would change what the file means (an error says so).
std::optional<std::string> format_file(SourceSet& sources, FileId file, Diagnostics& diags);

// The same for a text held by the caller (the language server's open document). The spans in
// `diags` point into a SourceSet that held only `text`, as file 0: their line and column are
// the text's own.
std::optional<std::string> format_text(std::string_view text, std::string_view file_name,
                                       Diagnostics& diags);

}  // namespace remit::format
