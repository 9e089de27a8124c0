"""Elections by 村民委员会组织法 第十五条: validity, majorities, 差额, seats, tallies."""

from noticeboard.poster.render import Renderer
from tests.conftest import check_text


def election(candidates, registered=1020, present=886, cast=884, valid=870,
             seats="{主任: 1}", stage="选举结果"):
    """A result (or candidates) notice; `candidates` are (name, post, votes, elected) rows."""
    result = stage == "选举结果"  # a candidates' notice has no votes yet
    rows = "".join(
        f"  - {{name: {name}, gender: 男, post: {post}, nomination_votes: {100 - n}"
        + (f", votes: {votes}, elected: {elected}}}\n" if result else "}\n")
        for n, (name, post, votes, elected) in enumerate(candidates))
    counts = (f"registered: {registered}\npresent: {present}\nballots_cast: {cast}\n"
              f"ballots_valid: {valid}\n") if stage == "选举结果" else ""
    return (f"kind: election\nstage: {stage}\nelection_date: 2026-11-15\nplace: 村文化礼堂\n"
            f"period: 2026-11\nposted: {'2026-11-15' if stage == '选举结果' else '2026-11-08'}\n"
            f"seats: {seats}\n{counts}candidates:\n{rows}")


DIRECTOR = [("张建国", "主任", 702, "是"), ("刘长水", "主任", 168, "否")]


def found(checked):
    return [(f.code, f.line, f.message(), f.message("en")) for f in checked.findings]


def test_a_sound_result_is_clean(village):
    assert check_text(village, election(DIRECTOR)).findings == []


def test_fewer_than_half_voting_makes_the_election_void(village):
    text = election([("张建国", "主任", 300, "是"), ("刘长水", "主任", 200, "否")],
                    present=510, cast=508, valid=500)
    checked = check_text(village, text)
    assert found(checked) == [(
        "election_void", 9,
        "参加投票 510 人，未超过登记选民 1020 人的半数，选举无效（村民委员会组织法第十五条），不得公布当选人",
        "510 of 1020 registered voters voted, not more than half: the election is void "
        "(Organic Law of Villagers' Committees, art. 15) and no one is elected")]
    assert not checked.ok
    # One more voter and the election stands.
    assert check_text(village, text.replace("present: 510", "present: 511")).findings == []


def test_a_void_election_poster_announces_no_winner(village):
    text = election([("张建国", "主任", 300, "是"), ("刘长水", "主任", 200, "否")],
                    present=510, cast=508, valid=500)
    html = Renderer().html(check_text(village, text), "A3")
    assert "本次选举无效，无人当选" in html
    assert "<td>当选</td>" not in html and 'class="elected"' not in html
    valid = Renderer().html(check_text(village, election(DIRECTOR)), "A3")
    assert "<td>当选</td>" in valid and "选举无效" not in valid
    assert "<th>应选名额</th><td>主任1名</td>" in valid


def test_the_most_votes_without_a_majority_of_voters_is_not_enough(village):
    text = election([("张建国", "主任", 443, "是"), ("刘长水", "主任", 400, "否")])
    assert found(check_text(village, text)) == [(
        "election_not_majority", 13,
        "张建国 得 443 票，未超过参加投票选民 886 人的半数，不能当选（村民委员会组织法第十五条）",
        "张建国 has 443 votes, not more than half of the 886 who voted: cannot be elected "
        "(Organic Law of Villagers' Committees, art. 15)")]
    assert check_text(village, text.replace("votes: 443", "votes: 444")).findings == []


def test_director_needs_more_candidates_than_seats(village):
    checked = check_text(village, election([("张建国", "主任", 702, "是")]))
    assert found(checked) == [(
        "election_not_competitive", 13,
        "主任应差额选举：候选人 1 人，应选 1 名，候选人应多于应选名额（村民委员会组织法第十五条）",
        "主任 must be contested: 1 candidates for 1 seats; there must be more candidates than "
        "seats (Organic Law of Villagers' Committees, art. 15)")]


def test_members_equal_to_seats_on_the_candidate_list_is_an_error(village):
    members = [("李淑芬", "委员", 0, "否"), ("吴海燕", "委员", 0, "否"), ("郑国强", "委员", 0, "否")]
    text = election(DIRECTOR + members, seats="{主任: 1, 委员: 3}", stage="候选人")
    assert [(c, line, zh) for c, line, zh, _ in found(check_text(village, text))] == [(
        "election_not_competitive", 11,
        "委员应差额选举：候选人 3 人，应选 3 名，候选人应多于应选名额（村民委员会组织法第十五条）")]
    assert check_text(village, text.replace("委员: 3", "委员: 2")).findings == []


