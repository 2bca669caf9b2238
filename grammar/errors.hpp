// What the user reads when the grammar cannot go on: one message per rule that must match.
// `must_if` static_asserts that every rule used under must<> has one, so no raw rule name can
// ever reach a user (PEGTL's json_errors example does the same).
#pragma once

#include "grammar/rules.hpp"

namespace remit::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define REMIT_ERROR(rule, text) \
  template <>                   \
  inline constexpr const char* error_message<rule> = text

REMIT_ERROR(sep, "expected a space or a comment");
REMIT_ERROR(string_content, "expected the text of a string");
REMIT_ERROR(closing_quote,
            "expected '\"' to close the string (strings end on the line they start)");
REMIT_ERROR(string_lit, "expected a quoted string");
REMIT_ERROR(id_quoted_text, "expected the id between the single quotes");
REMIT_ERROR(closing_id_quote,
            "expected ' to close the id in quotes (an id in quotes ends on the line it starts; "
            "inside it, write \\' for ' and \\\\ for \\)");
REMIT_ERROR(set_operand,
            "expected a set of posts: designated …, duty …, category …, reports …, manages …, "
            "in directorate \"…\", in service \"…\", title contains \"…\", vacant, has holder, "
            "any body, any post, a name from `let`, a post id, or ( … )");
REMIT_ERROR(role_list, "expected a designation name, e.g. head_of_paid_service");
REMIT_ERROR(role_name, "expected a designation name after ','");
REMIT_ERROR(duty_list, "expected a duty name, e.g. clerical");
REMIT_ERROR(duty_name, "expected a duty name after ','");
REMIT_ERROR(category_list, "expected a category number, e.g. 1");
REMIT_ERROR(category_number, "expected a category number");
REMIT_ERROR(precedence_list, "expected the category numbers in order of precedence, e.g. 1, 2, 5");
REMIT_ERROR(reports_form, "expected 'to', 'directly to' or 'within N of' after 'reports'");
REMIT_ERROR(kw_to, "expected 'to'");
REMIT_ERROR(kw_of, "expected 'of' after the number of levels, as in 'reports within 2 of ceo'");
REMIT_ERROR(level_count, "expected a number of levels, as in 'reports within 2 of ceo'");
REMIT_ERROR(in_field, "expected 'directorate' or 'service' after 'in'");
REMIT_ERROR(text_operand, "expected a quoted string");
REMIT_ERROR(kw_contains, "expected 'contains' after 'title', as in 'title contains \"Director\"'");
REMIT_ERROR(kw_holder, "expected 'holder' after 'has'");
REMIT_ERROR(any_kind, "expected 'body' or 'post' after 'any'");
REMIT_ERROR(expression, "expected a set expression");
REMIT_ERROR(closing_paren, "expected ')' to close the '(' (or 'and', 'or' to go on)");
REMIT_ERROR(and_operand, "expected a set of posts after 'and'");
REMIT_ERROR(or_operand, "expected a set of posts after 'or'");
REMIT_ERROR(module_name, "expected a module name in quotes, e.g. use \"uk/lgha1989\"");
REMIT_ERROR(authority_name, "expected the authority's name in quotes");
REMIT_ERROR(import_path, "expected a CSV file name in quotes, e.g. import \"structure.csv\"");
REMIT_ERROR(column_list,
            "expected a field and the header of its column, e.g. columns id = \"Position Number\"");
REMIT_ERROR(column_choice, "expected a field after ',', e.g. reports_to = \"Reports To Position\"");
REMIT_ERROR(column_equals, "expected '=' and the column's header in quotes, e.g. id = \"Post ID\"");
REMIT_ERROR(column_header, "expected the column's header in quotes, e.g. id = \"Post ID\"");
REMIT_ERROR(body_id,
            "expected an id for the body, e.g. council (letters, digits, _, -, / and ., or any "
            "text in single quotes)");
REMIT_ERROR(designated_post,
            "expected the id of a post, as in 'designate dfin as section_151_officer'");
REMIT_ERROR(kw_duty, "expected 'duty', as in 'give hplan duty delegated_powers'");
REMIT_ERROR(body_label, "expected the body's name in quotes, e.g. \"Full Council\"");
REMIT_ERROR(vocab_id, "expected a name (letters, digits and _)");
REMIT_ERROR(cites, "expected 'cite \"…\"'");
REMIT_ERROR(category_cites, "expected 'cite \"…\"' or 'cite designation'");
REMIT_ERROR(post_id,
            "expected a post id (letters, digits, _, -, / and ., or any text in single quotes; "
            "not a word of the language such as 'vacant' or 'and'), e.g. post ceo \"Chief "
            "Executive\"");
REMIT_ERROR(post_title, "expected the post's title in quotes, e.g. post ceo \"Chief Executive\"");
REMIT_ERROR(closing_brace,
            "expected '}' or a post item: service, directorate, reports to, accountable to, "
            "dotted to, designated, duties, vacant, holder (a share is written with %, e.g. 60%)");
