// SPDX-License-Identifier: MIT
#pragma once
// The data directory on disk: finding person files, reading them, the
// directory lock, and atomic writes. All file I/O of the library is here.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "model/person.h"
#include "model/settings.h"
#include "system/atomic_write.h"  // write_atomic, which every writer of the store uses

namespace kith {

namespace fs = std::filesystem;

struct Loaded {
  Settings settings;
  std::vector<Person> people;            // the files that loaded cleanly, by slug
  std::vector<Diagnostic> problems;      // every problem of every file (and kith.yaml)
  std::vector<Diagnostic> unknown_keys;  // for `check --strict`
  int files = 0;                         // person files seen
  std::vector<std::string> ignored;      // kith.yaml files in sub-folders (not settings, not people)
};

// How much of each person load() gives: everything, or the digest form
// (person.h's LogDigest in place of the log; no notes, links or contact
// details): all that `due`, `list`, `intro --suggest` and WHO matching need,
// and a small part of the parse cache to read.
enum class Detail { full, digest };

class Store {
 public:
  // `cache_dir` holds the parse cache (lib/cache/parse_cache.h), normally
  // $XDG_CACHE_HOME/kith; empty: every file is parsed every time.
  explicit Store(fs::path dir, fs::path cache_dir = {}) : dir_(std::move(dir)), cache_dir_(std::move(cache_dir)) {}
  const fs::path& dir() const { return dir_; }
  fs::path settings_path() const { return dir_ / "kith.yaml"; }

  // Throws Error naming the directory and suggesting `kith init` when missing.
  void require_exists() const;

  // Every `*.yaml` under the directory except kith.yaml files; dot-files and
  // dot-folders are skipped; symlinks that leave the directory are skipped;
  // two names of one file count once (walk.h). Sorted by path. Folders that
  // cannot be read are left out here; load() reports them.
  std::vector<fs::path> person_files() const;

  // Reads kith.yaml and every person file, through the parse cache when the
  // store has one; the files that missed it are parsed in parallel. Never
  // throws for a bad file: its problems are collected and the other files
  // still load. Two files with the same slug are a problem naming both
  // paths; a folder that cannot be read is a problem too.
  Loaded load(Detail detail = Detail::full) const;

  // A person read whole, with the settings, as load(visit) hands them over.
  using Visit = std::function<void(const Person& whole, const Settings& settings)>;

  // load(Detail::digest), but each person is first read whole (with their
  // digest already set) and handed to `visit` (on this thread, in no set
  // order), a batch at a time: for the commands that read every log entry
  // once (`report`, `check`) without holding every log in memory at once
  // (31 MB at 30,000 people).
  Loaded load(const Visit& visit) const;

  // `p`, from a digest load, read whole again from their file (one parse).
  // Throws Error when the file no longer gives a person.
  Person load_whole(const Person& p, const Settings& s) const;

  // The path a new person with `slug` gets (top level of the directory).
  fs::path path_for_slug(std::string_view slug) const;

  // The directory lock, held for a whole read-modify-write. Blocks until it
  // is free. Released by the destructor.
  class Lock {
   public:
    explicit Lock(const fs::path& dir);
    ~Lock();
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

   private:
    int fd_ = -1;
  };
  Lock lock() const { return Lock(dir_); }

 private:
  Loaded load(Detail detail, const Visit* visit) const;

  fs::path dir_;
  fs::path cache_dir_;
};

// True when `path` is a symbolic link that resolves outside `dir` (or
// cannot be resolved): kith never follows those (a cloned data repository
// can carry them).
bool link_leaves(const fs::path& dir, const fs::path& path);

// Reads a whole file. Throws Error(path) when it cannot, when it is not a
// regular file (a FIFO, a device: never read, never waited on) or when it is
// larger than guard_size allows (checked before reading).
std::string read_file(const fs::path& path);

// The largest file an import reads: LinkedIn's 30,000 connections are 3 MB,
// a whole network exported as JSON tens of MB, an address book with photos
// more; a person file stays under guard_size's 1 MiB.
constexpr std::uintmax_t import_size_limit = std::uintmax_t{512} << 20;

// read_file for an import's source: the same checks, with `limit` bytes.
std::string read_file(const fs::path& path, std::uintmax_t limit);

}  // namespace kith
