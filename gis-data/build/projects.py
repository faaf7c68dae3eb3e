"""The projects, plants, facilities and infrastructure works in Liudong that the five texts name.

Every entry is built only from quotes: name, status by year and figures. `area` is the cluster,
park or (when neither fits) functional zone the project belongs to; where the text does not say
so, the entry carries `inferred=True` and build.py writes that into location_note.
"""

import csv
import os

FILES = {
    "000": "000_d1a5c885ecd05a94.txt",
    "001": "001_9c03f619f940416e.txt",
    "002": "002_9db75a2811220992.txt",
    "003": "003_c21faca217ef6869.txt",
    "004": "004_a758eb157387da20.txt",
}


def _statuses():
    """The status vocabulary, gis-data/project_status.csv: zh → (en, stated, stage)."""
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(os.path.dirname(here), "project_status.csv"), encoding="utf-8", newline="") as fh:
        return {r["status_zh"]: (r["status_en"], r["stated"], int(r["stage"])) for r in csv.DictReader(fh)}


STATUS = _statuses()

# Where each text reports results and where it states plans (1-based lines, as `sed -n Np`):
# a status taken from a plan is an intention (计划…/规划), from a report a state. The year is the
# one the passage speaks of: the review year of a report, the plan year of a plan.
#   000 the 14th five-year plan's explanatory note: plan throughout (2021)
#   001 the 2023 report: 2022 results to line 67, 2023 plans from line 68
#   002 the 2022 notices reprinted in the 2024 gazette: plans (2022)
#   003 the 2021 government work report: 2020 / 13th-FYP results to line 99, plans from line 100
#   004 the July 2021 speech: H1 results to line 66, H2 plans from line 67
PLAN_FROM = {"000": 1, "001": 68, "002": 1, "003": 100, "004": 67}


def in_plan(f, line):
    return line >= PLAN_FROM[f]


def year_of(f, line):
    if f == "000":
        return 2021
    if f == "001":
        return 2022 if line < 68 else 2023
    if f == "002":
        return 2022
    if f == "003":
        return 2020 if line < 100 else 2021
    return 2021


def M(f, line, quote, status=None, as_fact=False):
    """A mention. `as_fact`: a plan's sentence that takes the state as given (“续建…”, “发挥…作用”)."""
    return {"f": f, "line": line, "quote": quote, "status": status, "as_fact": as_fact,
            "year": year_of(f, line)}


def F(label_zh, label_en, value, unit, f, line, year=None):
    return {"label_zh": label_zh, "label_en": label_en, "value": value, "unit": unit,
            "file": FILES[f], "line": line, "year": year if year is not None else year_of(f, line)}


PROJECTS = []


SCOPES = ("liudong", "city-level", "unclear")


def P(name_zh, name_en, cat, area, mentions, locality=None, inferred=True, inv=None, gwh=None,
      mu=None, figs=None, road=None, remarks=None, crossing=None, scope="liudong", aliases=()):
    """One real thing. `aliases`: the other names the texts give it (each found in one of its quotes).
    `scope`: liudong — the texts place it in Liudong; city-level — a designation or facility of
    Liuzhou as a whole; unclear — named in a Liudong text without saying it is in Liudong."""
    if scope not in SCOPES:
        raise ValueError(scope)
    PROJECTS.append(dict(name_zh=name_zh, name_en=name_en, category=cat, area=area,
                         mentions=mentions, locality=locality, inferred=inferred, investment_yi=inv,
                         capacity_gwh=gwh, land_mu=mu, figures=figs or [], road=road,
                         remarks=remarks, crossing=crossing, scope=scope, aliases=list(aliases)))


# ---------------------------------------------------------------- quotes used several times
Q001_31 = "赛克瑞浦20GWh动力电池系统、瑞浦赛克20GWh动力电池、柳州国轩新增年产20GWh动力锂电池、联合电子新能源、桂柳新材料搬迁升级转型等重大项目落地开工"
Q001_31B = "国轩一期、爱柯迪、兆丰汽车、艾盛二期、微研天隆等项目顺利投产"
Q001_50 = "赛克瑞浦、瑞浦赛克、联合电子新能源等项目签约半年即实现开工建设"
Q001_80 = "加快推进国轩二期、赛克瑞浦、瑞浦赛克、联电新能源等项目建设"
Q001_80B = "加快建设山东安途、思必驰、合肥建元等项目"
Q001_95R = "重点围绕一汽解放、广汽新能源、国轩高科、赛克瑞浦等项目配套"
Q001_95P = "验收市图书馆、档案中心、明德中、小学，续建广西机电技师学院、柳州职业技术学院二期"
Q001_95C = "推进九岭西岸、南寨、龙湖友邻汇和职教园南部共享区邻里中心、科技园商业综合体等设施建设"
Q001_95N = "推进滨江、秀水、中欧片区路网及地下综合管线建设"
Q001_95B = "续建雒容停保场、洛埠首末站等公交场站及联合电子东侧临时停车场"
Q001_95X = "协调推进中欧纵一路、中欧纵十一路上跨北环高速桥、清江大道下穿铁路工程主体完工通车"
Q001_40R = "安和路北段、中欧产业园横十路顺利竣工，容庆路西段（八角岭路）实现通车"
Q001_40B = "花岭、中心区、创业大道等公交首末站完成移交"
Q001_40P = "启元广场交付使用，市图书馆、工人文化宫竣工，市档案中心主体完工"
Q001_40Y = "江悦友邻汇开业运营，九岭西岸、龙湖友邻汇等推进有序"
Q001_59E = "明德中、小学和广西机电技师学院开工建设，雒容镇第三幼儿园招生办学"
Q001_101H = "加快推动E区厂房（一期）、花岭物流园（二期）保租房项目建设，交付使用东悦佳苑、东悦学之轩等4个安置项目"
Q001_98L = "加快山东安途、柳药集团现代医药物流等产业项目及龙湖东侧、滨江片区商住地块供地"
Q001_83T = "推进772数字文化创意产业园、柳州东盟汽车贸易中心招商工作"
Q001_86F = "利用建行“创业者港湾”、柳州科技金融联合实验室导入金融资源"
Q001_52 = "引进久铖高科、思必驰、悠跑科技等亿元工业项目32个"
Q004_29 = "青岛博泰年产3万吨商用车底盘高性能铸件及EPP商用车卧铺总成项目、上海博泰柳州智能网联产业智造基地项目完成供地，爱柯迪、澳多电子等项目有序推进"
Q004_31T = "智能交通产业园常州金铂轨道交通内饰配件生产基地项目、柳州煜乾轨道交通模块化钢构产品生产基地项目实现摘地建设"
Q004_31N = "新能源产业发展提速，国轩高科动力电池生产基地项目试产，柳东新区新能源汽车核心部件高端制造建设项目开工建设，广西汽车集团新能源整车基地项目顺利推进"
Q004_31E = "柳州市久日工程机械有限公司二期项目竣工，一阳科技年产100万台套铝铸件及100台智能装备项目完成供地"
Q004_33 = "国家汽车质量检验中心二期部分试验室完成安装调试，一期运营，千业物流等项目开工建设，全通仓储物流中心项目落地"
Q004_37R = "江滨纬七路、江滨横十四路、润东路等道路完工通车"
Q004_37C = "文化广场正式投入使用，柳州图书馆（新馆）开工建设，滨江生态修复工程对外开放，持续推进友邻汇、融创体育综合体等项目建设"
Q004_41 = "广西汽车研究院获批设立，滨江智谷建设进入新阶段，万洋科技城项目达成合作意向，广西智能汽车生态科技孵化器获首批知识产权维权援助服务工作站并揭牌运行，柳州宏德激光项目落地建设"
Q004_43 = "一汽解放公司柳州项目、苏宁易购广西桂北智慧电商产业园（一期）等实现竣工，兆丰汽车零部件、爱柯迪等项目快速推进"
Q004_45 = "江苏协统汽车饰件生产基地项目、合肥建元汽车半轴等锻件零部件生产线建设等20个项目签订投资协议书"
Q004_47A = "东悦佳苑四期等7个续建项目有序施工"
Q004_47S = "蚂蟥屯、藕塘屯2个三产项目完成上市交易工作"
Q004_58E = "鹿山学院北院一期项目竣工交付，龙象城小区幼儿园完成回购并转为公办，连丰小学、龙岭小学、竹车小学完成旧校舍改建"
Q004_58H = "儿童医院三期、颐养中心、洛埠镇卫生院建设加快"
Q004_58R = "综合示范村上金田屯基本完工，连丰村下金田屯新建安置住房主体工程等14个项目基本完工，柳州市乡村振兴培训学校完成可行性研究报告编制工作"
Q004_75 = "实现广西汽车集团新能源整车基地项目竣工投产，竣工爱柯迪、电力开关厂等项目，开工建设青岛博泰、上海博泰等项目"
Q004_76T = "智能交通产业配套煜乾、瑞发、金铂等项目开工建设，推进广西桂柳化工有限责任公司搬迁升级转型项目开工建设，力争龙腾光电柳州项目落地"
Q004_78S = "启动保税仓储物流中心、E区标准厂房开工建设，加快推进国家汽车质量检验中心二期、汽车后市场项目建设进度"
Q004_84 = "重点推进滨江智谷、广西汽车研究院5个研究中心建设，完成智能网联车辆动力学实验室项目、机器人产业集群基地展厅自动化生产线建设，加快广西智能汽车生态科技孵化器、柳州宏德激光等一批项目建设"
Q004_84B = "加大华夏桃李广西互联网教育文化产业园、沪联数创园等平台建设力度"
Q004_84C = "推进徐工信息等项目在国信优易大数据基地入驻办公，完成优易空间34家企业及创客团队入驻"
Q004_92R = "重点推进官塘大道北段、高岩路、古镇路、曙光大道南侧地块路网等道路建设，开工建设新材料产业园路网一期、核心区及周边片区路网高阳路、高望路等道路"
Q004_92P = "继续推进市档案中心、图书馆等公共服务设施建设，加快南寨友邻汇、九岭西岸友邻汇、新能源充电桩等便民服务项目建设"
Q004_96 = "下半年要开工宏和机械、久日三期、大华研发基地以及竣工兆丰汽车零部件、中源协和柳东新区细胞与基因产业基地等一批项目"
Q004_100 = "完成东庭洛江湾项目竣工验收，力争新开工龙婆片区、高荒高阳片区2个项目"
Q004_109 = "竣工柳州工学院北校区、雒容镇第三幼儿园，新建明德中学、明德小学"
Q004_109H = "儿童医院三期、雒容镇中心卫生院整体搬迁项目交付使用"
Q002_582 = "柳东新区中欧产业园路网工程，柳东新区江滨居住生活区路网工程，新柳大道—官塘大道互通立交工程，鹿寨县城北至雒容公路，柳东新区（官塘）综合客运枢纽"
Q002_283R = "优化中欧、滨江、南部、雒容东部等片区路网系统"
Q002_397 = "推进国轩高科动力电池生产基地、广西汽车集团新能源整车、一汽解放柳州分公司退城进园、国家汽车质量检验中心（广西）二期等项目建设"
Q003_82 = "“十三五”期间十大城市建设工程基本收官"
R_TEN_WORKS = ("003 line 255 lists it among the ten city construction works of the 13th five-year period, which line 82 "
               "reports as 基本收官 (largely wrapped up) — not as completed.")