REMIT_ERROR(person_close, "expected '}' or a person item: holds …, qualified …");
REMIT_ERROR(category_close,
            "expected '}' to close the category, 'cite \"…\"', or 'and'/'or' to go on with the "
            "criterion");
REMIT_ERROR(rule_close,
            "expected '}' to close the rule, 'cite \"…\"', or 'and'/'or' to go on with the set");
REMIT_ERROR(line_list, "expected the id of a post or body, e.g. reports to ceo");
REMIT_ERROR(line_entry, "expected the id of a post or body after ','");
REMIT_ERROR(person_ref, "expected the id of a person");
REMIT_ERROR(person_id, "expected an id for the person, e.g. person p_smith \"Pat Smith\"");
REMIT_ERROR(person_name, "expected the person's name in quotes");
REMIT_ERROR(held_list, "expected the id of a post the person holds");
REMIT_ERROR(held_post, "expected the id of a post after ','");
REMIT_ERROR(qualification_list, "expected a qualification name, e.g. accountant");
REMIT_ERROR(qualification_name, "expected a qualification name");
REMIT_ERROR(let_name, "expected a name for the set, e.g. let chief_officers = category 1, 2, 3");
REMIT_ERROR(equals, "expected '=' after the name");
REMIT_ERROR(let_value, "expected a set expression after '='");
REMIT_ERROR(category_id,
            "expected the category's number, e.g. category 4 \"Deputy Chief Officers\"");
REMIT_ERROR(category_label,
            "expected the category's name in quotes, e.g. \"Deputy Chief Officers\"");
REMIT_ERROR(category_block, "expected '{' and 'when …' after the category's name");
REMIT_ERROR(kw_when, "expected 'when' followed by the category's criterion");
REMIT_ERROR(category_when, "expected a set expression after 'when'");
REMIT_ERROR(category_stmt, "expected 'category N \"Name\" { … }' after 'override'");
REMIT_ERROR(first_role, "expected a designation name after 'incompatible'");
REMIT_ERROR(second_role, "expected a designation name after 'with'");
REMIT_ERROR(kw_with,
            "expected 'with', as in 'incompatible monitoring_officer with head_of_paid_service'");
REMIT_ERROR(kw_qualified, "expected 'qualified' after 'unless'");
REMIT_ERROR(rule_name, "expected the rule's name in quotes");
REMIT_ERROR(require_block, "expected '{' and a condition: count …, every …, some … or no …");
REMIT_ERROR(require_condition, "expected a condition: count E = N, every E P, some E P or no E P");
REMIT_ERROR(forbid_block, "expected '{' and the set that must be empty");
REMIT_ERROR(forbidden_set, "expected the set of posts that must be empty");
REMIT_ERROR(count_set, "expected a set expression after 'count'");
REMIT_ERROR(compare_op, "expected a comparison: =, !=, <, <=, > or >=");
REMIT_ERROR(count_value, "expected a whole number");
REMIT_ERROR(quantified_subject, "expected a set expression after the quantifier");
REMIT_ERROR(quantified_predicate, "expected what every (some, no) member must be, e.g. has holder");
REMIT_ERROR(authority_kind_name,
            "expected a kind of authority after 'kind', e.g. county_council (docs/language.md "
            "lists them)");
REMIT_ERROR(jurisdiction_name, "expected england, wales or scotland after 'jurisdiction'");
REMIT_ERROR(kw_authority,
            "expected 'authority is', as in 'where authority is county_council, district_council'");
REMIT_ERROR(kw_is, "expected 'is', as in 'where authority is county_council'");
REMIT_ERROR(guard_kind_list, "expected a kind of authority, e.g. county_council");
REMIT_ERROR(guard_kind, "expected a kind of authority after ','");
REMIT_ERROR(body_kind_name,
            "expected a kind of body after 'kind': authority, committee, sub_committee, "
            "joint_committee, integration_joint_board, nhs_body, company, other_council or "
            "outside_body");
REMIT_ERROR(body_kind_list, "expected a kind of body, e.g. body kind joint_committee");
REMIT_ERROR(body_kind_item, "expected a kind of body after ','");
REMIT_ERROR(edit_post, "expected the id of a post");
REMIT_ERROR(edit_role, "expected a designation name, e.g. section_151_officer");
REMIT_ERROR(edit_person, "expected the id of a person");
REMIT_ERROR(kw_report, "expected 'report to', as in 'move dph to report to ed_ahc'");
REMIT_ERROR(kw_post, "expected 'post'");
REMIT_ERROR(kw_as, "expected 'as', as in 'designate sd_lg as section_151_officer'");
REMIT_ERROR(added_post, "expected 'post ID \"Title\" { … }' after 'add'");
REMIT_ERROR(scenario_name, "expected the scenario's name in quotes");
REMIT_ERROR(scenario_block, "expected '{' and the scenario's edits");
REMIT_ERROR(scenario_close,
            "expected '}' or an edit: move … to report to …, remove post …, add post …, "
            "designate … as …, undesignate … as …, assign … to …");
