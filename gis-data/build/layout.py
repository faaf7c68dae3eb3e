"""Schematic layout of Liudong New District, drawn by hand from the planning texts.

Nothing here is surveyed. Positions follow what the texts say (zones east of the Liujiang,
the towns of 雒容 and 洛埠 in the north-east, 官塘 by the river) and general knowledge of
the district's shape; every polygon is marked geometry_quality = schematic.

Coordinates are lon/lat (CGCS2000 ~ WGS 84 at this scale). Buffers are computed in a local
kilometre grid so that widths are in metres rather than degrees.
"""
from shapely.geometry import Polygon, LineString, Point, MultiPolygon
from shapely.ops import transform, unary_union

import districts

LON0, LAT0 = 109.44, 24.28
KX, KY = 101.4, 110.8  # km per degree of lon / lat at 24.4°N


def to_km(g):
    return transform(lambda x, y, z=None: ((x - LON0) * KX, (y - LAT0) * KY), g)


def to_deg(g):
    return transform(lambda x, y, z=None: (x / KX + LON0, y / KY + LAT0), g)


def buffer_m(g, metres):
    return to_deg(to_km(g).buffer(metres / 1000.0, cap_style=2, join_style=2))


def polygons(g, min_km2=0.01):
    """The polygonal parts of an overlay result (which may hold stray lines and points), without slivers."""
    parts = []

    def walk(x):
        if x.geom_type == "Polygon":
            if to_km(x).area >= min_km2:
                parts.append(x)
        elif hasattr(x, "geoms"):
            for y in x.geoms:
                walk(y)

    walk(g)
    return unary_union(parts)


# ---- the city districts Liudong lies in (shipped district layer) -------------------------
# The texts do not say which districts' land Liudong takes; the drawing keeps to the three city
# districts it covers in the district layer (城中区, 鱼峰区, 柳北区) and out of the counties
# (鹿寨县, 柳城县) and the other districts. The layer is coarse (~100 m): the outline is clipped to
# it exactly, so that the two agree.
HOST_DISTRICTS = ("城中区", "鱼峰区", "柳北区")
HOST = unary_union([g for _, name, g in districts.read() if name in HOST_DISTRICTS])

# ---- rivers (schematic centre lines) -------------------------------------------------
# Drawn by judgement. The Liujiang passes the district on its west and south and flows on east
# (downstream: 江口, 导江 — both in 鹿寨县, which the city plan's “导江—江口沿江经济带” puts
# along the river, 002 line 305); the Luoqing River comes down from the north-east past 洛埠 and
# 雒容 and joins it at 江口, south-south-east of 雒容.
LIUJIANG_LINE = LineString([
    (109.395, 24.525), (109.402, 24.47), (109.410, 24.42), (109.418, 24.38), (109.425, 24.35),
    (109.432, 24.325), (109.443, 24.306), (109.46, 24.296), (109.48, 24.288), (109.50, 24.279),
    (109.515, 24.266), (109.530, 24.252), (109.550, 24.247), (109.580, 24.251), (109.610, 24.254),
    (109.640, 24.251), (109.670, 24.244), (109.700, 24.237), (109.740, 24.224)])
LUOQINGJIANG_LINE = LineString([
    (109.700, 24.575), (109.665, 24.545), (109.640, 24.520), (109.632, 24.490), (109.628, 24.460),
    (109.618, 24.432), (109.616, 24.405), (109.612, 24.380), (109.606, 24.352), (109.601, 24.322),
    (109.604, 24.292), (109.613, 24.268), (109.624, 24.252)])
LIUJIANG = buffer_m(LIUJIANG_LINE, 180)        # ~360 m wide channel
LUOQINGJIANG = buffer_m(LUOQINGJIANG_LINE, 60)  # ~120 m wide channel
RIVERS = unary_union([LIUJIANG, LUOQINGJIANG])

