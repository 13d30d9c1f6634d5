// SPDX-License-Identifier: MIT
#pragma once
// The parse cache: what reading each person file gave, so that a run parses
// only the files that changed since the last one.
//
// Design. One file per data directory, outside it:
// $XDG_CACHE_HOME/kith/<hash of the directory's real path>.cache (never in
// the user's repository). It is a header, an index and the full results.
// The index holds kith.yaml's parsed settings (codec.h; its text is in the
// fingerprint, so a run that finds them skips its parse), then, sorted by relative path (the walk's order, so a lookup is
// a merge, not a search), one record per file: the path, the file's key
// (size, mtime and ctime in ns, inode, device), the encoded digest result
// (codec.h: the person without log, notes and links, with their LogDigest)
// and where the full encoded LoadResult is, with its hash. The file is
// mapped, not read: records are read in place, one at a time, and a hit
// costs a compare and a decode. A digest load (`due`, `list`) touches the index only, a small
// part of the file.
//
// Trust. The header holds a magic, a format version, a byte-order mark, the
// directory's real path, a fingerprint of everything else the result depends
// on (the kith binary and the text of kith.yaml), the sizes and a checksum
// of the index. Any mismatch (corrupt, truncated, foreign, old version,
// other settings) and the whole cache is ignored and rebuilt: never trusted,
// never fatal. A full result is checked against its hash when it is used; a
// damaged one is parsed again. A record is used only when its key equals the
// file's stat.
//
// Racily clean files (git's problem): a file rewritten within one timestamp
// tick of being read keeps its key. So the header also holds the time the
// writing run started, before it looked at any file; a record whose file
// changed (ctime: every write sets it and nobody can set it back) less than a
// margin before that is not trusted, and the file is read again next time.
// The margin covers the file system's tick: 50 ms where timestamps have
// nanoseconds (kernel ticks are 1-10 ms), 2 s where they are whole seconds
// (FAT, ext3, some NFS servers).
//
// Writing: only when something changed (a miss was parsed, a file is gone;
// in a large network, only once more than one record in 512 is out of date:
// see worth_rewriting), to a temporary file renamed over the old one, so a reader sees the old or
// the new cache, whole. Two runs writing at once: the last rename wins, and
// both files are valid.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "store/walk.h"

namespace kith::cache {

constexpr std::int64_t racy_margin_fine_ns = 50'000'000;
constexpr std::int64_t racy_margin_coarse_ns = 2'000'000'000;

struct Record {
  std::string_view rel;
  FileKey key;
  std::string_view digest;  // the encoded digest result
  std::string_view full;    // the encoded LoadResult
  std::uint64_t full_hash = 0;
};

// A record of results just encoded (its full_hash computed).
Record new_record(std::string_view rel, const FileKey& key, std::string_view digest, std::string_view full);

// True when `full` is what was written (its hash matches). A damaged one
// keeps its old hash when its record is written again, so it stays damaged
// until a full load parses the file.
bool full_intact(const Record& r);

// A cache file mapped read-only. Empty (no records) when missing or not to be
// trusted. Records are read from the mapping one at a time, when they are
// needed: building them all up front was a tenth of a warm `due`.
class CacheFile {
 public:
  CacheFile(const std::filesystem::path& file, std::string_view dir_id, std::uint64_t fingerprint);
  ~CacheFile();
  CacheFile(const CacheFile&) = delete;
  CacheFile& operator=(const CacheFile&) = delete;

  bool valid() const { return valid_; }
  std::size_t size() const { return count_; }  // records
  // kith.yaml's encoded SettingsResult (empty when the writer had none).
  std::string_view settings() const { return settings_; }
  // Reads the record that starts at offset `at` (0: the first; then where
  // the last read left `at`) into `out`, and moves `at` past it. False after
  // the last record, and at a damaged one (the reader then stops using the
  // rest: its files are parsed).
  bool read(std::size_t& at, Record& out) const;
  // True when the record may be used for a file whose stat gave `key`.
  bool trusted(const Record& r, const FileKey& key) const;
  // Lets the system drop the pages of the index before the record at `at`,
  // and of the full results before that record's (all of them at the end):
  // they are read again from the page cache if needed. A large load keeps
  // only the part it is reading in memory (at 30,000 people the index alone
  // is 7.6 MB, and a peak counts every page mapped). A cache under 1 MiB
  // stays whole.
  void release_before(std::size_t at) const;

 private:
  // MADV_DONTNEED on the whole pages between `from` and `to` (not in a
  // cache under 1 MiB).
  void drop_pages(const char* from, const char* to) const;

  void* map_ = nullptr;
  std::size_t size_ = 0;
  bool valid_ = false;
  std::int64_t started_ns_ = 0;
  std::size_t count_ = 0;
  std::string_view settings_;  // in the mapping: after the directory's path
  std::string_view records_;   // in the mapping: the index after the settings
  std::string_view full_;     // in the mapping: the full results
};

// Writes a cache (records sorted by path_less) atomically; false when it
// could not (no space, no permission): the cache is an optimisation.
bool write_cache(const std::filesystem::path& file, std::string_view dir_id, std::uint64_t fingerprint,
                 std::int64_t started_ns, std::string_view settings, const std::vector<Record>& records);

// Whether a valid cache of `records` records, of which a run used `used`
// and to which it would add `parsed` new results, is worth writing again.
// Rewriting copies every record; until it does, the few files changed since
// are parsed each run, which in a large network is far cheaper (one `kith
// log` changes one file of 30,000: a 23 MB rewrite, or 0.2 ms of parsing).
bool worth_rewriting(std::size_t records, std::size_t used, std::size_t parsed);

// The cache file for a data directory whose real path is `dir_id`.
std::filesystem::path cache_file_for(const std::filesystem::path& cache_dir, std::string_view dir_id);

// What results depend on besides a file's own text: this kith binary and the
// settings text.
std::uint64_t fingerprint(std::string_view settings_text);

// Now, on the clock file timestamps come from (for the racy check only).
std::int64_t now_ns();

}  // namespace kith::cache
