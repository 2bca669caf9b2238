// Actions that turn matched rules into AST nodes. Each action reads the pieces its sub-rules
// left in the Builder (the last name, string, number list …) and appends a declaration or an
// expression. Alternatives in the grammar are decided by a leading keyword, so actions never
// run for a branch that is later abandoned.
#include "grammar/parser.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>
#include <tao/pegtl.hpp>

#include "ast/percent.hpp"
#include "grammar/errors.hpp"
#include "grammar/rules.hpp"
#include "source/text_checks.hpp"

namespace remit {
namespace {

namespace g = grammar;
namespace pegtl = tao::pegtl;

// Pieces left by sub-rules for the enclosing rule's action.
struct Pieces {
  std::size_t depth = 0;  // nesting of `primary`, against Limits::max_expression_nesting
  ast::Name name;
  ast::Text text;
  std::uint64_t number = 0;
  std::uint32_t basis_points = 0;  // the last share read (ast/percent.hpp)
  std::vector<ast::Name> names;
  std::vector<std::uint32_t> numbers;
  std::vector<SourceSpan> number_spans;
  std::vector<ast::Text> cites;
  std::vector<ast::ExprId> stack;
  std::vector<std::uint32_t> levels;  // `reports within N of …`, innermost last
  std::vector<ast::LineDecl> lines;
  ast::LineDecl line;
  ast::HoldingKind holding = ast::HoldingKind::substantive;
  ast::Name id;
  ast::Text label;
  bool has_label = false;
  ast::ImportKind import_kind = ast::ImportKind::structure;  // set by `holders`/`designations`
  ast::Text import_path;
  std::vector<ast::ColumnChoice> columns;
  bool is_override = false;
  std::uint32_t category_number = 0;
  ast::ExprId when = ast::unresolved;
  ast::VocabularyKind vocab_kind = ast::VocabularyKind::designation;
  ast::expr::Field field = ast::expr::Field::directorate;
  bool any_body = true;
  std::optional<ast::Name> unless;
  ast::Name first, second;
  ast::Compare compare = ast::Compare::eq;
  ast::Quantifier quantifier = ast::Quantifier::every;
  ast::ExprId subject = ast::unresolved, predicate = ast::unresolved, set = ast::unresolved;
  ast::Condition condition;
  ast::PostDecl post;
  std::string_view service, directorate;  // the post's, until it is finished
  std::size_t post_lines_begin = 0, post_designations_begin = 0, post_duties_begin = 0,
              post_holders_begin = 0;
  ast::PersonDecl person;
  std::string_view person_name;  // its name, kept in Program::person_extras with the person
  std::size_t person_holds_begin = 0, person_qualifications_begin = 0;
  ast::ScenarioDecl scenario;
  ast::Name edit_post, edit_role, edit_person;
  // A `test` block: its expectations as they are read.
  ast::TestDecl test;
  std::optional<ast::Text> given, breach_rule;
  ast::expectation::Claim claim = ast::expectation::Claim::listed_in;
  ast::ExpectationKind expected;
  SourceSpan expected_number_where;
  ast::Text date, decided_by, adapted_rule, reason;
  std::optional<ast::RuleRef> last_rule;  // the rule just read, for `replace rule … with`
  std::optional<ast::Name> kind_word, jurisdiction_word;  // `authority … kind … jurisdiction …`
  std::optional<ast::AuthorityGuard> guard;               // `where authority is …`
  std::optional<SourceSpan> cite_designation;             // `cite designation` in a category
};

struct Builder : Pieces {
  Builder(SourceSet& s, FileId f, ast::Program& p, const Limits& l)
      : sources(s), file(f), program(p), limits(l) {}
  SourceSet& sources;
  FileId file;
  ast::Program& program;
  const Limits& limits;

  // After a syntax error: what the abandoned statement left half-built is dropped (a parse
  // error unwinds past the actions and controls that would have consumed it).
  void forget_pieces() { static_cast<Pieces&>(*this) = Pieces{}; }

