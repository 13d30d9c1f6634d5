// SPDX-License-Identifier: MIT
#include "atomic_write.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>

#include "model/error.h"

namespace kith {

namespace {

std::string errno_text() { return std::strerror(errno); }

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
  // readdir, not std::filesystem: a folder of 30,000 people is listed at
  // each write, and only a matching name is looked at further.
  const std::string prefix = "." + stem + ".tmp-";
  DIR* listing = ::opendir(folder.c_str());
  if (listing == nullptr) return;
  const std::time_t cutoff = std::time(nullptr) - 60;
  while (const dirent* entry = ::readdir(listing)) {
    std::string_view name = entry->d_name;
    if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) continue;
    struct stat st {};
    if (::fstatat(::dirfd(listing), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
        st.st_mtime < cutoff)
      ::unlinkat(::dirfd(listing), entry->d_name, 0);
  }
  ::closedir(listing);
}

}  // namespace

fs::path write_temp_file(const fs::path& target, std::string_view text, bool create_only, bool sync) {
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string stem = temp_stem(target.filename().string());
  // A dot-name keeps a leftover temp file out of every scan.
  std::string tmpl = (folder / ("." + stem + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw Error(fmt::format("cannot write in {}: {}", folder.string(), errno_text()), target.string());
  auto fail = [&](const std::string& what) {
    std::string message = fmt::format("cannot write: {}: {}", what, errno_text());
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw Error(message, target.string());
  };
  struct stat old {};
  if (::stat(target.c_str(), &old) == 0) {
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
  if (sync && ::fsync(fd) != 0) fail("syncing");
  if (::close(fd) != 0) {
    std::string message = fmt::format("cannot write: closing: {}", errno_text());
    ::unlink(tmpl.c_str());
    throw Error(message, target.string());
  }
  return tmpl;
}

void write_atomic(const fs::path& path_or_link, std::string_view text, bool create_only) {
  // Through a symlink, the file it names is replaced and the link stays.
  std::error_code link_error;
  fs::path path = path_or_link;
  if (fs::is_symlink(path_or_link, link_error))
    if (fs::path target = fs::canonical(path_or_link, link_error); !link_error) path = target;
  // Here, not in write_temp_file: a scan of the folder per file made an
  // import of 30,000 people quadratic.
  fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  remove_stale_temps(folder, temp_stem(path.filename().string()));
  fs::path temp = write_temp_file(path, text, create_only, true);
  if (create_only) {
    // link() fails if the name exists, so two `add`s cannot both win.
    if (::link(temp.c_str(), path.c_str()) != 0) {
      std::string message = fmt::format("cannot create: {}", errno_text());
      ::unlink(temp.c_str());
      throw Error(message, path.string());
    }
    ::unlink(temp.c_str());
  } else if (::rename(temp.c_str(), path.c_str()) != 0) {
    std::string message = fmt::format("cannot replace the file: {}", errno_text());
    ::unlink(temp.c_str());
    throw Error(message, path.string());
  }
  sync_folder(folder);  // the rename itself
}

void sync_folder(const fs::path& folder) {
  int dfd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void sync_filesystem(const fs::path& dir) {
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) throw Error(fmt::format("cannot open the folder to sync it: {}", errno_text()), dir.string());
  int r = ::syncfs(dfd);
  int saved = errno;
  ::close(dfd);
  errno = saved;
  if (r != 0) throw Error(fmt::format("cannot sync the files written: {}", errno_text()), dir.string());
}

}  // namespace kith
