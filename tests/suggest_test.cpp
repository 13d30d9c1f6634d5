// SPDX-License-Identifier: MIT
#include "rules/suggest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "rules/balance.h"

namespace kith {
namespace {

using Strings = std::vector<std::string>;

Person person(std::string slug, std::string name, Strings needs = {}, Strings offers = {},
              Strings tags = {}) {
  Person p;
  p.slug = std::move(slug);
  p.name = std::move(name);
  p.needs = std::move(needs);
  p.offers = std::move(offers);
  p.tags = std::move(tags);
  return p;
}

Entry intro_with(std::string slug) {
  Entry e;
  e.date = date::year{2026} / 4 / 2;
  e.kind = "intro";
  e.with = std::move(slug);
  return e;
}

TEST(SuggestIntros, NeedMetByOfferScoresTenWithReasonInWords) {
  std::vector<Person> people{
      person("julie-martin", "Julie Martin", {"job search"}),
      person("sophie-bernard", "Sophie Bernard", {}, {"job search"}),
  };
  auto out = suggest_intros(people, "", 0);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].a->slug, "julie-martin");
  EXPECT_EQ(out[0].b->slug, "sophie-bernard");
  EXPECT_EQ(out[0].score, 10);
  EXPECT_EQ(out[0].reasons,
            Strings{"Julie Martin needs 'job search'; Sophie Bernard offers 'job search'"});
}

TEST(SuggestIntros, MatchingIgnoresCaseAccentsAndSurroundingBlanksButReasonsKeepTheFilesSpelling) {
  std::vector<Person> people{
      person("a", "Ann", {"  Réseau Lyon "}),
      person("b", "Bob", {}, {"reseau lyon"}),
  };
  auto out = suggest_intros(people, "", 0);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].score, 10);
  EXPECT_EQ(out[0].reasons, Strings{"Ann needs '  Réseau Lyon '; Bob offers 'reseau lyon'"});
}

TEST(SuggestIntros, NeedsMetInBothDirectionsAddUpAndListANeedsFirst) {
  std::vector<Person> people{
      person("zoe", "Zoé", {"rust mentoring"}, {"design review"}),
      person("adam", "Adam", {"design review", "job search"}, {"rust mentoring", "job search"}),
  };
  auto out = suggest_intros(people, "", 0);
  ASSERT_EQ(out.size(), 1u);
  // a is the smaller slug, whatever the order of the files.
  EXPECT_EQ(out[0].a->slug, "adam");
  EXPECT_EQ(out[0].score, 20);
  EXPECT_EQ(out[0].reasons, (Strings{"Adam needs 'design review'; Zoé offers 'design review'",
                                     "Zoé needs 'rust mentoring'; Adam offers 'rust mentoring'"}));
}

TEST(SuggestIntros, SharedTagsScoreOneEachInOneReason) {
  std::vector<Person> people{
      person("a", "Ann", {}, {}, {"DevOps", "Kubernetes", "lyon", "go"}),
      person("b", "Bob", {}, {}, {"kubernetes", "Lyon", "devops", "rust"}),
  };
  auto out = suggest_intros(people, "", 0);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].score, 3);
  EXPECT_EQ(out[0].reasons, Strings{"both tagged DevOps, Kubernetes, lyon"});
}

TEST(SuggestIntros, AValueListedTwiceCountsOnce) {
  std::vector<Person> people{
      person("a", "Ann", {"job search", "Job Search"}, {}, {"lyon", "LYON"}),
      person("b", "Bob", {}, {"job search", "JOB SEARCH"}, {"lyon"}),
  };
  auto out = suggest_intros(people, "", 0);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].score, 11);
  EXPECT_EQ(out[0].reasons.size(), 2u);
}

TEST(SuggestIntros, NeedOfOneMetByOwnOfferOnlyIsNotAReason) {
  // Ann needs and offers the same thing; Bob has nothing to do with it.
  std::vector<Person> people{
      person("a", "Ann", {"go"}, {"go"}),
      person("b", "Bob", {"rust"}, {"python"}),
  };
  EXPECT_TRUE(suggest_intros(people, "", 0).empty());
}

TEST(SuggestIntros, PairsAlreadyIntroducedFromEitherFileAreNeverSuggested) {
  std::vector<Person> people{
      person("a", "Ann", {"job search"}),
      person("b", "Bob", {}, {"job search"}),
      person("c", "Cat", {}, {"job search"}),
      person("d", "Dan", {}, {"job search"}),
  };
  people[0].log.push_back(intro_with("b"));  // logged in Ann's file only
  people[2].log.push_back(intro_with("a"));  // logged in Cat's file only
  auto out = suggest_intros(people, "", 0);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].a->slug, "a");
  EXPECT_EQ(out[0].b->slug, "d");
}

