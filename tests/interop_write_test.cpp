// SPDX-License-Identifier: MIT
// The writers of lib/interop: content lines, vCard, iCalendar and JSON, and
// the round trips through kith's own readers.
#include <gtest/gtest.h>

#include "interop/content_line.h"
#include "interop/ics.h"
#include "interop/json.h"
#include "interop/vcard_read.h"
#include "interop/vcard_write.h"
#include "model/error.h"
#include "yaml/load.h"

namespace kith {
namespace {

Person person_of(const std::string& text, const std::string& path = "people/ana-lima.yaml") {
  LoadResult r = load_person(text, path, Settings{});
  EXPECT_TRUE(r.problems.empty()) << r.problems.front().to_string();
  return *r.person;
}

const std::string ana =
    "name: Ana Lima, PhD\n"
    "aka: [Aninha, \"A; L\"]\n"
    "circle: team\n"
    "tags: [rust, lyon]\n"
    "email: ana@example.org\n"
    "phone: \"+55 11 9999-0000\"\n"
    "company: Nubank\n"
    "role: Staff Engineer\n"
    "location: São Paulo\n"
    "birthday: --02-29\n"
    "links: {linkedin: \"https://www.linkedin.com/in/ana-lima\", mastodon: \"https://x.social/@ana\", "
    "blog: \"https://ana.example\"}\n"
    "notes: |\n  Met at RustConf; likes \\backslashes\\, commas.\n  Second line with a long long long long long "
    "long long long long long long long text é é é é é é é é é é é.\n";

TEST(InteropContentLine, FoldsAt75OctetsWithoutSplittingCharacters) {
  const std::string line = "NOTE:" + std::string(71, 'a') + "ééééé" + std::string(200, 'b');
  const std::string out = folded(line);
  std::string unfolded;
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t end = out.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    const std::string physical = out.substr(start, end - start);
    EXPECT_LE(physical.size(), 75u);
    EXPECT_NE(static_cast<unsigned char>(physical[start == 0 ? 0 : 1]) & 0xC0, 0x80u) << "split inside a character";
    unfolded += start == 0 ? physical : physical.substr(1);
    start = end + 2;
  }
  EXPECT_EQ(unfolded, line);
  EXPECT_EQ(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  EXPECT_EQ(stable_uuid("x"), stable_uuid("x"));
  EXPECT_NE(stable_uuid("x"), stable_uuid("y"));
  EXPECT_EQ(stable_uuid("x").size(), 36u);
}

void expect_same_contact(const Person& p, const Contact& c) {
  EXPECT_EQ(c.name, p.name);
  EXPECT_EQ(c.aka, p.aka);
  EXPECT_EQ(c.tags, p.tags);
  EXPECT_EQ(c.email, p.email);
  EXPECT_EQ(c.phone, p.phone);
  EXPECT_EQ(c.company, p.company);
  EXPECT_EQ(c.role, p.role);
  EXPECT_EQ(c.location, p.location);
  EXPECT_EQ(c.notes + "\n", p.notes);
  ASSERT_TRUE(c.birthday);
  EXPECT_EQ(format_birthday(*c.birthday), format_birthday(*p.birthday));
  EXPECT_EQ(c.links, p.links);
  EXPECT_EQ(c.circle, p.circle);
}

TEST(InteropVcardWrite, BothVersionsReadBackWithNothingLost) {
  const Person p = person_of(ana);
  for (VcardVersion v : {VcardVersion::v4, VcardVersion::v3}) {
    const std::string card = vcard_of(p, v, "", "2024-10-09");
    EXPECT_NE(card.find(v == VcardVersion::v4 ? "VERSION:4.0\r\n" : "VERSION:3.0\r\n"), std::string::npos);
    EXPECT_NE(card.find("FN:Ana Lima\\, PhD\r\n"), std::string::npos);
    VcardRead r = read_vcards(card, "x.vcf");
    ASSERT_EQ(r.contacts.size(), 1u);
    EXPECT_TRUE(r.warnings.empty());
    expect_same_contact(p, r.contacts[0]);
    EXPECT_EQ(format_date(*r.contacts[0].connected), "2024-10-09");
    EXPECT_EQ(r.contacts[0].vcard_uid, vcard_uid_for(p, ""));
  }
}

TEST(InteropVcardWrite, KeepsAUidThatCameIn) {
  const Person p = person_of(ana);
  EXPECT_NE(vcard_of(p, VcardVersion::v4, "abc-1", "").find("UID:abc-1\r\n"), std::string::npos);
  EXPECT_EQ(vcard_uid_for(p, ""), vcard_uid_for(person_of(ana), ""));
}

TEST(InteropIcs, DueAndBirthdaysWithStableUidsAndValidLines) {
  std::vector<Person> people{
      person_of(ana),
      person_of("name: Bo\ncircle: team\nlog:\n  - date: 2026-11-01\n    kind: met\n", "bo.yaml"),
      person_of("name: Cy\nbirthday: 1990-05-12\n", "cy.yaml")};
  const Date today{date::year{2026}, date::month{11}, date::day{21}};
  const std::string ics = ics_of(people, Settings{}, today, 0);
  EXPECT_TRUE(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  EXPECT_TRUE(ics.ends_with("END:VCALENDAR\r\n"));
  EXPECT_NE(ics.find("SUMMARY:Get in touch with Bo\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20261103\r\n"), std::string::npos);  // met + 2d
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20000229\r\nDTEND;VALUE=DATE:20000301\r\n"
                     "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n"),
            std::string::npos);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:19900512\r\n"), std::string::npos);
  EXPECT_NE(ics.find("SUMMARY:Ana Lima\\, PhD's birthday\r\n"), std::string::npos);
  // Every component has a UID and a DTSTAMP; every line ends in CRLF.
  std::size_t events = 0, uids = 0, stamps = 0;
  for (std::size_t at = 0; (at = ics.find("BEGIN:VEVENT", at)) != std::string::npos; ++at) ++events;
  for (std::size_t at = 0; (at = ics.find("\r\nUID:", at)) != std::string::npos; ++at) ++uids;
  for (std::size_t at = 0; (at = ics.find("\r\nDTSTAMP:20261121T000000Z", at)) != std::string::npos; ++at) ++stamps;
  EXPECT_EQ(events, 3u);
  EXPECT_EQ(uids, 3u);
  EXPECT_EQ(stamps, 3u);
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') {
      ASSERT_EQ(ics[i - 1], '\r');
    }
  }
  // The same people tomorrow: the same UIDs.
  EXPECT_EQ(ics_of(people, Settings{}, today, 0).find("UID:"), ics.find("UID:"));
}