# ---- the district as a whole (schematic), inside its city districts, minus the rivers --------
LIUDONG_SKETCH = Polygon([
    (109.446, 24.312), (109.440, 24.330), (109.452, 24.345), (109.462, 24.360), (109.463, 24.430),
    (109.490, 24.442), (109.528, 24.442), (109.552, 24.462), (109.568, 24.478), (109.572, 24.500),
    (109.575, 24.518), (109.600, 24.518), (109.628, 24.518), (109.640, 24.500), (109.652, 24.460),
    (109.668, 24.425), (109.688, 24.395), (109.690, 24.372), (109.668, 24.352), (109.630, 24.346),
    (109.600, 24.346), (109.572, 24.342), (109.556, 24.335), (109.550, 24.310), (109.540, 24.288),
    (109.530, 24.270), (109.515, 24.265), (109.500, 24.275), (109.480, 24.290), (109.460, 24.300)])
LIUDONG_OUTLINE = polygons(LIUDONG_SKETCH.intersection(HOST))
LIUDONG = polygons(LIUDONG_OUTLINE.difference(RIVERS), min_km2=0.5)  # no slivers beyond a river

# ---- three functional zones: a partition of the district -----------------------------
_Z1_CUT = Polygon([(109.40, 24.20), (109.56, 24.20), (109.556, 24.335), (109.525, 24.372),
                   (109.40, 24.372)])
_Z3_CUT = Polygon([(109.588, 24.20), (109.80, 24.20), (109.80, 24.60), (109.60, 24.60),
                   (109.598, 24.47), (109.585, 24.40), (109.583, 24.33)])
Z1 = LIUDONG.intersection(_Z1_CUT)
Z3 = LIUDONG.difference(_Z1_CUT).intersection(_Z3_CUT)
Z2 = LIUDONG.difference(_Z1_CUT).difference(_Z3_CUT)
ZONES = {"Z1": Z1, "Z2": Z2, "Z3": Z3}


def box(x0, y0, x1, y1, zone):
    """A schematic rectangle, clipped to its zone so that it never leaves it."""
    return Polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)]).intersection(ZONES[zone])


def poly(coords, zone):
    return Polygon(coords).intersection(ZONES[zone])


# ---- four producer-service parks ----------------------------------------------------
PARKS = {
    "P1": box(109.452, 24.318, 109.478, 24.343, "Z1"),   # 科教创业园 around 职教园
    "P2": box(109.512, 24.280, 109.545, 24.305, "Z1"),   # 保税物流园 by the river, 官塘港
    "P3": box(109.487, 24.330, 109.512, 24.352, "Z1"),   # 金融科创园 in the centre
    "P4": box(109.470, 24.298, 109.505, 24.316, "Z1"),   # 高新孵化园 by 滨江 / 科技园
}

# ---- seven industrial clusters --------------------------------------------------------
CLUSTERS = {
    "C1": box(109.490, 24.375, 109.540, 24.412, "Z2"),   # 汽车综合产业区 (车园)
    "C2": box(109.536, 24.418, 109.584, 24.470, "Z2"),   # 新能源汽车产业区 (中欧)
    "C3": box(109.464, 24.388, 109.487, 24.428, "Z2"),   # 智能交通产业区
    "C4": box(109.548, 24.376, 109.580, 24.412, "Z2"),   # 电子光电产业区
    "C5": box(109.492, 24.416, 109.530, 24.440, "Z2"),   # 装备制造产业区
    "C6": box(109.622, 24.368, 109.668, 24.410, "Z3"),   # 新材料产业区 (雒容东)
    "C7": box(109.530, 24.340, 109.572, 24.370, "Z2"),   # 新一代信息技术产业区
}

