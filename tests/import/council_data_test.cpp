// Real council data: the top of a structure written as `council`, `XX` or the authority's
// name; the UK government's organogram; designations sheets and `designate`/`give`; and the
// designations titles suggest (`remit suggest`).
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "explain/explain.hpp"
#include "remit/remit.hpp"
#include "report/designation_suggestions.hpp"
#include "resolve/organisation.hpp"
#include "tests/support/policy_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace remit;
using Catch::Matchers::Contains;
using remit::test::Listing;
using remit::test::LoadedPolicy;
using remit::test::TempDir;

namespace {

// docs/language.md section 5, with the chief executive's manager left to each test.
std::string docs_sample(const std::string& top) {
  return "id,title,service,directorate,reports_to,designations,flags,accountable_to\n"
         "ceo,Chief Executive,,,\"" +
         top +
         "\",head_of_paid_service,,\n"
         "dfin,Director of Finance,Finance,Resources,ceo,section_151_officer,,\n"
         "dplace,Director of Place,,Place,ceo,,,\n"
         "hplan,Head of Planning,Planning,Place,dplace,,delegated_powers,\n"
         "hpart,Head of Partnerships,Policy,Place,dfin:40;dplace:60,,,\n"
         "pa_ceo,PA to the Chief Executive,,,ceo,,clerical,\n";
}

const Listing docs_listing{{1, "ceo"}, {2, "dfin"}, {3, "dplace"}, {4, "hpart"}, {4, "hplan"}};

LoadedPolicy load(const TempDir& dir, const std::string& structure, const std::string& policy = "",
                  const std::string& designations = "") {
  Inputs in;
  in.structures.push_back(dir.write("structure.csv", structure));
  if (!policy.empty()) in.policies.push_back(dir.write("policy.remit", policy));
  if (!designations.empty()) in.designations.push_back(dir.write("designations.csv", designations));
  return remit::test::load_files(in);
}

// The ids a post's lines lead to, in order ("" for none).
std::string managers(const LoadedPolicy& p, std::string_view id) {
  const Organisation& org = p.run->resolved().organisation;
  const auto u = org.find_unit(id);
  REQUIRE(u);
  std::string out;
  for (const Line& l : org.lines.from(*u)) {
    out += (out.empty() ? "" : ";") + std::string(org.units[l.to].id());
  }
  return out;
}

}  // namespace

// ---- the top of the structure ----------------------------------------------------------------

TEST_CASE("top of structure: the docs' sample reports to a declared council as before",
          "[council-data][top]") {
  TempDir dir;
  auto p =
      load(dir, docs_sample("council"), "use \"uk/lgha1989\"\nbody council \"Full Council\"\n");
  REQUIRE(p.ok);
  CHECK(p.restricted() == docs_listing);
  CHECK(managers(p, "ceo") == "council");
  CHECK(p.diagnostics().empty());
}

TEST_CASE("top of structure: council, XX, empty and the authority's name with no body are the top",
          "[council-data][top]") {
  // One post reporting to the authority is the top, and nothing needs saying; several are
  // warned about (the next test case).
  for (const std::string top : {"council", "XX", "xx", "", "Example District Council",
                                "EXAMPLE district council", "Full Council"}) {
    INFO("manager: \"" << top << "\"");
    TempDir dir;
    auto p = load(dir, docs_sample(top), "authority \"Example District Council\"\n");
    REQUIRE(p.ok);
    CHECK(p.restricted() == docs_listing);
    CHECK(managers(p, "ceo").empty());
    CHECK(p.diagnostics().empty());
  }
}

TEST_CASE("top of structure: XX, the authority's name or a body's name is a line to the body",
          "[council-data][top]") {
  for (const std::string top : {"XX", "Council", "Example District Council", "full council"}) {
    INFO("manager: \"" << top << "\"");
    TempDir dir;
    auto p = load(dir, docs_sample(top),
                  "use \"uk/lgha1989\"\nauthority \"Example District Council\"\n"
                  "body audit \"Audit Committee\"\nbody council \"Full Council\"\n");
    REQUIRE(p.ok);
    CHECK(p.restricted() == docs_listing);
    CHECK(managers(p, "ceo") == "council");
    CHECK(p.diagnostics().empty());
  }
  // The body that stands for the authority may have any id when its name says what it is.
  for (const std::string body :
       {"body fc \"Full Council\"", "body edc \"Example District Council\""}) {
    INFO(body);
    TempDir dir;
    auto p = load(dir, docs_sample("XX"),
                  "use \"uk/lgha1989\"\nauthority \"Example District Council\"\n"
                  "body audit \"Audit Committee\"\n" +
                      body + "\n");
    REQUIRE(p.ok);
    CHECK(managers(p, "ceo") == body.substr(5, body.find(' ', 5) - 5));
  }
  TempDir dir;
  auto p = load(dir, docs_sample("Audit Committee"),
                "use \"uk/lgha1989\"\nbody audit \"Audit Committee\"\n");
  REQUIRE(p.ok);
  CHECK(managers(p, "ceo") == "audit");
}

