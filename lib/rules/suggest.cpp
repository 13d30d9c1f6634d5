// SPDX-License-Identifier: MIT
#include "suggest.h"

#include <algorithm>
#include <map>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "balance.h"
#include "system/parallel.h"

namespace kith {

namespace {

constexpr int need_met_points = 10;
constexpr int shared_tag_points = 1;
// The bounds on crowded values (suggest.h): all pairs below them, exact.
constexpr std::size_t strong_pairs_per_value = 20000;
constexpr std::size_t tag_neighbours = 100;

// A list of tag-like values folded for comparison, keeping the spelling the
// user wrote (the first one, when a value is listed twice).
struct Folded {
  std::vector<std::pair<std::string, std::string>> items;  // folded, as written; file order
  std::map<std::string, std::string, std::less<>> index;   // folded -> as written

  explicit Folded(const std::vector<std::string>& values) {
    for (const std::string& v : values) {
      std::string key = fold(trim(v));
      if (key.empty() || index.count(key) > 0) continue;
      index.emplace(key, v);
      items.emplace_back(key, v);
    }
  }

  const std::string* find(const std::string& key) const {
    auto it = index.find(key);
    return it == index.end() ? nullptr : &it->second;
  }

  static std::string_view trim(std::string_view s) {
    const char* blanks = " \t\r\n";
    std::size_t first = s.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(blanks) - first + 1);
  }
};

// A folded value as a number (one numbering for needs, offers and tags), and
// where its holder stands in the list of that value's holders (slug order).
struct Held {
  int value;
  std::uint32_t position;
  bool operator<(const Held& o) const { return value < o.value; }
};

// A person's values of one kind, sorted by value, each value once.
using Values = std::span<const Held>;

// What scoring needs of a person, small (one per person: 30,000 at
// LinkedIn's scale, and each pair compared reads two): their values as
// numbers, in one array for everyone (Index::held_, in profile order, so
// that the pairs compared are near each other in it). The values in words
// are folded again only for the pairs kept (score_pair).
struct Profile {
  const Person* person;
  const Held* held = nullptr;  // needs, then offers, then tags
  std::uint32_t slug_id = 0;   // the first profile with this slug: same slug, same id (a cheap test per pair)
  std::uint32_t needs = 0, offers = 0, tags = 0;
  std::uint32_t introduced_at = 0, introduced = 0;  // their intro entries' slugs, in Index::introduced_
  // Bit (value % 32) of each need, of each offer, of each tag: two people
  // with no bit in common share no value, and most pairs compared share a
  // tag only. tag_bits is all ones when two tags share a bit.
  std::uint32_t need_bits = 0, offer_bits = 0, tag_bits = 0;

  Values need_ids() const { return {held, needs}; }
  Values offer_ids() const { return {held + needs, offers}; }
  Values tag_ids() const { return {held + needs + offers, tags}; }
};

std::uint32_t bit_of(int value) { return std::uint32_t{1} << (value % 32); }

// The bits of `values`; all ones when two share one and `distinct` is asked.
std::uint32_t bits_of(Values values, bool distinct = false) {
  std::uint32_t bits = 0;
  for (const Held& h : values) {
    if (distinct && (bits & bit_of(h.value)) != 0) return ~std::uint32_t{0};
    bits |= bit_of(h.value);
  }
  return bits;
}

// False when no need of one is an offer of the other (true: maybe).
bool may_meet_needs(const Profile& a, const Profile& b) {
  return (a.need_bits & b.offer_bits) != 0 || (b.need_bits & a.offer_bits) != 0;
}

// Reasons and points for `from`'s needs that `to` offers.
void needs_met(const Person& from, const Person& to, Suggestion& s) {
  const Folded offers(to.offers);
  for (const auto& [key, need] : Folded(from.needs).items) {
    const std::string* offer = offers.find(key);
    if (offer == nullptr) continue;
    s.score += need_met_points;
    s.reasons.push_back(fmt::format("{} needs '{}'; {} offers '{}'", from.name, need, to.name, *offer));
  }
}

Suggestion score_pair(const Person& a, const Person& b) {
  Suggestion s{&a, &b, 0, {}};
  needs_met(a, b, s);
  needs_met(b, a, s);
  std::vector<std::string> shared;
  const Folded b_tags(b.tags);
  for (const auto& [key, tag] : Folded(a.tags).items)
    if (b_tags.find(key) != nullptr) shared.push_back(tag);
  if (!shared.empty()) {
    s.score += shared_tag_points * static_cast<int>(shared.size());
    s.reasons.push_back(fmt::format("both tagged {}", fmt::join(shared, ", ")));
  }
  return s;
}

// Calls f(held_by_a, held_by_b) for each value in both sorted lists.
template <typename F>
void for_shared(Values a, Values b, F f) {
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->value < j->value) ++i;
    else if (j->value < i->value) ++j;
    else f(*i++, *j++);
  }
}

