// SPDX-License-Identifier: MIT
#include "store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <climits>
#include <map>
#include <memory>
#include <cstdlib>
#include <optional>
#include <unordered_map>

#include "cache/codec.h"
#include "cache/parse_cache.h"
#include "rules/balance.h"
#include "system/heap.h"
#include "system/parallel.h"
#include "transaction.h"
#include "walk.h"
#include "yaml/load.h"

namespace kith {

namespace {

std::string errno_text() { return std::strerror(errno); }

// True when `p` resolves to a place inside `root` (both canonical).
bool inside(const fs::path& root, const fs::path& p) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(p, ec);
  if (ec) return false;
  auto [r, q] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  return r == root.end();
}

}  // namespace

void Store::require_exists() const {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec))
    throw Error(fmt::format("no kith directory at {} (create it with `kith init {}`)", dir_.string(),
                            dir_.string()));
}

std::vector<fs::path> Store::person_files() const {
  Walk walk = walk_directory(dir_.string());
  std::vector<fs::path> files;
  files.reserve(walk.files.size());
  for (const FoundFile& f : walk.files) files.push_back(dir_ / f.rel);
  return files;
}

namespace {

// One person file on its way through load(). Its person, if any, is read
// straight into its place in the people vector (`person`, by slug): a
// Person is big, and moving 30,000 of them into order was a tenth of `due`.
struct Slot {
  static constexpr std::size_t no_record = SIZE_MAX;

  const FoundFile* file = nullptr;
  std::string_view slug;             // in file->rel
  const Slot* slug_owner = nullptr;  // set when an earlier file has the slug: this one is not read
  std::size_t record = no_record;    // where its cache record starts, on a hit
  Person* person = nullptr;
  bool has_person = false;
  struct Said {
    std::vector<Diagnostic> problems, unknown_keys;
  };
  std::unique_ptr<Said> said;  // only for the few files with something to say
  struct Encoded {
    std::string full, digest;
  };
  std::unique_ptr<Encoded> encoded;  // a miss's results for the next cache

