#include "authoring/test/discover.hpp"

#include <algorithm>
#include <system_error>

#include "resolve/loader.hpp"

namespace fs = std::filesystem;

namespace remit::policy_test {
namespace {

// 'path', built piecewise: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
std::string quoted(const fs::path& path) {
  std::string s(1, '\'');
  s += path.string();
  s += '\'';
  return s;
}

// The .remit files directly in `folder`, in name order: the policy's, then the test files.
struct FolderFiles {
  std::vector<fs::path> policy, tests;
};

FolderFiles files_of(const fs::path& folder) {
  FolderFiles out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    std::error_code status;
    if (entry.path().extension() != ".remit" || !entry.is_regular_file(status)) continue;
    (is_test_file(entry.path()) ? out.tests : out.policy).push_back(entry.path());
  }
  std::sort(out.policy.begin(), out.policy.end());
  std::sort(out.tests.begin(), out.tests.end());
  return out;
}

void add_folder(const fs::path& folder, Discovery& d) {
  const FolderFiles files = files_of(folder);
  if (!files.policy.empty()) d.suites.push_back(Suite{files.policy, files.policy});
  for (const fs::path& test : files.tests) {
    Suite s{files.policy, {test}};
    s.files.push_back(test);
    d.suites.push_back(std::move(s));
  }
}

}  // namespace

Discovery discover(const std::vector<fs::path>& paths) {
  Discovery d;
  for (const fs::path& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      add_folder(path, d);
      std::vector<fs::path> below;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code status;
        if (it->is_directory(status)) below.push_back(it->path());
      }
      std::sort(below.begin(), below.end());
      for (const fs::path& folder : below) add_folder(folder, d);
    } else if (!fs::exists(path, ec)) {
      d.errors.push_back(quoted(path) + " does not exist");
    } else if (path.extension() != ".remit") {
      d.errors.push_back(quoted(path) +
                         " is not a .remit file nor a folder: give a policy's folder, a .remit "
                         "file or a *_test.remit file");
    } else if (is_test_file(path)) {
      fs::path folder = path.parent_path();
      if (folder.empty()) folder = ".";
      Suite s{files_of(folder).policy, {path}};
      s.files.push_back(path);
      d.suites.push_back(std::move(s));
    } else {
      d.suites.push_back(Suite{{path}, {path}});
    }
  }
  return d;
}

}  // namespace remit::policy_test