int count_shared(Values a, Values b) {
  int n = 0;
  for_shared(a, b, [&](const Held&, const Held&) { ++n; });
  return n;
}

// Folded values as numbers, each spelling folded once: thousands of
// imported people write "linkedin" alike, and folding is utf8proc's full
// normalisation.
class Numbering {
 public:
  // The number of `v` folded; -1 when it folds to nothing. `v` must outlive
  // the numbering.
  int number(const std::string& v) {
    auto [at, fresh] = spelled_.try_emplace(v, -1);
    if (fresh) {
      std::string key = fold(Folded::trim(v));
      if (!key.empty()) at->second = ids_.emplace(std::move(key), static_cast<int>(ids_.size())).first->second;
    }
    return at->second;
  }
  std::size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string_view, int> spelled_;
  std::unordered_map<std::string, int> ids_;  // folded -> number
};

// `at` (below 2 * n) around a circle of n: `at % n` without a division
// for each of millions of pairs.
std::size_t wrap(std::size_t at, std::size_t n) { return at < n ? at : at - n; }

// Everyone indexed by folded value, so that only people who share something
// are ever compared (see suggest.h for the bounds on crowded values).
class Index {
 public:
  std::vector<Profile> profiles;  // in slug order
  std::vector<std::vector<int>> needers, offerers, taggers;  // per value: profiles, slug order