  void say(std::vector<Diagnostic>&& problems, std::vector<Diagnostic>&& unknown_keys) {
    if (problems.empty() && unknown_keys.empty()) return said.reset();
    said = std::make_unique<Said>(Said{std::move(problems), std::move(unknown_keys)});
  }
  void take(LoadResult&& r) {
    has_person = r.person.has_value();
    if (has_person) *person = std::move(*r.person);
    say(std::move(r.problems), std::move(r.unknown_keys));
  }
};

// `rel` under `dir`, spelled as std::filesystem's `dir / rel` would (without
// its cost, 30,000 times).
std::string join(const std::string& dir, std::string_view rel) {
  std::string out;
  out.reserve(dir.size() + 1 + rel.size());
  out = dir;
  if (!out.empty() && out.back() != '/') out += '/';
  out += rel;
  return out;
}

// Encodes both forms of a parsed file for the next cache, and leaves
// `result` in the form the load asked for. The log is moved aside for the
// digest form, never copied.
void encode_both(Slot& slot, const std::string& path, LoadResult& result, const Settings& settings, Detail detail) {
  std::optional<std::string> full = cache::encode_result(result, path);
  LeftOut parts;
  if (result.person) parts = keep_digest(*result.person, settings);
  std::optional<std::string> digest;
  if (full) digest = cache::encode_result(result, path);
  if (digest) slot.encoded = std::make_unique<Slot::Encoded>(Slot::Encoded{std::move(*full), std::move(*digest)});
  if (result.person && detail == Detail::full) put_back(*result.person, std::move(parts));
}

// Parses one file that missed the cache, and encodes it for the next cache
// unless there is none (--no-cache). Never throws.
void parse_slot(Slot& slot, const std::string& dir, const Settings& settings, Detail detail, bool for_cache) {
  const std::string path = join(dir, slot.file->rel);
  LoadResult result;
  try {
    if (auto too_large = guard_size(slot.file->key.size, path)) {
      result.problems.push_back(*too_large);
    } else {
      result = load_person(read_file(path), path, settings);
    }
    if (for_cache) encode_both(slot, path, result, settings, detail);
    else if (result.person && detail == Detail::digest) keep_digest(*result.person, settings);
  } catch (const Error& e) {  // could not read it: maybe passing, so not cached
    slot.say({e.diagnostic()}, {});
    return;
  } catch (const std::exception& e) {
    slot.say({Diagnostic{path, 0, 0, std::string("cannot read: ") + e.what()}}, {});
    return;
  }
  slot.take(std::move(result));
}

// Decodes a cache hit straight into its place. False when the record is
// damaged (the file is then parsed). Never throws.
bool decode_slot(Slot& slot, const cache::CacheFile& cached, const std::string& dir, Detail detail) {
  Person& p = *slot.person;
  try {
    cache::Record record;
    std::size_t at = slot.record;
    if (!cached.read(at, record)) return false;
    if (detail == Detail::full && !cache::full_intact(record)) return false;
    std::string path = join(dir, slot.file->rel);
    std::vector<Diagnostic> problems, unknown_keys;
    if (cache::decode_into(detail == Detail::digest ? record.digest : record.full, path, p, slot.has_person,
                           problems, unknown_keys)) {
      slot.say(std::move(problems), std::move(unknown_keys));
      p.path = std::move(path);
      p.slug = slot.slug;
      return true;
    }
  } catch (const std::exception&) {  // out of memory: the parse says so
  }
  p = Person{};
  slot.has_person = false;
  slot.said.reset();
  return false;
}

// Cache hits are decoded this many at a time (then the pages read can go);
// a visited load holds a batch whole at once, so its batches are smaller.
constexpr std::size_t decode_batch = 2048;
constexpr std::size_t visit_batch = 512;

// A visited load: each person of the batch that read cleanly, whole (their
// digest already set, so that it is computed once), to `visit`; then only
// their digest is kept.
void hand_over(const std::vector<Slot*>& batch, const Store::Visit& visit, const Settings& settings) {
  for (Slot* slot : batch) {
    if (!slot->has_person) continue;
    visit(*slot->person, settings);
    take_parts(*slot->person);
  }
}

// A file that missed costs a parse; below 16, a thread costs more than it saves.
void parse_in_parallel(std::vector<Slot*>& misses, const std::string& dir, const Settings& settings, Detail detail,
                       bool for_cache) {
  in_parallel(misses.size(), 16, 1, [&](std::size_t i) { parse_slot(*misses[i], dir, settings, detail, for_cache); });
}

// The big arrays of a large load are fresh memory, and faulting it in 4 KiB
// at a time was a third of a warm `due` at 30,000 people: asks the kernel
// for 2 MiB pages instead (where transparent huge pages are on `madvise`).
void advise_huge_pages(void* data, std::size_t bytes) {
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  auto begin = (reinterpret_cast<std::uintptr_t>(data) + huge - 1) & ~(huge - 1);
  auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(huge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // advice: may fail
}

// A large load is tens of MB of new memory (about 1 KB a person for a
// digest load, several for a full one): heap.h says why it is prepared.
void prepare_for(std::size_t people, Detail detail) {
  if (people >= 2000) prepare_heap(people * (detail == Detail::digest ? 2048 : 8192));
}

// kith.yaml's settings and problems: decoded from the cache when it holds
// them (the text is in the cache's fingerprint), else parsed. With a cache,
// `encoded` gets them as the next cache keeps them.
SettingsResult settings_of(const std::string& text, const std::string& path, const cache::CacheFile* cached,
                           std::string& encoded) {
  SettingsResult s;
  if (cached && cached->valid() && !cached->settings().empty() && cache::decode_settings(cached->settings(), path, s)) {
    encoded = std::string(cached->settings());
    return s;
  }
  try {
    s = parse_settings(text, path);
  } catch (const Error& e) {
    s = SettingsResult{};
    s.problems.push_back(e.diagnostic());
  }
  std::optional<std::string> bytes;
  if (cached) bytes = cache::encode_settings(s, path);  // --no-cache writes no cache
  if (bytes) encoded = std::move(*bytes);
  return s;
}

std::string real_path(const fs::path& dir) {
  char* real = ::realpath(dir.c_str(), nullptr);
  if (real == nullptr) return {};
  std::string out(real);
  std::free(real);
  return out;
}

}  // namespace

Loaded Store::load(Detail detail) const { return load(detail, nullptr); }

Loaded Store::load(const Visit& visit) const { return load(Detail::digest, &visit); }

Loaded Store::load(Detail detail, const Visit* visit) const {
  // A visited load reads everyone whole and keeps their digest, a batch at a time.
  const Detail read = visit ? Detail::full : detail;
  Loaded out;
  const std::int64_t started = cache::now_ns();  // before looking at any file: see parse_cache.h
  fs::path settings_file = settings_path();
  std::string settings_text;
  bool settings_read = false;
  std::error_code ec;
  if (link_leaves(dir_, settings_file)) {
    out.problems.push_back(Diagnostic{settings_file.string(), 0, 0,
                                      "is a symbolic link leading out of the data directory; kith does not "
                                      "follow it (the defaults are used)"});
  } else if (fs::exists(settings_file, ec)) {
    try {
      settings_text = read_file(settings_file);
      settings_read = true;
    } catch (const Error& e) {
      out.problems.push_back(e.diagnostic());
      settings_text = std::string(1, '\0') + e.diagnostic().message;  // NUL: unlike any readable text
    }
  }

  // The cache first: how many people it holds says how large this load is,
  // and it holds kith.yaml parsed (its text is in the fingerprint).
  std::string dir_id = cache_dir_.empty() ? std::string() : real_path(dir_);
  std::optional<cache::CacheFile> cached;
  std::uint64_t fingerprint = 0;
  if (!dir_id.empty()) {
    fingerprint = cache::fingerprint(settings_text);
    cached.emplace(cache::cache_file_for(cache_dir_, dir_id), dir_id, fingerprint);
    prepare_for(cached->size(), detail);
  }
  std::string settings_encoded;  // for the next cache
  if (settings_read) {
    SettingsResult s = settings_of(settings_text, settings_file.string(), cached ? &*cached : nullptr, settings_encoded);
    out.settings = std::move(s.settings);
    out.problems.insert(out.problems.end(), s.problems.begin(), s.problems.end());
  }

  Walk walk = walk_directory(dir_.string());
  prepare_for(walk.files.size(), detail);  // a first run, or --no-cache
  out.problems.insert(out.problems.end(), walk.problems.begin(), walk.problems.end());
  for (const std::string& rel : walk.ignored) out.ignored.push_back((dir_ / rel).string());
  const std::string dir = dir_.string();

  std::vector<Slot> slots;
  slots.reserve(walk.files.size());
  advise_huge_pages(slots.data(), slots.capacity() * sizeof(Slot));
  slots.resize(walk.files.size());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    Slot& slot = slots[i];
    slot.file = &walk.files[i];
    std::string_view rel = slot.file->rel;
    std::string_view name = rel.substr(rel.rfind('/') + 1);
    slot.slug = name.substr(0, name.size() - 5);  // without `.yaml`
  }
  // By slug; of two files with one slug, the first by path keeps it (the
  // walk gives them in path order). Each person is read straight into their
  // place in that order.
  // (A slug holds no `/`, so path order is plain byte order.)
  std::vector<std::uint32_t> by_slug = order_by_path(slots.size(), [&](std::size_t i) { return slots[i].slug; });
  std::vector<std::uint32_t> placed;  // the slot of each place in out.people
  placed.reserve(slots.size());
  for (std::uint32_t i : by_slug) {
    if (!placed.empty() && slots[placed.back()].slug == slots[i].slug) slots[i].slug_owner = &slots[placed.back()];
    else placed.push_back(i);
  }
  by_slug = {};
  out.people.reserve(placed.size());
  advise_huge_pages(out.people.data(), out.people.capacity() * sizeof(Person));
  out.people.resize(placed.size());
  for (std::size_t k = 0; k < placed.size(); ++k) slots[placed[k]].person = &out.people[k];