  template <typename Input>
  SourceSpan span(const Input& in) const {
    const auto p = in.position();
    return SourceSpan{file, static_cast<std::uint32_t>(p.byte) + offset_shift};
  }
  std::uint32_t offset_shift = 0;  // bytes skipped before parsing (a byte order mark)
  ast::ExprId pop() {
    ast::ExprId e = stack.back();
    stack.pop_back();
    return e;
  }
  void start_post() {
    post = ast::PostDecl{};
    service = directorate = {};
    post.id = name;
    post_lines_begin = program.post_lines.size();
    post_designations_begin = program.post_designations.size();
    post_duties_begin = program.post_duties.size();
    post_holders_begin = program.post_holders.size();
  }
  // A post's items were appended to the arenas as they were read; its slices cover them.
  void finish_post() {
    post.placement = program.placements.intern(service, directorate);
    post.lines = ast::Program::since(program.post_lines, post_lines_begin);
    program.set_extras(post,
                       {ast::Program::since(program.post_designations, post_designations_begin),
                        ast::Program::since(program.post_duties, post_duties_begin),
                        ast::Program::since(program.post_holders, post_holders_begin)});
  }
  void push(ast::ExprKind kind, SourceSpan where) {
    stack.push_back(program.add(std::move(kind), where));
  }
  std::vector<ast::Name> take_names() { return std::exchange(names, {}); }
  std::vector<ast::Text> take_cites() { return std::exchange(cites, {}); }
  // The text between quotes with each backslash escape (\' \" \\) read as the character it
  // escapes. Without one, the source text itself (no copy); with one, a copy the source set
  // keeps for the program's lifetime.
  std::string_view unescaped(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return raw;
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\\' && i + 1 < raw.size()) ++i;
      out += raw[i];
    }
    return sources.keep(std::move(out));
  }
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

// ---- tokens ----
template <>
struct action<g::identifier> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.name = ast::Name{in.string_view(), b.span(in)};
  }
};
// An id without quotes ends at the first character that cannot be in one. A letter outside
// A-Z there (`rŵd`) would otherwise give a puzzling error about what follows the id; say
// instead how to write it.
template <>
struct action<g::unquoted_id> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    const char* end = in.end();
    const char* const text_end = in.input().end();
    if (end != text_end && static_cast<unsigned char>(*end) >= 0x80) {
      constexpr std::string_view stops = " \t\r\n,(){}\"'%#";
      while (end != text_end && stops.find(*end) == std::string_view::npos) ++end;
      const std::string_view word(in.begin(), static_cast<std::size_t>(end - in.begin()));
      throw pegtl::parse_error(
          "an id with characters other than letters A-Z, digits, _, -, / and "
          ". is written in single quotes: " +
              id_as_written(word),
          in);
    }
    b.name = ast::Name{in.string_view(), b.span(in)};
  }
};
// An id in single quotes: the name is the text between them, with \' and \\ read as ' and \.
// The span is the opening quote's, where the user's id starts.
template <>
struct action<g::quoted_id> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    std::string_view raw = in.string_view();
    raw = raw.substr(1, raw.size() - 2);
    if (raw.empty())
      throw pegtl::parse_error("an id cannot be empty: write it between the quotes", in);
    b.name = ast::Name{b.unescaped(raw), b.span(in)};
  }
};

template <>
struct action<g::string_content> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.text = ast::Text{b.unescaped(in.string_view()), b.span(in)};
  }
};

template <>
struct action<g::number> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    std::string_view s = in.string_view();
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), b.number);
    if (ec != std::errc() || b.number > UINT32_MAX) {
      throw pegtl::parse_error("number too large: at most 4294967295", in);
    }
  }
};

template <>
struct action<g::percent> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    std::string_view s = in.string_view();
    s = s.substr(0, s.find_first_of(" \t%"));  // the number, without the blanks and `%`
    const ast::ReadPercent read = ast::read_percent(s);
    switch (read.problem) {
      case ast::PercentProblem::none:
        break;
      case ast::PercentProblem::too_many_decimals:
        throw pegtl::parse_error(
            "a share has at most two decimals (it is exact to 0.01%), e.g. 33.33%", in);
      case ast::PercentProblem::not_a_number:
      case ast::PercentProblem::out_of_range:
        throw pegtl::parse_error("a share is a percentage above 0 and at most 100, e.g. 60%", in);
    }
    b.basis_points = read.basis_points;
  }
};

template <>
struct action<g::category_number> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (b.number == 0) throw pegtl::parse_error("category numbers start at 1", in);
    b.numbers.push_back(static_cast<std::uint32_t>(b.number));
    b.number_spans.push_back(b.span(in));
  }
};
template <>
struct action<g::role_name> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.names.push_back(b.name);
  }
};
template <>
struct action<g::duty_name> : action<g::role_name> {};
template <>
struct action<g::qualification_name> : action<g::role_name> {};
template <>
struct action<g::cite> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.cites.push_back(b.text);
  }
};