  explicit Index(const std::vector<Person>& people) {
    std::vector<const Person*> sorted;
    sorted.reserve(people.size());
    for (const Person& p : people) sorted.push_back(&p);
    // A load gives people by slug already: checking costs one compare each,
    // sorting 30,000 slugs many more.
    auto by_slug = [](const Person* x, const Person* y) { return x->slug < y->slug; };
    if (!std::is_sorted(sorted.begin(), sorted.end(), by_slug)) std::stable_sort(sorted.begin(), sorted.end(), by_slug);
    // Room for every value up front: the profiles point into held_ as it
    // fills, so it must never move (and grown by doubling it would peak at
    // twice its size).
    std::size_t values = 0;
    for (const Person* p : sorted) values += p->needs.size() + p->offers.size() + p->tags.size();
    held_.reserve(values);
    profiles.reserve(sorted.size());
    Numbering ids;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      const Person& p = *sorted[i];
      Profile& pr = profiles.emplace_back(Profile{&p});
      pr.slug_id = i > 0 && sorted[i - 1]->slug == p.slug ? profiles[i - 1].slug_id : static_cast<std::uint32_t>(i);
      pr.held = held_.data() + held_.size();
      pr.needs = hold(ids, p.needs, needers, static_cast<int>(i));
      pr.offers = hold(ids, p.offers, offerers, static_cast<int>(i));
      pr.tags = hold(ids, p.tags, taggers, static_cast<int>(i));
      pr.need_bits = bits_of(pr.need_ids());
      pr.offer_bits = bits_of(pr.offer_ids());
      pr.tag_bits = bits_of(pr.tag_ids(), true);
      std::vector<std::string> introduced = introduced_to(p);
      std::sort(introduced.begin(), introduced.end());
      pr.introduced_at = static_cast<std::uint32_t>(introduced_.size());
      pr.introduced = static_cast<std::uint32_t>(introduced.size());
      std::move(introduced.begin(), introduced.end(), std::back_inserter(introduced_));
    }
    needers.resize(ids.size());
    offerers.resize(ids.size());
    taggers.resize(ids.size());
  }

  // An `intro` entry in a's log `with` b's slug, or in b's `with` a's.
  bool already_introduced(const Profile& a, const Profile& b) const {
    auto names = [&](const Profile& from, const std::string& slug) {
      auto first = introduced_.begin() + from.introduced_at;
      return std::binary_search(first, first + from.introduced, slug);
    };
    return names(a, b.person->slug) || names(b, a.person->slug);
  }

  int score(const Profile& a, const Profile& b) const {
    if (!may_meet_needs(a, b)) return shared_tag_points * count_shared(a.tag_ids(), b.tag_ids());
    return need_met_points * (count_shared(a.need_ids(), b.offer_ids()) + count_shared(b.need_ids(), a.offer_ids())) +
           shared_tag_points * count_shared(a.tag_ids(), b.tag_ids());
  }

  // Is (needer, offerer) compared on `value`? All pairs when there are at
  // most strong_pairs_per_value of them; else each needer meets a window of
  // the offerers, spread evenly over them.
  bool strong_candidate(int value, std::uint32_t needer_pos, std::uint32_t offerer_pos) const {
    std::size_t n = needers[value].size(), o = offerers[value].size();
    if (n * o <= strong_pairs_per_value) return true;
    std::size_t width = std::max<std::size_t>(1, strong_pairs_per_value / n);
    std::size_t start = needer_pos * o / n;
    return (offerer_pos + o - start) % o < width;
  }

  // Are two holders of a tag compared? All pairs of a tag held by at most
  // 2 * tag_neighbours + 1 people; else those at most tag_neighbours apart
  // in slug order (around the circle), which is symmetric.
  bool tag_candidate(int value, std::uint32_t a_pos, std::uint32_t b_pos) const {
    std::size_t m = taggers[value].size();
    if (m <= 2 * tag_neighbours + 1) return true;
    std::size_t d = a_pos > b_pos ? a_pos - b_pos : b_pos - a_pos;
    return std::min(d, m - d) <= tag_neighbours;
  }

  // True when a needs `value` and b offers it and that pair is compared on it.
  bool strong_one_way(const Profile& a, const Profile& b, int value) const {
    const Values needs = a.need_ids(), offers = b.offer_ids();
    auto need = std::lower_bound(needs.begin(), needs.end(), Held{value, 0});
    auto offer = std::lower_bound(offers.begin(), offers.end(), Held{value, 0});
    return need != needs.end() && need->value == value && offer != offers.end() &&
           offer->value == value && strong_candidate(value, need->position, offer->position);
  }

  // Each pair is scored once, at its first reason in the order: needs met
  // by value, then tags by value. first_strong: the smallest value by which
  // (a, b) is compared on needs <-> offers, -1 when none.
  int first_strong(const Profile& a, const Profile& b) const {
    if (!may_meet_needs(a, b)) return -1;
    int best = -1;
    auto consider = [&](const Held& need, const Held& offer) {
      if ((best < 0 || need.value < best) && strong_candidate(need.value, need.position, offer.position))
        best = need.value;
    };
    for_shared(a.need_ids(), b.offer_ids(), consider);
    for_shared(b.need_ids(), a.offer_ids(), consider);
    return best;
  }

  // True when (a, b), compared on the shared tag `value`, has no earlier
  // reason: no strong one, and no smaller shared tag they are compared on.
  bool first_at_tag(const Profile& a, const Profile& b, int value) const {
    if (first_strong(a, b) >= 0) return false;
    // Only `value`'s bit in common, and at most one of them with two tags
    // on a bit: the other's tags each have a bit of their own, so `value`
    // is the only tag they share.
    if ((a.tag_bits & b.tag_bits) == bit_of(value)) return true;
    const Values a_tags = a.tag_ids(), b_tags = b.tag_ids();
    auto i = a_tags.begin(), j = b_tags.begin();
    while (i != a_tags.end() && j != b_tags.end() && i->value < value) {
      if (i->value < j->value) ++i;
      else if (j->value < i->value) ++j;
      else if (tag_candidate(i->value, i->position, j->position)) return false;
      else ++i, ++j;
    }
    return true;
  }

  // Calls f(i, j, t) once for each pair of profiles compared: needs <->
  // offers, then shared tags, within the bounds above. Over the cores (t
  // numbers the thread, below parallel_threads()), each holder of a value a
  // work item: at 30,000 people there are millions of pairs.
  template <typename F>
  void for_each_pair(F f) const {
    std::vector<std::size_t> strong_starts{0}, tag_starts{0};  // per value: where its holders' items start
    for (std::size_t v = 0; v < needers.size(); ++v) {
      strong_starts.push_back(strong_starts.back() + (offerers[v].empty() ? 0 : needers[v].size()));
      tag_starts.push_back(tag_starts.back() + taggers[v].size());
    }
    auto value_of = [](const std::vector<std::size_t>& starts, std::size_t item) {
      return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), item) - starts.begin() - 1);
    };
    in_parallel_threads(strong_starts.back(), 1024, 64, [&](std::size_t item, std::size_t t) {
      const std::size_t v = value_of(strong_starts, item);
      const int value = static_cast<int>(v);
      const std::vector<int>& ns = needers[v];
      const std::vector<int>& os = offerers[v];
      const std::size_t p = item - strong_starts[v];
      std::size_t width = ns.size() * os.size() <= strong_pairs_per_value
                              ? os.size()
                              : std::max<std::size_t>(1, strong_pairs_per_value / ns.size());
      std::size_t start = width == os.size() ? 0 : p * os.size() / ns.size();
      for (std::size_t k = 0; k < width; ++k) {
        int i = ns[p], j = os[wrap(start + k, os.size())];
        if (i == j) continue;
        const Profile& a = profiles[i];
        const Profile& b = profiles[j];
        // Reached from a's need here; if b's need of the same value
        // reaches it too, count it from the smaller index only.
        if (first_strong(a, b) != value) continue;
        if (strong_one_way(a, b, value) && strong_one_way(b, a, value) && i > j) continue;
        f(i, j, t);
      }
    });
    in_parallel_threads(tag_starts.back(), 1024, 64, [&](std::size_t item, std::size_t t) {
      const std::size_t v = value_of(tag_starts, item);
      const int value = static_cast<int>(v);
      const std::vector<int>& ts = taggers[v];
      const std::size_t m = ts.size(), p = item - tag_starts[v];
      std::size_t last = m <= 2 * tag_neighbours + 1 ? m - 1 - p : tag_neighbours;
      for (std::size_t k = 1; k <= last; ++k) {
        int i = ts[p], j = ts[wrap(p + k, m)];
        if (!first_at_tag(profiles[i], profiles[j], value)) continue;
        f(i, j, t);
      }
    });
  }

 private:
  // Numbers `values` as folded (a value listed twice counts once), adds
  // `who` to the holders of each, and appends them to held_, sorted: how
  // many.
  std::uint32_t hold(Numbering& ids, const std::vector<std::string>& values, std::vector<std::vector<int>>& holders,
                     int who) {
    const auto first = static_cast<std::ptrdiff_t>(held_.size());
    for (const std::string& v : values) {
      const int value = ids.number(v);
      if (value < 0) continue;
      if (std::any_of(held_.begin() + first, held_.end(), [value](const Held& h) { return h.value == value; }))
        continue;
      if (holders.size() <= static_cast<std::size_t>(value)) holders.resize(value + 1);
      std::vector<int>& list = holders[value];
      held_.push_back(Held{value, static_cast<std::uint32_t>(list.size())});
      list.push_back(who);
    }
    std::sort(held_.begin() + first, held_.end());
    return static_cast<std::uint32_t>(held_.size() - static_cast<std::size_t>(first));
  }

  std::vector<Held> held_;                // everyone's values (profiles point into it)
  std::vector<std::string> introduced_;  // everyone's intro slugs, each profile's sorted
};

