"""Every quantitative statement the five texts make about Liudong (scope "liudong"), and the
headline city-wide figures (scope "city"), as indicators with values.

One indicator = one quantity in one unit for one scope. A growth rate is its own indicator
(measure "growth"), never a value of the level it grows, so no comparison can mix them.

    ind(id, name_zh, name_en, theme, scope, measure, unit, note=None)
    v(kind, period, stated, file, line, quote, share=None, note=None)

kind: "target" (a multi-year goal), "plan" (a goal for one year), "actual" (a reported figure).
period: "2022", "2021H1", "2016-2020" (a span), "2025" (a level at the end of that year).
stated: the figure exactly as the text writes it (q overrides the qualifier read from it); it must occur in `quote`, and `quote` on
`line` of `file`. share: a share of a target that the text itself reports next to the figure.
measure: "flow" (an amount during the period: land supplied in a year), "stock" (a level at the
end of the period: population, a running total), "growth" (a rate of change, %), "ratio" (a
percentage that is not a growth rate), "rank".
"""

INDICATORS = []


def ind(id, name_zh, name_en, theme, scope, measure, unit, note=None, implied_from=None):
    d = dict(id=id, name_zh=name_zh, name_en=name_en, theme=theme, scope=scope, measure=measure,
             unit=unit, note=note, implied_from=implied_from, values=[])
    INDICATORS.append(d)
    return d["values"]


def v(kind, period, stated, f, line, quote, share=None, note=None, q=None):
    return dict(kind=kind, period=period, stated=stated, f=f, line=line, quote=quote, share=share, note=note, q=q)


# ------------------------------------------------------------------ quotes used more than once
Q001_25 = ("2022年新区地区生产总值实现320.8亿元，增长6.7%；本级规上工业增加值增长19.25%；规上工业总产值完成1001.5亿元，"
           "增长25.4%，其中本级完成309.7亿元，增长20.74%；固定资产投资累计完成310.7亿元；一般公共预算收入完成7.1亿元；"
           "实际利用外资突破4250万美元，完成年度目标任务的142%")
Q001_72 = ("地区生产总值增长8%，一、二、三产增加值分别增长7%、9%、7%，规上工业增加值力争实现增长11%；规上工业总产值力争完成1210亿元，"
           "增长25%，其中本级完成370亿元，增长20%；固定资产投资完成329.3亿元，增长6%；招商引资到位资金完成120亿元；"
           "一般公共预算收入完成7.25亿元，增长5%")
Q004_26 = ("上半年新区地区生产总值完成145.07亿元，同比增长8.5%；规上工业总产值完成366.22亿元，同比增长18.32%，"
           "其中本级规上工业总产值完成114.46亿元；固定资产投资同比下降3.2%；财政收入完成29.29亿元，同比增长6.25%")
Q004_69 = ("全年力争实现地区生产总值增长8.5%；本级规上工业总产值新增100亿元；固定资产投资同比增长16%；财政收入完成55.37亿元，"
           "同比增长6%；招商引资同比增长8%；第三产业增加值同比增长12%。全年新增规上工业企业28家，三产规上（限上）企业25家")
Q004_100 = ("争取全年征地完成量达到4000亩。以桂中监狱土地收储为重点，力争国有土地收储7130.9亩。以项目为导向，力争完成拆迁约50万平方米")
Q004_47 = "上半年完成集体土地征收约1072.3亩，完成房屋拆迁面积约14.9万平方米，完成土地供应1457.83亩"
Q004_96 = "突出抓好作为第一责任单位的28项自治区级项目、79项市级项目，以及新区125项本级实施类重大项目建设"
Q001_50 = ("新区本级重大项目126项，完成投资135亿元，新开工37项，竣工15项；柳州市重大项目110项，完成投资113.26亿元；"
           "自治区级重大项目38项，完成投资48.5亿元，投资完成比例均为100%")
Q004_43 = ("上半年28项自治区层面统筹推进重大项目完成投资约20.24亿元，投资完成率约70.61%；79项柳州市层面统筹推进重大项目完成投资约54亿元，"
           "投资进度达57%；125项本级统筹推进重大项目完成投资63.68亿元，投资进度达52%")
Q001_52 = "全年签约项目160个，增长372%，到位资金114.69亿元，引进久铖高科、思必驰、悠跑科技等亿元工业项目32个，新开工项目125个"
Q001_54 = "土地供应提速上量，全年累计供地8190亩，增长20%，32个批次报地获批，新增建设用地面积6761亩，增长96%"
Q001_92 = "全年计划实施重大项目148项，总投资711.17亿元，年度计划投资145.88亿元。加速推动项目落地建设，全年新开工项目50个以上，竣工投产项目37个以上"
Q001_98 = "争取全年完成供地6000亩"
Q001_98B = "全年计划完成征地500亩，土地收储600亩，完成拆迁10万平方米以上"
Q001_31 = "全年汽车产量累计完成64.21万辆，增长1.02%，新增规上工业企业21家，在库总量达167家"
Q001_40 = "全年通车道路6.7公里，累计通车道路达273.2公里"
Q003_50 = ("全市实现地区生产总值3176.9亿元，增长1.5%，其中：第一产业增加值231.4亿元，增长4.0%；第二产业增加值1501.1亿元，下降1.3%；"
           "第三产业增加值1444.4亿元，增长4.2%。固定资产投资1756.7亿元，财政收入382.68亿元，社会消费品零售总额1270.2亿元")
Q003_126 = "规模以上工业增加值增长 8.5%，固定资产投资增长 15%，财政收入增长 5%，社会消费品零售总额增长 15%以上"
Q003_176 = "推进 551 项市级层面统筹推进重大项目建设，年度计划投资 712 亿元，开工 126 项、续建 314 项、竣工 111 项"
Q002_1091 = "力争年内引进区外境内到位资金825亿元；力争新引进项目810个，其中工业项目500个以上，亿元以上工业项目345个以上，项目开工率达65%以上"

# ================================================================== Liudong: economy
V = ind("gdp", "地区生产总值", "Gross domestic product", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2020", "283.2亿元", "000", 12, "2020年，全年新区地区生产总值实现283.2亿元"),
      v("actual", "2021H1", "145.07亿元", "004", 26, Q004_26),
      v("actual", "2022", "320.8亿元", "001", 25, Q001_25)]

V = ind("gdp_growth", "地区生产总值增速", "GDP growth", "economy", "liudong", "growth", "%",
        note="文本未注明实际或名义增速（按惯例为可比价实际增速）。")
V += [v("actual", "2016-2020", "约6.0%", "000", 12, "年均增长约6.0%", note="“十三五”期间年均。"),
      v("actual", "2016-2019", "约8.40%", "000", 12, "其中2016-2019年年均增长约8.40%", note="年均。"),
      v("plan", "2021", "8.5%", "004", 69, Q004_69),
      v("actual", "2021H1", "8.5%", "004", 26, Q004_26),
      v("actual", "2022", "6.7%", "001", 25, Q001_25),
      v("plan", "2023", "8%", "001", 72, Q001_72)]

V = ind("gdp_growth_nominal_avg", "地区生产总值年均名义增速（“十四五”）", "Average nominal GDP growth, 14th Five-Year period",
        "economy", "liudong", "growth", "%", implied_from="gdp",
        note="“十四五”预计值；与地区生产总值年度总量推算的年均增速比较（见进度）。")
V += [v("target", "2021-2025", "约为9%", "000", 19, "预计“十四五”期间柳东新区GDP年均名义增长率约为9%")]

V = ind("gdp_per_capita", "人均地区生产总值", "GDP per capita", "economy", "liudong", "stock", "元")
V += [v("target", "2025", "15.2万元", "000", 19, "据此推算柳东新区2025年人均GDP为15.2万元", note="由常住人口30万推算。")]

V = ind("gdp_per_capita_growth", "人均地区生产总值年均增速", "Average growth of GDP per capita", "economy", "liudong", "growth", "%")
V += [v("target", "2021-2025", "约为7%", "000", 19, "“十四五”期间年均增速约为7%")]

