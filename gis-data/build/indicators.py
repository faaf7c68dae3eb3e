"""Builds gis-data/indicator.json: the plan indicators (规划指标) of indicator_data.py, each value
checked against its quote, with conflicts and progress derived by the rules written below.

Called by build.py (write_indicators(seeds)); runs alone too:
    /usr/bin/python3 gis-data/build/indicators.py [--seeds ../shared/seeds]
"""
import json
import os
import re

from indicator_data import INDICATORS
from projects import FILES

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# Until gis-data/source_document.csv lands: the documents as the seed README describes them.
DOCUMENTS = {
    "000": ("《柳州市柳东新区国民经济和社会发展第十四个五年规划和2035年远景目标纲要》的编制说明",
            "Explanatory note on the Liudong New District 14th Five-Year Plan and 2035 Vision", "2021-12"),
    "001": ("柳东新区2023年高质量发展报告", "Liudong New District 2023 High-Quality Development Report", "2023-02"),
    "002": ("柳州市人民政府公报（2024年第7期）", "Liuzhou Municipal Government Gazette 2024 No. 7", "2024-06"),
    "003": ("柳州市2021年政府工作报告", "Liuzhou Government Work Report 2021", "2021-03"),
    "004": ("何培俊同志在柳东新区年中工作会议上的讲话", "Speech at the Liudong mid-year work meeting", "2021-07"),
}
# The gazette (002) bundles several documents; a value says which one it is from.
GAZETTE_PARTS = [(59, 1034, "《柳州市新型城镇化规划（2021-2035年）》", "Liuzhou New Urbanisation Plan (2021–2035)"),
                 (1071, 1294, "《柳州市2022年投资促进工作方案》", "Liuzhou 2022 Investment Promotion Work Plan")]

THEMES = ["population", "economy", "land", "green", "infrastructure", "investment", "projects", "innovation", "society"]
KINDS = ["target", "plan", "actual"]
MEASURES = ["flow", "stock", "growth", "ratio", "rank"]

RULES = {
    "straight_line": {
        "zh": "直线进度：完成比例 = 期内累计实际值 ÷ 目标值；应达进度 = 已过月数 ÷ 目标期总月数。完成比例低于应达进度即预警；"
              "期满未达目标为未完成。只在同一指标（同一单位、同一范围）内、起点相同的时期之间比较。",
        "en": "Straight line: share achieved = actual so far ÷ target; expected share = months elapsed ÷ months in the "
              "target's period. Below the expected share is a warning (预警); a period ended short of the target is "
              "missed. Only within one indicator (one unit, one scope), for periods that start together."},
    "growth": {
        "zh": "增速比较：实际增速低于目标增速即预警。增速只与增速比较，不与总量比较，不计算完成比例。",
        "en": "Growth rates: an actual rate below the target rate is a warning (预警). A rate is compared only with a "
              "rate, never with a level, and no share achieved is computed."},
    "implied_growth": {
        "zh": "由同一指标（同单位、同范围）两个全年总量推算年均增速：(末年值 ÷ 基年值)^(1 ÷ 年数) − 1，与目标年均增速比较，低于即预警。",
        "en": "Average growth implied by two full-year levels of one indicator (one unit, one scope): "
              "(latest ÷ base)^(1 ÷ years) − 1, against the target average rate; below it is a warning (预警)."},
}
IMPLIED_CAVEAT = {"zh": "总量为当年价，可能经统计修订；仅供参考。", "en": "Levels are at current prices and may have been revised; indicative only."}

# Projects are counted as 个 in one sentence and 项 in the next: the same count.
PROJECT_COUNTS = ("个", "项")
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMBER = re.compile(r"(\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千]+)?\s*((?:[万亿])*)\s*(.*)")


def cn_integer(s):
    total, digit = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            total += (digit or 1) * CN_UNITS[ch]
            digit = 0
    return total + digit