// ---- set expressions ----
template <>
struct action<g::designated_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::Designated{b.take_names(), {}}, b.span(in));
  }
};
template <>
struct action<g::duty_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::Duty{b.take_names(), {}}, b.span(in));
  }
};
template <>
struct action<g::category_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::Category{std::exchange(b.numbers, {}), std::exchange(b.number_spans, {}), {}},
           b.span(in));
  }
};
template <>
struct action<g::reports_directly> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::ReportsDirectly{b.pop()}, b.span(in));
  }
};
// The operand after `of` may hold numbers of its own, so each `within N` keeps its N on a stack
// until its operand is done.
template <>
struct action<g::level_count> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (b.number == 0) throw pegtl::parse_error("the number of levels must be at least 1", in);
    b.levels.push_back(static_cast<std::uint32_t>(b.number));
  }
};
template <>
struct action<g::reports_within> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    const std::uint32_t levels = b.levels.back();
    b.levels.pop_back();
    b.push(ast::expr::ReportsWithin{levels, b.pop()}, b.span(in));
  }
};
template <>
struct action<g::reports_below> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::ReportsTo{b.pop()}, b.span(in));
  }
};
template <>
struct action<g::reports_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.program.exprs[b.stack.back()].where = b.span(in);  // point at 'reports', not the form
  }
};
template <>
struct action<g::manages_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::Manages{b.pop()}, b.span(in));
  }
};
template <>
struct action<g::in_field> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.field =
        in.string_view() == "service" ? ast::expr::Field::service : ast::expr::Field::directorate;
  }
};
template <>
struct action<g::in_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::TextMatch{b.field, false, b.text}, b.span(in));
  }
};
template <>
struct action<g::title_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::TextMatch{ast::expr::Field::title, true, b.text}, b.span(in));
  }
};
template <>
struct action<g::vacant_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::Vacant{}, b.span(in));
  }
};
template <>
struct action<g::has_holder_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::HasHolder{}, b.span(in));
  }
};
template <>
struct action<g::body_kind_item> : action<g::role_name> {};
template <>
struct action<g::body_kind_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::BodyKinds{b.take_names(), {}}, b.span(in));
  }
};
template <>
struct action<g::responsible_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::ResponsibleTo{b.pop()}, b.span(in));
  }
};
template <>
struct action<g::any_kind> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.any_body = in.string_view() == "body";
  }
};
template <>
struct action<g::any_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (b.any_body) {
      b.push(ast::expr::AnyBody{}, b.span(in));
    } else {
      b.push(ast::expr::AllPosts{}, b.span(in));
    }
  }
};
template <>
struct action<g::named_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::Named{b.name, ast::expr::Named::Target::unresolved, ast::unresolved},
           b.span(in));
  }
};
template <>
struct action<g::not_expr> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.push(ast::expr::Not{b.pop()}, b.span(in));
  }
};
template <>
struct action<g::and_tail> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    ast::ExprId rhs = b.pop(), lhs = b.pop();
    b.push(ast::expr::And{lhs, rhs}, b.program.exprs[lhs].where);
  }
};
template <>
struct action<g::or_tail> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    ast::ExprId rhs = b.pop(), lhs = b.pop();
    b.push(ast::expr::Or{lhs, rhs}, b.program.exprs[lhs].where);
  }
};