Q000_63 = "探索在柳州共建中意科技企业孵化器、中意可再生能源研究中心等项目。探索申报建设柳州综合保税区的可行性"

# ================================================================ new-energy vehicles (C2)
P("赛克瑞浦20GWh动力电池系统项目", "SEKRP 20 GWh power-battery system project", "新能源电池", "C2",
  [M("001", 31, Q001_31, "开工"), M("001", 50, Q001_50, "开工"), M("001", 80, Q001_80, "计划推进"),
   M("001", 95, Q001_95R)], locality="L_ZHONGOU", gwh=20)
P("瑞浦赛克20GWh动力电池项目", "REPT-SEKRP 20 GWh power-battery project", "新能源电池", "C2",
  [M("001", 31, Q001_31, "开工"), M("001", 50, Q001_50, "开工"), M("001", 80, Q001_80, "计划推进")],
  locality="L_ZHONGOU", gwh=20)
P("柳州国轩新增年产20GWh动力锂电池项目", "Liuzhou Gotion additional 20 GWh/yr lithium power-battery project",
  "新能源电池", "C2", [M("001", 31, Q001_31, "开工")], locality="L_ZHONGOU", gwh=20,
  remarks="The texts do not say whether this is the same as 国轩二期; kept separate.")
P("国轩高科动力电池生产基地（国轩一期）", "Gotion High-Tech power-battery base (Gotion phase I)", "新能源电池", "C2",
  [M("002", 397, Q002_397, "计划推进"), M("004", 31, Q004_31N, "试产"),
   M("004", 76, "实现国轩高科动力电池生产基地项目正式投产", "计划投产"),
   M("001", 31, Q001_31B, "投产"),
   M("001", 56, "谋划筹资20亿元汽检基金投入国轩一、二期项目")],
  locality="L_ZHONGOU",
  figs=[F("汽检基金投入国轩一、二期（谋划）", "vehicle-testing fund planned for Gotion phases I and II", 20, "亿元", "001", 56)],
  remarks="004 calls it 国轩高科动力电池生产基地项目, 001 calls it 国轩一期; taken as one plant.")
P("国轩二期", "Gotion phase II (the second 5 GWh project)", "新能源电池", "C2",
  [M("004", 76, "实现国轩高科动力电池生产基地项目正式投产，建设第二个5GWH项目", "计划建设"),
   M("001", 56, "谋划筹资20亿元汽检基金投入国轩一、二期项目"), M("001", 80, Q001_80, "计划推进")],
  locality="L_ZHONGOU", gwh=5, aliases=["第二个5GWH项目"],
  figs=[F("汽检基金投入国轩一、二期（谋划）", "vehicle-testing fund planned for Gotion phases I and II", 20, "亿元", "001", 56)],
  remarks="004 line 76 plans, once phase I (国轩高科动力电池生产基地) is in production, to build “the second 5 GWh "
          "project”; 001 calls the next plant 国轩二期. Taken as one.")
P("联合电子新能源项目", "United Automotive Electronic Systems new-energy project", "新能源汽车零部件", "C2",
  [M("001", 31, Q001_31, "开工"), M("001", 50, Q001_50, "开工"), M("001", 80, Q001_80, "计划推进")],
  locality="L_ZHONGOU")
P("联合电子东侧临时停车场", "Temporary car park east of United Automotive Electronics", "交通设施", "C2",
  [M("001", 95, Q001_95B, "续建", as_fact=True)], locality="L_ZHONGOU")
P("柳东新区新能源汽车核心部件高端制造建设项目", "Liudong NEV core-component high-end manufacturing project",
  "新能源汽车零部件", "C2", [M("004", 31, Q004_31N, "开工")], locality="L_ZHONGOU")
P("广西汽车集团新能源整车基地", "Guangxi Automobile Group new-energy vehicle assembly base", "整车制造", "C2",
  [M("002", 397, Q002_397, "计划推进"), M("003", 138, "加快广西汽车集团新能源整车基地建设", "计划推进"),
   M("004", 31, Q004_31N, "推进中"), M("004", 75, Q004_75, "计划投产")], locality="L_ZHONGOU")
P("广汽新能源项目", "GAC new-energy project", "整车制造", "C2", [M("001", 95, Q001_95R)], locality="L_ZHONGOU")
P("千亿级新能源汽车配套企业产业园", "100-billion-yuan NEV supplier industrial park", "产业园区", "C2",
  [M("001", 80, "以新能源电池、电机、电控项目为核心规划打造千亿级新能源汽车配套企业产业园", "规划"),
   M("001", 70, "全力打造千亿级新能源汽车配套产业园", "规划")], locality="L_ZHONGOU")
P("柳东新区新能源汽车特色产业园", "Liudong new-energy vehicle specialised industrial park", "产业园区", "C2",
  [M("002", 1147, "依托柳东新区新能源汽车特色产业园、智能交通产业园、光电显示产业集聚区")],
  locality="L_ZHONGOU")
P("悠跑科技项目", "UPower (Youpao Technology) project", "工业项目（未说明行业）", "Z2", [M("001", 52, Q001_52, "引进")],
  remarks="001 line 52 names it among 亿元工业项目 without saying its industry.")
P("思必驰项目", "AISpeech project", "汽车产业链配套", "C1",
  [M("001", 52, Q001_52, "引进"), M("001", 80, Q001_80B, "计划推进")], locality="L_CHEYUAN")
P("上海博泰柳州智能网联产业智造基地项目", "PATEO Shanghai Liuzhou connected-vehicle manufacturing base",
  "智能网联汽车", "C2", [M("004", 29, Q004_29, "完成供地"), M("004", 75, Q004_75, "计划开工")],
  locality="L_ZHONGOU")
P("国检中心智能网联测试场", "National testing centre connected-vehicle test ground", "检验检测", "C2",
  [M("004", 76, "扎实创建国家车联网先导区，建设完成国检中心智能网联测试场", "计划建成")],
  locality="L_ZHONGOU")
P("国家车联网先导区（柳州）", "National Internet-of-Vehicles pilot zone (Liuzhou)", "智能网联汽车", "C2",
  [M("002", 699, "争创国家级车联网先导区，推动道路智能网联化改造", "规划"), M("004", 31, "车联网先导区方面，《基于工业互联网主动标识技术的柳州智能网联汽车基础设施协同应用》项目经国家工信部评审"),
   M("004", 76, "扎实创建国家车联网先导区", "规划"),
   M("001", 37, "“C-V2X车联网产业科技服务团”入选2022年“科创中国”科技服务团示范项目")],
  locality="L_ZHONGOU", scope="city-level",
  remarks="A national pilot zone Liuzhou as a whole applies for (the city plan, 002 line 699); Liudong works towards it.")