// `intro --suggest` reads digests: the intros they keep count the same.
TEST(SuggestIntros, PairsIntroducedInADigestAreNeverSuggested) {
  std::vector<Person> people{
      person("a", "Ann", {"job search"}),
      person("b", "Bob", {}, {"job search"}),
      person("c", "Cat", {}, {"job search"}),
  };
  people[0].log.push_back(intro_with("b"));
  people[2].log.push_back(intro_with("a"));
  for (Person& p : people) keep_digest(p, Settings{});
  EXPECT_TRUE(people[0].log.empty());
  EXPECT_TRUE(suggest_intros(people, "", 0).empty());
}

TEST(SuggestIntros, AnIntroToSomeoneElseDoesNotBlockThePair) {
  std::vector<Person> people{
      person("a", "Ann", {"job search"}),
      person("b", "Bob", {}, {"job search"}),
  };
  people[0].log.push_back(intro_with("zed"));
  Entry talk;
  talk.date = date::year{2026} / 1 / 1;
  talk.kind = "talk";
  talk.with = "b";  // `with` only means something on an intro
  people[0].log.push_back(talk);
  EXPECT_EQ(suggest_intros(people, "", 0).size(), 1u);
}

TEST(SuggestIntros, PairsWithNothingInCommonAreLeftOut) {
  std::vector<Person> people{
      person("a", "Ann", {"go"}, {"rust"}, {"paris"}),
      person("b", "Bob", {"java"}, {"python"}, {"lyon"}),
      person("c", "Cat"),
  };
  EXPECT_TRUE(suggest_intros(people, "", 0).empty());
}

TEST(SuggestIntros, OrderIsScoreThenFirstSlugThenSecondSlug) {
  std::vector<Person> people{
      person("e", "Eve", {}, {}, {"lyon"}),
      person("d", "Dan", {}, {}, {"lyon"}),
      person("c", "Cat", {"job search"}),
      person("b", "Bob", {}, {"job search"}, {"lyon"}),
      person("a", "Ann", {}, {}, {"lyon"}),
  };
  auto out = suggest_intros(people, "", 0);
  std::vector<std::string> pairs;
  for (const Suggestion& s : out) pairs.push_back(s.a->slug + s.b->slug + std::to_string(s.score));
  EXPECT_EQ(pairs, (Strings{"bc10", "ab1", "ad1", "ae1", "bd1", "be1", "de1"}));
}

TEST(SuggestIntros, WhoKeepsOnlyTheirPairsWithThemFirst) {
  std::vector<Person> people{
      person("a", "Ann", {}, {}, {"lyon"}),
      person("m", "Max", {"job search"}, {}, {"lyon"}),
      person("z", "Zed", {}, {"job search"}),
      person("b", "Bob", {}, {}, {"lyon"}),
  };
  auto out = suggest_intros(people, "m", 0);
  ASSERT_EQ(out.size(), 3u);
  for (const Suggestion& s : out) EXPECT_EQ(s.a->slug, "m");
  EXPECT_EQ(out[0].b->slug, "z");
  EXPECT_EQ(out[0].score, 10);
  EXPECT_EQ(out[1].b->slug, "a");
  EXPECT_EQ(out[2].b->slug, "b");
  EXPECT_EQ(out[1].reasons, Strings{"both tagged lyon"});
}

TEST(SuggestIntros, WhoPutsTheirNeedsFirstInTheReasons) {
  std::vector<Person> people{
      person("a", "Ann", {"rust"}, {"go"}),
      person("z", "Zed", {"go"}, {"rust"}),
  };
  auto out = suggest_intros(people, "z", 0);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].a->slug, "z");
  EXPECT_EQ(out[0].reasons,
            (Strings{"Zed needs 'go'; Ann offers 'go'", "Ann needs 'rust'; Zed offers 'rust'"}));
}

TEST(SuggestIntros, UnknownWhoYieldsNothing) {
  std::vector<Person> people{
      person("a", "Ann", {"go"}),
      person("b", "Bob", {}, {"go"}),
  };
  EXPECT_TRUE(suggest_intros(people, "nobody", 0).empty());
}

