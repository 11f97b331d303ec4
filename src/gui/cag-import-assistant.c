/* cag-import-assistant.c — three pages: the file and its campaign; a
 * preview of the rows with their problems beside them (a dry run: nothing is
 * written); then, once the user presses Apply, the import itself, all rows
 * or none, and what it did.
 *
 * The dry run and the import run in a worker thread (GTask) with their own
 * CagStore connection on the same database file, so the window never
 * freezes: a progress bar follows the file, and Stop (or closing the
 * assistant) cancels; a cancelled import is rolled back whole
 * (docs/IMPORT.md, "In the window"). */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-csv.h"
#include "cag-error.h"
#include "cag-import-assistant.h"
#include "cag-money.h"

#define PROBLEM_COLOR "#c01c28"
#define SKIPPED_COLOR "#5e5c64"
#define WARNING_COLOR "#865e00"

struct _CagImportAssistant
{
  GtkAssistant     parent_instance;

  CagStore        *store;
  char            *path;
  gint64           campaign_id;
  gboolean         create_organizations;
  CagImportReport *report;
  char            *summary;

  GtkWidget       *choose_page;
  GtkWidget       *file_button;
  GtkComboBoxText *campaign_combo;
  GtkWidget       *create_check;

  GtkWidget       *preview_page;
  GtkLabel        *preview_label;
  GtkTreeView     *preview_view;
  GtkListStore    *preview;
  GtkProgressBar  *check_progress;
  GtkWidget       *check_stop;

  GtkWidget       *done_page;
  GtkLabel        *done_label;
  GtkProgressBar  *import_progress;
  GtkWidget       *import_stop;

  /* The job running in the worker thread, if any. */
  GCancellable    *cancellable;
  struct _Job     *job;
  guint            progress_timer;
  gboolean         closing;      /* destroy once the job has stopped */
  gboolean         destroyed;
};

/* What the worker thread needs, and how far it is (per mille, atomic). */
typedef struct _Job
{
  char     *db_path;
  char     *file;
  char     *campaign_key;
  gboolean  create_organizations;
  gboolean  dry_run;
  gint      permille;
} Job;

typedef struct
{
  gboolean         ok;
  CagImportReport *report;
  GPtrArray       *records;      /* CagCsvRecord for the preview: the header first */
  GError          *error;
} JobResult;

G_DEFINE_FINAL_TYPE (CagImportAssistant, cag_import_assistant, GTK_TYPE_ASSISTANT)

enum
{
  SIGNAL_IMPORTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* Rows shown in the preview: the first ones, then only rows with a problem;
 * the list stays quick at any size of file. */
#define PREVIEW_FIRST_ROWS   2000
#define PREVIEW_MORE_PROBLEMS 2000

/* ---- Helpers ------------------------------------------------------------ */

static char *
report_counts (const CagImportReport *report)
{
  g_autofree char *total = cag_money_format (report->added_cents, cag_i18n_get_language ());
  GString *text = g_string_new (NULL);

  if (report->dry_run)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u contribution will be imported (%s).",
                                         "%u contributions will be imported (%s).",
                                         report->added),
                            report->added, total);
  else
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u contribution imported (%s).",
                                         "%u contributions imported (%s).",
                                         report->added),
                            report->added, total);
  if (report->already_present > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u row is already in the database and is skipped.",
                                           "%u rows are already in the database and are skipped.",
                                           report->already_present),
                              report->already_present);
    }
  if (report->organizations_created > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u new organization.",
                                           "%u new organizations.",
                                           report->organizations_created),
                              report->organizations_created);
    }
  if (report->csv.legacy_lines > 0)
    {
      /* The command line's sentence, without its line end. */
      g_autofree char *legacy = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u line was not UTF-8 and was "
                                                              "read as Windows-1252 (line %u); "
                                                              "the others as UTF-8.\n",
                                                              "%u lines were not UTF-8 and were "
                                                              "read as Windows-1252 (first: "
                                                              "line %u); the others as UTF-8.\n",
                                                              report->csv.legacy_lines),
                                                 report->csv.legacy_lines,
                                                 report->csv.first_legacy_line);

      g_string_append_c (text, ' ');
      g_string_append (text, g_strchomp (legacy));
    }
  return g_string_free (text, FALSE);
}

