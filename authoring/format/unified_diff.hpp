// `remit fmt --diff`: what formatting would change, as a unified diff (`patch -p0` applies it).
#pragma once

#include <string>
#include <string_view>

namespace remit::format {

// "--- NAME\n+++ NAME\n" and hunks with three lines of context; "" when the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name);

}  // namespace remit::format
