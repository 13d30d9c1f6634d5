// SPDX-License-Identifier: MIT
#include "store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <climits>
#include <map>

#include "load.h"

namespace kith {

namespace {

std::string errno_text() { return std::strerror(errno); }

bool is_hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// True when `p` resolves to a place inside `root` (both canonical).
bool inside(const fs::path& root, const fs::path& p) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(p, ec);
  if (ec) return false;
  auto [r, q] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  return r == root.end();
}

// The name part of a temporary file for `name`: the name itself, cut at a
// character boundary when ".NAME.tmp-XXXXXX" would exceed the longest file
// name the system allows (a name of 250 bytes is readable, so writable too).
std::string temp_stem(const std::string& name) {
  constexpr std::size_t extra = std::char_traits<char>::length("..tmp-XXXXXX");
  if (name.size() + extra <= NAME_MAX) return name;
  std::size_t keep = NAME_MAX - extra;
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  return name.substr(0, keep);
}

// A writer killed between creating its temporary file and renaming it
// leaves `.NAME.tmp-XXXXXX` behind (NAME from temp_stem). Scans skip
// dot-files, so it is harmless, but it would pile up: the next write of NAME
// removes those older than a minute (a live writer's is newer, and writers
// hold the directory lock).
void remove_stale_temps(const fs::path& folder, const std::string& stem) {
  const std::string prefix = "." + stem + ".tmp-";
  const auto cutoff = fs::file_time_type::clock::now() - std::chrono::minutes(1);
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string entry = it->path().filename().string();
    if (entry.size() != prefix.size() + 6 || entry.compare(0, prefix.size(), prefix) != 0) continue;
    std::error_code e1, e2, e3;
    bool file = it->is_regular_file(e1) && !it->is_symlink(e2);
    auto written = it->last_write_time(e3);
    if (file && !e1 && !e2 && !e3 && written < cutoff) fs::remove(it->path(), e1);
  }
}

}  // namespace

void Store::require_exists() const {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec))
    throw Error(fmt::format("no kith directory at {} (create it with `kith init {}`)", dir_.string(),
                            dir_.string()));
}

std::vector<fs::path> Store::person_files() const {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::path root = fs::canonical(dir_, ec);
  if (ec) return files;
  auto it = fs::recursive_directory_iterator(dir_, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (is_hidden(p)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink(ec) && !inside(root, p)) {  // never read outside the directory
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec) || p.extension() != ".yaml") continue;
    if (it.depth() == 0 && p.filename() == "kith.yaml") continue;
    files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  return files;
}

