// Program::drop_last_post takes a post back with everything it appended to the per-post arenas,
// as an importer does for a bad row or the repeated row of a job share.
#include <catch2/catch.hpp>

#include "ast/ast.hpp"

namespace remit::ast {
namespace {

LineDecl line_to(std::string_view target) {
  LineDecl line;
  line.target.text = target;
  return line;
}

// Appends a post with one line, one designation and one duty, as an importer does.
void add_post(Program& program, std::string_view id) {
  PostDecl& post = program.posts.emplace_back();
  post.id.text = id;
  const std::size_t lines = program.post_lines.size();
  const std::size_t designations = program.post_designations.size();
  const std::size_t duties = program.post_duties.size();
  program.post_lines.push_back(line_to("ceo"));
  program.post_designations.push_back(Name{"monitoring_officer", {}});
  program.post_duties.push_back(Name{"delegated_powers", {}});
  post.lines = Program::since(program.post_lines, lines);
  program.set_extras(post, {Program::since(program.post_designations, designations),
                            Program::since(program.post_duties, duties),
                            {}});
}

TEST_CASE("program: dropping the last post takes back all it appended", "[ast][program]") {
  Program program;
  add_post(program, "first");
  const Program::PostMarks marks = program.post_marks();
  add_post(program, "second");
  REQUIRE(program.posts.size() == 2);
  REQUIRE(program.post_extras.size() == 2);

  program.drop_last_post(marks);
  CHECK(program.posts.size() == 1);
  CHECK(program.post_lines.size() == marks.lines);
  CHECK(program.post_designations.size() == marks.designations);
  CHECK(program.post_duties.size() == marks.duties);
  CHECK(program.post_extras.size() == marks.extras);
  // The post before is untouched, and the next post appended reuses the same places.
  const PostDecl& first = program.posts.front();
  CHECK(first.id.text == "first");
  REQUIRE(program.designations(first).size() == 1);
  CHECK(program.designations(first).front().text == "monitoring_officer");
  add_post(program, "third");
  CHECK(program.posts.back().extras == 1);
  CHECK(program.lines(program.posts.back()).size() == 1);
}

TEST_CASE("program: a post dropped before its extras were set leaves the others' in place",
          "[ast][program]") {
  Program program;
  add_post(program, "first");
  const Program::PostMarks marks = program.post_marks();
  program.posts.emplace_back().id.text = "bad row";
  program.post_lines.push_back(line_to("x"));
  program.drop_last_post(marks);
  CHECK(program.posts.size() == 1);
  CHECK(program.post_lines.size() == 1);
  CHECK(program.post_extras.size() == 1);
  CHECK(program.duties(program.posts.front()).front().text == "delegated_powers");
}

}  // namespace
}  // namespace remit::ast