P("柳州智能网联汽车基础设施协同应用项目", "Liuzhou connected-vehicle infrastructure co-operative application project",
  "智能网联汽车", "C2",
  [M("004", 31, "《基于工业互联网主动标识技术的柳州智能网联汽车基础设施协同应用》项目经国家工信部评审，获评国家“2020年工业互联网试点示范项目”", "获认定")],
  locality="L_ZHONGOU", scope="unclear",
  remarks="Reported under the pilot zone (车联网先导区方面); a Liuzhou project, the text does not say it is in Liudong.")
P("智能网联车辆动力学实验室项目", "Connected-vehicle dynamics laboratory", "科技创新平台", "C2",
  [M("004", 84, Q004_84, "计划建成")], locality="L_ZHONGOU")

# ================================================================ automotive (C1)
P("上汽通用五菱宝骏基地", "SAIC-GM-Wuling Baojun base", "整车制造", "C1",
  [M("004", 29, "上半年上汽通用五菱宝骏基地产值完成96.23亿元，同比增长83.96%，汽车产量完成19.19万辆", "运营")],
  locality="L_CHEYUAN",
  figs=[F("上半年产值", "output value, H1", 96.23, "亿元", "004", 29),
        F("上半年汽车产量", "vehicles produced, H1", 19.19, "万辆", "004", 29)])
P("东风柳汽柳东基地", "Dongfeng Liuzhou Motor Liudong base", "整车制造", "C1",
  [M("004", 29, "东风柳汽柳东基地产值完成155.53亿元，同比增长34.84%，汽车产量完成11.6万辆", "运营")],
  locality="L_CHEYUAN",
  figs=[F("上半年产值", "output value, H1", 155.53, "亿元", "004", 29),
        F("上半年汽车产量", "vehicles produced, H1", 11.6, "万辆", "004", 29)])
P("一汽解放柳州新基地", "FAW Jiefang Liuzhou new base", "整车制造", "C1",
  [M("002", 397, Q002_397, "计划推进"), M("003", 134, "加快一汽解放柳州新基地建设", "计划推进"),
   M("004", 29, "一汽解放柳州新基地产值完成7.18亿元，汽车产量完成0.58万辆。一汽解放公司柳州项目实现整车投产", "投产"),
   M("004", 43, Q004_43, "竣工"),
   M("001", 95, Q001_95R)],
  locality="L_CHEYUAN",
  figs=[F("上半年产值", "output value, H1", 7.18, "亿元", "004", 29),
        F("上半年汽车产量", "vehicles produced, H1", 0.58, "万辆", "004", 29)],
  remarks="004 uses both 一汽解放柳州新基地 and 一汽解放公司柳州项目; taken as one plant.")
P("爱柯迪项目", "Ikd project", "汽车零部件", "C1",
  [M("001", 89, "依托上通五、东风柳汽等主机厂及国轩高科、爱柯迪等头部企业向产业链、供应链发力"), M("004", 29, Q004_29, "推进中"), M("004", 43, Q004_43, "推进中"), M("004", 75, Q004_75, "计划竣工"),
   M("001", 31, Q001_31B, "投产")], locality="L_CHEYUAN")
P("兆丰汽车零部件项目", "Zhaofeng auto-parts project", "汽车零部件", "C1",
  [M("004", 43, Q004_43, "推进中"), M("004", 96, Q004_96, "计划竣工"), M("001", 31, Q001_31B, "投产")],
  locality="L_CHEYUAN")
P("艾盛二期", "Aisheng phase II", "汽车零部件", "C1", [M("001", 31, Q001_31B, "投产")], locality="L_CHEYUAN")
P("微研天隆项目", "Weiyan Tianlong project", "汽车零部件", "C1", [M("001", 31, Q001_31B, "投产")],
  locality="L_CHEYUAN")
P("澳多电子项目", "Aoduo Electronics project", "汽车电子", "C1", [M("004", 29, Q004_29, "推进中")],
  locality="L_CHEYUAN")
P("青岛博泰年产3万吨商用车底盘高性能铸件及EPP商用车卧铺总成项目",
  "Qingdao Botai 30,000 t/yr commercial-vehicle chassis castings and EPP sleeper-berth project",
  "汽车零部件", "C1", [M("004", 29, Q004_29, "完成供地"), M("004", 75, Q004_75, "计划开工")],
  locality="L_CHEYUAN",
  figs=[F("商用车底盘高性能铸件年产能", "chassis castings capacity", 3, "万吨/年", "004", 29)])
P("江苏协统汽车饰件生产基地项目", "Jiangsu Xietong automotive trim production base", "汽车零部件", "C1",
  [M("004", 45, Q004_45, "签约")], locality="L_CHEYUAN")
P("合肥建元汽车半轴等锻件零部件生产线", "Hefei Jianyuan axle-shaft forging line", "汽车零部件", "C1",
  [M("004", 45, Q004_45, "签约"), M("001", 80, Q001_80B, "计划推进")], locality="L_CHEYUAN")
P("山东安途项目", "Shandong Antu project", "汽车产业链配套", "C1",
  [M("001", 80, Q001_80B, "计划推进"), M("001", 98, Q001_98L, "计划供地")], locality="L_CHEYUAN")
P("久铖高科项目", "Jiucheng Hi-Tech project", "工业项目（未说明行业）", "Z2", [M("001", 52, Q001_52, "引进")],
  remarks="001 line 52 names it among 亿元工业项目 without saying its industry.")
P("国家汽车质量检验中心（广西）汽车试验场", "National Vehicle Quality Inspection Centre (Guangxi) proving ground",
  "检验检测", "C1",
  [M("001", 56, "投资25亿加快推进国家汽车质量检验中心（广西）汽车试验场项目建设", "推进中"),
   M("001", 92, "着力推动国家汽车质量检验中心（广西）汽车试验场在一季度开工", "计划开工"),
   M("002", 283, "尽快启动柳州汽车试验场项目建设", "计划开工")],
  locality="L_CHEYUAN", inv=25)
P("国家汽车质量检验中心一期", "National Vehicle Quality Inspection Centre phase I", "检验检测", "C1",
  [M("004", 33, Q004_33, "运营")], locality="L_CHEYUAN")
P("国家汽车质量检验中心二期", "National Vehicle Quality Inspection Centre phase II", "检验检测", "C1",
  [M("002", 397, Q002_397, "计划推进"), M("004", 33, Q004_33, "在建"), M("004", 78, Q004_78S, "计划推进")], locality="L_CHEYUAN")
P("车园纵六路", "Cheyuan Zong 6 Road", "道路", "C1",
  [M("004", 37, "龙岭大道、车园纵六路等一批重点道路通车", "通车")], locality="L_CHEYUAN",
  road="R_CHEYUAN_ZONG6", inferred=False)

# ================================================================ smart transport (C3)
P("智能交通产业园", "Smart transport industrial park", "产业园区", "C3",
  [M("002", 1267, "新能源汽车特色产业园、智能交通产业园、光电显示产业集聚区"), M("003", 138, "推动智能交通产业园实现低运量胶轮系统车辆组装生产", "计划投产"),
   M("004", 31, Q004_31T),
   M("002", 1147, "依托柳东新区新能源汽车特色产业园、智能交通产业园、光电显示产业集聚区")])
P("常州金铂轨道交通内饰配件生产基地项目", "Changzhou Jinbo rail-transit interior parts base", "智能交通", "C3",
  [M("004", 31, Q004_31T, "摘地建设"), M("004", 76, Q004_76T, "计划开工")])
P("柳州煜乾轨道交通模块化钢构产品生产基地项目", "Liuzhou Yuqian rail-transit modular steel-structure base",
  "智能交通", "C3", [M("004", 31, Q004_31T, "摘地建设"), M("004", 76, Q004_76T, "计划开工")])
P("瑞发项目（智能交通产业配套）", "Ruifa project (smart-transport supplier)", "智能交通", "C3",
  [M("004", 76, Q004_76T, "计划开工")])

# ================================================================ electronics & optoelectronics (C4)
P("柳东新区千亿光电显示产业园（光电显示产业集聚区）", "Liudong optoelectronic-display industrial park",
  "电子光电", "C4",
  [M("002", 399, "柳东新区千亿光电显示产业园建设", "规划"),
   M("002", 1267, "新能源汽车特色产业园、智能交通产业园、光电显示产业集聚区")])
P("龙腾光电柳州项目", "InfoVision Optoelectronics Liuzhou project", "电子光电", "C4",
  [M("004", 76, Q004_76T, "计划落地")])

# ================================================================ equipment (C5)
P("柳州市久日工程机械有限公司二期项目", "Liuzhou Jiuri Construction Machinery phase II", "装备制造", "C5",
  [M("004", 31, Q004_31E, "竣工")])
