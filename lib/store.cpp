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
#include <atomic>
#include <cstdlib>
#include <optional>
#include <thread>
#include <unordered_map>

#include "cache/codec.h"
#include "cache/parse_cache.h"
#include "balance.h"
#include "load.h"
#include "walk.h"
#include "transaction.h"

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
// straight into its place in the people vector (`person`): a Person is big,
// and a second array of them was a sixth of `due`'s memory at 30,000.
struct Slot {
  const FoundFile* file;
  std::string path;  // dir / rel, as the directory was spelled
  std::string slug;
  bool duplicate = false;             // its slug is taken: not read
  const cache::Record* hit = nullptr;  // read from the cache
  Person* person = nullptr;
  bool has_person = false;
  std::vector<Diagnostic> problems, unknown_keys;
  std::optional<std::string> encoded, encoded_digest;  // a miss's results for the next cache

  void take(LoadResult&& r) {
    has_person = r.person.has_value();
    if (has_person) *person = std::move(*r.person);
    problems = std::move(r.problems);
    unknown_keys = std::move(r.unknown_keys);
  }
};

// Encodes both forms of a parsed file for the next cache, and leaves
// `result` in the form the load asked for. The log is moved aside for the
// digest form, never copied.
void encode_both(Slot& slot, LoadResult& result, const Settings& settings, Detail detail) {
  slot.encoded = cache::encode_result(result, slot.path);
  LeftOut parts;
  if (result.person) parts = keep_digest(*result.person, settings);
  if (slot.encoded) slot.encoded_digest = cache::encode_result(result, slot.path);
  if (!slot.encoded_digest) slot.encoded.reset();
  if (result.person && detail == Detail::full) put_back(*result.person, std::move(parts));
}

// Parses one file that missed the cache. Never throws.
void parse_slot(Slot& slot, const Settings& settings, Detail detail) {
  LoadResult result;
  try {
    if (auto too_large = guard_size(slot.file->key.size, slot.path)) {
      result.problems.push_back(*too_large);
    } else {
      result = load_person(read_file(slot.path), slot.path, settings);
    }
    encode_both(slot, result, settings, detail);
  } catch (const Error& e) {  // could not read it: maybe passing, so not cached
    slot.problems.push_back(e.diagnostic());
    return;
  } catch (const std::exception& e) {
    slot.problems.push_back(Diagnostic{slot.path, 0, 0, std::string("cannot read: ") + e.what()});
    return;
  }
  slot.take(std::move(result));
}

// Reorders `people` in place so that people[k] is the old people[order[k]]
// (`order` lists some of the indices once each), then drops the rest: each
// person is moved once, with no second array.
void permute(std::vector<Person>& people, std::vector<std::size_t> order) {
  const std::size_t kept = order.size();
  std::vector<bool> used(people.size());
  for (std::size_t i : order) used[i] = true;
  for (std::size_t i = 0; i < people.size(); ++i)
    if (!used[i]) order.push_back(i);  // a whole permutation: the dropped go last
  std::vector<bool> done(people.size());
  for (std::size_t start = 0; start < people.size(); ++start) {
    if (done[start] || order[start] == start) continue;
    Person held = std::move(people[start]);
    std::size_t j = start;
    for (; order[j] != start; j = order[j]) {
      people[j] = std::move(people[order[j]]);
      done[j] = true;
    }
    people[j] = std::move(held);
    done[j] = true;
  }
  people.resize(kept);
}

// one(i) for every i < n, over the machine's cores, when there are at least
// `per_thread` items for each thread. Each i is done by one thread; `one`
// must not throw.
template <typename Do>
void in_parallel(std::size_t n, std::size_t per_thread, const Do& one) {
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::size_t threads = std::min<std::size_t>(cores, (n + per_thread - 1) / per_thread);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) one(i);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {  // no thread to be had: this one does the rest
      break;
    }
  }
  work();
  for (std::thread& t : pool) t.join();
}

// A file that missed costs a parse; below 16, a thread costs more than it saves.
void parse_in_parallel(std::vector<Slot*>& misses, const Settings& settings, Detail detail) {
  in_parallel(misses.size(), 16, [&](std::size_t i) { parse_slot(*misses[i], settings, detail); });
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

std::string real_path(const fs::path& dir) {
  char* real = ::realpath(dir.c_str(), nullptr);
  if (real == nullptr) return {};
  std::string out(real);
  std::free(real);
  return out;
}

}  // namespace

