"""Schematic layout of Liudong New District, drawn by hand from the planning texts.

Nothing here is surveyed. Positions follow what the texts say (zones east of the Liujiang,
the towns of 雒容 and 洛埠 in the north-east, 官塘 by the river) and general knowledge of
the district's shape; every polygon is marked geometry_quality = schematic.

Coordinates are lon/lat (CGCS2000 ~ WGS 84 at this scale). Buffers are computed in a local
kilometre grid so that widths are in metres rather than degrees.
"""
from shapely.geometry import Polygon, LineString, Point, MultiPolygon
from shapely.ops import transform, unary_union

LON0, LAT0 = 109.44, 24.28
KX, KY = 101.4, 110.8  # km per degree of lon / lat at 24.4°N


def to_km(g):
    return transform(lambda x, y, z=None: ((x - LON0) * KX, (y - LAT0) * KY), g)


def to_deg(g):
    return transform(lambda x, y, z=None: (x / KX + LON0, y / KY + LAT0), g)


def buffer_m(g, metres):
    return to_deg(to_km(g).buffer(metres / 1000.0, cap_style=2, join_style=2))


# ---- rivers (schematic centre lines) -------------------------------------------------
LIUJIANG_LINE = LineString([
    (109.395, 24.525), (109.402, 24.47), (109.410, 24.42), (109.418, 24.38), (109.425, 24.35),
    (109.432, 24.325), (109.443, 24.306), (109.46, 24.296), (109.48, 24.288), (109.50, 24.279),
    (109.515, 24.266), (109.527, 24.247), (109.536, 24.222)])
LUOQINGJIANG_LINE = LineString([
    (109.745, 24.535), (109.70, 24.495), (109.672, 24.472), (109.645, 24.45), (109.622, 24.428),
    (109.610, 24.405), (109.600, 24.378), (109.590, 24.345), (109.575, 24.31), (109.558, 24.28),
    (109.545, 24.256), (109.532, 24.236)])
LIUJIANG = buffer_m(LIUJIANG_LINE, 180)        # ~360 m wide channel
LUOQINGJIANG = buffer_m(LUOQINGJIANG_LINE, 60)  # ~120 m wide channel
RIVERS = unary_union([LIUJIANG, LUOQINGJIANG])

# ---- the district as a whole (schematic), minus the rivers ---------------------------
LIUDONG_OUTLINE = Polygon([
    (109.462, 24.505), (109.56, 24.515), (109.66, 24.515), (109.715, 24.50), (109.715, 24.40),
    (109.68, 24.345), (109.61, 24.305), (109.56, 24.282), (109.54, 24.268), (109.515, 24.272),
    (109.50, 24.283), (109.48, 24.292), (109.46, 24.30), (109.447, 24.31), (109.44, 24.33),
    (109.452, 24.345), (109.462, 24.36)])
LIUDONG = LIUDONG_OUTLINE.difference(RIVERS)

# ---- three functional zones: a partition of the district -----------------------------
_Z1_CUT = Polygon([(109.40, 24.20), (109.56, 24.20), (109.552, 24.33), (109.525, 24.372),
                   (109.40, 24.372)])
_Z3_CUT = Polygon([(109.588, 24.20), (109.80, 24.20), (109.80, 24.60), (109.62, 24.60),
                   (109.605, 24.47), (109.585, 24.40), (109.583, 24.33)])
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
    "P2": box(109.515, 24.283, 109.548, 24.308, "Z1"),   # 保税物流园 by the river, 官塘港
    "P3": box(109.487, 24.330, 109.512, 24.352, "Z1"),   # 金融科创园 in the centre
    "P4": box(109.470, 24.298, 109.505, 24.316, "Z1"),   # 高新孵化园 by 滨江 / 科技园
}

# ---- seven industrial clusters --------------------------------------------------------
CLUSTERS = {
    "C1": box(109.490, 24.375, 109.545, 24.415, "Z2"),   # 汽车综合产业区 (车园)
    "C2": box(109.497, 24.428, 109.565, 24.482, "Z2"),   # 新能源汽车产业区 (中欧)
    "C3": box(109.466, 24.392, 109.486, 24.426, "Z2"),   # 智能交通产业区
    "C4": box(109.548, 24.380, 109.580, 24.420, "Z2"),   # 电子光电产业区
    "C5": box(109.466, 24.436, 109.493, 24.482, "Z2"),   # 装备制造产业区
    "C6": box(109.615, 24.372, 109.662, 24.412, "Z3"),   # 新材料产业区 (雒容东)
    "C7": box(109.530, 24.338, 109.575, 24.370, "Z2"),   # 新一代信息技术产业区
}