struct Ranked {
  int score;
  const Profile* a;
  const Profile* b;
};

// Best first: score descending, then a's slug, then b's slug (profiles are
// in slug order, so their addresses compare as their slugs do: no string
// compared for each of millions of pairs).
bool better(const Ranked& x, const Ranked& y) {
  if (x.score != y.score) return x.score > y.score;
  if (x.a != y.a) return x.a < y.a;
  return x.b < y.b;
}

// Keeps the best `limit` (all when limit <= 0) without holding the rest.
class Best {
 public:
  explicit Best(int limit) : limit_(limit) {}
  void offer(const Ranked& r) {
    ++offered_;
    if (limit_ <= 0) return kept_.push_back(r);
    if (kept_.size() < static_cast<std::size_t>(limit_)) {
      kept_.push_back(r);
      std::push_heap(kept_.begin(), kept_.end(), better);  // the worst kept on top
    } else if (better(r, kept_.front())) {
      std::pop_heap(kept_.begin(), kept_.end(), better);
      kept_.back() = r;
      std::push_heap(kept_.begin(), kept_.end(), better);
    }
  }
  std::vector<Ranked> sorted() {
    std::sort(kept_.begin(), kept_.end(), better);
    return std::move(kept_);
  }
  std::size_t offered() const { return offered_; }