static void
set_summary (CagImportAssistant *self,
             const char         *text)
{
  g_free (self->summary);
  self->summary = g_strdup (text);
}

/* Line → the text of its problems (or warnings), one per line. */
static GHashTable *
index_by_line (GPtrArray *list)
{
  GHashTable *by_line = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < list->len; i++)
    {
      const CagImportProblem *p = list->pdata[i];
      g_autofree char *text = NULL;
      char *before = g_hash_table_lookup (by_line, GUINT_TO_POINTER (p->line));

      if (p->field >= 0)
        text = g_strdup_printf (C_("import preview", "%s: %s"),
                                cag_import_field_label (p->field), p->message);
      else
        text = g_strdup (p->message);
      g_hash_table_insert (by_line, GUINT_TO_POINTER (p->line),
                           before != NULL ? g_strconcat (before, "\n", text, NULL)
                                          : g_steal_pointer (&text));
    }
  return by_line;
}

static void
set_string_value (gint       *columns,
                  GValue     *values,
                  guint      *n,
                  gint        column,
                  const char *text)
{
  columns[*n] = column;
  g_value_init (&values[*n], G_TYPE_STRING);
  g_value_set_static_string (&values[*n], text);
  (*n)++;
}

/* Fills the preview from the file's records and the report's problems;
 * adds the lines shown to SHOWN. */
static void
fill_preview (CagImportAssistant *self,
              GPtrArray          *records,
              GHashTable         *shown)
{
  g_autoptr(GHashTable) problems = index_by_line (self->report->problems);
  g_autoptr(GHashTable) warnings = index_by_line (self->report->warnings);
  g_autoptr(GHashTable) skipped = g_hash_table_new (NULL, NULL);
  GtkCellRenderer *status_renderer;
  GList *columns;
  guint first = 0;
  guint n_cells;
  CagCsvRecord *header;

  for (guint i = 0; i < self->report->skipped_lines->len; i++)
    g_hash_table_add (skipped, self->report->skipped_lines->pdata[i]);

  /* The view is rebuilt: the file decides the columns. */
  columns = gtk_tree_view_get_columns (self->preview_view);
  for (GList *l = columns; l != NULL; l = l->next)
    gtk_tree_view_remove_column (self->preview_view, l->data);
  g_list_free (columns);
  gtk_list_store_clear (self->preview);

  while (first < records->len && cag_csv_record_is_blank (records->pdata[first]))
    first++;
  if (first >= records->len)
    return;
  header = records->pdata[first];
  n_cells = MIN (header->n_fields, CAG_IMPORT_ASSISTANT_MAX_COLUMNS);

  gtk_tree_view_insert_column_with_attributes (self->preview_view, -1,
                                               C_("import preview", "Line"),
                                               gtk_cell_renderer_text_new (),
                                               "text", CAG_IMPORT_PREVIEW_LINE, NULL);
  for (guint c = 0; c < n_cells; c++)
    gtk_tree_view_insert_column_with_attributes (self->preview_view, -1, header->fields[c],
                                                 gtk_cell_renderer_text_new (),
                                                 "text", CAG_IMPORT_PREVIEW_FIRST_CELL + c,
                                                 NULL);
  /* Long messages wrap instead of running off the page. */
  status_renderer = gtk_cell_renderer_text_new ();
  g_object_set (status_renderer, "wrap-width", 300, "wrap-mode", PANGO_WRAP_WORD_CHAR, NULL);
  gtk_tree_view_insert_column_with_attributes (self->preview_view, -1,
                                               C_("import preview", "Problem"),
                                               status_renderer,
                                               "text", CAG_IMPORT_PREVIEW_STATUS,
                                               "foreground", CAG_IMPORT_PREVIEW_STATUS_COLOR,
                                               NULL);

  /* Filled detached from the view, one call per row: the view does not
   * follow thousands of inserts one by one. */
  gtk_tree_view_set_model (self->preview_view, NULL);
  for (guint i = first + 1; i < records->len; i++)
    {
      CagCsvRecord *record = records->pdata[i];
      const char *problem = g_hash_table_lookup (problems, GUINT_TO_POINTER (record->line));
      const char *warning = g_hash_table_lookup (warnings, GUINT_TO_POINTER (record->line));
      gboolean was_skipped = g_hash_table_contains (skipped, GUINT_TO_POINTER (record->line));
      g_autofree char *line = NULL;
      GtkTreeIter iter;

      if (cag_csv_record_is_blank (record))
        continue;
      g_hash_table_add (shown, GUINT_TO_POINTER (record->line));
      line = g_strdup_printf ("%u", record->line);
      {
        gint columns_set[CAG_IMPORT_PREVIEW_N_COLUMNS];
        GValue values[CAG_IMPORT_PREVIEW_N_COLUMNS] = { G_VALUE_INIT };
        guint n = 0;
        const char *status = problem != NULL ? problem
                             : warning != NULL ? warning
                             : was_skipped ? C_("import preview", "Already present: skipped")
                             : "";

        set_string_value (columns_set, values, &n, CAG_IMPORT_PREVIEW_LINE, line);
        set_string_value (columns_set, values, &n, CAG_IMPORT_PREVIEW_STATUS, status);
        set_string_value (columns_set, values, &n, CAG_IMPORT_PREVIEW_STATUS_COLOR,
                          problem != NULL ? PROBLEM_COLOR
                          : warning != NULL ? WARNING_COLOR : SKIPPED_COLOR);
        for (guint c = 0; c < n_cells && c < record->n_fields; c++)
          set_string_value (columns_set, values, &n, CAG_IMPORT_PREVIEW_FIRST_CELL + (gint) c,
                            record->fields[c]);
        gtk_list_store_insert_with_valuesv (self->preview, &iter, -1, columns_set, values,
                                            (gint) n);
        for (guint k = 0; k < n; k++)
          g_value_unset (&values[k]);
      }
    }
  gtk_tree_view_set_model (self->preview_view, GTK_TREE_MODEL (self->preview));
}

