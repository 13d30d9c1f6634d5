// SPDX-License-Identifier: MIT
// The readers of lib/interop: CSV, LinkedIn's Connections.csv and vCards,
// on hand-written inputs and on the awkward files of examples/import/.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "interop/csv.h"
#include "interop/linkedin.h"
#include "interop/text.h"
#include "interop/vcard_read.h"
#include "model/error.h"

namespace kith {
namespace {

std::string example(const std::string& name) {
  std::ifstream in(std::string(KITH_SOURCE_DIR) + "/examples/import/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const Contact* named(const std::vector<Contact>& contacts, const std::string& name) {
  for (const auto& c : contacts)
    if (c.name == name) return &c;
  return nullptr;
}

TEST(InteropCsv, QuotesHoldDelimitersQuotesAndLineBreaks) {
  auto rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"one\ntwo\",x\nlast", ',', "f.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"one\ntwo", "x"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].line, 4);
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"last"}));
}

TEST(InteropCsv, AnUnendedQuoteIsAnErrorAtItsLine) {
  try {
    parse_csv("a,b\nc,\"never\nends", ',', "f.csv");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.diagnostic().path, "f.csv");
    EXPECT_EQ(e.diagnostic().line, 2);
  }
}

TEST(InteropText, Windows1252BecomesUtf8) {
  EXPECT_FALSE(is_utf8("caf\xE9"));
  EXPECT_EQ(cp1252_to_utf8("caf\xE9 \x80 \x9C"), "café € œ");
  EXPECT_TRUE(is_utf8("李小龍 🌻"));
}

TEST(InteropLinkedin, UrlsAreCanonicalWhateverTheSpelling) {
  const std::string want = "https://www.linkedin.com/in/charlene";
  for (const char* url : {"https://www.linkedin.com/in/charlene", "http://fr.linkedin.com/in/Charlene/",
                          "www.linkedin.com/in/charlene?trk=x", " HTTPS://LINKEDIN.COM/in/CHARLENE// "})
    EXPECT_EQ(canonical_linkedin_url(url), want) << url;
  EXPECT_EQ(canonical_linkedin_url("https://www.linkedin.com/in/am%C3%A9lie"), "https://www.linkedin.com/in/amélie");
  EXPECT_EQ(canonical_linkedin_url("https://example.org/Me/"), "https://example.org/Me/");
}

TEST(InteropLinkedin, DatesInEveryLayout) {
  auto d = [](const char* s) { return parse_linkedin_date(s) ? format_date(*parse_linkedin_date(s)) : "none"; };
  EXPECT_EQ(d("09 Oct 2024"), "2024-10-09");
  EXPECT_EQ(d("1/8/18, 6:14 PM"), "2018-01-08");
  EXPECT_EQ(d("08-Jan-18"), "2018-01-08");
  EXPECT_EQ(d("2024-10-09"), "2024-10-09");
  EXPECT_EQ(d("25/12/2017"), "2017-12-25");
  EXPECT_EQ(d("31 Feb 2024"), "none");
  EXPECT_EQ(d("yesterday"), "none");
}