# ---- 片区 named by the texts (schematic) -------------------------------------------------
LOCALITIES = {
    "L_GUANTANG": Polygon([(109.470, 24.291), (109.505, 24.291), (109.505, 24.318), (109.470, 24.318)]),
    "L_BINJIANG": Polygon([(109.446, 24.306), (109.472, 24.300), (109.474, 24.318), (109.450, 24.322)]),
    "L_JIANGBIN": Polygon([(109.505, 24.280), (109.535, 24.272), (109.550, 24.295), (109.512, 24.300)]),
    "L_ZHIJIAOYUAN": Polygon([(109.452, 24.318), (109.478, 24.318), (109.478, 24.343), (109.452, 24.343)]),
    "L_CENTRE": Polygon([(109.485, 24.328), (109.515, 24.328), (109.515, 24.354), (109.485, 24.354)]),
    "L_LONGHU": Polygon([(109.500, 24.352), (109.522, 24.352), (109.522, 24.370), (109.500, 24.370)]),
    "L_HUALING": Polygon([(109.463, 24.352), (109.490, 24.352), (109.490, 24.388), (109.463, 24.388)]),
    "L_HUALING_N": Polygon([(109.463, 24.388), (109.490, 24.388), (109.490, 24.400), (109.463, 24.400)]),
    "L_CHEYUAN": Polygon([(109.490, 24.372), (109.545, 24.372), (109.545, 24.418), (109.490, 24.418)]),
    "L_ZHONGOU": Polygon([(109.495, 24.425), (109.568, 24.425), (109.568, 24.485), (109.495, 24.485)]),
    "L_FENGHUANGLING": Polygon([(109.568, 24.430), (109.598, 24.430), (109.600, 24.465), (109.570, 24.468)]),
    "L_GAOTIE": Polygon([(109.575, 24.345), (109.600, 24.345), (109.600, 24.372), (109.575, 24.372)]),
    "L_XIUSHUI": Polygon([(109.555, 24.290), (109.585, 24.300), (109.585, 24.330), (109.552, 24.325)]),
    "L_SOUTH": Polygon([(109.520, 24.300), (109.552, 24.300), (109.552, 24.330), (109.520, 24.330)]),
    "L_NORTH": Polygon([(109.470, 24.485), (109.600, 24.490), (109.600, 24.510), (109.470, 24.502)]),
    "L_LUORONG": Polygon([(109.588, 24.388), (109.614, 24.388), (109.614, 24.420), (109.588, 24.420)]),
    "L_LUORONG_E": Polygon([(109.614, 24.372), (109.662, 24.372), (109.662, 24.420), (109.614, 24.420)]),
    "L_LUOBU": Polygon([(109.650, 24.452), (109.685, 24.452), (109.685, 24.480), (109.650, 24.480)]),
}
# the hand-drawn 片区 stay inside the district and out of the rivers
LOCALITIES = {k: v.intersection(LIUDONG) for k, v in LOCALITIES.items()}

# ---- schematic roads (centre lines) ---------------------------------------------------
# (id, name_zh, name_en, class, coordinates); class sets the corridor kept free of parcels
ROADS = [
    ("R_GUANTANG_DADAO", "官塘大道", "Guantang Avenue", "trunk",
     [(109.481, 24.293), (109.487, 24.330), (109.492, 24.372), (109.498, 24.430), (109.506, 24.500)]),
    ("R_GUANTANG_BRIDGE", "官塘大桥", "Guantang Bridge", "trunk",
     [(109.477, 24.278), (109.481, 24.293)]),
    ("R_XINLIU_DADAO", "新柳大道", "Xinliu Avenue", "trunk",
     [(109.446, 24.338), (109.485, 24.341), (109.520, 24.346), (109.560, 24.352), (109.600, 24.362)]),
    ("R_LONGLING_DADAO", "龙岭大道", "Longling Avenue", "trunk",
     [(109.464, 24.372), (109.510, 24.378), (109.560, 24.386), (109.585, 24.388)]),
    ("R_CHUANGYE_DADAO", "创业大道", "Chuangye Avenue", "trunk",
     [(109.452, 24.317), (109.485, 24.316), (109.520, 24.314), (109.552, 24.312)]),
    ("R_BOYUAN_DADAO", "博园大道", "Boyuan Avenue", "trunk",
     [(109.528, 24.318), (109.530, 24.372), (109.534, 24.440), (109.538, 24.500)]),
    ("R_QINGJIANG_DADAO", "清江大道", "Qingjiang Avenue", "trunk",
     [(109.555, 24.300), (109.558, 24.372), (109.562, 24.450)]),
    ("R_SHUGUANG_DADAO", "曙光大道", "Shuguang Avenue", "trunk",
     [(109.466, 24.420), (109.520, 24.424), (109.580, 24.428), (109.600, 24.430)]),
    ("R_BEIHUAN_GAOSU", "北环高速", "Northern Ring Expressway", "expressway",
     [(109.464, 24.488), (109.560, 24.494), (109.620, 24.492), (109.700, 24.480)]),
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
     [(109.510, 24.426), (109.511, 24.455), (109.512, 24.484)]),
    ("R_ZHONGOU_ZONG11", "中欧纵十一路", "Zhongou Zong 11 Road", "street",
     [(109.552, 24.428), (109.553, 24.460), (109.554, 24.500)]),
    ("R_ZHONGOU_HENG10", "中欧产业园横十路", "Zhongou Industrial Park Heng 10 Road", "street",
     [(109.500, 24.470), (109.530, 24.471), (109.563, 24.472)]),
    ("R_MUMIAN_LU", "木棉路", "Mumian Road", "street",
     [(109.500, 24.446), (109.530, 24.447), (109.563, 24.448)]),
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
