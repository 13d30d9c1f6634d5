// SPDX-License-Identifier: MIT
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "cache/codec.h"
#include "cache/parse_cache.h"
#include "cli_util.h"
#include "rules/balance.h"

namespace kith {
namespace {

using test::TempDir;
namespace fs = std::filesystem;

Person full_person(const std::string& path) {
  Person p;
  p.slug = "ada";
  p.path = path;
  p.name = "Ada Lovelace";
  p.aka = {"Countess", "AAL"};
  p.circle = "team";
  p.every = Duration{3, Duration::Unit::months};
  p.next = Date{date::year{2026}, date::month{12}, date::day{1}};
  p.added = Date{date::year{2025}, date::month{2}, date::day{28}};
  p.tags = {"math", "Lyon "};
  p.offers = {"analysis"};
  p.needs = {"engines"};
  p.email = "ada@example.com";
  p.phone = "+33 1";
  p.company = "Analytical";
  p.role = "Programmer";
  p.location = "London";
  p.notes = "line one\nline two\n";
  p.birthday = Birthday{std::nullopt, 12, 10};
  p.links = {{"site", "https://ada.example"}, {"git", "x"}};
  Entry e;
  e.date = Date{date::year{2026}, date::month{1}, date::day{31}};
  e.kind = "intro";
  e.note = "with \"quotes\",\nand a newline";
  e.with = "babbage";
  e.line = 12;
  p.log = {e, e};
  p.log[1].kind = "talk";
  p.log[1].with.clear();
  return p;
}

void expect_same(const Person& a, const Person& b) {
  EXPECT_EQ(a.slug, b.slug);
  EXPECT_EQ(a.path, b.path);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.aka, b.aka);
  EXPECT_EQ(a.circle, b.circle);
  EXPECT_EQ(a.every, b.every);
  EXPECT_EQ(a.next, b.next);
  EXPECT_EQ(a.added, b.added);
  EXPECT_EQ(a.tags, b.tags);
  EXPECT_EQ(a.offers, b.offers);
  EXPECT_EQ(a.needs, b.needs);
  EXPECT_EQ(std::tie(a.email, a.phone, a.company, a.role, a.location, a.notes),
            std::tie(b.email, b.phone, b.company, b.role, b.location, b.notes));
  ASSERT_EQ(a.birthday.has_value(), b.birthday.has_value());
  if (a.birthday) {
    EXPECT_EQ(a.birthday->year, b.birthday->year);
    EXPECT_EQ(a.birthday->month, b.birthday->month);
    EXPECT_EQ(a.birthday->day, b.birthday->day);
  }
  EXPECT_EQ(a.links, b.links);
  ASSERT_EQ(a.log.size(), b.log.size());
  for (std::size_t i = 0; i < a.log.size(); ++i) {
    EXPECT_EQ(a.log[i].date, b.log[i].date);
    EXPECT_EQ(a.log[i].kind, b.log[i].kind);
    EXPECT_EQ(a.log[i].note, b.log[i].note);
    EXPECT_EQ(a.log[i].with, b.log[i].with);
    EXPECT_EQ(a.log[i].line, b.log[i].line);
  }
  ASSERT_EQ(a.digest == nullptr, b.digest == nullptr);
  if (a.digest) {
    EXPECT_EQ(a.digest->balance, b.digest->balance);
    EXPECT_EQ(a.digest->asked_before_giving, b.digest->asked_before_giving);
    EXPECT_EQ(a.digest->introduced, b.digest->introduced);
    ASSERT_EQ(a.digest->last_contact.has_value(), b.digest->last_contact.has_value());
    if (a.digest->last_contact) {
      const Entry &x = *a.digest->last_contact, &y = *b.digest->last_contact;
      EXPECT_EQ(std::tie(x.date, x.kind, x.note, x.with, x.line), std::tie(y.date, y.kind, y.note, y.with, y.line));
    }
  }
}

// A field added to Person must be added to lib/cache/codec.cpp (and to
// full_person and expect_same above), or a warm cache silently drops it:
// `added` was lost that way. This size changes when a field is added.
TEST(CacheCodec, EveryFieldOfPersonIsEncoded) {
  EXPECT_EQ(sizeof(Person), 368u) << "Person changed: encode the new field in lib/cache/codec.cpp, "
                                     "bump its format_version, then update this size";
  EXPECT_EQ(sizeof(LogDigest), 152u) << "LogDigest changed: encode the new field in lib/cache/codec.cpp, "
                                        "bump its format_version, then update this size";
}

TEST(CacheCodec, APersonAndTheirProblemsComeBackWhole) {
  LoadResult r;
  r.person = full_person("net/ada.yaml");
  r.unknown_keys.push_back(Diagnostic{"net/ada.yaml", 3, 1, "unknown key 'x'"});
  auto bytes = cache::encode_result(r, "net/ada.yaml");
  ASSERT_TRUE(bytes);
  LoadResult back;
  // Decoded under another spelling of the directory: the paths follow it.
  ASSERT_TRUE(cache::decode_result(*bytes, "./net/ada.yaml", "ada", back));
  ASSERT_TRUE(back.person);
  Person expected = *r.person;
  expected.path = "./net/ada.yaml";
  expect_same(*back.person, expected);
  ASSERT_EQ(back.unknown_keys.size(), 1u);
  EXPECT_EQ(back.unknown_keys[0].to_string(), "./net/ada.yaml:3:1: unknown key 'x'");
  EXPECT_TRUE(back.problems.empty());

  LoadResult bad;
  bad.problems.push_back(Diagnostic{"net/ada.yaml", 2, 7, "unknown circle 'x'"});
  bytes = cache::encode_result(bad, "net/ada.yaml");
  ASSERT_TRUE(bytes);
  ASSERT_TRUE(cache::decode_result(*bytes, "net/ada.yaml", "ada", back));
  EXPECT_FALSE(back.person);
  ASSERT_EQ(back.problems.size(), 1u);
  EXPECT_EQ(back.problems[0].to_string(), "net/ada.yaml:2:7: unknown circle 'x'");
}

TEST(CacheCodec, ADigestComesBackWhole) {
  LoadResult r;
  r.person = full_person("net/ada.yaml");
  keep_digest(*r.person, Settings{});
  ASSERT_TRUE(r.person->digest && r.person->digest->last_contact);
  ASSERT_EQ(r.person->digest->introduced, std::vector<std::string>{"babbage"});
  auto bytes = cache::encode_result(r, "net/ada.yaml");
  ASSERT_TRUE(bytes);
  LoadResult back;
  ASSERT_TRUE(cache::decode_result(*bytes, "net/ada.yaml", "ada", back));
  ASSERT_TRUE(back.person);
  expect_same(*back.person, *r.person);
}

// As for Person: a field added to Settings must be encoded too.
TEST(CacheCodec, EveryFieldOfSettingsIsEncoded) {
  EXPECT_EQ(sizeof(Settings), 256u) << "Settings changed: encode the new field in lib/cache/codec.cpp "
                                       "(encode_settings), bump its format_version, then update this size";
}

TEST(CacheCodec, SettingsAndTheirProblemsComeBackWhole) {
  SettingsResult parsed = parse_settings(
      "circles:\n  family: 7d\n  online: never\ndefault_circle: family\nfollowup: 1w\n"
      "goals: {new_contacts_per_year: [3, 4]}\nkinds:\n  coffee: {}\n  lunch: {balance: 1}\n"
      "  memo: {contact: false}\ngit: off\nfrobnicate: 1\n",
      "net/kith.yaml");
  ASSERT_FALSE(parsed.problems.empty());  // the unknown key
  auto bytes = cache::encode_settings(parsed, "net/kith.yaml");
  ASSERT_TRUE(bytes);
  SettingsResult back;
  ASSERT_TRUE(cache::decode_settings(*bytes, "./net/kith.yaml", back));
  const Settings &a = parsed.settings, &b = back.settings;
  EXPECT_EQ(a.circles, b.circles);
  EXPECT_EQ(b.circles.count("team"), 1u);  // the built-in circles stay
  EXPECT_EQ(b.default_circle, "family");
  EXPECT_EQ(b.followup, (Duration{1, Duration::Unit::weeks}));
  EXPECT_EQ(std::tie(a.goal_low, a.goal_high), std::tie(b.goal_low, b.goal_high));
  EXPECT_EQ(b.goal_low, 3);
  ASSERT_EQ(a.kinds.size(), b.kinds.size());
  for (std::size_t i = 0; i < a.kinds.size(); ++i)
    EXPECT_EQ(std::tie(a.kinds[i].name, a.kinds[i].contact, a.kinds[i].balance),
              std::tie(b.kinds[i].name, b.kinds[i].contact, b.kinds[i].balance));
  ASSERT_NE(b.find_kind("lunch"), nullptr);
  EXPECT_EQ(b.find_kind("lunch")->balance, 1);
  EXPECT_FALSE(b.find_kind("memo")->contact);
  EXPECT_FALSE(b.git_auto);
  ASSERT_EQ(back.problems.size(), parsed.problems.size());
  for (std::size_t i = 0; i < parsed.problems.size(); ++i) {
    EXPECT_EQ(back.problems[i].path, "./net/kith.yaml");  // the paths follow the spelling
    EXPECT_EQ(std::tie(back.problems[i].line, back.problems[i].col, back.problems[i].message),
              std::tie(parsed.problems[i].line, parsed.problems[i].col, parsed.problems[i].message));
  }
  // Cut short, or with a unit that does not exist: not decoded.
  for (std::size_t cut = 0; cut < bytes->size(); cut += 7) {
    SettingsResult partial;
    EXPECT_FALSE(cache::decode_settings(bytes->substr(0, cut), "k", partial)) << cut;
  }
  std::string bad_unit = *bytes;
  bad_unit[4 + 4 + std::string("community").size() + 4] = 9;  // the unit of the first circle
  SettingsResult ignored;
  EXPECT_FALSE(cache::decode_settings(bad_unit, "k", ignored));
  // A diagnostic naming another file cannot be stored.
  parsed.problems[0].path = "elsewhere.yaml";
  EXPECT_FALSE(cache::encode_settings(parsed, "net/kith.yaml"));
}

TEST(CacheCodec, ADiagnosticNamingAnotherFileIsNotCachedAndCutBytesDoNotDecode) {
  LoadResult r;
  r.problems.push_back(Diagnostic{"other.yaml", 1, 1, "x"});
  EXPECT_FALSE(cache::encode_result(r, "net/ada.yaml"));
  LoadResult ok;
  ok.person = full_person("net/ada.yaml");
  std::string bytes = *cache::encode_result(ok, "net/ada.yaml");
  LoadResult back;
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, bytes.size() / 2, bytes.size() - 1})
    EXPECT_FALSE(cache::decode_result(bytes.substr(0, cut), "net/ada.yaml", "ada", back)) << cut;
  EXPECT_FALSE(cache::decode_result(bytes + "x", "net/ada.yaml", "ada", back));
}