TEST(InteropLinkedin, The2024LayoutWithPreambleBomAndAwkwardRows) {
  LinkedinRead r = read_linkedin(example("linkedin-2024.csv"), "c.csv");
  EXPECT_FALSE(r.converted_from_cp1252);
  ASSERT_EQ(r.contacts.size(), 6u);
  ASSERT_EQ(r.skipped.size(), 2u);  // the rows empty but for a date
  EXPECT_EQ(r.skipped[0].line, 8);
  const Contact& charlene = r.contacts[0];
  EXPECT_EQ(charlene.name, "Charlène Dupont");
  EXPECT_EQ(charlene.line, 5);
  EXPECT_EQ(charlene.company, "Acme");
  EXPECT_EQ(format_date(*charlene.connected), "2024-10-09");
  EXPECT_EQ(charlene.links.at("linkedin"), "https://www.linkedin.com/in/charlene-dupont");
  const Contact* ingrid = named(r.contacts, "Ingrid Johansson");
  ASSERT_TRUE(ingrid);
  EXPECT_EQ(ingrid->company, "Spotify, Stockholm");
  EXPECT_EQ(ingrid->links.at("linkedin"), "https://www.linkedin.com/in/ingrid-johansson");
  const Contact* picard = named(r.contacts, "Jean-Luc Picard");
  ASSERT_TRUE(picard);
  EXPECT_EQ(picard->email, "");  // urn:li:member is not an email
  EXPECT_EQ(picard->role, "Captain \"Make it so\"");
  const Contact* amelie = named(r.contacts, "Dr. Amélie Poulain 🌻");
  ASSERT_TRUE(amelie);
  EXPECT_EQ(amelie->company, "");  // ` -`
  EXPECT_EQ(amelie->email, "amelie@example.org");
  const Contact* kenji = named(r.contacts, "Kenji Watanabe");
  ASSERT_TRUE(kenji);
  EXPECT_EQ(kenji->company, "Line one\nline two");
  EXPECT_TRUE(named(r.contacts, "李 小龍"));
}

TEST(InteropLinkedin, ExcelResaveOldAndWideLayouts) {
  LinkedinRead excel = read_linkedin(example("linkedin-excel.csv"), "e.csv");
  ASSERT_EQ(excel.contacts.size(), 2u);
  EXPECT_EQ(format_date(*excel.contacts[0].connected), "2018-01-08");
  EXPECT_EQ(excel.contacts[0].email, "marta@example.pl");
  LinkedinRead old = read_linkedin(example("linkedin-2018.csv"), "o.csv");
  ASSERT_EQ(old.contacts.size(), 2u);
  EXPECT_TRUE(old.contacts[0].links.empty());
  EXPECT_EQ(format_date(*old.contacts[1].connected), "2017-12-25");
  LinkedinRead wide = read_linkedin(example("linkedin-more-columns.csv"), "w.csv");
  ASSERT_EQ(wide.contacts.size(), 1u);
  EXPECT_EQ(wide.contacts[0].links.at("linkedin"), "https://www.linkedin.com/in/yuki-tanaka");
  EXPECT_EQ(wide.contacts[0].role, "PM");
}

TEST(InteropLinkedin, SemicolonWindows1252IsConverted) {
  LinkedinRead r = read_linkedin(example("linkedin-windows-1252.csv"), "w.csv");
  EXPECT_TRUE(r.converted_from_cp1252);
  ASSERT_EQ(r.contacts.size(), 2u);
  EXPECT_EQ(r.contacts[0].name, "Hélène Bérard");
  EXPECT_EQ(r.contacts[0].role, "Analyste – risques");
  EXPECT_EQ(r.contacts[1].name, "François Lœwy");
}

TEST(InteropLinkedin, AFileWithoutTheHeaderIsRefused) {
  EXPECT_THROW(read_linkedin("name,email\nA,b@c\n", "x.csv"), Error);
  EXPECT_THROW(read_linkedin("", "x.csv"), Error);
}

TEST(InteropVcard, BirthdaysInEveryForm) {
  auto b = [](const char* s) { return parse_vcard_date(s) ? format_birthday(*parse_vcard_date(s)) : "none"; };
  EXPECT_EQ(b("--0512"), "--05-12");
  EXPECT_EQ(b("--05-12"), "--05-12");
  EXPECT_EQ(b("19900512"), "1990-05-12");
  EXPECT_EQ(b("1990-05-12"), "1990-05-12");
  EXPECT_EQ(b("1990-05-12T00:00:00Z"), "1990-05-12");
  EXPECT_EQ(b("--0229"), "--02-29");
  EXPECT_EQ(b("19900230"), "none");
  EXPECT_EQ(b("around Easter"), "none");
}

