// JSON-RPC 2.0 as the Language Server Protocol frames it on a byte stream: a header
// ("Content-Length: N"), a blank line, then N bytes of JSON. Reading never trusts the peer: a
// header without a length, a length past the limit or a stream that ends early is a value the
// server answers, never a crash or an unbounded allocation.
#pragma once

#include <cstddef>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <string>

namespace remit::lsp {

using json = nlohmann::json;

// The error codes of JSON-RPC and the LSP that this server answers with.
enum class ErrorCode : int {
  parse_error = -32700,
  invalid_request = -32600,
  method_not_found = -32601,
  invalid_params = -32602,
  internal_error = -32603,
  server_not_initialized = -32002,
};

// Thrown by a handler to answer a request with an error.
struct RpcError : std::runtime_error {
  RpcError(ErrorCode code, const std::string& message) : std::runtime_error(message), code(code) {}
  ErrorCode code;
};

struct Frame {
  enum class Status {
    message,     // `body` holds the content
    end,         // the stream ended between messages
    bad_header,  // no usable Content-Length: the body could not be found
    too_large,   // the content was longer than the limit and was skipped
    truncated,   // the stream ended inside a message
  };
  Status status = Status::end;
  std::string body;
};

// A message of at most `max_bytes`: a longer one is read past (not kept) and reported.
Frame read_frame(std::istream& in, std::size_t max_bytes);

// Writes one message, framed, and flushes. Text that is not valid UTF-8 (a policy's bytes
// quoted in a message) is written with U+FFFD in its place rather than failing.
void write_frame(std::ostream& out, const json& message);

}  // namespace remit::lsp