// ---- file-level statements ----
template <>
struct action<g::use_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.program.uses.push_back(ast::UseDecl{b.text, b.span(in)});
  }
};
template <>
struct action<g::authority_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.program.authorities.push_back(
        ast::AuthorityDecl{b.text, b.span(in), std::exchange(b.kind_word, std::nullopt),
                           std::exchange(b.jurisdiction_word, std::nullopt)});
  }
};
template <>
struct action<g::authority_kind_name> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.kind_word = b.name;
  }
};
template <>
struct action<g::body_kind_name> : action<g::authority_kind_name> {};
template <>
struct action<g::jurisdiction_name> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.jurisdiction_word = b.name;
  }
};
template <>
struct action<g::guard_kind> : action<g::role_name> {};
template <>
struct action<g::authority_guard> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.guard = ast::AuthorityGuard{b.take_names(), b.span(in)};
  }
};
template <>
struct action<g::holders_marker> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.import_kind = ast::ImportKind::holders;
  }
};
template <>
struct action<g::import_path> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.import_path = b.text;
  }
};
template <>
struct action<g::column_choice> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.columns.push_back(ast::ColumnChoice{b.name, b.text});
  }
};
template <>
struct action<g::import_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    const ast::ImportKind kind = std::exchange(b.import_kind, ast::ImportKind::structure);
    b.program.imports.push_back(
        ast::ImportDecl{kind, b.import_path, b.span(in), std::exchange(b.columns, {})});
  }
};
template <>
struct action<g::designations_marker> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.import_kind = ast::ImportKind::designations;
  }
};
template <>
struct action<g::designated_post> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.edit_post = b.name;
  }
};
// One DesignateDecl per name listed, each at its name.
template <ast::VocabularyKind Kind>
struct add_designations {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    for (const ast::Name& n : b.take_names()) {
      b.program.designates.push_back(ast::DesignateDecl{b.edit_post, n, Kind, b.span(in)});
    }
  }
};
template <>
struct action<g::designate_stmt> : add_designations<ast::VocabularyKind::designation> {};
template <>
struct action<g::give_stmt> : add_designations<ast::VocabularyKind::duty> {};
template <>
struct action<g::body_id> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.id = b.name;
  }
};
template <>
struct action<g::body_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.program.bodies.push_back(
        ast::BodyDecl{b.id, b.text, b.span(in), std::exchange(b.kind_word, std::nullopt)});
  }
};
template <>
struct action<g::vocab_kind> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    std::string_view k = in.string_view();
    b.vocab_kind = k == "duty"          ? ast::VocabularyKind::duty
                   : k == "designation" ? ast::VocabularyKind::designation
                                        : ast::VocabularyKind::qualification;
  }
};
template <>
struct action<g::vocab_id> : action<g::body_id> {};
template <>
struct action<g::vocab_label> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.label = b.text;
    b.has_label = true;
  }
};
template <>
struct action<g::vocab_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    ast::Text label = std::exchange(b.has_label, false) ? b.label : ast::Text{};
    b.program.vocabulary.push_back(
        ast::VocabularyDecl{b.vocab_kind, b.id, label, b.take_cites(), b.span(in)});
  }
};

// ---- posts ----
template <>
struct action<g::post_id> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.start_post();
  }
};
template <>
struct action<g::post_title> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.post.title = b.text.text;
  }
};
template <>
struct action<g::service_item> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.service = b.text.text;
  }
};
template <>
struct action<g::directorate_item> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.directorate = b.text.text;
  }
};
template <>
struct action<g::line_target> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.line = ast::LineDecl{b.name, ast::LineKind::reports, false, std::nullopt};
  }
};
template <>
struct action<g::line_share> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.line.basis_points = b.basis_points;
  }
};
template <>
struct action<g::line_entry> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.lines.push_back(b.line);
  }
};
template <ast::LineKind Kind>
struct add_lines {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    for (ast::LineDecl& l : b.lines) {
      if (Kind == ast::LineKind::dotted && l.basis_points) {
        throw pegtl::parse_error("a dotted line carries no duties, so it takes no share", in);
      }
      l.kind = Kind;
      b.program.post_lines.push_back(l);
    }
    b.lines.clear();
  }
};
template <>
struct action<g::reports_item> : add_lines<ast::LineKind::reports> {};
template <>
struct action<g::accountable_item> : add_lines<ast::LineKind::accountable> {};
template <>
struct action<g::dotted_item> : add_lines<ast::LineKind::dotted> {};
template <>
struct action<g::designated_item> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    for (ast::Name& n : b.take_names()) b.program.post_designations.push_back(n);
  }
};
template <>
struct action<g::duties_item> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    for (ast::Name& n : b.take_names()) b.program.post_duties.push_back(n);
  }
};
template <>
struct action<g::vacant_item> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.post.vacant = true;
  }
};
template <>
struct action<g::holding_kind> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.holding =
        in.string_view() == "interim" ? ast::HoldingKind::interim : ast::HoldingKind::acting;
  }
};
template <>
struct action<g::holder_item> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.program.post_holders.push_back(
        ast::Holding{b.name, std::exchange(b.holding, ast::HoldingKind::substantive)});
  }
};
template <>
struct action<g::post_stmt> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.finish_post();
    b.program.posts.push_back(b.post);
  }
};