TEST(SuggestIntros, LimitKeepsTheBestAndZeroOrLessKeepsAll) {
  std::vector<Person> people{
      person("a", "Ann", {"go"}, {}, {"lyon"}),
      person("b", "Bob", {}, {"go"}, {"lyon"}),
      person("c", "Cat", {}, {}, {"lyon"}),
  };
  auto one = suggest_intros(people, "", 1);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].score, 11);
  EXPECT_EQ(suggest_intros(people, "", 0).size(), 3u);
  EXPECT_EQ(suggest_intros(people, "", -1).size(), 3u);
  EXPECT_EQ(suggest_intros(people, "", 10).size(), 3u);
  std::size_t total = 0;
  EXPECT_EQ(suggest_intros(people, "c", 1, &total).size(), 1u);
  EXPECT_EQ(total, 2u);  // with who: their pairs only
  EXPECT_TRUE(suggest_intros(people, "nobody", 1, &total).empty());
  EXPECT_EQ(total, 0u);
}

TEST(SuggestIntros, EmptyOrSinglePersonNetworkHasNoPairs) {
  EXPECT_TRUE(suggest_intros({}, "", 0).empty());
  std::vector<Person> one{person("a", "Ann", {"go"}, {"go"}, {"lyon"})};
  EXPECT_TRUE(suggest_intros(one, "", 0).empty());
  EXPECT_TRUE(suggest_intros(one, "a", 0).empty());
}

// Every pair scored, the way suggestions were computed before the index:
// the reference for networks where no value is crowded.
std::vector<std::tuple<int, std::string, std::string>> all_pairs(const std::vector<Person>& people) {
  std::vector<std::tuple<int, std::string, std::string>> out;
  for (std::size_t i = 0; i < people.size(); ++i)
    for (std::size_t j = i + 1; j < people.size(); ++j) {
      std::vector<Person> two{people[i], people[j]};
      for (const Suggestion& s : suggest_intros(two, "", 0)) out.emplace_back(-s.score, s.a->slug, s.b->slug);
    }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Person> random_network(unsigned seed, int n, int values) {
  std::vector<Person> people;
  unsigned x = seed;
  auto next = [&] { return x = x * 1103515245u + 12345u, (x >> 16) % 32768u; };
  for (int i = 0; i < n; ++i) {
    Strings needs, offers, tags;
    for (unsigned k = next() % 3; k > 0; --k) needs.push_back("v" + std::to_string(next() % values));
    for (unsigned k = next() % 3; k > 0; --k) offers.push_back("V" + std::to_string(next() % values));
    for (unsigned k = next() % 4; k > 0; --k) tags.push_back("t" + std::to_string(next() % values));
    Person p = person("p" + std::to_string(next() % 1000) + "-" + std::to_string(i), "P" + std::to_string(i), needs,
                      offers, tags);
    if (next() % 5 == 0 && i > 0) p.log.push_back(intro_with(people[next() % i].slug));
    people.push_back(p);
  }
  return people;
}

TEST(SuggestIntros, TheIndexFindsExactlyThePairsThatComparingEveryPairFinds) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::vector<Person> people = random_network(seed, 60, 12);
    auto expected = all_pairs(people);
    std::vector<std::tuple<int, std::string, std::string>> got;
    for (const Suggestion& s : suggest_intros(people, "", 0)) got.emplace_back(-s.score, s.a->slug, s.b->slug);
    EXPECT_EQ(got, expected) << "seed " << seed;
    EXPECT_EQ(count_intros(people), expected.size()) << "seed " << seed;
    // The bounded heap keeps the same best few.
    std::size_t total = 99;
    auto best = suggest_intros(people, "", 5, &total);
    EXPECT_EQ(total, expected.size()) << "seed " << seed;
    ASSERT_EQ(best.size(), std::min<std::size_t>(5, expected.size()));
    for (std::size_t i = 0; i < best.size(); ++i)
      EXPECT_EQ(std::make_tuple(-best[i].score, best[i].a->slug, best[i].b->slug), expected[i]);
  }
}

TEST(SuggestIntros, ATagSharedByThousandsComparesEachHolderWithItsNeighboursOnly) {
  std::vector<Person> people;
  for (int i = 0; i < 3000; ++i) {
    char slug[16];
    std::snprintf(slug, sizeof slug, "p%04d", i);
    people.push_back(person(slug, slug, {}, {}, {"linkedin"}));
  }
  people[0].needs = {"a job"};
  people[1500].offers = {"a job"};
  // 4.5 million pairs share the tag; each holder meets the 100 on each side.
  EXPECT_EQ(count_intros(people), 3000u * 100u + 1);
  auto best = suggest_intros(people, "", 3);
  ASSERT_EQ(best.size(), 3u);
  // The need met comes first, however far apart the two are.
  EXPECT_EQ(best[0].a->slug, "p0000");
  EXPECT_EQ(best[0].b->slug, "p1500");
  EXPECT_EQ(best[0].score, 11);
  EXPECT_EQ(best[1].score, 1);
  // One person's suggestions stay exact: everyone sharing the tag.
  EXPECT_EQ(suggest_intros(people, "p1500", 0).size(), 2999u);
}

