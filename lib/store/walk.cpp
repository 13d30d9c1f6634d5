// SPDX-License-Identifier: MIT
#include "walk.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <tuple>
#include <optional>
#include <utility>

#include "system/parallel.h"

namespace kith {

namespace fs = std::filesystem;

namespace {

std::int64_t ns_of(const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

FileKey key_of(const struct stat& st) {
  return FileKey{static_cast<std::uint64_t>(st.st_size), ns_of(st.st_mtim), ns_of(st.st_ctim),
                 static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_dev)};
}

bool is_person_name(std::string_view name) {
  return name.size() > 5 && name.substr(name.size() - 5) == ".yaml";
}

class Walker {
 public:
  Walker(const std::string& dir, OpenFolder open_folder) : dir_(dir), open_folder_(open_folder) {}

  Walk run() {
    int fd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      problem("", errno);
    } else {
      folder(fd, "");
    }
    // By path through an index, so that each file is moved once.
    std::vector<std::uint32_t> order =
        order_by_path(out_.files.size(), [&](std::size_t i) -> std::string_view { return out_.files[i].file.rel; });
    std::vector<bool> drop = aliases(order);
    std::sort(out_.ignored.begin(), out_.ignored.end(), path_less);
    Walk walk;
    walk.problems = std::move(out_.problems);
    walk.ignored = std::move(out_.ignored);
    walk.files.reserve(out_.files.size());
    for (std::size_t k = 0; k < order.size(); ++k)
      if (!drop[k]) walk.files.push_back(std::move(out_.files[order[k]].file));
    return walk;
  }

 private:
  struct Found {
    FoundFile file;
    bool link = false;
  };
  struct {
    std::vector<Found> files;
    std::vector<Diagnostic> problems;
    std::vector<std::string> ignored;
  } out_;

  std::string full(const std::string& rel) const { return rel.empty() ? dir_ : (fs::path(dir_) / rel).string(); }

  void problem(const std::string& rel, int error) {
    out_.problems.push_back(Diagnostic{full(rel), 0, 0, std::string("cannot read folder: ") + std::strerror(error)});
  }

  // Reads the folder open as `fd` (and takes it), `prefix` being its path
  // relative to the directory ("" or "sub/").
  void folder(int fd, const std::string& prefix) {
    DIR* d = ::fdopendir(fd);
    if (d == nullptr) {
      int error = errno;
      ::close(fd);
      return problem(prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1), error);
    }
    // The listing first, then the stats over the cores: a stat is most of
    // the walk's time, and one folder can hold every person.
    struct Entry {
      std::string name;
      int error = 0;  // of its stat
      mode_t mode = 0;
      FileKey key;
    };
    std::vector<Entry> entries;
    std::vector<std::string> subfolders;
    for (;;) {
      errno = 0;
      struct dirent* e = ::readdir(d);
      if (e == nullptr) {
        if (errno != 0) problem(prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1), errno);
        break;
      }
      std::string_view name = e->d_name;
      if (name.empty() || name[0] == '.') continue;  // ., .., dot-files and .git
      unsigned char type = e->d_type;
      if (type == DT_DIR) {
        subfolders.emplace_back(name);
        continue;
      }
      if (!is_person_name(name) && type != DT_UNKNOWN) continue;
      entries.push_back(Entry{std::string(name), 0, 0, {}});
    }
    const int dir_fd = ::dirfd(d);
    in_parallel(entries.size(), 2048, 64, [&](std::size_t i) {
      struct stat st {};
      if (::fstatat(dir_fd, entries[i].name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        entries[i].error = errno;
      } else {
        entries[i].mode = st.st_mode;
        entries[i].key = key_of(st);
      }
    });
    out_.files.reserve(out_.files.size() + entries.size());
    for (Entry& e : entries) {
      if (e.error != 0) {
        if (e.error != ENOENT)  // gone since the listing: a rename race, not a problem
          out_.problems.push_back(Diagnostic{full(prefix + e.name), 0, 0,
                                             std::string("cannot read: ") + std::strerror(e.error)});
        continue;
      }
      if (S_ISDIR(e.mode)) {
        subfolders.push_back(std::move(e.name));
        continue;
      }
      if (!is_person_name(e.name)) continue;
      const bool settings_name = e.name == "kith.yaml";
      std::string rel = prefix.empty() ? std::move(e.name) : prefix + e.name;
      if (settings_name) {
        if (!prefix.empty()) out_.ignored.push_back(rel);
        continue;
      }
      if (S_ISLNK(e.mode)) {
        link(rel);
      } else if (S_ISREG(e.mode)) {
        out_.files.push_back(Found{FoundFile{std::move(rel), e.key}, false});
      }
    }
    // Sub-folders after the listing, so one descriptor per level stays open.
    for (const std::string& sub : subfolders) {
      int child = open_folder_ ? open_folder_(::dirfd(d), sub.c_str())
                               : ::openat(::dirfd(d), sub.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child < 0) {
        if (errno != ENOENT) problem(prefix + sub, errno);
        continue;
      }
      folder(child, prefix + sub + "/");
    }
    ::closedir(d);
  }