def parse_stated(stated, unit):
    """(number as written, normalised value in `unit`, qualifier) of a figure as the text states it."""
    s = stated.replace("*", "")
    sign = -1 if "下降" in s else 1
    qualifier = "about" if ("约" in s or "左右" in s) else (
        "at_least" if any(w in s for w in ("以上", "超过", "突破", "首破")) or re.search(r"\d多", s) else None)
    s = re.sub(r"(\d)多", r"\1", s)  # “20多个”: more than 20
    s = re.sub(r"^(约|超过|突破|首破|新增|新开工|竣工|增长|下降|第)+", "", s)
    s = re.sub(r"(以上|左右|为)$", "", s).replace("约", "").replace("为", "")
    m = NUMBER.fullmatch(s)
    if not m or (m.group(1) is None and not m.group(2)):
        raise SystemExit(f"cannot read a number in “{stated}”")
    digits, mult, rest = m.group(1), m.group(2), m.group(3).strip()
    if digits is None:
        number = 1.0
    elif digits[0].isdigit():
        number = float(digits)
    else:
        number = float(cn_integer(digits))
    factor = 1.0
    for ch in mult:
        factor *= 1e4 if ch == "万" else 1e8
    raw = number * factor
    value = convert(raw, rest, unit, bool(mult), stated)
    return sign * number, round(sign * value, 6), qualifier


def convert(raw, rest, unit, has_multiplier, stated):
    """raw counts the unit written after the number (元, 亩, 公顷 …); bare numbers are in `unit`."""
    if rest in ("", "名", "位"):
        if unit == "亿元" and has_multiplier:
            return raw / 1e8  # "万亿": ten thousand 亿 yuan
        return raw
    table = {
        "亿元": {"元": 1e-8},
        "万美元": {"美元": 1e-4},
        "亩": {"亩": 1, "公顷": 15},
        "m²": {"平方米": 1},
        "km²": {"平方公里": 1},
        "km": {"公里": 1},
    }
    if unit in table:
        if rest not in table[unit]:
            raise SystemExit(f"“{stated}”: {rest} is not convertible to {unit}")
        return raw * table[unit][rest]
    if rest != unit and not (rest in PROJECT_COUNTS and unit in PROJECT_COUNTS):
        raise SystemExit(f"“{stated}”: unit {rest} differs from the indicator's {unit}")
    return raw


def period_of(p):
    """(start YYYY-MM, end YYYY-MM, label zh, label en)."""
    if re.fullmatch(r"\d{4}", p):
        return f"{p}-01", f"{p}-12", f"{p}年", p
    m = re.fullmatch(r"(\d{4})H1", p)
    if m:
        y = m.group(1)
        return f"{y}-01", f"{y}-06", f"{y}年上半年", f"H1 {y}"
    m = re.fullmatch(r"(\d{4})-(\d{4})", p)
    if m:
        a, b = m.groups()
        return f"{a}-01", f"{b}-12", f"{a}–{b}年", f"{a}–{b}"
    raise SystemExit("unknown period " + p)


def months(start, end):
    (ys, ms), (ye, me) = (map(int, start.split("-")), map(int, end.split("-")))
    return (ye - ys) * 12 + (me - ms) + 1


def gazette_part(f, line):
    if f != "002":
        return None, None
    for a, b, zh, en in GAZETTE_PARTS:
        if a <= line <= b:
            return zh, en
    return None, None


def build_values(seeds, ind):
    out = []
    for raw in ind["values"]:
        if raw["kind"] not in KINDS:
            raise SystemExit(f"{ind['id']}: unknown kind {raw['kind']}")
        src = seeds.check({"f": raw["f"], "line": raw["line"], "quote": raw["quote"]}, ind["id"])
        if raw["stated"] not in raw["quote"]:
            raise SystemExit(f"{ind['id']}: “{raw['stated']}” is not in its quote “{raw['quote']}”")
        if raw["share"] and raw["share"] not in raw["quote"]:
            raise SystemExit(f"{ind['id']}: reported share “{raw['share']}” is not in its quote")
        number, value, qualifier = parse_stated(raw["stated"], ind["unit"])
        start, end, label_zh, label_en = period_of(raw["period"])
        part_zh, part_en = gazette_part(raw["f"], raw["line"])
        share = parse_stated(raw["share"], "%")[1] if raw["share"] else None
        out.append(dict(kind=raw["kind"], period=raw["period"], period_start=start, period_end=end,
                        period_zh=label_zh, period_en=label_en, stated=raw["stated"], number=number, value=value,
                        qualifier=raw["q"] or qualifier, reported_share_stated=raw["share"], reported_share=share,
                        file=src["file"], line=src["line"], quote=src["quote"], part_zh=part_zh, part_en=part_en,
                        note=raw["note"]))
    out.sort(key=lambda x: (x["period_end"], x["period_start"], KINDS.index(x["kind"])))
    for i, x in enumerate(out, start=1):
        x["id"] = f"{ind['id']}-{i}"
    return out


