#include "authoring/lsp/server.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <system_error>
#include <vector>

#include "authoring/lsp/analysis.hpp"
#include "authoring/lsp/features.hpp"
#include "authoring/lsp/jsonrpc.hpp"
#include "authoring/lsp/stdlib_files.hpp"
#include "authoring/lsp/text_position.hpp"

namespace fs = std::filesystem;

namespace remit::lsp {
namespace {

struct Document {
  std::string uri;
  std::string text;
  std::int64_t version = 0;
  std::optional<fs::path> path;       // a file: URI, canonical
  std::optional<std::string> module;  // a stdlib module's file, as written by StdlibFiles
  std::string unit;                   // the key of the files checked with it
};

// The params of a request, read strictly: a missing or mistyped field is InvalidParams.
const json& field(const json& object, const char* key, json::value_t type) {
  if (!object.is_object()) throw RpcError(ErrorCode::invalid_params, "params must be an object");
  auto it = object.find(key);
  const bool number_ok = type == json::value_t::number_unsigned && it != object.end() &&
                         it->is_number_integer() && *it >= 0;
  if (it == object.end() || (it->type() != type && !number_ok)) {
    throw RpcError(ErrorCode::invalid_params,
                   std::string("missing or mistyped field '") + key + "'");
  }
  return *it;
}

class Server {
 public:
  Server(std::ostream& out, const ServerOptions& options)
      : out_(out), options_(options), stdlib_(options.stdlib_cache) {}

  void handle(const std::string& body);
  [[nodiscard]] bool exited() const { return exited_; }
  [[nodiscard]] int exit_status() const { return shutdown_ ? 0 : 1; }
  void error(const json& id, ErrorCode code, const std::string& message) {
    write_frame(out_, {{"jsonrpc", "2.0"},
                       {"id", id},
                       {"error", {{"code", static_cast<int>(code)}, {"message", message}}}});
  }

 private:
  using Request = json (Server::*)(const json& params);
  using Notification = void (Server::*)(const json& params);

