// SPDX-License-Identifier: MIT
#pragma once
// The stat pass over a data directory: every person file with the stat data
// the parse cache is keyed on, found with openat/fstatat relative to folder
// descriptors (no path resolution per file, one stat per file).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"

namespace kith {

// What identifies one version of a file's content, short of reading it.
struct FileKey {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;
  bool operator==(const FileKey&) const = default;
};

struct FoundFile {
  std::string rel;  // relative to the directory, `/`-separated
  FileKey key;      // of the file itself (through a symlink: of its target)
};

struct Walk {
  std::vector<FoundFile> files;          // by path, folder by folder (see path_less)
  std::vector<Diagnostic> problems;      // folders (or entries) that could not be read
  std::vector<std::string> ignored;      // sub-folder kith.yaml files, relative
};

// Every `*.yaml` under `dir` except kith.yaml files (only the top-level one
// holds settings; the others are listed in `ignored`). Dot-files and
// dot-folders are skipped, symlinked folders are not entered, and a symlink
// to a file is kept only when it resolves inside `dir`. Two names of one file
// (a symlink and its target, or two links) are one file: the real name wins,
// else the first. A folder that cannot be read is a problem
// (`path: cannot read folder: reason`) and the walk goes on. Paths in problems
// are `dir / rel`, spelled as `dir` was given.
// `open_folder` opens a sub-folder like openat (the default, given null):
// a seam for tests to make one folder fail.
using OpenFolder = int (*)(int parent_fd, const char* name);
Walk walk_directory(const std::string& dir, OpenFolder open_folder = nullptr);

// Orders relative paths the way std::filesystem::path compares them: folder
// by folder (`a/x` before `a-b/x`).
bool path_less(std::string_view a, std::string_view b);

// The indices 0..n-1 ordered by path_less of path(i), ties by index. Sorts
// keys that hold each path's first 8 bytes, so most comparisons touch
// neither the strings nor `path`: 30,000 paths sorted through an index were
// a twentieth of a warm `due`.
template <typename PathOf>
std::vector<std::uint32_t> order_by_path(std::size_t n, PathOf path);

namespace detail {
struct PathKey {
  std::uint64_t head;  // the first 8 bytes, big-endian, `/` as 0 (see path_head)
  std::string_view path;
  std::uint32_t index;
};
std::uint64_t path_head(std::string_view path);
void sort_path_keys(std::vector<PathKey>& keys);
}  // namespace detail

template <typename PathOf>
std::vector<std::uint32_t> order_by_path(std::size_t n, PathOf path) {
  std::vector<detail::PathKey> keys(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view p = path(i);
    keys[i] = {detail::path_head(p), p, static_cast<std::uint32_t>(i)};
  }
  detail::sort_path_keys(keys);
  std::vector<std::uint32_t> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = keys[i].index;
  return out;
}

}  // namespace kith
