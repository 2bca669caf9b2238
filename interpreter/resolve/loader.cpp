#include "resolve/loader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <map>
#include <system_error>

#include "grammar/parser.hpp"
#include "import/columns.hpp"
#include "import/designations_csv.hpp"
#include "import/encoding.hpp"
#include "import/holders_csv.hpp"
#include "import/organogram_csv.hpp"
#include "import/structure_csv.hpp"
#include "import/workbook.hpp"
#include "resolve/embedded_stdlib.hpp"
#include "resolve/law.hpp"
#include "resolve/suggest.hpp"
#include "source/text_checks.hpp"

namespace fs = std::filesystem;

namespace remit {
namespace {

constexpr std::string_view stdlib_display_prefix = "stdlib/";

// Which file a path names, through symbolic links: two names for one file compare equal.
struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileIdentity&) const = default;
};

std::optional<FileIdentity> identity_of(const fs::path& path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileIdentity{st.st_dev, st.st_ino};
}

// A standard library module's name: words separated by '/', such as "uk/roles". Never absolute
// and never "." or "..", so that it can only name a file inside a stdlib folder.
bool is_module_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  while (!name.empty()) {
    const std::string_view word = name.substr(0, name.find('/'));
    if (word.empty() || word == "." || word == ".." || word.find('\\') != std::string_view::npos) {
      return false;
    }
    name.remove_prefix(std::min(name.size(), word.size() + 1));
  }
  return true;
}

// True when `path` is `folder` or lies under it (both already canonical).
bool lies_within(const fs::path& path, const fs::path& folder) {
  auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return f == folder.end() || (std::next(f) == folder.end() && f->empty());
}

class Loader {
 public:
  Loader(SourceSet& sources, ast::Program& program, FileDepths& depths, Diagnostics& diags,
         const Limits& limits, const Inputs& inputs)
      : sources_(sources),
        program_(program),
        depths_(depths),
        diags_(diags),
        limits_(limits),
        output_path_(inputs.output),
        output_(identity_of(inputs.output)),
        sheet_(inputs.sheet) {
    for (const fs::path& folder : inputs.confine_to) {
      std::error_code ec;
      fs::path canonical = fs::weakly_canonical(fs::absolute(folder, ec), ec);
      confine_to_.push_back(ec ? folder.lexically_normal() : canonical);
    }
    for (const Inputs::Text& t : inputs.unsaved) unsaved_.emplace(key_of(t.name), &t.text);
  }

  // Refuses, before anything is read, an output file that is one of the files named (or a file
  // inside a folder named): writing the results would destroy the input.
  bool output_is_not_an_input(const Inputs& inputs) {
    if (!output_) return true;
    bool clear = true;
    auto check = [&](const fs::path& p) { clear = !is_output(p, {}) && clear; };
    for (const fs::path& p : inputs.policies) {
      std::error_code ec;
      if (fs::is_directory(p, ec)) {
        for (const auto& entry : fs::directory_iterator(p, ec)) {
          if (entry.path().extension() == ".remit") check(entry.path());
        }
      } else {
        check(p);
      }
    }
    for (const fs::path& p : inputs.structures) check(p);
    for (const fs::path& p : inputs.holders) check(p);
    for (const fs::path& p : inputs.designations) check(p);
    return clear;
  }

