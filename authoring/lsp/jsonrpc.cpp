#include "authoring/lsp/jsonrpc.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string_view>

namespace remit::lsp {
namespace {

// Longer header lines are cut: a peer that never sends a line break costs no memory.
constexpr std::size_t max_header_line = 4096;

// One header line without its line break; nullopt at the end of the stream.
std::optional<std::string> header_line(std::istream& in) {
  std::string line;
  for (int c = in.get(); c != std::char_traits<char>::eof(); c = in.get()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    if (line.size() < max_header_line) line.push_back(static_cast<char>(c));
  }
  if (line.empty()) return std::nullopt;
  return line;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<std::size_t> content_length(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  if (!equal_ignoring_case(line.substr(0, colon), "Content-Length")) return std::nullopt;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
    return std::nullopt;
  }
  return n;
}

}  // namespace

Frame read_frame(std::istream& in, std::size_t max_bytes) {
  std::optional<std::size_t> length;
  bool any_header = false;
  while (true) {
    std::optional<std::string> line = header_line(in);
    if (!line) return Frame{any_header ? Frame::Status::truncated : Frame::Status::end, {}};
    if (line->empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    if (auto n = content_length(*line)) length = n;
  }
  if (!length) return Frame{Frame::Status::bad_header, {}};
  if (*length > max_bytes) {
    in.ignore(static_cast<std::streamsize>(*length));
    return Frame{in ? Frame::Status::too_large : Frame::Status::truncated, {}};
  }
  std::string body(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in.gcount()) != *length) return Frame{Frame::Status::truncated, {}};
  return Frame{Frame::Status::message, std::move(body)};
}

void write_frame(std::ostream& out, const json& message) {
  const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace remit::lsp
