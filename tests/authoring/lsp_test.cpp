// The language server driven by a scripted client, in-process over string streams: every
// message the client sends is framed as an editor frames it, and every answer is read back.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "authoring/lsp/jsonrpc.hpp"
#include "authoring/lsp/server.hpp"
#include "authoring/lsp/text_position.hpp"
#include "remit/remit.hpp"
#include "source/diagnostic.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using remit::lsp::json;

namespace {

constexpr const char* council_text =
    "use \"uk/lgha1989\"\n"
    "use \"uk/statutory_officers\"\n"
    "body council \"Full Council\"\n"
    "let top = reports directly to council\n";

constexpr const char* structure_text =
    "post ceo \"Chief Executive\" {\n"
    "  reports to council\n"
    "  designated head_of_paid_service\n"
    "}\n"
    "post dfin \"Director of Finance\" {\n"
    "  reports to ceo\n"
    "  designated section_151_officer\n"
    "}\n"
    "post dhousing \"Director of Housing\" {\n"
    "  reports to ceo\n"
    "}\n";

std::string framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// What the client sends, in order; run() plays it to a server and reads every answer.
class Script {
 public:
  int request(const std::string& method, json params = json::object()) {
    const int id = next_id_++;
    input_ +=
        framed(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
    return id;
  }
  void notify(const std::string& method, json params = json::object()) {
    input_ += framed(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
  }
  void raw(const std::string& bytes) { input_ += bytes; }
  [[nodiscard]] const std::string& input() const { return input_; }
  void initialize() { request("initialize", {{"capabilities", json::object()}}); }
  void open(const std::string& uri, const std::string& text) {
    notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "remit"}, {"version", 1}, {"text", text}}}});
  }
  void change(const std::string& uri, int version, const std::string& text) {
    notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                      {"contentChanges", json::array({{{"text", text}}})}});
  }
  int at(const std::string& method, const std::string& uri, int line, int character,
         json extra = json::object()) {
    json params{{"textDocument", {{"uri", uri}}},
                {"position", {{"line", line}, {"character", character}}}};
    params.update(extra);
    return request(method, params);
  }
  void finish() {
    request("shutdown");
    notify("exit");
  }

  struct Result {
    int status = -1;
    std::vector<json> messages;
    [[nodiscard]] json response(int id) const {
      for (const json& m : messages) {
        if (m.contains("id") && m["id"] == id) return m;
      }
      FAIL("no response to request " << id);
      return {};
    }
    // Every diagnostics notification for `uri`, in the order sent.
    [[nodiscard]] std::vector<json> diagnostics(const std::string& uri) const {
      std::vector<json> out;
      for (const json& m : messages) {
        if (m.value("method", "") == "textDocument/publishDiagnostics" &&
            m["params"]["uri"] == uri) {
          out.push_back(m["params"]["diagnostics"]);
        }
      }
      return out;
    }
  };

  Result run(const remit::lsp::ServerOptions& options) const {
    std::istringstream in(input_);
    std::ostringstream out;
    Result result;
    result.status = remit::lsp::serve(in, out, options);
    std::istringstream answers(out.str());
    while (true) {
      remit::lsp::Frame frame = remit::lsp::read_frame(answers, std::size_t{1} << 30);
      if (frame.status != remit::lsp::Frame::Status::message) break;
      result.messages.push_back(json::parse(frame.body));
    }
    return result;
  }

 private:
  std::string input_;
  int next_id_ = 1;
};

struct PolicyFolder {
  remit::test::TempDir dir;
  fs::path cache = dir / "cache";
  std::string council_uri;
  std::string structure_uri;
  PolicyFolder() {
    fs::create_directory(dir / "policy");
    dir.write("policy/council.remit", council_text);
    dir.write("policy/structure.remit", structure_text);
    council_uri = remit::lsp::uri_of_path(fs::canonical(dir / "policy/council.remit"));
    structure_uri = remit::lsp::uri_of_path(fs::canonical(dir / "policy/structure.remit"));
  }
  [[nodiscard]] remit::lsp::ServerOptions options() const {
    remit::lsp::ServerOptions o;
    o.stdlib_cache = cache;
    return o;
  }
};