def conflicts_of(values):
    groups = {}
    for x in values:
        groups.setdefault((x["kind"], x["period"]), []).append(x)
    return [dict(kind=k, period=p, value_ids=[x["id"] for x in xs], stated=[x["stated"] for x in xs])
            for (k, p), xs in groups.items() if len({x["value"] for x in xs}) > 1]


def progress_of(ind, values, by_id):
    goals = [x for x in values if x["kind"] in ("target", "plan")]
    actuals = [x for x in values if x["kind"] == "actual"]
    out = []
    if ind["measure"] in ("flow", "growth"):
        for t in goals:
            for a in actuals:
                if a["period_start"] != t["period_start"] or a["period_end"] > t["period_end"]:
                    continue
                whole = a["period_end"] == t["period_end"]
                if ind["measure"] == "flow":
                    share = a["value"] / t["value"]
                    expected = months(a["period_start"], a["period_end"]) / months(t["period_start"], t["period_end"])
                    status = ("achieved" if share >= 1 else "missed") if whole else (
                        "behind" if share < expected else "on_track")
                    out.append(dict(method="straight_line", target_id=t["id"], actual_id=a["id"],
                                    share=round(share, 4), expected_share=round(expected, 4), status=status))
                else:
                    status = ("achieved" if a["value"] >= t["value"] else "missed") if whole else (
                        "behind" if a["value"] < t["value"] else "on_track")
                    out.append(dict(method="growth", target_id=t["id"], actual_id=a["id"], actual_rate=a["value"],
                                    target_rate=t["value"], gap_points=round(a["value"] - t["value"], 4), status=status))
    if ind["implied_from"]:
        levels = [x for x in by_id[ind["implied_from"]]["values"]
                  if x["kind"] == "actual" and x["period_start"][:4] == x["period_end"][:4]
                  and x["period_start"].endswith("-01") and x["period_end"].endswith("-12")]
        for t in goals:
            first, last = int(t["period_start"][:4]), int(t["period_end"][:4])
            base = [x for x in levels if int(x["period_start"][:4]) == first - 1]
            later = sorted((x for x in levels if first <= int(x["period_start"][:4]) <= last), key=lambda x: x["period_start"])
            if base and later:
                b, l = base[0], later[-1]
                years = int(l["period_start"][:4]) - int(b["period_start"][:4])
                rate = ((l["value"] / b["value"]) ** (1 / years) - 1) * 100
                out.append(dict(method="implied_growth", target_id=t["id"], base_id=b["id"], actual_id=l["id"],
                                actual_rate=round(rate, 4), target_rate=t["value"], years=years,
                                gap_points=round(rate - t["value"], 4),
                                status="behind" if rate < t["value"] else "on_track", caveat=IMPLIED_CAVEAT))
    for p in out:
        p["warning"] = p["status"] in ("behind", "missed")
    return out


def write_indicators(seeds):
    by_id = {}
    for ind in INDICATORS:
        if ind["id"] in by_id:
            raise SystemExit("duplicate indicator " + ind["id"])
        if ind["theme"] not in THEMES or ind["measure"] not in MEASURES or ind["scope"] not in ("liudong", "city"):
            raise SystemExit(f"{ind['id']}: theme, measure or scope unknown")
        by_id[ind["id"]] = dict(ind, values=build_values(seeds, ind))
    out = []
    for ind in INDICATORS:
        d = by_id[ind["id"]]
        d["conflicts"] = conflicts_of(d["values"])
        d["progress"] = progress_of(d, d["values"], by_id)
        out.append(d)
    doc = {"title_zh": "柳东新区规划指标", "title_en": "Liudong plan indicators",
           "note": "Every value is a figure the texts state, with file, line and exact quote; built by build/indicators.py.",
           "rules": RULES,
           "documents": [dict(file=FILES[k], title_zh=v[0], title_en=v[1], date=v[2]) for k, v in DOCUMENTS.items()],
           "indicators": out}
    path = os.path.join(OUT, "indicator.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    n_values = sum(len(d["values"]) for d in out)
    n_warn = sum(p["warning"] for d in out for p in d["progress"])
    n_conf = sum(len(d["conflicts"]) for d in out)
    print(f"indicator: {len(out)} indicators, {n_values} values, {n_conf} conflicts, {n_warn} warnings")


if __name__ == "__main__":
    import argparse
    from build import Seeds
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default=os.path.join(OUT, "..", "..", "shared", "seeds"))
    write_indicators(Seeds(ap.parse_args().seeds))