V = ind("primary_va_growth", "第一产业增加值增速", "Primary industry value added growth", "economy", "liudong", "growth", "%")
V += [v("plan", "2023", "7%", "001", 72, "一、二、三产增加值分别增长7%、9%、7%", note="三个增速按“一、二、三产”顺序对应。")]
V = ind("secondary_va_growth", "第二产业增加值增速", "Secondary industry value added growth", "economy", "liudong", "growth", "%")
V += [v("plan", "2023", "9%", "001", 72, "一、二、三产增加值分别增长7%、9%、7%", note="三个增速按“一、二、三产”顺序对应。")]
V = ind("tertiary_va_growth", "第三产业增加值增速", "Tertiary industry value added growth", "economy", "liudong", "growth", "%")
V += [v("plan", "2021", "12%", "004", 69, Q004_69),
      v("plan", "2023", "7%", "001", 72, "一、二、三产增加值分别增长7%、9%、7%，规上工业增加值", note="三个增速按“一、二、三产”顺序对应，此为第三个。")]

V = ind("industrial_va_growth", "规上工业增加值增速", "Growth of value added of industry above designated size", "economy", "liudong", "growth", "%")
V += [v("plan", "2023", "11%", "001", 72, Q001_72)]
V = ind("industrial_va_growth_own", "本级规上工业增加值增速", "Growth of industrial value added above designated size (district's own level)",
        "economy", "liudong", "growth", "%", note="“本级”为新区本级口径，与全口径分列。")
V += [v("actual", "2022", "19.25%", "001", 25, Q001_25)]

V = ind("industrial_output", "规上工业总产值", "Gross output of industry above designated size", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "366.22亿元", "004", 26, Q004_26),
      v("actual", "2022", "1001.5亿元", "001", 25, Q001_25),
      v("plan", "2023", "1210亿元", "001", 72, Q001_72)]
V = ind("industrial_output_growth", "规上工业总产值增速", "Growth of industrial output above designated size", "economy", "liudong", "growth", "%")
V += [v("actual", "2021H1", "18.32%", "004", 26, Q004_26),
      v("actual", "2022", "25.4%", "001", 25, Q001_25),
      v("plan", "2023", "25%", "001", 72, Q001_72)]
V = ind("industrial_output_own", "本级规上工业总产值", "Industrial output above designated size (district's own level)", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "114.46亿元", "004", 26, Q004_26),
      v("actual", "2022", "309.7亿元", "001", 25, Q001_25),
      v("plan", "2023", "370亿元", "001", 72, Q001_72)]
V = ind("industrial_output_own_increase", "本级规上工业总产值新增额", "Increase of own-level industrial output", "economy", "liudong", "flow", "亿元",
        note="增量目标，不与总量比较。")
V += [v("plan", "2021", "新增100亿元", "004", 69, Q004_69)]
V = ind("industrial_output_own_growth", "本级规上工业总产值增速", "Growth of own-level industrial output", "economy", "liudong", "growth", "%")
V += [v("actual", "2022", "20.74%", "001", 25, Q001_25),
      v("plan", "2023", "20%", "001", 72, Q001_72)]

V = ind("fiscal_revenue", "财政收入", "Fiscal revenue", "economy", "liudong", "flow", "亿元",
        note="“财政收入”与“一般公共预算收入”口径不同，分列。")
V += [v("actual", "2021H1", "29.29亿元", "004", 26, Q004_26),
      v("plan", "2021", "55.37亿元", "004", 69, Q004_69)]
V = ind("fiscal_revenue_growth", "财政收入增速", "Fiscal revenue growth", "economy", "liudong", "growth", "%")
V += [v("actual", "2021H1", "6.25%", "004", 26, Q004_26),
      v("plan", "2021", "6%", "004", 69, "财政收入完成55.37亿元，同比增长6%")]
V = ind("budget_revenue", "一般公共预算收入", "General public budget revenue", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2022", "7.1亿元", "001", 25, Q001_25),
      v("plan", "2023", "7.25亿元", "001", 72, Q001_72)]
V = ind("budget_revenue_growth", "一般公共预算收入增速", "General public budget revenue growth", "economy", "liudong", "growth", "%")
V += [v("plan", "2023", "5%", "001", 72, "一般公共预算收入完成7.25亿元，增长5%")]

V = ind("fdi", "实际利用外资", "Foreign direct investment used", "investment", "liudong", "flow", "万美元")
V += [v("actual", "2022", "4250万美元", "001", 25, Q001_25, share="142%")]
V = ind("exports_forex", "出口创汇", "Export earnings", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2022", "18.34亿元", "001", 43, "新区7家企业累计出口创汇18.34亿元")]

V = ind("vehicle_output", "汽车产量", "Vehicle output", "economy", "liudong", "flow", "辆")
V += [v("actual", "2020", "46.13万辆", "000", 12, "汽车产业完成产量46.13万辆", note="“十三五”回顾中所述，文本未注明年份，按2020年。"),
      v("actual", "2022", "64.21万辆", "001", 31, Q001_31)]
V = ind("vehicle_output_growth", "汽车产量增速", "Vehicle output growth", "economy", "liudong", "growth", "%")
V += [v("actual", "2022", "1.02%", "001", 31, Q001_31)]
V = ind("nev_output", "新能源汽车产量", "New-energy vehicle output", "economy", "liudong", "flow", "辆")
V += [v("actual", "2022", "24.62万辆", "001", 31, "2022年新能源汽车产量24.62万辆，全市占比36.91%")]
V = ind("nev_output_city_share", "新能源汽车产量占全市比重", "Share of the city's new-energy vehicle output", "economy", "liudong", "ratio", "%")
V += [v("actual", "2022", "36.91%", "001", 31, "2022年新能源汽车产量24.62万辆，全市占比36.91%")]
V = ind("sgmw_baojun_output", "上汽通用五菱宝骏基地汽车产量", "Vehicle output, SGMW Baojun base", "economy", "liudong", "flow", "辆")
V += [v("actual", "2021H1", "19.19万辆", "004", 29, "上半年上汽通用五菱宝骏基地产值完成96.23亿元，同比增长83.96%，汽车产量完成19.19万辆")]
V = ind("sgmw_baojun_value", "上汽通用五菱宝骏基地产值", "Output value, SGMW Baojun base", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "96.23亿元", "004", 29, "上半年上汽通用五菱宝骏基地产值完成96.23亿元")]
V = ind("dflz_output", "东风柳汽柳东基地汽车产量", "Vehicle output, Dongfeng Liuzhou Motor Liudong base", "economy", "liudong", "flow", "辆")
V += [v("actual", "2021H1", "11.6万辆", "004", 29, "东风柳汽柳东基地产值完成155.53亿元，同比增长34.84%，汽车产量完成11.6万辆")]
V = ind("dflz_value", "东风柳汽柳东基地产值", "Output value, Dongfeng Liuzhou Motor Liudong base", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "155.53亿元", "004", 29, "东风柳汽柳东基地产值完成155.53亿元")]
V = ind("faw_output", "一汽解放柳州新基地汽车产量", "Vehicle output, FAW Jiefang Liuzhou new base", "economy", "liudong", "flow", "辆")
V += [v("actual", "2021H1", "0.58万辆", "004", 29, "一汽解放柳州新基地产值完成7.18亿元，汽车产量完成0.58万辆")]
V = ind("faw_value", "一汽解放柳州新基地产值", "Output value, FAW Jiefang Liuzhou new base", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "7.18亿元", "004", 29, "一汽解放柳州新基地产值完成7.18亿元")]

V = ind("new_industrial_firms", "新增规上工业企业", "New industrial enterprises above designated size", "economy", "liudong", "flow", "家")
V += [v("actual", "2021H1", "8家", "004", 29, "上半年实现8家工业企业上规入统"),
      v("plan", "2021", "28家", "004", 69, Q004_69),
      v("actual", "2022", "21家", "001", 31, Q001_31),
      v("plan", "2023", "25家", "001", 80, "全年大力培育并力争完成新增规上工业企业25家")]
V = ind("industrial_firms", "在库规上工业企业", "Industrial enterprises above designated size on record", "economy", "liudong", "stock", "家")
V += [v("actual", "2021H1", "162家", "004", 29, "在库规上工业企业达162家"),
      v("actual", "2022", "167家", "001", 31, Q001_31)]