json range(int line, int start, int end) {
  return {{"start", {{"line", line}, {"character", start}}},
          {"end", {{"line", line}, {"character", end}}}};
}

}  // namespace

TEST_CASE("lsp: diagnostics on open carry the error's range and are cleared once it is fixed",
          "[lsp]") {
  PolicyFolder f;
  Script s;
  s.initialize();
  std::string broken = structure_text;
  broken.replace(broken.find("reports to ceo"), 14, "reports to cee");
  s.open(f.structure_uri, broken);
  s.change(f.structure_uri, 2, structure_text);
  s.finish();
  const Script::Result r = s.run(f.options());
  CHECK(r.status == 0);
  const auto published = r.diagnostics(f.structure_uri);
  REQUIRE(published.size() == 2);
  REQUIRE(published[0].size() == 1);
  const json& d = published[0][0];
  CHECK(d["severity"] == 1);
  CHECK(d["message"].get<std::string>().find("'cee', which is not a post or body") !=
        std::string::npos);
  CHECK(d["range"] == range(5, 13, 16));  // `cee` on the sixth line
  CHECK(published[1].empty());
}

TEST_CASE("lsp: a syntax error is reported where the command line reports it", "[lsp]") {
  PolicyFolder f;
  Script s;
  s.initialize();
  s.open(f.structure_uri, std::string(structure_text) + "post \"x\"\n");
  s.finish();
  const auto published = s.run(f.options()).diagnostics(f.structure_uri);
  REQUIRE(published.size() == 1);
  REQUIRE(published[0].size() >= 1);
  CHECK(published[0][0]["range"]["start"]["line"] == 11);
  CHECK(published[0][0]["message"].get<std::string>().find("expected a post id") !=
        std::string::npos);
}

TEST_CASE("lsp: hover on a post gives its title, its category and the reason", "[lsp]") {
  PolicyFolder f;
  Script s;
  s.initialize();
  s.open(f.structure_uri, structure_text);
  const int on_decl = s.at("textDocument/hover", f.structure_uri, 8, 7);     // post dhousing
  const int on_use = s.at("textDocument/hover", f.structure_uri, 5, 14);     // reports to ceo
  const int on_role = s.at("textDocument/hover", f.structure_uri, 6, 16);    // section_151_officer
  const int on_nothing = s.at("textDocument/hover", f.structure_uri, 3, 0);  // }
  s.finish();
  const Script::Result r = s.run(f.options());
  const std::string decl = r.response(on_decl)["result"]["contents"]["value"];
  CHECK(decl.find("Director of Housing") != std::string::npos);
  CHECK(decl.find("Category 3: Non-Statutory Chief Officers") != std::string::npos);
  CHECK(decl.find("because it reports directly to") != std::string::npos);
  const std::string use = r.response(on_use)["result"]["contents"]["value"];
  CHECK(use.find("Chief Executive") != std::string::npos);
  CHECK(use.find("Category 1") != std::string::npos);
  const std::string role = r.response(on_role)["result"]["contents"]["value"];
  CHECK(role.find("designation") != std::string::npos);
  CHECK(role.find("Section 151") != std::string::npos);
  CHECK(role.find("stdlib uk/roles") != std::string::npos);
  CHECK(r.response(on_nothing)["result"].is_null());
}

