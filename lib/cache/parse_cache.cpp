// SPDX-License-Identifier: MIT
#include "parse_cache.h"

#include <algorithm>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace kith::cache {

namespace {

constexpr char magic[8] = {'k', 'i', 't', 'h', 'p', 'c', '\r', '\n'};
constexpr std::uint32_t format_version = 6;  // 2: Person.added; 3: digests, full results after the index;
                                              // 4: the checksum covers the header; 5: hash_bytes in 4 lanes;
                                              // 6: kith.yaml's parsed settings
constexpr std::uint32_t byte_order_mark = 0x01020304;

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint64_t fingerprint;
  std::int64_t started_ns;
  std::uint64_t records;
  std::uint64_t index_size;  // after the header: the directory's real path, the settings, the records
  std::uint64_t full_size;   // after the index: the full results
  std::uint64_t checksum;    // of the index, then the header with this field 0
  std::uint32_t dir_id_size;
  std::uint32_t settings_size;  // 0: none (kith.yaml could not be read)
};
static_assert(sizeof(Header) == 72);

// A fast 64-bit hash: four independent lanes of 8 bytes (one lane waited
// on each multiply: checking a 30,000-person index was 4% of a warm `due`).
// The checksum catches damage; it is no defence against an attacker, who
// could write the cache directly anyway.
std::uint64_t hash_bytes(std::string_view s, std::uint64_t h = 0x9e3779b97f4a7c15ull) {
  constexpr std::uint64_t m = 0xff51afd7ed558ccdull;
  auto mix = [](std::uint64_t lane, std::uint64_t w) {
    lane = (lane ^ w) * m;
    return lane ^ (lane >> 29);
  };
  auto word = [&s](std::size_t at) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + at, 8);
    return w;
  };
  std::uint64_t lanes[4] = {h, h + 1, h + 2, h + 3};
  std::size_t i = 0;
  for (; i + 32 <= s.size(); i += 32)
    for (int l = 0; l < 4; ++l) lanes[l] = mix(lanes[l], word(i + 8 * l));
  for (; i + 8 <= s.size(); i += 8) lanes[0] = mix(lanes[0], word(i));
  h = mix(mix(mix(lanes[0], lanes[1]), lanes[2]), lanes[3]);
  for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * m;
  h ^= s.size();
  h *= m;
  return h ^ (h >> 32);
}

// The header's checksum: of the index, then of the header itself (so that a
// damaged count or start time is caught too).
std::uint64_t checksum_of(Header h, std::string_view index) {
  h.checksum = 0;
  return hash_bytes(std::string_view(reinterpret_cast<const char*>(&h), sizeof h), hash_bytes(index));
}

template <typename T>
bool take(const char*& p, const char* end, T& out) {
  if (static_cast<std::size_t>(end - p) < sizeof(T)) return false;
  std::memcpy(&out, p, sizeof(T));
  p += sizeof(T);
  return true;
}

bool take_view(const char*& p, const char* end, std::string_view& out) {
  std::uint32_t n = 0;
  if (!take(p, end, n) || static_cast<std::size_t>(end - p) < n) return false;
  out = std::string_view(p, n);
  p += n;
  return true;
}

template <typename T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof(T));
}