TEST(InteropJson, FilesComeBackAsTheyWereExported) {
  const std::string odd = "# a comment\nname: \"Zoë: the 2nd\"\nunknown_key: {a: [1, 2]}\nnext: 2026-12-01\n"
                          "log:\n  - date: 2026-01-02\n    kind: talk\n    note: \"multi\\nline \\\"q\\\"\"\n"
                          "empty:\nlist: []\n";
  const std::vector<PersonFile> in{{"ana-lima.yaml", ana}, {"sub/zoe.yaml", odd}};
  const std::string json = people_json(in);
  EXPECT_NE(json.find("\"slug\": \"zoe\", \"path\": \"sub/zoe.yaml\""), std::string::npos);
  EXPECT_NE(json.find("\"note\": \"multi\\nline \\\"q\\\"\""), std::string::npos);
  const std::vector<PersonFile> back = files_from_json(json, "x.json");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[1].path, "sub/zoe.yaml");
  EXPECT_EQ(people_json(back), json);
  const Person zoe = person_of(back[1].text, "zoe.yaml");
  EXPECT_EQ(zoe.name, "Zoë: the 2nd");
  ASSERT_EQ(zoe.log.size(), 1u);
  EXPECT_EQ(zoe.log[0].note, "multi\nline \"q\"");
}

TEST(InteropJson, ReadsEscapesAndSurrogatePairsWrittenByOtherTools) {
  const auto files = files_from_json(
      "{\"people\": [{\"path\": \"a.yaml\", \"file\": {\"name\": \"Am\\u00e9lie \\ud83c\\udf3b\\/\", "
      "\"every\": \"30d\", \"n\": 5, \"ok\": true, \"x\": null}}]}",
      "x.json");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].text, "name: Amélie 🌻/\nevery: 30d\n\"n\": \"5\"\nok: \"true\"\nx: null\n");
  EXPECT_THROW(files_from_json("{\"people\": []},", "x.json"), Error);
  EXPECT_THROW(files_from_json("{\"people\": [\"\\ud800\"]}", "x.json"), Error);
}

TEST(InteropJson, RefusesWhatIsNotAnExportOrLeavesTheDirectory) {
  EXPECT_THROW(files_from_json("[1, 2]", "x.json"), Error);
  EXPECT_THROW(files_from_json("{\"people\": [{\"path\": \"../x.yaml\", \"file\": {\"name\": \"x\"}}]}", "x.json"),
               Error);
  EXPECT_THROW(files_from_json("{\"people\": [{\"path\": \"kith.yaml\", \"file\": {\"name\": \"x\"}}]}", "x.json"),
               Error);
  EXPECT_THROW(files_from_json(std::string(100, '[') + std::string(100, ']'), "x.json"), Error);
  EXPECT_THROW(files_from_json("{\"people\": [", "x.json"), Error);
}

}  // namespace
}  // namespace kith