// Crowded values (a tag of more than 201 holders; needers x offerers of one
// value above 20,000): each pair the bounds compare counts once, whichever
// of its shared values reached it. The reference applies the bounds
// (suggest.h, the man page) to every pair of the network.
TEST(SuggestIntros, WithCrowdedValuesEachPairTheBoundsCompareCountsOnce) {
  std::vector<Person> people;
  for (int i = 0; i < 700; ++i) {
    char slug[16];
    std::snprintf(slug, sizeof slug, "p%04d", i);  // slug order is index order
    Strings needs, offers, tags{"all"};
    if (i % 2 == 0) tags.push_back("even");
    if (i % 3 == 0) tags.push_back("third");
    if (i % 5 == 0) needs.push_back("help");   // 140 needers...
    if (i % 4 == 1) offers.push_back("help");  // ...x 175 offerers: crowded
    if (i % 7 == 0) needs.push_back("rare");   // 100 x 64: not crowded
    if (i % 11 == 0) offers.push_back("rare");
    people.push_back(person(slug, slug, needs, offers, tags));
  }
  people[3].log.push_back(intro_with("p0004"));
  // A person's place among a value's holders (slug order), -1 if not one.
  auto places = [&](Strings Person::*list, const std::string& value) {
    std::vector<int> out(people.size(), -1);
    int n = 0;
    for (std::size_t i = 0; i < people.size(); ++i)
      if (std::count((people[i].*list).begin(), (people[i].*list).end(), value) > 0) out[i] = n++;
    return std::make_pair(out, n);
  };
  auto strong = [&](const std::string& value) {  // (needer, offerer) compared on value
    auto [np, n] = places(&Person::needs, value);
    auto [op, o] = places(&Person::offers, value);
    return [np, n, op, o](int needer, int offerer) {
      if (np[needer] < 0 || op[offerer] < 0) return false;
      if (n * o <= 20000) return true;
      const int width = std::max(1, 20000 / n), start = np[needer] * o / n;
      return (op[offerer] + o - start) % o < width;
    };
  };
  auto tagged = [&](const std::string& tag) {  // (a, b) compared on tag
    auto [pos, m] = places(&Person::tags, tag);
    return [pos, m](int a, int b) {
      if (pos[a] < 0 || pos[b] < 0) return false;
      const int d = std::abs(pos[a] - pos[b]);
      return m <= 201 || std::min(d, m - d) <= 100;
    };
  };
  auto help = strong("help"), rare = strong("rare");
  auto all = tagged("all"), even = tagged("even"), third = tagged("third");
  std::size_t expected = 0;
  for (int i = 0; i < 700; ++i)
    for (int j = i + 1; j < 700; ++j) {
      if (i == 3 && j == 4) continue;  // introduced
      if (help(i, j) || help(j, i) || rare(i, j) || rare(j, i) || all(i, j) || even(i, j) || third(i, j)) ++expected;
    }
  ASSERT_GT(expected, 70000u);
  EXPECT_EQ(count_intros(people), expected);
  std::size_t total = 0;
  suggest_intros(people, "", 10, &total);
  EXPECT_EQ(total, expected);
}

