"""Print workbooks through LibreOffice and find clipped rows, in one headless soffice session (Python UNO).

usage: /usr/bin/python3 lo-print.py PROFILE_DIR OUT_DIR FILE.xlsx...

For every file: export it to OUT_DIR/<name>.pdf exactly as `soffice --convert-to pdf` would, then, for every
visible sheet, compare each row's stored height with the height LibreOffice needs to show the row's text
(its optimal height). Prints one JSON object: {"<file name>": {"<sheet>": [[row, stored, needed], ...]}}
with heights in points, listing only rows that are short by more than a quarter of a line.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(profile):
    pipe = "luoshi%d" % os.getpid()
    proc = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--norestore",
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("soffice did not start")


QUARTER_LINE = 0.25 * 14.5  # points


def clipped_rows(doc):
    out = {}
    sheets = doc.Sheets
    for i in range(sheets.Count):
        sheet = sheets.getByIndex(i)
        if not sheet.IsVisible:
            continue
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last = cursor.RangeAddress.EndRow
        rows = sheet.Rows
        short = []
        for r in range(last + 1):
            row = rows.getByIndex(r)
            stored = row.Height / 100 * 72 / 25.4
            row.OptimalHeight = True
            needed = row.Height / 100 * 72 / 25.4
            if needed > stored + QUARTER_LINE:
                short.append([r + 1, round(stored, 1), round(needed, 1)])
        out[sheet.Name] = short
    return out


def main():
    profile, out_dir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    proc, desktop = connect(profile)
    result = {}
    try:
        for f in files:
            url = uno.systemPathToFileUrl(os.path.abspath(f))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            name = os.path.splitext(os.path.basename(f))[0]
            pdf = uno.systemPathToFileUrl(os.path.join(os.path.abspath(out_dir), name + ".pdf"))
            doc.storeToURL(pdf, (prop("FilterName", "calc_pdf_Export"),))
            result[os.path.basename(f)] = clipped_rows(doc)
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=60)
    print(json.dumps(result, ensure_ascii=False))


main()