// ---- people ----
template <>
struct action<g::person_id> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.person = ast::PersonDecl{};
    b.person.id = b.name;
    b.person_name = {};
    b.person_holds_begin = b.program.person_holds.size();
    b.person_qualifications_begin = b.program.person_qualifications.size();
  }
};
template <>
struct action<g::person_name> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.person_name = b.text.text;
  }
};
template <>
struct action<g::held_post> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.program.person_holds.push_back(
        ast::Holding{b.name, std::exchange(b.holding, ast::HoldingKind::substantive)});
  }
};
template <>
struct action<g::qualified_item> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    for (ast::Name& n : b.take_names()) b.program.person_qualifications.push_back(n);
  }
};
template <>
struct action<g::person_stmt> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.person.holds = ast::Program::since(b.program.person_holds, b.person_holds_begin);
    // A declared person always has an entry: its name is the one written, even an empty one.
    ast::PersonExtras& extras = b.program.writable_extras(b.person);
    extras.name = b.person_name;
    extras.qualifications =
        ast::Program::since(b.program.person_qualifications, b.person_qualifications_begin);
    b.program.people.push_back(std::move(b.person));
  }
};

// ---- lets, categories, precedence ----
template <>
struct action<g::let_name> : action<g::body_id> {};
template <>
struct action<g::let_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.program.lets.push_back(ast::LetDecl{b.id, b.pop(), b.span(in)});
  }
};
template <>
struct action<g::category_id> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (b.number == 0) throw pegtl::parse_error("category numbers start at 1", in);
    b.category_number = static_cast<std::uint32_t>(b.number);
  }
};
template <>
struct action<g::category_label> : action<g::vocab_label> {};
template <>
struct action<g::category_when> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.when = b.pop();
  }
};
template <>
struct action<g::designation_cite> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.cite_designation = b.span(in);
  }
};
template <>
struct action<g::override_marker> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.is_override = true;
  }
};
template <>
struct action<g::category_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.has_label = false;
    b.program.categories.push_back(ast::CategoryDecl{
        b.category_number, b.label, b.when, b.take_cites(), std::exchange(b.is_override, false),
        b.span(in), std::exchange(b.cite_designation, std::nullopt)});
  }
};
template <>
struct action<g::override_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.program.categories.back().where = b.span(in);
  }
};
template <>
struct action<g::precedence_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.program.precedences.push_back(ast::PrecedenceDecl{
        std::exchange(b.numbers, {}), std::exchange(b.number_spans, {}), b.span(in)});
  }
};

// ---- incompatibilities and rules ----
template <>
struct action<g::first_role> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.first = b.name;
  }
};
template <>
struct action<g::second_role> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.second = b.name;
  }
};
template <>
struct action<g::unless_clause> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.unless = b.take_names().back();
  }
};
template <>
struct action<g::incompatible_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    ast::IncompatibleDecl d;
    d.first = b.first;
    d.second = b.second;
    d.unless_qualified = std::exchange(b.unless, std::nullopt);
    d.cites = b.take_cites();
    d.where = b.span(in);
    d.guard = std::exchange(b.guard, std::nullopt);
    b.program.incompatibilities.push_back(std::move(d));
    b.last_rule = ast::RuleRef{ast::RuleKind::incompatibility,
                               static_cast<std::uint32_t>(b.program.incompatibilities.size() - 1)};
  }
};
template <>
struct action<g::rule_name> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.label = b.text;
  }
};
template <>
struct action<g::count_set> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.set = b.pop();
  }
};
template <>
struct action<g::compare_op> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    std::string_view op = in.string_view();
    using C = ast::Compare;
    b.compare = op == "="    ? C::eq
                : op == "!=" ? C::ne
                : op == "<"  ? C::lt
                : op == "<=" ? C::le
                : op == ">"  ? C::gt
                             : C::ge;
  }
};
template <>
struct action<g::count_condition> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.condition = ast::condition::Count{b.set, b.compare, b.number};
  }
};
template <>
struct action<g::quantifier> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    std::string_view q = in.string_view();
    b.quantifier = q == "every"  ? ast::Quantifier::every
                   : q == "some" ? ast::Quantifier::some
                                 : ast::Quantifier::no;
  }
};
template <>
struct action<g::quantified_subject> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.subject = b.pop();
  }
};
template <>
struct action<g::quantified_predicate> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.predicate = b.pop();
  }
};
template <>
struct action<g::quantified_condition> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.condition = ast::condition::Quantified{b.quantifier, b.subject, b.predicate};
  }
};
template <>
struct action<g::forbidden_set> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.condition = ast::condition::Empty{b.pop()};
  }
};
template <bool Forbid>
struct add_rule {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    ast::RuleDecl d;
    d.forbid = Forbid;
    d.name = b.label;
    d.condition = b.condition;
    d.cites = b.take_cites();
    d.where = b.span(in);
    d.guard = std::exchange(b.guard, std::nullopt);
    b.program.rules.push_back(std::move(d));
    b.last_rule =
        ast::RuleRef{ast::RuleKind::rule, static_cast<std::uint32_t>(b.program.rules.size() - 1)};
  }
};
template <>
struct action<g::require_stmt> : add_rule<false> {};
template <>
struct action<g::forbid_stmt> : add_rule<true> {};

