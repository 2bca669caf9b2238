#include "authoring/format/grammar_marks.hpp"

#include <algorithm>
#include <tao/pegtl.hpp>

#include "grammar/rules.hpp"

namespace remit::format {
namespace {

namespace g = grammar;
namespace pegtl = tao::pegtl;

struct State {
  const char* base;
  GrammarMarks marks;
  [[nodiscard]] std::size_t at(const char* p) const { return static_cast<std::size_t>(p - base); }
};

template <typename Rule>
struct mark : pegtl::nothing<Rule> {};

// Actions run only for matches that stand: the grammar's alternatives are decided by a leading
// keyword (grammar/parser.cpp), and at<>/not_at<> run none.
struct statement_start {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    s.marks.statements.push_back(s.at(in.begin()));
  }
};
struct item_start {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    s.marks.items.push_back(s.at(in.begin()));
  }
};

template <>
struct mark<g::statement> : statement_start {};
template <>
struct mark<g::post_item> : item_start {};
template <>
struct mark<g::person_item> : item_start {};
template <>
struct mark<g::scenario_edit> : item_start {};
template <>
struct mark<g::cite> : item_start {};
template <>
struct mark<g::designation_cite> : item_start {};
template <>
struct mark<g::expectation> : item_start {};
template <>
struct mark<g::kw_when> : item_start {};
template <>
struct mark<g::require_condition> : item_start {};
template <>
struct mark<g::forbidden_set> : item_start {};
template <>
struct mark<g::expression> {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    s.marks.expressions.emplace_back(s.at(in.begin()), s.at(in.end()));
  }
};

template <>
struct mark<g::primary> {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    s.marks.operands.emplace_back(s.at(in.begin()), s.at(in.end()));
  }
};

}  // namespace

GrammarMarks mark_grammar(std::string_view text) {
  State s{text.data(), {}};
  pegtl::memory_input<> in(text.data(), text.data() + text.size(), "");
  try {
    if (!pegtl::parse<g::file, mark>(in, s)) return {};
  } catch (const pegtl::parse_error&) {
    return {};
  }
  std::sort(s.marks.statements.begin(), s.marks.statements.end());
  std::sort(s.marks.items.begin(), s.marks.items.end());
  // By start, the outer of two that start together first: they nest.
  for (auto* ranges : {&s.marks.expressions, &s.marks.operands}) {
    std::sort(ranges->begin(), ranges->end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
  }
  return std::move(s.marks);
}

}  // namespace remit::format
