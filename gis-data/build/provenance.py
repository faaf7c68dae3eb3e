"""Which document a cited line belongs to: gis-data/source_document.csv and source_part.csv.

source_document.csv describes each seed text (title, issuer, dates, SHA-256); source_part.csv the
notices a text reprints (the 2024 gazette carries notices of May–June 2022), by line range. A
citation takes the title and date of the part its line lies in, else of the whole document, so
that a quote from the gazette is dated by the notice that says it, not by the gazette.

The build stops if a seed's SHA-256 differs from the table: every line number cites that text.
"""
import csv
import hashlib
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)


def _rows(name):
    with open(os.path.join(OUT, name), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class Documents:
    def __init__(self, seeds_folder):
        self.docs = {d["file"]: d for d in _rows("source_document.csv")}
        self.parts = [dict(p, first_line=int(p["first_line"]), last_line=int(p["last_line"]))
                      for p in _rows("source_part.csv")]
        for p in self.parts:
            if p["file"] not in self.docs:
                raise SystemExit(f"source_part.csv: {p['file']} is not in source_document.csv")
        for name, d in self.docs.items():
            with open(os.path.join(seeds_folder, name), "rb") as fh:
                digest = hashlib.sha256(fh.read()).hexdigest()
            if digest != d["sha256"]:
                raise SystemExit(f"{name}: SHA-256 {digest} is not the {d['sha256']} that source_document.csv cites")

    def part_of(self, file, line):
        for p in self.parts:
            if p["file"] == file and p["first_line"] <= line <= p["last_line"]:
                return p
        return None

    def cite(self, file, line):
        """title and date (and, where given, document number and the publication it is in) of a line."""
        doc = self.docs[file]
        part = self.part_of(file, line)
        src = part or doc
        out = {"title": src["title_zh"], "date": src["dated_on"]}
        if src["doc_number"]:
            out["doc_number"] = src["doc_number"]
        if part:
            out["published_in"] = f"《{doc['title_zh']}》{doc['doc_number']}"
        return out

    def date_of(self, file, line):
        """The evidence date of a statement at this line: the date the stating text bears."""
        return self.cite(file, line)["date"]