P("久日三期", "Jiuri phase III", "装备制造", "C5", [M("004", 96, Q004_96, "计划开工")])
P("一阳科技年产100万台套铝铸件及100台智能装备项目",
  "Yiyang Technology 1 million aluminium castings and 100 smart machines per year", "装备制造", "C5",
  [M("004", 31, Q004_31E, "完成供地")],
  figs=[F("铝铸件年产能", "aluminium castings capacity", 100, "万台套/年", "004", 31),
        F("智能装备年产能", "smart equipment capacity", 100, "台/年", "004", 31)])
P("宏和机械项目", "Honghe Machinery project", "装备制造", "C5", [M("004", 96, Q004_96, "计划开工")])
P("电力开关厂项目", "Power switchgear plant project", "装备制造", "C5", [M("004", 75, Q004_75, "计划竣工")])
P("机器人产业集群基地", "Robotics industry cluster base", "装备制造", "C5",
  [M("004", 41, "积极推动机器人产业集群等创业创新基地建设", "推进中"), M("004", 84, Q004_84, "计划建成")])

# ================================================================ new materials (C6)
P("桂柳新材料（广西桂柳化工有限责任公司）搬迁升级转型项目",
  "Guiliu New Materials (Guangxi Guiliu Chemical) relocation and upgrading project", "新材料", "C6",
  [M("004", 76, Q004_76T, "计划开工"), M("001", 31, Q001_31, "开工")], locality="L_LUORONG_E",
  remarks="004 names the company 广西桂柳化工有限责任公司, 001 the project 桂柳新材料搬迁升级转型; taken as one.")
P("新材料产业园", "New-materials industrial park", "产业园区", "C6",
  [M("004", 92, "开工建设新材料产业园路网一期"), M("000", 41, "重点发展新能源材料、电子材料及其他新型材料，打造新材料产业园", "规划")],
  locality="L_LUORONG_E")
P("新材料产业园路网一期", "New-materials park road network phase I", "道路", "C6",
  [M("004", 92, Q004_92R, "计划开工")], locality="L_LUORONG_E")
P("柳州华锡有色设计研究院（自治区科技成果转化中试研究基地）",
  "Liuzhou Huaxi Non-ferrous Design Institute (pilot-scale base)", "科技创新平台", "C6",
  [M("001", 37, "柳州华锡有色设计研究院成为第二批自治区科技成果转化中试研究基地", "获认定")],
  locality="L_LUORONG_E")

# ================================================================ IT / digital (C7)
P("华夏桃李广西互联网教育文化产业园", "Huaxia Taoli Guangxi internet education & culture park", "信息技术", "C7",
  [M("004", 84, Q004_84B, "计划推进")],
  remarks="May be the same park as 广西互联网教育产业园项目; the texts do not say, kept separate.")
P("猪八戒网柳州基地", "ZBJ.com Liuzhou base", "信息技术", "C7",
  [M("004", 31, "猪八戒网柳州基地项目线上注册企业及个人工作室达3845家，线下入驻80家", "运营")],
  figs=[F("线上注册企业及个人工作室", "online-registered firms and studios", 3845, "家", "004", 31),
        F("线下入驻", "firms on site", 80, "家", "004", 31)])
P("沪联数创园", "Hulian digital-innovation park", "信息技术", "C7", [M("004", 84, Q004_84B, "计划推进")])
P("国信优易大数据基地", "State Information Center Youyi big-data base", "信息技术", "C7",
  [M("004", 84, Q004_84C, "计划推进")], aliases=["优易空间", "徐工信息"],
  figs=[F("计划入驻优易空间的企业及创客团队", "firms and maker teams to move into Youyi Space", 34, "家", "004", 84)],
  remarks="004 line 84: 徐工信息 and other firms are to move into the base, and 34 firms and maker teams into "
          "优易空间 — tenants and space of the base, not places of their own.")
P("柳东城市大数据共享交换平台", "Liudong urban big-data sharing and exchange platform", "信息技术", "C7",
  [M("000", 55, "加快柳东城市大数据共享交换平台、柳东新区时空信息云平台等核心项目的建设和使用", "计划推进"),
   M("004", 93, "推大数据共享交换平台、智慧交通、时空信息云平台等项目", "计划推进")],
  remarks="A digital platform; the point only marks it schematically.")
P("柳东新区时空信息云平台", "Liudong spatio-temporal information cloud platform", "信息技术", "C7",
  [M("000", 55, "加快柳东城市大数据共享交换平台、柳东新区时空信息云平台等核心项目的建设和使用", "计划推进"),
   M("004", 93, "推大数据共享交换平台、智慧交通、时空信息云平台等项目", "计划推进")],
  remarks="A digital platform; the point only marks it schematically.")

# ================================================================ P1 科教创业园 (education, talent)
P("广西机电技师学院", "Guangxi Mechanical & Electrical Technician College", "教育", "P1",
  [M("002", 627, "广西机电技师学院迁建（一期）", "计划推进"), M("001", 59, Q001_59E, "开工"), M("001", 95, Q001_95P, "续建", as_fact=True)], locality="L_ZHIJIAOYUAN")
P("柳州职业技术学院二期", "Liuzhou Vocational & Technical College phase II", "教育", "P1",
  [M("002", 627, "推进柳州职业技术学院新校区（二期）", "计划推进"), M("001", 95, Q001_95P, "续建", as_fact=True)], locality="L_ZHIJIAOYUAN")
P("柳州工学院北校区", "Liuzhou Institute of Technology north campus (Lushan College north campus)", "教育", "P1",
  [M("003", 72, "柳州工学院揭牌成立"), M("004", 58, Q004_58E, "交付使用"), M("004", 109, Q004_109, "计划竣工"),
   M("002", 629, "加快推进广西科技大学柳东校区（二期）、柳州工学院北校区", "计划推进")],
  locality="L_ZHIJIAOYUAN", aliases=["鹿山学院北院一期"],
  remarks="003 line 72 records 柳州工学院揭牌成立 in 2020 — the college earlier called 鹿山学院; 004 line 58 reports "
          "its north campus phase I (鹿山学院北院一期) completed and handed over, line 109 plans to complete the "
          "柳州工学院北校区. Taken as one campus.")
P("广西科技大学柳东校区（二期）", "Guangxi University of Science & Technology Liudong campus phase II", "教育", "P1",
  [M("002", 629, "加快推进广西科技大学柳东校区（二期）", "计划推进")], locality="L_ZHIJIAOYUAN")
P("职教园南部共享区邻里中心", "Vocational-education park southern shared-area neighbourhood centre", "商业服务", "P1",
  [M("001", 95, Q001_95C, "计划推进")], locality="L_ZHIJIAOYUAN", inferred=False)
P("柳州大学生创业园", "Liuzhou university-student entrepreneurship park", "科技创新平台", "P1",
  [M("001", 86, "提升柳州大学生创业园等载体公共服务能力", "运营", as_fact=True),
   M("004", 86, "进一步完善柳州大学生创业园的建设", "计划推进")], locality="L_ZHIJIAOYUAN")
P("柳州市海内外高端人才创业创新示范基地", "Liuzhou high-end talent entrepreneurship demonstration base",
  "科技创新平台", "P1",
  [M("004", 41, "柳州市海内外高端人才创业创新示范基地成功引进一批拥有先进技术、带动产业升级发展的高层次项目", "运营"),
   M("004", 86, "推进柳州市海内外高端人才创业创新示范基地建设", "计划推进"),
   M("001", 37, "海内外高端人才创业创新示范基地成功落地专家项目2个", "运营")], locality="L_ZHIJIAOYUAN")
P("人力资源劳动力储备供应基地", "Human-resources labour reserve and supply base", "科技创新平台", "P1",
  [M("004", 86, "同时完成人力资源劳动力储备供应基地的建设", "计划建成")], locality="L_ZHIJIAOYUAN")
P("柳州市乡村振兴培训学校", "Liuzhou rural-revitalisation training school", "教育", "P1",
  [M("004", 58, Q004_58R, "完成可研")], locality="L_ZHIJIAOYUAN")

# ================================================================ P2 保税物流园 (bonded logistics, trade)
P("柳州保税物流中心（B型）", "Liuzhou Bonded Logistics Centre (type B)", "物流商贸", "P2",
  [M("002", 560, "柳州保税物流中心(B)型"), M("004", 52, "发挥柳州保税物流中心（B型）作用", "运营"), M("004", 104, "充分发挥柳州保税物流中心（B型）、官塘港等作用"), M("003", 68, "保税物流中心封关运营", "运营"),
   M("004", 33, "柳州保税物流中心（B型）出口贸易总额突破1亿元", "运营"),
   M("001", 34, "柳州保税物流中心（B型）零关税螺蛳粉直抵泰国，二手车出口飘洋过海，全年通关货物274票，进出口贸易额2.5亿元", "运营"),
   M("001", 83, "优化保税物流中心（B型）在西部陆海新通道发展中的定位并拓展功能")],
  figs=[F("全年通关货物", "customs declarations in the year", 274, "票", "001", 34),
        F("进出口贸易额", "import and export value", 2.5, "亿元", "001", 34),
        F("上半年出口贸易总额（突破）", "exports in H1 (exceeded)", 1, "亿元", "004", 33)])
