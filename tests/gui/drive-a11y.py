# Drives the running cagnotte through AT-SPI, as a screen reader sees it.
# Run by run-e2e.sh (example database, English) with Debian's python3.
#
# 1. One "As of" date everywhere: picks a date seven months back in the As of
#    popover and reads the overview's total, the Organizations tab's fund
#    column, the detail's subtitle and its Export Statement tooltip.
# 2. Walks the accessibility tree of every view (overview, organizations,
#    detail, budgets) and every dialog, and fails on a control without a name
#    or a table column whose cells are all unnamed (docs/GUI.md,
#    "Accessibility").
import datetime
import sys
import time

import dogtail.config
dogtail.config.config.checkForA11y = False
dogtail.config.config.searchCutoffCount = 20
dogtail.config.config.actionDelay = 0.1
from dogtail import tree  # noqa: E402
import pyatspi  # noqa: E402

CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box",
    "text", "password text", "spin button", "slider", "page tab", "menu item",
    "check menu item", "radio menu item", "table", "tree table", "tree",
}
TABLE_ROLES = {"table", "tree table"}
failures = []
n_test = 0


def fail(message):
    print("not ok - " + message)
    sys.exit(1)


def ok(message):
    global n_test
    n_test += 1
    print("ok %d - %s" % (n_test, message))


def find_app():
    deadline = time.time() + 30
    while time.time() < deadline:
        for app in tree.root.applications():
            if app.name.lower() in ("cagnotte", "cagnotte-app"):
                return app
        time.sleep(0.5)
    fail("cagnotte never appeared on the accessibility bus")


