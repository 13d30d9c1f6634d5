// SPDX-License-Identifier: MIT
#pragma once
// Spreading independent work over the machine's cores: the stat pass, the
// cache decode, the parse of changed files and the scoring of intro
// suggestions each use it.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace kith {

// How many threads in_parallel may use: the machine's cores (asked once:
// glibc reads /sys for it each time).
inline std::size_t parallel_threads() {
  static const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return cores;
}

// one(i, t) for every i < n, over the machine's cores, when there are at
// least `per_thread` items for each thread (below that a thread costs more
// than it saves); t < parallel_threads() numbers the thread doing it, for
// results kept per thread. Items are handed out `chunk` at a time, so that
// threads do not fight over the counter for cheap items. Each i is done by
// exactly one thread; `one` must not throw. Without a thread to be had, this
// one does it all.
template <typename Do>
void in_parallel_threads(std::size_t n, std::size_t per_thread, std::size_t chunk, const Do& one) {
  const std::size_t wanted = (n + per_thread - 1) / per_thread;
  const std::size_t threads = wanted <= 1 ? 1 : std::min(parallel_threads(), wanted);
  std::atomic<std::size_t> next{0};
  auto work = [&](std::size_t t) {
    for (std::size_t begin; (begin = next.fetch_add(chunk)) < n;)
      for (std::size_t i = begin; i < std::min(n, begin + chunk); ++i) one(i, t);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work, t);
    } catch (const std::system_error&) {
      break;
    }
  }
  work(0);
  for (std::thread& t : pool) t.join();
}

// Destroys `value` on another thread, which the returned handle joins when
// it goes: the frees of 30,000 people (4 ms) then cost this thread nothing
// while it does something else. Without a thread to be had, here and now.
template <typename T>
std::jthread destroy_aside(T value) {
  try {
    return std::jthread([gone = std::move(value)]() mutable { auto last = std::move(gone); });
  } catch (const std::system_error&) {
    return {};  // `value` went with the lambda, here
  }
}

// Runs `aside` on another thread while this one runs `here`; returns when
// both are done. `aside` must not throw. Memory that `aside` needs is best
// allocated before: a new thread allocates from an arena of its own, fresh
// pages. Without a thread to be had, runs both here.
template <typename Aside, typename Here>
void side_by_side(const Aside& aside, const Here& here) {
  std::jthread other;
  try {
    other = std::jthread([&aside] { aside(); });
  } catch (const std::system_error&) {
    aside();
  }
  here();
}

// one(i) for every i < n, as in_parallel_threads.
template <typename Do>
void in_parallel(std::size_t n, std::size_t per_thread, std::size_t chunk, const Do& one) {
  in_parallel_threads(n, per_thread, chunk, [&one](std::size_t i, std::size_t) { one(i); });
}

}  // namespace kith