/* ---- The worker thread -------------------------------------------------- */

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->file);
  g_free (job->campaign_key);
  g_free (job);
}

static void
job_result_free (JobResult *result)
{
  g_clear_pointer (&result->report, cag_import_report_free);
  g_clear_pointer (&result->records, g_ptr_array_unref);
  g_clear_error (&result->error);
  g_free (result);
}

/* In the worker thread. */
static void
job_progress_cb (guint64  done,
                 guint64  size,
                 gpointer user_data)
{
  Job *job = user_data;

  if (size > 0)
    g_atomic_int_set (&job->permille, (gint) MIN (1000, done * 1000 / size));
}

/* The records the preview shows (in the worker thread): the header, the
 * first rows, then the rows with a problem. */
static GPtrArray *
read_preview_records (const char            *file,
                      const CagImportReport *report,
                      GCancellable          *cancellable)
{
  g_autoptr(CagCsvReader) reader = cag_csv_reader_new_for_path (file, report->csv.delimiter,
                                                                NULL);
  g_autoptr(GHashTable) problem_lines = g_hash_table_new (NULL, NULL);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_csv_record_free);
  guint rows = 0, more = 0;

  for (guint i = 0; i < report->problems->len; i++)
    g_hash_table_add (problem_lines,
                      GUINT_TO_POINTER (((CagImportProblem *) report->problems->pdata[i])->line));
  while (reader != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      CagCsvRecord *record = NULL;

      if (!cag_csv_reader_next (reader, &record, NULL) || record == NULL)
        break;
      if (records->len == 0 && cag_csv_record_is_blank (record))
        cag_csv_record_free (record);
      else if (records->len == 0 || (++rows <= PREVIEW_FIRST_ROWS))
        g_ptr_array_add (records, record);
      else if (g_hash_table_contains (problem_lines, GUINT_TO_POINTER (record->line))
               && more++ < PREVIEW_MORE_PROBLEMS)
        g_ptr_array_add (records, record);
      else
        cag_csv_record_free (record);
    }
  return records;
}

