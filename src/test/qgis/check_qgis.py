#!/usr/bin/python3
"""What QGIS (PyQGIS, headless) makes of the viewer: every collection through its OGC API -
Features provider, an attribute filter and an extent, the parcels' vector tiles with the served
Mapbox GL style, an exported GeoPackage with its stored style, and a render to PNG.

    /usr/bin/python3 check_qgis.py BASE_URL OUT_DIR

Writes OUT_DIR/qgis-result.json (read by QgisClientTest, which checks the figures against SQL)
and OUT_DIR/qgis-render.png. Needs Debian's qgis and python3-qgis (./planview test --qgis).
"""
import http.server
import json
import os
import sys
import threading
import urllib.error
import urllib.request

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsMapRendererParallelJob,  # noqa: E402
                       QgsMapSettings, QgsRectangle, QgsVectorLayer, QgsVectorTileLayer, QgsWkbTypes,
                       QgsCoordinateTransform, QgsProject)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

SERVER, OUT = sys.argv[1].rstrip("/"), sys.argv[2]
os.makedirs(OUT, exist_ok=True)
requested = []


class Recorder(http.server.BaseHTTPRequestHandler):
    """Relays QGIS's requests to the server and notes each path: what QGIS asked the server for."""

    def do_GET(self):
        requested.append(self.path)
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("accept", "accept-language")}
        headers["X-Forwarded-Host"] = self.headers.get("Host")  # so that the server's links lead back here
        upstream = urllib.request.Request(SERVER + self.path, headers=headers)
        try:
            with urllib.request.urlopen(upstream) as r:
                status, headers, body = r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            status, headers, body = e.code, e.headers, e.read()
        self.send_response(status)
        for k in ("Content-Type", "Content-Crs"):
            if headers.get(k):
                self.send_header(k, headers.get(k))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
threading.Thread(target=proxy.serve_forever, daemon=True).start()
BASE = "http://127.0.0.1:%d" % proxy.server_address[1]

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()



def get_json(path):
    with urllib.request.urlopen(urllib.request.Request(BASE + path, headers={"Accept": "application/json"})) as r:
        return json.load(r)


def oapif(collection, extra=""):
    return QgsVectorLayer("url='%s' typename='%s'%s" % (BASE, collection, extra), collection, "OAPIF")


result = {"qgis": Qgis.QGIS_VERSION, "collections": {}}

# 1. every collection, every feature
for c in get_json("/collections")["collections"]:
    layer = oapif(c["id"])
    entry = {"valid": layer.isValid(), "layerGeometry": QgsWkbTypes.displayString(layer.wkbType()) if layer.isValid() else None}
    if layer.isValid():
        kinds, count, chinese = set(), 0, None
        for f in layer.getFeatures():
            count += 1
            if f.hasGeometry():
                kinds.add(QgsWkbTypes.geometryDisplayString(QgsWkbTypes.geometryType(f.geometry().wkbType())))
            if chinese is None and layer.fields().indexOf("name_zh") >= 0:
                chinese = f["name_zh"]
        entry.update({"features": count, "geometryTypes": sorted(kinds), "firstNameZh": chinese})
    result["collections"][c["id"]] = entry

# 2. an attribute filter, and whether QGIS sent it to the server
parcels = oapif("land-parcels")
before = len(requested)
parcels.setSubsetString("\"land_use_code\" = '1001'")
count = sum(1 for _ in parcels.getFeatures())
urls = [u for u in requested[before:] if "/items" in u]
result["filter"] = {"expression": "land_use_code = '1001'", "features": count, "urls": urls,
                    "pushedToServer": any("land_use_code" in u for u in urls)}

# 3. an extent: with "only request features overlapping the view extent" QGIS sends it as bbox
box = QgsRectangle(109.44, 24.34, 109.47, 24.37)
parcels = oapif("land-parcels", " restrictToRequestBBOX='1'")
before = len(requested)
result["extent"] = {"bbox": [109.44, 24.34, 109.47, 24.37],
                    "features": sum(1 for _ in parcels.getFeatures(QgsFeatureRequest().setFilterRect(box))),
                    "urls": [u for u in requested[before:] if "/items" in u]}

