"""某村 2018年村集体机动地发包决议 (四务公开平台): a resolution by 民主评议, as published."""

from tests.real_disclosures import check_case, found, rendered_text

CASE = "机动地发包-2018-村民代表会议决议"


def test_a_deliberation_without_counts_passes_with_warnings():
    checked = check_case(CASE, "2018-机动地发包决议.yaml")
    assert found(checked) == [
        ("warning", 10, "地点", "决议公告没有写会议地点"),
        ("warning", 16, "表决情况",
         "村民代表会议是民主评议，没有表决：组织法要求决定经到会人员过半数通过（第二十二、二十六条），"
         "公告看不出有多少人同意")]
    assert checked.ok
    assert checked.item is not None and checked.item.passed() is None


def test_it_prints_every_figure_and_invents_no_vote():
    text = rendered_text(check_case(CASE, "2018-机动地发包决议.yaml"))
    for figure in ["叁仟捌百元（3800）", "34.5垧", "壹拾叁万壹仟壹百元整（131,100）", "2018年村集体机动地向外发包",
                   "发言人：鄂金柱、敖洪波", "参会人员对机动地发包事宜进行了激烈讨论。", "表决情况民主评议。"]:
        assert figure in text, figure
    for invented in ["通过", "应到", "实到", "赞成", "地点"]:
        assert invented not in text, invented
