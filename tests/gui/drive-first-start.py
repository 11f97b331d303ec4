# The first start of a French user, through AT-SPI: run by run-e2e.sh with
# CAGNOTTE_E2E_FRESH=1 and CAGNOTTE_E2E_LANG=fr_CA.UTF-8 (no LANGUAGE, no
# CAGNOTTE_LOCALEDIR, the locale usually not generated): the program straight
# from the build tree must speak French, and the welcome page's focus must be
# on "Créer une campagne…" (docs/GUI.md, "Language" and "Empty views").
import sys
import time

import dogtail.config
dogtail.config.config.checkForA11y = False
dogtail.config.config.searchCutoffCount = 30
from dogtail import tree  # noqa: E402


def fail(message):
    print("not ok - " + message)
    sys.exit(1)


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
        found = predicate()
        if found:
            return found
        time.sleep(0.3)
    fail("timed out waiting for " + what)


print("1..4")
app = find_app()
frame = wait_for(lambda: app.child(roleName="frame"), "the main window")
names = [n.name for n in frame.findChildren(lambda n: n.roleName == "label")]
if "Bienvenue dans Cagnotte" not in names:
    fail("the welcome page is not in French: " + repr(names[:10]))
if "Welcome to Cagnotte" in names:
    fail("English shown beside French")
print("ok 1 - the welcome page is in French")

create = wait_for(lambda: frame.findChild(
    lambda n: n.roleName == "push button" and n.name == "Créer une campagne…",
    retry=False, requireResult=False), "the Create a Campaign button")
wait_for(lambda: create.focused, "the focus on Créer une campagne…")
print("ok 2 - the focus starts on Créer une campagne…")

# The calendar of the campaign dialog names its months in French.
create.doActionNamed("click")
dialog = wait_for(lambda: app.findChild(
    lambda n: n.roleName == "dialog", retry=False, requireResult=False), "the campaign dialog")
print("# dialog: %s" % dialog.name)
if not any(c in dialog.name for c in ("campagne", "Campagne")):
    fail("the campaign dialog is not in French: " + dialog.name)
print("ok 3 - the campaign dialog is in French")
dialog.keyCombo("<Escape>")
wait_for(lambda: not dialog.showing, "the campaign dialog to close")

# The example data opens as of September 15, 2004: its As of calendar names
# months and days in French though fr_CA is not a generated locale here
# (GtkCalendar would say "September" and "Sun").
frame.findChild(lambda n: n.roleName == "push button"
                and n.name == "Essayer les données d’exemple").doActionNamed("click")
as_of = wait_for(lambda: frame.findChild(
    lambda n: n.roleName == "toggle button" and n.name.startswith("En date du 15"),
    retry=False, requireResult=False), "the En date du button")
as_of.doActionNamed("click")
heading = wait_for(lambda: app.findChild(
    lambda n: n.roleName == "label" and n.name == "septembre 2004" and n.showing,
    retry=False, requireResult=False), "the calendar's heading « septembre 2004 »")
days = [n.name for n in heading.parent.parent.findChildren(
    lambda n: n.roleName == "label" and n.showing)]
if "dim." not in days or "lun." not in days:
    fail("the calendar's days are not in French: %r" % days)
# (French dates keep the day and month together with a no-break space.)
if not app.findChild(lambda n: n.roleName == "push button"
                     and n.name.replace("\u00a0", " ") == "15 septembre 2004",
                     retry=False, requireResult=False):
    fail("the calendar's days are not named in French")
print("ok 4 - the As of calendar speaks French")