# 4. the parcels' vector tiles with the style the server generates
tiles_url = BASE + "/collections/land-parcels/tiles/WebMercatorQuad/{z}/{y}/{x}"
style_url = BASE + "/collections/land-parcels/styles/default"
tiles = QgsVectorTileLayer("type=xyz&url=%s&zmin=10&zmax=20&styleUrl=%s" % (tiles_url, style_url), "parcel tiles")
tiles_entry = {"valid": tiles.isValid()}
if tiles.isValid():
    message, ok = tiles.loadDefaultStyle()
    styles = tiles.renderer().styles() if tiles.renderer() else []
    tiles_entry.update({"styleLoaded": ok, "message": message, "rendererStyles": len(styles)})
result["tiles"] = tiles_entry

# 5. an exported GeoPackage opens with the planning colours it stores (layer_styles)
gpkg = os.path.join(OUT, "qgis-land-parcels.gpkg")
urllib.request.urlretrieve(BASE + "/collections/land-parcels/export?format=gpkg", gpkg)
stored = QgsVectorLayer(gpkg + "|layername=land-parcels", "gpkg", "ogr")
renderer = stored.renderer()
gpkg_entry = {"valid": stored.isValid(), "renderer": renderer.type() if renderer else None}
if renderer and renderer.type() == "categorizedSymbol":
    gpkg_entry["attribute"] = renderer.classAttribute()
    gpkg_entry["categories"] = {str(cat.value()): cat.symbol().color().name() for cat in renderer.categories()}
gpkg_entry["labels"] = stored.labelsEnabled()
result["gpkg"] = gpkg_entry

# 6. a render: projects, structure and zones (each with the QML style the server generates) over the
#    parcel tiles (with the Mapbox GL style), in Web Mercator
layers = []
for i in ("projects", "spatial-structure-nodes", "spatial-structure-axes", "planning-zones"):
    layer = oapif(i)
    if not layer.isValid():
        continue
    qml = os.path.join(OUT, "qgis-%s.qml" % i)
    urllib.request.urlretrieve(BASE + "/collections/%s/styles/default?f=qml" % i, qml)
    message, ok = layer.loadNamedStyle(qml)
    result["collections"][i]["servedQmlApplied"] = ok
    layers.append(layer)
project = QgsProject.instance()
for l in layers + [tiles]:
    project.addMapLayer(l)
settings = QgsMapSettings()
settings.setLayers(layers + [tiles])
mercator = QgsCoordinateReferenceSystem("EPSG:3857")
settings.setDestinationCrs(mercator)
view = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), mercator, project).transformBoundingBox(
    QgsRectangle(109.43, 24.34, 109.49, 24.38))
settings.setExtent(view)
settings.setOutputSize(QSize(1200, 900))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererParallelJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
png = os.path.join(OUT, "qgis-render.png")
image.save(png, "png")
colours, painted, step = set(), 0, 4
for x in range(0, image.width(), step):
    for y in range(0, image.height(), step):
        rgb = image.pixel(x, y) & 0xFFFFFF
        colours.add(rgb)
        painted += rgb != 0xFFFFFF
samples = (image.width() // step) * (image.height() // step)
result["render"] = {"png": png, "width": image.width(), "height": image.height(), "paintedShare": painted / samples,
                    "distinctColours": len(colours)}

result["allRequests"] = requested
with open(os.path.join(OUT, "qgis-result.json"), "w", encoding="utf-8") as f:
    json.dump(result, f, ensure_ascii=False, indent=1)
# QGIS 3.22 can crash while tearing down network threads at exit; the result is written, so leave now.
sys.stdout.flush()
os._exit(0)
