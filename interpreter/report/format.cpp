#include "report/format.hpp"

#include <cctype>

namespace remit {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "table") return Format::table;
  if (name == "csv") return Format::csv;
  if (name == "json") return Format::json;
  if (name == "markdown" || name == "md") return Format::markdown;
  if (name == "text") return Format::text;
  if (name == "xlsx") return Format::xlsx;
  if (name == "html") return Format::html;
  return std::nullopt;
}

std::optional<Format> format_of_extension(std::string_view extension) {
  std::string lower(extension);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == ".csv") return Format::csv;
  if (lower == ".md") return Format::markdown;
  if (lower == ".json") return Format::json;
  if (lower == ".txt") return Format::text;
  if (lower == ".xlsx") return Format::xlsx;
  if (lower == ".html" || lower == ".htm") return Format::html;
  return std::nullopt;
}

std::string_view extension_of(Format format) {
  switch (format) {
    case Format::csv:
      return ".csv";
    case Format::markdown:
      return ".md";
    case Format::json:
      return ".json";
    case Format::xlsx:
      return ".xlsx";
    case Format::html:
      return ".html";
    case Format::table:
    case Format::text:
      return ".txt";
  }
  return ".txt";
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace remit
