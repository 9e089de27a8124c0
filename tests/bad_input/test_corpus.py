"""A corpus of bad input (files/), each with the exact outcome a clerk sees.

Every file runs through `noticeboard check` and `noticeboard render`; the test
asserts the exit codes and the exact messages, and that no traceback appears.
"""

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from noticeboard.cli import app
from tests.pdftext import page_texts, squeezed

FILES = Path(__file__).parent / "files"
runner = CliRunner()

ALIAS = "错误: 不支持 YAML 锚点和别名（& 和 *），请把内容直接写出来"
NOT_MONEY = "「{}」不是有效的金额，请写成 1234.50 这样的数字"
NO_GLYPH = ("「{}」（U+{}）没有任何已安装字体能显示，海报上会成为空白方框；出现在 recipients[1].amount。"
            "请安装含此字的字体（如 fonts-noto-cjk-extra 或花园明朝），并在 township.yaml 的 defaults.fonts 中配置")
CONTROL = "这里有看不见的控制字符（U+{}），打印时会丢失或出错；请删除它（常见于从网页或其他软件复制的文字）"
BLANK_LETTER = "这里有一个看不见的字符（U+{}）：它算作文字，却印出来是空白，一个由它组成的名字会印成空格子；请删除它"
GBK = "警告: 文件按 GBK/GB18030 编码读取；建议另存为 UTF-8，以免在其他电脑上乱码"