void put_view(std::string& out, std::string_view s) {
  put(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

}  // namespace

CacheFile::CacheFile(const std::filesystem::path& file, std::string_view dir_id, std::uint64_t fp) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < static_cast<off_t>(sizeof(Header))) {
    ::close(fd);
    return;
  }
  size_ = static_cast<std::size_t>(st.st_size);
  map_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map_ == MAP_FAILED) {
    map_ = nullptr;
    return;
  }
  // 4 KiB pages, not the 2 MiB ones a large folio of the page cache may be
  // mapped with: a load keeps only the part it reads (release_before), and
  // a 2 MiB page of the index and one of the full results held 2 to 6 MB
  // more than that.
  ::madvise(map_, size_, MADV_NOHUGEPAGE);
  const char* base = static_cast<const char*>(map_);
  Header h;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, magic, sizeof magic) != 0 || h.version != format_version ||
      h.byte_order != byte_order_mark || h.fingerprint != fp || h.index_size > size_ - sizeof(Header) ||
      h.full_size != size_ - sizeof(Header) - h.index_size)
    return;
  std::string_view index(base + sizeof(Header), h.index_size);
  if (h.dir_id_size > index.size() || index.substr(0, h.dir_id_size) != dir_id) return;  // foreign
  if (h.settings_size > index.size() - h.dir_id_size) return;
  // The index is read whole by the checksum: fault it in at once rather than
  // a page at a time (an old kernel without MADV_POPULATE_READ faults as before).
  ::madvise(map_, sizeof(Header) + h.index_size, MADV_POPULATE_READ);
  if (checksum_of(h, index) != h.checksum) return;
  if (h.records > index.size() / 72) return;
  settings_ = index.substr(h.dir_id_size, h.settings_size);
  records_ = index.substr(h.dir_id_size + h.settings_size);
  full_ = std::string_view(index.data() + index.size(), h.full_size);
  count_ = h.records;
  started_ns_ = h.started_ns;
  valid_ = true;
  // Checked: until the load reads them, the records need not stay in memory.
  drop_pages(base, index.data() + index.size());
}

void CacheFile::drop_pages(const char* from, const char* to) const {
  // A small cache stays mapped whole: it weighs less than the calls cost.
  if (size_ < (std::size_t{1} << 20)) return;
  static const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(from) + page - 1) / page * page;
  std::uintptr_t end = reinterpret_cast<std::uintptr_t>(to) / page * page;
  if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

void CacheFile::release_before(std::size_t at) const {
  if (!valid_) return;
  Record next;
  std::size_t after = at;
  bool more = read(after, next);
  drop_pages(records_.data(), records_.data() + std::min(at, records_.size()));
  drop_pages(full_.data(), more ? next.full.data() : full_.data() + full_.size());
}

bool CacheFile::read(std::size_t& at, Record& r) const {
  if (at >= records_.size()) return false;
  const char* p = records_.data() + at;
  const char* end = records_.data() + records_.size();
  std::uint64_t ino = 0, dev = 0, full_at = 0, full_size = 0;
  if (!take_view(p, end, r.rel) || !take(p, end, r.key.size) || !take(p, end, r.key.mtime_ns) ||
      !take(p, end, r.key.ctime_ns) || !take(p, end, ino) || !take(p, end, dev) || !take_view(p, end, r.digest) ||
      !take(p, end, full_at) || !take(p, end, full_size) || !take(p, end, r.full_hash) || full_at > full_.size() ||
      full_size > full_.size() - full_at) {
    at = records_.size();
    return false;
  }
  r.key.inode = ino;
  r.key.device = dev;
  r.full = full_.substr(full_at, full_size);
  at = static_cast<std::size_t>(p - records_.data());
  return true;
}

CacheFile::~CacheFile() {
  if (map_ != nullptr) ::munmap(map_, size_);
}

bool CacheFile::trusted(const Record& r, const FileKey& key) const {
  if (!(r.key == key)) return false;
  // ctime, not mtime: every change of the file sets it, and nobody can set it back.
  bool whole_seconds = key.ctime_ns % 1'000'000'000 == 0;  // a coarse file system (or, rarely, luck)
  return key.ctime_ns < started_ns_ - (whole_seconds ? racy_margin_coarse_ns : racy_margin_fine_ns);
}

Record new_record(std::string_view rel, const FileKey& key, std::string_view digest, std::string_view full) {
  return Record{rel, key, digest, full, hash_bytes(full)};
}

bool full_intact(const Record& r) { return hash_bytes(r.full) == r.full_hash; }