def wait_for(predicate, what, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            found = predicate()
        except Exception:  # a node went away while looking: look again
            found = None
        if found:
            return found
        time.sleep(0.3)
    fail("timed out waiting for " + what)


def find(node, pred):
    return node.findChild(pred, retry=False, requireResult=False)


def find_all(node, pred):
    return node.findChildren(pred)


def showing(n):
    try:
        return n.showing
    except Exception:
        return False


def button(node, name, role="push button"):
    return wait_for(lambda: find(node, lambda n: n.roleName == role and n.name == name
                                 and showing(n)), "the %s %r" % (role, name))


def path_of(node):
    parts = []
    while node is not None and node.roleName not in ("frame", "dialog", "application"):
        parts.append("%s %r" % (node.roleName, node.name))
        node = node.parent
    return " < ".join(parts[:3])


def walk(node, where, depth=0):
    """Unnamed showing controls, and table columns whose cells are all empty."""
    if depth > 40 or not showing(node):
        return
    role = node.roleName
    if role in CONTROL_ROLES and not node.name.strip():
        failures.append("%s: unnamed %s (%s)" % (where, role, path_of(node)))
    if role in TABLE_ROLES:
        check_table(node, where)
        return
    for child in node.children:
        walk(child, where, depth + 1)


def readable(cell):
    """A cell a screen reader can read: it has a name, or it is a text cell
    (an empty text is read as blank), or a check box cell (read as checked
    or not).  A progress bar or picture cell without a name is not."""
    if cell is None or cell.name.strip():
        return True
    try:
        cell.queryText()
        return True
    except NotImplementedError:
        pass
    state = cell.getState()
    if state.contains(pyatspi.STATE_CHECKABLE) or state.contains(pyatspi.STATE_CHECKED):
        return True
    try:
        action = cell.queryAction()
        return any(action.getName(i) == "toggle" for i in range(action.nActions))
    except NotImplementedError:
        return False


def check_table(table, where):
    """Column headers named; the cells of the first rows readable."""
    try:
        t = table.queryTable()
    except NotImplementedError:
        return
    for c in range(t.nColumns):
        header = t.getColumnHeader(c)
        title = header.name if header is not None else ""
        if header is not None and not title.strip():
            failures.append("%s: %r has a column without a name" % (where, table.name))
        for r in range(min(t.nRows, 8)):
            if not readable(t.getAccessibleAt(r, c)):
                failures.append("%s: %r column %r: row %d is unnamed and not text"
                                % (where, table.name, title, r))
                break


# Views allowed to report without failing (none: every view must pass).
EXPECTED = {}


def check(node, where):
    before = len(failures)
    walk(node, where)
    found = failures[before:]
    for f in found:
        print("# " + f)
    if found and where in EXPECTED:
        del failures[before:]
        ok("%s # TODO %s" % (where, EXPECTED[where]))
        return
    if found:
        print("not ok - %s: unnamed controls or data cells (above)" % where)
        return
    ok("%s: every control and data cell is named" % where)


def close_dialog(dialog):
    for name in ("Cancel", "Close"):
        b = find(dialog, lambda n: n.roleName == "push button" and n.name == name)
        if b is not None:
            b.doActionNamed("click")
            return
    dialog.keyCombo("<Escape>")


def open_menu_item(frame, app, label):
    frame.child(name="Main menu", roleName="toggle button").doActionNamed("click")
    item = wait_for(lambda: find(app, lambda n: n.name == label and showing(n)
                                 and n.roleName in ("push button", "menu item", "check box")),
                    "the menu item " + label)
    item.doActionNamed("click")


def dialog_named(app, name):
    return wait_for(lambda: find(app, lambda n: n.roleName in ("dialog", "frame", "window")
                                 and name in n.name and showing(n)), "the dialog " + name)


app = find_app()
frame = wait_for(lambda: find(app, lambda n: n.roleName == "frame"), "the main window")
wait_for(lambda: find(frame, lambda n: n.roleName in TABLE_ROLES and n.name == "Funds"),
         "the overview's list")

# ---- 1. One "As of" date everywhere -------------------------------------------
today = datetime.date.today()
y, m = today.year, today.month - 7
while m < 1:
    m += 12
    y -= 1
past = datetime.date(y, m, 20)
past_text = "%s %d, %d" % (past.strftime("%B"), past.day, past.year)

as_of = wait_for(
    lambda: find(frame, lambda n: n.roleName == "toggle button" and n.name.startswith("As of")),
    "the As of button")
as_of.doActionNamed("click")
prev = button(app, "Previous month")
check(prev.parent.parent, "As of calendar")
for _ in range(7):
    prev.doActionNamed("click")
button(app, past_text).doActionNamed("click")
wait_for(lambda: "Not today" in as_of.name and past_text in as_of.name, "the As of button's date")
as_of.keyCombo("<Escape>")


def figure_shown(text):
    return find(frame, lambda n: n.roleName == "label" and n.name == text and showing(n))


# Six months of $125 (org 0) and four of $100 (org 1), as in test-gui.c.
wait_for(lambda: figure_shown("$1,150.00"), "the overview's total as of " + past_text)
# A drop-down is named by its label, not by its value.
campaign = find(frame, lambda n: n.roleName == "combo box" and showing(n))
if campaign is None or campaign.name != "Campaign":
    fail("the campaign drop-down is not named by its label: %r"
         % (campaign.name if campaign else None))
ok("the overview's total follows the As of date")

frame.child(name="Organizations", roleName="radio button").doActionNamed("click")
orgs = wait_for(lambda: find(frame, lambda n: n.roleName in TABLE_ROLES
                             and n.name == "Organizations" and showing(n)), "the organizations")
wait_for(lambda: find(orgs, lambda n: n.roleName == "table cell"
                      and n.name.startswith("$750.00")), "the fund column as of " + past_text)
ok("the Organizations tab's fund column follows the As of date")
check(frame, "organizations")

frame.child(name="Overview", roleName="radio button").doActionNamed("click")
funds = wait_for(lambda: find(frame, lambda n: n.roleName in TABLE_ROLES and n.name == "Funds"
                              and showing(n)), "the funds")
check(frame, "overview")
cell = wait_for(lambda: find(funds, lambda n: n.roleName == "table cell"
                             and n.name == "Coopérative du Quartier"), "the first fund")
cell.grabFocus()
cell.doActionNamed("activate")
wait_for(lambda: find(frame, lambda n: n.roleName == "label"
                      and ("figures as of " + past_text) in n.name), "the detail's subtitle")
export = button(frame, "Export Statement…")
if past_text not in (export.description or ""):
    fail("the Export Statement tooltip does not name the date: %r" % export.description)
ok("the detail's subtitle and Export Statement tooltip follow the As of date")
check(frame, "detail")

# ---- 2. Dialogs and the budgets page ------------------------------------------
# The Void dialog, for the ledger's first row.
ledger = wait_for(lambda: find(frame, lambda n: n.roleName in TABLE_ROLES and showing(n)
                               and n.name != "Funds"), "the ledger")
first = wait_for(lambda: find(ledger, lambda n: n.roleName == "table cell"), "a ledger row")
if not ledger.queryTable().addRowSelection(0):
    fail("could not select the ledger's first row")
void = button(frame, "Void…")
wait_for(lambda: void.sensitive, "Void… to be enabled")
void.doActionNamed("click")
dialog = dialog_named(app, "Void")
check(dialog, "Void dialog")
close_dialog(dialog)
wait_for(lambda: not showing(dialog), "the Void dialog to close")

button(frame, "Record a Contribution…").doActionNamed("click")
dialog = dialog_named(app, "Record Contribution")
check(dialog, "Record Contribution dialog")
cal = find(dialog, lambda n: n.roleName == "toggle button" and n.name.startswith("Choose the date"))
if cal is not None:
    cal.doActionNamed("click")
    picker = wait_for(lambda: find(app, lambda n: n.roleName == "push button"
                                   and n.name == "Previous month" and showing(n)),
                      "the Record dialog's calendar")
    check(picker.parent.parent, "Record dialog's calendar")
    picker.keyCombo("<Escape>")
close_dialog(dialog)

for label, title in (("Batch Entry…", "Batch"), ("Campaign and Fund Settings…", "Campaign"),
                     ("Preferences", "Preferences")):
    open_menu_item(frame, app, label)
    dialog = dialog_named(app, title)
    check(dialog, title + " dialog")
    close_dialog(dialog)
    wait_for(lambda: not showing(dialog), "the %s dialog to close" % title)

frame.child(name="Organizations", roleName="radio button").doActionNamed("click")
button(frame, "Add Organization…").doActionNamed("click")
dialog = dialog_named(app, "Organization")
check(dialog, "New Organization dialog")
close_dialog(dialog)
wait_for(lambda: not showing(dialog), "the New Organization dialog to close")

frame.child(name="Budgets", roleName="radio button").doActionNamed("click")
wait_for(lambda: find(frame, lambda n: n.roleName == "page tab" and showing(n)),
         "the Budgets page")
# Its tables are filled a moment later.
wait_for(lambda: len(find_all(frame, lambda n: n.roleName in TABLE_ROLES and showing(n))) >= 2,
         "the Budgets page's tables")
check(frame, "budgets")

print("1..%d" % n_test)
if failures:
    print("# %d unnamed controls or data cells" % len(failures))
    sys.exit(1)