TEST_CASE("lsp: definition goes into another file of the folder and into the stdlib", "[lsp]") {
  PolicyFolder f;
  Script s;
  s.initialize();
  s.open(f.structure_uri, structure_text);
  const int body = s.at("textDocument/definition", f.structure_uri, 1, 14);  // reports to council
  const int role = s.at("textDocument/definition", f.structure_uri, 6, 16);
  const int post = s.at("textDocument/definition", f.structure_uri, 9, 14);  // reports to ceo
  s.finish();
  const Script::Result r = s.run(f.options());
  const json to_body = r.response(body)["result"];
  REQUIRE(to_body.size() == 1);
  CHECK(to_body[0]["uri"] == f.council_uri);
  CHECK(to_body[0]["range"] == range(2, 5, 12));
  const json to_role = r.response(role)["result"];
  REQUIRE(to_role.size() == 1);
  const std::string uri = to_role[0]["uri"];
  const auto path = remit::lsp::path_of_uri(uri);
  REQUIRE(path);
  CHECK(*path == fs::canonical(f.cache) / "uk" / "roles.remit");
  std::string error;
  const auto module = remit::read_file(*path, error);
  REQUIRE(module);
  // The range points at the declaration in the module's text as it was written out.
  std::istringstream lines(*module);
  std::string line;
  for (int n = 0; n <= to_role[0]["range"]["start"]["line"].get<int>(); ++n) {
    std::getline(lines, line);
  }
  CHECK(line.find("designation section_151_officer") != std::string::npos);
  const json to_post = r.response(post)["result"];
  REQUIRE(to_post.size() == 1);
  CHECK(to_post[0]["range"] == range(0, 5, 8));
}

TEST_CASE("lsp: references list every place a post's id is written", "[lsp]") {
  PolicyFolder f;
  Script s;
  s.initialize();
  s.open(f.structure_uri, structure_text);
  const int with_decl = s.at("textDocument/references", f.structure_uri, 0, 6,
                             {{"context", {{"includeDeclaration", true}}}});
  const int without = s.at("textDocument/references", f.structure_uri, 0, 6,
                           {{"context", {{"includeDeclaration", false}}}});
  const int body = s.at("textDocument/references", f.structure_uri, 1, 14,
                        {{"context", {{"includeDeclaration", true}}}});
  s.finish();
  const Script::Result r = s.run(f.options());
  CHECK(r.response(with_decl)["result"].size() == 3);
  CHECK(r.response(without)["result"].size() == 2);
  // `council`: declared in council.remit, used there by the let and here by ceo.
  const json to_body = r.response(body)["result"];
  CHECK(to_body.size() == 3);
  int in_council = 0;
  for (const json& l : to_body) in_council += l["uri"] == f.council_uri ? 1 : 0;
  CHECK(in_council == 2);
}

TEST_CASE("lsp: completion offers designations after designated, ids and keywords elsewhere",
          "[lsp]") {
  PolicyFolder f;
  Script s;
  s.initialize();
  std::string text = std::string(structure_text) +
                     "post dlegal \"Director of Legal\" {\n  designated \n  reports to \n}\n";
  s.open(f.structure_uri, text);
  const int role = s.at("textDocument/completion", f.structure_uri, 12, 13);
  const int target = s.at("textDocument/completion", f.structure_uri, 13, 13);
  s.finish();
  const Script::Result r = s.run(f.options());
  auto labels = [&](int id) {
    std::vector<std::string> out;
    const json result = r.response(id)["result"];
    for (const json& item : result) out.push_back(item["label"]);
    return out;
  };
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  const auto roles = labels(role);
  CHECK(has(roles, "monitoring_officer"));
  CHECK(has(roles, "head_of_paid_service"));
  CHECK_FALSE(has(roles, "ceo"));
  const auto targets = labels(target);
  CHECK(has(targets, "ceo"));
  CHECK(has(targets, "council"));
  CHECK(has(targets, "top"));
  CHECK(has(targets, "reports"));
  CHECK_FALSE(has(targets, "monitoring_officer"));
}