# file → (check exit code, the lines `check` prints before its summary line)
CASES: dict[str, tuple[int, list[str]]] = {
    # YAML
    "yaml-unclosed-bracket.yaml": (1, [":3: 错误: 方括号 [ ] 没有配对：列表少了「]」，或者内容里的逗号、冒号需要加引号"]),
    "yaml-tab-indent.yaml": (1, [":6: 错误: 第 1 个字处是 Tab 键（跳格），YAML 只允许用空格缩进，请把它换成空格"]),
    "yaml-duplicate-key.yaml": (1, [":7: 错误: 「title」写了两次（第 2 行和第 7 行），请删掉一处"]),
    "yaml-list-at-top.yaml": (1, [":1: 错误: 文件顶层应是「键: 值」的形式，例如 类型: 财务公开"]),
    "yaml-scalar-at-top.yaml": (1, [":1: 错误: 文件顶层应是「键: 值」的形式，例如 类型: 财务公开"]),
    "yaml-empty.yaml": (1, [": 错误: 文件是空的（或只有注释）"]),
    "yaml-only-comments.yaml": (1, [": 错误: 文件是空的（或只有注释）"]),
    "yaml-two-documents.yaml": (1, [":7: 错误: 一个文件只能写一项公开内容（文件里出现了多个 ---）"]),
    "yaml-anchor-alias.yaml": (1, [":7: " + ALIAS]),
    "yaml-alias-bomb.yaml": (1, [":2: " + ALIAS]),
    "yaml-deep-nesting.yaml": (1, [":2: 错误: 嵌套层次过深（超过 20 层）"]),
    "yaml-colon-in-value.yaml": (1, [":2: 错误: 这里不能出现冒号；如果内容里有「: 」，请给整段内容加上引号"]),
    "yaml-missing-colon.yaml": (1, [":5: 错误: 缺少冒号：每一项应写成「键: 值」"]),
    # encodings
    "encoding-utf8-bom.yaml": (0, []),
    "encoding-gbk.yaml": (0, [":1: " + GBK]),
    "encoding-gb18030-rare.yaml": (0, [":1: " + GBK]),
    "encoding-utf16.yaml": (0, []),
    "encoding-crlf.yaml": (0, []),
    "encoding-latin1.yaml": (1, [":2: 错误: 无法识别文件编码（不是 UTF-8，也不是 GBK/GB18030），请另存为 UTF-8"]),
    "encoding-not-text.yaml": (1, [":3: 错误: 这不是文本文件（含有控制字符），请用记事本或 WPS 另存为 UTF-8 文本"]),
    "encoding-mixed-gbk-line.yaml": (1, [":2: 错误: 第 2 行不是 UTF-8 编码（可能是从 GBK 文件复制过来的），其余各行是 UTF-8；"
                                         "请在这几行重新输入文字，或把整个文件另存为 UTF-8"]),
    # values
    "value-yes-no-stays-text.yaml": (0, []),
    "value-leading-zero-stays-text.yaml": (0, []),
    "value-time-stays-text.yaml": (0, []),
    "value-inf-amount.yaml": (1, [":13: 错误 recipients[1].amount: " + NOT_MONEY.format(".inf")]),
    "value-nan-amount.yaml": (1, [":13: 错误 recipients[1].amount: " + NOT_MONEY.format(".nan")]),
    "value-huge-exponent.yaml": (1, [":13: 错误 recipients[1].amount: " + NOT_MONEY.format("1e400")]),
    "value-european-amount.yaml": (1, [":13: 错误 recipients[1].amount: " + NOT_MONEY.format("1 120,50")]),
    "value-february-30.yaml": (1, [":4: 错误 posted: 日期「2026-02-30」不存在，请核对"]),
    "value-negative-amount.yaml": (1, [":13: 错误 recipients[1].amount: 金额不能为负数（-1120.00）"]),
    "value-absurd-amount.yaml": (1, [":13: 错误 recipients[1].amount: 金额「100000000000」大得不合常理，请核对"]),
    "value-three-decimals.yaml": (1, [":13: 错误 recipients[1].amount: 金额「1120.005」超过两位小数，请精确到分"]),
    "value-fullwidth-amount.yaml": (0, []),
    "value-bengali-digits.yaml": (1, [":13: 错误 recipients[1].amount: 「৪০০」里有其他文字的数字「৪」（U+09EA），请用 0–9 书写",
                                      ":13: 错误 recipients[1].amount: " + NO_GLYPH.format("৪", "09EA"),
                                      ":13: 错误 recipients[1].amount: " + NO_GLYPH.format("০", "09E6")]),
    "value-arabic-indic-date.yaml": (1, [":4: 错误 posted: 「٢٠٢٦-١٠-١٠」里有其他文字的数字「٢」（U+0662），请用 0–9 书写"]),
    "value-minus-zero.yaml": (1, [":13: 错误 recipients[1].amount: 金额「-0」是带负号的零，请写成 0"]),
    "value-year-9999.yaml": (1, [":4: 错误 posted: 日期「9999-12-31」的年份不合常理（应在 1900 年至 2199 年之间），请核对"]),
    # what the eye cannot see on the poster
    "text-bidi-override.yaml": (1, [":9: 错误 recipients[1].name: 这里有改变文字显示方向的隐藏字符（U+202E），"
                                    "海报上显示的文字顺序会与实际内容不同（姓名可能被显示成另一个人的名字）；请删除它"]),
    "text-nul-escape.yaml": (1, [":9: 错误 recipients[1].name: " + CONTROL.format("0000")]),
    "text-bell-escape.yaml": (1, [":9: 错误 recipients[1].name: " + CONTROL.format("0007")]),
    "text-zero-width.yaml": (1, [":9: 错误 recipients[1].name: 这里有看不见的隐藏字符（U+200B），会让两个看起来相同的名字实际不同；请删除它"]),
    "text-blank-name.yaml": (1, [":9: 错误 recipients[1].name: 这里只有空格，没有内容；请填写，或删除这一项"]),
    "text-empty-quoted-name.yaml": (1, [":9: 错误 recipients[1].name: 「户主姓名（name）」没有填写"]),
    "value-thousands-separator.yaml": (0, []),
    "value-household-not-a-number.yaml": (1, [":11: 错误 recipients[1].household_size: 「两」不是整数"]),
    # kinds and keys
    "kind-unknown.yaml": (1, [":1: 错误 kind: 不认识的类型「天气预报」；可用的类型：notice（通知公告）、meeting（民主决策公告）、"
                              "major_matter（重大事项公开）、expense（大额经费开支公示）、appointment（人事任用公示）、"
                              "member_development（党员发展公示）、party_dues（党费收缴公示）、relief（救助补助发放公示）、"
                              "work_plan（工作思路与目标）、hot_issue（群众热点难点问题办理公开）、finance（财务收支公开）、"
                              "election（村民委员会选举公告）、one_matter（一事一议筹资筹劳公示）、contract（承包租赁合同公开）"]),
    "kind-typo.yaml": (1, [":1: 错误 kind: 不认识的类型「notcie」，是不是「notice」？"]),
    "kind-missing.yaml": (1, [":1: 错误: 缺少「类型」（kind），例如 类型: 财务公开"]),
    "key-typo.yaml": (1, [":1: 错误 body: 缺少必填字段「正文（body）」",
                          ":5: 错误 bdy: 不认识的字段「bdy」，是不是「body」？（为免丢失内容，不会忽略它）"]),
    "key-wrong-chinese-alias.yaml": (1, [
        ":1: 警告 opening_balance: 没有写期初余额：只公开支出，群众看不出村里还有多少钱，也核对不了账是否平、是否和上期接得上",
        ":6: 错误 期初金额: 不认识的字段「期初金额」，是不是「期初余额」？（为免丢失内容，不会忽略它）"]),
    "key-missing-required.yaml": (1, [":1: 错误 posted: 缺少必填字段「公开日期（posted）」"]),
    "key-both-languages.yaml": (1, [":2: 错误 title: 「标题」和「title」是同一个字段，只能写一次"]),
    # privacy and rules
    "privacy-id-number.yaml": (1, [":5: 错误 body: 这里有一个完整的身份证号，不得公开张贴；请删除或打码（如 110105********002X）"]),
    "privacy-phone-on-list.yaml": (1, [":14: 错误 recipients[1].note: 这里有一个个人手机号（138****5678），不得公开张贴，请删除；群众反映问题的电话请写在「监督电话」一栏"]),
    "privacy-bank-key.yaml": (1, [":14: 错误 recipients[1].银行卡号: 「银行卡号」属于个人隐私，按国家去标识化要求不得张贴公开，请删除这一项"]),
    "rule-unbalanced-accounts.yaml": (1, [":11: 错误 closing_balance: 账不平：期初 ¥1,000.00 + 收入 ¥2,000.50 − 支出 ¥300.25 = "
                                          "¥2,700.25，但期末余额写的是 ¥2,700.00（相差 -¥0.25）"]),
    "rule-bare-total.yaml": (1, [":1: 错误 income: 只有合计、没有收支明细：按规定必须逐笔公开收入和支出"]),
    "rule-window-backwards.yaml": (1, [":7: 错误 until: 公示截止日期 2026-11-01 早于公开日期 2026-11-20"]),
    # rules read against their articles (helper "rules")
    "rule-capital-mismatch.yaml": (1, [":5: 错误 body: 大写金额「壹拾叁万玖仟柒佰伍拾元整」与小写金额 ¥139,750.01 不符，"
                                       "¥139,750.01 应写作「人民币壹拾叁万玖仟柒佰伍拾元零壹分」"]),
    "rule-contract-decided-by-two-committees.yaml": (1, [
        ":16: 警告 decision: 「村“两委”会」的决议没有公开：请在决策情况中写明决议公告的文件名（会议公告文件），"
        "或决议张贴公开的日期（决议公开日期）；决议应先公开、后实施（四议两公开；村民委员会组织法第三十条）",
        ":17: 错误 decision.body: 承包、租赁方案须由村民会议或经授权的村民代表会议讨论决定，现在写的决策机构是「村“两委”会」"
        "（村民委员会组织法第二十四条、第二十五条）"]),
    "rule-candidates-with-votes.yaml": (1, [
        ":8: 错误 candidates[1].votes: 候选人公告不能写张建国的得票数：选举还没有举行；选举后请另发选举结果公告"]),
    # rare characters and hostile text (render is tested below)
    "rare-character-drawable.yaml": (0, []),
    "rare-character-missing.yaml": (1, [  # found at check now, not first at render
        ":9: 错误 recipients[1].name: 「\U0002a6a5」（U+2A6A5）没有任何已安装字体能显示，海报上会成为空白方框；"
        "出现在 recipients[1].name。请安装含此字的字体（如 fonts-noto-cjk-extra 或花园明朝），"
        "并在 township.yaml 的 defaults.fonts 中配置"]),
    "hostile-html.yaml": (0, []),
    "hostile-jinja.yaml": (0, []),
    "hostile-css-url.yaml": (0, []),
    # issue 25: one reading of the text, numbers read strictly, bounds, new spellings
    "text-line-separator.yaml": (1, [":4: 错误: 这一行有一个看不见的分行符（U+2028）：YAML 把它当作换行，编辑器里却看不出来，"
                                     "它后面的内容和行号都会和编辑器里看到的不一样；请删除它，需要换行时直接按回车"]),
    "text-hangul-filler-name.yaml": (1, [":9: 错误 recipients[1].name: " + BLANK_LETTER.format("3164")]),
    "text-braille-blank-name.yaml": (1, [":9: 错误 recipients[1].name: " + BLANK_LETTER.format("2800")]),
    "text-compat-ideograph.yaml": (1, [":9: 错误 recipients[1].name: 这里有一个兼容区汉字（U+F9E1）：它和常用汉字看起来一模一样，"
                                       "查找、比对时却是另一个字；请删除后用输入法重新输入这个字"]),
    "value-hash-cut.yaml": (0, [":5: 警告: 这一行的值在「 #」处被截断了：YAML 把「#3 至 #5 号路灯灯泡」当作注释，"
                                "海报上只印「更换」；如果 # 是内容的一部分，请给整个值加上引号"]),
    "value-underscore-count.yaml": (1, [":11: 错误 recipients[1].household_size: 「1_2」不是整数"]),
    "value-exponent-count.yaml": (1, [":11: 错误 recipients[1].household_size: 「1e1」不是整数"]),
    "value-arabic-indic-count.yaml": (1, [":11: 错误 recipients[1].household_size: "
                                          "「١」里有其他文字的数字「١」（U+0661），请用 0–9 书写"]),
    "value-minus-zero-days.yaml": (1, [":5: 错误 days: 「-0」是带负号的零，请写成 0"]),
    "rule-period-label-other-quarter.yaml": (1, [
        ":3: 错误 period: 期间名称「2026年第二季度」里的「第二季度」与起止日期 2026-07-01 至 2026-09-30 不符，"
        "海报上两者会互相矛盾；请改正名称或日期"]),
    "rule-posted-year-swapped.yaml": (0, [":4: 警告 posted: 公开日期（2062-11-20）与所属期间「2026年11月」相差一年以上，"
                                          "可能是年份输错了（如把 2026 输成 2062），请核对"]),
    "text-unbreakable-cell.yaml": (1, [":5: 错误 body: 这里有一串 24000 个字符连在一起、中间没有空格或标点（「aaaaaaaaaaaa……」），"
                                       "超过 200 个：海报上没有地方断行，排版会非常慢，也印不进栏里；请加上空格或删去"]),
    "size-huge-notice.yaml": (1, [":5: 错误 body: 这一项共有 107531 个字，印出来至少要 27 张纸，超过本镇每张海报最多 20 张的上限"
                                  "（约 80000 个字）：生成它要很长时间和很多内存；请分成几项，"
                                  "或在 township.yaml 的 defaults.max_sheets 中调高上限"]),
    "privacy-ideographic-full-stop-phone.yaml": (1, [":5: 错误 body: 这里有一个个人手机号（138****5678），不得公开张贴，请删除；"
                                                     "群众反映问题的电话请写在「监督电话」一栏"]),
    "privacy-account-20-digits.yaml": (1, [":14: 错误 recipients[1].note: 这里有一个银行卡号或账号（4000************3456），"
                                           "不得公开张贴，请删除"]),
    "privacy-url-percent-encoded.yaml": (1, [":7: 错误 url: 这里有一个完整的身份证号，不得公开张贴；请删除或打码（如 110105********002X）"]),
}