V = ind("new_service_firms", "新增规上（限上）服务业企业", "New service enterprises above designated size", "economy", "liudong", "flow", "家")
V += [v("actual", "2021H1", "10家", "004", 33, "实现10家三产企业上规入统"),
      v("plan", "2021", "25家", "004", 69, Q004_69),
      v("actual", "2022", "25家", "001", 34, "全年新增规上（限上）服务业企业25家，完成目标119%", share="119%"),
      v("plan", "2023", "25家", "001", 83, "全年大力培育并力争完成新增规上（限上）三产企业25家")]
V = ind("service_firms", "规上（限上）服务业企业", "Service enterprises above designated size", "economy", "liudong", "stock", "家")
V += [v("actual", "2021H1", "超过100家", "004", 33, "新区规上（限上）服务业企业超过100家")]
V = ind("strategic_emerging_firms", "自治区级战略性新兴产业企业（累计）", "Regional strategic emerging-industry enterprises (total)", "economy", "liudong", "stock", "家")
V += [v("actual", "2022", "62家", "001", 31, "年内新增自治区级战新企业5家，累计达62家")]
V = ind("specialised_sme", "自治区“专精特新”中小企业（累计）", "Regional “specialised and innovative” SMEs (total)", "economy", "liudong", "stock", "家")
V += [v("actual", "2022", "27家", "001", 31, "4家企业获第一批自治区“专精特新”中小企业认定，累计达27家，全市占比24.1%")]
V = ind("little_giants", "国家级专精特新“小巨人”企业（新获评）", "National “little giant” enterprises (newly named)", "economy", "liudong", "flow", "家")
V += [v("actual", "2021H1", "6家", "004", 31, "柳州松芝、广西艾盛等6家企业获评国家级专精特新“小巨人”")]
V = ind("smart_factories", "新增自治区级智能工厂和数字化车间", "New regional smart factories and digital workshops", "economy", "liudong", "flow", "家")
V += [v("actual", "2022", "11家", "001", 31, "新增自治区级智能工厂和数字化车间11家，全市占比34.4%")]
V = ind("market_entities", "实有市场主体", "Registered market entities", "economy", "liudong", "stock", "户")
V += [v("actual", "2022", "10605户", "001", 46, "新增市场主体2068户，净增长955户，辖区实有市场主体10605户")]
V = ind("new_market_entities", "新增市场主体", "New market entities", "economy", "liudong", "flow", "户")
V += [v("actual", "2022", "2068户", "001", 46, "新增市场主体2068户，净增长955户")]
V = ind("tourists", "接待旅游人数", "Tourist visits", "economy", "liudong", "flow", "人次")
V += [v("actual", "2022", "167万人次", "001", 34, "全年接待旅游人数167万人次，旅游消费19亿元")]
V = ind("tourism_spending", "旅游消费", "Tourism spending", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2022", "19亿元", "001", 34, "全年接待旅游人数167万人次，旅游消费19亿元")]
V = ind("exhibition_deals", "展会现场成交金额", "Deals signed at exhibitions", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2022", "24.6亿元", "001", 34, "举办汽博会等展会活动26场，现场成交金额24.6亿元")]
V = ind("bonded_trade", "保税物流中心（B型）进出口贸易额", "Trade through the bonded logistics centre (type B)", "economy", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "突破1亿元", "004", 33, "柳州保税物流中心（B型）出口贸易总额突破1亿元", note="2021年上半年为出口贸易总额。"),
      v("actual", "2022", "2.5亿元", "001", 34, "全年通关货物274票，进出口贸易额2.5亿元")]

# ================================================================== Liudong: investment and finance
V = ind("fixed_investment", "固定资产投资", "Fixed-asset investment", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2022", "310.7亿元", "001", 25, Q001_25),
      v("plan", "2023", "329.3亿元", "001", 72, Q001_72)]
V = ind("fixed_investment_growth", "固定资产投资增速", "Fixed-asset investment growth", "investment", "liudong", "growth", "%")
V += [v("actual", "2021H1", "下降3.2%", "004", 26, Q004_26),
      v("plan", "2021", "16%", "004", 69, Q004_69),
      v("plan", "2023", "6%", "001", 72, "固定资产投资完成329.3亿元，增长6%")]
V = ind("industrial_investment", "工业投资", "Industrial investment", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2022", "75亿元", "001", 48, "全年完成工业投资75亿元")]
V = ind("attracted_funds", "招商引资到位资金", "Investment promotion: funds in place", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "约47.74亿元", "004", 45, "上半年招商引资到位资金约47.74亿元，完成市级下达目标任务的52.7%", share="52.7%"),
      v("actual", "2022", "114.69亿元", "001", 52, Q001_52),
      v("plan", "2023", "120亿元", "001", 72, Q001_72, note="“主要预期目标”段。"),
      v("plan", "2023", "140亿元", "001", 89, "全年计划引进项目180个，到位资金140亿元", note="“招商引资”段。")]
V = ind("attracted_funds_out_of_region", "区外境内到位资金（市下达目标）", "Funds from outside Guangxi in place (city-assigned target)",
        "investment", "liudong", "flow", "亿元",
        note="市投资促进工作方案分解给柳东新区的目标，统计口径为“区外境内”，与新区报告的“到位资金”不同，分列、不作比较。")
V += [v("plan", "2022", "108", "002", 1230, "柳东新区\t108\t120\t200",
        note="《柳州市2022年投资促进工作方案》附件1第一列（外境内到位资金目标，亿元）；该表其余各列在文本中错位，未采用。")]
V = ind("attracted_funds_growth", "招商引资增速", "Investment promotion growth", "investment", "liudong", "growth", "%")
V += [v("plan", "2021", "8%", "004", 69, Q004_69)]
V = ind("signed_projects", "招商引资签约（引进）项目", "Investment projects signed", "investment", "liudong", "flow", "个")
V += [v("actual", "2021H1", "20个", "004", 45, "等20个项目签订投资协议书"),
      v("actual", "2022", "160个", "001", 52, Q001_52),
      v("plan", "2023", "180个", "001", 89, "全年计划引进项目180个")]
V = ind("signed_projects_growth", "签约项目增速", "Growth of projects signed", "investment", "liudong", "growth", "%")
V += [v("actual", "2022", "372%", "001", 52, Q001_52)]
V = ind("signed_firms", "签约或入驻企业", "Enterprises signed or settled", "investment", "liudong", "flow", "家",
        note="以“家”（企业）计，与以“个”（项目）计的签约项目分列。")
V += [v("plan", "2021", "40家", "004", 98, "紧扣全年力争签约或入驻企业40家的任务目标")]
V = ind("industrial_projects_100m", "引进亿元工业项目", "Industrial projects of 100 million yuan or more attracted", "investment", "liudong", "flow", "个")
V += [v("actual", "2022", "32个", "001", 52, Q001_52)]
V = ind("attracted_projects_started", "招商引资新开工项目", "Attracted projects started", "investment", "liudong", "flow", "个")
V += [v("actual", "2022", "125个", "001", 52, Q001_52)]
V = ind("financing", "融资到位资金", "Financing in place", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "197亿元", "004", 54, "上半年融资到位197亿元"),
      v("plan", "2021", "380亿元", "004", 106, "确保实现全年融资到位380亿元目标")]
V = ind("special_bonds", "地方政府专项债券资金", "Local-government special bonds", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "11亿元", "004", 54, "成功申请今年第一批专项债11亿元", note="第一批。"),
      v("actual", "2022", "21.17亿元", "001", 56, "获批专项债券资金21.17亿元，增长21.6%")]