static void
run_job_cb (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  JobResult *result = g_new0 (JobResult, 1);
  g_autoptr(CagStore) store = NULL;

  /* A CagStore is for one thread: this one has its own connection. */
  store = cag_store_open_existing (job->db_path, &result->error);
  if (store != NULL)
    {
      CagImportOptions options = {
        .campaign = job->campaign_key,
        .create_organizations = job->create_organizations,
        .dry_run = job->dry_run,
        .cancellable = cancellable,
        .progress = job_progress_cb,
        .progress_data = job,
      };

      result->ok = cag_import_contributions (store, job->file, &options, &result->report,
                                             &result->error);
      if (job->dry_run && result->report != NULL)
        result->records = read_preview_records (job->file, result->report, cancellable);
    }
  g_task_return_pointer (task, result, (GDestroyNotify) job_result_free);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  CagImportAssistant *self = user_data;
  GtkProgressBar *bar = self->job != NULL && self->job->dry_run ? self->check_progress
                                                                : self->import_progress;

  if (self->job != NULL)
    gtk_progress_bar_set_fraction (bar, g_atomic_int_get (&self->job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
show_busy (CagImportAssistant *self,
           gboolean            busy,
           gboolean            dry_run)
{
  GtkProgressBar *bar = dry_run ? self->check_progress : self->import_progress;
  GtkWidget *stop = dry_run ? self->check_stop : self->import_stop;

  gtk_progress_bar_set_fraction (bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (bar), busy);
  gtk_widget_set_visible (stop, busy);
  gtk_widget_set_sensitive (stop, busy);
  if (busy)
    gtk_widget_grab_focus (stop);
}

/* Starts the dry run (DRY_RUN) or the import in the worker thread;
 * CALLBACK gets the JobResult on the main thread. */
static void
start_job (CagImportAssistant  *self,
           gboolean             dry_run,
           GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (cag_store_get_path (self->store));
  job->file = g_strdup (self->path);
  job->campaign_key = self->campaign_id > 0
                      ? g_strdup_printf ("%" G_GINT64_FORMAT, self->campaign_id) : NULL;
  job->create_organizations = self->create_organizations;
  job->dry_run = dry_run;

  self->cancellable = g_cancellable_new ();
  self->job = job;
  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  /* The result says itself that the job was cancelled (and what it left). */
  g_task_set_check_cancellable (task, FALSE);
  show_busy (self, TRUE, dry_run);
  self->progress_timer = g_timeout_add (100, progress_tick_cb, self);
  g_task_run_in_thread (task, run_job_cb);
}

/* The job's result, once it has stopped; NULL when the assistant is
 * closing or was destroyed meanwhile.  An import that committed before the
 * cancel reached it still tells the window. */
static JobResult *
finish_job (CagImportAssistant *self,
            GAsyncResult       *res)
{
  JobResult *result = g_task_propagate_pointer (G_TASK (res), NULL);
  gboolean dry_run = self->job->dry_run;

  g_clear_handle_id (&self->progress_timer, g_source_remove);
  g_clear_object (&self->cancellable);
  self->job = NULL;
  if (!self->destroyed)
    show_busy (self, FALSE, dry_run);
  if (!self->closing && !self->destroyed)
    return result;

  if (!dry_run && result->ok && !self->destroyed)
    {
      g_autofree char *counts = report_counts (result->report);

      set_summary (self, counts);
      g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
    }
  job_result_free (result);
  if (!self->destroyed)
    gtk_widget_destroy (GTK_WIDGET (self));
  return NULL;
}

/* Says that a long file's preview lists only some rows. */
static void
add_preview_note (CagImportAssistant *self)
{
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;

  if (self->report->rows <= PREVIEW_FIRST_ROWS)
    return;
  note = g_strdup_printf (C_("import assistant",
                             "The list shows the first %u rows and the rows with a problem."),
                          PREVIEW_FIRST_ROWS);
  text = g_strdup_printf ("%s\n%s", self->summary, note);
  set_summary (self, text);
}

/* The summary of a dry run that found problems. */
static void
set_problems_summary (CagImportAssistant *self,
                      const char         *message,
                      GHashTable         *shown)
{
  GString *text = g_string_new (message);

  /* Problems of the whole file (missing columns), or of rows the preview
   * does not list, have no row to sit beside: they go under the summary. */
  for (guint i = 0, listed = 0; i < self->report->problems->len && listed < 20; i++)
    {
      const CagImportProblem *p = self->report->problems->pdata[i];

      if (!g_hash_table_contains (shown, GUINT_TO_POINTER (p->line)))
        {
          g_autofree char *line = cag_import_problem_to_string (p);

          g_string_append_printf (text, "\n%s", line);
          listed++;
        }
    }
  g_string_append_printf (text, "\n%s",
                          _("Correct the file in the spreadsheet, save it, then check it "
                            "again."));
  set_summary (self, text->str);
  g_string_free (text, TRUE);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  CagImportAssistant *self = CAG_IMPORT_ASSISTANT (source);
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  JobResult *result = finish_job (self, res);

  if (result == NULL)
    return;
  self->report = g_steal_pointer (&result->report);
  if (self->report == NULL)
    set_summary (self, result->error != NULL ? result->error->message : "");
  else
    {
      if (result->records != NULL)
        fill_preview (self, result->records, shown);
      if (result->ok)
        {
          g_autofree char *counts = report_counts (self->report);
          g_autofree char *text = g_strdup_printf ("%s %s", counts,
                                                   C_("import assistant",
                                                      "Nothing is written until you press "
                                                      "Apply."));

          set_summary (self, text);
          add_preview_note (self);
        }
      else
        {
          set_problems_summary (self, result->error->message, shown);
          add_preview_note (self);
        }
    }
  gtk_label_set_text (self->preview_label, self->summary);
  gtk_assistant_set_page_complete (GTK_ASSISTANT (self), self->preview_page, result->ok);
  job_result_free (result);
}

/* The dry run behind the preview page, in the worker thread. */
static void
check_file (CagImportAssistant *self)
{
  g_clear_pointer (&self->report, cag_import_report_free);
  gtk_list_store_clear (self->preview);
  gtk_assistant_set_page_complete (GTK_ASSISTANT (self), self->preview_page, FALSE);

  if (self->path == NULL || self->job != NULL)
    return;
  set_summary (self, C_("import assistant", "Checking every row of the file…"));
  gtk_label_set_text (self->preview_label, self->summary);
  start_job (self, TRUE, check_done_cb);
}

static void
update_choose_page (CagImportAssistant *self)
{
  gtk_assistant_set_page_complete (GTK_ASSISTANT (self), self->choose_page, self->path != NULL);
}

/* ---- Signal callbacks --------------------------------------------------- */

static void
file_set_cb (GtkFileChooserButton *button,
             CagImportAssistant   *self)
{
  g_free (self->path);
  self->path = gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (button));
  update_choose_page (self);
}

static void
campaign_changed_cb (GtkComboBox        *combo,
                     CagImportAssistant *self)
{
  const char *id = gtk_combo_box_get_active_id (combo);

  self->campaign_id = id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
}

static void
create_toggled_cb (GtkToggleButton    *check,
                   CagImportAssistant *self)
{
  self->create_organizations = gtk_toggle_button_get_active (check);
}

static void
cag_import_assistant_prepare (GtkAssistant *assistant,
                              GtkWidget    *page)
{
  CagImportAssistant *self = CAG_IMPORT_ASSISTANT (assistant);

  if (self->job != NULL && self->job->dry_run && page != self->preview_page)
    g_cancellable_cancel (self->cancellable);
  if (page == self->preview_page)
    check_file (self);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  CagImportAssistant *self = CAG_IMPORT_ASSISTANT (source);
  JobResult *result = finish_job (self, res);

  if (result == NULL)
    return;
  g_clear_pointer (&self->report, cag_import_report_free);
  self->report = g_steal_pointer (&result->report);
  if (result->ok)
    {
      g_autofree char *counts = report_counts (self->report);

      set_summary (self, counts);
      g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
    }
  else if (g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_summary (self, C_("import assistant",
                          "Import stopped: nothing was imported, the database is as it was."));
  else
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s",
                                               C_("import assistant", "Nothing was imported."),
                                               result->error->message);

      set_summary (self, text);
    }
  gtk_label_set_text (self->done_label, self->summary);
  gtk_assistant_set_page_complete (GTK_ASSISTANT (self), self->done_page, TRUE);
  job_result_free (result);
}

static void
cag_import_assistant_apply (GtkAssistant *assistant)
{
  CagImportAssistant *self = CAG_IMPORT_ASSISTANT (assistant);

  if (self->path == NULL || self->job != NULL)
    return;
  set_summary (self, C_("import assistant", "Importing…"));
  gtk_label_set_text (self->done_label, self->summary);
  gtk_assistant_set_page_complete (assistant, self->done_page, FALSE);
  start_job (self, FALSE, import_done_cb);
}

/* Stop, the assistant's Cancel and Close: a running job is cancelled (and
 * rolled back) first. */
static void
stop_clicked_cb (GtkButton          *button,
                 CagImportAssistant *self)
{
  cag_import_assistant_stop (self);
}

static void
close_or_stop (CagImportAssistant *self)
{
  if (self->job != NULL)
    {
      self->closing = TRUE;
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_widget_destroy (GTK_WIDGET (self));
}

static void
cag_import_assistant_close (GtkAssistant *assistant)
{
  close_or_stop (CAG_IMPORT_ASSISTANT (assistant));
}

static void
cag_import_assistant_cancel (GtkAssistant *assistant)
{
  close_or_stop (CAG_IMPORT_ASSISTANT (assistant));
}

static gboolean
cag_import_assistant_delete_event (GtkWidget   *widget,
                                   GdkEventAny *event)
{
  close_or_stop (CAG_IMPORT_ASSISTANT (widget));
  return TRUE;
}

/* ---- Construction ------------------------------------------------------- */

/* Destroyed with a job running (its parent went away): the job is
 * cancelled; its result is dropped when it comes. */
static void
cag_import_assistant_destroy (GtkWidget *widget)
{
  CagImportAssistant *self = CAG_IMPORT_ASSISTANT (widget);

  self->destroyed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_timer, g_source_remove);
  GTK_WIDGET_CLASS (cag_import_assistant_parent_class)->destroy (widget);
}

static void
cag_import_assistant_finalize (GObject *object)
{
  CagImportAssistant *self = CAG_IMPORT_ASSISTANT (object);

  g_free (self->path);
  g_free (self->summary);
  g_clear_handle_id (&self->progress_timer, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, cag_import_report_free);
  g_clear_object (&self->preview);
  G_OBJECT_CLASS (cag_import_assistant_parent_class)->finalize (object);
}

static void
cag_import_assistant_class_init (CagImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkAssistantClass *assistant_class = GTK_ASSISTANT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cag_import_assistant_finalize;
  widget_class->delete_event = cag_import_assistant_delete_event;
  widget_class->destroy = cag_import_assistant_destroy;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, choose_page);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, file_button);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, campaign_combo);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, create_check);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, preview_page);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, preview_label);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, preview_view);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, check_progress);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, check_stop);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, done_page);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, done_label);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, import_progress);
  gtk_widget_class_bind_template_child (widget_class, CagImportAssistant, import_stop);
  gtk_widget_class_bind_template_callback (widget_class, file_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, campaign_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  assistant_class->prepare = cag_import_assistant_prepare;
  assistant_class->apply = cag_import_assistant_apply;
  assistant_class->close = cag_import_assistant_close;
  assistant_class->cancel = cag_import_assistant_cancel;

  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
cag_import_assistant_init (CagImportAssistant *self)
{
  GtkFileFilter *csv = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();
  GType types[CAG_IMPORT_PREVIEW_N_COLUMNS];

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CAG_IMPORT_PREVIEW_N_COLUMNS; i++)
    types[i] = G_TYPE_STRING;
  self->preview = gtk_list_store_newv (CAG_IMPORT_PREVIEW_N_COLUMNS, types);
  gtk_tree_view_set_model (self->preview_view, GTK_TREE_MODEL (self->preview));

  /* GTK 3's file filters have no name property for the template. */
  gtk_file_filter_set_name (csv, C_("import assistant", "CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_filter_set_name (all, C_("import assistant", "All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_button), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_button), all);

  gtk_combo_box_text_append (self->campaign_combo, "0",
                             _("Named in the file’s campaign column"));
  /* For tests. */
  g_object_set_data (G_OBJECT (self), "import-progress", self->import_progress);
}

