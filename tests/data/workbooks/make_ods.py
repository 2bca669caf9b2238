#!/usr/bin/env python3
"""Writes structure.ods beside this script: tests/data/bench-fixture/structure.csv as an
OpenDocument spreadsheet (sheet "Posts"), its numbers (ids, managers) stored as numbers, as a
spreadsheet stores what it reads as a number. Python's standard library only; the result is
committed so that the tests need no Python. Run it again after changing the fixture:

    python3 tests/data/workbooks/make_ods.py
"""
import csv
import os
import zipfile
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "bench-fixture", "structure.csv")
TARGET = os.path.join(HERE, "structure.ods")

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def cell(value):
    if value.isdigit():
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if value == "":
        return "<table:table-cell/>"
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def content(rows):
    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in rows)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content'
            ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            "<office:body><office:spreadsheet>"
            f"<table:table table:name={quoteattr('Posts')}>{body}</table:table>"
            "</office:spreadsheet></office:body></office:document-content>")


def main():
    with open(SOURCE, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    # A fixed date for every entry, so that the same input gives the same bytes.
    stamp = (2026, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(TARGET, "w") as z:
        # The mimetype entry first and uncompressed, as the OpenDocument format requires.
        z.writestr(zipfile.ZipInfo("mimetype", stamp),
                   "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr(zipfile.ZipInfo("META-INF/manifest.xml", stamp), MANIFEST, zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("content.xml", stamp), content(rows), zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()