Loaded Store::load(Detail detail) const {
  Loaded out;
  const std::int64_t started = cache::now_ns();  // before looking at any file: see parse_cache.h
  fs::path settings_file = settings_path();
  std::string settings_text;
  std::error_code ec;
  if (link_leaves(dir_, settings_file)) {
    out.problems.push_back(Diagnostic{settings_file.string(), 0, 0,
                                      "is a symbolic link leading out of the data directory; kith does not "
                                      "follow it (the defaults are used)"});
  } else if (fs::exists(settings_file, ec)) {
    try {
      settings_text = read_file(settings_file);
      SettingsResult s = parse_settings(settings_text, settings_file.string());
      out.settings = std::move(s.settings);
      out.problems.insert(out.problems.end(), s.problems.begin(), s.problems.end());
    } catch (const Error& e) {
      out.problems.push_back(e.diagnostic());
      settings_text = std::string(1, '\0') + e.diagnostic().message;  // NUL: unlike any readable text
    }
  }

  Walk walk = walk_directory(dir_.string());
  out.problems.insert(out.problems.end(), walk.problems.begin(), walk.problems.end());
  for (const std::string& rel : walk.ignored) out.ignored.push_back((dir_ / rel).string());

  std::vector<Slot> slots;
  slots.reserve(walk.files.size());
  out.people.reserve(walk.files.size());
  advise_huge_pages(slots.data(), slots.capacity() * sizeof(Slot));
  advise_huge_pages(out.people.data(), out.people.capacity() * sizeof(Person));
  slots.resize(walk.files.size());
  out.people.resize(slots.size());
  std::unordered_map<std::string_view, std::string_view> slug_paths;
  slug_paths.reserve(walk.files.size());
  for (std::size_t i = 0; i < walk.files.size(); ++i) {
    Slot& slot = slots[i];
    slot.file = &walk.files[i];
    slot.person = &out.people[i];
    slot.path = (dir_ / slot.file->rel).string();
    std::string_view rel = slot.file->rel;
    std::string_view name = rel.substr(rel.rfind('/') + 1);
    slot.slug = std::string(name.substr(0, name.size() - 5));  // without `.yaml`
  }
  for (Slot& slot : slots) slot.duplicate = !slug_paths.emplace(slot.slug, slot.path).second;

  // Cache hits: the records and the walk are both in path order, so a merge.
  std::string dir_id = cache_dir_.empty() ? std::string() : real_path(dir_);
  std::optional<cache::CacheFile> cached;
  std::uint64_t fingerprint = 0;
  if (!dir_id.empty()) {
    fingerprint = cache::fingerprint(settings_text);
    cached.emplace(cache::cache_file_for(cache_dir_, dir_id), dir_id, fingerprint);
  }
  std::vector<Slot*> misses;
  std::size_t used_records = 0;
  {
    const std::vector<cache::Record> none;
    const std::vector<cache::Record>& records = cached ? cached->records() : none;
    std::size_t r = 0;
    std::vector<Slot*> found;
    for (Slot& slot : slots) {
      if (slot.duplicate) continue;
      while (r < records.size() && path_less(records[r].rel, slot.file->rel)) ++r;
      if (r < records.size() && records[r].rel == slot.file->rel && cached->trusted(records[r], slot.file->key)) {
        slot.hit = &records[r];
        found.push_back(&slot);
      } else {
        misses.push_back(&slot);
      }
    }
    // Decoding is the warm run's main cost (it allocates every string and
    // log entry): over the cores too, in chunks, as a decode is quick.
    constexpr std::size_t chunk = 256;
    in_parallel((found.size() + chunk - 1) / chunk, 4, [&](std::size_t c) {
      LoadResult decoded;
      for (std::size_t i = c * chunk; i < std::min(found.size(), (c + 1) * chunk); ++i) {
        Slot& slot = *found[i];
        bool ok = false;
        try {
          if (detail == Detail::digest) ok = cache::decode_result(slot.hit->digest, slot.path, slot.slug, decoded);
          else ok = cache::full_intact(*slot.hit) && cache::decode_result(slot.hit->full, slot.path, slot.slug, decoded);
        } catch (const std::exception&) {  // out of memory: the parse below says so
        }
        if (ok) slot.take(std::move(decoded));
        else slot.hit = nullptr;  // damaged: parsed below
      }
    });
    for (Slot* slot : found) {
      if (slot->hit) ++used_records;
      else misses.push_back(slot);
    }
  }
  parse_in_parallel(misses, out.settings, detail);

  std::vector<std::size_t> with_person;
  with_person.reserve(slots.size());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    Slot& slot = slots[i];
    ++out.files;
    if (slot.duplicate) {
      out.problems.push_back(Diagnostic{slot.path, 0, 0,
                                        fmt::format("slug '{}' is also used by {}; slugs must be unique",
                                                    slot.slug, slug_paths.at(slot.slug))});
      continue;
    }
    out.problems.insert(out.problems.end(), std::make_move_iterator(slot.problems.begin()),
                        std::make_move_iterator(slot.problems.end()));
    out.unknown_keys.insert(out.unknown_keys.end(), std::make_move_iterator(slot.unknown_keys.begin()),
                            std::make_move_iterator(slot.unknown_keys.end()));
    if (slot.has_person) with_person.push_back(i);
  }
  // By slug, moving each person once (a Person is big: sorting them moves
  // every string many times).
  std::sort(with_person.begin(), with_person.end(),
            [&](std::size_t a, std::size_t b) { return slots[a].slug < slots[b].slug; });
  permute(out.people, std::move(with_person));

  // The cache is rewritten only when it would say something new.
  if (cached) {
    bool parsed = std::any_of(misses.begin(), misses.end(), [](const Slot* s) { return s->encoded.has_value(); });
    if (!cached->valid() || parsed || used_records != cached->records().size()) {
      std::vector<cache::Record> records;
      records.reserve(slots.size());
      for (const Slot& slot : slots) {
        if (slot.hit) records.push_back(*slot.hit);
        else if (slot.encoded)
          records.push_back(cache::new_record(slot.file->rel, slot.file->key, *slot.encoded_digest, *slot.encoded));
      }
      cache::write_cache(cache::cache_file_for(cache_dir_, dir_id), dir_id, fingerprint, started, records);
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