TEST_CASE("lsp: the people of an imported holders export are found as a policy's are", "[lsp]") {
  PolicyFolder f;
  f.dir.write("policy/holders.csv", "person,post_id\np_khan,dfin\np_lee,dhousing\np_khan,ceo\n");
  const std::string people =
      "import holders \"holders.csv\"\npost dlegal \"Director of Legal\" {\n"
      "  reports to ceo\n  holder p_lee\n}\n";
  f.dir.write("policy/people.remit", people);
  const std::string uri = remit::lsp::uri_of_path(fs::canonical(f.dir / "policy/people.remit"));
  Script s;
  s.initialize();
  s.open(uri, people);
  const int hover = s.at("textDocument/hover", uri, 3, 11);  // holder p_lee
  const int definition = s.at("textDocument/definition", uri, 3, 11);
  // A holder being typed (`holder p|`): an unknown person, but no syntax error, so the export
  // is still read.
  s.change(uri, 2,
           "import holders \"holders.csv\"\npost dlegal \"Director of Legal\" {\n"
           "  reports to ceo\n  holder p\n}\n");
  const int completion = s.at("textDocument/completion", uri, 3, 10);
  s.finish();
  const Script::Result r = s.run(f.options());
  const std::string shown = r.response(hover)["result"]["contents"]["value"];
  CHECK(shown.find("**p\\_lee** (`p\\_lee`), a person") != std::string::npos);
  CHECK(shown.find("Holds substantive `dhousing`.") != std::string::npos);
  const json to_row = r.response(definition)["result"];
  REQUIRE(to_row.size() == 1);
  CHECK(to_row[0]["uri"] == remit::lsp::uri_of_path(fs::canonical(f.dir / "policy/holders.csv")));
  CHECK(to_row[0]["range"] == range(2, 0, 5));
  std::vector<std::string> labels;
  const json offered = r.response(completion)["result"];
  for (const json& item : offered) labels.push_back(item["label"]);
  CHECK(labels == std::vector<std::string>{"p_khan", "p_lee"});
}

TEST_CASE("lsp: the outline lists a file's declarations in order", "[lsp]") {
  PolicyFolder f;
  Script s;
  s.initialize();
  s.open(f.council_uri, council_text);
  const int symbols =
      s.request("textDocument/documentSymbol", {{"textDocument", {{"uri", f.council_uri}}}});
  s.finish();
  const json result = s.run(f.options()).response(symbols)["result"];
  REQUIRE(result.size() == 2);
  CHECK(result[0]["name"] == "council");
  CHECK(result[0]["detail"] == "Full Council");
  CHECK(result[1]["name"] == "top");
  CHECK(result[1]["kind"] == 13);
}

