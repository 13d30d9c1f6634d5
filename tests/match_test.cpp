// SPDX-License-Identifier: MIT
#include "rules/match.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/error.h"

namespace kith {
namespace {

Person person(std::string slug, std::string name, std::vector<std::string> aka = {}) {
  Person p;
  p.slug = std::move(slug);
  p.name = std::move(name);
  p.aka = std::move(aka);
  p.path = p.slug + ".yaml";
  return p;
}

const std::vector<Person> kNetwork{
    person("charlene-dupont", "Charlène Dupont", {"Charlie"}),
    person("julie-martin", "Julie Martin"),
    person("ana", "Ana"),
    person("anabelle-roy", "Anabelle Roy"),
    person("li-wei", "李伟", {"Wei"}),
    person("pyotr", "Пётр Ильич"),
};

std::string slug_of(const std::vector<Person>& people, std::string_view who) { return find_person(people, who).slug; }

std::string error_of(const std::vector<Person>& people, std::string_view who) {
  try {
    const Person& p = find_person(people, who);
    ADD_FAILURE() << "'" << who << "' matched " << p.slug;
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(FindPerson, ExactSlug) {
  EXPECT_EQ(slug_of(kNetwork, "julie-martin"), "julie-martin");
  EXPECT_EQ(slug_of(kNetwork, "ana"), "ana");
}

TEST(FindPerson, UniquePrefixOfTheSlug) {
  EXPECT_EQ(slug_of(kNetwork, "charlene-d"), "charlene-dupont");
  EXPECT_EQ(slug_of(kNetwork, "jul"), "julie-martin");
}

TEST(FindPerson, UniquePrefixOfTheNameIgnoringCaseAndAccents) {
  EXPECT_EQ(slug_of(kNetwork, "charl"), "charlene-dupont");
  EXPECT_EQ(slug_of(kNetwork, "Charlene"), "charlene-dupont");
  EXPECT_EQ(slug_of(kNetwork, "CHARLÈNE"), "charlene-dupont");
  EXPECT_EQ(slug_of(kNetwork, "charlène dup"), "charlene-dupont");
  EXPECT_EQ(slug_of(kNetwork, "Julie M"), "julie-martin");
}

TEST(FindPerson, UniquePrefixOfAnAka) {
  EXPECT_EQ(slug_of(kNetwork, "charli"), "charlene-dupont");
  EXPECT_EQ(slug_of(kNetwork, "WEI"), "li-wei");
}

TEST(FindPerson, NonLatinNamesMatchByPrefixAndCase) {
  EXPECT_EQ(slug_of(kNetwork, "李"), "li-wei");
  EXPECT_EQ(slug_of(kNetwork, "пётр"), "pyotr");
  EXPECT_EQ(slug_of(kNetwork, "ПЁТР"), "pyotr");
}

TEST(FindPerson, AWholeNameBeatsALongerNameItIsThePrefixOf) {
  EXPECT_EQ(slug_of(kNetwork, "Ana"), "ana");
  EXPECT_EQ(slug_of(kNetwork, "ANA"), "ana");
  EXPECT_EQ(slug_of(kNetwork, "anab"), "anabelle-roy");
}

TEST(FindPerson, AWholeAkaBeatsALongerName) {
  std::vector<Person> people{person("sam-smith", "Sam Smith", {"Sam"}), person("samuel-lee", "Samuel Lee")};
  EXPECT_EQ(slug_of(people, "sam"), "sam-smith");
  EXPECT_EQ(slug_of(people, "samu"), "samuel-lee");
}

TEST(FindPerson, AmbiguousPrefixListsEveryCandidate) {
  std::vector<Person> people = kNetwork;
  people.push_back(person("charles-xavier", "Charles Xavier"));
  EXPECT_EQ(error_of(people, "charl"),
            "'charl' matches 2 people; say which:\n"
            "  charlene-dupont (Charlène Dupont)\n"
            "  charles-xavier (Charles Xavier)");
  EXPECT_EQ(slug_of(people, "charlene"), "charlene-dupont");
  EXPECT_EQ(slug_of(people, "charles"), "charles-xavier");
}

TEST(FindPerson, TwoPeopleWithTheSameNameAreAmbiguousButTheirSlugsAreNot) {
  std::vector<Person> people{person("alex-kim", "Alex Kim"), person("alex-kim-2", "Alex Kim"),
                             person("alexandra-k", "Alexandra K")};
  EXPECT_EQ(error_of(people, "Alex Kim"),
            "'Alex Kim' matches 2 people; say which:\n"
            "  alex-kim (Alex Kim)\n"
            "  alex-kim-2 (Alex Kim)");
  EXPECT_EQ(slug_of(people, "alex-kim"), "alex-kim");
  EXPECT_EQ(slug_of(people, "alex-kim-2"), "alex-kim-2");
}

TEST(FindPerson, UnknownSuggestsTheClosestNames) {
  EXPECT_EQ(error_of(kNetwork, "julei"), "nobody matches 'julei'; did you mean:\n  julie-martin (Julie Martin)");
  // A typo in the middle of a longer name is still close to its start.
  EXPECT_EQ(error_of(kNetwork, "charleen"),
            "nobody matches 'charleen'; did you mean:\n  charlene-dupont (Charlène Dupont)");
  EXPECT_EQ(error_of(kNetwork, "Jullie Martin"),
            "nobody matches 'Jullie Martin'; did you mean:\n  julie-martin (Julie Martin)");
}

TEST(FindPerson, UnknownWithNothingCloseSuggestsNothing) {
  EXPECT_EQ(error_of(kNetwork, "zygmunt"), "nobody matches 'zygmunt'");
  EXPECT_EQ(error_of({}, "anyone"), "nobody matches 'anyone'");
}

TEST(FindPerson, SuggestionsAreAtMostThreeClosestFirst) {
  std::vector<Person> people{person("bob-a", "Bob A"), person("bob-b", "Bob B"), person("bob-c", "Bob C"),
                             person("bob-d", "Bob D"), person("rob", "Rob")};
  // Four Bobs are one typo away, Rob two: the first three Bobs by slug.
  EXPECT_EQ(error_of(people, "bpb"),
            "nobody matches 'bpb'; did you mean:\n  bob-a (Bob A)\n  bob-b (Bob B)\n  bob-c (Bob C)");
}

TEST(FindPerson, EmptyWhoMatchesNobody) {
  EXPECT_EQ(error_of(kNetwork, ""), "an empty name matches nobody");
  EXPECT_EQ(error_of(kNetwork, "   "), "nobody matches '   '");
}

}  // namespace
}  // namespace kith