  // Cache hits: the records and the walk are both in path order, so a merge.
  // Decoding is the warm run's main cost (it allocates every string and log
  // entry): over the cores too, in chunks, as a decode is quick. In batches
  // so that the pages of the cache already decoded can go.
  if (cached && cached->valid()) {
    cache::Record record;
    std::size_t record_at = 0, next_at = 0;
    bool more = cached->read(next_at, record);
    std::vector<Slot*> found;
    for (std::size_t s = 0; s < slots.size();) {
      found.clear();
      for (const std::size_t end = std::min(slots.size(), s + (visit ? visit_batch : decode_batch)); s < end; ++s) {
        Slot& slot = slots[s];
        if (slot.slug_owner) continue;
        while (more && path_less(record.rel, slot.file->rel)) {
          record_at = next_at;
          more = cached->read(next_at, record);
        }
        if (more && record.rel == slot.file->rel && cached->trusted(record, slot.file->key)) {
          slot.record = record_at;
          found.push_back(&slot);
        }
      }
      // A whole person is a longer decode, and its digest is made here too.
      in_parallel(found.size(), visit ? 128 : 1024, visit ? 32 : 256, [&](std::size_t i) {
        if (!decode_slot(*found[i], *cached, dir, read)) found[i]->record = Slot::no_record;
        else if (visit && found[i]->has_person) set_digest(*found[i]->person, out.settings);
      });
      if (visit) hand_over(found, *visit, out.settings);
      cached->release_before(record_at);
    }
  }
  std::vector<Slot*> misses;
  std::size_t used_records = 0;
  for (Slot& slot : slots) {
    if (slot.slug_owner) continue;
    if (slot.record != Slot::no_record) ++used_records;
    else misses.push_back(&slot);
  }
  if (visit) {
    std::vector<Slot*> batch;
    for (std::size_t m = 0; m < misses.size(); m += batch.size()) {
      batch.assign(misses.begin() + m, misses.begin() + std::min(misses.size(), m + visit_batch));
      parse_in_parallel(batch, dir, out.settings, read, cached.has_value());
      in_parallel(batch.size(), 128, 32, [&](std::size_t i) {
        if (batch[i]->has_person) set_digest(*batch[i]->person, out.settings);
      });
      hand_over(batch, *visit, out.settings);
    }
  } else {
    parse_in_parallel(misses, dir, out.settings, detail, cached.has_value());
  }

