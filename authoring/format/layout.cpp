#include "authoring/format/layout.hpp"

#include <algorithm>
#include <optional>

namespace remit::format {
namespace {

constexpr std::size_t step = 2;  // indentation in a block and of a clause

struct Line {
  std::size_t indent = 0;
  std::string text;
  bool blank_before = false;
  std::size_t operand_column = 0;  // where a list continued after a comma lines up
  std::size_t width = 0;           // columns_of(text), kept as text grows

  void add(std::string_view s) {
    text += s;
    width += columns_of(s);
  }
  [[nodiscard]] std::size_t end() const { return indent + width; }
};

Line line_of(std::size_t indent, std::string_view text, bool blank_before,
             std::size_t operand_column = 0) {
  Line l{indent, {}, blank_before, operand_column, 0};
  l.add(text);
  return l;
}

// One top-level statement, as laid out, with the comments on the lines before it.
struct Statement {
  std::vector<Line> lines;
  std::string keyword;
  bool blank_before = false;  // the author left a blank line before it (or its comments)
};

// What is open at a `{`.
struct Block {
  std::size_t indent = 0;        // of its items
  std::size_t close_indent = 0;  // of its `}`
  bool known = false;            // the grammar marked its items
  std::size_t item_column = 0;   // as written: an unmarked item starts a line at most this far in
  bool one_line = false;
};

bool is_and_or(const Token& t) {
  return t.is("and") || t.is("or");
}

class Layout {
 public:
  Layout(const std::vector<Token>& tokens, const GrammarMarks& marks) : t_(tokens), marks_(marks) {
    const std::size_t n = t_.size();
    statement_.assign(n, 0);
    item_.assign(n, 0);
    match_.assign(n, n);
    out_column_.assign(n, 0);
    first_out_.assign(n, 0);
    for (std::size_t k = 0; k < n; ++k) {
      if (t_[k].kind == TokenKind::comment) continue;
      statement_[k] =
          std::binary_search(marks.statements.begin(), marks.statements.end(), t_[k].offset);
      item_[k] = std::binary_search(marks.items.begin(), marks.items.end(), t_[k].offset);
    }
    line_start_.assign(n, 0);
    for (std::size_t k = 0; k < n; ++k) {
      line_start_[k] = t_[k].first_on_line || k == 0 ? k : line_start_[k - 1];
    }
    std::vector<std::size_t> open;
    for (std::size_t k = 0; k < n; ++k) {
      if (t_[k].is("{")) open.push_back(k);
      if (t_[k].is("}") && !open.empty()) {
        match_[open.back()] = k;
        open.pop_back();
      }
    }
  }

  std::string run() {
    for (std::size_t k = 0; k < t_.size(); ++k) {
      const Token& t = t_[k];
      if (t.kind == TokenKind::comment) {
        if (!t.first_on_line && current_line()) {
          // A trailing comment keeps its column when the line leaves room (comments aligned
          // down a block stay aligned), else one space after the line.
          Line& line = *current_line();
          const std::size_t end = line.end();
          line.add(std::string(t.column > end ? t.column - end : 1, ' '));
          line.add(t.text);
          force_break_ = true;
        } else {
          pending_.push_back(k);
        }
        continue;
      }
      if (statement_[k] || statements_.empty()) start_statement(k);
      place(k);
      previous_ = k;
    }
    return assemble();
  }

 private:
  Line* current_line() {
    if (statements_.empty() || statements_.back().lines.empty()) return nullptr;
    return &statements_.back().lines.back();
  }

  void start_statement(std::size_t k) {
    Statement s;
    s.keyword = t_[k].text;
    const std::size_t first = pending_.empty() ? k : pending_.front();
    s.blank_before = t_[first].breaks_before >= 2;
    for (std::size_t c : pending_) {
      s.lines.push_back(line_of(0, t_[c].text, c != first && t_[c].breaks_before >= 2, 0));
    }
    pending_.clear();
    statements_.push_back(std::move(s));
    blocks_.clear();
    statement_offset_ = t_[k].offset;
    item_base_ = 0;
    previous_.reset();
    force_break_ = false;
  }

