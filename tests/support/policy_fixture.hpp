// Small helpers shared by the tests: load one in-memory policy and read what remit made of it.
//
//   auto p = load_text("post ceo \"Chief Executive\" { designated head_of_paid_service } …");
//   REQUIRE(p.ok);                       // otherwise p.diagnostics() says why
//   CHECK(p.restricted() == Listing{{1, "ceo"}});
//   CHECK(p.set("chiefs") == Ids{"ceo"});   // the posts (and bodies) of `let chiefs = …`
//   CHECK(p.post("ceo")->title == "Chief Executive");
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evaluate/evaluator.hpp"
#include "remit/remit.hpp"

namespace remit::test {

// One listed post: its category number and its id. Prints as "3:dir_a" in failed checks.
struct Listed {
  std::uint32_t category = 0;
  std::string id;
  friend bool operator==(const Listed&, const Listed&) = default;
  friend std::ostream& operator<<(std::ostream& out, const Listed& l) {
    return out << l.category << ':' << l.id;
  }
};
// (category number, post id) in the order remit lists them: by category, then by post id.
using Listing = std::vector<Listed>;
// Unit ids (posts and bodies), sorted as text.
using Ids = std::vector<std::string>;

struct PostText {
  std::string title, service, directorate;
};

// The display name of an in-memory policy, as diagnostics show it ("test.remit:3:7: error: …").
inline constexpr std::string_view test_file = "test.remit";

// remit::Run can be neither copied nor moved, so it lives behind a pointer.
struct LoadedPolicy {
  std::unique_ptr<remit::Run> run = std::make_unique<remit::Run>();
  bool ok = false;

  // Everything remit reported: "file:line:col: error: …", excerpts, notes, "N errors generated."
  [[nodiscard]] std::string diagnostics() const { return run->diagnostics_text(); }

  // run.restricted_posts(all) as (category number, post id) pairs.
  [[nodiscard]] Listing restricted(bool all = false) const {
    Listing out;
    for (const remit::ListedPost& p : run->restricted_posts(all)) {
      out.push_back(Listed{run->program().categories[p.category].number,
                           std::string(run->resolved().organisation.units[p.unit].id())});
    }
    return out;
  }

  // The title, service and directorate of the post (or body) with this id, if there is one.
  [[nodiscard]] std::optional<PostText> post(std::string_view id) const {
    for (const remit::Unit& u : run->resolved().organisation.units) {
      if (u.id() == id) {
        return PostText{std::string(u.title()), std::string(u.service()),
                        std::string(u.directorate())};
      }
    }
    return std::nullopt;
  }

  // The ids of the units in the set of `let name = …`, sorted. Fails the test if there is no
  // such let, so that a misspelt name cannot pass for an empty set.
  [[nodiscard]] Ids set(std::string_view let_name) const {
    for (const remit::ast::LetDecl& l : run->program().lets) {
      if (l.name.text != let_name) continue;
      Ids out;
      run->evaluator().set_of(l.value).for_each(
          [&](std::size_t u) { out.emplace_back(run->resolved().organisation.units[u].id()); });
      std::sort(out.begin(), out.end());
      return out;
    }
    FAIL("no `let " << let_name << "` in the policy");
    return {};
  }
};

// Loads one policy held in memory under the name test.remit (plus whatever it `use`s).
inline LoadedPolicy load_text(std::string text) {
  LoadedPolicy p;
  remit::Inputs inputs;
  inputs.texts.push_back({std::string(test_file), std::move(text)});
  p.ok = p.run->load(inputs);
  return p;
}

// Loads files and directories (and HR exports) the way the command line does.
inline LoadedPolicy load_files(const remit::Inputs& inputs) {
  LoadedPolicy p;
  p.ok = p.run->load(inputs);
  return p;
}

// Inputs that load the policy files or folder at `path`, as `remit derive PATH` does.
inline remit::Inputs policy_inputs(const std::filesystem::path& path) {
  remit::Inputs in;
  in.policies.push_back(path);
  return in;
}

// Inputs that load one in-memory policy, shown in messages as `name`.
inline remit::Inputs text_inputs(std::string text, std::string name = "p.remit") {
  remit::Inputs in;
  in.texts.push_back({std::move(name), std::move(text)});
  return in;
}

// The first line of the diagnostics: "test.remit:LINE:COL: error: message".
inline std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace remit::test
