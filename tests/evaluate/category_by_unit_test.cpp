// Where each unit is listed is kept as narrow as the policy's categories allow
// (interpreter/evaluate/category_by_unit.hpp): a byte each below 255 categories, two below
// 65,535, four beyond. These tests cross each width, and widen a listing that is in use.
#include "evaluate/category_by_unit.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "remit/remit.hpp"
#include "resolve/organisation.hpp"

using remit::CategoryByUnit;
using remit::not_listed;

TEST_CASE("a listing holds every category its width allows, and not listed apart from them",
          "[evaluate][category_by_unit]") {
  // The last category each width holds, and the first it does not.
  for (const std::size_t categories : {1UL, 254UL, 255UL, 65534UL, 65535UL, 70000UL}) {
    INFO(categories << " categories");
    CategoryByUnit listed(5, categories);
    CHECK(listed.size() == 5);
    for (std::size_t u = 0; u < 5; ++u) CHECK(listed[u] == not_listed);
    const auto last = static_cast<std::uint32_t>(categories - 1);
    listed.set(0, last);
    listed.set(1, 0);
    listed.set(2, last);
    listed.set(2, not_listed);  // listed, then not
    CHECK(listed[0] == last);
    CHECK(listed[1] == 0);
    CHECK(listed[2] == not_listed);
    CHECK(listed[4] == not_listed);
    CHECK(listed.at(0) == last);
    CHECK_THROWS_AS(listed.at(5), std::out_of_range);
  }
}

TEST_CASE("a listing widens when a category past its width is set, keeping what it holds",
          "[evaluate][category_by_unit]") {
  CategoryByUnit listed(4, 10);  // a byte each
  listed.set(0, 9);
  listed.set(1, 254);  // the last a byte holds: 255 stands for not listed
  listed.set(2, 255);  // two bytes each from here
  CHECK(listed[0] == 9);
  CHECK(listed[1] == 254);
  CHECK(listed[2] == 255);
  CHECK(listed[3] == not_listed);
  listed.set(3, 70000);  // four bytes each
  CHECK(listed[0] == 9);
  CHECK(listed[1] == 254);
  CHECK(listed[2] == 255);
  CHECK(listed[3] == 70000);

  CategoryByUnit narrow(4, 10);
  narrow.set(0, 9);
  narrow.set(1, 254);
  narrow.set(2, 255);
  narrow.set(3, 70000);
  CHECK(narrow == listed);  // equal by what they hold, whatever their widths
  narrow.set(3, 1);
  CHECK_FALSE(narrow == listed);
}

TEST_CASE("a listing grows with units not listed, and shrinks", "[evaluate][category_by_unit]") {
  for (const std::size_t categories : {3UL, 300UL, 70000UL}) {
    INFO(categories << " categories");
    CategoryByUnit listed(2, categories);
    listed.set(1, 2);
    listed.resize(4);
    CHECK(listed.size() == 4);
    CHECK(listed[1] == 2);
    CHECK(listed[2] == not_listed);
    CHECK(listed[3] == not_listed);
    listed.resize(1);
    CHECK(listed.size() == 1);
    CHECK(listed[0] == not_listed);
    CHECK_FALSE(listed == CategoryByUnit(2, categories));
    CHECK(listed == CategoryByUnit(1, categories));
  }
}

TEST_CASE("a policy of 300 categories lists posts in the categories past the 255th",
          "[evaluate][category_by_unit]") {
  std::string text;
  for (int k = 1; k <= 300; ++k) {
    const std::string n = std::to_string(k);
    text += "category " + n + " \"Category " + n + "\" { when title contains \"[" + n + "]\" }\n";
  }
  text += "body council \"Council\"\n";
  const int titled[] = {1, 254, 255, 256, 300};
  for (const int k : titled) {
    const std::string n = std::to_string(k);
    text += "post p" + n + " \"Post [" + n + "]\" { reports to council }\n";
  }
  text += "post other \"Post\" { reports to council }\n";
  remit::Inputs in;
  in.texts.push_back({"many.remit", text});
  remit::Run run;
  REQUIRE(run.load(in));
  const std::vector<remit::ListedPost> listed = run.restricted_posts();
  REQUIRE(listed.size() == 5);
  for (const remit::ListedPost& p : listed) {
    const std::string title(run.resolved().organisation.units[p.unit].title());
    INFO(title);
    // "Post [N]" is listed in category N.
    CHECK(std::to_string(run.program().categories[p.category].number) ==
          title.substr(6, title.size() - 7));
  }
}
