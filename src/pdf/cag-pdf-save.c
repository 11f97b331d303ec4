/* cag-pdf-save.c — writing a file so that a failure never leaves half of it:
 * a hidden temporary file in the target's folder, flushed to disk, then
 * renamed over the target.  Errors say why in words a treasurer can act on.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"
#include <glib/gstdio.h>

#include "cag-pdf-doc.h"
#include "cag-error.h"

static void
set_save_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *dir = g_path_get_dirname (path);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   C_("pdf", "Cannot save “%s”: the folder “%s” is not writable."), path, dir);
      break;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   C_("pdf", "Cannot save “%s”: the disk is full."), path);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   C_("pdf", "Cannot save “%s”: the folder “%s” does not exist."), path, dir);
      break;
    case EISDIR:
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   C_("pdf", "Cannot save “%s”: it is a folder."), path);
      break;
    default:
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   C_("pdf", "Cannot save “%s”: %s."), path, g_strerror (saved_errno));
      break;
    }
}

gboolean
cag_pdf_write_file_safely (const char    *path,
                           const guint8  *data,
                           gsize          len,
                           GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = NULL;
  gsize done = 0;
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_save_error (error, path, EISDIR);
      return FALSE;
    }

  /* A hidden temporary file next to the target, so that rename() is atomic
   * and a failure never leaves a half-written document under its name. */
  tmpl = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_save_error (error, path, errno);
      return FALSE;
    }

  while (done < len)
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (tmpl);
          set_save_error (error, path, saved);
          return FALSE;
        }
      done += (gsize) n;
    }
  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (tmpl);
      set_save_error (error, path, saved);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      int saved = errno;

      g_unlink (tmpl);
      set_save_error (error, path, saved);
      return FALSE;
    }
  if (g_rename (tmpl, path) != 0)
    {
      int saved = errno;

      g_unlink (tmpl);
      set_save_error (error, path, saved);
      return FALSE;
    }
  return TRUE;
}