// Every record of a cache file, read in order.
std::vector<cache::Record> all_records(const cache::CacheFile& c) {
  std::vector<cache::Record> out;
  cache::Record r;
  for (std::size_t at = 0; c.read(at, r);) out.push_back(r);
  return out;
}

class CacheFileTest : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path file = tmp / "cache/x.cache";
  const std::int64_t started = 1'800'000'000'000'000'000;
  std::vector<cache::Record> records{
      cache::new_record("a.yaml", FileKey{10, started - 5'000'000'000, started - 5'000'000'000, 7, 8}, "aa", "AAA"),
      cache::new_record("sub/b.yaml", FileKey{20, started - 5'000'000'000, started - 1'000'000'000, 9, 8}, "bb", "BB"),
      cache::new_record("c.yaml", FileKey{30, started, started - 30'000'001, 10, 8}, "c", "C"),
      cache::new_record("d.yaml", FileKey{40, started, started - 60'000'001, 11, 8}, "d", "D"),
  };

  std::string bytes() { return test::read_text(file); }
  void overwrite(const std::string& text) { std::ofstream(file, std::ios::binary | std::ios::trunc) << text; }
};

TEST_F(CacheFileTest, RecordsComeBackAndOnlyMatchingKeysOutsideTheRacyWindowAreTrusted) {
  ASSERT_TRUE(cache::write_cache(file, "/data", 42, started, "", records));
  cache::CacheFile c(file, "/data", 42);
  ASSERT_TRUE(c.valid());
  const std::vector<cache::Record> got = all_records(c);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(c.size(), 4u);
  EXPECT_EQ(got[0].rel, "a.yaml");
  EXPECT_EQ(got[0].digest, "aa");
  EXPECT_EQ(got[0].full, "AAA");
  EXPECT_TRUE(cache::full_intact(got[0]));
  EXPECT_EQ(got[1].rel, "sub/b.yaml");
  EXPECT_TRUE(c.trusted(got[0], records[0].key));
  FileKey touched = records[0].key;
  touched.mtime_ns += 1;
  EXPECT_FALSE(c.trusted(got[0], touched));
  FileKey other_inode = records[0].key;
  other_inode.inode = 99;
  EXPECT_FALSE(c.trusted(got[0], other_inode));
  // Changed one second before the writing run started, on a file system
  // with whole-second timestamps: maybe within the tick of its reading.
  EXPECT_FALSE(c.trusted(got[1], records[1].key));
  // With nanosecond timestamps, the margin is 50 ms.
  EXPECT_FALSE(c.trusted(got[2], records[2].key));
  EXPECT_TRUE(c.trusted(got[3], records[3].key));
}

