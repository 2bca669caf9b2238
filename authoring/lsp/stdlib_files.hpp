// The standard library's modules as files an editor can open. The modules a policy `use`s are
// read from the stdlib folder or from the copy built into remit, so they may have no file at
// all: go to definition into one needs a path. Each module's text, exactly as it was parsed
// (so positions match), is written to a cache folder, read-only:
//   $XDG_CACHE_HOME/remit/stdlib/uk/roles.remit   (else ~/.cache/remit/..., else
//   /tmp/remit-UID/...)
// and rewritten only when the text changes. A document opened from there is the module itself.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace remit::lsp {

// The module a stdlib file's display name stands for: "stdlib/uk/roles.remit" -> "uk/roles".
std::optional<std::string> module_of_display_name(std::string_view name);

class StdlibFiles {
 public:
  // `root`: the cache folder; empty: the default above.
  explicit StdlibFiles(std::filesystem::path root = {});

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }
  // The file that holds `module`'s text, written first if needed; nullopt when it cannot be
  // written (the location is then left out, never wrong).
  std::optional<std::filesystem::path> file_of(std::string_view module, std::string_view text);
  // The module a path inside the cache folder is, or nullopt.
  [[nodiscard]] std::optional<std::string> module_of(const std::filesystem::path& path) const;

 private:
  std::filesystem::path root_;
  std::map<std::string, std::string, std::less<>> written_;  // module -> the text written
};

}  // namespace remit::lsp