def test_seats_of_a_post_other_than_director_must_be_given(village):
    text = election([*DIRECTOR, ("李淑芬", "村委会委员", 0, "否"), ("吴海燕", "委员", 0, "否")],
                    stage="候选人")
    assert found(check_text(village, text)) == [(
        "election_seats_missing", 7, "请在应选名额中写明委员的名额，如 应选名额: {委员: 1}",
        "give the number of seats for 委员, e.g. seats: {委员: 1}")]


def test_more_winners_than_seats(village):
    members = [("李淑芬", "委员", 470, "是"), ("吴海燕", "委员", 460, "是"), ("郑国强", "委员", 450, "是")]
    checked = check_text(village, election(DIRECTOR + members, seats="{主任: 1, 委员: 2}"))
    assert found(checked) == [(
        "election_too_many_elected", 17, "委员应选 2 名，却有 3 人当选",
        "委员 has 2 seats but 3 are elected")]


def test_a_candidate_cannot_get_more_votes_than_valid_ballots(village):
    members = [("李淑芬", "委员", 871, "是"), ("吴海燕", "委员", 0, "否"), ("郑国强", "委员", 0, "否")]
    text = election(DIRECTOR + members, seats="{主任: 1, 委员: 2}")
    assert found(check_text(village, text)) == [(
        "election_votes_over_valid", 15, "李淑芬 得 871 票，多于有效票 870 张",
        "李淑芬 has 871 votes, more than the 870 valid ballots")]


def test_votes_for_a_post_add_up_to_at_most_valid_ballots_times_seats(village):
    text = election([("张建国", "主任", 702, "是"), ("刘长水", "主任", 169, "否")])
    assert found(check_text(village, text)) == [(
        "election_post_votes_over", 13,
        "主任各候选人得票合计 871 票，超过有效票 870 张 × 应选 1 名 = 870 票",
        "the votes for 主任 add up to 871, more than 870 valid ballots × 1 seats = 870")]


def test_a_result_gives_every_count(village):
    text = election(DIRECTOR).replace("registered: 1020\n", "")
    assert found(check_text(village, text)) == [(
        "election_result_counts", 1,
        "选举结果须公布登记选民数、参加投票人数、收回选票和有效票数",
        "a result must give registered voters, voters present, ballots cast and valid")]


def test_seats_are_a_positive_number(village):
    checked = check_text(village, election(DIRECTOR, seats="{主任: 0}"))
    assert [(f.code, f.message()) for f in checked.findings] == [("too_small", "「0」太小，应不小于 1")]


def test_a_candidates_notice_cannot_give_votes_or_winners(village):
    text = election(DIRECTOR, stage="候选人").replace(
        "nomination_votes: 100}", "nomination_votes: 100, votes: 702, elected: 是}")
    checked = check_text(village, text + "ballots_valid: 870\n")
    assert [(f.code, f.line, f.message()) for f in checked.findings] == [
        ("candidates_have_result", 9, "候选人公告不能写张建国的得票数：选举还没有举行；选举后请另发选举结果公告"),
        ("candidates_have_result", 9, "候选人公告不能写张建国的是否当选：选举还没有举行；选举后请另发选举结果公告"),
        ("candidates_have_result", 11, "候选人公告不能写本次选举的有效票：选举还没有举行；选举后请另发选举结果公告")]
    assert not checked.ok
    assert check_text(village, election(DIRECTOR, stage="候选人")).findings == []


def test_a_result_posted_after_election_day_is_a_warning(village):
    # 村民委员会组织法 第十五条: 选举结果应当当场公布.
    checked = check_text(village, election(DIRECTOR).replace("posted: 2026-11-15", "posted: 2026-11-17"))
    assert found(checked) == [(
        "election_result_late", 6,
        "选举结果应当场公布（村民委员会组织法第十五条），本公告在选举日 2026-11-15 之后 2 天（2026-11-17）才张贴，"
        "请核对选举当天是否已公布",
        "election results are announced on the spot (Organic Law of Villagers' Committees, art. 15); "
        "this notice is posted 2 days after election day 2026-11-15 (2026-11-17)")]
    assert checked.ok
