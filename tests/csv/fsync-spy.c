/* fsync-spy.c — LD_PRELOAD helper of test-backup: logs, in order, every
 * rename() and every fsync() of a folder to the file named by
 * CAG_FSYNC_SPY_LOG, so the test can see that a backup syncs the folder
 * after its atomic rename (docs/RELIABILITY.md, "Files"). */
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

int fsync (int fd);
int rename (const char *from, const char *to);

static void
log_line (const char *what)
{
  const char *path = getenv ("CAG_FSYNC_SPY_LOG");
  int fd;

  if (path == NULL)
    return;
  fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  if (write (fd, what, strlen (what)) < 0)
    {
      /* Nothing to do: the test sees the line missing. */
    }
  close (fd);
}

int
fsync (int fd)
{
  int (*real) (int);
  void *symbol = dlsym (RTLD_NEXT, "fsync");
  struct stat st;

  memcpy (&real, &symbol, sizeof real);   /* POSIX: a symbol is a function */
  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    log_line ("fsync-dir\n");
  return real (fd);
}

int
rename (const char *from, const char *to)
{
  int (*real) (const char *, const char *);
  void *symbol = dlsym (RTLD_NEXT, "rename");

  memcpy (&real, &symbol, sizeof real);
  log_line ("rename\n");
  return real (from, to);
}
