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
#include <fstream>
#include <map>
#include <sstream>

#include "load.h"
#include "transaction.h"

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

// A writer killed between creating its temporary file and renaming it
// leaves `.NAME.tmp-XXXXXX` behind. Scans skip dot-files, so it is harmless,
// but it would pile up: the next write of NAME removes those older than a
// minute (a live writer's is newer, and writers hold the directory lock).
void remove_stale_temps(const fs::path& folder, const std::string& name) {
  const std::string prefix = "." + name + ".tmp-";
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
  if (fs::exists(settings_file, ec)) {
    std::error_code size_error;
    auto too_large = guard_size(fs::file_size(settings_file, size_error), settings_file.string());
    try {
      if (too_large && !size_error) throw Error(*too_large);
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

fs::path Store::path_for_slug(std::string_view slug) const { return dir_ / (std::string(slug) + ".yaml"); }

Store::Lock::Lock(const fs::path& dir) {
  fs::path lock_path = dir / ".kith.lock";
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw Error(fmt::format("cannot open the lock file: {}", errno_text()), lock_path.string());
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

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("cannot read: {}", errno_text()), path.string());
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw Error(fmt::format("cannot read: {}", errno_text()), path.string());
  return text.str();
}

void write_atomic(const fs::path& path_or_link, std::string_view text, bool create_only) {
  // Through a symlink, the file it names is replaced and the link stays.
  std::error_code link_error;
  fs::path path = path_or_link;
  if (fs::is_symlink(path_or_link, link_error))
    if (fs::path target = fs::canonical(path_or_link, link_error); !link_error) path = target;
  fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  remove_stale_temps(folder, path.filename().string());
  // A dot-name keeps a leftover temp file out of every scan.
  std::string tmpl = (folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
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