# ---- 片区 named by the texts (schematic) -------------------------------------------------
LOCALITIES = {
    "L_GUANTANG": Polygon([(109.470, 24.291), (109.505, 24.291), (109.505, 24.318), (109.470, 24.318)]),
    "L_BINJIANG": Polygon([(109.446, 24.306), (109.472, 24.300), (109.474, 24.318), (109.450, 24.322)]),
    "L_JIANGBIN": Polygon([(109.505, 24.272), (109.535, 24.268), (109.545, 24.290), (109.512, 24.298)]),
    "L_ZHIJIAOYUAN": Polygon([(109.452, 24.318), (109.478, 24.318), (109.478, 24.343), (109.452, 24.343)]),
    "L_CENTRE": Polygon([(109.485, 24.328), (109.515, 24.328), (109.515, 24.354), (109.485, 24.354)]),
    "L_LONGHU": Polygon([(109.500, 24.352), (109.522, 24.352), (109.522, 24.370), (109.500, 24.370)]),
    "L_HUALING": Polygon([(109.463, 24.352), (109.490, 24.352), (109.490, 24.388), (109.463, 24.388)]),
    "L_HUALING_N": Polygon([(109.463, 24.388), (109.490, 24.388), (109.490, 24.400), (109.463, 24.400)]),
    "L_CHEYUAN": Polygon([(109.490, 24.372), (109.545, 24.372), (109.545, 24.415), (109.490, 24.415)]),
    "L_ZHONGOU": Polygon([(109.534, 24.415), (109.586, 24.415), (109.586, 24.472), (109.534, 24.472)]),
    "L_FENGHUANGLING": Polygon([(109.586, 24.428), (109.612, 24.428), (109.612, 24.462), (109.586, 24.462)]),
    "L_GAOTIE": Polygon([(109.575, 24.346), (109.600, 24.346), (109.600, 24.372), (109.575, 24.372)]),
    "L_XIUSHUI": Polygon([(109.600, 24.347), (109.625, 24.347), (109.625, 24.368), (109.600, 24.368)]),
    "L_SOUTH": Polygon([(109.520, 24.300), (109.552, 24.300), (109.552, 24.330), (109.520, 24.330)]),
    "L_NORTH": Polygon([(109.570, 24.478), (109.604, 24.478), (109.604, 24.530), (109.570, 24.530)]),
    "L_LUORONG": Polygon([(109.588, 24.385), (109.618, 24.385), (109.618, 24.420), (109.588, 24.420)]),
    "L_LUORONG_E": Polygon([(109.618, 24.368), (109.668, 24.368), (109.668, 24.420), (109.618, 24.420)]),
    "L_LUOBU": Polygon([(109.604, 24.470), (109.640, 24.470), (109.640, 24.512), (109.604, 24.512)]),
}
# the hand-drawn 片区 stay inside the district and out of the rivers
LOCALITIES = {k: v.intersection(LIUDONG) for k, v in LOCALITIES.items()}