// ---- exemptions, directions and adapted rules ----

// Whether YYYY-MM-DD (as date_value matched it) is a day of the Gregorian calendar.
bool is_date(std::string_view text) {
  auto number = [&](std::size_t at, std::size_t length) {
    unsigned value = 0;
    for (char c : text.substr(at, length)) value = value * 10 + static_cast<unsigned>(c - '0');
    return value;
  };
  const unsigned year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

template <>
struct action<g::date_value> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (!is_date(in.string_view())) {
      throw pegtl::parse_error("'" + std::string(in.string_view()) +
                                   "' is not a date: write YYYY-MM-DD, e.g. 2025-03-01",
                               in);
    }
    b.date = ast::Text{in.string_view(), b.span(in)};
  }
};
template <>
struct action<g::decided_by> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.decided_by = b.text;
  }
};
template <>
struct action<g::decision_post> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.edit_post = b.name;
  }
};
template <bool Direction>
struct add_exemption {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.program.exemptions.push_back(ast::ExemptionDecl{Direction, b.edit_post, b.date, b.decided_by,
                                                      b.take_cites(), b.span(in)});
  }
};
template <>
struct action<g::exempt_stmt> : add_exemption<false> {};
template <>
struct action<g::include_stmt> : add_exemption<true> {};
template <>
struct action<g::adapted_rule> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.adapted_rule = ast::Text{b.text.text, b.span(in)};  // at the opening quote
  }
};
template <>
struct action<g::adaptation_reason> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.reason = b.text;
  }
};
template <>
struct action<g::set_aside_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.program.adaptations.push_back(
        ast::AdaptationDecl{b.adapted_rule, b.reason, std::nullopt, b.span(in)});
  }
};
// The replacing rule's own action has run (and set last_rule) by the time this one does; the
// adapted rule's name and reason were read before it and are not touched by it.
template <>
struct action<g::replace_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.program.adaptations.push_back(ast::AdaptationDecl{
        b.adapted_rule, b.reason, std::exchange(b.last_rule, std::nullopt), b.span(in)});
  }
};

// ---- scenarios ----
template <>
struct action<g::scenario_name> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.scenario = ast::ScenarioDecl{};
    b.scenario.name = b.text;
  }
};
template <>
struct action<g::edit_post> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.edit_post = b.name;
  }
};
template <>
struct action<g::edit_role> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.edit_role = b.name;
  }
};
template <>
struct action<g::edit_person> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.edit_person = b.name;
  }
};
template <>
struct action<g::move_edit> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    for (ast::LineDecl& l : b.lines) l.kind = ast::LineKind::reports;
    b.scenario.edits.push_back(
        ast::Edit{ast::edit::Move{b.edit_post, std::exchange(b.lines, {})}, b.span(in)});
  }
};
template <>
struct action<g::remove_edit> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.scenario.edits.push_back(ast::Edit{ast::edit::RemovePost{b.edit_post}, b.span(in)});
  }
};
template <>
struct action<g::added_post> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.finish_post();
  }
};
template <>
struct action<g::add_edit> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.scenario.edits.push_back(ast::Edit{ast::edit::AddPost{std::move(b.post)}, b.span(in)});
  }
};
template <>
struct action<g::designate_edit> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.scenario.edits.push_back(
        ast::Edit{ast::edit::Designate{b.edit_post, b.edit_role}, b.span(in)});
  }
};
template <>
struct action<g::undesignate_edit> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.scenario.edits.push_back(
        ast::Edit{ast::edit::Undesignate{b.edit_post, b.edit_role}, b.span(in)});
  }
};
template <>
struct action<g::assign_edit> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.scenario.edits.push_back(
        ast::Edit{ast::edit::Assign{b.edit_person, b.edit_post,
                                    std::exchange(b.holding, ast::HoldingKind::substantive)},
                  b.span(in)});
  }
};
template <>
struct action<g::scenario_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.scenario.where = b.span(in);
    b.program.scenarios.push_back(std::move(b.scenario));
  }
};

