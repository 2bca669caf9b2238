// Checks on raw bytes that every reader runs before parsing: NUL bytes and invalid UTF-8 are
// reported at their exact place instead of turning into confusing grammar errors later.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "source/diagnostic.hpp"

namespace remit {

// The span of byte `offset` in sources.file(file), or of its end when past it.
SourceSpan span_at(const SourceSet& sources, FileId file, std::size_t offset);

// Offset of the first byte that does not start or continue a valid UTF-8 sequence.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Reports a NUL byte or invalid UTF-8; returns false when it found one.
bool check_text(const SourceSet& sources, FileId file, Diagnostics& diags);

}  // namespace remit
