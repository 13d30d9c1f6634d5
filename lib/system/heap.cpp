// SPDX-License-Identifier: MIT
#include "heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>

namespace kith {

namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;

}  // namespace

void prepare_heap(std::size_t bytes) {
  static std::atomic<bool> done{false};
  if (done.exchange(true)) return;
  // Never give memory back during a run (it ends soon), and never map big
  // blocks on their own: each would be fresh memory again when reused.
  ::mallopt(M_TRIM_THRESHOLD, 1 << 30);
  ::mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest
  ::mallopt(M_TOP_PAD, static_cast<int>(std::min<std::size_t>(bytes, 256 << 20)));
  // Grows the heap by `bytes` now, advises the new part, and hands it back
  // to malloc (kept: see the trim threshold), which then allocates from it.
  // The request is larger than the free top of the heap, so malloc grows it.
  auto* before = static_cast<char*>(::sbrk(0));
  const std::size_t free_top = ::mallinfo2().keepcost;
  if (free_top + huge_page >= (32u << 20)) return;  // a heap that large is grown already
  void* block = std::malloc(free_top + huge_page);
  auto* after = static_cast<char*>(::sbrk(0));
  if (block == nullptr) return;
  if (before != reinterpret_cast<char*>(-1) && after > before) {
    auto begin = (reinterpret_cast<std::uintptr_t>(before) + huge_page - 1) & ~(huge_page - 1);
    auto end = reinterpret_cast<std::uintptr_t>(after) & ~(huge_page - 1);
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
  std::free(block);
}

}  // namespace kith