TEST_CASE("lsp: bad messages get the protocol's errors and the server goes on", "[lsp]") {
  PolicyFolder f;
  Script s;
  const int early = s.request("textDocument/hover", json::object());
  s.initialize();
  s.raw(framed("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": "));  // cut short
  s.raw(framed("[1, 2]"));
  s.raw("X-Header: nothing\r\n\r\n");  // no Content-Length
  const int unknown = s.request("textDocument/rename", json::object());
  const int no_position =
      s.request("textDocument/hover", {{"textDocument", {{"uri", f.structure_uri}}}});
  const int not_a_uri = s.at("textDocument/hover", "untitled:nowhere", 0, 0);
  s.notify("textDocument/didChange", json::object());  // a notification: no answer
  s.open(f.structure_uri, structure_text);
  const int after = s.at("textDocument/hover", f.structure_uri, 0, 6);
  s.finish();
  const Script::Result r = s.run(f.options());
  CHECK(r.status == 0);
  CHECK(r.response(early)["error"]["code"] == -32002);
  std::vector<int> unidentified;
  for (const json& m : r.messages) {
    if (m.contains("id") && m["id"].is_null()) unidentified.push_back(m["error"]["code"]);
  }
  CHECK(unidentified == std::vector<int>{-32700, -32600, -32700});
  CHECK(r.response(unknown)["error"]["code"] == -32601);
  CHECK(r.response(no_position)["error"]["code"] == -32602);
  CHECK(r.response(not_a_uri)["error"]["code"] == -32602);
  CHECK(r.response(after)["result"]["contents"]["value"].get<std::string>().find(
            "Chief Executive") != std::string::npos);
}

TEST_CASE("lsp: exit without shutdown, or the end of input, gives status 1", "[lsp]") {
  PolicyFolder f;
  Script without;
  without.initialize();
  without.notify("exit");
  CHECK(without.run(f.options()).status == 1);
  Script ended;
  ended.initialize();
  ended.raw("Content-Length: 100\r\n\r\n{\"jsonrpc\"");
  CHECK(ended.run(f.options()).status == 1);
  Script after_shutdown;
  after_shutdown.initialize();
  after_shutdown.request("shutdown");
  const int late = after_shutdown.request("textDocument/hover", json::object());
  after_shutdown.notify("exit");
  const auto r = after_shutdown.run(f.options());
  CHECK(r.status == 0);
  CHECK(r.response(late)["error"]["code"] == -32600);
}

TEST_CASE("lsp: a document with no file is checked on its own", "[lsp]") {
  PolicyFolder f;
  Script s;
  s.initialize();
  s.open("untitled:Untitled-1", "post a \"A\" { reports to b }\n");
  s.finish();
  const auto published = s.run(f.options()).diagnostics("untitled:Untitled-1");
  REQUIRE(published.size() == 1);
  REQUIRE(published[0].size() == 1);
  CHECK(published[0][0]["range"] == range(0, 24, 25));  // `b`
}

TEST_CASE("lsp: formatting is offered only with a formatter, and replaces the whole text",
          "[lsp]") {
  PolicyFolder f;
  Script s;
  s.initialize();
  s.open(f.council_uri, council_text);
  const int format =
      s.request("textDocument/formatting", {{"textDocument", {{"uri", f.council_uri}}},
                                            {"options", {{"tabSize", 2}, {"insertSpaces", true}}}});
  s.finish();
  const Script::Result without = s.run(f.options());
  CHECK_FALSE(without.response(1)["result"]["capabilities"].contains("documentFormattingProvider"));
  CHECK(without.response(format)["error"]["code"] == -32601);
  remit::lsp::ServerOptions options = f.options();
  options.format = [](std::string_view text, std::string_view, remit::Diagnostics&) {
    return std::optional<std::string>("# formatted\n" + std::string(text));
  };
  const Script::Result with = s.run(options);
  CHECK(with.response(1)["result"]["capabilities"]["documentFormattingProvider"] == true);
  const json edits = with.response(format)["result"];
  REQUIRE(edits.size() == 1);
  CHECK(edits[0]["newText"] == "# formatted\n" + std::string(council_text));
  CHECK(edits[0]["range"] ==
        json{{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 4}, {"character", 0}}}});
}

TEST_CASE("lsp: positions count UTF-16 code units unless the client takes UTF-8", "[lsp]") {
  const std::string text = "x \"\xC3\xA9\xF0\x9F\x98\x80\" y\n";  // é (2 bytes), 😀 (4 bytes)
  const std::size_t y = text.find('y');
  using remit::lsp::PositionEncoding;
  CHECK(remit::lsp::position_in_line(text, 0, 0, y, PositionEncoding::utf16).character == 8);
  CHECK(remit::lsp::position_in_line(text, 0, 0, y, PositionEncoding::utf8).character == y);
  CHECK(remit::lsp::offset_of(text, {0, 8}, PositionEncoding::utf16) == y);
  CHECK(remit::lsp::offset_of(text, {5, 0}, PositionEncoding::utf16) == text.size());
  const fs::path path = "/tmp/a b/Ω.remit";
  const std::string uri = remit::lsp::uri_of_path(path);
  CHECK(uri == "file:///tmp/a%20b/%CE%A9.remit");
  CHECK(remit::lsp::path_of_uri(uri) == path);
  CHECK_FALSE(remit::lsp::path_of_uri("untitled:x"));
  CHECK_FALSE(remit::lsp::path_of_uri("file:///bad%zz"));
}