  void request(const json& id, const std::string& method, const json& params);
  void notification(const std::string& method, const json& params);
  void notify(const std::string& method, json params) {
    write_frame(out_, {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  // ---- lifecycle
  json initialize(const json& params);
  json shutdown(const json&) {
    shutdown_ = true;
    return nullptr;
  }
  void initialized(const json&) {}

  // ---- documents
  void did_open(const json& params);
  void did_change(const json& params);
  void did_close(const json& params);
  void did_save(const json&) {}

  // ---- questions
  json hover(const json& params);
  json definition(const json& params);
  json references(const json& params);
  json completion(const json& params);
  json document_symbol(const json& params);
  json formatting(const json& params);

  Document document(const json& params) const;
  std::string unit_of(const Document& d) const;
  Inputs inputs_of(const std::string& unit) const;
  Analysis& analysis_of(const Document& d);
  void check(const std::string& unit);
  std::optional<FileId> file_of(const Analysis& a, const Document& d) const;
  Place place(const Analysis& a, const Document& d, const json& params) const;
  std::optional<std::string> uri_of(const Analysis& a, FileId file);

  std::ostream& out_;
  const ServerOptions& options_;
  StdlibFiles stdlib_;
  PositionEncoding encoding_ = PositionEncoding::utf16;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  std::map<std::string, Document> documents_;                  // by URI
  std::map<std::string, std::unique_ptr<Analysis>> analyses_;  // by unit
  std::map<std::string, std::set<std::string>> published_;     // unit -> URIs given diagnostics
};

void Server::handle(const std::string& body) {
  const json message = json::parse(body, nullptr, false);
  if (message.is_discarded())
    return error(nullptr, ErrorCode::parse_error, "the message is not JSON");
  if (!message.is_object()) {
    return error(nullptr, ErrorCode::invalid_request, "a message must be a JSON object");
  }
  json id = nullptr;
  const bool has_id = message.contains("id");
  if (has_id) {
    id = message["id"];
    if (!id.is_string() && !id.is_number_integer()) {
      return error(nullptr, ErrorCode::invalid_request,
                   "a request's id must be a number or a string");
    }
  }
  auto method = message.find("method");
  if (method == message.end() || !method->is_string()) {
    // A response to a request of ours (the server sends none that need one): nothing to do.
    if (has_id && (message.contains("result") || message.contains("error"))) return;
    return error(id, ErrorCode::invalid_request, "a request needs a method");
  }
  json params = message.contains("params") ? message["params"] : json::object();
  if (params.is_null()) params = json::object();
  if (!params.is_object() && !params.is_array()) {
    if (has_id) return error(id, ErrorCode::invalid_params, "params must be an object");
    return;
  }
  if (has_id) {
    request(id, method->get<std::string>(), params);
  } else {
    notification(method->get<std::string>(), params);
  }
}

void Server::request(const json& id, const std::string& method, const json& params) {
  static const std::map<std::string, Request, std::less<>> handlers{
      {"initialize", &Server::initialize},
      {"shutdown", &Server::shutdown},
      {"textDocument/hover", &Server::hover},
      {"textDocument/definition", &Server::definition},
      {"textDocument/references", &Server::references},
      {"textDocument/completion", &Server::completion},
      {"textDocument/documentSymbol", &Server::document_symbol},
      {"textDocument/formatting", &Server::formatting},
  };
  if (shutdown_) return error(id, ErrorCode::invalid_request, "the server is shutting down");
  if (!initialized_ && method != "initialize") {
    return error(id, ErrorCode::server_not_initialized, "the server is not initialized yet");
  }
  if (initialized_ && method == "initialize") {
    return error(id, ErrorCode::invalid_request, "the server is already initialized");
  }
  auto handler = handlers.find(method);
  if (handler == handlers.end() || (method == "textDocument/formatting" && !options_.format)) {
    return error(id, ErrorCode::method_not_found, "no method '" + method + "'");
  }
  try {
    json result = (this->*(handler->second))(params);
    write_frame(out_, {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  } catch (const RpcError& e) {
    error(id, e.code, e.what());
  } catch (const json::exception& e) {
    error(id, ErrorCode::invalid_params, e.what());
  } catch (const std::bad_alloc&) {
    error(id, ErrorCode::internal_error, "out of memory");
  } catch (const std::exception& e) {
    error(id, ErrorCode::internal_error, e.what());
  }
}

void Server::notification(const std::string& method, const json& params) {
  static const std::map<std::string, Notification, std::less<>> handlers{
      {"initialized", &Server::initialized},
      {"textDocument/didOpen", &Server::did_open},
      {"textDocument/didChange", &Server::did_change},
      {"textDocument/didClose", &Server::did_close},
      {"textDocument/didSave", &Server::did_save},
  };
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;
  auto handler = handlers.find(method);
  if (handler == handlers.end()) return;  // `$/cancelRequest` and the like: nothing to do
  try {
    (this->*(handler->second))(params);
  } catch (const std::exception& e) {
    // A notification has no answer: the editor's log shows what went wrong.
    notify("window/logMessage",
           {{"type", 1}, {"message", "remit: " + method + ": " + std::string(e.what())}});
  }
}

json Server::initialize(const json& params) {
  if (!params.is_object()) throw RpcError(ErrorCode::invalid_params, "params must be an object");
  // LSP 3.17: a client that can count columns in UTF-8 bytes saves every conversion.
  const json* encodings = nullptr;
  if (auto general = params.find("capabilities"); general != params.end() && general->is_object()) {
    if (auto g = general->find("general"); g != general->end() && g->is_object()) {
      if (auto e = g->find("positionEncodings"); e != g->end() && e->is_array()) encodings = &*e;
    }
  }
  if (encodings && std::find(encodings->begin(), encodings->end(), "utf-8") != encodings->end()) {
    encoding_ = PositionEncoding::utf8;
  }
  initialized_ = true;
  json capabilities{
      {"positionEncoding", encoding_ == PositionEncoding::utf8 ? "utf-8" : "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 1}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"completionProvider", json::object()},
      {"documentSymbolProvider", true},
  };
  if (options_.format) capabilities["documentFormattingProvider"] = true;
  return {{"capabilities", capabilities},
          {"serverInfo", {{"name", "remit"}, {"version", "0.1.0"}}}};
}

std::string Server::unit_of(const Document& d) const {
  if (d.module) return "stdlib:" + *d.module;
  if (d.path) return "folder:" + d.path->parent_path().string();
  return "text:" + d.uri;
}

Inputs Server::inputs_of(const std::string& unit) const {
  Inputs inputs;
  if (unit.starts_with("stdlib:")) {
    // The module as a policy that uses it: its names then resolve as in any policy.
    inputs.texts.push_back({"<stdlib>", "use \"" + unit.substr(7) + "\"\n"});
    return inputs;
  }
  if (unit.starts_with("text:")) {
    for (const auto& [uri, d] : documents_) {
      if (d.unit == unit) inputs.texts.push_back({uri, d.text});
    }
    return inputs;
  }
  const fs::path folder = unit.substr(7);
  std::set<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    std::error_code status_ec;
    if (entry.path().extension() == ".remit" && entry.is_regular_file(status_ec)) {
      files.insert(canonical_path(entry.path()));
    }
  }
  for (const auto& [uri, d] : documents_) {
    if (d.unit != unit || !d.path) continue;
    files.insert(*d.path);
    inputs.unsaved.push_back({d.path->string(), d.text});
  }
  inputs.policies.assign(files.begin(), files.end());
  return inputs;
}

void Server::check(const std::string& unit) {
  auto analysis = std::make_unique<Analysis>(inputs_of(unit), options_.limits);
  Analysis& a = *analysis;
  analyses_[unit] = std::move(analysis);
  std::map<std::string, json> by_uri;
  std::vector<std::string> open;
  for (const auto& [uri, d] : documents_) {
    if (d.unit != unit) continue;
    open.push_back(uri);
    by_uri[uri] = json::array();
  }
  // The stdlib's own text is not the author's to fix: a module opened read-only shows none.
  if (!unit.starts_with("stdlib:")) {
    for (const Diagnostic* d : a.diagnostics()) {
      json related = json::array();
      for (const Note& n : d->notes) {
        if (!n.where.known()) continue;
        if (auto uri = uri_of(a, n.where.file)) {
          related.push_back(
              {{"location",
                {{"uri", *uri}, {"range", to_json(range_at(a.sources(), n.where, encoding_))}}},
               {"message", n.message}});
        }
      }
      json diagnostic{{"range", to_json(range_at(a.sources(), d->where, encoding_))},
                      {"severity", d->severity == Severity::error     ? 1
                                   : d->severity == Severity::warning ? 2
                                                                      : 3},
                      {"source", "remit"},
                      {"message", d->message}};
      if (!related.empty()) diagnostic["relatedInformation"] = std::move(related);
      std::vector<std::string> targets;
      if (d->where.known()) {
        if (auto uri = uri_of(a, d->where.file)) targets.push_back(*uri);
      }
      if (targets.empty()) targets = open;  // a message with no place: every open document
      for (const std::string& uri : targets) by_uri[uri].push_back(diagnostic);
    }
  }
  std::set<std::string>& published = published_[unit];
  for (const std::string& uri : published) by_uri.try_emplace(uri, json::array());
  published.clear();
  for (auto& [uri, list] : by_uri) {
    if (!list.empty()) published.insert(uri);
    json params{{"uri", uri}, {"diagnostics", std::move(list)}};
    if (auto d = documents_.find(uri); d != documents_.end()) params["version"] = d->second.version;
    notify("textDocument/publishDiagnostics", std::move(params));
  }
}

Document Server::document(const json& params) const {
  const std::string& uri =
      field(field(params, "textDocument", json::value_t::object), "uri", json::value_t::string)
          .get_ref<const std::string&>();
  auto it = documents_.find(uri);
  if (it != documents_.end()) return it->second;
  // A request about a document the editor has not opened: the file as it is on disk.
  Document d;
  d.uri = uri;
  if (auto path = path_of_uri(uri)) {
    std::string error;
    auto text = read_file(*path, error, options_.limits.max_file_bytes);
    if (!text) throw RpcError(ErrorCode::invalid_params, "cannot read " + uri + ": " + error);
    d.text = std::move(*text);
    d.path = canonical_path(*path);
    d.module = stdlib_.module_of(*d.path);
  } else {
    throw RpcError(ErrorCode::invalid_params, "the document " + uri + " is not open");
  }
  d.unit = unit_of(d);
  return d;  // looked at, not opened: it stays out of the documents the editor holds
}

void Server::did_open(const json& params) {
  const json& item = field(params, "textDocument", json::value_t::object);
  Document d;
  d.uri = field(item, "uri", json::value_t::string).get<std::string>();
  d.text = field(item, "text", json::value_t::string).get<std::string>();
  if (auto v = item.find("version"); v != item.end() && v->is_number_integer()) {
    d.version = v->get<std::int64_t>();
  }
  if (auto path = path_of_uri(d.uri)) {
    d.path = canonical_path(*path);
    d.module = stdlib_.module_of(*d.path);
  }
  d.unit = unit_of(d);
  const std::string unit = d.unit;
  documents_.insert_or_assign(d.uri, std::move(d));
  check(unit);
}

void Server::did_change(const json& params) {
  const json& item = field(params, "textDocument", json::value_t::object);
  const std::string& uri = field(item, "uri", json::value_t::string).get_ref<const std::string&>();
  auto it = documents_.find(uri);
  if (it == documents_.end()) throw RpcError(ErrorCode::invalid_params, uri + " is not open");
  Document& d = it->second;
  for (const json& change : field(params, "contentChanges", json::value_t::array)) {
    const std::string& text =
        field(change, "text", json::value_t::string).get_ref<const std::string&>();
    auto range = change.find("range");
    if (range == change.end()) {
      d.text = text;
      continue;
    }
    auto position = [&](const char* key) {
      const json& p = field(*range, key, json::value_t::object);
      return offset_of(
          d.text,
          Position{field(p, "line", json::value_t::number_unsigned).get<std::uint32_t>(),
                   field(p, "character", json::value_t::number_unsigned).get<std::uint32_t>()},
          encoding_);
    };
    const std::size_t begin = position("start");
    const std::size_t end = std::max(begin, position("end"));
    d.text.replace(begin, end - begin, text);
  }
  if (auto v = item.find("version"); v != item.end() && v->is_number_integer()) {
    d.version = v->get<std::int64_t>();
  }
  check(d.unit);
}

void Server::did_close(const json& params) {
  const json& item = field(params, "textDocument", json::value_t::object);
  const std::string uri = field(item, "uri", json::value_t::string).get<std::string>();
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  const std::string unit = it->second.unit;
  documents_.erase(it);
  const bool others_open =
      std::any_of(documents_.begin(), documents_.end(),
                  [&](const auto& entry) { return entry.second.unit == unit; });
  if (others_open) return check(unit);
  // Nothing of the folder is open: its diagnostics go with it.
  for (const std::string& published : published_[unit]) {
    notify("textDocument/publishDiagnostics", {{"uri", published}, {"diagnostics", json::array()}});
  }
  published_.erase(unit);
  analyses_.erase(unit);
}

Analysis& Server::analysis_of(const Document& d) {
  auto it = analyses_.find(d.unit);
  if (it != analyses_.end() && documents_.count(d.uri)) return *it->second;
  if (it != analyses_.end() && d.path && it->second->file_with_path(*d.path)) return *it->second;
  // A document that is not open and whose folder has not been checked yet.
  auto analysis = std::make_unique<Analysis>(inputs_of(d.unit), options_.limits);
  Analysis& a = *analysis;
  analyses_[d.unit] = std::move(analysis);
  return a;
}

std::optional<FileId> Server::file_of(const Analysis& a, const Document& d) const {
  if (d.module) return a.stdlib_module(*d.module);
  if (d.path) return a.file_with_path(*d.path);
  return a.file_with_name(d.uri);
}

Place Server::place(const Analysis& a, const Document& d, const json& params) const {
  const std::optional<FileId> file = file_of(a, d);
  if (!file) throw RpcError(ErrorCode::invalid_params, "the document is not part of the check");
  const json& p = field(params, "position", json::value_t::object);
  const Position position{
      field(p, "line", json::value_t::number_unsigned).get<std::uint32_t>(),
      field(p, "character", json::value_t::number_unsigned).get<std::uint32_t>()};
  const std::size_t offset = offset_of(a.sources().file(*file).text, position, encoding_);
  return Place{*file, static_cast<std::uint32_t>(offset)};
}

std::optional<std::string> Server::uri_of(const Analysis& a, FileId file) {
  if (file >= a.origins().size()) return std::nullopt;
  const FileOrigin& o = a.origins()[file];
  switch (o.kind) {
    case FileOrigin::Kind::file:
      for (const auto& [uri, d] : documents_) {
        if (d.path && *d.path == o.path) return uri;
      }
      return uri_of_path(o.path);
    case FileOrigin::Kind::stdlib:
      if (auto path = stdlib_.file_of(o.name, a.sources().file(file).text))
        return uri_of_path(*path);
      return std::nullopt;
    case FileOrigin::Kind::text:
      if (o.name == "<stdlib>") return std::nullopt;
      return o.name;
  }
  return std::nullopt;
}

json Server::hover(const json& params) {
  const Document d = document(params);
  Analysis& a = analysis_of(d);
  return lsp::hover(a, place(a, d, params), encoding_);
}

json Server::definition(const json& params) {
  const Document d = document(params);
  Analysis& a = analysis_of(d);
  return lsp::definition(
      a, place(a, d, params), [&](FileId f) { return uri_of(a, f); }, encoding_);
}

json Server::references(const json& params) {
  const Document d = document(params);
  Analysis& a = analysis_of(d);
  bool include_declaration = true;
  if (auto c = params.find("context"); c != params.end() && c->is_object()) {
    include_declaration = c->value("includeDeclaration", true);
  }
  return lsp::references(
      a, place(a, d, params), include_declaration, [&](FileId f) { return uri_of(a, f); },
      encoding_);
}

json Server::completion(const json& params) {
  const Document d = document(params);
  Analysis& a = analysis_of(d);
  const Place p = place(a, d, params);
  return lsp::completion(a, a.sources().file(p.file).text, p.offset);
}

json Server::document_symbol(const json& params) {
  const Document d = document(params);
  Analysis& a = analysis_of(d);
  const std::optional<FileId> file = file_of(a, d);
  if (!file) return json::array();
  return document_symbols(a, *file, encoding_);
}

// The whole document replaced by its formatted text; nothing when it is formatted already or
// does not parse (its diagnostics say why).
json Server::formatting(const json& params) {
  const Document d = document(params);
  Diagnostics diags;
  const std::string name = d.path ? d.path->string() : d.uri;
  std::optional<std::string> formatted = options_.format(d.text, name, diags);
  if (!formatted) return nullptr;
  if (*formatted == d.text) return json::array();
  std::uint32_t lines = 0;
  std::size_t last_line = 0;
  for (std::size_t i = 0; i < d.text.size(); ++i) {
    if (d.text[i] == '\n') {
      ++lines;
      last_line = i + 1;
    }
  }
  const Position end = position_in_line(d.text, last_line, lines, d.text.size(), encoding_);
  return json::array({{{"range", to_json(Range{{0, 0}, end})}, {"newText", *formatted}}});
}

}  // namespace

int serve(std::istream& in, std::ostream& out, const ServerOptions& options) {
  Server server(out, options);
  while (!server.exited()) {
    Frame frame = read_frame(in, options.max_message_bytes);
    switch (frame.status) {
      case Frame::Status::message:
        server.handle(frame.body);
        break;
      case Frame::Status::bad_header:
        server.error(nullptr, ErrorCode::parse_error,
                     "a message must start with a Content-Length header");
        break;
      case Frame::Status::too_large:
        server.error(nullptr, ErrorCode::invalid_request,
                     "a message was longer than " + std::to_string(options.max_message_bytes) +
                         " bytes and was skipped");
        break;
      case Frame::Status::end:
      case Frame::Status::truncated:
        return server.exit_status();
    }
  }
  return server.exit_status();
}

}  // namespace remit::lsp