  void policy_argument(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const fs::path& f : files_in(path, {})) policy_file(f, {}, 0);
      return;
    }
    policy_file(path, {}, 0);
  }

  // A sheet named when no input is a workbook: the name was meant for a file that is not one.
  void sheet_unused() {
    if (sheet_.empty() || read_a_workbook_) return;
    diags_.warning({}, "no input is a workbook (.xlsx, .ods), so the sheet \"" + sheet_ +
                           "\" was not read; the inputs were read as CSV");
  }

  // The policy's jurisdiction (`authority … jurisdiction`, or the one its kind implies), or
  // --jurisdiction's; the two must agree. A stdlib module of another nation that the policy
  // uses is named in a warning.
  std::optional<ast::Jurisdiction> jurisdiction(const Inputs& inputs) {
    const AuthorityLaw law = declared_law(program_);
    if (law.jurisdiction && inputs.jurisdiction && *law.jurisdiction != *inputs.jurisdiction) {
      diags_.error(law.where, "the policy's authority is in " +
                                  std::string(ast::nation_name(*law.jurisdiction)) +
                                  ", but --jurisdiction " +
                                  std::string(ast::name(*inputs.jurisdiction)) +
                                  " was given; leave out --jurisdiction, or correct the "
                                  "authority statement");
      return law.jurisdiction;
    }
    const std::optional<ast::Jurisdiction> j =
        law.jurisdiction ? law.jurisdiction : inputs.jurisdiction;
    if (!j) return j;
    for (const ast::UseDecl& use : modules_used_) {
      const std::optional<ast::Jurisdiction> of = module_nation(use.module.text);
      if (!of || *of == *j) continue;
      const std::string_view rest = use.module.text.substr(use.module.text.find('/'));
      diags_.warning(use.where,
                     "the module \"" + std::string(use.module.text) + "\" states the law of " +
                         std::string(ast::nation_name(*of)) + ", but the authority is in " +
                         std::string(ast::nation_name(*j)) + "; use \"" +
                         std::string(ast::name(*j)) + std::string(rest) + "\" if there is one");
    }
    return j;
  }

  void text_argument(const Inputs::Text& t) { parse_file("text:" + t.name, t.name, t.text, {}, 0); }

  void module(std::string_view name, SourceSpan from, std::uint32_t depth) {
    if (!is_module_name(name)) {
      diags_.error(from, in_quotes(shorten(name)) +
                             " is not a standard library module: a module is named by words "
                             "separated by '/', such as \"uk/roles\"; to use a file of your "
                             "own, give its path ending in .remit, such as \"" +
                             shorten(name) + ".remit\"");
      return;
    }
    std::string key = "stdlib:" + std::string(name);
    std::string display = std::string(stdlib_display_prefix) + std::string(name) + ".remit";
    if (loaded_.count(key)) return;
    if (auto text = stdlib_text(name, from)) {
      parse_file(key, display, std::move(*text), from, depth);
      return;
    }
    std::vector<std::string_view> known;
    for (const EmbeddedModule& m : embedded_stdlib()) known.push_back(m.name);
    std::string list;
    for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    diags_.error(from, "no module '" + std::string(name) + "' in the stdlib (modules: " + list +
                           "); to use a file of your own, give its name ending in .remit");
  }

  void csv(const fs::path& path, ast::ImportKind kind_of_import, SourceSpan from,
           std::uint32_t depth, std::span<const ColumnChoice> choices) {
    if (auto file = read_export(path, from, depth)) {
      import_rows(*file, kind_of_import, choices);
    }
  }

  // The structure and holders exports named on the command line. With one of each (`remit check
  // --structure … --holders …`), the holders file is imported on a second thread while the
  // structure is imported on this one: at a million posts and holders that hides the holders'
  // import (about a fifth of the check) when a second core is free. Everything the run shows is
  // as importing one after the other shows it: the same file numbers, the same people in the
  // same order, the same messages in the same order (overlap_holders).
  void exports(const Inputs& inputs) {
    if (inputs.structures.size() == 1 && inputs.holders.size() == 1) {
      overlap_holders(inputs.structures.front(), inputs.holders.front(), inputs.columns);
      return;
    }
    for (const fs::path& p : inputs.structures) {
      csv(p, ast::ImportKind::structure, {}, 0, inputs.columns);
    }
    for (const fs::path& p : inputs.holders) {
      csv(p, ast::ImportKind::holders, {}, 0, inputs.columns);
    }
  }

  // --columns names fields of either kind of file; one that neither has is reported here, as
  // the importers pass over a choice meant for the other kind.
  bool known_fields(std::span<const ColumnChoice> choices) {
    std::vector<std::string_view> fields;
    for (const csv::ColumnSpec& spec : structure_columns()) fields.push_back(spec.name);
    for (const csv::ColumnSpec& spec : holders_columns()) fields.push_back(spec.name);
    bool ok = true;
    for (const ColumnChoice& choice : choices) {
      if (std::find(fields.begin(), fields.end(), choice.field) != fields.end()) continue;
      std::string list;
      for (std::string_view f : fields) list += (list.empty() ? "" : ", ") + std::string(f);
      diags_.error({}, "--columns: there is no field " + csv::quoted(choice.field) + " to read" +
                           did_you_mean(choice.field, fields) + "; the fields are " + list);
      ok = false;
    }
    return ok;
  }

 private:
  // Reads an export (CSV text or a workbook's sheet) into the SourceSet, reporting what is wrong
  // with it as a file; returns the file whose rows to import, if any.
  std::optional<FileId> read_export(const fs::path& path, SourceSpan from, std::uint32_t depth) {
    std::string key = key_of(path);
    if (loaded_.count(key)) return std::nullopt;
    if (from.known() && !allowed(path, from, "import")) return std::nullopt;
    auto bytes = read_export_bytes(path, from);
    if (!bytes) return std::nullopt;
    loaded_.emplace(key, true);
    const std::string_view view = bytes->view();
    // A workbook is known by its bytes, whatever its name; its sheet becomes CSV text, so the
    // bytes themselves never reach the text decoding below.
    const FileKind kind = file_kind_of(view);
    if (kind != FileKind::text) return workbook(path, view, kind, from, depth);
    if (csv::is_utf8_export(view)) {  // as most are: read where it lies
      const FileId file = add(path.string(), std::move(*bytes), depth);
      sources_.mark_export(file);
      return file;
    }
    // An export saved as Windows-1252 or UTF-16 is converted to UTF-8 before it is read, and
    // its positions count in the converted text, which is what the file holds from here on.
    csv::DecodedText decoded = csv::decode_export(std::string(view));
    FileId file = add(path.string(), std::move(decoded.text), depth);
    sources_.mark_export(file);
    if (!decoded.error.empty()) {
      diags_.error(span_at(sources_, file, sources_.file(file).text.size()), decoded.error);
      return std::nullopt;
    }
    if (decoded.from == csv::TextEncoding::windows1252) {
      diags_.warning(span_at(sources_, file, decoded.first_converted),
                     "read as Windows-1252 (not UTF-8); save it as \"CSV UTF-8\" to silence this");
    }
    return file;
  }

  // The text of a holders export to read ahead of the structure's rows, when reading it in its
  // turn would have reported nothing: a plain file (a pipe cannot be read twice), within the
  // size limit, of CSV text in UTF-8 or UTF-16. Otherwise nothing, and it is read in its turn.
  std::optional<std::string> quiet_read(const fs::path& path) {
    if (output_ && identity_of(path) == output_) return std::nullopt;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec) || ec) return std::nullopt;
    const auto size = fs::file_size(path, ec);
    if (ec || size > limits_.max_file_bytes) return std::nullopt;
    std::string error;
    auto bytes = read_file(path, error, limits_.max_file_bytes);
    if (!bytes || file_kind_of(*bytes) != FileKind::text) return std::nullopt;
    csv::DecodedText decoded = csv::decode_export(std::move(*bytes));
    if (!decoded.error.empty() || decoded.from == csv::TextEncoding::windows1252) {
      return std::nullopt;
    }
    return std::move(decoded.text);
  }

  // Imports `structure` here and `holders` on a second thread, into a Program and Diagnostics
  // of its own, then adds those people and messages after the structure's, as importing the
  // holders in their turn would have. The holders file is added to the SourceSet before the
  // structure's rows are read, with the number it would have had after them: importing a
  // structure adds no file. Both imports only read the SourceSet's files; its `keep` is locked.
  void overlap_holders(const fs::path& structure, const fs::path& holders,
                       std::span<const ColumnChoice> choices) {
    const std::optional<FileId> structure_file = read_export(structure, {}, 0);
    std::optional<std::string> text;
    if (structure_file && !loaded_.count(key_of(holders))) text = quiet_read(holders);
    if (!text) {
      if (structure_file) import_rows(*structure_file, ast::ImportKind::structure, choices);
      csv(holders, ast::ImportKind::holders, {}, 0, choices);
      return;
    }
    loaded_.emplace(key_of(holders), true);
    [[maybe_unused]] const std::size_t files = sources_.size();
    const FileId holders_file = add(holders.string(), std::move(*text), 0);
    sources_.mark_export(holders_file);
    ast::Program people;
    // Unlimited: each message is limited when it is added to diags_, in its turn.
    Diagnostics messages(SIZE_MAX);
    auto imported = std::async(std::launch::async, [&] {
      import_holders(sources_, holders_file, people, messages, choices);
    });
    import_rows(*structure_file, ast::ImportKind::structure, choices);
    imported.get();
    assert(sources_.size() == files + 1 && "importing a structure adds no file");
    add_people(people);
    for (const Diagnostic& d : messages.all()) {
      Diagnostic& added = d.severity == Severity::error     ? diags_.error(d.where, d.message)
                          : d.severity == Severity::warning ? diags_.warning(d.where, d.message)
                                                            : diags_.note(d.where, d.message);
      added.notes = d.notes;
    }
    for (const auto& [file, count] : messages.dropped()) diags_.add_unshown(file, count);
  }

  // Adds the people of `imported`, with their holdings and qualifications, after those of
  // program_, with their slices moved along. program_ usually has none: then this is a move.
  void add_people(ast::Program& imported) {
    for (ast::HoldersExport& e : imported.holder_exports) {
      e.after_people += program_.people.size();
      program_.holder_exports.push_back(std::move(e));
    }
    const auto holds = static_cast<std::uint32_t>(program_.person_holds.size());
    const auto qualifications = static_cast<std::uint32_t>(program_.person_qualifications.size());
    const auto extras = static_cast<std::uint32_t>(program_.person_extras.size());
    if (holds != 0 || extras != 0) {
      for (ast::PersonDecl& p : imported.people) {
        p.holds.begin += holds;
        if (p.extras != ast::no_extras) p.extras += extras;
      }
    }
    if (qualifications != 0) {
      for (ast::PersonExtras& e : imported.person_extras) e.qualifications.begin += qualifications;
    }
    auto after = [](auto& earlier, auto& later) {
      later.insert(later.begin(), earlier.begin(), earlier.end());
      earlier = std::move(later);
    };
    after(program_.people, imported.people);
    after(program_.person_holds, imported.person_holds);
    after(program_.person_qualifications, imported.person_qualifications);
    after(program_.person_extras, imported.person_extras);
  }

  void import_rows(FileId file, ast::ImportKind kind, std::span<const ColumnChoice> choices) {
    switch (kind) {
      case ast::ImportKind::structure:
        // A government organogram is told by its header, so it needs no option of its own.
        if (is_organogram(sources_, file)) {
          import_organogram(sources_, file, program_, diags_);
        } else {
          import_structure(sources_, file, program_, diags_, choices);
        }
        break;
      case ast::ImportKind::holders:
        import_holders(sources_, file, program_, diags_, choices);
        break;
      case ast::ImportKind::designations:
        import_designations(sources_, file, program_, diags_, choices);
        break;
    }
  }

  std::optional<FileId> workbook(const fs::path& path, std::string_view bytes, FileKind kind,
                                 SourceSpan from, std::uint32_t depth) {
    const std::string name = in_quotes(path.string());
    if (kind == FileKind::encrypted) {
      diags_.error(from, name +
                             " is a password-protected workbook or an old Excel 97-2003 (.xls) "
                             "file, which remit cannot read: save it without a password as an "
                             "Excel workbook (.xlsx), or as CSV UTF-8");
      return std::nullopt;
    }
    if (kind == FileKind::zip) {
      diags_.error(from, name +
                             " is a zip archive but not a workbook remit can read (.xlsx or "
                             ".ods), or the workbook is damaged: save it again from the "
                             "spreadsheet as .xlsx, or as CSV UTF-8");
      return std::nullopt;
    }
    read_a_workbook_ = true;
    SheetText sheet = read_sheet(bytes, kind, sheet_);
    if (!sheet.error.empty()) {
      diags_.error(from, "cannot read " + name + ": " + sheet.error);
      return std::nullopt;
    }
    if (sheet.csv.size() > limits_.max_file_bytes) {
      diags_.error(from, "sheet \"" + sheet.sheet + "\" of " + name + " holds " +
                             byte_size(sheet.csv.size()) + " of text: larger than the limit of " +
                             byte_size(limits_.max_file_bytes));
      return std::nullopt;
    }
    const FileId file =
        add(path.string(), std::move(sheet.csv), depth,
            SheetOrigin{.sheet = std::move(sheet.sheet), .first_column = sheet.first_column});
    sources_.mark_export(file);
    return file;
  }

  // The .remit files in a folder, in name order, without the test files (is_test_file). A pipe,
  // device or socket among them is skipped with a warning: reading a pipe nobody writes to would
  // wait for ever. So is a sub-folder whose name ends in .remit: a folder's sub-folders are not
  // read.
  std::vector<fs::path> files_in(const fs::path& dir, SourceSpan from) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".remit") continue;
      // A test file beside a policy (council_test.remit) is not part of it: `remit test` reads
      // it with the policy (docs/testing.md), every other command leaves it out.
      if (is_test_file(entry.path())) continue;
      std::error_code status_ec;
      const fs::file_status st = entry.status(status_ec);
      if (!status_ec && fs::is_directory(st)) {
        diags_.warning(from, "skipped '" + entry.path().string() +
                                 "': it is a folder (the folders inside a policy folder are not "
                                 "read)");
        continue;
      }
      if (!status_ec && fs::exists(st) && !fs::is_regular_file(st)) {
        diags_.warning(from, "skipped '" + entry.path().string() +
                                 "': it is not a regular file (a pipe, device or socket)");
        continue;
      }
      files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) diags_.error(from, "no .remit files in directory '" + dir.string() + "'");
    return files;
  }

  void use_directory(const fs::path& dir, SourceSpan from, std::uint32_t depth) {
    if (!allowed(dir, from, "use")) return;
    for (const fs::path& f : files_in(dir, from)) {
      if (allowed(f, from, "use")) policy_file(f, from, depth);
    }
  }

  // The output file is never read: reading it would mean overwriting an input with the results.
  bool is_output(const fs::path& path, SourceSpan from) {
    if (!output_ || identity_of(path) != output_) return false;
    diags_.error(from, "the output file '" + output_path_.string() + "' is also an input ('" +
                           path.string() +
                           "'): writing the results there would destroy it; choose another "
                           "output file");
    return true;
  }

  // Under `confine_to`, whether a `use` or `import` may read `path`.
  bool allowed(const fs::path& path, SourceSpan from, std::string_view statement) {
    if (confine_to_.empty()) return true;
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (!ec && std::any_of(confine_to_.begin(), confine_to_.end(), [&](const fs::path& folder) {
          return lies_within(canonical, folder);
        })) {
      return true;
    }
    diags_.error(from, in_quotes(statement) + " may not read " + in_quotes(path.string()) +
                           ": it is outside the folders this check may read");
    return false;
  }

  // Parses one policy file, then follows its `use` and `import` statements.
  void policy_file(const fs::path& path, SourceSpan from, std::uint32_t depth) {
    std::string key = key_of(path);
    if (auto it = loaded_.find(key); it != loaded_.end()) {
      if (!it->second) cycle(key, from);
      return;
    }
    if (auto it = unsaved_.find(key); it != unsaved_.end()) {
      parse_file(key, path.string(), *it->second, from, depth);
      return;
    }
    auto text = read(path, from);
    if (!text) return;
    parse_file(key, path.string(), std::move(*text), from, depth);
  }

  void parse_file(const std::string& key, std::string display, std::string text, SourceSpan from,
                  std::uint32_t depth) {
    if (depth > limits_.max_use_depth) {
      diags_.error(from,
                   "'use' nested more than " + std::to_string(limits_.max_use_depth) + " deep");
      return;
    }
    loaded_.emplace(key, false);  // in progress: meeting it again means a `use` cycle
    stack_.push_back({key, from});
    FileId file = add(std::move(display), std::move(text), depth);
    const std::size_t first_use = program_.uses.size();
    const std::size_t first_import = program_.imports.size();
    if (parse_policy(sources_, file, program_, diags_, limits_)) {
      const std::size_t last_use = program_.uses.size();
      const std::size_t last_import = program_.imports.size();
      const fs::path base = fs::path(sources_.file(file).name).parent_path();
      for (std::size_t i = first_use; i < last_use; ++i) {
        const ast::UseDecl use = program_.uses[i];  // copy: the vector grows as we load
        std::error_code ec;
        if (!key.starts_with("stdlib:") && fs::is_directory(base / use.module.text, ec)) {
          use_directory(base / use.module.text, use.where, depth + 1);
        } else if (use.module.text.ends_with(".remit")) {
          if (key.starts_with("stdlib:")) {
            module(std::string(use.module.text.substr(0, use.module.text.size() - 6)), use.where,
                   depth + 1);
          } else if (allowed(base / use.module.text, use.where, "use")) {
            policy_file(base / use.module.text, use.where, depth + 1);
          }
        } else {
          if (!key.starts_with("stdlib:")) modules_used_.push_back(use);
          module(use.module.text, use.where, depth + 1);
        }
      }
      for (std::size_t i = first_import; i < last_import; ++i) {
        const ast::ImportDecl imp = program_.imports[i];
        std::vector<ColumnChoice> choices;
        for (const ast::ColumnChoice& c : imp.columns) {
          choices.push_back(ColumnChoice{std::string(c.field.text), std::string(c.header.text),
                                         c.field.where, c.header.where});
        }
        csv(base / imp.path.text, imp.kind, imp.where, depth, choices);
      }
    }
    stack_.pop_back();
    loaded_[key] = true;
  }

  void cycle(const std::string& key, SourceSpan from) {
    std::string chain;
    auto start = std::find_if(stack_.begin(), stack_.end(), [&](auto& s) { return s.key == key; });
    for (auto it = start; it != stack_.end(); ++it) chain += display_of(it->key) + " -> ";
    chain += display_of(key);
    Diagnostic& d = diags_.error(from, "'use' cycle: " + chain);
    for (auto it = std::next(start); it != stack_.end(); ++it) {
      d.notes.push_back(Note{it->from, in_quotes(display_of(it->key)) + " is used here"});
    }
  }

  static std::string display_of(const std::string& key) {
    if (key.starts_with("stdlib:")) return "stdlib/" + key.substr(7) + ".remit";
    return fs::path(key).filename().string();
  }

  FileId add(std::string display, std::string text, std::uint32_t depth,
             std::optional<SheetOrigin> sheet = {}) {
    return add(std::move(display), FileText(std::move(text)), depth, std::move(sheet));
  }
  FileId add(std::string display, FileText text, std::uint32_t depth,
             std::optional<SheetOrigin> sheet = {}) {
    FileId id = sources_.add(std::move(display), std::move(text), std::move(sheet));
    depths_.resize(sources_.size(), 0);
    depths_[id] = depth;
    return id;
  }

  // Whether `path` may be read, reporting why not: it is not the run's output, nor a directory,
  // and within the size limit when its size is known.
  bool may_read(const fs::path& path, SourceSpan from) {
    if (is_output(path, from)) return false;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      diags_.error(from, in_quotes(path.string()) + " is a directory, not a file");
      return false;
    }
    auto size = fs::file_size(path, ec);
    if (!ec && size > limits_.max_file_bytes) {
      diags_.error(from, in_quotes(path.string()) + " is " + byte_size(size) +
                             ": larger than the limit of " + byte_size(limits_.max_file_bytes));
      return false;
    }
    return true;
  }

  std::optional<std::string> read(const fs::path& path, SourceSpan from) {
    if (!may_read(path, from)) return std::nullopt;
    std::string error;
    // Pipes and devices have no size to check first: the read itself stops at the limit.
    auto text = read_file(path, error, limits_.max_file_bytes);
    if (!text) diags_.error(from, "cannot read '" + path.string() + "': " + error);
    return text;
  }

  // An export's bytes: a plain file mapped (source/file_text.hpp), anything else read.
  std::optional<FileText> read_export_bytes(const fs::path& path, SourceSpan from) {
    if (!may_read(path, from)) return std::nullopt;
    // Within the limit unless it grew since its size was checked: then it is read, which stops
    // at the limit and says so.
    if (auto mapped = FileText::map(path);
        mapped && mapped->view().size() <= limits_.max_file_bytes) {
      return mapped;
    }
    auto text = read(path, from);
    if (!text) return std::nullopt;
    return FileText(std::move(*text));
  }

  // "1025 MiB", "4096 bytes", "1024 MiB (1073741825 bytes)": whole MiB when exact, else the
  // exact count too, so that a file one byte over the limit does not read as equal to it.
  static std::string byte_size(std::uintmax_t n) {
    constexpr std::uintmax_t mib = std::uintmax_t{1} << 20;
    if (n < mib) return std::to_string(n) + " bytes";
    std::string s = std::to_string(n / mib) + " MiB";
    if (n % mib != 0) s += " (" + std::to_string(n) + " bytes)";
    return s;
  }

  // The key a file is known by: its canonical path; or, for a hard link to a file already known
  // by another path, that file's key, so that a file named twice is read once however it is
  // reached (as `-o` knows an input however it is named).
  std::string key_of(const fs::path& path) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    std::string key = ec ? path.lexically_normal().string() : canonical.string();
    if (auto id = identity_of(path)) {
      return key_by_identity_.try_emplace({id->device, id->inode}, std::move(key)).first->second;
    }
    return key;
  }

  // The stdlib on disk wins over the embedded copy so that edits show without a rebuild:
  // $REMIT_STDLIB_PATH first, then the source tree this binary was built from.
  std::optional<std::string> stdlib_text(std::string_view name, SourceSpan from) {
    std::vector<fs::path> roots;
    if (const char* env = std::getenv("REMIT_STDLIB_PATH"); env && *env) roots.emplace_back(env);
#ifdef REMIT_SOURCE_STDLIB
    roots.emplace_back(REMIT_SOURCE_STDLIB);
#endif
    for (const fs::path& root : roots) {
      fs::path candidate = root / (std::string(name) + ".remit");
      std::error_code ec;
      if (fs::is_regular_file(candidate, ec)) {
        // Refused (the error is recorded); an empty module keeps "no module" from following.
        if (is_output(candidate, from)) return std::string();
        std::string error;
        if (auto text = read_file(candidate, error)) return text;
      }
    }
    for (const EmbeddedModule& m : embedded_stdlib()) {
      if (m.name == name) return std::string(m.text);
    }
    return std::nullopt;
  }

  struct Frame {
    std::string key;
    SourceSpan from;
  };

  SourceSet& sources_;
  ast::Program& program_;
  FileDepths& depths_;
  Diagnostics& diags_;
  const Limits& limits_;
  fs::path output_path_;
  std::optional<FileIdentity> output_;
  std::string sheet_;  // Inputs::sheet
  bool read_a_workbook_ = false;
  std::vector<fs::path> confine_to_;                                // canonical
  std::map<std::string, bool> loaded_;                              // key -> finished loading
  std::map<std::string, const std::string*> unsaved_;               // key -> Inputs::unsaved text
  std::map<std::pair<dev_t, ino_t>, std::string> key_by_identity_;  // the first key of each file
  std::vector<Frame> stack_;
  std::vector<ast::UseDecl> modules_used_;  // stdlib modules the policy's own files use
};

}  // namespace