// ---- tests ----
template <>
struct action<g::test_name> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.test = ast::TestDecl{};
    b.test.name = b.text;
  }
};
template <>
struct action<g::expected_post> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.edit_post = b.name;
    b.number = 0;
  }
};
template <>
struct action<g::expected_category> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (b.number == 0) throw pegtl::parse_error("category numbers start at 1", in);
    b.expected_number_where = b.span(in);
  }
};
template <ast::expectation::Claim Claim>
struct set_claim {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.claim = Claim;
  }
};
template <>
struct action<g::in_category> : set_claim<ast::expectation::Claim::listed_in> {};
template <>
struct action<g::in_no_category> : set_claim<ast::expectation::Claim::listed_nowhere> {};
template <>
struct action<g::post_not_in> : set_claim<ast::expectation::Claim::not_listed_in> {};
template <>
struct action<g::post_meets> : set_claim<ast::expectation::Claim::meets> {};
template <>
struct action<g::post_expectation> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    const bool numbered = b.claim != ast::expectation::Claim::listed_nowhere;
    b.expected = ast::expectation::PostCategory{b.edit_post, b.claim,
                                                numbered ? static_cast<std::uint32_t>(b.number) : 0,
                                                numbered ? b.expected_number_where : SourceSpan{}};
  }
};
template <>
struct action<g::breach_rule_name> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.breach_rule = b.text;
  }
};
template <>
struct action<g::expect_no> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.expected = ast::expectation::NoBreach{std::exchange(b.breach_rule, std::nullopt)};
  }
};
template <>
struct action<g::expect_breach> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.expected = ast::expectation::Breach{*std::exchange(b.breach_rule, std::nullopt)};
  }
};
template <>
struct action<g::list_path> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.expected = ast::expectation::List{b.text};
  }
};
template <>
struct action<g::given_scenario> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.given = b.text;
  }
};
template <>
struct action<g::expectation> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.test.expectations.push_back(
        ast::Expectation{b.expected, std::exchange(b.given, std::nullopt), b.span(in)});
  }
};
template <>
struct action<g::test_stmt> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.test.where = b.span(in);
    b.program.tests.push_back(std::move(b.test));
  }
};

// must_if turns a failed must<> into the rule's message; the depth guard on `primary` bounds
// recursion through parentheses, `not` and `reports … to` operands.
template <typename Rule>
struct control : pegtl::must_if<g::errors>::control<Rule> {};

template <>
struct control<g::primary> : pegtl::must_if<g::errors>::control<g::primary> {
  template <typename Input>
  static void start(const Input& in, Builder& b) {
    if (++b.depth > b.limits.max_expression_nesting) {
      throw pegtl::parse_error("expression nested too deeply (more than " +
                                   std::to_string(b.limits.max_expression_nesting) +
                                   " levels of parentheses, 'not' or 'reports … to'); "
                                   "name a part of it with 'let'",
                               in);
    }
  }
  template <typename Input>
  static void success(const Input&, Builder& b) {
    --b.depth;
  }
  template <typename Input>
  static void failure(const Input&, Builder& b) {
    --b.depth;
  }
};

// ---- recovery after a syntax error ----

bool is_line_start(std::string_view text, std::size_t at) {
  return at == 0 || text[at - 1] == '\n';
}

// Whether the line starting at `line` has a statement keyword as its first word, and where.
std::optional<std::size_t> statement_start(std::string_view text, std::size_t line) {
  std::size_t word = line;
  while (word < text.size() && (text[word] == ' ' || text[word] == '\t')) ++word;
  pegtl::memory_input<> in(text.data() + word, text.data() + text.size(), "");
  if (!pegtl::parse<g::statement_keyword>(in)) return std::nullopt;
  return word;
}