  // A symlink is rare: it may resolve its path. Kept when it names a regular
  // file inside the directory.
  void link(const std::string& rel) {
    if (!root_) {
      std::error_code ec;
      root_ = fs::canonical(dir_, ec);
      if (ec) root_ = fs::path();
    }
    std::error_code ec;
    fs::path real = fs::canonical(full(rel), ec);
    if (ec || root_->empty()) return;
    auto [r, q] = std::mismatch(root_->begin(), root_->end(), real.begin(), real.end());
    if (r != root_->end()) return;  // never read outside the directory
    struct stat st {};
    if (::stat(real.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    out_.files.push_back(Found{FoundFile{rel, key_of(st)}, true});
  }

  // Two names for one file are one person: keep the real name (or the
  // first). Which of the files, `order` giving them by path, to drop.
  std::vector<bool> aliases(const std::vector<std::uint32_t>& order) const {
    struct Id {
      std::uint64_t device, inode;
      std::size_t index;  // in path order
      bool operator<(const Id& o) const { return std::tie(device, inode, index) < std::tie(o.device, o.inode, o.index); }
    };
    std::vector<Id> ids;
    ids.reserve(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
      const FileKey& key = out_.files[order[k]].file.key;
      ids.push_back(Id{key.device, key.inode, k});
    }
    std::sort(ids.begin(), ids.end());
    std::vector<bool> drop(order.size(), false);
    for (std::size_t i = 0; i < ids.size();) {
      std::size_t j = i + 1;
      while (j < ids.size() && ids[j].device == ids[i].device && ids[j].inode == ids[i].inode) ++j;
      if (j - i > 1) {
        std::size_t kept = ids[i].index;  // the first by path, unless a later one is the real name
        for (std::size_t k = i; k < j; ++k)
          if (!out_.files[order[ids[k].index]].link) {
            kept = ids[k].index;
            break;
          }
        for (std::size_t k = i; k < j; ++k) drop[ids[k].index] = ids[k].index != kept;
      }
      i = j;
    }
    return drop;
  }

  std::string dir_;
  OpenFolder open_folder_;
  std::optional<fs::path> root_;
};

}  // namespace

bool path_less(std::string_view a, std::string_view b) {
  // `/` sorts before every other byte: the same as comparing folder by folder.
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x == y) continue;
    if (x == '/') return true;
    if (y == '/') return false;
    return x < y;
  }
  return a.size() < b.size();
}

namespace detail {

// Padding and `/` are both 0, every other byte is itself (no path holds a
// NUL): a smaller head is a path_less path, and equal heads are compared
// whole.
std::uint64_t path_head(std::string_view path) {
  std::uint64_t head = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    unsigned char c = i < path.size() ? static_cast<unsigned char>(path[i]) : 0;
    head = head << 8 | (c == '/' ? 0 : c);
  }
  return head;
}

void sort_path_keys(std::vector<PathKey>& keys) {
  auto less = [](const PathKey& a, const PathKey& b) {
    if (a.head != b.head) return a.head < b.head;
    if (a.path != b.path) return path_less(a.path, b.path);
    return a.index < b.index;
  };
  // The slugs of a walk (in path order) come as a few sorted runs, one per
  // folder: merged, as introsort meets its worst case on such input and
  // falls back to a heap sort. Many runs: the order of a folder listing.
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 1; i < keys.size() && starts.size() <= 64; ++i)
    if (less(keys[i], keys[i - 1])) starts.push_back(i);
  if (starts.size() > 64) {
    std::sort(keys.begin(), keys.end(), less);
    return;
  }
  starts.push_back(keys.size());
  while (starts.size() > 2) {
    std::vector<std::size_t> merged{0};
    for (std::size_t r = 0; r + 1 < starts.size(); r += 2) {
      std::size_t end = starts[std::min(r + 2, starts.size() - 1)];
      std::inplace_merge(keys.begin() + starts[r], keys.begin() + starts[r + 1], keys.begin() + end, less);
      merged.push_back(end);
    }
    starts = std::move(merged);
  }
}

}  // namespace detail

Walk walk_directory(const std::string& dir, OpenFolder open_folder) { return Walker(dir, open_folder).run(); }

}  // namespace kith