V = ind("policy_finance", "政策性开发性金融工具", "Policy-based development finance instruments", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2022", "6.39亿元", "001", 56, "获得国开行政策性开发性金融工具6.39亿元")]
V = ind("vat_refunds", "留抵退税", "VAT credit refunds", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2022", "10.4亿元", "001", 46, "全年留抵退税10.4亿元")]
V = ind("guihui_loans", "“桂惠贷”投放贷款", "“Guihui” loans granted", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2022", "33.25亿元", "001", 46, "通过“桂惠贷”投放贷款33.25亿元")]
V = ind("interest_subsidy", "财政贴息", "Interest subsidies paid", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2022", "6625.01万元", "001", 46, "拨付财政贴息6625.01万元")]
V = ind("support_funds", "兑现扶持政策资金", "Support-policy funds paid out", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2022", "4.32亿元", "001", 46, "全年投入资金4.32亿元兑现扶持政策")]
V = ind("debt_resolution", "年度隐性债务化债完成率", "Hidden-debt resolution rate for the year", "investment", "liudong", "ratio", "%")
V += [v("actual", "2022", "239.9%", "001", 56, "年度隐性债务化债完成率达239.9%")]

# ================================================================== Liudong: projects
V = ind("major_projects_own", "新区本级重大项目", "District-level major projects", "projects", "liudong", "stock", "项")
V += [v("plan", "2021", "125项", "004", 96, Q004_96)]
V += [v("actual", "2021H1", "125项", "004", 43, Q004_43),
      v("actual", "2022", "126项", "001", 50, Q001_50)]
V = ind("major_projects_own_investment", "新区本级重大项目完成投资", "Investment completed, district-level major projects", "projects", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "63.68亿元", "004", 43, Q004_43, share="52%"),
      v("actual", "2022", "135亿元", "001", 50, Q001_50, share="100%")]
V = ind("major_projects_city", "柳州市层面重大项目（新区承担）", "City-level major projects in Liudong", "projects", "liudong", "stock", "项")
V += [v("plan", "2021", "79项", "004", 96, Q004_96)]
V += [v("actual", "2021H1", "79项", "004", 43, Q004_43),
      v("actual", "2022", "110项", "001", 50, Q001_50)]
V = ind("major_projects_city_investment", "柳州市层面重大项目完成投资（新区）", "Investment completed, city-level major projects in Liudong", "projects", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "约54亿元", "004", 43, Q004_43, share="57%"),
      v("actual", "2022", "113.26亿元", "001", 50, Q001_50, share="100%")]
V = ind("major_projects_region", "自治区层面重大项目（新区承担）", "Regional major projects in Liudong", "projects", "liudong", "stock", "项")
V += [v("plan", "2021", "28项", "004", 96, Q004_96)]
V += [v("actual", "2021H1", "28项", "004", 43, Q004_43),
      v("actual", "2022", "38项", "001", 50, Q001_50)]
V = ind("major_projects_region_investment", "自治区层面重大项目完成投资（新区）", "Investment completed, regional major projects in Liudong", "projects", "liudong", "flow", "亿元")
V += [v("actual", "2021H1", "约20.24亿元", "004", 43, Q004_43, share="约70.61%"),
      v("actual", "2022", "48.5亿元", "001", 50, Q001_50, share="100%")]
V = ind("major_projects_total", "重大项目（合计）", "Major projects, all levels", "projects", "liudong", "stock", "项")
V += [v("plan", "2023", "148项", "001", 92, Q001_92)]
V = ind("major_projects_total_investment", "重大项目年度计划投资", "Planned annual investment in major projects", "projects", "liudong", "flow", "亿元")
V += [v("plan", "2023", "145.88亿元", "001", 92, Q001_92)]
V = ind("major_projects_total_cost", "重大项目总投资", "Total cost of the year's major projects", "projects", "liudong", "stock", "亿元")
V += [v("plan", "2023", "711.17亿元", "001", 92, Q001_92)]
V = ind("projects_started", "重大项目新开工", "Major projects started", "projects", "liudong", "flow", "项",
        note="2022年为新区本级重大项目；2023年计划为全部重大项目。")
V += [v("actual", "2022", "新开工37项", "001", 50, Q001_50),
      v("plan", "2023", "50个以上", "001", 92, Q001_92)]
V = ind("projects_completed", "重大项目竣工（投产）", "Major projects completed", "projects", "liudong", "flow", "项",
        note="2022年为新区本级重大项目竣工；2023年计划为“竣工投产项目”。")
V += [v("actual", "2022", "竣工15项", "001", 50, Q001_50),
      v("plan", "2023", "37个以上", "001", 92, Q001_92)]
V = ind("key_projects_fyp", "“十四五”重点项目", "Key projects of the 14th Five-Year Plan", "projects", "liudong", "stock", "项")
V += [v("target", "2021-2025", "530项", "000", 25, "包括6大任务和23条措施，并落实530项重点项目")]
V = ind("standard_factories", "新增标准厂房建设面积", "New standard factory floor space", "projects", "liudong", "flow", "m²")
V += [v("actual", "2022", "60.81万平方米", "001", 48, "新增标准厂房建设面积60.81万平方米"),
      v("plan", "2023", "60万平方米", "001", 92, "大力推进工业标准厂房建设，力争全年建成60万平方米")]
V = ind("resettlement_completed", "安置项目竣工面积", "Resettlement housing completed", "projects", "liudong", "flow", "m²")
V += [v("actual", "2021H1", "约12.5万平方米", "004", 47, "完成东锦绿苑项目竣工验收，竣工面积约12.5万平方米")]
V = ind("resettlement_under_construction", "安置项目在建面积", "Resettlement housing under construction", "projects", "liudong", "stock", "m²")
V += [v("actual", "2021H1", "约73万平方米", "004", 47, "在建面积约73万平方米")]
V = ind("resettlement_handover", "交付使用安置项目", "Resettlement projects handed over", "projects", "liudong", "flow", "个")
V += [v("plan", "2023", "4个", "001", 101, "交付使用东悦佳苑、东悦学之轩等4个安置项目")]

# ================================================================== Liudong: land
V = ind("land_supply", "土地供应", "Land supplied", "land", "liudong", "flow", "亩")
V += [v("actual", "2021H1", "1457.83亩", "004", 47, Q004_47),
      v("plan", "2021", "6200亩以上", "004", 100, "争取完成全年供地6200亩以上的目标任务"),
      v("actual", "2022", "8190亩", "001", 54, Q001_54),
      v("plan", "2023", "6000亩", "001", 98, Q001_98)]
V = ind("land_supply_growth", "土地供应增速", "Growth of land supplied", "land", "liudong", "growth", "%")
V += [v("actual", "2022", "增长20%", "001", 54, Q001_54)]
V = ind("industrial_land_sold", "工业用地出让", "Industrial land sold", "land", "liudong", "flow", "亩")
V += [v("actual", "2022", "1647亩", "001", 48, "工业用地出让1647亩、增长68%")]
V = ind("industrial_land_sold_growth", "工业用地出让增速", "Growth of industrial land sold", "land", "liudong", "growth", "%")
V += [v("actual", "2022", "增长68%", "001", 48, "工业用地出让1647亩、增长68%")]
V = ind("new_construction_land", "新增建设用地", "New construction land approved", "land", "liudong", "flow", "亩")
V += [v("actual", "2021H1", "134.9公顷", "004", 47, "涉及新增建设用地面积134.9公顷", note="原文以公顷计；1公顷=15亩。"),
      v("actual", "2022", "6761亩", "001", 54, Q001_54)]
V = ind("land_approval", "土地报批", "Land approved for construction", "land", "liudong", "flow", "亩")
V += [v("plan", "2023", "4000亩", "001", 98, "力争全年完成报批4000亩")]
V = ind("land_expropriation", "征地", "Land expropriated", "land", "liudong", "flow", "亩")
V += [v("actual", "2021H1", "约1072.3亩", "004", 47, Q004_47, note="集体土地征收。"),
      v("plan", "2021", "4000亩", "004", 100, Q004_100),
      v("plan", "2023", "500亩", "001", 98, Q001_98B)]
V = ind("land_reserve", "土地收储", "Land taken into the reserve", "land", "liudong", "flow", "亩")
V += [v("plan", "2021", "7130.9亩", "004", 100, Q004_100, note="国有土地收储。"),
      v("plan", "2023", "600亩", "001", 98, Q001_98B)]
V = ind("demolition", "拆迁面积", "Buildings demolished for land clearance", "land", "liudong", "flow", "m²",
        note="2021年为房屋拆迁，2022年为协议拆迁。")
V += [v("actual", "2021H1", "约14.9万平方米", "004", 47, Q004_47),
      v("plan", "2021", "约50万平方米", "004", 100, Q004_100),
      v("actual", "2022", "15.64万平方米", "001", 54, "全年完成协议拆迁15.64万平方米"),
      v("plan", "2023", "10万平方米以上", "001", 98, Q001_98B)]
V = ind("illegal_buildings_removed", "拆除违法建设", "Illegal buildings removed", "land", "liudong", "flow", "m²")
V += [v("actual", "2021H1", "14.21万平方米", "004", 37, "上半年“两违”拆除面积达14.21万平方米"),
      v("plan", "2021", "30 万平方米以上", "004", 93, "全年“打违”30 万平方米以上"),
      v("actual", "2022", "15.6万平方米", "001", 40, "拆违15.6万平方米")]

# ================================================================== Liudong: infrastructure
V = ind("roads_opened", "新增通车道路", "Roads opened to traffic", "infrastructure", "liudong", "flow", "km")
V += [v("actual", "2021H1", "8公里", "004", 37, "上半年新增通车里程8公里"),
      v("actual", "2022", "6.7公里", "001", 40, Q001_40)]
V = ind("roads_total", "累计通车道路", "Roads open to traffic (total)", "infrastructure", "liudong", "stock", "km")
V += [v("actual", "2022", "273.2公里", "001", 40, Q001_40)]
V = ind("charging_points_new", "新增新能源充电桩", "New EV charging points", "infrastructure", "liudong", "flow", "个")
V += [v("actual", "2022", "564个", "001", 40, "全年新增新能源充电桩564个，累计建设新能源充电桩2201个")]
V = ind("charging_points_total", "新能源充电桩（累计）", "EV charging points (total)", "infrastructure", "liudong", "stock", "个")
V += [v("actual", "2022", "2201个", "001", 40, "全年新增新能源充电桩564个，累计建设新能源充电桩2201个")]

# ================================================================== Liudong: green
V = ind("green_building", "新增绿色建筑面积", "New green building floor area", "green", "liudong", "flow", "m²")
V += [v("target", "2021-2025", "750万平方米", "000", 83, "到2025年，新区新增绿色建筑面积750万平方米")]
V = ind("water_saving_communities", "节水型小区覆盖率", "Coverage of water-saving residential communities", "green", "liudong", "ratio", "%")
V += [v("target", "2021-2025", "30%以上", "000", 83, "“十四五”期间，节水型小区覆盖率达到30%以上")]
V = ind("green_space_built", "建成绿地", "Green space built", "green", "liudong", "flow", "m²")
V += [v("actual", "2021H1", "83.4万平方米", "004", 37, "建成绿地83.4万平方米"),
      v("actual", "2022", "41万平方米", "001", 40, "建成绿地41万平方米")]
V = ind("green_space_maintained", "新增养护绿地", "Green space newly maintained", "green", "liudong", "flow", "m²")
V += [v("actual", "2022", "85.8万平方米", "001", 40, "新增养护85.8万平方米")]

# ================================================================== Liudong: population and society
V = ind("population", "常住人口", "Resident population", "population", "liudong", "stock", "人",
        note="文本没有给出柳东新区常住人口的实际值。")
V += [v("target", "2025", "30万", "000", 19, "预计到2025年，新区常住人口规模可达30万", note="编制说明中的预计值。"),
      v("target", "2025", "30万人", "000", 53, "到2025年，新区常住人口达到30万人")]
V = ind("new_jobs", "新增就业人数", "New jobs", "society", "liudong", "flow", "人", note="2021年上半年为城镇新增就业。")
V += [v("actual", "2021H1", "1528人", "004", 58, "城镇新增就业人数1528人"),
      v("plan", "2021", "2600 人", "004", 109, "全年新增就业人数 2600 人")]
V = ind("reemployment", "城镇失业人员再就业", "Unemployed people re-employed", "society", "liudong", "flow", "人")
V += [v("actual", "2021H1", "277人", "004", 58, "城镇失业人员再就业人数277人")]
V = ind("labour_transfer", "脱贫劳动力转移就业", "Labour from lifted-out-of-poverty households placed in jobs", "society", "liudong", "flow", "人")
V += [v("actual", "2021H1", "172人", "004", 58, "实现转移就业172人")]
V = ind("pension_insured", "养老保险参保人数", "People in the pension insurance", "society", "liudong", "stock", "人")
V += [v("actual", "2022", "2.46万人", "001", 59, "养老保险参保人数2.46万人，完成率达103.39%", share="103.39%")]
V = ind("medical_insurance_rate", "基本医疗保险参保率", "Basic medical insurance coverage", "society", "liudong", "ratio", "%")
V += [v("actual", "2022", "100%", "001", 59, "基本医疗保险参保率达100%")]
V = ind("elderly_beds", "新增养老服务床位", "New elderly-care beds", "society", "liudong", "flow", "张")
V += [v("actual", "2022", "372张", "001", 59, "新增养老服务床位372张")]
V = ind("poverty_income", "脱贫人口人均纯收入", "Net income per head of people lifted out of poverty", "society", "liudong", "flow", "元")
V += [v("actual", "2022", "19127.15元", "001", 59, "新区脱贫人口人均纯收入19127.15元，增长7.5%")]
V = ind("poverty_income_growth", "脱贫人口人均纯收入增速", "Growth of net income of people lifted out of poverty", "society", "liudong", "growth", "%")
V += [v("actual", "2022", "7.5%", "001", 59, "新区脱贫人口人均纯收入19127.15元，增长7.5%")]
V = ind("vaccinations", "新冠疫苗接种", "COVID-19 vaccine doses", "society", "liudong", "flow", "剂次",
        note="2021年上半年为当期接种；2022年为累计接种，两者不可相加。")
V += [v("actual", "2021H1", "约9.85万剂次", "004", 58, "完成疫苗接种约9.85万剂次")]
V = ind("vaccinations_total", "新冠疫苗累计接种", "COVID-19 vaccine doses (total)", "society", "liudong", "stock", "剂次")
V += [v("actual", "2022", "46.5万剂次", "001", 59, "累计接种疫苗46.5万剂次")]
V = ind("livelihood_spending", "民生资金投入（“十三五”累计）", "Spending on people's livelihood, 13th Five-Year period", "society", "liudong", "flow", "亿元")
V += [v("actual", "2016-2020", "53.57 亿元", "000", 12, "累计投入民生资金 53.57 亿元")]
V = ind("veteran_stations", "退役军人服务站", "Veterans' service stations", "society", "liudong", "stock", "个")
V += [v("actual", "2022", "24个", "001", 59, "打造了24个村（社区）退役军人服务站")]
V = ind("research_assistants", "应届毕业生科研助理岗位", "Research-assistant posts for new graduates", "society", "liudong", "flow", "个")
V += [v("actual", "2022", "645个", "001", 37, "落实应届毕业生科研助理岗位645个，完成进度215%", share="215%")]

# ================================================================== Liudong: innovation
V = ind("high_tech_firms_new", "新认定高新技术企业", "Newly certified high-tech enterprises", "innovation", "liudong", "flow", "家")
V += [v("actual", "2022", "108家", "001", 37, "全年新获认定高企108家"),
      v("plan", "2023", "80家", "001", 86, "全年计划新增高企80家")]
V = ind("high_tech_firms", "高新技术企业保有量", "High-tech enterprises (total)", "innovation", "liudong", "stock", "家")
V += [v("actual", "2022", "首破300家", "001", 37, "保有量首破300家")]
V = ind("tech_smes", "科技型中小企业", "Technology-based SMEs", "innovation", "liudong", "stock", "家",
        note="2021年上半年为列入自治区科技型中小企业库的企业数。")
V += [v("actual", "2021H1", "184家", "004", 41, "184家企业列入自治区科技型中小企业库"),
      v("actual", "2022", "414家", "001", 37, "科技型中小企业414家")]
V = ind("invention_patents", "有效发明专利", "Valid invention patents", "innovation", "liudong", "stock", "件")
V += [v("actual", "2021H1", "693件", "004", 41, "有效发明专利数693件"),
      v("actual", "2022", "797件", "001", 37, "全年有效发明专利797件")]
V = ind("patents_granted", "专利授权", "Patents granted", "innovation", "liudong", "flow", "件")
V += [v("actual", "2021H1", "560件", "004", 41, "新增专利授权数560件"),
      v("actual", "2022", "1147件", "001", 37, "授权专利共1147件")]
V = ind("tech_transfers", "重大科技成果转化", "Major scientific results put into use", "innovation", "liudong", "flow", "项",
        note="2022年为自治区重大科技成果转化项目数。")
V += [v("actual", "2022", "79项", "001", 37, "自治区重大科技成果转化项目数79项"),
      v("plan", "2023", "50项", "001", 86, "推动完成重大科技成果转化50项")]
V = ind("tech_results_registered", "科技成果登记", "Scientific results registered", "innovation", "liudong", "flow", "项")
V += [v("actual", "2021H1", "73项", "004", 41, "科技成果登记73项，占全市163项的44.79%")]
V = ind("hightech_zone_rank", "柳州高新区国家高新区综合排名", "National ranking of the Liuzhou high-tech zone", "innovation", "liudong", "rank", "位",
        note="名次越小越好。")
V += [v("actual", "2016-2020", "第44位", "000", 12, "柳州高新区综合排名在全国169家国家高新区中排第44位", note="“十三五”回顾，文本未注明年度。"),
      v("actual", "2021", "第60名", "001", 37, "位列2021年度国家高新区综合排名第60名")]
V = ind("incubated_projects", "新增孵化项目", "New incubated projects", "innovation", "liudong", "flow", "个")
V += [v("plan", "2021", "10个", "004", 84, "力争实现新增孵化项目10个")]

# ================================================================== city-wide headline figures (scope "city")
V = ind("city_gdp", "柳州市地区生产总值", "Liuzhou GDP", "economy", "city", "flow", "亿元")
V += [v("actual", "2020", "3176.9亿元", "003", 50, Q003_50)]
V = ind("city_gdp_growth", "柳州市地区生产总值增速", "Liuzhou GDP growth", "economy", "city", "growth", "%")
V += [v("actual", "2020", "1.5%", "003", 50, Q003_50),
      v("plan", "2021", "8%", "003", 124, "今年发展主要预期目标是：地区生产总值增长**8%**以上", q="at_least")]
V = ind("city_industrial_va_growth", "柳州市规上工业增加值增速", "Liuzhou industrial value added growth", "economy", "city", "growth", "%")
V += [v("plan", "2021", "8.5%", "003", 126, Q003_126)]
V = ind("city_fixed_investment", "柳州市固定资产投资", "Liuzhou fixed-asset investment", "investment", "city", "flow", "亿元")
V += [v("actual", "2020", "1756.7亿元", "003", 50, Q003_50)]
V = ind("city_fixed_investment_growth", "柳州市固定资产投资增速", "Liuzhou fixed-asset investment growth", "investment", "city", "growth", "%")
V += [v("plan", "2021", "15%", "003", 126, Q003_126),
      v("target", "2021-2025", "15%", "003", 118, "确保“十四五”时期固定资产投资年均增长**15%**以上", note="年均。", q="at_least")]
V = ind("city_fiscal_revenue", "柳州市财政收入", "Liuzhou fiscal revenue", "economy", "city", "flow", "亿元")
V += [v("actual", "2020", "382.68亿元", "003", 50, Q003_50)]
V = ind("city_retail", "柳州市社会消费品零售总额", "Liuzhou retail sales of consumer goods", "economy", "city", "flow", "亿元")
V += [v("actual", "2020", "1270.2亿元", "003", 50, Q003_50)]
V = ind("city_industrial_output", "柳州市工业总产值", "Liuzhou gross industrial output", "economy", "city", "flow", "亿元")
V += [v("target", "2023", "八千亿元", "003", 114, "力争二〇二三年工业总产值达到八千亿元"),
      v("target", "2025", "万亿", "003", 116, "万亿工业强市目标", note="“二〇二五年实现打造万亿工业强市目标”，跨行（第114–116行）。")]
V = ind("city_new_industrial_output", "柳州市新增规模以上工业产值", "Liuzhou new industrial output above designated size", "economy", "city", "flow", "亿元")
V += [v("plan", "2021", "1000 亿元", "003", 132, "力争年内新增规模以上工业产值 1000 亿元")]
V = ind("city_vehicle_output", "柳州市汽车产量", "Liuzhou vehicle output", "economy", "city", "flow", "辆")
V += [v("actual", "2020", "187.3 万辆", "003", 58, "汽车产业研发能力进一步提升、完成产量 187.3 万辆")]
V = ind("city_nev_output", "柳州市新能源汽车产量", "Liuzhou new-energy vehicle output", "economy", "city", "flow", "辆")
V += [v("actual", "2020", "18.7 万辆", "003", 58, "新能源汽车产量 18.7 万辆")]
V = ind("city_emerging_share", "柳州市战略性新兴产业占工业比重", "Share of strategic emerging industries in Liuzhou's industry", "economy", "city", "ratio", "%")
V += [v("actual", "2020", "17%", "003", 84, "战略性新兴产业占工业比重从 2015 年 10%提升到 17%"),
      v("actual", "2020", "17%", "002", 141, "战略性新兴产业占比达到17%"),
      v("plan", "2021", "20%", "003", 138, "力争战略性新兴产业产值占工业比重提高到 20%")]
V = ind("city_major_projects_investment", "柳州市重大项目年度计划投资", "Liuzhou major projects: planned annual investment", "projects", "city", "flow", "亿元")
V += [v("plan", "2021", "712 亿元", "003", 176, Q003_176)]
V = ind("city_major_projects_started", "柳州市重大项目开工", "Liuzhou major projects started", "projects", "city", "flow", "项")
V += [v("plan", "2021", "126 项", "003", 176, Q003_176)]
V = ind("city_major_projects_completed", "柳州市重大项目竣工", "Liuzhou major projects completed", "projects", "city", "flow", "项")
V += [v("plan", "2021", "111 项", "003", 176, Q003_176)]
V = ind("city_attracted_funds", "柳州市引进区外（市外）境内资金", "Liuzhou: domestic funds from outside attracted", "investment", "city", "flow", "亿元",
        note="2021年为“市外境内资金”，2022年为“区外境内到位资金”。")
V += [v("plan", "2021", "675 亿元以上", "003", 182, "引进市外境内资金 675 亿元以上"),
      v("plan", "2022", "825亿元", "002", 1091, Q002_1091)]
V = ind("city_new_projects", "柳州市新引进项目", "Liuzhou: new projects attracted", "investment", "city", "flow", "个")
V += [v("plan", "2021", "320 个以上", "003", 182, "力争新引进项目 320 个以上"),
      v("plan", "2022", "810个", "002", 1091, Q002_1091)]
V = ind("city_new_industrial_land", "柳州市新增工业用地", "Liuzhou new industrial land", "land", "city", "flow", "亩")
V += [v("plan", "2021", "1 万亩以上", "003", 150, "年内新增工业用地 1 万亩以上"),
      v("plan", "2022", "10000亩以上", "002", 1185, "力争年内新增工业供地10000亩以上")]
V = ind("city_standard_factories", "柳州市新增可用工业标准厂房", "Liuzhou new standard factory space", "projects", "city", "flow", "m²")
V += [v("plan", "2021", "200 万平方米以上", "003", 150, "新增可用工业标准厂房 200 万平方米以上")]
V = ind("city_population", "柳州市常住人口", "Liuzhou resident population", "population", "city", "stock", "人")
V += [v("actual", "2020", "416.32万", "002", 135, "全市常住人口从382.45万增加到416.32万")]
V = ind("city_urban_population", "柳州市城区常住人口", "Liuzhou urban-area resident population", "population", "city", "stock", "人")
V += [v("actual", "2020", "超过200万", "002", 139, "城区常住人口超过200万"),
      v("target", "2035", "三百万", "002", 197, "建成建成区面积三百平方公里、城区常住人口三百万的Ⅰ型大城市")]
V = ind("city_urbanisation", "柳州市常住人口城镇化率", "Liuzhou urbanisation rate", "population", "city", "ratio", "%")
V += [v("actual", "2020", "69.93%", "002", 135, "常住人口城镇化率由58.25%提高至69.93%"),
      v("target", "2025", "72%", "002", 203, "常住人口城镇化率达到72%", note="新型城镇化规划“五年目标”。")]
V = ind("city_built_up_area", "柳州市市区建成区面积", "Liuzhou built-up area", "land", "city", "stock", "km²")
V += [v("actual", "2015", "183.9 平方公里", "003", 82, "市区建成区面积由 183.9 平方公里扩至 248.5 平方公里", note="“十二五”期末。"),
      v("actual", "2020", "248.5 平方公里", "003", 82, "市区建成区面积由 183.9 平方公里扩至 248.5 平方公里"),
      v("actual", "2020", "248.5平方公里", "002", 139, "市辖区建成区面积达到248.5平方公里"),
      v("target", "2035", "三百平方公里", "002", 197, "建成建成区面积三百平方公里、城区常住人口三百万的Ⅰ型大城市")]
V = ind("city_roads", "柳州市市政道路", "Liuzhou municipal roads", "infrastructure", "city", "stock", "km")
V += [v("actual", "2015", "758 公里", "003", 90, "市政道路由“十二五”期末的 758 公里提升到 1925 公里"),
      v("actual", "2020", "1925 公里", "003", 90, "市政道路由“十二五”期末的 758 公里提升到 1925 公里")]
V = ind("city_green_building_share", "柳州市城镇绿色建筑占新建建筑比重", "Liuzhou: green buildings as share of new buildings", "green", "city", "ratio", "%")
V += [v("actual", "2020", "67.7%", "002", 145, "城镇绿色建筑占新建建筑比重达到67.7%"),
      v("target", "2025", "80%", "002", 753, "到2025年，力争城镇绿色建筑占新建建筑比重达到80%")]
V = ind("city_green_cover", "柳州市建成区绿化覆盖率", "Liuzhou built-up area green cover", "green", "city", "ratio", "%")
V += [v("actual", "2020", "超过40%", "002", 145, "建成区绿化覆盖率超过40%"),
      v("target", "2025", "44.5%", "002", 743, "力争到2025年，城市建成区绿化覆盖率达到44.5%")]
V = ind("city_park_area_per_head", "柳州市人均公园绿地面积", "Liuzhou park area per head", "green", "city", "stock", "m²")
V += [v("actual", "2020", "13.88 平方米", "003", 66, "人均公园绿地面积 13.88 平方米")]
V = ind("city_forest_cover", "柳州市森林覆盖率", "Liuzhou forest cover", "green", "city", "ratio", "%")
V += [v("actual", "2020", "66.7%", "003", 66, "全市森林覆盖率达 66.7%")]

# ================================================================== Liudong: further figures of the reports
V = ind("sgmw_baojun_value_growth", "上汽通用五菱宝骏基地产值增速", "Output value growth, SGMW Baojun base", "economy", "liudong", "growth", "%")
V += [v("actual", "2021H1", "83.96%", "004", 29, "上半年上汽通用五菱宝骏基地产值完成96.23亿元，同比增长83.96%")]
V = ind("sgmw_baojun_output_growth", "上汽通用五菱宝骏基地汽车产量增速", "Vehicle output growth, SGMW Baojun base", "economy", "liudong", "growth", "%")
V += [v("actual", "2021H1", "173.75%", "004", 29, "汽车产量完成19.19万辆，同比增长173.75%")]
V = ind("dflz_value_growth", "东风柳汽柳东基地产值增速", "Output value growth, Dongfeng Liuzhou Motor Liudong base", "economy", "liudong", "growth", "%")
V += [v("actual", "2021H1", "34.84%", "004", 29, "东风柳汽柳东基地产值完成155.53亿元，同比增长34.84%")]
V = ind("dflz_output_growth", "东风柳汽柳东基地汽车产量增速", "Vehicle output growth, Dongfeng Liuzhou Motor Liudong base", "economy", "liudong", "growth", "%")
V += [v("actual", "2021H1", "43.74%", "004", 29, "汽车产量完成11.6万辆，同比增长43.74%")]
V = ind("specialised_sme_city_share", "自治区“专精特新”中小企业占全市比重", "Share of the city's “specialised and innovative” SMEs", "economy", "liudong", "ratio", "%")
V += [v("actual", "2022", "24.1%", "001", 31, "累计达27家，全市占比24.1%")]
V = ind("smart_factories_city_share", "自治区级智能工厂和数字化车间占全市比重", "Share of the city's smart factories and digital workshops", "economy", "liudong", "ratio", "%")
V += [v("actual", "2022", "34.4%", "001", 31, "新增自治区级智能工厂和数字化车间11家，全市占比34.4%")]
V = ind("shuangbai_projects_new", "新入库自治区“双百双新”产业项目", "Projects newly listed as regional “double hundred, double new”", "projects", "liudong", "flow", "个")
V += [v("actual", "2022", "6个", "001", 31, "6个项目入库自治区“双百双新”产业项目，累计在库项目28项")]
V = ind("shuangbai_projects", "自治区“双百双新”产业项目（累计在库）", "Regional “double hundred, double new” projects listed (total)", "projects", "liudong", "stock", "项")
V += [v("actual", "2022", "28项", "001", 31, "6个项目入库自治区“双百双新”产业项目，累计在库项目28项")]
V = ind("informatisation_index", "两化融合发展指数", "Index of integrated informatisation and industrialisation", "economy", "liudong", "stock", "点")
V += [v("actual", "2022", "65以上", "001", 31, "2022年新区两化融合发展指数达65以上")]
V = ind("culture_projects_signed", "重大文化产业项目集中签约", "Major cultural-industry projects signed", "investment", "liudong", "flow", "个")
V += [v("actual", "2022", "12个", "001", 34, "12个重大文化产业项目集中签约，入驻企业105家")]
V = ind("park772_firms", "772数字文化创意产业园入驻企业", "Enterprises in the 772 digital creative park", "economy", "liudong", "stock", "家")
V += [v("actual", "2022", "105家", "001", 34, "12个重大文化产业项目集中签约，入驻企业105家")]
V = ind("bonded_declarations", "保税物流中心（B型）通关货物", "Customs declarations at the bonded logistics centre", "economy", "liudong", "flow", "票")
V += [v("actual", "2022", "274票", "001", 34, "全年通关货物274票")]
V = ind("exhibitions", "举办展会活动", "Exhibitions held", "economy", "liudong", "flow", "场")
V += [v("actual", "2022", "26场", "001", 34, "举办汽博会等展会活动26场")]
V = ind("net_new_market_entities", "市场主体净增长", "Net growth of market entities", "economy", "liudong", "flow", "户")
V += [v("actual", "2022", "955户", "001", 46, "新增市场主体2068户，净增长955户")]
V = ind("zbj_online_firms", "猪八戒网柳州基地线上注册企业及个人工作室", "Firms and studios registered online at the ZBJ Liuzhou base", "economy", "liudong", "stock", "家")
V += [v("actual", "2021H1", "3845家", "004", 31, "猪八戒网柳州基地项目线上注册企业及个人工作室达3845家")]
V = ind("zbj_offline_firms", "猪八戒网柳州基地线下入驻企业", "Firms on site at the ZBJ Liuzhou base", "economy", "liudong", "stock", "家")
V += [v("actual", "2021H1", "80家", "004", 31, "线下入驻80家")]
V = ind("approval_speedup", "审批提速", "Approvals speeded up", "economy", "liudong", "ratio", "%", note="营商环境。")
V += [v("actual", "2021H1", "79%", "004", 50, "审批事项提速率达79%"),
      v("actual", "2022", "50%", "001", 43, "深化“拿地即开工”，审批提速50%")]
V = ind("approval_time_cut", "基层审批压时", "Approval time cut at township level", "economy", "liudong", "ratio", "%")
V += [v("actual", "2022", "12%", "001", 43, "推行基层“一枚印章管审批（服务）”，审批压时12%")]
V = ind("enterprise_requests_resolved", "解决企业诉求", "Enterprise requests resolved", "economy", "liudong", "flow", "项")
V += [v("actual", "2022", "2046项", "001", 43, "有效解决2046项企业诉求")]
V = ind("e_filing_rate", "全程电子化率", "Share of business registrations filed fully online", "economy", "liudong", "ratio", "%")
V += [v("actual", "2021H1", "99.6%", "004", 50, "上半年新区全程电子化率达99.6%")]
V = ind("land_to_start_projects", "实现“拿地即开工”的重大项目", "Major projects that started on the day land was acquired", "projects", "liudong", "flow", "个")
V += [v("actual", "2021H1", "20多个", "004", 50, "推进20多个重大项目实现“拿地即开工”", q="at_least")]

V = ind("hightech_zone_rank_top100", "全国园区高质量发展百强榜名次", "Place in the national top-100 of high-quality parks", "innovation", "liudong", "rank", "位")
V += [v("actual", "2022", "第64位", "001", 37, "入围2022年全国园区高质量发展百强榜第64位")]
V = ind("tech_transfer_agencies", "新增自治区级技术转移示范机构", "New regional technology-transfer agencies", "innovation", "liudong", "flow", "家")
V += [v("actual", "2022", "3家", "001", 37, "3家企业成为第十批自治区级技术转移示范机构")]
V = ind("new_rd_institutes", "新增自治区新型研发机构", "New regional R&D institutes of the new type", "innovation", "liudong", "flow", "家")
V += [v("actual", "2022", "4家", "001", 37, "4家企业荣列自治区新型研发机构")]
V = ind("gazelle_firms", "认定瞪羚企业", "“Gazelle” enterprises certified", "innovation", "liudong", "flow", "家")
V += [v("actual", "2022", "4家", "001", 37, "认定瞪羚企业4家")]
V = ind("high_tech_reserve", "自治区高企培育后备库企业", "Enterprises in the regional high-tech reserve", "innovation", "liudong", "stock", "家")
V += [v("actual", "2021H1", "38家", "004", 41, "新区38家企业列入自治区高企培育后备库")]
V = ind("double_upgrade_firms", "新增双升高企", "New “double upgrade” high-tech enterprises", "innovation", "liudong", "flow", "家")
V += [v("plan", "2023", "3家", "001", 86, "新增双升高企3家")]
V = ind("tech_results_city_share", "科技成果登记占全市比重", "Share of the city's registered scientific results", "innovation", "liudong", "ratio", "%")
V += [v("actual", "2021H1", "44.79%", "004", 41, "科技成果登记73项，占全市163项的44.79%")]
V = ind("talent_projects", "高端人才创业创新示范基地落地项目", "Projects settled at the high-level talent base", "innovation", "liudong", "flow", "个",
        note="2021年上半年为完成注册及办理注册的中高层次人才项目，2022年为成功落地的专家项目。")
V += [v("actual", "2021H1", "4个", "004", 41, "完成注册及办理注册的中高层次人才项目4个"),
      v("actual", "2022", "2个", "001", 37, "海内外高端人才创业创新示范基地成功落地专家项目2个")]
V = ind("youyi_space_firms", "优易空间入驻企业及创客团队", "Enterprises and maker teams moving into Youyi Space", "innovation", "liudong", "flow", "家")
V += [v("plan", "2021", "34家", "004", 84, "完成优易空间34家企业及创客团队入驻")]

V = ind("tax_fee_relief", "减免“六税两费”", "“Six taxes and two fees” relief", "investment", "liudong", "flow", "亿元")
V += [v("actual", "2022", "0.56亿元", "001", 46, "减免“六税两费”0.56亿元")]
V = ind("special_bond_projects", "申报政府专项债券项目", "Special-bond projects applied for", "investment", "liudong", "flow", "个")
V += [v("actual", "2022", "30个", "001", 56, "全年申报政府专项债券项目30个")]
V = ind("special_bonds_growth", "专项债券资金增速", "Growth of special-bond funds", "investment", "liudong", "growth", "%")
V += [v("actual", "2022", "21.6%", "001", 56, "获批专项债券资金21.17亿元，增长21.6%")]
V = ind("debt_resolution_total", "总体化债完成率", "Overall debt resolution rate", "investment", "liudong", "ratio", "%")
V += [v("actual", "2022", "96%", "001", 56, "总体化债完成率达96%")]
V = ind("listed_firms_fourth_board", "四板挂牌企业", "Enterprises listed on the regional equity market", "investment", "liudong", "flow", "家")
V += [v("actual", "2022", "4家", "001", 56, "全年4家企业四板挂牌")]
V = ind("vehicle_test_fund", "汽检基金（谋划筹资）", "Vehicle-testing fund (fundraising planned)", "investment", "liudong", "flow", "亿元")
V += [v("plan", "2022", "20亿元", "001", 56, "谋划筹资20亿元汽检基金投入国轩一、二期项目")]
V = ind("land_work_funds", "土地报批、征地拆迁等筹集资金", "Funds raised for land approval, expropriation and pensions", "land", "liudong", "flow", "亿元")
V += [v("actual", "2022", "2.79亿元", "001", 54, "全年筹集2.79亿元推动土地报批、征地拆迁、失地农民养老保险")]
V = ind("land_batches_approved", "报地获批批次", "Land-approval batches approved", "land", "liudong", "flow", "个")
V += [v("actual", "2022", "32个", "001", 54, Q001_54)]
V = ind("land_batches_prepared", "报地材料组件批次", "Land-approval batches prepared", "land", "liudong", "flow", "个")
V += [v("actual", "2021H1", "6个", "004", 47, "完成6个批次材料的组件工作")]
V = ind("detailed_plans", "片区控规编制（调整）", "Regulatory detailed plans drawn up or revised", "land", "liudong", "flow", "个")
V += [v("actual", "2021H1", "5个", "004", 37, "调整《花岭北片区控规修编》等5个片区控规编制"),
      v("actual", "2022", "5个", "001", 40, "编制完善花岭片等5个片区控规")]
V = ind("village_plans", "新农村村庄规划编制", "Village plans in preparation", "land", "liudong", "flow", "个")
V += [v("actual", "2021H1", "4个", "004", 37, "推进竹桐村等4个新农村村庄规划编制工作")]
V = ind("resettlement_projects_continued", "续建安置项目", "Resettlement projects under continued construction", "projects", "liudong", "stock", "个")
V += [v("actual", "2021H1", "7个", "004", 47, "东悦佳苑四期等7个续建项目有序施工")]
V = ind("resettlement_projects_started", "新开工安置项目", "Resettlement projects started", "projects", "liudong", "flow", "个")
V += [v("plan", "2021", "2个", "004", 100, "力争新开工龙婆片区、高荒高阳片区2个项目")]
V = ind("village_commerce_projects", "村屯三产安置合作开发", "Village commercial resettlement developments", "projects", "liudong", "flow", "个",
        note="2021年上半年为完成上市交易，2023年计划为完成合作开发。")
V += [v("actual", "2021H1", "2个", "004", 47, "蚂蟥屯、藕塘屯2个三产项目完成上市交易工作"),
      v("plan", "2023", "2个以上", "001", 101, "完成2个以上村屯三产安置合作开发")]
V = ind("rural_projects_completed", "乡村振兴项目基本完工", "Rural revitalisation projects substantially completed", "projects", "liudong", "flow", "个")
V += [v("actual", "2021H1", "14个", "004", 58, "连丰村下金田屯新建安置住房主体工程等14个项目基本完工")]
V = ind("employment_targets_met", "就业目标任务完成率", "Employment targets met", "society", "liudong", "ratio", "%")
V += [v("actual", "2022", "100%", "001", 59, "各项就业目标任务完成率均达100%")]
V = ind("veteran_allowances", "发放抚恤补助金", "Veterans' allowances paid", "society", "liudong", "flow", "亿元")
V += [v("actual", "2022", "728万元", "001", 59, "发放抚恤补助金728万元")]
V = ind("model_kindergartens", "获评市级示范幼儿园", "Kindergartens named city models", "society", "liudong", "flow", "所")
V += [v("actual", "2022", "三所", "001", 59, "新区三所幼儿园获评市级示范幼儿园")]