P("保税仓储物流中心", "Bonded warehousing logistics centre", "物流商贸", "P2",
  [M("004", 78, Q004_78S, "计划开工")])
P("柳州综合保税区", "Liuzhou comprehensive bonded zone", "物流商贸", "P2",
  [M("000", 63, Q000_63, "计划研究")], scope="unclear",
  remarks="Only a feasibility study of applying for one (“探索申报建设…的可行性”); no place is given.")
P("千业物流项目", "Qianye Logistics project", "物流商贸", "P2", [M("004", 33, Q004_33, "开工")])
P("全通仓储物流中心项目", "Quantong warehousing & logistics centre", "物流商贸", "P2",
  [M("004", 33, Q004_33, "落地")])
P("柳州国家公路枢纽柳东物流中心", "Liuzhou national highway hub Liudong logistics centre", "物流商贸", "P2",
  [M("003", 60, "柳州国家公路枢纽柳东物流中心投入使用", "运营")])
P("柳州东盟汽车贸易中心", "Liuzhou ASEAN Automobile Trade Centre", "物流商贸", "P2",
  [M("001", 34, "柳州东盟汽车贸易中心开业运营，22个知名汽车品牌签约入驻", "运营"), M("001", 83, Q001_83T)],
  figs=[F("签约入驻汽车品牌", "car brands signed", 22, "个", "001", 34)])
P("中国二手车出口基地（柳州）", "China used-car export base (Liuzhou)", "物流商贸", "P2",
  [M("001", 83, "立足中国二手车出口基地（柳州），支持新区二手车业务扩张", "运营", as_fact=True)],
  scope="city-level", remarks="A designation of Liuzhou as a whole; Liudong builds its used-car business on it.")
P("汽车后市场项目", "Automotive aftermarket project", "物流商贸", "P2", [M("004", 78, Q004_78S, "计划推进")])
P("柳药集团现代医药物流项目", "Liuzhou Pharmaceutical Group modern pharmaceutical logistics", "物流商贸", "P2",
  [M("001", 98, Q001_98L, "计划供地")])
P("苏宁易购广西桂北智慧电商产业园（一期）", "Suning Guangxi Guibei smart e-commerce park phase I", "物流商贸", "P2",
  [M("004", 43, Q004_43, "竣工")])
P("官塘港", "Guantang Port", "交通设施", "P2",
  [M("004", 104, "充分发挥柳州保税物流中心（B型）、官塘港等作用", "运营", as_fact=True)])

# ================================================================ P3 金融科创园 (finance)
P("产业金融核心区", "Industrial-finance core district", "金融服务", "P3",
  [M("000", 45, "前瞻前瞻布局产业金融核心区，打造供应链金融产业聚集地", "规划"),
   M("004", 106, "加快推进面向东盟金融门户产业金融核心区及绿色金融改革创新试验区建设", "计划推进")],
  locality="L_CENTRE")
P("柳东新区绿色金融改革创新试验区（核心区）", "Liudong green-finance reform pilot zone (core)", "金融服务", "P3",
  [M("004", 54, "“柳东新区绿色金融改革创新试验区（核心区）”等材料组织和申报工作", "申报"),
   M("004", 106, "加快推进面向东盟金融门户产业金融核心区及绿色金融改革创新试验区建设", "计划推进")],
  locality="L_CENTRE")
P("建行“创业者港湾”", "CCB 'Entrepreneurs' Harbour'", "金融服务", "P3", [M("001", 86, Q001_86F, "运营", as_fact=True)],
  locality="L_CENTRE")
P("柳州科技金融联合实验室", "Liuzhou sci-tech finance joint laboratory", "金融服务", "P3",
  [M("001", 86, Q001_86F, "运营", as_fact=True)], locality="L_CENTRE")
P("新柳大道办公商务商业带", "Xinliu Avenue office, business and retail belt", "商业服务", "P3",
  [M("002", 283, "打造新柳大道办公商务商业带", "规划")], locality="L_CENTRE", road="R_XINLIU_DADAO")

# ================================================================ P4 高新孵化园 (R&D, incubation)
P("滨江智谷", "Binjiang Smart Valley", "科技创新平台", "P4",
  [M("002", 423, "加快推动广西工业设计城、柳州市滨江智谷建设", "计划推进"), M("000", 31, "高标准规划建设“滨江智谷”、科技园", "规划"),
   M("004", 41, Q004_41, "推进中"), M("004", 84, Q004_84, "计划推进"),
   M("004", 90, "重点推进《土方平衡调整研究》《滨江智谷片区控规与城市设计研究》等")],
  locality="L_BINJIANG")
P("科技园", "Science park", "科技创新平台", "P4",
  [M("000", 31, "高标准规划建设“滨江智谷”、科技园", "规划")], locality="L_GUANTANG")
P("科技园商业综合体", "Science-park commercial complex", "商业服务", "P4",
  [M("001", 95, Q001_95C, "计划推进")], locality="L_GUANTANG")
P("广西汽车研究院", "Guangxi Automotive Research Institute", "科技创新平台", "P4",
  [M("003", 154, "推进电子科技大学广西智能制造产业技术研究院、广西汽车研究院等项目建设", "计划推进"), M("002", 454, "广西汽车研究院"), M("004", 41, Q004_41, "获批设立"), M("004", 84, Q004_84, "计划推进"),
   M("001", 86, "以新能源汽车广西实验室、广西汽车研院为核心")], locality="L_GUANTANG",
  figs=[F("在建研究中心", "research centres under construction", 5, "个", "004", 84)])
P("广西新能源汽车实验室", "Guangxi New Energy Vehicle Laboratory", "科技创新平台", "P4",
  [M("001", 37, "首家自治区实验室——广西新能源汽车实验室在新区挂牌成立，7名院士领军研发", "挂牌成立"),
   M("001", 86, "以新能源汽车广西实验室、广西汽车研院为核心")], locality="L_GUANTANG",
  figs=[F("领军研发院士", "academicians leading R&D", 7, "名", "001", 37)])
P("广西智能汽车生态科技孵化器", "Guangxi smart-vehicle ecosystem incubator", "科技创新平台", "P4",
  [M("004", 41, Q004_41, "运营"), M("004", 84, Q004_84, "计划推进")], locality="L_GUANTANG")
P("柳州宏德激光项目", "Liuzhou Hongde Laser project", "装备制造", "P4",
  [M("004", 41, Q004_41, "落地"), M("004", 84, Q004_84, "计划推进")], locality="L_GUANTANG")
P("万洋科技城项目", "Wanyang Science City project", "产业园区", "P4",
  [M("004", 41, Q004_41, "合作意向")], locality="L_GUANTANG")
P("柳州市科技创新创业示范基地", "Liuzhou sci-tech innovation & entrepreneurship demonstration base",
  "科技创新平台", "P4",
  [M("000", 43, "加快建设集科技创新、科技孵化、政产学研平台、科技中介服务为一体的“柳州市科技创新创业示范基地”", "计划推进")],
  locality="L_GUANTANG")
P("中意科技企业孵化器", "China–Italy technology business incubator", "科技创新平台", "P4",
  [M("000", 63, Q000_63, "计划研究")], locality="L_GUANTANG", scope="unclear",
  remarks="“探索在柳州共建”: to be explored, in Liuzhou; no text places it in Liudong.")
P("中意可再生能源研究中心", "China–Italy renewable-energy research centre", "科技创新平台", "P4",
  [M("000", 63, Q000_63, "计划研究")], locality="L_GUANTANG", scope="unclear",
  remarks="“探索在柳州共建”: to be explored, in Liuzhou; no text places it in Liudong.")
P("柳州离岸创新创业中心", "Liuzhou offshore innovation & entrepreneurship centre", "科技创新平台", "P4",
  [M("000", 63, "利用欧盟科创平台推动设立柳州离岸创新创业中心", "规划")], locality="L_GUANTANG", scope="unclear",
  remarks="To be set up using EU innovation platforms; named for Liuzhou, no place given.")
P("汽车城人才智力成果交易平台", "Automobile City talent & intellectual-output exchange platform",
  "科技创新平台", "P4", [M("000", 61, "建设汽车城人才智力成果交易平台", "规划")], locality="L_GUANTANG")
P("中源协和柳东新区细胞与基因产业基地", "VCANBIO Liudong cell & gene industry base", "医药健康", "P4",
  [M("004", 96, Q004_96, "计划竣工")], locality="L_GUANTANG")
P("大华研发基地", "Dahua R&D base", "科技创新平台", "P4", [M("004", 96, Q004_96, "计划开工")],
  locality="L_GUANTANG")
P("772数字文化创意产业园", "772 digital cultural & creative industry park", "会展文旅", "P4",
  [M("001", 34, "广西首家综合性文创园——772数字文化创意产业园开园运营， 12个重大文化产业项目集中签约，入驻企业105家", "运营"),
   M("001", 83, Q001_83T), M("001", 62, "构建772产业园新业态党建综合体系")],
  locality="L_GUANTANG",
  figs=[F("集中签约重大文化产业项目", "major cultural projects signed", 12, "个", "001", 34),
        F("入驻企业", "firms on site", 105, "家", "001", 34)])

