// The order and the CSV quoting of the list of restricted posts at the edges of the shortcuts
// derive takes at scale: sort keys made once per post (a numeric id's value when it has at most
// 19 significant digits, the full comparison otherwise) and CSV rows built in one buffer.
#include <catch2/catch.hpp>
#include <string>

#include "tests/explain/cli_golden.hpp"
#include "tests/support/temp_dir.hpp"

using remit::test::run_cli;

TEST_CASE("derive orders ids past 19 digits and equal values and text ids as before",
          "[report][order]") {
  remit::test::TempDir dir;
  dir.write("org.csv",
            "id,title,service,directorate,reports_to,designations,flags\n"
            "abc,Text id,S,D,,,delegated_powers\n"
            "12345678901234567890,Twenty digits,S,D,,,delegated_powers\n"
            "00012345678901234567890,Twenty digits after zeros,S,D,,,delegated_powers\n"
            "9999999999999999999,Nineteen digits,S,D,,,delegated_powers\n"
            "5,Five,S,D,,,delegated_powers\n"
            "0,Zero,S,D,,,delegated_powers\n"
            "000,Zero again,S,D,,,delegated_powers\n");
  const auto r = run_cli({"derive", "--structure", "org.csv", "--format", "csv"}, dir.path());
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::string name = ",S,D,Officers to whom powers are delegated\n";
  CHECK(r.out ==
        "category,id,title,service,directorate,category_name\n"
        "7,0,Zero" +
            name + "7,000,Zero again" + name + "7,5,Five" + name +
            "7,9999999999999999999,Nineteen digits" + name +
            "7,00012345678901234567890,Twenty digits after zeros" + name +
            "7,12345678901234567890,Twenty digits" + name + "7,abc,Text id" + name);
}

TEST_CASE("derive --format csv quotes only the fields that need it over many rows",
          "[report][csv]") {
  remit::test::TempDir dir;
  std::string rows = "id,title,service,directorate,reports_to,designations,flags\n";
  std::string expected = "category,id,title,service,directorate,category_name\n";
  // Enough rows for the output to be written in several pieces.
  for (int i = 1; i <= 3000; ++i) {
    const std::string id = std::to_string(i);
    if (i % 3 == 0) {
      rows += id + ",\"Officer, grade " + id + "\",S,D,,,delegated_powers\n";
      expected += "7," + id + ",\"Officer, grade " + id + "\",S,D,";
    } else if (i % 3 == 1) {
      rows += id + ",\"Officer \"\"" + id + "\"\"\",S,D,,,delegated_powers\n";
      expected += "7," + id + ",\"Officer \"\"" + id + "\"\"\",S,D,";
    } else {
      rows += id + ",Officer " + id + ",S,D,,,delegated_powers\n";
      expected += "7," + id + ",Officer " + id + ",S,D,";
    }
    expected += "Officers to whom powers are delegated\n";
  }
  dir.write("org.csv", rows);
  const auto r = run_cli({"derive", "--structure", "org.csv", "--format", "csv"}, dir.path());
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out == expected);
}