  for (const Slot& slot : slots) {
    ++out.files;
    if (slot.slug_owner) {
      out.problems.push_back(Diagnostic{join(dir, slot.file->rel), 0, 0,
                                        fmt::format("slug '{}' is also used by {}; slugs must be unique", slot.slug,
                                                    join(dir, slot.slug_owner->file->rel))});
      continue;
    }
    if (!slot.said) continue;
    out.problems.insert(out.problems.end(), slot.said->problems.begin(), slot.said->problems.end());
    out.unknown_keys.insert(out.unknown_keys.end(), slot.said->unknown_keys.begin(), slot.said->unknown_keys.end());
  }
  // The files that gave no person leave holes: closed up in one pass.
  std::size_t kept = 0;
  for (std::size_t k = 0; k < placed.size(); ++k) {
    if (!slots[placed[k]].has_person) continue;
    if (kept != k) out.people[kept] = std::move(out.people[k]);
    ++kept;
  }
  out.people.resize(kept);

  // The cache is rewritten only when it would say something new, and, in a
  // large network, only once a few files changed: rewriting it whole after
  // each `kith log` costs more than parsing a handful of files each run.
  if (cached) {
    std::size_t parsed = std::count_if(misses.begin(), misses.end(), [](const Slot* s) { return s->encoded != nullptr; });
    if (!cached->valid() || cache::worth_rewriting(cached->size(), used_records, parsed)) {
      std::vector<cache::Record> records;
      records.reserve(slots.size());
      for (const Slot& slot : slots) {
        cache::Record record;
        std::size_t at = slot.record;
        if (slot.record != Slot::no_record && cached->read(at, record)) records.push_back(record);
        else if (slot.encoded)
          records.push_back(cache::new_record(slot.file->rel, slot.file->key, slot.encoded->digest, slot.encoded->full));
      }
      cache::write_cache(cache::cache_file_for(cache_dir_, dir_id), dir_id, fingerprint, started, settings_encoded,
                         records);
    }
  }
  return out;
}