# ================================================================ Z1 科教服务片: centre, culture, services
P("柳东新区文化广场", "Liudong Culture Square", "公共文化", "Z1",
  [M("003", 82, Q003_82, "基本完工"), M("003", 255, "柳东新区文化广场"), M("004", 37, Q004_37C, "交付使用")],
  locality="L_CENTRE", remarks=R_TEN_WORKS)
P("启元广场", "Qiyuan Square", "公共文化", "Z1", [M("001", 40, Q001_40P, "交付使用")], locality="L_CENTRE")
P("柳州图书馆（新馆）", "Liuzhou Library (new building)", "公共文化", "Z1",
  [M("004", 37, Q004_37C, "开工"), M("004", 92, Q004_92P, "计划推进"), M("001", 40, Q001_40P, "竣工"),
   M("001", 95, Q001_95P, "计划验收")], locality="L_CENTRE")
P("柳州市档案中心", "Liuzhou Archives Centre", "公共文化", "Z1",
  [M("004", 92, Q004_92P, "计划推进"), M("001", 40, Q001_40P, "主体完工"), M("001", 95, Q001_95P, "计划验收")],
  locality="L_CENTRE")
P("工人文化宫", "Workers' Cultural Palace", "公共文化", "Z1", [M("001", 40, Q001_40P, "竣工")], locality="L_CENTRE")
P("柳州国际会展中心（一二三期）", "Liuzhou International Convention & Exhibition Centre (phases I–III)", "会展文旅", "Z1",
  [M("004", 78, "将柳州国际会展中心打造成柳州市跨界融合发展的新名片"),
   M("001", 83, "实现会展中心一二三期整体运营", "计划运营")], locality="L_CENTRE")
P("融创体育综合体", "Sunac sports complex", "会展文旅", "Z1", [M("004", 37, Q004_37C, "推进中")], locality="L_LONGHU")
P("卡乐星球", "Kale Planet theme park", "会展文旅", "Z1",
  [M("004", 78, "以克里湾水乐园、卡乐星球各类主题活动为重点", "运营", as_fact=True),
   M("001", 83, "加快卡乐星球改造和存量资源开发", "计划改造")], locality="L_LONGHU")
P("克里湾水乐园", "Keliwan water park", "会展文旅", "Z1",
  [M("004", 78, "以克里湾水乐园、卡乐星球各类主题活动为重点", "运营", as_fact=True)], locality="L_LONGHU")
P("柳州国际汽车文化旅游度假区", "Liuzhou international automotive culture & tourism resort", "会展文旅", "Z1",
  [M("000", 43, "推进柳州国际汽车文化旅游度假区和雒容、洛埠特色小镇建设", "计划推进")], locality="L_LONGHU")
P("江悦友邻汇", "Jiangyue Youlinhui neighbourhood mall", "商业服务", "Z1", [M("001", 40, Q001_40Y, "运营")],
  locality="L_BINJIANG")
P("九岭西岸友邻汇", "Jiuling Xi'an Youlinhui neighbourhood mall", "商业服务", "Z1",
  [M("001", 40, Q001_40Y, "推进中"), M("004", 92, Q004_92P, "计划推进"), M("001", 95, Q001_95C, "计划推进")],
  locality="L_CENTRE")
P("龙湖友邻汇", "Longhu Youlinhui neighbourhood mall", "商业服务", "Z1",
  [M("001", 40, Q001_40Y, "推进中"), M("001", 95, Q001_95C, "计划推进")], locality="L_LONGHU")
P("南寨友邻汇", "Nanzhai Youlinhui neighbourhood mall", "商业服务", "Z1",
  [M("004", 92, Q004_92P, "计划推进"), M("001", 95, Q001_95C, "计划推进")], locality="L_CENTRE")
P("柳东龙湖商业副中心", "Liudong Longhu commercial sub-centre", "商业服务", "Z1",
  [M("002", 506, "打造柳东龙湖、阳和工业新区（北部生态新区）两大商业副中心", "规划"),
   M("002", 1119, "围绕打造柳东龙湖、北部生态新区两大商业副中心", "规划")], locality="L_LONGHU")
P("龙湖东侧商住地块", "Residential-commercial plots east of Longhu", "土地供应", "Z1",
  [M("001", 98, Q001_98L, "计划供地")], locality="L_LONGHU")
P("滨江片区商住地块", "Binjiang residential-commercial plots", "土地供应", "Z1",
  [M("001", 98, Q001_98L, "计划供地")], locality="L_BINJIANG")
P("明德中学", "Mingde Middle School", "教育", "Z1",
  [M("004", 109, Q004_109, "计划建设"), M("001", 59, Q001_59E, "开工"), M("001", 95, Q001_95P, "计划验收")],
  locality="L_CENTRE")
P("明德小学", "Mingde Primary School", "教育", "Z1",
  [M("002", 621, "新建文博小学、新白露中心校、明德小学", "计划建设"), M("004", 109, Q004_109, "计划建设"), M("001", 59, Q001_59E, "开工"), M("001", 95, Q001_95P, "计划验收")],
  locality="L_CENTRE")
P("龙象城小区幼儿园", "Longxiangcheng estate kindergarten", "教育", "Z1", [M("004", 58, Q004_58E, "回购转公办")],
  locality="L_CENTRE")
P("国家级区域医疗中心", "National regional medical centre", "医疗卫生", "Z1",
  [M("001", 59, "国家级区域医疗中心落地新区", "落地")], locality="L_CENTRE")
P("柳州市儿童医院三期", "Liuzhou Children's Hospital phase III", "医疗卫生", "Z1",
  [M("002", 661, "市儿童医院（三期）工程", "计划推进"), M("004", 58, Q004_58H, "在建"), M("004", 109, Q004_109H, "计划交付"),
   M("003", 307, "完工市儿童医院（三期）项目", "计划竣工")], locality="L_CENTRE")
P("柳州妇幼保健院（柳东分院）", "Liuzhou Maternal & Child Health Hospital (Liudong branch)", "医疗卫生", "Z1",
  [M("002", 496, "推动柳州妇幼保健院（柳东分院）由专科三甲医院向综合性三甲医院转型升级", "运营", as_fact=True)],
  locality="L_CENTRE")
P("柳东新区颐养中心", "Liudong elderly-care centre", "养老", "Z1",
  [M("004", 58, Q004_58H, "在建"), M("001", 59, "颐养中心竣工移交，新增养老服务床位372张", "竣工"),
   M("002", 689, "柳东新区颐养中心", "计划推进")], locality="L_CENTRE",
  figs=[F("新增养老服务床位", "new elderly-care beds", 372, "张", "001", 59)])
P("柳东新区老年活动中心", "Liudong senior activity centre", "养老", "Z1",
  [M("003", 306, "开工建设五城区、柳东新区6所老年活动中心（老年大学）", "计划开工"),
   M("001", 101, "完成老年活动中心建设", "计划建成")], locality="L_CENTRE")
P("滨江生态公园", "Binjiang ecological park", "生态环境", "Z1",
  [M("001", 95, "推动滨江生态公园全线施工建设", "计划推进")], locality="L_BINJIANG")
P("滨江生态修复工程", "Binjiang ecological restoration works", "生态环境", "Z1",
  [M("004", 37, Q004_37C, "对外开放"), M("004", 90, "精心打造河湖水系滨水空间、滨江生态修复工程等景观规划建设")],
  locality="L_BINJIANG")
P("莫道江南支河道综合整治工程", "Modaojiang south branch river improvement works", "市政水利", "Z1",
  [M("001", 40, "莫道江南支河道综合整治工程完工", "竣工")], locality="L_JIANGBIN")
P("中心区公交首末站", "Central district bus terminus", "交通设施", "Z1", [M("001", 40, Q001_40B, "移交")],
  locality="L_CENTRE")
P("创业大道公交首末站", "Chuangye Avenue bus terminus", "交通设施", "Z1", [M("001", 40, Q001_40B, "移交")],
  road="R_CHUANGYE_DADAO")
P("柳东新区（官塘）综合客运枢纽", "Liudong (Guantang) integrated passenger hub", "交通设施", "Z1",
  [M("002", 582, Q002_582, "规划"), M("002", 564, "柳东新区综合客运枢纽站", "规划")], locality="L_GUANTANG",
  inferred=False)
P("新柳大道—官塘大道互通立交工程", "Xinliu Avenue–Guantang Avenue interchange", "道路", "Z1",
  [M("002", 582, Q002_582, "规划")], inferred=False, crossing=("R_XINLIU_DADAO", "R_GUANTANG_DADAO"))
