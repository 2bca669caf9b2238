#include "authoring/format/format.hpp"

#include "ast/ast.hpp"
#include "authoring/format/grammar_marks.hpp"
#include "authoring/format/layout.hpp"
#include "authoring/format/program_dump.hpp"
#include "authoring/format/tokens.hpp"
#include "grammar/parser.hpp"

namespace remit::format {
namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

// Whether two token lists are the same text apart from spacing.
bool same_tokens(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k].kind != b[k].kind || a[k].text != b[k].text) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> format_file(SourceSet& sources, FileId file, Diagnostics& diags) {
  ast::Program before;
  if (!parse_policy(sources, file, before, diags)) return std::nullopt;
  const std::string_view text = sources.file(file).text;
  const bool has_bom = std::string_view(text).starts_with(bom);
  const std::string_view body = std::string_view(text).substr(has_bom ? bom.size() : 0);
  const std::vector<Token> tokens = tokenize(body);
  std::string out = lay_out(tokens, mark_grammar(body));

  // The last line of defence: the same tokens, and the same program once parsed. Failing
  // either is a bug in the formatter, and the file is left as it is.
  ast::Program after;
  Diagnostics after_diags;
  const FileId again = sources.add(sources.file(file).name + " (formatted)", out);
  const bool same = same_tokens(tokens, tokenize(out)) &&
                    parse_policy(sources, again, after, after_diags) &&
                    dump_without_positions(before) == dump_without_positions(after);
  if (!same) {
    diags.error(SourceSpan{file, 0},
                "remit fmt would change what this file means, which is a bug in remit; the file "
                "is left as it is (please report it with the file)");
    return std::nullopt;
  }
  const std::size_t first_break = body.find('\n');
  if (first_break != std::string_view::npos && first_break > 0 && body[first_break - 1] == '\r') {
    std::string crlf;
    crlf.reserve(out.size() + out.size() / 32);
    for (char c : out) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    out = std::move(crlf);
  }
  if (has_bom) out.insert(0, bom);
  return out;
}

std::optional<std::string> format_text(std::string_view text, std::string_view file_name,
                                       Diagnostics& diags) {
  SourceSet sources;
  const FileId file = sources.add(std::string(file_name), std::string(text));
  return format_file(sources, file, diags);
}

}  // namespace remit::format