# What a clean render must print literally on the poster.
FOUND_IN_PDF = {
    "value-yes-no-stays-text.yaml": ["yes", "off"],
    "value-leading-zero-stays-text.yaml": ["监督电话：0571"],
    "value-time-stays-text.yaml": ["公开单位：1:30"],
    "value-fullwidth-amount.yaml": ["1,120.50"],
    "value-hash-cut.yaml": ["更换"],
    "value-thousands-separator.yaml": ["1,120.50"],
    "encoding-gbk.yaml": ["关于召开村民代表会议的通知"],
    "encoding-gb18030-rare.yaml": ["吉𠮷祥"],
    "encoding-utf16.yaml": ["关于召开村民代表会议的通知"],
    "rare-character-drawable.yaml": ["吉𠮷祥"],
    "hostile-html.yaml": ['<imgsrc="file:///etc/passwd">', "<script>alert(1)</script>"],
    "hostile-jinja.yaml": ["{{7*7}}{%forxinrange(3)%}x{%endfor%}"],
    "hostile-css-url.yaml": ["url(file:///etc/passwd)@import'http://example.invalid/a.css';"],
}


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A copy of the corpus as the working folder, so paths print short."""
    folder = tmp_path / "村"
    shutil.copytree(FILES, folder)
    monkeypatch.chdir(folder)
    return folder


def test_the_corpus_is_complete():
    assert len(CASES) >= 60
    assert sorted(CASES) == sorted(p.name for p in FILES.iterdir() if p.name != "village.yaml")


@pytest.mark.parametrize("name", list(CASES))
def test_check_gives_the_exact_message(corpus, name):
    code, lines = CASES[name]
    result = runner.invoke(app, ["check", name])
    expected = [name + line for line in lines]
    assert result.output.splitlines()[:-1] == expected
    assert result.exit_code == code
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("name", list(CASES))
def test_render_refuses_or_prints_every_character(corpus, name):
    code, _ = CASES[name]
    result = runner.invoke(app, ["render", name, "-o", "out"])
    assert "Traceback" not in result.output
    pdf = corpus / "out" / "村" / (Path(name).stem + ".pdf")
    if name == "rare-character-missing.yaml":
        assert result.exit_code == 1
        assert (f"{name}:9: 错误 recipients[1].name: 「\U0002a6a5」（U+2A6A5）没有任何已安装字体能显示，"
                "海报上会成为空白方框；出现在 recipients[1].name。") in result.output
        assert not pdf.exists()
        return
    assert result.exit_code == code, result.output
    assert pdf.exists() == (code == 0)
    if name in FOUND_IN_PDF:
        text = squeezed("".join(page_texts(pdf)))
        for needle in FOUND_IN_PDF[name]:
            assert squeezed(needle) in text, needle


def test_a_50_mb_file_is_refused_at_once(corpus):
    big = corpus / "huge.yaml"
    with big.open("wb") as stream:
        stream.write(b"kind: notice\nbody: |\n")
        stream.write((b"  " + "很长的正文".encode() * 200 + b"\n") * 17_000)
    assert big.stat().st_size > 50_000_000
    result = runner.invoke(app, ["check", "huge.yaml"])
    assert result.exit_code == 1
    assert result.output.startswith("huge.yaml: 错误: 文件过大（")