P("官塘大桥及莲花大道工程", "Guantang Bridge and Lianhua Avenue works", "道路", "Z1",
  [M("003", 82, Q003_82, "基本完工"), M("003", 255, "官塘大桥及莲花大道工程")], inferred=False,
  crossing=("R_GUANTANG_BRIDGE", "R_GUANTANG_DADAO"),
  remarks="The bridge crosses the Liujiang; the point marks its east (Liudong) abutment. " + R_TEN_WORKS)
P("柳东新区导轨式胶轮智慧捷运系统（RRT）环线", "Liudong guided rubber-tyred rapid transit (RRT) loop", "交通设施", "Z1",
  [M("002", 578, "以及柳东新区、柳江区导轨式胶轮智慧捷运系统（RRT）环线", "规划")], locality="L_CENTRE")
P("创业大道", "Chuangye Avenue", "道路", "Z1", [M("001", 40, Q001_40B)], road="R_CHUANGYE_DADAO", inferred=False)
P("高岩路", "Gaoyan Road", "道路", "Z1", [M("004", 92, Q004_92R, "计划推进")], road="R_GAOYAN_LU", inferred=False)
P("高阳路（核心区及周边片区路网）", "Gaoyang Road (core-area road network)", "道路", "Z1",
  [M("004", 92, Q004_92R, "计划开工")], road="R_GAOYANG_LU", inferred=False)
P("高望路（核心区及周边片区路网）", "Gaowang Road (core-area road network)", "道路", "Z1",
  [M("004", 92, Q004_92R, "计划开工")], road="R_GAOWANG_LU", inferred=False)
P("安和路北段", "Anhe Road, north section", "道路", "Z1", [M("001", 40, Q001_40R, "竣工")], road="R_ANHE_LU",
  inferred=False)
P("容庆路西段（八角岭路）", "Rongqing Road west section (Bajiaoling Road)", "道路", "Z1",
  [M("001", 40, Q001_40R, "通车")], road="R_RONGQING_LU", inferred=False)
P("润东路", "Rundong Road", "道路", "Z1", [M("004", 37, Q004_37R, "通车")], road="R_RUNDONG_LU", inferred=False)
P("江滨纬七路", "Jiangbin Weiqi Road", "道路", "Z1", [M("004", 37, Q004_37R, "通车")], road="R_JIANGBIN_WEI7",
  inferred=False)
P("江滨横十四路", "Jiangbin Heng 14 Road", "道路", "Z1", [M("004", 37, Q004_37R, "通车")],
  road="R_JIANGBIN_HENG14", inferred=False)
P("柳东新区江滨居住生活区路网工程", "Liudong Jiangbin residential-area road network", "道路", "Z1",
  [M("002", 582, Q002_582, "规划"),
   M("004", 37, "江滨片区北、扇形地块等各片区内部路网基本成型", "基本成型")], locality="L_JIANGBIN",
  inferred=False)
P("滨江片区路网及地下综合管线", "Binjiang road network and utility tunnels", "道路", "Z1",
  [M("001", 95, Q001_95N, "计划推进"), M("002", 283, Q002_283R, "规划")], locality="L_BINJIANG", inferred=False)
P("秀水片区路网及地下综合管线", "Xiushui road network and utility tunnels", "道路", "Z2",
  [M("001", 95, Q001_95N, "计划推进")], locality="L_XIUSHUI", inferred=False)
P("南部片区路网", "Southern area road network", "道路", "Z1", [M("002", 283, Q002_283R, "规划")],
  locality="L_SOUTH", inferred=False)
P("柳东新区高铁站", "Liudong high-speed railway station", "交通设施", "Z2",
  [M("003", 201, "开展柳东新区高铁站规划研究", "计划研究"),
   M("001", 40, "抓实高铁站、凤凰岭片区等板块用地适宜性研究", "研究中")], locality="L_GAOTIE")
P("东锦绿苑安置项目", "Dongjin Lüyuan resettlement housing", "安置住房", "Z1",
  [M("004", 47, "完成东锦绿苑项目竣工验收，竣工面积约12.5万平方米", "验收")], locality="L_SOUTH",
  figs=[F("竣工面积", "completed floor area", 12.5, "万平方米", "004", 47)])
P("东悦佳苑（含四期）安置项目", "Dongyue Jiayuan resettlement housing (incl. phase IV)", "安置住房", "Z1",
  [M("004", 47, Q004_47A, "续建"), M("001", 101, Q001_101H, "计划交付")], locality="L_SOUTH")
P("东悦学之轩安置项目", "Dongyue Xuezhixuan resettlement housing", "安置住房", "Z1",
  [M("001", 101, Q001_101H, "计划交付")], locality="L_SOUTH")
P("E区厂房（一期）保租房项目", "Zone E factory buildings (phase I): affordable rental housing", "保障性租赁住房", "Z2",
  [M("004", 78, Q004_78S, "计划开工"), M("001", 101, Q001_101H, "计划推进")], locality="L_HUALING",
  aliases=["E区标准厂房"],
  remarks="004 line 78 plans to start the E区标准厂房 (standard factory buildings, zone E); 001 line 101 plans an "
          "affordable-rental-housing project in the E区厂房（一期）. Taken as one place; no text says where zone E is.")
P("三门江油茶产业示范区", "Sanmenjiang camellia-oil industry demonstration area", "乡村振兴", "Z1",
  [M("001", 59, "三门江油茶产业示范区成为自治区五星级现代特色农业示范区", "获认定")], locality="L_JIANGBIN")

# ================================================================ Z2 产业聚集片: roads, housing, land
P("官塘大道北段", "Guantang Avenue, north section", "道路", "Z2", [M("004", 92, Q004_92R, "计划推进")],
  road="R_GUANTANG_DADAO", inferred=False)
P("龙岭大道", "Longling Avenue", "道路", "Z2",
  [M("004", 37, "龙岭大道、车园纵六路等一批重点道路通车，花岭片区实现交通循环畅通", "通车")],
  road="R_LONGLING_DADAO", inferred=False)
P("曙光大道南侧地块路网", "Road network south of Shuguang Avenue", "道路", "Z2",
  [M("004", 92, Q004_92R, "计划推进")], road="R_SHUGUANG_DADAO", inferred=False)
P("博园大道北段", "Boyuan Avenue, north section", "道路", "Z2",
  [M("001", 95, "新开工博园大道北段及古镇路涉铁项目", "计划开工")], road="R_BOYUAN_DADAO", inferred=False)
P("清江大道下穿铁路工程", "Qingjiang Avenue rail underpass", "道路", "Z2", [M("001", 95, Q001_95X, "计划通车")],
  road="R_QINGJIANG_DADAO", inferred=False)
P("中欧纵一路", "Zhongou Zong 1 Road", "道路", "C2", [M("001", 95, Q001_95X, "计划通车")],
  road="R_ZHONGOU_ZONG1", inferred=False)
P("中欧纵十一路（通车至木棉路）", "Zhongou Zong 11 Road (to Mumian Road)", "道路", "C2",
  [M("001", 95, "实现中欧纵十一路通车至木棉路", "计划通车")], road="R_ZHONGOU_ZONG11", inferred=False)
P("中欧纵十一路上跨北环高速桥", "Zhongou Zong 11 Road bridge over the Northern Ring Expressway", "道路", "Z2",
  [M("001", 95, Q001_95X, "计划通车")], inferred=False, crossing=("R_ZHONGOU_ZONG11", "R_BEIHUAN_GAOSU"))
P("中欧产业园横十路", "Zhongou Industrial Park Heng 10 Road", "道路", "C2", [M("001", 40, Q001_40R, "竣工")],
  road="R_ZHONGOU_HENG10", inferred=False)
P("中欧片区污水主干网", "Zhongou area trunk sewer", "市政水利", "C2",
  [M("001", 95, "打通中欧片区污水主干网“最后一公里”", "计划建成")], locality="L_ZHONGOU", inferred=False)
P("中欧产业园（片区）路网工程", "Zhongou Industrial Park road network", "道路", "C2",
  [M("002", 582, Q002_582, "规划"), M("001", 95, Q001_95N, "计划推进"), M("002", 283, Q002_283R, "规划")],
  locality="L_ZHONGOU", inferred=False)
P("中欧区域政策合作示范区", "China–EU regional policy co-operation demonstration zone", "产业园区", "C2",
  [M("000", 63, "力争建设中欧区域政策合作试验区或示范高地", "规划"),
   M("004", 52, "统筹推动“中欧区域政策合作示范区”建设", "推进中"),
   M("004", 104, "继续深化中欧区域政策合作，打造中欧区域政策合作示范区", "计划推进")], locality="L_ZHONGOU")
P("连运路东延长线", "Lianyun Road east extension", "道路", "Z2",
  [M("001", 95, "实现连运路东延长线全线完工通车", "计划通车")], road="R_LIANYUN_LU", inferred=False)
P("花岭公交首末站", "Hualing bus terminus", "交通设施", "Z2", [M("001", 40, Q001_40B, "移交")],
  locality="L_HUALING", inferred=False)
P("花岭物流园（二期）保租房项目", "Hualing logistics park (phase II) affordable rental housing", "保障性租赁住房", "Z2",
  [M("001", 101, Q001_101H, "计划推进")], locality="L_HUALING", inferred=False)