bool write_cache(const std::filesystem::path& file, std::string_view dir_id, std::uint64_t fp,
                 std::int64_t started_ns, std::string_view settings, const std::vector<Record>& records) {
  std::size_t index_size = dir_id.size() + settings.size(), full_size = 0;
  for (const Record& r : records) {
    index_size += 4 + r.rel.size() + 40 + 4 + r.digest.size() + 24;
    full_size += r.full.size();
  }
  std::string out;
  out.reserve(sizeof(Header) + index_size);  // the full results are written from where they are
  out.resize(sizeof(Header));
  out.append(dir_id);
  out.append(settings);
  std::uint64_t at = 0;
  for (const Record& r : records) {
    put_view(out, r.rel);
    put(out, r.key.size);
    put(out, r.key.mtime_ns);
    put(out, r.key.ctime_ns);
    put(out, r.key.inode);
    put(out, r.key.device);
    put_view(out, r.digest);
    put(out, at);
    put(out, static_cast<std::uint64_t>(r.full.size()));
    put(out, r.full_hash);
    at += r.full.size();
  }
  Header h{};
  std::memcpy(h.magic, magic, sizeof magic);
  h.version = format_version;
  h.byte_order = byte_order_mark;
  h.fingerprint = fp;
  h.started_ns = started_ns;
  h.records = records.size();
  h.index_size = out.size() - sizeof(Header);
  h.full_size = full_size;
  h.dir_id_size = static_cast<std::uint32_t>(dir_id.size());
  h.settings_size = static_cast<std::uint32_t>(settings.size());
  h.checksum = checksum_of(h, std::string_view(out).substr(sizeof(Header)));
  std::memcpy(out.data(), &h, sizeof h);

  // The cache holds names and notes: its folder, when kith makes it, is the
  // owner's alone (the files are already, from mkstemp).
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path().parent_path(), ec);
  ::mkdir(file.parent_path().c_str(), 0700);  // EEXIST: the folder stays as it is
  std::string tmp = (file.parent_path() / ("." + file.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return false;
  bool ok = true;
  auto write_all = [&](std::string_view bytes) {
    for (std::size_t done = 0; ok && done < bytes.size();) {
      ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) ok = false;
      else done += static_cast<std::size_t>(n);
    }
  };
  write_all(out);
  // The full results follow, gathered into large writes: a second copy of
  // them all, most of the cache, was the peak of a first run.
  out.clear();
  constexpr std::size_t piece = 1 << 20;
  for (const Record& r : records) {
    if (out.size() + r.full.size() > piece) {
      write_all(out);
      out.clear();
    }
    if (r.full.size() > piece) write_all(r.full);
    else out.append(r.full);
  }
  write_all(out);
  // No fsync: after a crash a cut-short cache fails its checksum and is rebuilt.
  if (::close(fd) != 0) ok = false;
  if (ok && ::rename(tmp.c_str(), file.c_str()) != 0) ok = false;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

std::filesystem::path cache_file_for(const std::filesystem::path& cache_dir, std::string_view dir_id) {
  return cache_dir / fmt::format("{:016x}.cache", hash_bytes(dir_id));
}

std::uint64_t fingerprint(std::string_view settings_text) {
  // The binary's identity: a new kith may read files differently.
  static const std::uint64_t binary = [] {
    struct stat st {};
    if (::stat("/proc/self/exe", &st) != 0) return std::uint64_t{0};
    std::string id = fmt::format("{} {}.{} {}", st.st_size, st.st_mtim.tv_sec,
                                 st.st_mtim.tv_nsec, st.st_ino);
    return hash_bytes(id);
  }();
  return hash_bytes(settings_text, binary ^ format_version);
}

bool worth_rewriting(std::size_t records, std::size_t used, std::size_t parsed) {
  std::size_t stale = parsed + (records - std::min(used, records));  // a changed file counts twice
  return stale > records / 512;
}

std::int64_t now_ns() {
  timespec t{};
  ::clock_gettime(CLOCK_REALTIME, &t);
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

}  // namespace kith::cache
