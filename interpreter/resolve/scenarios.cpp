#include "resolve/scenarios.hpp"

#include <unordered_map>

#include "resolve/id_text.hpp"
#include "resolve/suggest.hpp"

namespace remit {
namespace {

// One scenario's view of which units exist, edit after edit: the organisation's, less those
// the scenario removed so far, plus those it added.
class ScenarioNames {
 public:
  ScenarioNames(const ast::Program& program, const Organisation& org, Diagnostics& diags)
      : program_(program), org_(org), diags_(diags) {}

  void check(const ast::Edit& e) {
    std::visit([&](const auto& edit) { one(edit, e.where); }, e.kind);
  }

 private:
  enum class State : std::uint8_t { absent, post, body, removed };

  State state(std::string_view id) const {
    if (auto it = changed_.find(nfc_ids_(id)); it != changed_.end()) return it->second;
    auto u = org_.find_unit(id);
    if (!u) return State::absent;
    return org_.units[*u].is_body() ? State::body : State::post;
  }

  // " (did you mean …?)" from `candidates()`, worked out only for an error that will be listed
  // (as hint() does for the resolver): a scenario naming 20,000 unknown posts must not scan
  // every post 20,000 times.
  template <typename Candidates>
  std::string suggestion(const ast::Name& name, const Candidates& candidates) const {
    return diags_.would_list(name.where) ? did_you_mean(name.text, candidates()) : "";
  }

  std::vector<std::string_view> known_ids() const {
    std::vector<std::string_view> ids = org_.unit_ids();
    for (std::string_view id : added_) {
      if (state(id) == State::post) ids.push_back(id);
    }
    return ids;
  }

  bool post(const ast::Name& name) {
    switch (state(name.text)) {
      case State::post:
        return true;
      case State::removed:
        diags_.error(name.where,
                     "post " + in_quotes(name.text) + " was removed earlier in the scenario");
        return false;
      case State::body:
        diags_.error(name.where, in_quotes(name.text) + " is a body, not a post");
        return false;
      case State::absent:
        break;
    }
    diags_.error(name.where,
                 "no post " + in_quotes(name.text) + suggestion(name, [&] { return known_ids(); }));
    return false;
  }

  void manager(const ast::Name& name) {
    const State s = state(name.text);
    if (s == State::post || s == State::body) return;
    diags_.error(name.where,
                 "no post or body " + in_quotes(name.text) + " to report to" +
                     (s == State::removed ? " (it was removed earlier in the scenario)"
                                          : suggestion(name, [&] { return known_ids(); })));
  }

  void symbol(const Vocabulary& v, const char* word, const ast::Name& name) {
    if (v.index.count(name.text)) return;
    diags_.error(name.where, std::string("unknown ") + word + " " + in_quotes(name.text) +
                                 suggestion(name, [&] { return v.names; }));
  }

  void person(const ast::Name& name) {
    if (org_.find_person(name.text)) return;
    auto ids = [&] { return org_.person_ids(); };
    diags_.error(name.where, "no person " + in_quotes(name.text) + suggestion(name, ids));
  }

  void one(const ast::edit::Move& m, SourceSpan) {
    post(m.post);
    for (const ast::LineDecl& l : m.lines) manager(l.target);
  }
  void one(const ast::edit::RemovePost& r, SourceSpan) {
    if (post(r.post)) changed_[nfc_ids_(r.post.text)] = State::removed;
  }
  void one(const ast::edit::AddPost& a, SourceSpan) {
    const ast::PostDecl& d = a.post;
    if (state(d.id.text) != State::absent) {
      diags_.error(d.id.where, "there is already a post " + in_quotes(d.id.text));
    }
    for (const ast::Name& n : program_.designations(d)) {
      symbol(org_.designations, "designation", n);
    }
    for (const ast::Name& n : program_.duties(d)) symbol(org_.duties, "duty", n);
    for (const ast::Holding& h : program_.holders(d)) person(h.post /* the person's id */);
    for (const ast::LineDecl& l : program_.lines(d)) manager(l.target);
    changed_[nfc_ids_(d.id.text)] = State::post;
    added_.push_back(d.id.text);
  }
  void one(const ast::edit::Designate& d, SourceSpan) {
    post(d.post);
    symbol(org_.designations, "designation", d.role);
  }
  void one(const ast::edit::Undesignate& d, SourceSpan) {
    post(d.post);
    symbol(org_.designations, "designation", d.role);
  }
  void one(const ast::edit::Assign& a, SourceSpan) {
    person(a.person);
    post(a.post);
  }

  const ast::Program& program_;
  const Organisation& org_;
  Diagnostics& diags_;
  // Ids added or removed so far, in NFC (as the organisation's index compares them).
  std::unordered_map<std::string_view, State> changed_;
  mutable NfcIds nfc_ids_;
  std::vector<std::string_view> added_;  // in the order added
};

}  // namespace

void check_scenario_names(const ast::Program& program, const Organisation& org,
                          Diagnostics& diags) {
  for (const ast::ScenarioDecl& s : program.scenarios) {
    ScenarioNames names(program, org, diags);
    for (const ast::Edit& e : s.edits) names.check(e);
  }
}

}  // namespace remit