Person Store::load_whole(const Person& p, const Settings& s) const {
  LoadResult r = load_person(read_file(p.path), p.path, s);
  if (!r.person) {
    if (!r.problems.empty()) throw Error(r.problems.front());
    throw Error("no longer holds a person", p.path);
  }
  return std::move(*r.person);
}

bool link_leaves(const fs::path& dir, const fs::path& path) {
  std::error_code ec;
  if (!fs::is_symlink(path, ec)) return false;
  fs::path root = fs::canonical(dir, ec);
  return ec || !inside(root, path);
}

fs::path Store::path_for_slug(std::string_view slug) const { return dir_ / (std::string(slug) + ".yaml"); }

Store::Lock::Lock(const fs::path& dir) {
  fs::path lock_path = dir / ".kith.lock";
  // O_NOFOLLOW: a lock that is a symlink (a cloned repository can carry one)
  // must not create or lock a file elsewhere.
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
  if (fd_ < 0 && errno == ELOOP)
    throw Error("the lock file is a symbolic link; kith does not follow it (remove it)", lock_path.string());
  if (fd_ < 0) throw Error(fmt::format("cannot open the lock file: {}", errno_text()), lock_path.string());
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd_);
    throw Error("the lock file is not a regular file (remove it)", lock_path.string());
  }
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    int saved = errno;
    ::close(fd_);
    errno = saved;
    throw Error(fmt::format("cannot lock the directory: {}", errno_text()), lock_path.string());
  }
  // A multi-file change a dead process left half-done is finished before
  // the new holder reads anything.
  try {
    recover_changes(dir);
  } catch (...) {
    ::close(fd_);
    throw;
  }
}

Store::Lock::~Lock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

namespace {

// What a path that is not a regular file is, for the message.
const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

Error not_regular(const fs::path& path, mode_t mode) {
  return Error(fmt::format("cannot read: it is {}, not a regular file", kind_of(mode)), path.string());
}

}  // namespace

std::string read_file(const fs::path& path) { return read_file(path, 0); }

std::string read_file(const fs::path& path, std::uintmax_t limit) {
  auto over = [&](std::uintmax_t size) -> std::optional<Diagnostic> {
    if (limit == 0) return guard_size(size, path.string());  // a person file
    if (size <= limit) return std::nullopt;
    return Diagnostic{path.string(), 0, 0, fmt::format("file is too large ({} bytes; the limit is {} bytes)", size, limit)};
  };
  // Checked before opening: opening a FIFO waits for a writer, and a device
  // (a link to /dev/zero) never ends.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw Error(fmt::format("cannot read: {}", errno_text()), path.string());
  if (!S_ISREG(st.st_mode)) throw not_regular(path, st.st_mode);
  if (auto too_large = over(static_cast<std::uintmax_t>(st.st_size))) throw Error(*too_large);
  // O_NONBLOCK: should the path be swapped for a FIFO meanwhile, open does not wait.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) throw Error(fmt::format("cannot read: {}", errno_text()), path.string());
  std::string text;
  auto fail = [&](Error e) {
    ::close(fd);
    throw e;
  };
  if (::fstat(fd, &st) != 0) fail(Error(fmt::format("cannot read: {}", errno_text()), path.string()));
  if (!S_ISREG(st.st_mode)) fail(not_regular(path, st.st_mode));
  text.reserve(static_cast<std::size_t>(st.st_size));
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(Error(fmt::format("cannot read: {}", errno_text()), path.string()));
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    // A file that grows while it is read is held to the same limit.
    if (auto too_large = over(text.size())) fail(Error(*too_large));
  }
  ::close(fd);
  return text;
}

}  // namespace kith
