// SPDX-License-Identifier: MIT
#pragma once
// How the process's heap behaves during a large load. Faulting in fresh
// memory 4 KiB at a time is expensive (on these virtual machines about a
// third of a warm `due` over 30,000 people, whose strings and arrays are
// tens of MB of new memory): before such a load, kith asks glibc's malloc to
// grow the heap in large steps and keep what is freed for reuse, and asks
// the kernel for 2 MiB pages on the heap (where transparent huge pages are
// on `madvise`). A small run never calls it, and pays nothing.
#include <cstddef>

namespace kith {

// Prepares the heap for about `bytes` of allocations (once per process;
// later calls do nothing). Advice only: where the system says no, malloc
// works as before.
void prepare_heap(std::size_t bytes);

}  // namespace kith
