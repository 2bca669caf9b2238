#include "authoring/lsp/stdlib_files.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <system_error>

#include "source/source.hpp"

namespace fs = std::filesystem;

namespace remit::lsp {
namespace {

constexpr std::string_view display_prefix = "stdlib/";
constexpr std::string_view extension = ".remit";

fs::path default_root() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') {
    return fs::path(xdg) / "remit" / "stdlib";
  }
  if (const char* home = std::getenv("HOME"); home && *home == '/') {
    return fs::path(home) / ".cache" / "remit" / "stdlib";
  }
  return fs::temp_directory_path() / ("remit-" + std::to_string(::getuid())) / "stdlib";
}

// A module name names a file inside the cache folder and nothing else.
bool safe_module(std::string_view module) {
  if (module.empty() || module.front() == '/') return false;
  while (!module.empty()) {
    const std::string_view word = module.substr(0, module.find('/'));
    if (word.empty() || word == "." || word == "..") return false;
    module.remove_prefix(std::min(module.size(), word.size() + 1));
  }
  return true;
}

}  // namespace

std::optional<std::string> module_of_display_name(std::string_view name) {
  if (!name.starts_with(display_prefix) || !name.ends_with(extension)) return std::nullopt;
  name.remove_prefix(display_prefix.size());
  name.remove_suffix(extension.size());
  if (!safe_module(name)) return std::nullopt;
  return std::string(name);
}

StdlibFiles::StdlibFiles(fs::path root) : root_(root.empty() ? default_root() : std::move(root)) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(root_, ec), ec);
  if (!ec) root_ = canonical;
}

std::optional<fs::path> StdlibFiles::file_of(std::string_view module, std::string_view text) {
  if (!safe_module(module)) return std::nullopt;
  const fs::path path = root_ / (std::string(module) + std::string(extension));
  if (auto it = written_.find(module); it != written_.end() && it->second == text) return path;
  // Another server (or an earlier run) may have written the same text already.
  std::string error;
  if (auto on_disk = read_file(path, error); on_disk && *on_disk == text) {
    written_.insert_or_assign(std::string(module), std::string(text));
    return path;
  }
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return std::nullopt;
  // Written beside and renamed into place, so that an editor never opens half a module.
  const fs::path temporary = path.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) {
      fs::remove(temporary, ec);
      return std::nullopt;
    }
  }
  // Read-only: it is the law's encoding as remit read it, not a file to edit.
  fs::permissions(temporary, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read,
                  ec);
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return std::nullopt;
  }
  written_.insert_or_assign(std::string(module), std::string(text));
  return path;
}

std::optional<std::string> StdlibFiles::module_of(const fs::path& path) const {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  const fs::path relative = (ec ? path : canonical).lexically_relative(root_);
  const std::string r = relative.generic_string();
  if (r.empty() || r.starts_with("..") || !r.ends_with(extension)) return std::nullopt;
  std::string module = r.substr(0, r.size() - extension.size());
  if (!safe_module(module)) return std::nullopt;
  return module;
}

}  // namespace remit::lsp
