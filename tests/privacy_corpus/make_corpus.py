"""Writes the privacy corpus: every way of writing a personal number from issue 10, in
every kind of place (item fields, comments, file names, village.yaml, township.yaml),
each file with the findings it must produce in expected.json.

The expected findings are worked out here, from where each number was put and how
it was written, never by running the checker. Run `python make_corpus.py` from
this folder to write the files again after changing a list below.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

# (name, as written, message code, masked form, kind for comment/file-name messages)
WAYS = [
    ("id-spaces", "110105 19491231 002X", "privacy_id_number", "110105********002X", "id"),
    ("id-dashes", "110105-1949-1231-002X", "privacy_id_number", "110105********002X", "id"),
    ("id-dots", "110105.19491231.002X", "privacy_id_number", "110105********002X", "id"),
    ("id-fullwidth", "１１０１０５１９４９１２３１００２Ｘ", "privacy_id_number", "110105********002X", "id"),
    ("id-fullwidth-x", "11010519491231002Ｘ", "privacy_id_number", "110105********002X", "id"),
    ("id-lowercase-x", "11010519491231002x", "privacy_id_number", "110105********002X", "id"),
    ("id-zero-width", "110105\u200b19491231\u200b002X", "privacy_id_number", "110105********002X", "id"),
    ("id-old-15", "110105491231002", "privacy_old_id", "110105*****1002", "old_id"),
    ("id-wrong-check-digit", "110105194912310021", "privacy_id_check_digit", "110105********0021",
     "id_check"),
    ("mobile-plus86", "+8613812345678", "privacy_phone", "138****5678", "mobile"),
    ("mobile-plus86-spaced", "+86 138 1234 5678", "privacy_phone", "138****5678", "mobile"),
    ("mobile-0086", "0086-13812345678", "privacy_phone", "138****5678", "mobile"),
    ("mobile-spaces", "138 1234 5678", "privacy_phone", "138****5678", "mobile"),
    ("mobile-dashes", "138-1234-5678", "privacy_phone", "138****5678", "mobile"),
    ("mobile-fullwidth", "１３８－１２３４－５６７８", "privacy_phone", "138****5678", "mobile"),
    ("card-groups-of-four", "6222 0212 3456 7890 123", "privacy_bank_account", "6222***********0123",
     "bank"),
    ("card-luhn-dashes", "4111-1111-1111-1111", "privacy_bank_account", "4111********1111", "bank"),
    # Chinese numerals, lookalike letters, other separators (the second round of issue 10)
    ("mobile-chinese-numerals", "一三八一二三四五六七八", "privacy_phone", "138****5678", "mobile"),
    ("mobile-capital-numerals", "壹叁捌壹贰叁肆伍陆柒捌", "privacy_phone", "138****5678", "mobile"),
    ("mobile-mixed-numerals", "138一二三四5678", "privacy_phone", "138****5678", "mobile"),
    ("id-chinese-numerals", "一一〇一〇五一九四九一二三一〇〇二X", "privacy_id_number",
     "110105********002X", "id"),
    ("mobile-lookalike-letters", "l38 l234 5678", "privacy_phone", "138****5678", "mobile"),
    ("mobile-em-spaces", "138\u20031234\u20035678", "privacy_phone", "138****5678", "mobile"),
    ("mobile-brackets", "（138）1234-5678", "privacy_phone", "138****5678", "mobile"),
    ("mobile-digit-by-digit", "1 3 8 1 2 3 4 5 6 7 8", "privacy_phone", "138****5678", "mobile"),
    ("mobile-slashes-after-a-phone-word", "手机138/1234/5678", "privacy_phone", "138****5678",
     "mobile"),
    ("id-slashes", "110105/19491231/002X", "privacy_id_number", "110105********002X", "id"),
    ("id-enumeration-commas", "110105、19491231、002X", "privacy_id_number", "110105********002X",
     "id"),
    ("id-times-sign", "11010519491231002×", "privacy_id_number", "110105********002X", "id"),
    ("id-without-check-character", "11010519491231002", "privacy_id_short", "110105*******1002",
     "id_short"),
]
# A file name cannot hold a slash.
NOT_IN_NAMES = {"mobile-slashes-after-a-phone-word", "id-slashes"}

KIND_WORDS = {"id": "完整的身份证号", "old_id": "15位的老身份证号", "id_short": "少了最后一位的身份证号",
              "id_check": "身份证号（校验位似乎输错了，但仍是身份证号）",
              "mobile": "个人手机号", "bank": "银行卡号或账号"}

NOTICE = """\
kind: notice
title: 关于召开村民代表会议的通知{title}
period: 2026-11
posted: 2026-11-20
issuer: 双河村村民委员会{issuer}
contact: 0571-63811001{contact}
body: |
  各位村民代表：
  定于11月28日上午9时在村文化礼堂开会。{body}
# 备注：{comment}
"""

RELIEF = """\
类型: 救助补助公示
项目: 农村最低生活保障金{program}
所属期间: 2026-10
公开日期: 2026-10-10
审核人: 孙立平
审核日期: 2026-10-09
名单:
  - 户主姓名: 王桂英
    村民小组: 第一村民小组
    保障人数: 2
    类别: 一类低保
    金额: 1120.00
    备注: 新纳入{note}
"""

HOT_ISSUE = """\
kind: hot_issue
period: 2026-Q3
posted: 2026-10-15
issues:
  - issue: 第三村民小组路灯损坏{issue}
    raised_on: 2026-08-05
    investigation: 村委会8月6日现场查看
    handling: 列入路灯维修更换计划
    result: 已更换
    feedback: 已在村民小组会上通报{feedback}
