#include "report/departures.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "ast/ast.hpp"
#include "explain/plain.hpp"
#include "resolve/citations.hpp"
#include "resolve/organisation.hpp"
#include "resolve/resolver.hpp"
#include "source/source.hpp"

namespace remit {
namespace {

namespace fs = std::filesystem;

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  const bool same = fs::equivalent(a, b, ec);
  return !ec && same;
}

// The .remit files of the policy paths given, folders opened as the loader opens them (their
// .remit files, in name order, sub-folders not read).
std::vector<fs::path> policy_files(const std::vector<fs::path>& given) {
  std::vector<fs::path> files;
  for (const fs::path& p : given) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    std::vector<fs::path> in_folder;
    for (const auto& entry : fs::directory_iterator(p, ec)) {
      if (entry.path().extension() == ".remit" && !entry.is_directory(ec)) {
        in_folder.push_back(entry.path());
      }
    }
    std::sort(in_folder.begin(), in_folder.end());
    files.insert(files.end(), in_folder.begin(), in_folder.end());
  }
  return files;
}

bool from_stdlib(std::string_view name) {
  return name.starts_with("stdlib/") || name.starts_with("<stdlib>");
}

}  // namespace

PolicyDepartures departures_from_act(Run& council, const Inputs& inputs) {
  PolicyDepartures out;
  const ast::Program& program = council.program();
  const SourceSet& sources = council.sources();
  // The files whose declarations make the council's categories differ from the Act's.
  std::vector<FileId> own;
  auto note_file = [&](SourceSpan where) {
    if (!where.known() || from_stdlib(sources.file(where.file).name)) return;
    if (std::find(own.begin(), own.end(), where.file) == own.end()) own.push_back(where.file);
  };
  for (std::uint32_t k = 0; k < program.categories.size(); ++k) {
    const ast::CategoryDecl& c = program.categories[k];
    note_file(c.where);
    if (!c.where.known() || from_stdlib(sources.file(c.where.file).name)) continue;
    for (const ast::Text& cite : category_citations(program, council.resolved().organisation, k)) {
      out.cites.emplace_back(cite.text);
    }
  }
  for (const ast::PrecedenceDecl& p : program.precedences) note_file(p.where);
  if (own.empty()) {
    out.compared = true;
    out.note = "The policy applies the Act's categories as the Act defines them.";
    return out;
  }
  for (FileId f : own) out.files.push_back(sources.file(f).name);

  // The Act's side: the same inputs without those files.
  Inputs act = inputs;
  act.output.clear();
  act.policies.clear();
  std::size_t left = 0;
  for (const fs::path& p : policy_files(inputs.policies)) {
    const bool departs = std::any_of(own.begin(), own.end(),
                                     [&](FileId f) { return same_file(p, sources.file(f).name); });
    if (departs) {
      ++left;
    } else {
      act.policies.push_back(p);
    }
  }
  if (left < own.size()) {
    out.note = "The categories are defined in files the policy uses (" + out.files.front() +
               "), not in the files given; compare them with the Act with remit diff.";
    return out;
  }
  Run law(council.limits());
  if (!law.load(act)) {
    out.note = "Without " + out.files.front() +
               " the rest of the policy does not load, so the Act's list could not be made to "
               "compare with; put the council's categories in a file of their own.";
    return out;
  }
  const Organisation& council_org = council.resolved().organisation;
  const Organisation& law_org = law.resolved().organisation;
  // A file that holds categories and posts together cannot be set aside: the Act's side would
  // lack those posts, and a comparison would pass them over.
  for (const Unit& unit : council_org.units) {
    if (!unit.is_body() && !law_org.find_unit(unit.id())) {
      out.note = "The file " + out.files.front() +
                 " declares posts as well as the council's categories, so the Act's list could "
                 "not be made without it; keep the categories in a file of their own to see "
                 "where they depart from the Act.";
      return out;
    }
  }
  const Difference diff = compare(law, council, Matching::by_id);
  for (const auto* list : {&diff.changed, &diff.entered, &diff.left}) {
    for (const CategoryChange& c : *list) {
      if (!c.existed_before || !c.exists_after) continue;
      Departure d{c, {}, {}};
      if (auto u = law_org.find_unit(c.id)) {
        d.under_act = plain_paragraphs(explain_listing(law, *u), law);
      }
      if (auto u = council_org.find_unit(c.id)) {
        d.under_policy = plain_paragraphs(explain_listing(council, *u), council);
      }
      out.posts.push_back(std::move(d));
    }
  }
  out.compared = true;
  return out;
}

}  // namespace remit