P("粤桂黔高铁经济带合作试验区（柳州）广西园", "Guangdong–Guangxi–Guizhou HSR economic belt pilot zone, Guangxi park",
  "产业园区", "Z2",
  [M("003", 187, "推动粤桂黔高铁经济带合作试验区广西园加快发展", "计划推进"), M("003", 88, "粤桂黔高铁经济带合作试验区广西园、中德（柳州）产业园加快建设", "在建"),
   M("004", 52, "推动粤桂黔高铁经济带合作试验区（柳州）广西园建设", "推进中"),
   M("000", 65, "推动粤桂黔滇高铁经济示范带试验区（柳州）广西园建设", "计划推进")], locality="L_GAOTIE")
P("桂中监狱五期处置收储", "Guizhong Prison phase V land disposal and reserve", "土地供应", "Z2",
  [M("001", 54, "桂中监狱五期处置收储签约", "收储签约"),
   M("004", 100, "以桂中监狱土地收储为重点，力争国有土地收储7130.9亩", "计划收储")], locality="L_HUALING_N",
  figs=[F("国有土地收储目标（全区，以桂中监狱为重点）", "state land reserve target (whole district)", 7130.9, "亩", "004", 100)])
P("坪龙三产项目", "Pinglong village collective (tertiary-sector) project", "农民三产开发", "Z2",
  [M("001", 54, "坪龙、凉水塘三产项目启动建设", "开工")], locality="L_HUALING")
P("凉水塘三产项目", "Liangshuitang village collective (tertiary-sector) project", "农民三产开发", "Z2",
  [M("001", 54, "坪龙、凉水塘三产项目启动建设", "开工")], locality="L_HUALING")
P("蚂蟥屯三产项目", "Mahuang hamlet collective (tertiary-sector) project", "农民三产开发", "Z2",
  [M("004", 47, Q004_47S, "上市交易")], locality="L_FENGHUANGLING")
P("藕塘屯三产项目", "Outang hamlet collective (tertiary-sector) project", "农民三产开发", "Z2",
  [M("004", 47, Q004_47S, "上市交易")], locality="L_FENGHUANGLING")
P("龙婆片区安置项目", "Longpo area resettlement housing", "安置住房", "Z2",
  [M("004", 47, "龙婆片区等3个项目开展前期工作", "前期工作"), M("004", 100, Q004_100, "计划开工")],
  locality="L_FENGHUANGLING")
P("高荒高阳片区安置项目", "Gaohuang–Gaoyang area resettlement housing", "安置住房", "Z2",
  [M("004", 100, Q004_100, "计划开工")], locality="L_FENGHUANGLING")
P("东庭洛江湾安置项目", "Dongting Luojiangwan resettlement housing", "安置住房", "Z2",
  [M("004", 100, Q004_100, "计划验收")], locality="L_GAOTIE")
P("龙岭小学", "Longling Primary School", "教育", "Z2", [M("004", 58, Q004_58E, "改建完成")], locality="L_HUALING")

# ================================================================ Z3 城镇升级片: 雒容, 洛埠
P("雒容汽车小镇", "Luorong automobile town", "特色小镇", "Z3",
  [M("002", 373, "柳东新区雒容汽车小镇", "规划"),
   M("000", 43, "推进柳州国际汽车文化旅游度假区和雒容、洛埠特色小镇建设", "计划推进")],
  locality="L_LUORONG", inferred=False)
P("洛埠镇特色小镇", "Luobu characteristic town", "特色小镇", "Z3",
  [M("002", 379, "柳东新区洛埠镇特色小镇", "规划"),
   M("000", 43, "推进柳州国际汽车文化旅游度假区和雒容、洛埠特色小镇建设", "计划推进"),
   M("000", 57, "推进洛埠镇撤镇设街过渡期后续工作，打造产业“特而强”、功能“聚而合”、形态“小而美”、机制“新而活”的特色小镇")],
  locality="L_LUOBU", inferred=False)
P("雒容商品车发运基地", "Luorong finished-vehicle rail dispatch base", "物流商贸", "Z3",
  [M("001", 83, "强化雒容商品车发运基地“铁海联运”服务能力", "运营", as_fact=True)], locality="L_LUORONG", inferred=False)
P("雒容镇第三幼儿园", "Luorong Town No. 3 Kindergarten", "教育", "Z3",
  [M("004", 109, Q004_109, "计划竣工"), M("001", 59, Q001_59E, "招生办学")], locality="L_LUORONG",
  inferred=False)
P("雒容镇第二幼儿园", "Luorong Town No. 2 Kindergarten", "教育", "Z3",
  [M("002", 620, "新建白云幼儿园、雒容镇第二幼儿园等一批公办幼儿园", "计划建设")], locality="L_LUORONG",
  inferred=False)
P("雒容镇中心卫生院整体搬迁项目", "Luorong Town central health centre relocation", "医疗卫生", "Z3",
  [M("004", 109, Q004_109H, "计划交付")], locality="L_LUORONG", inferred=False)
P("洛埠镇卫生院", "Luobu Town health centre", "医疗卫生", "Z3", [M("004", 58, Q004_58H, "在建")],
  locality="L_LUOBU", inferred=False)
P("雒容中沟泵站", "Luorong Zhonggou pumping station", "市政水利", "Z3",
  [M("001", 40, "雒容中沟泵站试机运行提升防洪能力", "试运行")], locality="L_LUORONG", inferred=False)
P("雒容中沟污水整治改造项目", "Luorong Zhonggou sewage improvement", "市政水利", "Z3",
  [M("001", 101, "完工雒容中沟污水整治改造项目", "计划竣工")], locality="L_LUORONG", inferred=False)
P("雒容镇糖厂、林纸厂老旧小区改造", "Luorong sugar-mill and paper-mill old estates renovation", "老旧小区改造", "Z3",
  [M("001", 101, "完成雒容镇糖厂、林纸厂老旧“三无”小区改造", "计划竣工")], locality="L_LUORONG", inferred=False)
P("雒容停保场", "Luorong bus depot", "交通设施", "Z3", [M("001", 95, Q001_95B, "续建", as_fact=True)], locality="L_LUORONG",
  inferred=False)
P("洛埠首末站", "Luobu bus terminus", "交通设施", "Z3", [M("001", 95, Q001_95B, "续建", as_fact=True)], locality="L_LUOBU",
  inferred=False)
P("雒容镇聚友农庄", "Luorong Juyou farm", "乡村振兴", "Z3",
  [M("001", 59, "雒容镇聚友农庄荣膺“2022年广西休闲农业与乡村旅游示范点”", "获认定")], locality="L_LUORONG",
  inferred=False)
P("洛清江段防洪体系", "Luoqing River flood-defence system", "市政水利", "Z3",
  [M("002", 283, "启动洛清江段防洪体系建设", "计划开工")], locality="L_LUORONG")
P("雒容东部片区路网", "Eastern Luorong road network", "道路", "Z3", [M("002", 283, Q002_283R, "规划")],
  locality="L_LUORONG_E", inferred=False)
P("古镇路（涉铁项目）", "Guzhen Road (incl. rail crossing)", "道路", "Z3",
  [M("004", 92, Q004_92R, "计划推进"), M("001", 95, "新开工博园大道北段及古镇路涉铁项目", "计划开工")],
  road="R_GUZHEN_LU", inferred=False)
P("鹿寨—钦州港公路鹿寨至鱼峰段", "Luzhai–Qinzhou Port highway, Luzhai–Yufeng section", "道路", "Z3",
  [M("001", 98, "逐步征收鹿寨-钦州港公路鹿寨至鱼峰段等项目用地", "计划征地")], road="R_LUZHAI_QINZHOU",
  inferred=False)
P("鹿寨县城北至雒容公路", "Luzhai North–Luorong highway", "道路", "Z3", [M("002", 582, Q002_582, "规划")],
  road="R_LUZHAI_LUORONG", inferred=False)
P("雒容至下金田乡村振兴精品示范带", "Luorong–Xiajintian rural-revitalisation showcase belt", "乡村振兴", "Z3",
  [M("004", 37, "完成《柳东新区雒容至下金田乡村振兴精品示范带风貌提升规划》编制", "规划编制完成")], locality="L_LUORONG_E")
P("上金田屯综合示范村", "Shangjintian comprehensive demonstration village", "乡村振兴", "Z3",
  [M("004", 58, Q004_58R, "基本完工")], locality="L_LUORONG_E")
P("连丰村下金田屯新建安置住房", "Xiajintian (Lianfeng village) new resettlement housing", "安置住房", "Z3",
  [M("004", 58, Q004_58R, "基本完工")], locality="L_LUORONG_E")
P("连丰小学", "Lianfeng Primary School", "教育", "Z3", [M("004", 58, Q004_58E, "改建完成")], locality="L_LUORONG_E")
P("竹车小学", "Zhuche Primary School", "教育", "Z3", [M("004", 58, Q004_58E, "改建完成")], locality="L_LUORONG_E")
