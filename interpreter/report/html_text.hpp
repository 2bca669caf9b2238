// Text placed in HTML: the five characters that could end an element or an attribute are
// written as character references, everything else as it is (the page is UTF-8).
#pragma once

#include <string>
#include <string_view>

namespace remit {

// `<` `>` `&` `"` `'` as references: safe in element content and in quoted attribute values.
std::string html_escape(std::string_view text);

}  // namespace remit
