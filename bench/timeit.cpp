// SPDX-License-Identifier: MIT
// bench/timeit CMD [ARGS...]: runs CMD once with its output to a pipe (read
// and thrown away, as a consumer would; its stderr to /dev/null) and prints
// `NANOSECONDS PEAK_KB EXIT`: wall time from fork to exit, the child's peak
// resident memory and its exit code.
#include <sys/resource.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: timeit CMD [ARGS...]\n");
    return 2;
  }
  int out[2];
  if (pipe(out) != 0) return 1;
  timespec start{}, end{};
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t child = fork();
  if (child == 0) {
    dup2(out[1], 1);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 2);
    close(out[0]);
    close(out[1]);
    execvp(argv[1], argv + 1);
    _exit(127);
  }
  close(out[1]);
  char buffer[1 << 16];
  while (read(out[0], buffer, sizeof buffer) > 0) {
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  clock_gettime(CLOCK_MONOTONIC, &end);
  long long ns = (end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
  std::printf("%lld %ld %d\n", ns, usage.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : 128);
  return 0;
}