TEST_CASE("top of structure: a director under an undeclared council is not placed in category 3",
          "[council-data][top]") {
  const std::string csv =
      "id,title,service,directorate,reports_to,designations,flags\n"
      "ceo,Chief Executive,,,council,head_of_paid_service,\n"
      "dlaw,Director of Law,,,council,,\n";
  TempDir dir;
  auto declared = load(dir, csv, "use \"uk/lgha1989\"\nbody council \"Full Council\"\n");
  REQUIRE(declared.ok);
  CHECK(declared.restricted() == Listing{{1, "ceo"}, {3, "dlaw"}});
  TempDir other;
  auto undeclared = load(other, csv);
  REQUIRE(undeclared.ok);
  CHECK(undeclared.restricted() == Listing{{1, "ceo"}});
  CHECK_THAT(undeclared.diagnostics(), Contains("structure.csv:2:23: warning: 2 posts of the HR "
                                                "export report to the authority"));
  CHECK_THAT(undeclared.diagnostics(), Contains("declare it: body council \"Full Council\""));
}

TEST_CASE("top of structure: a manager that is neither a post nor the authority is still an error",
          "[council-data][top]") {
  TempDir dir;
  auto p = load(dir, docs_sample("cuncil"));
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diagnostics(), Contains("structure.csv:2:24: error: ceo reports to 'cuncil', "
                                       "which is not a post or body"));
}