/* ---- Public API --------------------------------------------------------- */

CagImportAssistant *
cag_import_assistant_new (GtkWindow *parent,
                          CagStore  *store)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  CagImportAssistant *self;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CAG_TYPE_IMPORT_ASSISTANT, "use-header-bar", FALSE, NULL);
  self->store = store;
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_modal (GTK_WINDOW (self), TRUE);
    }

  campaigns = cag_store_campaign_list (store, NULL);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      CagCampaign *campaign = campaigns->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, campaign->id);

      gtk_combo_box_text_append (self->campaign_combo, id, campaign->name);
    }
  /* The last campaign is the current one in most networks. */
  gtk_combo_box_set_active (GTK_COMBO_BOX (self->campaign_combo),
                            campaigns != NULL && campaigns->len > 0 ? (gint) campaigns->len : 0);
  update_choose_page (self);
  return self;
}

void
cag_import_assistant_set_file (CagImportAssistant *self,
                               const char         *path)
{
  g_return_if_fail (CAG_IS_IMPORT_ASSISTANT (self));

  g_free (self->path);
  self->path = g_strdup (path);
  if (path != NULL)
    gtk_file_chooser_set_filename (GTK_FILE_CHOOSER (self->file_button), path);
  update_choose_page (self);
}

void
cag_import_assistant_set_campaign (CagImportAssistant *self,
                                   gint64              campaign_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, campaign_id);

  g_return_if_fail (CAG_IS_IMPORT_ASSISTANT (self));
  gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->campaign_combo), id);
}

