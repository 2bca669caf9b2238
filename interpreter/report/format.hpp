// Output formats shared by every command that prints results.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ast/ast.hpp"

namespace remit {

enum class Format { table, csv, json, markdown, text, xlsx, html };

std::optional<Format> parse_format(std::string_view name);

// The format a file name's extension asks for, case aside: .csv .md .json .txt .xlsx .html. Nothing
// for any other extension, or none.
std::optional<Format> format_of_extension(std::string_view extension);
// The extension that asks for `format` (".txt" for a table): what an error lists.
std::string_view extension_of(Format format);

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(std::string_view s);

}  // namespace remit
