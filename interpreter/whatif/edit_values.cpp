#include "whatif/edit_values.hpp"

#include "ast/percent.hpp"

namespace remit {
namespace {

// Builds the shown text one edit a line, and the Names that point into it.
class Shown {
 public:
  explicit Shown(SourceSet& sources) : sources_(sources) {}

  // Starts the line of the next edit with its option; returns the span of the edit.
  SourceSpan begin_line(std::string_view option) {
    if (!text_.empty()) text_ += '\n';
    SourceSpan where = here();
    text_ += option;
    text_ += ' ';
    return where;
  }
  void add(std::string_view s) { text_ += s; }
  // An id, kept as given; the shown copy has line breaks and other control bytes as '?', so
  // that one id cannot look like two lines.
  ast::Name id(const std::string& text) {
    const SourceSpan where = here();
    for (char c : text) {
      text_ += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    }
    return ast::Name{sources_.keep(text), where};
  }
  void set_file(FileId file) { file_ = file; }
  std::string take() { return std::move(text_); }

 private:
  SourceSpan here() const { return SourceSpan{file_, static_cast<std::uint32_t>(text_.size())}; }
  SourceSet& sources_;
  std::string text_;
  FileId file_ = no_file;
};

}  // namespace

ast::ScenarioDecl scenario_of(std::span<const Edit> edits, std::string name, SourceSet& sources) {
  // The file's id is known before its text: the set numbers files in order.
  Shown shown(sources);
  shown.set_file(static_cast<FileId>(sources.size()));
  ast::ScenarioDecl scenario;
  for (const Edit& e : edits) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, edit::Move>) {
            const SourceSpan where = shown.begin_line("--move");
            ast::edit::Move m{shown.id(v.post), {}};
            shown.add("=");
            for (std::size_t k = 0; k < v.managers.size(); ++k) {
              if (k) shown.add(", ");
              ast::LineDecl line{shown.id(v.managers[k].id), ast::LineKind::reports, false,
                                 v.managers[k].basis_points};
              if (line.basis_points) {
                shown.add(" ");
                shown.add(ast::basis_points_text(*line.basis_points));
                shown.add("%");
              }
              m.lines.push_back(line);
            }
            scenario.edits.push_back(ast::Edit{std::move(m), where});
          } else if constexpr (std::is_same_v<T, edit::Remove>) {
            const SourceSpan where = shown.begin_line("--remove");
            scenario.edits.push_back(ast::Edit{ast::edit::RemovePost{shown.id(v.post)}, where});
          } else if constexpr (std::is_same_v<T, edit::Designate>) {
            const SourceSpan where = shown.begin_line("--designate");
            ast::Name post = shown.id(v.post);
            shown.add("=");
            scenario.edits.push_back(
                ast::Edit{ast::edit::Designate{post, shown.id(v.role)}, where});
          } else if constexpr (std::is_same_v<T, edit::Undesignate>) {
            const SourceSpan where = shown.begin_line("--undesignate");
            ast::Name post = shown.id(v.post);
            shown.add("=");
            scenario.edits.push_back(
                ast::Edit{ast::edit::Undesignate{post, shown.id(v.role)}, where});
          } else {
            const SourceSpan where = shown.begin_line("--assign");
            ast::Name person = shown.id(v.person);
            shown.add("=");
            scenario.edits.push_back(ast::Edit{
                ast::edit::Assign{person, shown.id(v.post), ast::HoldingKind::substantive}, where});
          }
        },
        e);
  }
  const FileId file = sources.add(std::move(name), shown.take());
  scenario.name = ast::Text{sources.file(file).name, SourceSpan{file, 0}};
  scenario.where = SourceSpan{file, 0};
  return scenario;
}

}  // namespace remit
