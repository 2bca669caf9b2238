// The pipeline, stage by stage, with spdlog timings for `--verbose`.
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>

#include "evaluate/evaluator.hpp"
#include "evaluate/exemptions.hpp"
#include "evaluate/rules.hpp"
#include "graph/cycles.hpp"
#include "graph/org_graph.hpp"
#include "remit/remit.hpp"
#include "resolve/completeness.hpp"
#include "resolve/resolver.hpp"
#include "source/diagnostic.hpp"
#include "whatif/apply.hpp"
#include "whatif/edit_values.hpp"

namespace remit {

namespace {
class PhaseTimer {
 public:
  explicit PhaseTimer(const char* name) : name_(name), start_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() {
    if (!spdlog::should_log(spdlog::level::debug)) return;
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_);
    // The peak resident size so far, so that -v shows which phase raises a command's memory.
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    spdlog::debug("phase {:<12} {:9.2f} ms, peak {:6.1f} MiB", name_, ms.count(),
                  static_cast<double>(usage.ru_maxrss) / 1024.0);
  }
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

 private:
  const char* name_;
  std::chrono::steady_clock::time_point start_;
};

// Numeric ids (HR exports) sort as numbers and come first: `007`, `20`, `100`; other ids sort
// as text. Numbers are compared by their digits without leading zeros (length, then text), so
// ids of any length compare exactly; ids of one value (`7`, `007`) then by their text. The key
// (numeric?, value, text) is a strict weak order, as std::sort needs.
bool id_less(std::string_view a, std::string_view b) {
  auto digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const bool da = digits(a), db = digits(b);
  if (da != db) return da;
  if (da) {
    auto value = [](std::string_view s) {
      return s.substr(std::min(s.find_first_not_of('0'), s.size()));
    };
    const std::string_view va = value(a), vb = value(b);
    if (va.size() != vb.size()) return va.size() < vb.size();
    if (va != vb) return va < vb;
  }
  return a < b;
}

// A listed post with what its place in the list is decided by, worked out once per post rather
// than once per comparison: sorting the 35,000 posts listed at a million posts compares each
// about 30 times, and id_less reads both ids' digits every time: the sort took 143 M of
// derive's 3,500 M instructions, 31 M with the keys. A numeric id of at most 19 digits after its
// leading zeros is ordered by its value, which is what id_less's length-then-text comparison of the
// digits amounts to; equal values (`7`, `007`), longer numbers and other ids fall back to id_less
// itself, so the order is exactly id_less's, ties included.
struct SortKey {
  std::uint32_t number = 0;   // the category's number
  bool short_number = false;  // `value` holds the id's numeric value
  std::uint64_t value = 0;
  std::string_view id;
  ListedPost post;
};

SortKey sort_key(std::uint32_t number, std::string_view id, ListedPost post) {
  SortKey key{number, false, 0, id, post};
  const bool digits =
      !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return key;
  const std::string_view significant = id.substr(std::min(id.find_first_not_of('0'), id.size()));
  if (significant.size() > 19) return key;
  for (char c : significant) key.value = key.value * 10 + static_cast<std::uint64_t>(c - '0');
  key.short_number = true;
  return key;
}

bool key_less(const SortKey& a, const SortKey& b) {
  if (a.number != b.number) return a.number < b.number;
  // Numeric ids come before the others (id_less), so only two numbers are told by value here.
  if (a.short_number && b.short_number && a.value != b.value) return a.value < b.value;
  return id_less(a.id, b.id);
}
}  // namespace

Run::Run(Limits limits)
    : limits_(limits),
      sources_(std::make_shared<SourceSet>()),
      // One more than the limit, so that a reader's own "stopping here" error is kept.
      diags_(std::make_shared<Diagnostics>(limits.max_errors_per_file + 1)),
      program_(std::make_shared<ast::Program>()) {}

Run::Run(const Run& base, std::unique_ptr<Resolved> edited)
    : limits_(base.limits_),
      sources_(base.sources_),
      diags_(base.diags_),
      program_(base.program_),
      depths_(base.depths_),
      resolved_(std::move(edited)),
      left_out_(base.left_out_),
      to_review_(base.to_review_),
      base_(&base) {}

Run::~Run() = default;