 private:
  int limit_;
  std::size_t offered_ = 0;
  std::vector<Ranked> kept_;
};

}  // namespace

std::vector<Suggestion> suggest_intros(const std::vector<Person>& people,
                                       const std::string& who_slug, int limit,
                                       std::size_t* total) {
  if (total != nullptr) *total = 0;
  Index index(people);
  Best best(limit);
  auto rank = [&](Best& into, const Profile* a, const Profile* b) {
    if (a->slug_id == b->slug_id || index.already_introduced(*a, *b)) return;
    int score = index.score(*a, *b);
    if (score > 0) into.offer(Ranked{score, a, b});
  };
  if (!who_slug.empty()) {
    // One person: everyone who shares a value with them, exactly.
    auto who = std::find_if(index.profiles.begin(), index.profiles.end(),
                            [&](const Profile& p) { return p.person->slug == who_slug; });
    if (who == index.profiles.end()) return {};
    std::vector<bool> seen(index.profiles.size(), false);
    auto meet = [&](Values held, const std::vector<std::vector<int>>& holders) {
      for (const Held& h : held)
        for (int j : holders[h.value]) {
          if (seen[j]) continue;
          seen[j] = true;
          if (&index.profiles[j] != &*who) rank(best, &*who, &index.profiles[j]);
        }
    };
    meet(who->need_ids(), index.offerers);
    meet(who->offer_ids(), index.needers);
    meet(who->tag_ids(), index.taggers);
    if (total != nullptr) *total = best.offered();
  } else {
    // Each thread keeps its best; the best of those are the best of all
    // (`better` orders every pair, so the result does not depend on which
    // thread saw what).
    struct alignas(64) Own {  // a cache line each: the threads do not share one
      Best best;
    };
    std::vector<Own> per_thread(parallel_threads(), Own{Best(limit)});
    index.for_each_pair([&](int i, int j, std::size_t t) {
      rank(per_thread[t].best, &index.profiles[std::min(i, j)], &index.profiles[std::max(i, j)]);  // a: the smaller slug
    });
    for (Own& own : per_thread) {
      if (total != nullptr) *total += own.best.offered();
      for (const Ranked& r : own.best.sorted()) best.offer(r);
    }
  }
  std::vector<Suggestion> out;
  for (const Ranked& r : best.sorted()) out.push_back(score_pair(*r.a->person, *r.b->person));
  return out;
}

std::size_t count_intros(const std::vector<Person>& people) {
  Index index(people);
  // A pair is compared only when it shares a value, so its score is > 0.
  struct alignas(64) Count {  // a cache line each: the threads do not share one
    std::size_t n = 0;
  };
  std::vector<Count> counts(parallel_threads());
  index.for_each_pair([&](int i, int j, std::size_t t) {
    const Profile& a = index.profiles[i];
    const Profile& b = index.profiles[j];
    if (a.slug_id != b.slug_id && !index.already_introduced(a, b)) ++counts[t].n;
  });
  std::size_t n = 0;
  for (const Count& c : counts) n += c.n;
  return n;
}

}  // namespace kith