  // Starts a line at `indent` with token k, after the comments waiting for it. A blank line the
  // author left is kept (one at most) before an item of a block and before a comment in one.
  void new_line(std::size_t k, std::size_t indent, bool blank_allowed, bool comma_continued,
                std::optional<std::size_t> comment_indent = std::nullopt) {
    Statement& s = statements_.back();
    const bool after_open = previous_ && t_[*previous_].is("{");
    const bool in_block = !blocks_.empty();
    const bool first_of_statement = !previous_;
    for (std::size_t c : pending_) {
      const bool blank = !first_of_statement && in_block && !after_open && t_[c].breaks_before >= 2;
      s.lines.push_back(line_of(comment_indent.value_or(indent), t_[c].text, blank, 0));
    }
    const bool blank =
        !first_of_statement && blank_allowed && in_block && !after_open && t_[k].breaks_before >= 2;
    pending_.clear();
    const std::size_t operand = comma_continued && current_line()
                                    ? current_line()->operand_column
                                    : indent + columns_of(t_[k].text) + 1;
    if (first_of_statement) {
      // After its own comments, the blank line the author left before it, if any.
      s.lines.push_back(
          line_of(indent, t_[k].text, !s.lines.empty() && t_[k].breaks_before >= 2, operand));
    } else {
      s.lines.push_back(line_of(indent, t_[k].text, blank, operand));
    }
    out_column_[k] = indent;
    first_out_[k] = 1;
    force_break_ = false;
  }

  void append(std::size_t k) {
    Line& line = *current_line();
    const Token& t = t_[k];
    const bool tight = t.is(",") || t.is(")") || (previous_ && t_[*previous_].is("(")) ||
                       (t.is("}") && previous_ && t_[*previous_].is("{"));
    if (!tight) line.add(" ");
    out_column_[k] = line.end();
    line.add(t.text);
  }

  // The innermost expression (or operand) that `k` continues (it starts before k, in this
  // statement), if any. The ranges nest, sorted by start: the innermost that holds k is the
  // last to start before it that has not ended.
  std::optional<std::size_t> expression_start(
      std::size_t k, const std::vector<std::pair<std::size_t, std::size_t>>& ranges) const {
    const std::size_t offset = t_[k].offset;
    auto it = std::lower_bound(ranges.begin(), ranges.end(), offset,
                               [](const auto& r, std::size_t o) { return r.first < o; });
    std::optional<std::pair<std::size_t, std::size_t>> best;
    while (it != ranges.begin()) {
      --it;
      if (it->first < statement_offset_) break;
      if (it->second > offset) {
        best = *it;
        break;
      }
    }
    if (!best) return std::nullopt;
    const auto at = std::lower_bound(t_.begin(), t_.end(), best->first,
                                     [](const Token& t, std::size_t o) { return t.offset < o; });
    if (at == t_.end() || at->offset != best->first) return std::nullopt;
    return static_cast<std::size_t>(at - t_.begin());
  }

  void place(std::size_t k) {
    const Token& t = t_[k];
    Block* b = blocks_.empty() ? nullptr : &blocks_.back();
    const bool after = previous_.has_value();
    const Token* prev = after ? &t_[*previous_] : nullptr;
    if (!after) {
      new_line(k, 0, false, false);
      item_base_ = 0;
    } else if (b && b->one_line) {
      append(k);
    } else if (t.is("}")) {
      // A comment just before the `}` belongs to the block's items.
      new_line(k, b ? b->close_indent : 0, false, false, b ? b->indent : 0);
    } else if (prev->is("{") && b) {
      new_line(k, b->indent, false, false);
      item_base_ = b->indent;
    } else if (item_[k] && b) {
      new_line(k, b->indent, true, false);
      item_base_ = b->indent;
    } else if (prev->is("}") || force_break_ || !pending_.empty() ||
               (t.breaks_before > 0 && !t.is("{"))) {
      // The author's line break (or one a comment or a closed block needs): an item of a block
      // the grammar did not mark, a list after its comma, the rest of an expression under its
      // start, or else a clause or continuation.
      const bool after_comma = prev->is(",");
      if (b && !b->known && !after_comma && !is_and_or(t) && t.first_on_line &&
          t.column <= b->item_column) {
        new_line(k, b->indent, true, false);
        item_base_ = b->indent;
      } else if (after_comma && current_line()) {
        // Under the operand the list belongs to (`designated a,` after `when`), or under the
        // list's first entry when that operand starts the line.
        const auto p = expression_start(k, marks_.operands);
        new_line(k, p && !first_out_[*p] ? out_column_[*p] : current_line()->operand_column, false,
                 true);
      } else if (const auto e = expression_start(k, marks_.expressions)) {
        new_line(k, out_column_[*e] + (first_out_[*e] ? step : 0), false, false);
      } else {
        new_line(k, item_base_ + step, false, false);
      }
    } else {
      append(k);
    }
    if (t.is("{")) open_block(k);
    if (t.is("}") && !blocks_.empty()) {
      const bool one_line = blocks_.back().one_line;
      item_base_ = blocks_.back().close_indent;
      blocks_.pop_back();
      if (!one_line) force_break_ = true;
    }
  }