Loaded Store::load() const {
  Loaded out;
  fs::path settings_file = settings_path();
  std::error_code ec;
  if (link_leaves(dir_, settings_file)) {
    out.problems.push_back(Diagnostic{settings_file.string(), 0, 0,
                                      "is a symbolic link leading out of the data directory; kith does not "
                                      "follow it (the defaults are used)"});
  } else if (fs::exists(settings_file, ec)) {
    try {
      SettingsResult s = parse_settings(read_file(settings_file), settings_file.string());
      out.settings = std::move(s.settings);
      out.problems.insert(out.problems.end(), s.problems.begin(), s.problems.end());
    } catch (const Error& e) {
      out.problems.push_back(e.diagnostic());
    }
  }
  std::map<std::string, std::string> slug_paths;
  for (const fs::path& file : person_files()) {
    ++out.files;
    std::string path = file.string();
    std::string slug = file.stem().string();
    if (auto [it, fresh] = slug_paths.emplace(slug, path); !fresh) {
      out.problems.push_back(Diagnostic{
          path, 0, 0, fmt::format("slug '{}' is also used by {}; slugs must be unique", slug, it->second)});
      continue;
    }
    std::error_code size_error;
    if (auto too_large = guard_size(fs::file_size(file, size_error), path); too_large && !size_error) {
      out.problems.push_back(*too_large);
      continue;
    }
    try {
      LoadResult r = load_person(read_file(file), path, out.settings);
      out.problems.insert(out.problems.end(), r.problems.begin(), r.problems.end());
      out.unknown_keys.insert(out.unknown_keys.end(), r.unknown_keys.begin(), r.unknown_keys.end());
      if (r.person) out.people.push_back(std::move(*r.person));
    } catch (const Error& e) {
      out.problems.push_back(e.diagnostic());
    }
  }
  std::sort(out.people.begin(), out.people.end(),
            [](const Person& a, const Person& b) { return a.slug < b.slug; });
  return out;
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

std::string read_file(const fs::path& path) {
  // Checked before opening: opening a FIFO waits for a writer, and a device
  // (a link to /dev/zero) never ends.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw Error(fmt::format("cannot read: {}", errno_text()), path.string());
  if (!S_ISREG(st.st_mode)) throw not_regular(path, st.st_mode);
  if (auto too_large = guard_size(static_cast<std::uintmax_t>(st.st_size), path.string())) throw Error(*too_large);
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
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(Error(fmt::format("cannot read: {}", errno_text()), path.string()));
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    // A file that grows while it is read is held to the same limit.
    if (auto too_large = guard_size(text.size(), path.string())) fail(Error(*too_large));
  }
  ::close(fd);
  return text;
}

void write_atomic(const fs::path& path_or_link, std::string_view text, bool create_only) {
  // Through a symlink, the file it names is replaced and the link stays.
  std::error_code link_error;
  fs::path path = path_or_link;
  if (fs::is_symlink(path_or_link, link_error))
    if (fs::path target = fs::canonical(path_or_link, link_error); !link_error) path = target;
  fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::string stem = temp_stem(path.filename().string());
  remove_stale_temps(folder, stem);
  // A dot-name keeps a leftover temp file out of every scan.
  std::string tmpl = (folder / ("." + stem + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw Error(fmt::format("cannot write in {}: {}", folder.string(), errno_text()), path.string());
  auto fail = [&](const std::string& what) {
    std::string message = fmt::format("cannot write: {}: {}", what, errno_text());
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw Error(message, path.string());
  };
  struct stat old {};
  if (::stat(path.c_str(), &old) == 0) {
    if (create_only) {
      errno = EEXIST;
      fail("the file exists");
    }
    // Root rewriting a user's file (sudo, root's cron) gives it back to its
    // owner; a process that may not chown keeps its own, as before. The mode
    // comes after: chown clears the set-user-ID and set-group-ID bits.
    if ((old.st_uid != ::geteuid() || old.st_gid != ::getegid()) && ::fchown(fd, old.st_uid, old.st_gid) != 0 &&
        errno != EPERM)
      fail("keeping the file's owner");
    if (::fchmod(fd, old.st_mode & 07777) != 0) fail("keeping the file's mode");
  } else {
    // mkstemp makes 0600; a new file gets what the umask gives a normal file.
    mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) fail("setting the file's mode");
  }
  for (std::size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("writing");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail("syncing");
  if (::close(fd) != 0) {
    fd = -1;
    std::string message = fmt::format("cannot write: closing: {}", errno_text());
    ::unlink(tmpl.c_str());
    throw Error(message, path.string());
  }
  if (create_only) {
    // link() fails if the name exists, so two `add`s cannot both win.
    if (::link(tmpl.c_str(), path.c_str()) != 0) {
      std::string message = fmt::format("cannot create: {}", errno_text());
      ::unlink(tmpl.c_str());
      throw Error(message, path.string());
    }
    ::unlink(tmpl.c_str());
  } else if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    std::string message = fmt::format("cannot replace the file: {}", errno_text());
    ::unlink(tmpl.c_str());
    throw Error(message, path.string());
  }
  int dfd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);  // make the rename itself durable
    ::close(dfd);
  }
}

}  // namespace kith
