// One check of the files that belong together (a policy's folder, with the modules it uses),
// through the interpreter exactly as the command line runs it (remit::Run), with the editor's
// unsaved text in place of the files'. Holds what the editor's requests read afterwards: the
// run, its diagnostics, the index of names and where each loaded file came from.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "authoring/lsp/symbol_index.hpp"
#include "remit/remit.hpp"
#include "source/diagnostic.hpp"

namespace remit::lsp {

struct FileOrigin {
  enum class Kind : std::uint8_t {
    file,    // a file on disk (or an editor's unsaved text for it): `path`, canonical
    stdlib,  // a standard library module: `name` is the module ("uk/roles")
    text,    // text with no file (an untitled document): `name` is the name it was given
  };
  Kind kind = Kind::file;
  std::filesystem::path path;
  std::string name;
};

class Analysis {
 public:
  Analysis(const Inputs& inputs, const Limits& limits);
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  // Parsed, resolved and evaluated without an error: the categories of posts are known.
  [[nodiscard]] bool loaded() const { return loaded_; }
  [[nodiscard]] Run& run() { return *run_; }
  [[nodiscard]] const Run& run() const { return *run_; }
  [[nodiscard]] const SourceSet& sources() const { return run_->sources(); }
  [[nodiscard]] const SymbolIndex& index() const { return index_; }
  [[nodiscard]] const std::vector<FileOrigin>& origins() const { return origins_; }
  // The run's diagnostics, and what stopped a check that could not finish (a limit, memory).
  [[nodiscard]] std::vector<const Diagnostic*> diagnostics() const;

  [[nodiscard]] std::optional<FileId> file_with_path(const std::filesystem::path& canonical) const;
  [[nodiscard]] std::optional<FileId> file_with_name(std::string_view text_name) const;
  [[nodiscard]] std::optional<FileId> stdlib_module(std::string_view module) const;

 private:
  std::unique_ptr<Run> run_;
  bool loaded_ = false;
  std::vector<Diagnostic> failures_;
  SymbolIndex index_;
  std::vector<FileOrigin> origins_;
};

// The canonical form of a path, as FileOrigin keeps it (absolute, symbolic links resolved as
// far as the path exists).
std::filesystem::path canonical_path(const std::filesystem::path& path);

}  // namespace remit::lsp