TEST_CASE("top of structure: a policy's own line to an undeclared council is still an error",
          "[council-data][top]") {
  auto p = remit::test::load_text(
      "use \"uk/lgha1989\"\npost ceo \"Chief Executive\" { reports to council }\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diagnostics(), Contains("which is not a post or body"));
}

// ---- the organogram ----------------------------------------------------------------------------

namespace {

// The shape of a data.gov.uk senior staff organogram as departments publish it: a leading
// unnamed column, XX for the top, a `0` row, Vacant, N/D and N/A names, an Eliminated post and a
// job share on two rows.
std::string organogram(const std::string& top_reports = "XX", const std::string& extra = "") {
  return ",Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,"
         "Parent Department,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,"
         "Salary Cost of Reports (£),FTE,Actual Pay Floor (£),Actual Pay Ceiling (£),"
         "Professional/Occupational Group,Notes,Valid?\n"
         "0,PS01,Jane Holt,SCS4,Chief Executive,Leads the agency,Department for Examples,"
         "Example Agency,Office of the Chief Executive,0300 000 0000,ce@example.gov.uk," +
         top_reports +
         ",0,1,180000,184999,Senior leadership,,1\n"
         "1,FIN01,Ann Lee,SCS3,Director of Finance (Section 151 Officer),Finance,"
         "Department for Examples,Example Agency,Finance,N/D,N/D,PS01,0,0.5,120000,124999,"
         "Finance,Job share,1\n"
         "2,FIN01,Bo Chan,SCS3,Director of Finance (Section 151 Officer),Finance,"
         "Department for Examples,Example Agency,Finance,N/D,N/D,PS01,0,0.5,120000,124999,"
         "Finance,Job share,1\n"
         "3,OPS01,Vacant,SCS2,Director of Operations,Operations,Department for Examples,,"
         "Operations,N/D,N/D,PS01,0,1,N/A,N/A,Operational delivery,,1\n"
         "4,LEG01,N/D,SCS1,Head of Legal (Monitoring Officer),Legal,Department for Examples,"
         "Example Agency,Legal,N/D,N/D,OPS01,0,1,N/D,N/D,Legal,,1\n"
         "5,FOP01,N/A,SCS1,Head of Finance Operations,Finance,Department for Examples,"
         "Example Agency,Finance,N/D,N/D,FIN01,0,1,N/D,N/D,Finance,,1\n"
         "6,0,Chris Park,SCS1,Policy Adviser,Policy,Department for Examples,Example Agency,"
         "Policy,N/D,N/D,FIN01,0,1,N/D,N/D,Policy,,1\n"
         "7,TRN01,Eliminated,SCS2,Director of Transformation,Change,Department for Examples,"
         "Example Agency,Change,N/D,N/D,PS01,0,1,N/D,N/D,,,1\n"
         "8,SOL01,Eve Ross,SCS1,Solicitor,Legal,Department for Examples,Example Agency,Legal,"
         "N/D,N/D,LEG01,0,1,N/D,N/D,Legal,,1\n" +
         extra;
}

const std::string organogram_designations =
    "id,designations,flags\n"
    "PS01,head_of_paid_service,\n"
    "FIN01,section_151_officer,\n"
    "LEG01,monitoring_officer,\n";

const Listing organogram_listing{
    {1, "PS01"}, {2, "FIN01"}, {3, "OPS01"}, {4, "FOP01"}, {5, "LEG01"}};

std::vector<std::string> holders_of(const LoadedPolicy& p, std::string_view post) {
  const Organisation& org = p.run->resolved().organisation;
  std::vector<std::string> out;
  for (const Holding& h : org.holdings) {
    if (org.units[h.post].id() == post) out.emplace_back(org.id_of(h.person));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("organogram: recognised from its header and read into posts, holders and categories",
          "[council-data][organogram]") {
  TempDir dir;
  auto p = load(dir, organogram(), "", organogram_designations);
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == organogram_listing);
  const Organisation& org = p.run->resolved().organisation;
  CHECK(managers(p, "PS01").empty());
  CHECK(managers(p, "FIN01") == "PS01");
  // A job share: one post, each name a holder.
  CHECK(holders_of(p, "FIN01") == std::vector<std::string>{"Ann Lee", "Bo Chan"});
  // Vacant makes the post vacant; N/D and N/A are nobody recorded, not a vacancy.
  CHECK(org.units[*org.find_unit("OPS01")].vacant());
  CHECK_FALSE(org.units[*org.find_unit("LEG01")].vacant());
  CHECK(holders_of(p, "LEG01").empty());
  CHECK(holders_of(p, "FOP01").empty());
  CHECK(holders_of(p, "SOL01") == std::vector<std::string>{"Eve Ross"});
  // 0 rows and Eliminated posts are left out, each kind with one warning.
  CHECK_FALSE(org.find_unit("0"));
  CHECK_FALSE(org.find_unit("TRN01"));
  CHECK_THAT(p.diagnostics(),
             Contains("structure.csv:8:3: warning: 1 row has Post Unique Reference 0"));
  CHECK_THAT(p.diagnostics(),
             Contains("structure.csv:9:9: warning: 1 row has the name `Eliminated`"));
  // Unit is the service; Organisation, else Parent Department, the directorate.
  CHECK(p.post("FIN01")->service == "Finance");
  CHECK(p.post("FIN01")->directorate == "Example Agency");
  CHECK(p.post("OPS01")->directorate == "Department for Examples");
}

TEST_CASE("organogram: the only post reporting to itself, with no XX, is the top",
          "[council-data][organogram]") {
  TempDir dir;
  auto p = load(dir, organogram("PS01"), "", organogram_designations);
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == organogram_listing);
  CHECK(managers(p, "PS01").empty());
  CHECK_THAT(p.diagnostics(),
             Contains("structure.csv:2:157: warning: post \"PS01\" reports to itself: read as the "
                      "top of the structure"));
}

TEST_CASE("organogram: a post reporting to itself beside an XX is an error at the cell",
          "[council-data][organogram]") {
  TempDir dir;
  const std::string self =
      "9,AUD01,Dee Shah,SCS1,Head of Audit,Audit,Department for Examples,Example Agency,Audit,"
      "N/D,N/D,AUD01,0,1,N/D,N/D,Audit,,1\n";
  auto p = load(dir, organogram("XX", self), "", organogram_designations);
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diagnostics(),
             Contains("structure.csv:11:96: error: Reports to Senior Post: post \"AUD01\" "
                      "reports to itself; write the reference of the post it reports to, or XX"));
}

TEST_CASE("organogram: a job share whose rows report to different posts is an error",
          "[council-data][organogram]") {
  TempDir dir;
  std::string text = organogram();
  const std::string second = "2,FIN01,Bo Chan,";
  const auto at = text.find(",PS01,0,0.5", text.find(second));
  text.replace(at, 5, ",OPS01");
  auto p = load(dir, text, "", organogram_designations);
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diagnostics(), Contains("is on more than one row (a job share) but reports to"));
}

TEST_CASE("organogram: a structure CSV is not taken for one", "[council-data][organogram]") {
  TempDir dir;
  auto p = load(dir, docs_sample(""));
  REQUIRE(p.ok);
  CHECK(p.restricted() == docs_listing);
}