  void open_block(std::size_t k) {
    Block b;
    b.close_indent = item_base_;
    b.indent = item_base_ + step;
    const std::size_t close = match_[k];
    std::size_t width = current_line()->end();
    bool one_line = close < t_.size();
    std::size_t items = 0;
    for (std::size_t j = k + 1; j < t_.size() && j <= close; ++j) {
      const Token& t = t_[j];
      if (t.kind == TokenKind::comment || t.breaks_before > 0 || (j < close && t.is("{"))) {
        one_line = false;
      }
      width += 1 + columns_of(t.text);
      if (item_[j]) ++items;
    }
    b.one_line = one_line && items <= 1 && width <= line_width;
    // An item of a block the grammar does not know starts a line at most as far in as its
    // first item was written (or two columns past the line that opened it).
    const Token* first = k + 1 < t_.size() ? &t_[k + 1] : nullptr;
    const std::size_t opener_column = t_[line_start_[k]].column;
    b.item_column = first && first->first_on_line ? first->column : opener_column + step;
    for (std::size_t j = k + 1; j < close && j < t_.size(); ++j) {
      if (t_[j].is("{")) {
        j = match_[j];
        continue;
      }
      if (item_[j]) b.known = true;
    }
    blocks_.push_back(b);
  }

  std::string assemble() {
    std::vector<Line> all;
    for (std::size_t i = 0; i < statements_.size(); ++i) {
      Statement& s = statements_[i];
      if (i > 0 && !s.lines.empty()) {
        const Statement& p = statements_[i - 1];
        // Declarations of one kind written together stay together (a run of `let`s, the posts
        // under one manager); anything else is set apart by one blank line.
        const bool together = !s.blank_before && p.keyword == s.keyword;
        s.lines.front().blank_before = !together;
      }
      all.insert(all.end(), s.lines.begin(), s.lines.end());
    }
    bool first = all.empty();
    for (std::size_t c : pending_) {  // comments after the last statement
      all.push_back(line_of(0, t_[c].text, !first && t_[c].breaks_before >= 2, 0));
      first = false;
    }
    std::string out;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i].blank_before && i > 0) out += '\n';
      out.append(all[i].indent, ' ');
      out += all[i].text;
      out += '\n';
    }
    return out;
  }

  const std::vector<Token>& t_;
  const GrammarMarks& marks_;
  std::vector<char> statement_, item_;
  std::vector<std::size_t> match_;
  std::vector<std::size_t> out_column_;
  std::vector<char> first_out_;
  std::vector<std::size_t> line_start_;  // the first token of each token's line as written

  std::vector<Statement> statements_;
  std::vector<Block> blocks_;
  std::vector<std::size_t> pending_;  // own-line comments waiting for the next line
  std::optional<std::size_t> previous_;
  std::size_t item_base_ = 0;
  std::size_t statement_offset_ = 0;  // where the statement being laid out starts
  bool force_break_ = false;
};

}  // namespace

std::string lay_out(const std::vector<Token>& tokens, const GrammarMarks& marks) {
  return Layout(tokens, marks).run();
}

}  // namespace remit::format
