// SPDX-License-Identifier: MIT
// The helpers that put work on another core: both sides done on return, a
// value destroyed on the other thread, joined when its handle goes.
#include "system/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace kith {
namespace {

TEST(SideBySide, RunsBothOnTwoThreadsAndReturnsWhenBothAreDone) {
  std::atomic<bool> aside_done{false};
  std::thread::id aside_thread, here_thread;
  side_by_side(
      [&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // outlives `here`
        aside_thread = std::this_thread::get_id();
        aside_done = true;
      },
      [&] { here_thread = std::this_thread::get_id(); });
  EXPECT_TRUE(aside_done);
  EXPECT_EQ(here_thread, std::this_thread::get_id());
  EXPECT_NE(aside_thread, here_thread);
}

// Records the thread its destructor ran on.
struct Witness {
  std::shared_ptr<std::thread::id> destroyed_on = std::make_shared<std::thread::id>();
  bool live = true;
  Witness() = default;
  Witness(Witness&& other) noexcept : destroyed_on(other.destroyed_on), live(other.live) { other.live = false; }
  Witness& operator=(Witness&&) = delete;
  ~Witness() {
    if (live) *destroyed_on = std::this_thread::get_id();
  }
};

TEST(DestroyAside, DestroysTheValueOnAnotherThreadJoinedWithItsHandle) {
  std::vector<Witness> values(3);
  std::vector<std::shared_ptr<std::thread::id>> seen;
  for (const Witness& w : values) seen.push_back(w.destroyed_on);
  {
    std::jthread handle = destroy_aside(std::move(values));
  }  // joined here: every destructor has run
  for (const auto& id : seen) {
    EXPECT_NE(*id, std::thread::id());
    EXPECT_NE(*id, std::this_thread::get_id());
  }
}

}  // namespace
}  // namespace kith