TEST(InteropVcard, OldPhone21WithQuotedPrintableAndCrCrLf) {
  VcardRead r = read_vcards(example("phone-2.1.vcf"), "p.vcf");
  ASSERT_EQ(r.contacts.size(), 1u);
  ASSERT_EQ(r.skipped.size(), 1u);  // the empty card
  const Contact& c = r.contacts[0];
  EXPECT_EQ(c.name, "Camille Lefèvre");
  EXPECT_EQ(c.phone, "+33 4 72 00 00 00");
  EXPECT_EQ(c.notes, "Rencontrée à Lyon,\nmaître du café");
  EXPECT_EQ(format_birthday(*c.birthday), "1988-02-29");
}

TEST(InteropVcard, Apple30WithGroupsPhotoAndYearlessBirthday) {
  VcardRead r = read_vcards(example("apple-3.0.vcf"), "a.vcf");
  ASSERT_EQ(r.contacts.size(), 1u);
  const Contact& c = r.contacts[0];
  EXPECT_EQ(c.name, "Léa Nguyen");
  EXPECT_EQ(c.email, "lea@example.net");  // the preferred one
  EXPECT_EQ(c.company, "Datadog");
  EXPECT_EQ(c.role, "Staff Engineer");
  EXPECT_EQ(c.links.at("linkedin"), "https://www.linkedin.com/in/leanguyen");
  EXPECT_EQ(c.links.at("mastodon"), "https://piaille.fr/@lea");
  EXPECT_EQ(c.links.at("homepage"), "https://lea.example.net");
  EXPECT_EQ(format_birthday(*c.birthday), "--05-12");
  EXPECT_EQ(c.notes, "Talked about SLOs, error budgets; and on-call.\nLikes climbing.");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"observability", "lyon"}));
  EXPECT_EQ(c.vcard_uid, "1F0A2E7C-5B1D-4F6B-9C6E-1A2B3C4D5E6F");
}

TEST(InteropVcard, WebmailLowercaseMissingFnAndOddN) {
  VcardRead r = read_vcards(example("webmail.vcf"), "w.vcf");
  ASSERT_EQ(r.contacts.size(), 3u);
  EXPECT_EQ(r.contacts[0].name, "Doe, John");
  EXPECT_EQ(format_birthday(*r.contacts[0].birthday), "1990-05-12");
  EXPECT_EQ(r.contacts[1].name, "Anna Smith");  // from N, two parts only
  EXPECT_EQ(format_birthday(*r.contacts[1].birthday), "--05-12");
  EXPECT_EQ(r.contacts[2].name, "nobody.named@example.org");
  ASSERT_EQ(r.warnings.size(), 1u);  // "around Easter"
  ASSERT_EQ(r.skipped.size(), 1u);
}

TEST(InteropVcard, CardDav40) {
  VcardRead r = read_vcards(example("nextcloud-4.0.vcf"), "n.vcf");
  ASSERT_EQ(r.contacts.size(), 1u);
  const Contact& c = r.contacts[0];
  EXPECT_EQ(c.aka, (std::vector<std::string>{"Med", "Mehdi B."}));
  EXPECT_EQ(c.phone, "+33-6-98-76-54-32");
  EXPECT_EQ(c.location, "Lyon");
  EXPECT_EQ(c.links.at("website"), "https://mehdi.example.com");
  EXPECT_EQ(c.vcard_uid, "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
}

TEST(InteropVcard, LongUnfoldedLinesAndNoCardAtAll) {
  const std::string longname(300, 'x');
  VcardRead r = read_vcards("BEGIN:VCARD\nFN:" + longname + "\nEND:VCARD", "l.vcf");
  ASSERT_EQ(r.contacts.size(), 1u);
  EXPECT_EQ(r.contacts[0].name, longname);
  EXPECT_THROW(read_vcards("name,email\n", "x.vcf"), Error);
}

}  // namespace
}  // namespace kith
