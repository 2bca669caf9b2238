// A small English council for the law tests of exemptions, directions and adapted rules
// (invented): a chief executive, a finance director, a monitoring officer, a transformation
// director (category 3), a head of communications under it (category 4), a policy adviser who
// advises the council (category 8 alone) and a press officer on no list.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace remit::test {

inline const std::string exemption_council = R"remit(use "uk/lgha1989"
use "uk/statutory_officers"
authority "Example Council"
body council "Full Council"
post ceo "Chief Executive" { reports to council designated head_of_paid_service }
post dfin "Director of Finance" { reports to ceo designated section_151_officer }
post mo "Head of Legal" { reports to ceo designated monitoring_officer }
post tra-cdp "Transformation Director" { reports to ceo }
post hcomms "Head of Communications" { reports to tra-cdp }
post adviser-1 "Policy Adviser" { reports to hcomms duties advises_authority }
post press-officer "Press Officer" { reports to hcomms }
)remit";

// The whole of a file the command wrote (a report page).
inline std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace remit::test
