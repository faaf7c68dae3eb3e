"""Things the texts name in Liudong but give no position for: villages and their 屯, a school,
the district's ports, housing estates, a river. They are findable (search answers “named in
《…》, position not given” with the quote) but drawn nowhere: a point would be invented.

Each entry: (id, name_zh, name_en, kind, part_of, mention, note[, named_as]). The name is written
as the text writes it, or `named_as` is the words of the quote that name it (“新区铁路、水运口岸”
names two ports); `part_of` is the village a 屯 belongs to, where the text says so.
"""
from projects import M

KIND_ZH = {"village": "村", "hamlet": "屯", "school": "学校", "port": "口岸", "housing_estate": "楼盘", "river": "河流"}

Q004_100 = "跟进坭桥村东门、中山，盘古村何家、大穴、城角等村屯的征地工作"
Q001_98 = "大力推进社尔、爱东、尚琴、牛路、木棉等屯房屋拆迁工作"
Q001_95 = "完善大唐、华润、碧桂园等楼盘周边配套"
Q000_63 = "加快推进新区铁路、水运口岸建设"
NOTE_LAND = "文本只提到其征地工作（2021年下半年计划），未给出位置。"
NOTE_DEMOLITION = "文本只提到其房屋拆迁工作（2023年计划），未给出位置。"
NOTE_ESTATE = "文本只提到完善其周边配套（2023年计划），未给出楼盘名称全称和位置。"

NAMED = [
    ("NP01", "秀水村", "Xiushui village", "village", None,
     M("001", 59, "秀水村入选“自治区第三批村（社区）法律顾问示范点"),
     "文本只提到它入选法律顾问示范点；与“秀水片区”同名，片区位置文本也未给出。"),
    ("NP02", "竹桐村", "Zhutong village", "village", None, M("004", 37, "推进竹桐村等4个新农村村庄规划编制工作"),
     "文本只提到其村庄规划编制工作。"),
    ("NP03", "坭桥村", "Niqiao village", "village", None, M("004", 100, Q004_100), NOTE_LAND),
    ("NP04", "东门", "Dongmen (hamlet of Niqiao village)", "hamlet", "坭桥村", M("004", 100, Q004_100), NOTE_LAND),
    ("NP05", "中山", "Zhongshan (hamlet of Niqiao village)", "hamlet", "坭桥村", M("004", 100, Q004_100), NOTE_LAND),
    ("NP06", "盘古村", "Pangu village", "village", None, M("004", 100, Q004_100), NOTE_LAND),
    ("NP07", "何家", "Hejia (hamlet of Pangu village)", "hamlet", "盘古村", M("004", 100, Q004_100), NOTE_LAND),
    ("NP08", "大穴", "Daxue (hamlet of Pangu village)", "hamlet", "盘古村", M("004", 100, Q004_100), NOTE_LAND),
    ("NP09", "城角", "Chengjiao (hamlet of Pangu village)", "hamlet", "盘古村", M("004", 100, Q004_100), NOTE_LAND),
    ("NP10", "社尔", "She'er (hamlet)", "hamlet", None, M("001", 98, Q001_98), NOTE_DEMOLITION),
    ("NP11", "爱东", "Aidong (hamlet)", "hamlet", None, M("001", 98, Q001_98), NOTE_DEMOLITION),
    ("NP12", "尚琴", "Shangqin (hamlet)", "hamlet", None, M("001", 98, Q001_98), NOTE_DEMOLITION),
    ("NP13", "牛路", "Niulu (hamlet)", "hamlet", None, M("001", 98, Q001_98), NOTE_DEMOLITION),
    ("NP14", "木棉", "Mumian (hamlet)", "hamlet", None, M("001", 98, Q001_98),
     NOTE_DEMOLITION + "不是木棉路（道路图层中的木棉路是示意绘制的）。"),
    ("NP15", "连丰村", "Lianfeng village", "village", None, M("004", 58, "连丰村下金田屯新建安置住房主体工程"),
     "文本提到其下金田屯的安置住房（见项目图层，位置为示意）；村本身的位置未给出。"),
    ("NP16", "柳铁一中初中部", "Liutie No. 1 Middle School, junior section", "school", None,
     M("001", 59, "柳铁一中初中部中考总分A+和A比率全市第一"), "文本只提到其中考成绩，未给出校址。"),
    ("NP17", "新区铁路口岸", "The district's railway port (of entry)", "port", None, M("000", 63, Q000_63),
     "文本只提出加快建设，未给出位置；雒容商品车发运基地、柳州铁路港是否即此口岸，文本未说明。", "新区铁路、水运口岸"),
    ("NP18", "新区水运口岸", "The district's water port (of entry)", "port", None, M("000", 63, Q000_63),
     "文本只提出加快建设，未给出位置；官塘港（见项目图层，位置为示意）是否即此口岸，文本未说明。", "新区铁路、水运口岸"),
    ("NP19", "大唐", "Datang housing estate", "housing_estate", None, M("001", 95, Q001_95), NOTE_ESTATE),
    ("NP20", "华润", "China Resources housing estate", "housing_estate", None, M("001", 95, Q001_95), NOTE_ESTATE),
    ("NP21", "碧桂园", "Country Garden housing estate", "housing_estate", None, M("001", 95, Q001_95), NOTE_ESTATE),
    ("NP22", "莫道江", "Modao River", "river", None,
     M("001", 40, "柳江官塘大桥至莫道江南支河段成为2022年度广西美丽幸福河湖"),
     "文本提到莫道江南支河段及其整治工程（见项目图层），未给出河道走向，河流图层未画它。"),
]
