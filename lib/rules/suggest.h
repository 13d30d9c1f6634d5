// SPDX-License-Identifier: MIT
#pragma once
// `kith intro --suggest`: pairs of people worth introducing to each other.
//
// Scoring of a pair (A, B):
//   * 10 points for each of A's `needs` that one of B's `offers` meets, and
//     10 for each of B's `needs` that one of A's `offers` meets (a strong
//     reason: someone can help someone);
//   * 1 point for each tag they share (a weak reason: common ground).
// Values compare case- and accent-insensitively, surrounding blanks ignored
// ("Job Search " meets "job search"); a value listed twice counts once.
// A pair is never suggested when it scores 0, or when it was already
// introduced: an `intro` entry in A's log `with` B's slug, or in B's log
// `with` A's slug, at any date.
#include <string>
#include <vector>

#include "model/person.h"

namespace kith {

struct Suggestion {
  const Person* a;  // points into the vector given to suggest_intros
  const Person* b;
  int score;
  // In words, values as written in the files: first A's needs met by B, then
  // B's needs met by A, then the shared tags, e.g.
  //   "Julie Martin needs 'job search'; Sophie Bernard offers 'job search'"
  //   "both tagged kubernetes, lyon"
  std::vector<std::string> reasons;
};

// Suggestions, best first: score descending, then a's slug, then b's slug.
// Within a pair, `a` is the one with the smaller slug; when `who_slug` is
// given, only pairs including that person are returned and `a` is them (an
// unknown slug yields nothing: callers resolve WHO first). `limit` keeps the
// first `limit` suggestions; 0 (or less) keeps them all. The result points
// into `people`, which must outlive it.
// The best `limit` are kept as pairs are scored (a bounded heap), and only
// they get their reasons in words. When `total` is given, it receives how
// many suggestions there are before the limit.
std::vector<Suggestion> suggest_intros(const std::vector<Person>& people,
                                       const std::string& who_slug, int limit,
                                       std::size_t* total = nullptr);

// How many suggestions there are (suggest_intros(people, "", 0).size()),
// without building them.
std::size_t count_intros(const std::vector<Person>& people);

}  // namespace kith
