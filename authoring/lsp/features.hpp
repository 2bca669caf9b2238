// The answers to the editor's questions about a checked policy (hover, definition, references,
// completion, outline), as LSP JSON values. Each reads an Analysis and never changes it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "authoring/lsp/analysis.hpp"
#include "authoring/lsp/jsonrpc.hpp"
#include "authoring/lsp/text_position.hpp"

namespace remit::lsp {

// A place in one of the analysis's files: the byte the editor's cursor is at.
struct Place {
  FileId file = no_file;
  std::uint32_t offset = 0;
};

// The URI a loaded file is opened by; nullopt when it has none (then its places are left out).
using UriOf = std::function<std::optional<std::string>(FileId)>;

// The range of the name or token written at `where` (a diagnostic's place) or of an occurrence.
Range range_at(const SourceSet& sources, SourceSpan where, PositionEncoding encoding);
Range range_of(const SourceSet& sources, const Occurrence& o, PositionEncoding encoding);

// Hover: markdown, or null when the cursor is on nothing the policy names.
json hover(Analysis& analysis, Place place, PositionEncoding encoding);
// Location[]: where the name under the cursor is declared.
json definition(const Analysis& analysis, Place place, const UriOf& uri_of,
                PositionEncoding encoding);
// Location[]: every place the name under the cursor is written.
json references(const Analysis& analysis, Place place, bool include_declaration,
                const UriOf& uri_of, PositionEncoding encoding);
// CompletionItem[]: what fits where the cursor is (designations after `designated`, duties after
// `duty`, ids and keywords elsewhere).
json completion(const Analysis& analysis, std::string_view text, std::size_t offset);
// DocumentSymbol[]: the declarations of one file, in order.
json document_symbols(const Analysis& analysis, FileId file, PositionEncoding encoding);

json to_json(const Range& range);

}  // namespace remit::lsp
