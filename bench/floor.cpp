// SPDX-License-Identifier: MIT
// bench/floor stat|read DIR: the floors kith is measured against. `stat`
// lists every folder and stats every `*.yaml` (what any tool must do to
// notice a change); `read` also reads every such file whole. Prints the
// count, so the work cannot be optimised away.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

bool read_too = false;
long files = 0, bytes = 0;
char buffer[1 << 16];

void walk(int fd) {
  DIR* d = fdopendir(fd);
  if (d == nullptr) return;
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') continue;
    if (e->d_type == DT_DIR) {
      int child = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (child >= 0) walk(child);
      continue;
    }
    std::size_t len = std::strlen(e->d_name);
    if (len < 6 || std::strcmp(e->d_name + len - 5, ".yaml") != 0) continue;
    struct stat st;
    if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    ++files;
    if (!read_too) continue;
    int f = openat(dirfd(d), e->d_name, O_RDONLY | O_CLOEXEC);
    if (f < 0) continue;
    for (ssize_t n; (n = read(f, buffer, sizeof buffer)) > 0;) bytes += n;
    close(f);
  }
  closedir(d);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || (std::strcmp(argv[1], "stat") != 0 && std::strcmp(argv[1], "read") != 0)) {
    std::fprintf(stderr, "usage: floor stat|read DIR\n");
    return 2;
  }
  read_too = std::strcmp(argv[1], "read") == 0;
  int fd = open(argv[2], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return 1;
  walk(fd);
  std::printf("%ld files, %ld bytes\n", files, bytes);
  return 0;
}