"""

FINANCE = """\
kind: finance
period: 2026-Q3
posted: 2026-10-08
reviewed_by: 孙立平
reviewed_on: 2026-10-06
opening_balance: 1000.00
income:
  - date: 2026-07-01
    voucher: 记-001
    summary: 村集体厂房租金收入{summary}
    category: 发包及上交收入
    amount: 2000.50
    handler: 陈静
expense: []
closing_balance: 3000.50
accountant: 周会计
"""

MEETING = """\
kind: meeting
stage: 会前公告
body: 村民代表会议
meeting_date: 2026-11-28
place: 村文化礼堂
period: 2026-11
posted: 2026-11-20
agenda:
  - 审议村集体果园承包方案{agenda}
proposal: 村集体果园采取公开竞价方式发包，承包期5年。
"""

# (template, placeholder, field path as report.json writes it). A finding in a value is
# reported at the line of its field's key: for a block of text (`body: |`) and for a
# list of plain lines (`agenda:`) that is the key's line, not the line inside it.
REPORTED_AT = {"body": "body: |", "agenda": "agenda:"}
ITEM_PLACES = [
    ("notice", NOTICE, "title", "title"),
    ("notice", NOTICE, "body", "body"),
    ("notice", NOTICE, "issuer", "issuer"),
    ("notice", NOTICE, "contact", "contact"),
    ("notice", NOTICE, "comment", None),
    ("relief", RELIEF, "program", "program"),
    ("relief", RELIEF, "note", "recipients.0.note"),
    ("hot_issue", HOT_ISSUE, "issue", "issues.0.issue"),
    ("hot_issue", HOT_ISSUE, "feedback", "issues.0.feedback"),
    ("finance", FINANCE, "summary", "income.0.summary"),
    ("meeting", MEETING, "agenda", "agenda.0"),
]

VILLAGE = """\
# 本村设置
name: 双河村{name}
committee: 双河村村民委员会{committee}
supervision: 双河村村务监督委员会{supervision}
phone: 0571-63811001{phone}
# 村委会值班：{comment}
"""

TOWNSHIP = """\
# 乡镇设置
name: 青山镇{name}
county: 临安区{county}
hotline: 0571-63812345{hotline}
# 镇政府值班：{comment}
"""

SETTINGS_PLACES = [
    ("village.yaml", VILLAGE, ["name", "committee", "supervision", "phone", "comment"], "phone"),
    ("township.yaml", TOWNSHIP, ["name", "county", "hotline", "comment"], "hotline"),
]


def fill(template: str, place: str, text: str) -> tuple[str, int, int]:
    """The template with `text` at `place` (other places empty), the line a value
    finding is reported at, and the line the text is on."""
    names = {part.split("}")[0] for part in template.split("{")[1:]}
    filled = template.format(**{name: (text if name == place else "") for name in names})
    rows = list(enumerate(template.splitlines(), 1))
    marker = REPORTED_AT.get(place, "{" + place + "}")
    line = next(n for n, row in rows if marker in row)
    text_line = next(n for n, row in rows if "{" + place + "}" in row)
    return filled, line, text_line


def expected(way: tuple[str, str, str, str, str], place: str, contact: str | None,
             line: int, text_line: int, field: str | None) -> list[dict[str, object]]:
    name, _, code, masked, kind = way
    if "zero-width" in name and place != "comment":
        # The loader refuses a value holding a zero-width space (text_invisible) and the
        # file is then searched line by line: both findings are on the text's own line.
        return [{"code": "text_invisible", "line": text_line}, {"code": code, "line": text_line}]
    if place == "comment":
        return [{"code": "privacy_in_comment", "line": line,
                 "message": f"注释里有{KIND_WORDS[kind]}（{masked}）：注释会随源文件附在海报 PDF 里一起公开，"
                            "同样不得出现，请删除或打码"}]
    if place == contact and code == "privacy_phone":
        return []  # an official contact field may hold a mobile
    return [{"code": code, "line": line, "field": field}]


def main() -> None:
    cases = []
    for kind, template, place, field in ITEM_PLACES:
        for way in WAYS:
            text, line, text_line = fill(template, place,
                                         " " + way[1] if place != "comment" else way[1])
            name = f"items/{kind}-{place}-{way[0]}.yaml"
            (HERE / name).parent.mkdir(parents=True, exist_ok=True)
            (HERE / name).write_text(text, encoding="utf-8")
            cases.append({"file": name, "as": "item", "written": way[1], "field": field,
                          "findings": expected(way, place, "contact", line, text_line, field)})
    for way in (w for w in WAYS if w[0] not in NOT_IN_NAMES):
        name = f"names/通知-{way[0]}-{way[1]}.yaml"
        (HERE / name).parent.mkdir(parents=True, exist_ok=True)
        (HERE / name).write_text(fill(NOTICE, "body", "")[0], encoding="utf-8")
        cases.append({"file": name, "as": "item", "written": way[1], "field": None, "findings": [
            {"code": "privacy_file_name", "line": None,
             "message": f"文件名里有{KIND_WORDS[way[4]]}（{way[3]}）：文件名会随源文件附在海报 PDF 里，请给文件改名"}]})
    for settings, template, places, contact in SETTINGS_PLACES:
        for place in places:
            for way in WAYS:
                text, line, text_line = fill(template, place,
                                             " " + way[1] if place != "comment" else way[1])
                name = f"settings/{settings.split('.')[0]}-{place}-{way[0]}.yaml"
                (HERE / name).parent.mkdir(parents=True, exist_ok=True)
                (HERE / name).write_text(text, encoding="utf-8")
                cases.append({"file": name, "as": settings, "written": way[1], "field": place,
                              "findings": expected(way, place, contact, line, text_line, place)})
    (HERE / "expected.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")


if __name__ == "__main__":
    main()