// `test` blocks (docs/testing.md)
REMIT_ERROR(test_name, "expected the test's name in quotes, e.g. test \"the DPH is category 2\"");
REMIT_ERROR(test_block, "expected '{' and the test's expectations after its name");
REMIT_ERROR(test_close,
            "expected '}' or an expectation: expect P in category N, expect P not in category N, "
            "expect P in no category, expect P meets category N, expect no breach, expect "
            "breach \"rule\", expect list \"file.csv\", or given scenario \"S\" expect …");
REMIT_ERROR(expectation_claim,
            "expected what to expect: a post's category (P in category N, P not in category N, "
            "P in no category, P meets category N), no breach, breach \"rule\" or list "
            "\"file.csv\"");
REMIT_ERROR(post_claim,
            "expected 'in category N', 'not in category N', 'in no category' or 'meets category "
            "N' after the post's id");
REMIT_ERROR(in_what, "expected 'category N' or 'no category' after 'in'");
REMIT_ERROR(expect_category_word, "expected 'category'");
REMIT_ERROR(expect_in_word, "expected 'in', as in 'expect dph not in category 3'");
REMIT_ERROR(expected_category, "expected a category number, e.g. expect dph in category 2");
REMIT_ERROR(expect_breach_word, "expected 'breach' after 'no', as in 'expect no breach'");
REMIT_ERROR(breach_rule_name, "expected the rule's name in quotes after 'breach'");
REMIT_ERROR(list_path,
            "expected the approved list's CSV file in quotes, e.g. expect list \"approved.csv\"");
REMIT_ERROR(given_scenario_word, "expected 'scenario' after 'given'");
REMIT_ERROR(given_scenario, "expected the scenario's name in quotes after 'given scenario'");
REMIT_ERROR(expect_word, "expected 'expect' after the scenario's name");
REMIT_ERROR(decision_post, "expected the id of a post, e.g. exempt adviser-1 granted 2025-03-01");
REMIT_ERROR(kw_granted,
            "expected 'granted' and the date of the exemption, e.g. exempt adviser-1 granted "
            "2025-03-01 by \"Head of Paid Service\"");
REMIT_ERROR(kw_directed,
            "expected 'directed' and the date of the direction, e.g. include press-officer "
            "directed 2025-04-01 by \"Head of Paid Service\"");
REMIT_ERROR(decision_date, "expected a date written YYYY-MM-DD, e.g. 2025-03-01");
REMIT_ERROR(decision_by,
            "expected 'by' and the office that decided, in quotes, e.g. by \"Head of Paid "
            "Service\"");
REMIT_ERROR(decided_by,
            "expected the office that decided, in quotes, e.g. \"Head of Paid Service\"");
REMIT_ERROR(kw_aside, "expected 'aside', as in set aside rule \"…\" because \"…\"");
REMIT_ERROR(adaptation_head,
            "expected 'rule' and the rule's name in quotes, as in rule \"monitoring_officer with "
            "head_of_paid_service\" because \"…\"");
REMIT_ERROR(adapted_rule,
            "expected the rule's name in quotes: a require or forbid rule's own name, or "
            "\"a with b\" for 'incompatible a with b'");
REMIT_ERROR(kw_because,
            "expected 'because' and the reason in quotes: every report prints why a rule is set "
            "aside");
REMIT_ERROR(adaptation_reason, "expected the reason in quotes, e.g. because \"…\"");
REMIT_ERROR(replacement_with,
            "expected 'with' and the rule that takes its place: with forbid \"…\" { … }, "
            "with require \"…\" { … } or with incompatible a with b");
REMIT_ERROR(replacement,
            "expected the rule that takes its place: forbid \"…\" { … }, require \"…\" { … } or "
            "incompatible a with b");
REMIT_ERROR(end_of_file,
            "expected a statement: use, authority, import, body, designation, duty, "
            "qualification, post, person, let, category, override, precedence, incompatible, "
            "require, forbid, scenario, designate, give, exempt, include, set aside rule, "
            "replace rule or test");

// opt<> and star<> always match, so must<> never raises for them; the message is never shown.
template <typename... Rules>
inline constexpr const char* error_message<opt<Rules...>> = "unreachable: opt<> cannot fail";
template <typename... Rules>
inline constexpr const char* error_message<star<Rules...>> = "unreachable: star<> cannot fail";

#undef REMIT_ERROR

struct errors {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
  // Only must<> raises: a rule tried as one alternative among several may fail quietly.
  template <typename Rule>
  static constexpr bool raise_on_failure = false;
};

}  // namespace remit::grammar
