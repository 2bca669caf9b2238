// The PEG grammar of the remit policy language (PEGTL 3). One struct per rule; `must<>` (via
// if_must / list_must) follows each keyword so that a failure is reported where the user's
// text goes wrong, with the message from errors.hpp. docs/language.md describes the language.
#pragma once

#include <tao/pegtl.hpp>

namespace remit::grammar {

namespace pegtl = tao::pegtl;
using namespace tao::pegtl;

// ---- spacing -------------------------------------------------------------------------------
struct line_comment : seq<one<'#'>, until<eolf>> {};
struct blank : sor<plus<one<' ', '\t', '\r', '\n'>>, line_comment> {};
struct sep : star<blank> {};

// ---- tokens --------------------------------------------------------------------------------
struct ident_first : ranges<'a', 'z', 'A', 'Z', '_'> {};
struct ident_other : ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
// A name: a letter or underscore first.
struct identifier : seq<ident_first, star<ident_other>> {};

// The id of a post, body or person, as HR systems write them (`E-1042`, `HR/12`, `007`,
// `cnes-ce`): letters, digits, `_`, `-`, `/` and `.`, starting with a letter, a digit or `_`.
// A `.` belongs to the id only when more of the id follows, so a full stop after an id is not
// part of it. Any other id is written in single quotes (`quoted_id`).
struct id_start : ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
struct id_char
    : sor<id_start, one<'-', '/'>, seq<plus<one<'.'>>, at<sor<id_start, one<'-', '/'>>>>> {};
struct unquoted_id : seq<id_start, star<id_char>> {};
// 'HR 12', with \' and \\ escapes; no line breaks inside.
struct id_escaped : seq<one<'\\'>, one<'\'', '\\'>> {};
struct id_quoted_char : sor<id_escaped, not_one<'\'', '\\', '\n', '\r'>> {};
struct id_quoted_text : star<id_quoted_char> {};
struct closing_id_quote : one<'\''> {};
struct quoted_id : if_must<one<'\''>, id_quoted_text, closing_id_quote> {};
struct reference : sor<quoted_id, unquoted_id> {};

// A keyword, as a whole word: `to` but not the start of `too`, nor of the id `to-do` or
// `no.5`. It is looked at first (at<>), so that when it fails nothing is consumed and the error
// points at the word's first letter, not after the part that matched.
template <typename Keyword>
struct whole : seq<at<Keyword, not_at<id_char>>, Keyword> {};

struct kw_use : whole<TAO_PEGTL_KEYWORD("use")> {};
struct kw_authority : whole<TAO_PEGTL_KEYWORD("authority")> {};
struct kw_import : whole<TAO_PEGTL_KEYWORD("import")> {};
struct kw_holders : whole<TAO_PEGTL_KEYWORD("holders")> {};
struct kw_designations : whole<TAO_PEGTL_KEYWORD("designations")> {};
struct kw_give : whole<TAO_PEGTL_KEYWORD("give")> {};
struct kw_body : whole<TAO_PEGTL_KEYWORD("body")> {};
struct kw_designation : whole<TAO_PEGTL_KEYWORD("designation")> {};
struct kw_duty : whole<TAO_PEGTL_KEYWORD("duty")> {};
struct kw_duties : whole<TAO_PEGTL_KEYWORD("duties")> {};
struct kw_qualification : whole<TAO_PEGTL_KEYWORD("qualification")> {};
struct kw_post : whole<TAO_PEGTL_KEYWORD("post")> {};
struct kw_person : whole<TAO_PEGTL_KEYWORD("person")> {};
struct kw_service : whole<TAO_PEGTL_KEYWORD("service")> {};
struct kw_directorate : whole<TAO_PEGTL_KEYWORD("directorate")> {};
struct kw_reports : whole<TAO_PEGTL_KEYWORD("reports")> {};
struct kw_accountable : whole<TAO_PEGTL_KEYWORD("accountable")> {};
struct kw_dotted : whole<TAO_PEGTL_KEYWORD("dotted")> {};
struct kw_to : whole<TAO_PEGTL_KEYWORD("to")> {};
struct kw_directly : whole<TAO_PEGTL_KEYWORD("directly")> {};
struct kw_within : whole<TAO_PEGTL_KEYWORD("within")> {};
struct kw_of : whole<TAO_PEGTL_KEYWORD("of")> {};
struct kw_designated : whole<TAO_PEGTL_KEYWORD("designated")> {};
struct kw_vacant : whole<TAO_PEGTL_KEYWORD("vacant")> {};
struct kw_holder : whole<TAO_PEGTL_KEYWORD("holder")> {};
struct kw_holds : whole<TAO_PEGTL_KEYWORD("holds")> {};
struct kw_interim : whole<TAO_PEGTL_KEYWORD("interim")> {};
struct kw_acting : whole<TAO_PEGTL_KEYWORD("acting")> {};
struct kw_qualified : whole<TAO_PEGTL_KEYWORD("qualified")> {};
struct kw_let : whole<TAO_PEGTL_KEYWORD("let")> {};
struct kw_category : whole<TAO_PEGTL_KEYWORD("category")> {};
struct kw_override : whole<TAO_PEGTL_KEYWORD("override")> {};
struct kw_when : whole<TAO_PEGTL_KEYWORD("when")> {};
struct kw_cite : whole<TAO_PEGTL_KEYWORD("cite")> {};
struct kw_precedence : whole<TAO_PEGTL_KEYWORD("precedence")> {};
struct kw_incompatible : whole<TAO_PEGTL_KEYWORD("incompatible")> {};
struct kw_with : whole<TAO_PEGTL_KEYWORD("with")> {};
struct kw_unless : whole<TAO_PEGTL_KEYWORD("unless")> {};
struct kw_require : whole<TAO_PEGTL_KEYWORD("require")> {};
struct kw_forbid : whole<TAO_PEGTL_KEYWORD("forbid")> {};
struct kw_count : whole<TAO_PEGTL_KEYWORD("count")> {};
struct kw_every : whole<TAO_PEGTL_KEYWORD("every")> {};
struct kw_some : whole<TAO_PEGTL_KEYWORD("some")> {};
struct kw_no : whole<TAO_PEGTL_KEYWORD("no")> {};
struct kw_is : whole<TAO_PEGTL_KEYWORD("is")> {};
struct kw_and : whole<TAO_PEGTL_KEYWORD("and")> {};
struct kw_or : whole<TAO_PEGTL_KEYWORD("or")> {};
struct kw_not : whole<TAO_PEGTL_KEYWORD("not")> {};
struct kw_manages : whole<TAO_PEGTL_KEYWORD("manages")> {};
struct kw_in : whole<TAO_PEGTL_KEYWORD("in")> {};
struct kw_title : whole<TAO_PEGTL_KEYWORD("title")> {};
struct kw_contains : whole<TAO_PEGTL_KEYWORD("contains")> {};
struct kw_has : whole<TAO_PEGTL_KEYWORD("has")> {};
struct kw_any : whole<TAO_PEGTL_KEYWORD("any")> {};
struct kw_scenario : whole<TAO_PEGTL_KEYWORD("scenario")> {};
struct kw_move : whole<TAO_PEGTL_KEYWORD("move")> {};
struct kw_remove : whole<TAO_PEGTL_KEYWORD("remove")> {};
struct kw_add : whole<TAO_PEGTL_KEYWORD("add")> {};
struct kw_designate : whole<TAO_PEGTL_KEYWORD("designate")> {};
struct kw_undesignate : whole<TAO_PEGTL_KEYWORD("undesignate")> {};
struct kw_as : whole<TAO_PEGTL_KEYWORD("as")> {};
struct kw_assign : whole<TAO_PEGTL_KEYWORD("assign")> {};
struct kw_report : whole<TAO_PEGTL_KEYWORD("report")> {};
struct kw_exempt : whole<TAO_PEGTL_KEYWORD("exempt")> {};
struct kw_granted : whole<TAO_PEGTL_KEYWORD("granted")> {};
struct kw_include : whole<TAO_PEGTL_KEYWORD("include")> {};
struct kw_directed : whole<TAO_PEGTL_KEYWORD("directed")> {};
struct kw_by : whole<TAO_PEGTL_KEYWORD("by")> {};
struct kw_set : whole<TAO_PEGTL_KEYWORD("set")> {};
struct kw_aside : whole<TAO_PEGTL_KEYWORD("aside")> {};
struct kw_rule : whole<TAO_PEGTL_KEYWORD("rule")> {};
struct kw_because : whole<TAO_PEGTL_KEYWORD("because")> {};
struct kw_replace : whole<TAO_PEGTL_KEYWORD("replace")> {};
struct kw_kind : whole<TAO_PEGTL_KEYWORD("kind")> {};
struct kw_jurisdiction : whole<TAO_PEGTL_KEYWORD("jurisdiction")> {};
struct kw_where : whole<TAO_PEGTL_KEYWORD("where")> {};
struct kw_responsible : whole<TAO_PEGTL_KEYWORD("responsible")> {};

// Words that start or join expressions cannot be used as names inside an expression. Each is
// a whole word (see `whole`), so it keeps out `no` but not `no-show` or `in-house`.
struct reserved : sor<kw_and, kw_or, kw_not, kw_designated, kw_duty, kw_category, kw_reports,
                      kw_manages, kw_in, kw_title, kw_vacant, kw_has, kw_any, kw_every, kw_some,
                      kw_no, kw_count, kw_is, kw_cite, kw_when, kw_responsible> {};

// "…" with \" and \\ escapes; no line breaks inside.
struct escaped : seq<one<'\\'>, one<'"', '\\'>> {};
struct string_char : sor<escaped, not_one<'"', '\\', '\n', '\r'>> {};
struct string_content : star<string_char> {};
struct closing_quote : one<'"'> {};
struct string_lit : if_must<one<'"'>, string_content, closing_quote> {};

struct number : plus<digit> {};
struct percent : seq<plus<digit>, opt<one<'.'>, plus<digit>>, star<one<' ', '\t'>>, one<'%'>> {};
struct comma : seq<sep, one<','>, sep> {};

// ---- set expressions -----------------------------------------------------------------------
struct expression;
struct primary;

// Distinct names for the places where an operand is required, so each has its own message.
struct set_operand : seq<primary> {};
struct role_name : seq<identifier> {};
struct duty_name : seq<identifier> {};
struct category_number : seq<number> {};
struct level_count : seq<number> {};
struct text_operand : seq<string_lit> {};
struct closing_paren : one<')'> {};

struct role_list : list_must<role_name, comma> {};
struct duty_list : list_must<duty_name, comma> {};
struct category_list : list_must<category_number, comma> {};
struct designated_expr : if_must<kw_designated, sep, role_list> {};
struct duty_expr : if_must<kw_duty, sep, duty_list> {};
struct category_expr : if_must<kw_category, sep, category_list> {};
struct reports_directly : if_must<kw_directly, sep, kw_to, sep, set_operand> {};
struct reports_within : if_must<kw_within, sep, level_count, sep, kw_of, sep, set_operand> {};
struct reports_below : if_must<kw_to, sep, set_operand> {};
struct reports_form : sor<reports_directly, reports_within, reports_below> {};
struct reports_expr : if_must<kw_reports, sep, reports_form> {};
struct manages_expr : if_must<kw_manages, sep, set_operand> {};
struct in_field : sor<kw_directorate, kw_service> {};
struct in_expr : if_must<kw_in, sep, in_field, sep, text_operand> {};
struct title_expr : if_must<kw_title, sep, kw_contains, sep, text_operand> {};
struct vacant_expr : kw_vacant {};
struct has_holder_expr : if_must<kw_has, sep, kw_holder> {};
struct any_kind : sor<kw_body, kw_post> {};
struct any_expr : if_must<kw_any, sep, any_kind> {};
// `body kind joint_committee, company`: only after both words, so a post called `body` can
// still be named.
struct body_kind_item : seq<identifier> {};
struct body_kind_list : list_must<body_kind_item, comma> {};
struct body_kind_expr : if_must<seq<kw_body, sep, kw_kind>, sep, body_kind_list> {};
// `responsible to S`: s.2(7)(a), any line carrying duties directly to S, whatever its share.
struct responsible_expr : if_must<kw_responsible, sep, kw_to, sep, set_operand> {};
struct named_expr : seq<not_at<reserved>, reference> {};
struct paren_expr : if_must<one<'('>, sep, expression, sep, closing_paren> {};

struct primary : sor<paren_expr, designated_expr, duty_expr, category_expr, reports_expr,
                     manages_expr, in_expr, title_expr, vacant_expr, has_holder_expr, any_expr,
                     body_kind_expr, responsible_expr, named_expr> {};

struct not_expr : if_must<kw_not, sep, set_operand> {};
struct unary : sor<not_expr, primary> {};
struct and_operand : seq<unary> {};
struct and_tail : if_must<seq<sep, kw_and>, sep, and_operand> {};
struct and_expr : seq<unary, star<and_tail>> {};
struct or_operand : seq<and_expr> {};
struct or_tail : if_must<seq<sep, kw_or>, sep, or_operand> {};
struct expression : seq<and_expr, star<or_tail>> {};

// ---- statements ----------------------------------------------------------------------------
struct cite : if_must<kw_cite, sep, text_operand> {};
struct cites : star<cite, sep> {};

struct module_name : seq<string_lit> {};
struct use_stmt : if_must<kw_use, sep, module_name> {};
struct authority_name : seq<string_lit> {};
// authority "Name" [kind county_council] [jurisdiction wales]
struct authority_kind_name : seq<identifier> {};
struct authority_kind_clause : if_must<kw_kind, sep, authority_kind_name> {};
struct jurisdiction_name : seq<identifier> {};
struct jurisdiction_clause : if_must<kw_jurisdiction, sep, jurisdiction_name> {};
struct authority_stmt : if_must<kw_authority, sep, authority_name, opt<sep, authority_kind_clause>,
                                opt<sep, jurisdiction_clause>> {};
// `where authority is county_council, district_council`: a rule for these kinds only.
struct guard_kind : seq<identifier> {};
struct guard_kind_list : list_must<guard_kind, comma> {};
struct authority_guard : if_must<kw_where, sep, kw_authority, sep, kw_is, sep, guard_kind_list> {};
struct holders_marker : kw_holders {};
struct import_path : seq<string_lit> {};
// import "hr.csv" columns id = "Position Number", reports_to = "Reports To Position"
struct kw_columns : whole<TAO_PEGTL_KEYWORD("columns")> {};
struct column_field : seq<identifier> {};
struct column_equals : one<'='> {};
struct column_header : seq<string_lit> {};
struct column_choice : if_must<column_field, sep, column_equals, sep, column_header> {};
struct column_list : list_must<column_choice, comma> {};
struct import_columns : if_must<kw_columns, sep, column_list> {};
struct designations_marker : kw_designations {};
struct import_stmt : if_must<kw_import, sep, opt<sor<holders_marker, designations_marker>, sep>,
                             import_path, opt<sep, import_columns>> {};

// designate p as role[, role]   give p duty d[, d]: outside a scenario, a designation or duty of
// a post declared elsewhere (an imported one, most often).
struct designated_post : seq<reference> {};
struct designate_stmt : if_must<kw_designate, sep, designated_post, sep, kw_as, sep, role_list> {};
struct give_stmt : if_must<kw_give, sep, designated_post, sep, kw_duty, sep, duty_list> {};

struct body_id : seq<reference> {};
struct body_label : seq<string_lit> {};
struct body_kind_name : seq<identifier> {};
struct body_kind_clause : if_must<kw_kind, sep, body_kind_name> {};
struct body_stmt : if_must<kw_body, sep, body_id, sep, body_label, opt<sep, body_kind_clause>> {};

struct vocab_id : seq<identifier> {};
struct vocab_label : seq<string_lit> {};
struct vocab_kind : sor<kw_designation, kw_duty, kw_qualification> {};
struct vocab_stmt : if_must<vocab_kind, sep, vocab_id, sep, opt<vocab_label, sep>, cites> {};

// post id "Title" { items }
// Words of the language cannot be post ids: `post vacant` would make `vacant` ambiguous.
struct post_id : seq<not_at<reserved>, reference> {};
struct post_title : seq<string_lit> {};
struct service_item : if_must<kw_service, sep, text_operand> {};
struct directorate_item : if_must<kw_directorate, sep, text_operand> {};
struct line_target : seq<reference> {};
struct line_share : seq<percent> {};
struct line_entry : seq<line_target, opt<sep, line_share>> {};
struct line_list : list_must<line_entry, comma> {};
struct reports_item : if_must<kw_reports, sep, kw_to, sep, line_list> {};
struct accountable_item : if_must<kw_accountable, sep, kw_to, sep, line_list> {};
struct dotted_item : if_must<kw_dotted, sep, kw_to, sep, line_list> {};
struct designated_item : if_must<kw_designated, sep, role_list> {};
struct duties_item : if_must<sor<kw_duties, kw_duty>, sep, duty_list> {};
struct vacant_item : kw_vacant {};
struct holding_kind : sor<kw_interim, kw_acting> {};
struct person_ref : seq<reference> {};
struct holder_item : if_must<kw_holder, sep, opt<holding_kind, sep>, person_ref> {};
struct post_item : sor<service_item, directorate_item, reports_item, accountable_item, dotted_item,
                       designated_item, duties_item, vacant_item, holder_item> {};
struct closing_brace : one<'}'> {};
struct post_block : if_must<one<'{'>, sep, star<post_item, sep>, closing_brace> {};
struct person_close : one<'}'> {};
struct category_close : one<'}'> {};
struct rule_close : one<'}'> {};
struct post_stmt : if_must<kw_post, sep, post_id, sep, post_title, opt<sep, post_block>> {};

// person id "Name" { holds …  qualified … }
struct person_id : seq<reference> {};
struct person_name : seq<string_lit> {};
struct held_post : seq<opt<holding_kind, sep>, reference> {};
struct held_list : list_must<held_post, comma> {};
struct holds_item : if_must<kw_holds, sep, held_list> {};
struct qualification_name : seq<identifier> {};
struct qualification_list : list_must<qualification_name, comma> {};
struct qualified_item : if_must<kw_qualified, sep, qualification_list> {};
struct person_item : sor<holds_item, qualified_item> {};
struct person_block : if_must<one<'{'>, sep, star<person_item, sep>, person_close> {};
struct person_stmt : if_must<kw_person, sep, person_id, sep, person_name, opt<sep, person_block>> {
};

// let name = expression
struct let_name : seq<not_at<reserved>, identifier> {};
struct equals : one<'='> {};
struct let_value : seq<expression> {};
struct let_stmt : if_must<kw_let, sep, let_name, sep, equals, sep, let_value> {};

// [override] category N "Label" { when expression cite "…" }
struct category_label : seq<string_lit> {};
struct category_when : seq<expression> {};
// `cite designation`: the citations of the designation the post holds (ast::CategoryDecl).
struct designation_cite : seq<kw_cite, sep, kw_designation> {};
struct category_cites : star<sor<designation_cite, cite>, sep> {};
struct category_block
    : if_must<one<'{'>, sep, kw_when, sep, category_when, sep, category_cites, category_close> {};
struct category_id : seq<number> {};
struct category_stmt
    : if_must<kw_category, sep, category_id, sep, category_label, sep, category_block> {};
struct override_marker : kw_override {};
struct override_stmt : if_must<override_marker, sep, category_stmt> {};

struct precedence_list : list_must<category_number, comma> {};
struct precedence_stmt : if_must<kw_precedence, sep, precedence_list> {};

// incompatible a with b [unless qualified q] cite "…"
struct first_role : seq<identifier> {};
struct second_role : seq<identifier> {};
struct unless_clause : if_must<kw_unless, sep, kw_qualified, sep, qualification_name> {};
struct incompatible_stmt : if_must<kw_incompatible, sep, first_role, sep, kw_with, sep, second_role,
                                   sep, opt<unless_clause, sep>, opt<authority_guard, sep>, cites> {
};

// require "name" { condition cite "…" }    forbid "name" { expression cite "…" }
struct rule_name : seq<string_lit> {};
struct compare_op : sor<string<'<', '='>, string<'>', '='>, string<'!', '='>, one<'=', '<', '>'>> {
};
struct count_value : seq<number> {};
struct count_set : seq<expression> {};
struct count_condition : if_must<kw_count, sep, count_set, sep, compare_op, sep, count_value> {};
struct quantifier : sor<kw_every, kw_some, kw_no> {};
struct quantified_subject : seq<expression> {};
struct quantified_predicate : seq<expression> {};
struct quantified_condition
    : if_must<quantifier, sep, quantified_subject, sep, opt<kw_is, sep>, quantified_predicate> {};
struct condition : sor<count_condition, quantified_condition> {};
struct require_condition : seq<condition> {};
struct require_block : if_must<one<'{'>, sep, require_condition, sep, cites, rule_close> {};
struct require_stmt
    : if_must<kw_require, sep, rule_name, sep, opt<authority_guard, sep>, require_block> {};
struct forbidden_set : seq<expression> {};
struct forbid_block : if_must<one<'{'>, sep, forbidden_set, sep, cites, rule_close> {};
struct forbid_stmt
    : if_must<kw_forbid, sep, rule_name, sep, opt<authority_guard, sep>, forbid_block> {};

// exempt p granted 2025-03-01 by "Head of Paid Service" cite "LGHA 1989 s.3A"
// include p directed 2025-04-01 by "Head of Paid Service" cite "LGHA 1989 s.3A(4)"
struct date_value
    : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<id_char>> {};
struct decision_date : seq<date_value> {};
struct decided_by : seq<string_lit> {};
struct decision_by : if_must<kw_by, sep, decided_by> {};
struct decision_post : seq<reference> {};
struct exempt_stmt : if_must<kw_exempt, sep, decision_post, sep, kw_granted, sep, decision_date,
                             sep, decision_by, sep, cites> {};
struct include_stmt : if_must<kw_include, sep, decision_post, sep, kw_directed, sep, decision_date,
                              sep, decision_by, sep, cites> {};

// set aside rule "name" because "reason"
// replace rule "name" because "reason" with forbid "new name" { … }   (or require, incompatible)
struct adapted_rule : seq<string_lit> {};
struct adaptation_reason : seq<string_lit> {};
struct adaptation_head
    : if_must<kw_rule, sep, adapted_rule, sep, kw_because, sep, adaptation_reason> {};
struct set_aside_stmt : if_must<kw_set, sep, kw_aside, sep, adaptation_head> {};
struct replacement : sor<require_stmt, forbid_stmt, incompatible_stmt> {};
struct replacement_with : seq<kw_with> {};
struct replace_stmt
    : if_must<kw_replace, sep, adaptation_head, sep, replacement_with, sep, replacement> {};

// scenario "name" { move p to report to q   remove post p   add post p "T" { … }
//                   designate p as role   undesignate p as role   assign person to p }
struct edit_post : seq<reference> {};
struct edit_role : seq<identifier> {};
struct edit_person : seq<reference> {};
struct move_edit
    : if_must<kw_move, sep, edit_post, sep, kw_to, sep, kw_report, sep, kw_to, sep, line_list> {};
struct remove_edit : if_must<kw_remove, sep, kw_post, sep, edit_post> {};
struct added_post : if_must<kw_post, sep, post_id, sep, post_title, opt<sep, post_block>> {};
struct add_edit : if_must<kw_add, sep, added_post> {};
struct designate_edit : if_must<kw_designate, sep, edit_post, sep, kw_as, sep, edit_role> {};
struct undesignate_edit : if_must<kw_undesignate, sep, edit_post, sep, kw_as, sep, edit_role> {};
struct assign_edit
    : if_must<kw_assign, sep, opt<holding_kind, sep>, edit_person, sep, kw_to, sep, edit_post> {};
struct scenario_edit
    : sor<move_edit, remove_edit, add_edit, designate_edit, undesignate_edit, assign_edit> {};
struct scenario_name : seq<string_lit> {};
struct scenario_close : one<'}'> {};
struct scenario_block : if_must<one<'{'>, sep, star<scenario_edit, sep>, scenario_close> {};
struct scenario_stmt : if_must<kw_scenario, sep, scenario_name, sep, scenario_block> {};

// test "name" { expect dir_housing in category 4   given scenario "S" expect no breach … }
// (docs/testing.md). Expectations are read by `remit test` only; every other command parses
// them and passes over them.
struct kw_test : whole<TAO_PEGTL_KEYWORD("test")> {};
struct kw_expect : whole<TAO_PEGTL_KEYWORD("expect")> {};
struct kw_given : whole<TAO_PEGTL_KEYWORD("given")> {};
struct kw_breach : whole<TAO_PEGTL_KEYWORD("breach")> {};
struct kw_list : whole<TAO_PEGTL_KEYWORD("list")> {};
struct kw_meets : whole<TAO_PEGTL_KEYWORD("meets")> {};
// Words of their own where an expectation requires one, so that each has its own message.
struct expect_category_word : seq<kw_category> {};
struct expect_in_word : seq<kw_in> {};
struct expect_breach_word : seq<kw_breach> {};
struct expect_word : seq<kw_expect> {};
struct given_scenario_word : seq<kw_scenario> {};
struct expected_post : seq<not_at<reserved>, reference> {};
struct expected_category : seq<number> {};
struct in_no_category : if_must<kw_no, sep, expect_category_word> {};
struct in_category : if_must<kw_category, sep, expected_category> {};
struct in_what : sor<in_no_category, in_category> {};
struct post_in : if_must<kw_in, sep, in_what> {};
struct post_not_in
    : if_must<kw_not, sep, expect_in_word, sep, expect_category_word, sep, expected_category> {};
struct post_meets : if_must<kw_meets, sep, expect_category_word, sep, expected_category> {};
struct post_claim : sor<post_in, post_not_in, post_meets> {};
struct post_expectation : if_must<expected_post, sep, post_claim> {};
struct breach_rule_name : seq<string_lit> {};
struct expect_no : if_must<kw_no, sep, expect_breach_word, opt<sep, breach_rule_name>> {};
struct expect_breach : if_must<kw_breach, sep, breach_rule_name> {};
struct list_path : seq<string_lit> {};
struct expect_list : if_must<kw_list, sep, list_path> {};
struct expectation_claim : sor<expect_no, expect_breach, expect_list, post_expectation> {};
struct given_scenario : seq<string_lit> {};
struct given_expectation : if_must<kw_given, sep, given_scenario_word, sep, given_scenario, sep,
                                   expect_word, sep, expectation_claim> {};
struct plain_expectation : if_must<kw_expect, sep, expectation_claim> {};
struct expectation : sor<given_expectation, plain_expectation> {};
struct test_name : seq<string_lit> {};
struct test_close : one<'}'> {};
struct test_block : if_must<one<'{'>, sep, star<expectation, sep>, test_close> {};
struct test_stmt : if_must<kw_test, sep, test_name, sep, test_block> {};

struct statement
    : sor<scenario_stmt, use_stmt, authority_stmt, import_stmt, designate_stmt, give_stmt,
          body_stmt, vocab_stmt, post_stmt, person_stmt, let_stmt, override_stmt, category_stmt,
          precedence_stmt, incompatible_stmt, require_stmt, forbid_stmt, exempt_stmt, include_stmt,
          set_aside_stmt, replace_stmt, test_stmt> {};
// The words a statement can start with, as `statement` above tries them. After a syntax error
// the parser goes on at the next line that starts with one (parser.cpp, resume_point).
struct statement_keyword
    : sor<kw_scenario, kw_use, kw_authority, kw_import, kw_designate, kw_give, kw_body,
          kw_designation, kw_duty, kw_qualification, kw_post, kw_person, kw_let, kw_override,
          kw_category, kw_precedence, kw_incompatible, kw_require, kw_forbid, kw_exempt, kw_include,
          kw_set, kw_replace, kw_test> {};
struct end_of_file : eof {};
struct file : seq<sep, star<statement, sep>, must<end_of_file>> {};  // a BOM is skipped before

}  // namespace remit::grammar
