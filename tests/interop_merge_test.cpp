// SPDX-License-Identifier: MIT
// Text-preserving insertions (lib/interop/yaml_insert) and the import
// planner (lib/interop/merge): hand-written files keep every byte they had.
#include <gtest/gtest.h>

#include "interop/merge.h"
#include "interop/yaml_insert.h"
#include "model/error.h"
#include "yaml/load.h"

namespace kith {
namespace {

const std::string odd =
    "# Charlène, met at MiXiT\r\n"
    "name: Charlène Dupont   # keep this\r\n"
    "tags:\r\n"
    "   - devops      # odd indent\r\n"
    "   - lyon\r\n"
    "links:\r\n"
    "    mastodon: \"@ch@piaille.fr\"\r\n"
    "log:\r\n"
    "  - date: 2026-03-14\r\n"
    "    kind: met\r\n"
    "# trailing comment\r\n";

TEST(InteropYamlInsert, AddsAKeyBeforeTheLogWithTheFilesLineEndings) {
  const std::string out = add_key(odd, "company", "\"Acme, Inc\"");
  EXPECT_EQ(out, std::string(odd).insert(odd.find("log:"), "company: \"Acme, Inc\"\r\n"));
  const std::string no_log = "name: A\nemail: a@b  # c";
  EXPECT_EQ(add_key(no_log, "links", "{linkedin: \"https://x\"}"), no_log + "\nlinks: {linkedin: \"https://x\"}\n");
  EXPECT_THROW(add_key(odd, "name", "B"), Error);
  EXPECT_THROW(add_key("{name: A}", "role", "B"), Error);
}

TEST(InteropYamlInsert, AddsListItemsAndMapEntriesInTheirStyle) {
  std::string out = add_list_items(odd, "tags", {"k8s"});
  EXPECT_EQ(out, std::string(odd).insert(odd.find("devops"), "k8s\r\n   - "));
  out = add_map_entry(out, "links", "linkedin", "https://www.linkedin.com/in/ch");
  EXPECT_NE(out.find("links:\r\n    linkedin: \"https://www.linkedin.com/in/ch\"\r\n    mastodon:"), std::string::npos);
  EXPECT_EQ(add_list_items("name: A\ntags: [a, b] # t\n", "tags", {"x y", "z"}), "name: A\ntags: [x y, z, a, b] # t\n");
  EXPECT_EQ(add_map_entry("name: A\nlinks: { a: b }\n", "links", "c", "d"), "name: A\nlinks: { c: \"d\", a: b }\n");
  EXPECT_THROW(add_list_items("name: A\ntags: []\n", "tags", {"x"}), Error);
  EXPECT_EQ(top_level_scalar("name: A\nvcard_uid: u-1 # c\n", "vcard_uid"), "u-1");
  EXPECT_EQ(top_level_scalar("name: A\n", "vcard_uid"), "");
}

KnownPerson known(const std::string& text, const std::string& slug) {
  LoadResult r = load_person(text, slug + ".yaml", Settings{});
  EXPECT_TRUE(r.problems.empty());
  return {*r.person, text};
}

ImportOptions options() {
  ImportOptions o;
  o.circle = "online";
  o.path_for = [](const std::string& slug) { return slug + ".yaml"; };
  return o;
}

Contact contact(const std::string& name, const std::string& url = "", const std::string& email = "") {
  Contact c;
  c.line = 7;
  c.name = name;
  if (!url.empty()) c.links["linkedin"] = url;
  c.email = email;
  return c;
}

TEST(InteropMerge, NewPeopleGetFilesWithoutLogOrAdded) {
  Contact c = contact("Dr. Amélie Poulain 🌻", "https://www.linkedin.com/in/amelie");
  c.connected = Date{date::year{2024}, date::month{10}, date::day{9}};
  c.company = "Café des 2 Moulins";
  ImportPlan plan = plan_import({c}, {}, Settings{}, options());
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.created, std::vector<std::string>{"dr-amelie-poulain"});
  EXPECT_EQ(plan.changes[0].path, "dr-amelie-poulain.yaml");
  EXPECT_FALSE(plan.changes[0].before);
  EXPECT_EQ(*plan.changes[0].after,
            "name: Dr. Amélie Poulain 🌻\ncircle: online\ncompany: Café des 2 Moulins\n"
            "links: {linkedin: \"https://www.linkedin.com/in/amelie\"}\nconnected: 2024-10-09\n");
}

TEST(InteropMerge, MatchesByUrlThenEmailThenUniqueNameAndNeverOverwrites) {
  std::vector<KnownPerson> people{
      known(odd, "charlene-dupont"),
      known("name: Julie Martin\nemail: Julie@Example.org\n", "julie-martin"),
      known("name: Paul Roux\ncompany: Old Co   # they moved?\n", "paul-roux"),
  };
  Contact charlene = contact("C. Dupont", "https://www.linkedin.com/in/ch");
  people[0].text = add_map_entry(odd, "links", "linkedin", "http://fr.linkedin.com/in/CH/");
  people[0] = known(people[0].text, "charlene-dupont");
  charlene.company = "Acme";
  charlene.tags = {"DevOps", "k8s"};
  Contact julie = contact("Julie M.", "", "julie@example.org");
  julie.role = "CTO";
  Contact paul = contact("Paul Roux");
  paul.company = "New Co";
  ImportPlan plan = plan_import({charlene, julie, paul}, people, Settings{}, options());
  EXPECT_EQ(plan.merged, (std::vector<std::string>{"charlene-dupont", "julie-martin"}));
  EXPECT_EQ(plan.unchanged, std::vector<std::string>{"paul-roux"});
  ASSERT_EQ(plan.conflicts.size(), 1u);
  EXPECT_EQ(plan.conflicts[0], "paul-roux: company is 'Old Co' here, 'New Co' in the import (line 7)");
  ASSERT_EQ(plan.changes.size(), 2u);
  const std::string& after = *plan.changes[0].after;
  EXPECT_EQ(after, std::string(people[0].text).insert(people[0].text.find("log:"), "company: Acme\r\n")
                       .insert(people[0].text.find("devops"), "k8s\r\n   - "));
  EXPECT_EQ(*plan.changes[1].after, "name: Julie Martin\nemail: Julie@Example.org\nrole: CTO\n");
}

TEST(InteropMerge, ASecondImportChangesNothing) {
  Contact a = contact("Ana", "https://www.linkedin.com/in/ana");
  a.company = "X";
  Contact twin1 = contact("Jean Martin"), twin2 = contact("Jean Martin");
  twin1.company = "A";
  twin2.company = "B";
  ImportPlan first = plan_import({a, twin1, twin2}, {}, Settings{}, options());
  ASSERT_EQ(first.created, (std::vector<std::string>{"ana", "jean-martin", "jean-martin-2"}));
  std::vector<KnownPerson> now;
  for (const auto& c : first.changes) {
    std::string slug = c.path.stem().string();
    now.push_back(known(*c.after, slug));
  }
  ImportPlan second = plan_import({a, twin1, twin2}, now, Settings{}, options());
  EXPECT_TRUE(second.changes.empty());
  EXPECT_EQ(second.unchanged.size(), 3u);
  EXPECT_TRUE(second.conflicts.empty());
}

TEST(InteropMerge, VcardUidWinsAndDuplicateRowsMergeIntoOneFile) {
  std::vector<KnownPerson> people{known("name: Someone Else\nvcard_uid: u-1\n", "someone-else")};
  Contact c = contact("Renamed Person");
  c.vcard_uid = "u-1";
  c.phone = "+1 555";
  Contact d1 = contact("Dup", "https://www.linkedin.com/in/dup"), d2 = d1;
  d2.email = "dup@example.org";
  ImportPlan plan = plan_import({c, d1, d2}, people, Settings{}, options());
  EXPECT_EQ(plan.merged, (std::vector<std::string>{"someone-else", "dup"}));
  ASSERT_EQ(plan.changes.size(), 2u);
  EXPECT_EQ(*plan.changes[0].after, "name: Someone Else\nvcard_uid: u-1\nphone: +1 555\n");
  EXPECT_NE(plan.changes[1].after->find("email: dup@example.org"), std::string::npos);
}

}  // namespace
}  // namespace kith
