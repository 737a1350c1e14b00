// Linux calls Swift's Glibc module hides (they need _GNU_SOURCE).
#ifndef TRSH_CLINUXIO_H
#define TRSH_CLINUXIO_H

#ifdef __linux__
extern int sync_file_range(int fd, long offset, long nbytes, unsigned int flags);

/// Starts asynchronous writeback of a file range without waiting for it and without dropping
/// the pages from the cache (SYNC_FILE_RANGE_WRITE), so a later fsync has little left to do.
static inline int trsh_start_writeback(int fd, long offset, long count) {
  return sync_file_range(fd, offset, count, 2 /* SYNC_FILE_RANGE_WRITE */);
}

/// O_DIRECT (also behind _GNU_SOURCE), or 0 where this header does not know its value.
static inline int trsh_o_direct(void) {
#if defined(__x86_64__) || defined(__i386__)
  return 040000;
#elif defined(__aarch64__) || defined(__arm__)
  return 0200000;
#else
  return 0;
#endif
}
#else
static inline int trsh_start_writeback(int fd, long offset, long count) {
  (void)fd; (void)offset; (void)count;
  return 0;
}

static inline int trsh_o_direct(void) { return 0; }
#endif

#endif
