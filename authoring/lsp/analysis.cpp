#include "authoring/lsp/analysis.hpp"

#include <algorithm>
#include <new>
#include <system_error>

#include "authoring/lsp/stdlib_files.hpp"

namespace fs = std::filesystem;

namespace remit::lsp {

fs::path canonical_path(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return path.lexically_normal();
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : canonical;
}

Analysis::Analysis(const Inputs& inputs, const Limits& limits)
    : run_(std::make_unique<Run>(limits)) {
  try {
    loaded_ = run_->load(inputs);
  } catch (const InputError& e) {
    failures_.push_back(e.diagnostic);
  } catch (const std::bad_alloc&) {
    failures_.push_back(Diagnostic{Severity::error, {}, "out of memory while checking", {}});
  } catch (const std::exception& e) {
    failures_.push_back(
        Diagnostic{Severity::error, {}, std::string("internal error: ") + e.what(), {}});
  }
  loaded_ = loaded_ && failures_.empty();
  const SourceSet& sources = run_->sources();
  origins_.reserve(sources.size());
  for (FileId f = 0; f < sources.size(); ++f) {
    const std::string& name = sources.file(f).name;
    if (auto module = module_of_display_name(name)) {
      origins_.push_back(FileOrigin{FileOrigin::Kind::stdlib, {}, std::move(*module)});
    } else if (std::any_of(inputs.texts.begin(), inputs.texts.end(),
                           [&](const Inputs::Text& t) { return t.name == name; })) {
      origins_.push_back(FileOrigin{FileOrigin::Kind::text, {}, name});
    } else {
      origins_.push_back(FileOrigin{FileOrigin::Kind::file, canonical_path(name), {}});
    }
  }
  index_ = SymbolIndex(run_->program(), sources);
}

std::vector<const Diagnostic*> Analysis::diagnostics() const {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : run_->diagnostics().all()) out.push_back(&d);
  for (const Diagnostic& d : failures_) out.push_back(&d);
  return out;
}

std::optional<FileId> Analysis::file_with_path(const fs::path& canonical) const {
  for (FileId f = 0; f < origins_.size(); ++f) {
    if (origins_[f].kind == FileOrigin::Kind::file && origins_[f].path == canonical) return f;
  }
  return std::nullopt;
}

std::optional<FileId> Analysis::file_with_name(std::string_view text_name) const {
  for (FileId f = 0; f < origins_.size(); ++f) {
    if (origins_[f].kind == FileOrigin::Kind::text && origins_[f].name == text_name) return f;
  }
  return std::nullopt;
}

std::optional<FileId> Analysis::stdlib_module(std::string_view module) const {
  for (FileId f = 0; f < origins_.size(); ++f) {
    if (origins_[f].kind == FileOrigin::Kind::stdlib && origins_[f].name == module) return f;
  }
  return std::nullopt;
}

}  // namespace remit::lsp