// ---- designations sheet and statements ------------------------------------------------------

namespace {

const std::string bare_structure =
    "id,title,service,directorate,reports_to,designations,flags\n"
    "ceo,Chief Executive,,,,,\n"
    "dfin,Director of Finance,,,ceo,,\n"
    "hplan,Head of Planning,,,dfin,,\n";

}  // namespace

TEST_CASE("designations sheet: adds designations and duties to imported posts",
          "[council-data][designations]") {
  TempDir dir;
  auto bare = load(dir, bare_structure);
  REQUIRE(bare.ok);
  CHECK(bare.restricted().empty());
  TempDir other;
  auto p = load(other, bare_structure, "",
                "id,designations,flags\n"
                "ceo,head_of_paid_service,\n"
                "dfin,section_151_officer;section_151_officer,\n"
                "hplan,,delegated_powers\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{1, "ceo"}, {2, "dfin"}, {4, "hplan"}});
}

TEST_CASE("designations sheet: explain points at the row that gives the designation",
          "[council-data][designations]") {
  TempDir dir;
  auto p = load(dir, bare_structure, "",
                "id,designations,flags\nceo,head_of_paid_service,\ndfin,section_151_officer,\n");
  REQUIRE(p.ok);
  const auto u = p.run->resolved().organisation.find_unit("dfin");
  REQUIRE(u);
  const std::string text = render_text(explain_listing(*p.run, *u), p.run->sources());
  CHECK_THAT(text, Contains("because it is designated section_151_officer"));
  CHECK_THAT(text, Contains("designations.csv:3:6"));
}

TEST_CASE("designations sheet: an unknown post id is an error with a did-you-mean",
          "[council-data][designations]") {
  TempDir dir;
  auto p = load(dir, bare_structure, "", "id,designations,flags\ndfn,section_151_officer,\n");
  CHECK_FALSE(p.ok);
  CHECK_THAT(p.diagnostics(),
             Contains("designations.csv:2:1: error: designation section_151_officer is given to "
                      "'dfn', which is not a post or body (did you mean 'dfin'?)"));
}

TEST_CASE("designations sheet: bad names and missing columns are errors",
          "[council-data][designations]") {
  TempDir dir;
  auto bad = load(dir, bare_structure, "", "id,designations,flags\ndfin,s151 officer,\n");
  CHECK_FALSE(bad.ok);
  CHECK_THAT(bad.diagnostics(), Contains("designations.csv:2:6: error: designations: \"s151 "
                                         "officer\" is not a valid name"));
  TempDir other;
  auto unknown = load(other, bare_structure, "", "id,designations,flags\ndfin,s151_officer,\n");
  CHECK_FALSE(unknown.ok);
  CHECK_THAT(unknown.diagnostics(),
             Contains("designations.csv:2:6: error: unknown designation 's151_officer'"));
  TempDir third;
  auto no_columns = load(third, bare_structure, "", "id\ndfin\n");
  CHECK_FALSE(no_columns.ok);
  CHECK_THAT(no_columns.diagnostics(), Contains("needs a `designations` column"));
}

TEST_CASE("designations sheet: import designations in a policy", "[council-data][designations]") {
  TempDir dir;
  dir.write("designations.csv", "id,designations,flags\ndfin,section_151_officer,\n");
  auto p =
      load(dir, bare_structure, "use \"uk/lgha1989\"\nimport designations \"designations.csv\"\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted() == Listing{{2, "dfin"}, {4, "hplan"}});
}

TEST_CASE("designate and give: a policy designates imported posts by id",
          "[council-data][designations]") {
  TempDir dir;
  auto p = load(dir, bare_structure,
                "use \"uk/lgha1989\"\n"
                "designate ceo as head_of_paid_service\n"
                "designate dfin as section_151_officer, monitoring_officer\n"
                "give hplan duty delegated_powers, advises_authority\n");
  INFO(p.diagnostics());
  REQUIRE(p.ok);
  CHECK(p.restricted(true) ==
        Listing{{1, "ceo"}, {2, "dfin"}, {4, "hplan"}, {5, "dfin"}, {7, "hplan"}, {8, "hplan"}});
}

TEST_CASE("designate and give: unknown posts, bodies and names are errors at the statement",
          "[council-data][designations]") {
  auto unknown = remit::test::load_text(
      "use \"uk/lgha1989\"\npost dfin \"Director of Finance\"\n"
      "designate dfn as section_151_officer\n");
  CHECK_FALSE(unknown.ok);
  CHECK_THAT(unknown.diagnostics(),
             Contains("test.remit:3:11: error: designation section_151_officer is given to "
                      "'dfn', which is not a post or body (did you mean 'dfin'?)"));
  auto body = remit::test::load_text(
      "use \"uk/lgha1989\"\nbody council \"Full Council\"\ngive council duty clerical\n");
  CHECK_FALSE(body.ok);
  CHECK_THAT(body.diagnostics(),
             Contains("test.remit:3:6: error: 'council' is a body, not a post"));
  auto syntax = remit::test::load_text("post a \"A\"\ngive a delegated_powers\n");
  CHECK_FALSE(syntax.ok);
  CHECK_THAT(syntax.diagnostics(), Contains("test.remit:2:8: error: expected 'duty'"));
}

// ---- remit suggest ---------------------------------------------------------------------------

namespace {

std::vector<std::string> suggested(std::string_view title) {
  std::vector<std::string> out;
  for (const TitleSuggestion& s : suggest_from_title(title)) {
    out.push_back(std::string(s.designation) + "=" + s.words);
  }
  return out;
}

}  // namespace

TEST_CASE("suggest: titles that suggest a designation", "[council-data][suggest]") {
  using V = std::vector<std::string>;
  CHECK(suggested("Director of Finance and Systems (Section 151 Officer)") ==
        V{"section_151_officer=Section 151"});
  CHECK(suggested("Head of Finance & S151") == V{"section_151_officer=S151"});
  CHECK(suggested("Chief Finance Officer") == V{"section_151_officer=Chief Finance Officer"});
  CHECK(suggested("Head of Legal and Monitoring Officer") ==
        V{"monitoring_officer=Monitoring Officer"});
  CHECK(suggested("DIRECTOR OF PUBLIC HEALTH") ==
        V{"director_of_public_health=DIRECTOR OF PUBLIC HEALTH"});
  CHECK(suggested("Chief Executive and Head of Paid Service") ==
        V{"head_of_paid_service=Head of Paid Service"});
  CHECK(suggested("Chief Executive") == V{"head_of_paid_service=Chief Executive"});
  CHECK(suggested("Director of Children’s Services") ==
        V{"director_of_childrens_services=Director of Children’s Services"});
  CHECK(suggested("Director of Adult Social Services") ==
        V{"director_of_adult_social_services=Director of Adult Social Services"});
  CHECK(suggested("Chief Social Work Officer") ==
        V{"chief_social_work_officer=Chief Social Work Officer"});
  // Someone else's post: no suggestion.
  CHECK(suggested("Deputy Chief Executive").empty());
  CHECK(suggested("PA to the Chief Executive").empty());
  CHECK(suggested("Deputy Monitoring Officer").empty());
  CHECK(suggested("Assistant Director of Public Health").empty());
  CHECK(suggested("Head of Planning").empty());
}

TEST_CASE("suggest: a designations sheet of what titles suggest, for review",
          "[council-data][suggest]") {
  TempDir dir;
  auto p = load(dir,
                "id,title,service,directorate,reports_to,designations,flags\n"
                "ceo,Chief Executive,,,,,\n"
                "dfs,\"Director of Finance and Systems (Section 151 Officer)\",,,ceo,,\n"
                "mo,Monitoring Officer,,,ceo,monitoring_officer,\n"
                "cswo,Chief Social Work Officer,,,ceo,,\n"
                "pa,PA to the Chief Executive,,,ceo,,clerical\n");
  REQUIRE(p.ok);
  std::ostringstream out;
  write_designation_suggestions(out, *p.run);
  // The Monitoring Officer is designated already. uk/roles declares chief_social_work_officer
  // (Scotland's), so the title suggests it too.
  CHECK(out.str() ==
        "id,title,designations,flags,comment\n"
        "ceo,Chief Executive,head_of_paid_service,,\"the title says \"\"Chief Executive\"\" (a "
        "suggestion only: the Head of Paid Service is the officer the council designates (LGHA "
        "1989 s.4), most often but not always the Chief Executive)\"\n"
        "dfs,Director of Finance and Systems (Section 151 Officer),section_151_officer,,"
        "\"the title says \"\"Section 151\"\"\"\n"
        "cswo,Chief Social Work Officer,chief_social_work_officer,,"
        "\"the title says \"\"Chief Social Work Officer\"\"\"\n");
  // Nothing is applied: the run's categories are those of the export alone.
  CHECK(p.restricted() == Listing{{5, "mo"}});
}
