#!/usr/bin/env python3
# Checks that no two mnemonics collide within one dialog or window, in
# English and in French: parses every ui/*.ui file, takes each top-level
# object (a template, a popover, a menu) as one group (each page of a stack
# or notebook apart, with what surrounds it), and looks up the French of
# each underlined label in po/fr.po.  Usage:
#   check-mnemonics.py UI_DIR FR_PO
# Prints TAP; fails on the first collision, naming the two labels.
import glob
import os
import sys
import xml.etree.ElementTree as ET


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    s = s[1:-1]
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def read_po(path):
    """(msgctxt or None, msgid) -> msgstr, for singular entries."""
    entries = {}
    cur = {}
    key = None

    def flush():
        if 'msgid' in cur and 'msgstr' in cur and cur['msgstr']:
            entries[(cur.get('msgctxt'), cur['msgid'])] = cur['msgstr']

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('#~'):
                continue
            if not line.strip() or line.startswith('#'):
                if cur:
                    flush()
                    cur, key = {}, None
                continue
            if line.startswith('"'):
                if key is not None:
                    cur[key] += unquote(line)
                continue
            word, _, rest = line.partition(' ')
            if word in ('msgctxt', 'msgid', 'msgstr'):
                if word == 'msgctxt' and 'msgstr' in cur:
                    flush()
                    cur = {}
                key = word
                cur[key] = unquote(rest)
            else:
                key = None   # msgid_plural, msgstr[n]: plurals carry no mnemonics here
    if cur:
        flush()
    return entries


def underlined(obj):
    """(property element) for the labels of OBJ (not its children) that
    show a mnemonic."""
    props = {p.get('name').replace('_', '-'): p for p in obj.findall('property')}
    underline = props.get('use-underline')
    if underline is None or underline.text.strip().lower() not in ('true', '1', 'yes'):
        return None
    for name in ('label', 'title'):
        if name in props:
            return props[name]
    return None


def mnemonic(text):
    i = 0
    while i < len(text) - 1:
        if text[i] == '_':
            if text[i + 1] == '_':
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


# Buttons a dialog adds in code, beside its template (file -> labels).
IN_CODE = {
    'cag-org-dialog.ui': [(None, '_Cancel'), (None, '_Save'), ('org dialog', '_Add')],
    'cag-campaign-dialog.ui': [(None, '_Cancel'), (None, '_Save'), (None, 'C_reate')],
    'cag-record-dialog.ui': [(None, '_Cancel'), (None, '_Save')],
    'cag-batch-dialog.ui': [(None, '_Cancel'), (None, '_Save All')],
}


PAGED = ('GtkStack', 'GtkNotebook', 'GtkAssistant')


def label_of(obj):
    prop = underlined(obj)
    if prop is None:
        return None
    if prop.get('translatable', 'no') in ('yes', 'true', '1'):
        return (prop.get('context'), prop.text)
    return (None, prop.text)


def groups_of(obj):
    """Lists of labels shown together: only one page of a stack or notebook
    is mapped at a time (GTK activates only mapped mnemonics), so each page
    makes a group with what lies outside the pages."""
    own, paged = [], []

    def walk(node):
        label = label_of(node)
        if label is not None:
            own.append(label)
        for child in node.findall('child'):
            for sub in child.findall('object'):
                if node.get('class') in PAGED:
                    paged.append(groups_of(sub))
                else:
                    walk(sub)

    walk(obj)
    if not paged:
        return [own]
    groups = []
    for page_groups in paged:
        for group in page_groups:
            groups.append(own + group)
    return groups


def check_group(name, top, po, failures, counts):
    extra = list(IN_CODE.get(name.split('#')[0], [])) if top.tag == 'template' else []
    for labels in groups_of(top):
        check_labels(name, extra + labels, po, failures, counts)


def check_labels(name, labels, po, failures, counts):
    for lang in ('en', 'fr'):
        seen = {}
        for ctx, text in labels:
            shown = text
            if lang == 'fr':
                shown = po.get((ctx, text))
                if shown is None:
                    failures.append('%s: no French for “%s”%s' %
                                    (name, text, ' (context %s)' % ctx if ctx else ''))
                    continue
            key = mnemonic(shown)
            if key is None:
                continue     # use-underline without an underscore: no mnemonic to clash
            counts[0] += 1
            if key in seen and seen[key] != shown:
                failure = '%s (%s): “%s” and “%s” both use Alt+%s' % (
                    name, lang, seen[key], shown, key.upper())
                if failure not in failures:
                    failures.append(failure)
            seen[key] = shown


def main():
    ui_dir, po_path = sys.argv[1], sys.argv[2]
    po = read_po(po_path)
    files = sorted(glob.glob(os.path.join(ui_dir, '*.ui')))
    print('1..%d' % len(files))
    status = 0
    for n, path in enumerate(files, 1):
        root = ET.parse(path).getroot()
        failures, counts = [], [0]
        for top in list(root):
            if top.tag in ('object', 'template', 'menu'):
                group = '%s#%s' % (os.path.basename(path), top.get('id') or top.get('class'))
                check_group(group, top, po, failures, counts)
        if failures:
            status = 1
            print('not ok %d - %s' % (n, os.path.basename(path)))
            for f in failures:
                print('# ' + f)
        else:
            print('ok %d - %s (%d mnemonics, English and French)' %
                  (n, os.path.basename(path), counts[0]))
    return status


if __name__ == '__main__':
    sys.exit(main())