void
cag_import_assistant_set_create_organizations (CagImportAssistant *self,
                                               gboolean            create)
{
  g_return_if_fail (CAG_IS_IMPORT_ASSISTANT (self));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->create_check), create);
}

GtkTreeModel *
cag_import_assistant_get_preview (CagImportAssistant *self)
{
  g_return_val_if_fail (CAG_IS_IMPORT_ASSISTANT (self), NULL);
  return self->report != NULL ? GTK_TREE_MODEL (self->preview) : NULL;
}

const CagImportReport *
cag_import_assistant_get_report (CagImportAssistant *self)
{
  g_return_val_if_fail (CAG_IS_IMPORT_ASSISTANT (self), NULL);
  return self->report;
}

const char *
cag_import_assistant_get_summary (CagImportAssistant *self)
{
  g_return_val_if_fail (CAG_IS_IMPORT_ASSISTANT (self), NULL);
  return self->summary;
}

gboolean
cag_import_assistant_is_busy (CagImportAssistant *self)
{
  g_return_val_if_fail (CAG_IS_IMPORT_ASSISTANT (self), FALSE);
  return self->job != NULL;
}

void
cag_import_assistant_stop (CagImportAssistant *self)
{
  g_return_if_fail (CAG_IS_IMPORT_ASSISTANT (self));
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_sensitive (self->check_stop, FALSE);
      gtk_widget_set_sensitive (self->import_stop, FALSE);
    }
}