// Where parsing goes on after a syntax error at `error`, in a parse that started at `from`: the
// start of the next line that begins a statement, outside any `{ … }` the broken statement
// opened, so that the rest of a broken post or scenario block is not read as statements (a
// `duty` item in a post, `category 1` in a rule). A keyword at the start of a line (column 1)
// counts even inside a brace: the block was most likely never closed. Always past `from`, so
// recovery cannot loop; nothing when the file has no statement left.
std::optional<std::size_t> resume_point(std::string_view text, std::size_t from,
                                        std::size_t error) {
  // The parser stopped at a keyword that begins a line: the statement before it was cut short
  // (a missing '}'), and this one is whole.
  if (error > from && error < text.size() && is_line_start(text, error) &&
      statement_start(text, error) == error) {
    return error;
  }
  // Braces are counted from `from`: the statements parsed before the broken one are balanced.
  // Braces in strings, ids in quotes and comments do not count; all end at the end of their
  // line.
  long depth = 0;
  bool in_string = false, in_comment = false;
  char quote = '"';
  for (std::size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      in_string = in_comment = false;
      if (i < error) continue;
      const std::size_t line = i + 1;
      if (auto word = statement_start(text, line); word && (depth <= 0 || *word == line)) {
        return line;
      }
    } else if (in_comment) {
      continue;  // nothing in a comment counts
    } else if (in_string) {
      if (c == '\\') {
        if (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      } else if (c == quote) {
        in_string = false;
      }
    } else if (c == '"' || c == '\'') {
      in_string = true;  // a string, or an id in single quotes
      quote = c;
    } else if (c == '#') {
      in_comment = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string id_as_written(std::string_view id) {
  pegtl::memory_input<> in(id.data(), id.data() + id.size(), "");
  if (!id.empty() &&
      pegtl::parse<pegtl::seq<pegtl::not_at<g::reserved>, g::unquoted_id, pegtl::eof>>(in)) {
    return std::string(id);
  }
  std::string out = "'";
  for (char c : id) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out += '\'';
}

bool parse_policy(SourceSet& sources, FileId file, ast::Program& program, Diagnostics& diags,
                  const Limits& limits) {
  if (!check_text(sources, file, diags)) return false;
  const SourceFile& f = sources.file(file);
  // A UTF-8 byte order mark is skipped before parsing, and columns on the first line count from
  // the first visible character; offsets are shifted back when spans are made.
  const std::size_t bom = std::string_view(f.text).starts_with("\xEF\xBB\xBF") ? 3 : 0;
  sources.set_unshown_prefix(file, static_cast<std::uint8_t>(bom));
  const std::string_view text = std::string_view(f.text).substr(bom);
  Builder builder(sources, file, program, limits);
  builder.offset_shift = static_cast<std::uint32_t>(bom);
  // Each syntax error is reported, then parsing starts again at the next statement, so that one
  // run lists every broken statement of the file. Past the cap the errors are only counted.
  std::size_t from = 0, line = 1;
  std::size_t errors = 0;
  std::optional<std::uint32_t> last;  // where the last error was
  while (true) {
    pegtl::memory_input<> in(text.data() + from, text.data() + text.size(), f.name, from, line, 1);
    try {
      pegtl::parse<g::file, action, control>(in, builder);
      break;
    } catch (const pegtl::parse_error& e) {
      const auto& positions = e.positions();
      if (positions.empty() || positions.front().line == 0) {
        diags.error(SourceSpan{file, 0}, std::string(e.message()));
        ++errors;
        break;
      }
      const auto& p = positions.front();
      const SourceSpan at{file, static_cast<std::uint32_t>(p.byte + bom)};
      if (at.offset != last) {
        if (errors < limits.max_errors_per_file) {
          diags.error(at, std::string(e.message()));
        }
        ++errors;
        last = at.offset;
      }
      builder.forget_pieces();
      const auto next = resume_point(text, from, p.byte);
      if (!next) break;
      line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(from),
                                                  text.begin() + static_cast<std::ptrdiff_t>(*next),
                                                  '\n'));
      from = *next;
    }
  }
  if (errors > limits.max_errors_per_file) {
    diags.add_unshown(file, errors - limits.max_errors_per_file);
  }
  return errors == 0;
}

}  // namespace remit
