#include "authoring/format/fmt_command.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

#include "authoring/format/format.hpp"
#include "authoring/format/unified_diff.hpp"
#include "report/output_file.hpp"
#include "resolve/embedded_stdlib.hpp"
#include "resolve/suggest.hpp"
#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit::format {
namespace {

namespace fs = std::filesystem;

enum Status : int { ok = 0, unformatted = 1, bad_input = 2 };

// The policy files a path names: itself, or every *.remit under it, in name order.
std::vector<fs::path> files_under(const fs::path& path, std::string& problem) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    problem = "no file or folder " + in_quotes(path.string());
    return {};
  }
  if (!fs::is_directory(st)) return {path};
  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code fec;
    if (it->path().extension() == ".remit" && it->is_regular_file(fec)) {
      files.push_back(it->path());
    }
  }
  if (ec) problem = "cannot read the folder " + in_quotes(path.string()) + ": " + ec.message();
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int run_fmt(const std::vector<std::string>& paths, const FmtOptions& options, std::ostream& out,
            std::ostream& err) {
  int status = ok;
  const auto fail = [&](std::string_view message) {
    err << render_message(Severity::error, message, options.colour);
    status = bad_input;
  };
  for (const std::string& given : paths) {
    std::string problem;
    const std::vector<fs::path> files = files_under(given, problem);
    if (!problem.empty()) fail(problem);
    for (const fs::path& path : files) {
      std::string read_error;
      std::optional<std::string> text = read_file(path, read_error);
      if (!text) {
        fail("cannot read " + in_quotes(path.string()) + ": " + read_error);
        continue;
      }
      SourceSet sources;
      const FileId file = sources.add(path.string(), *text);
      Diagnostics diags;
      const std::optional<std::string> formatted = format_file(sources, file, diags);
      if (!formatted) {
        err << render(sources, diags, options.colour);
        err << render_message(Severity::note,
                              path.string() +
                                  " is left as it was: fix the error, then run "
                                  "remit fmt again",
                              options.colour);
        status = bad_input;
        continue;
      }
      if (*formatted == *text) continue;
      if (options.diff) out << unified_diff(*text, *formatted, path.string());
      if (options.check) {
        if (!options.diff) out << path.string() << '\n';
        if (status == ok) status = unformatted;
      }
      if (options.check || options.diff) continue;
      const std::string write_error =
          write_file_atomically(path, *formatted, WriteOptions{.clean_up_on_signals = true});
      if (!write_error.empty()) {
        fail("cannot write " + in_quotes(path.string()) + ": " + write_error +
             "; the file is left as it was");
        continue;
      }
      out << "formatted " << path.string() << '\n';
    }
  }
  return status;
}

std::string module_summary(std::string_view module, std::string_view text) {
  std::string summary;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.starts_with("#")) break;
    line.remove_prefix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty()) break;  // the end of the first paragraph
    if (summary.empty()) {
      const std::string lead = std::string(module) + ":";
      if (line.starts_with(lead)) line.remove_prefix(lead.size());
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    } else {
      summary += ' ';
    }
    // The first sentence: up to a full stop that ends a line or is followed by a space and a
    // capital letter.
    std::size_t stop = std::string_view::npos;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] != '.') continue;
      if (i + 1 == line.size() || (line[i + 1] == ' ' && i + 2 < line.size() &&
                                   std::isupper(static_cast<unsigned char>(line[i + 2])))) {
        stop = i;
        break;
      }
    }
    if (stop != std::string_view::npos) {
      summary += line.substr(0, stop + 1);
      break;
    }
    summary += line;
  }
  return summary;
}

int run_stdlib_list(std::ostream& out) {
  std::size_t width = 0;
  for (const EmbeddedModule& m : embedded_stdlib()) width = std::max(width, m.name.size());
  for (const EmbeddedModule& m : embedded_stdlib()) {
    std::string summary = module_summary(m.name, m.text);
    if (summary.empty()) summary = "(no description: its text starts with no comment)";
    out << m.name << std::string(width - m.name.size() + 2, ' ') << summary << '\n';
  }
  return ok;
}

int run_stdlib_show(std::string_view module, std::ostream& out, std::ostream& err, bool colour) {
  std::vector<std::string_view> names;
  for (const EmbeddedModule& m : embedded_stdlib()) {
    if (m.name == module) {
      out << m.text;
      return ok;
    }
    names.push_back(m.name);
  }
  err << render_message(Severity::error,
                        "no built-in module " + in_quotes(module) + did_you_mean(module, names) +
                            " (remit stdlib list lists them)",
                        colour);
  return bad_input;
}

}  // namespace remit::format