// As above, with 100 tags more: values 32 apart share a bit of the quick
// tests of each pair (suggest.cpp), and many people hold two such tags. A
// pair is still counted once, at its first reason, exactly as the bounds say.
TEST(SuggestIntros, ManyTagsSharingTheBitsOfTheQuickTestsChangeNoCount) {
  const int n = 1200;
  std::vector<Person> people;
  unsigned x = 17;
  auto next = [&] { return x = x * 1103515245u + 12345u, (x >> 16) % 32768u; };
  for (int i = 0; i < n; ++i) {
    char slug[16];
    std::snprintf(slug, sizeof slug, "p%04d", i);  // slug order is index order
    Strings needs, offers, tags{"all"};
    if (i % 2 == 0) tags.push_back("even");
    for (int k = 0; k < 3; ++k) tags.push_back("x" + std::to_string(next() % 100));
    if (next() % 3 == 0) tags.push_back("x" + std::to_string(next() % 100 + 32));
    if (i % 5 == 0) needs.push_back("s" + std::to_string(next() % 40));
    if (i % 4 == 1) offers.push_back("s" + std::to_string(next() % 40));
    if (i % 6 == 0) needs.push_back("help");  // 200 needers x 300 offerers: crowded
    if (i % 4 == 3) offers.push_back("help");
    people.push_back(person(slug, slug, needs, offers, tags));
  }
  // Each value's holders, by index (= slug order), and a holder's place among them.
  auto places = [&](Strings Person::*list) {
    std::map<std::string, std::vector<int>> place;  // value -> place of each person, -1 if not a holder
    std::map<std::string, int> count;
    for (int i = 0; i < n; ++i)
      for (const std::string& v : std::set<std::string>((people[i].*list).begin(), (people[i].*list).end())) {
        auto& pl = place.try_emplace(v, std::vector<int>(n, -1)).first->second;
        pl[i] = count[v]++;
      }
    return std::make_pair(place, count);
  };
  auto [need_place, need_count] = places(&Person::needs);
  auto [offer_place, offer_count] = places(&Person::offers);
  auto [tag_place, tag_count] = places(&Person::tags);
  auto strong = [&](int needer, int offerer) {
    for (const std::string& value : people[needer].needs) {
      const std::vector<int>& np = need_place[value];
      auto op = offer_place.find(value);
      if (op == offer_place.end() || op->second[offerer] < 0) continue;
      const int nn = need_count[value], o = offer_count[value];
      if (nn * o <= 20000) return true;
      const int width = std::max(1, 20000 / nn), start = np[needer] * o / nn;
      if ((op->second[offerer] + o - start) % o < width) return true;
    }
    return false;
  };
  auto tagged = [&](int a, int b) {
    for (const std::string& tag : people[a].tags) {
      const std::vector<int>& pos = tag_place[tag];
      if (pos[b] < 0) continue;
      const int m = tag_count[tag], d = std::abs(pos[a] - pos[b]);
      if (m <= 201 || std::min(d, m - d) <= 100) return true;
    }
    return false;
  };
  std::size_t expected = 0;
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (strong(i, j) || strong(j, i) || tagged(i, j)) ++expected;
  ASSERT_GT(expected, 200000u);
  EXPECT_EQ(count_intros(people), expected);
  std::size_t total = 0;
  suggest_intros(people, "", 10, &total);
  EXPECT_EQ(total, expected);
}

// Large enough that the pairs are scored over every core (each thread keeps
// its own best): the same pairs, scores and order as scoring every pair
// one by one, here with the rules written out plainly (no value is crowded).
TEST(SuggestIntros, ScoredOverTheCoresTheyAreExactlyThePairsOfTheRules) {
  std::vector<Person> people = random_network(7, 1500, 300);
  auto folded = [](const Strings& values) {
    std::set<std::string> out;
    for (const std::string& v : values) out.insert(fold(v));
    return out;
  };
  auto shared = [](const std::set<std::string>& a, const std::set<std::string>& b) {
    return static_cast<int>(std::count_if(a.begin(), a.end(), [&](const std::string& v) { return b.count(v) > 0; }));
  };
  std::vector<std::set<std::string>> needs, offers, tags, introduced;
  for (const Person& p : people) {
    needs.push_back(folded(p.needs));
    offers.push_back(folded(p.offers));
    tags.push_back(folded(p.tags));
    std::set<std::string> with;
    for (const Entry& e : p.log) with.insert(e.with);
    introduced.push_back(with);
  }
  std::vector<std::tuple<int, std::string, std::string>> expected;
  for (std::size_t i = 0; i < people.size(); ++i)
    for (std::size_t j = i + 1; j < people.size(); ++j) {
      if (introduced[i].count(people[j].slug) > 0 || introduced[j].count(people[i].slug) > 0) continue;
      int score = 10 * (shared(needs[i], offers[j]) + shared(needs[j], offers[i])) + shared(tags[i], tags[j]);
      if (score > 0)
        expected.emplace_back(-score, std::min(people[i].slug, people[j].slug), std::max(people[i].slug, people[j].slug));
    }
  std::sort(expected.begin(), expected.end());
  ASSERT_GT(expected.size(), 5000u);

  std::size_t total = 0;
  std::vector<std::tuple<int, std::string, std::string>> got;
  for (const Suggestion& s : suggest_intros(people, "", 0, &total)) got.emplace_back(-s.score, s.a->slug, s.b->slug);
  EXPECT_EQ(got, expected);
  EXPECT_EQ(total, expected.size());
  EXPECT_EQ(count_intros(people), expected.size());
  auto best = suggest_intros(people, "", 30, &total);
  EXPECT_EQ(total, expected.size());
  ASSERT_EQ(best.size(), 30u);
  for (std::size_t k = 0; k < best.size(); ++k)
    EXPECT_EQ(std::make_tuple(-best[k].score, best[k].a->slug, best[k].b->slug), expected[k]) << k;
}

}  // namespace
}  // namespace kith