std::string default_module(ast::Jurisdiction jurisdiction, std::string_view module) {
  return std::string(ast::name(jurisdiction)) + "/" + std::string(module);
}

bool load_inputs(const Inputs& inputs, SourceSet& sources, ast::Program& program,
                 FileDepths& depths, Diagnostics& diags, const Limits& limits) {
  Loader loader(sources, program, depths, diags, limits, inputs);
  if (!loader.output_is_not_an_input(inputs)) return false;
  if (!loader.known_fields(inputs.columns)) return false;
  for (const fs::path& p : inputs.policies) loader.policy_argument(p);
  for (const Inputs::Text& t : inputs.texts) loader.text_argument(t);
  const std::optional<ast::Jurisdiction> jurisdiction = loader.jurisdiction(inputs);
  // A run that defines no category at all (no policy, or only a structure) derives by the Act.
  if (program.categories.empty()) {
    const ast::Jurisdiction j = jurisdiction.value_or(ast::Jurisdiction::england);
    loader.module(default_module(j, default_policy_module), {}, 1);
    if (inputs.policies.empty() && inputs.texts.empty()) {
      loader.module(default_module(j, default_rules_module), {}, 1);
    }
  }
  loader.exports(inputs);
  for (const fs::path& p : inputs.designations) {
    loader.csv(p, ast::ImportKind::designations, {}, 0, inputs.columns);
  }
  loader.sheet_unused();
  return !diags.has_errors();
}

}  // namespace remit
