// Output formats shared by every command that prints results.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ast/ast.hpp"

namespace remit {

enum class Format { table, csv, json, markdown, text };

std::optional<Format> parse_format(std::string_view name);

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(std::string_view s);

}  // namespace remit