// The full results are written in pieces of about 1 MiB from where they
// are: results that straddle a piece, or are larger than one, come back
// whole and in order.
TEST_F(CacheFileTest, LargeFullResultsComeBackWholeAcrossTheWritePieces) {
  std::vector<std::string> fulls;
  for (std::size_t i = 0; i < 40; ++i)
    fulls.push_back(std::string(i == 17 ? (3u << 20) + 5 : 100'000 + i * 997, static_cast<char>('a' + i % 26)));
  std::vector<std::string> names;
  for (std::size_t i = 0; i < fulls.size(); ++i) names.push_back(fmt::format("p{:02}.yaml", i));
  std::vector<cache::Record> many;
  for (std::size_t i = 0; i < fulls.size(); ++i)
    many.push_back(cache::new_record(names[i], records[3].key, "digest", fulls[i]));
  ASSERT_TRUE(cache::write_cache(file, "/data", 42, started, "", many));
  cache::CacheFile c(file, "/data", 42);
  ASSERT_TRUE(c.valid());
  const std::vector<cache::Record> got = all_records(c);
  ASSERT_EQ(got.size(), fulls.size());
  for (std::size_t i = 0; i < fulls.size(); ++i) {
    EXPECT_EQ(got[i].rel, names[i]);
    EXPECT_TRUE(got[i].full == fulls[i]) << i;
    EXPECT_TRUE(cache::full_intact(got[i])) << i;
  }
}

TEST_F(CacheFileTest, TheSettingsComeBackAndAreUnderTheChecksum) {
  ASSERT_TRUE(cache::write_cache(file, "/data", 42, started, "SETTINGS", records));
  {
    cache::CacheFile c(file, "/data", 42);
    ASSERT_TRUE(c.valid());
    EXPECT_EQ(c.settings(), "SETTINGS");
    EXPECT_EQ(all_records(c).size(), 4u);
  }
  std::string bad = bytes();
  bad[72 + 5 + 2] ^= 0x20;  // after the header and "/data"
  overwrite(bad);
  EXPECT_FALSE(cache::CacheFile(file, "/data", 42).valid());
}

// A load keeps only the part of the cache it reads: with the 2 MiB pages a
// large folio of the page cache can be mapped with, 2 to 6 MB more stayed.
TEST_F(CacheFileTest, TheCacheIsMappedWithSmallPages) {
  ASSERT_TRUE(cache::write_cache(file, "/data", 42, started, "", records));
  cache::CacheFile c(file, "/data", 42);
  ASSERT_TRUE(c.valid());
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool in_cache = false, seen = false;
  while (std::getline(smaps, line)) {
    if (line.find(fs::canonical(file).string()) != std::string::npos) in_cache = true;
    if (in_cache && line.rfind("VmFlags:", 0) == 0) {
      EXPECT_NE((line + " ").find(" nh "), std::string::npos) << line;
      seen = true;
      in_cache = false;
    }
  }
  EXPECT_TRUE(seen);
}

TEST_F(CacheFileTest, ForeignOldCorruptOrTruncatedCachesAreIgnored) {
  ASSERT_TRUE(cache::write_cache(file, "/data", 42, started, "", records));
  std::string good = bytes();
  EXPECT_FALSE(cache::CacheFile(file, "/other", 42).valid());  // another directory's
  EXPECT_FALSE(cache::CacheFile(file, "/data", 43).valid());   // other settings or another kith
  // The header (its magic, version, start time and count of records), the
  // directory's path, a record of the index.
  for (std::size_t at : {std::size_t{0}, std::size_t{8}, std::size_t{24}, std::size_t{32}, std::size_t{72},
                         std::size_t{90}}) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x20);
    overwrite(bad);
    EXPECT_FALSE(cache::CacheFile(file, "/data", 42).valid()) << "byte " << at;
  }
  for (std::size_t cut : {std::size_t{0}, std::size_t{10}, std::size_t{64}, good.size() - 1}) {
    overwrite(good.substr(0, cut));
    EXPECT_FALSE(cache::CacheFile(file, "/data", 42).valid()) << "cut at " << cut;
  }
  // A damaged full result: the index stands, that result is not used.
  std::string bad = good;
  bad.back() = 'X';
  overwrite(bad);
  {
    cache::CacheFile c(file, "/data", 42);
    ASSERT_TRUE(c.valid());
    EXPECT_TRUE(cache::full_intact(all_records(c)[2]));
    EXPECT_FALSE(cache::full_intact(all_records(c)[3]));
  }
  // Written again (a digest run rewrites the records it did not parse), a
  // damaged full result keeps its old hash: it is not blessed.
  {
    cache::CacheFile c(file, "/data", 42);
    ASSERT_TRUE(cache::write_cache(tmp / "cache/y.cache", "/data", 42, started, c.settings(), all_records(c)));
  }
  {
    cache::CacheFile again(tmp / "cache/y.cache", "/data", 42);
    ASSERT_TRUE(again.valid());
    EXPECT_TRUE(cache::full_intact(all_records(again)[0]));
    EXPECT_FALSE(cache::full_intact(all_records(again)[3]));
  }
  overwrite(good);
  EXPECT_TRUE(cache::CacheFile(file, "/data", 42).valid());
  fs::remove(file);
  EXPECT_FALSE(cache::CacheFile(file, "/data", 42).valid());
}

TEST(CacheRewrite, ASmallCacheIsRewrittenOnAnyChangeALargeOneOnceMoreThanOneRecordIn512IsStale) {
  EXPECT_FALSE(cache::worth_rewriting(300, 300, 0));
  EXPECT_TRUE(cache::worth_rewriting(300, 299, 1));  // one file changed
  EXPECT_TRUE(cache::worth_rewriting(300, 299, 0));  // one file gone
  EXPECT_TRUE(cache::worth_rewriting(300, 300, 1));  // one new file
  EXPECT_TRUE(cache::worth_rewriting(0, 0, 1));
  EXPECT_FALSE(cache::worth_rewriting(30000, 30000, 0));
  EXPECT_FALSE(cache::worth_rewriting(30000, 29971, 29));  // 29 files changed: 58 stale records
  EXPECT_TRUE(cache::worth_rewriting(30000, 29970, 30));
  EXPECT_TRUE(cache::worth_rewriting(30000, 29900, 0));    // 100 files gone
  EXPECT_FALSE(cache::worth_rewriting(30000, 30001, 0));   // never more used than held
}

}  // namespace
}  // namespace kith