TEST_CASE("loader: an editor's unsaved text stands for its file, however the file is reached",
          "[lsp]") {
  remit::test::TempDir dir;
  dir.write("a.remit", "use \"b.remit\"\npost a \"A\" { reports to b }\n");
  dir.write("b.remit", "post old \"Old\"\n");
  remit::Run run;
  remit::Inputs inputs;
  // Both named, and b.remit reached by a.remit's `use` as well: read once, from the text.
  inputs.policies = {dir / "a.remit", dir / "b.remit"};
  inputs.unsaved = {{(dir / "b.remit").string(), "post b \"B\"\n"}};
  REQUIRE(run.load(inputs));
  CHECK(run.diagnostics().all().empty());
}

TEST_CASE("lsp: hover and definition on a category number, a citation and a let", "[lsp]") {
  PolicyFolder f;
  const std::string uri = "untitled:override.remit";
  Script s;
  s.initialize();
  s.open(uri,
         "use \"uk/lgha1989\"\n"
         "override category 2 \"Statutory Chief Officers\" {\n"
         "  when designated section_151_officer\n"
         "  cite \"LGHA 1989 s.2(6), as the council lists it\"\n"
         "}\n"
         "let finance = category 2\n");
  const int number = s.at("textDocument/hover", uri, 1, 18);
  const int citation = s.at("textDocument/hover", uri, 3, 12);
  const int let = s.at("textDocument/hover", uri, 5, 5);
  const int definitions = s.at("textDocument/definition", uri, 5, 23);
  s.finish();
  const Script::Result r = s.run(f.options());
  const std::string on_number = r.response(number)["result"]["contents"]["value"];
  CHECK(on_number.find("Override of category 2") != std::string::npos);
  CHECK(on_number.find("Defined in stdlib england/lgha1989") != std::string::npos);
  const std::string on_citation = r.response(citation)["result"]["contents"]["value"];
  CHECK(on_citation.find("Citation: **LGHA 1989 s.2(6), as the council lists it**") !=
        std::string::npos);
  CHECK(on_citation.find("Cited by the category `2`") != std::string::npos);
  const std::string on_let = r.response(let)["result"]["contents"]["value"];
  CHECK(on_let.find("let finance = category 2") != std::string::npos);
  const json to = r.response(definitions)["result"];
  REQUIRE(to.size() == 2);
  CHECK(to[0]["uri"] != to[1]["uri"]);  // the override here and the Act's category in the stdlib
}

TEST_CASE("lsp: remit lsp answers on standard output and nothing else is written there",
          "[lsp][cli]") {
  PolicyFolder f;
  Script s;
  s.initialize();
  s.open(f.structure_uri, structure_text);
  const int hover = s.at("textDocument/hover", f.structure_uri, 0, 6);
  s.finish();
  const fs::path in = f.dir.write("in.txt", s.input());
  const fs::path out = f.dir / "out.txt";
  const std::string command = std::string("XDG_CACHE_HOME='") + f.cache.string() + "' '" +
                              REMIT_CLI_PATH + "' lsp < '" + in.string() + "' > '" + out.string() +
                              "'";
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  std::string error;
  const auto written = remit::read_file(out, error);
  REQUIRE(written);
  std::istringstream answers(*written);
  std::vector<json> messages;
  while (true) {
    remit::lsp::Frame frame = remit::lsp::read_frame(answers, std::size_t{1} << 30);
    if (frame.status != remit::lsp::Frame::Status::message) {
      CHECK(frame.status == remit::lsp::Frame::Status::end);  // nothing but messages
      break;
    }
    messages.push_back(json::parse(frame.body));
  }
  bool answered = false;
  bool formats = false;  // remit lsp formats with remit fmt (authoring/format)
  for (const json& m : messages) {
    if (m.contains("id") && m["id"] == hover) {
      answered = m["result"]["contents"]["value"].get<std::string>().find("Chief Executive") !=
                 std::string::npos;
    }
    if (m.contains("result") && m["result"].is_object() && m["result"].contains("capabilities")) {
      formats = m["result"]["capabilities"].value("documentFormattingProvider", false);
    }
  }
  CHECK(answered);
  CHECK(formats);
}