bool Run::load(const Inputs& inputs) {
  {
    PhaseTimer t("parse+load");
    if (!load_inputs(inputs, *sources_, *program_, depths_, *diags_, limits_)) return false;
  }
  spdlog::debug("loaded {} files, {} posts, {} bodies, {} expressions", sources_->size(),
                program_->posts.size(), program_->bodies.size(), program_->exprs.size());
  // Faults in an export's rows: errors, or with --keep-going warnings and left out.
  ExportFaults faults(sources_.get(), inputs.keep_going, limits_.max_errors_per_file);
  {
    PhaseTimer t("resolve");
    resolved_ = std::make_unique<Resolved>(resolve(*program_, depths_, *diags_, limits_, &faults));
    if (diags_->has_errors()) return false;
    // Once the policy is sound: what it leaves out of the law of its nation (the policy's
    // `authority … jurisdiction`, else --jurisdiction, else England).
    const std::optional<ast::Jurisdiction> declared = resolved_->organisation.jurisdiction;
    const std::string_view nation = declared              ? ast::name(*declared)
                                    : inputs.jurisdiction ? ast::name(*inputs.jurisdiction)
                                                          : default_jurisdiction;
    warn_incomplete_policy(*program_, *sources_, nation, *diags_);
  }
  {
    PhaseTimer t("cycles");
    if (!leave_out_cycles(resolved_->organisation, *diags_, limits_, faults)) return false;
  }
  faults.finish(*diags_);
  left_out_ = std::move(faults.left_out());
  if (!left_out_.empty()) {
    PhaseTimer t("to review");
    to_review_ =
        posts_to_review(resolved_->organisation, *sources_, left_out_, looks_down(*program_));
  }
  evaluate();
  // Whether an exemption may stand depends on the categories its post meets.
  check_exemptions(*program_, *resolved_, evaluator_->result(), *diags_);
  return !diags_->has_errors();
}

void Run::evaluate() {
  PhaseTimer t("evaluate");
  evaluator_ = std::make_unique<Evaluator>(*program_, *resolved_,
                                           [this]() -> const OrgGraph& { return graph(); });
  evaluator_->run();
}

std::unique_ptr<Run> Run::apply(const ast::ScenarioDecl& scenario) {
  PhaseTimer t("what-if");
  std::unique_ptr<Resolved> edited;
  {
    PhaseTimer copy("  copy");
    edited = std::make_unique<Resolved>(*resolved_);
  }
  std::optional<Changes> changes;
  {
    PhaseTimer edit("  edit");
    changes = apply_edits(*program_, scenario, *edited, *diags_, limits_);
    if (!changes) return nullptr;
  }
  std::unique_ptr<Run> variant(new Run(*this, std::move(edited)));
  {
    PhaseTimer cycles("  cycles");
    if (!check_cycles_after(variant->resolved_->organisation, changes->lines, *diags_, limits_)) {
      return nullptr;
    }
  }
  {
    PhaseTimer evaluate("  evaluate");
    Run* v = variant.get();
    variant->evaluator_ = std::make_unique<Evaluator>(
        *program_, *v->resolved_, [v]() -> const OrgGraph& { return v->graph(); }, *evaluator_,
        std::move(*changes));
    variant->evaluator_->run();
  }
  return variant;
}

const OrgGraph& Run::graph() const {
  if (!graph_) {
    PhaseTimer t("graph");
    graph_ = std::make_unique<OrgGraph>(build_graph(resolved_->organisation));
  }
  return *graph_;
}

ast::ScenarioDecl Run::scenario_of(std::span<const Edit> edits, std::string source_name) {
  ast::ScenarioDecl scenario = remit::scenario_of(edits, std::move(source_name), *sources_);
  depths_.resize(sources_->size(), 0);
  return scenario;
}

std::vector<ListedPost> Run::restricted_posts(bool all) const {
  std::vector<ListedPost> out;
  const Evaluation& e = evaluator_->result();
  if (all) {
    for (std::uint32_t c : resolved_->plan.active) {
      e.categories[c].for_each([&](std::size_t u) {
        out.push_back(ListedPost{c, static_cast<std::uint32_t>(u)});
      });
    }
  } else {
    for (std::uint32_t u = 0; u < e.listed.size(); ++u) {
      if (e.listed[u] != not_listed) out.push_back(ListedPost{e.listed[u], u});
    }
  }
  // Never placed in or out of a category silently: those posts are listed apart.
  if (!to_review_.empty()) {
    std::erase_if(out, [&](const ListedPost& p) {
      return std::ranges::binary_search(to_review_, p.unit, {}, &ToReview::unit);
    });
  }
  // By category number, then by id (id_less), through keys made once per post (SortKey).
  const auto& cats = program_->categories;
  const auto& units = resolved_->organisation.units;
  std::vector<SortKey> keys;
  keys.reserve(out.size());
  for (const ListedPost& p : out) {
    keys.push_back(sort_key(cats[p.category].number, units[p.unit].id(), p));
  }
  std::sort(keys.begin(), keys.end(), key_less);
  for (std::size_t i = 0; i < keys.size(); ++i) out[i] = keys[i].post;
  return out;
}

const Breaches& Run::breaches() {
  if (!breaches_) {
    PhaseTimer t("check");
    breaches_ =
        std::make_unique<Breaches>(check_rules(*program_, resolved_->organisation, *evaluator_));
  }
  return *breaches_;
}

std::string Run::diagnostics_text(bool colour) const {
  diags_->sort();
  return render(*sources_, *diags_, colour);
}

}  // namespace remit