# ---- schematic roads (centre lines) ---------------------------------------------------
# (id, name_zh, name_en, class, coordinates); class sets the corridor kept free of parcels
ROADS = [
    ("R_GUANTANG_DADAO", "官塘大道", "Guantang Avenue", "trunk",
     [(109.481, 24.293), (109.487, 24.330), (109.492, 24.372), (109.498, 24.410), (109.503, 24.440)]),
    ("R_GUANTANG_BRIDGE", "官塘大桥", "Guantang Bridge", "trunk",
     [(109.477, 24.278), (109.481, 24.293)]),
    ("R_XINLIU_DADAO", "新柳大道", "Xinliu Avenue", "trunk",
     [(109.446, 24.338), (109.485, 24.341), (109.520, 24.346), (109.560, 24.352), (109.600, 24.362)]),
    ("R_LONGLING_DADAO", "龙岭大道", "Longling Avenue", "trunk",
     [(109.464, 24.372), (109.510, 24.378), (109.560, 24.386), (109.585, 24.388)]),
    ("R_CHUANGYE_DADAO", "创业大道", "Chuangye Avenue", "trunk",
     [(109.452, 24.317), (109.485, 24.316), (109.520, 24.314), (109.552, 24.312)]),
    ("R_BOYUAN_DADAO", "博园大道", "Boyuan Avenue", "trunk",
     [(109.528, 24.318), (109.530, 24.372), (109.534, 24.440)]),
    ("R_QINGJIANG_DADAO", "清江大道", "Qingjiang Avenue", "trunk",
     [(109.552, 24.315), (109.558, 24.372), (109.562, 24.450)]),
    ("R_SHUGUANG_DADAO", "曙光大道", "Shuguang Avenue", "trunk",
     [(109.466, 24.414), (109.520, 24.415), (109.580, 24.414), (109.600, 24.425)]),
    ("R_BEIHUAN_GAOSU", "北环高速", "Northern Ring Expressway", "expressway",
     [(109.462, 24.452), (109.520, 24.452), (109.556, 24.470), (109.585, 24.486), (109.625, 24.484),
      (109.700, 24.470)]),
    ("R_LUZHAI_QINZHOU", "鹿寨—钦州港公路", "Luzhai–Qinzhou Port Highway", "highway",
     [(109.712, 24.455), (109.660, 24.420), (109.615, 24.368), (109.590, 24.328), (109.565, 24.292)]),
    ("R_LUZHAI_LUORONG", "鹿寨县城北至雒容公路", "Luzhai North–Luorong Highway", "highway",
     [(109.712, 24.492), (109.670, 24.470), (109.630, 24.440), (109.606, 24.412)]),
    ("R_ANHE_LU", "安和路", "Anhe Road", "street",
     [(109.516, 24.322), (109.517, 24.348), (109.518, 24.371)]),
    ("R_RONGQING_LU", "容庆路（八角岭路）", "Rongqing Road (Bajiaoling Road)", "street",
     [(109.456, 24.350), (109.472, 24.351), (109.486, 24.352)]),
    ("R_GUZHEN_LU", "古镇路", "Guzhen Road", "street",
     [(109.598, 24.370), (109.599, 24.395), (109.601, 24.422)]),
    ("R_GAOYAN_LU", "高岩路", "Gaoyan Road", "street",
     [(109.497, 24.322), (109.499, 24.352)]),
    ("R_GAOYANG_LU", "高阳路", "Gaoyang Road", "street",
     [(109.503, 24.333), (109.522, 24.336)]),
    ("R_GAOWANG_LU", "高望路", "Gaowang Road", "street",
     [(109.506, 24.359), (109.524, 24.361)]),
    ("R_RUNDONG_LU", "润东路", "Rundong Road", "street",
     [(109.512, 24.288), (109.522, 24.298)]),
    ("R_JIANGBIN_WEI7", "江滨纬七路", "Jiangbin Weiqi Road", "street",
     [(109.508, 24.293), (109.540, 24.291)]),
    ("R_JIANGBIN_HENG14", "江滨横十四路", "Jiangbin Heng 14 Road", "street",
     [(109.525, 24.280), (109.530, 24.298)]),
    ("R_CHEYUAN_ZONG6", "车园纵六路", "Cheyuan Zong 6 Road", "street",
     [(109.522, 24.374), (109.523, 24.396), (109.524, 24.416)]),
    ("R_ZHONGOU_ZONG1", "中欧纵一路", "Zhongou Zong 1 Road", "street",
     [(109.545, 24.418), (109.546, 24.444), (109.547, 24.468)]),
    ("R_ZHONGOU_ZONG11", "中欧纵十一路", "Zhongou Zong 11 Road", "street",
     [(109.574, 24.418), (109.574, 24.450), (109.575, 24.495)]),
    ("R_ZHONGOU_HENG10", "中欧产业园横十路", "Zhongou Industrial Park Heng 10 Road", "street",
     [(109.536, 24.462), (109.560, 24.462), (109.584, 24.462)]),
    ("R_MUMIAN_LU", "木棉路", "Mumian Road", "street",
     [(109.536, 24.440), (109.560, 24.440), (109.584, 24.440)]),
    ("R_LIANYUN_LU", "连运路", "Lianyun Road", "street",
     [(109.546, 24.366), (109.580, 24.372), (109.620, 24.380)]),
]
ROAD_HALF_WIDTH_M = {"expressway": 40, "trunk": 30, "highway": 25, "street": 15}


def road_line(road_id):
    for r in ROADS:
        if r[0] == road_id:
            return LineString(r[4])
    raise KeyError(road_id)


def as_multi(g):
    """Polygonal parts of any geometry (make_valid may return nested collections) as a MultiPolygon."""
    parts = []

    def walk(x):
        if x.geom_type == "Polygon":
            if not x.is_empty:
                parts.append(x)
        elif hasattr(x, "geoms"):
            for y in x.geoms:
                walk(y)

    walk(g)
    return MultiPolygon(parts)


def clip_to_district(line):
    """The part of a drawn line inside the district outline (the longest, if it leaves and comes back)."""
    part = line.intersection(LIUDONG_OUTLINE)
    if part.geom_type == "MultiLineString":
        part = max(part.geoms, key=lambda g: g.length)
    if part.is_empty or part.geom_type != "LineString":
        raise SystemExit("line does not cross the district")
    return part


def inside_edge(p, metres=200):
    """The point of the district (off the rivers) nearest to p, kept `metres` inside the edge."""
    from shapely.ops import nearest_points
    inner = to_deg(to_km(LIUDONG).buffer(-metres / 1000.0))
    return nearest_points(inner, p)[0]

