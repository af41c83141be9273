"""The analysis benchmark's groups: tuned and held-out stories scored apart and together."""

from __future__ import annotations

from crosswire.evaluate.analysis_bench import format_groups, load_gold, score_groups, split_of
from crosswire.model import Article, Brief, Quote, SourceSpan, Story, StoryAnalysis

_TEXT = 'The mayor of Tarsk said: "The bridge will open in the spring, as we promised."'


def _brief(speaker: str) -> Brief:
    story = Story("s", "Bridge", (Article(_TEXT, id="a1", source="eval:1"),))
    start = _TEXT.index("The bridge")
    quote = Quote(
        text="The bridge will open in the spring, as we promised.",
        kind="direct",
        speaker=speaker,
        speaker_role=None,
        cue="said",
        articles=("a1",),
        spans=(SourceSpan("a1", start, start + 51),),
    )
    return Brief(story, (), StoryAnalysis(quotes=(quote,)))


def _gold(line: int, split: str | None) -> dict[str, object]:
    data: dict[str, object] = {
        "id": f"x-{line}",
        "line": line,
        "quotes": [[1, "The bridge will open in the spring", "mayor of Tarsk"]],
        "figures": [],
        "claims": [],
        "timeline": [],
        "entities": [],
    }
    if split:
        data["split"] = split
    return data


def test_tuned_and_held_out_stories_are_scored_apart_and_together() -> None:
    pairs = [(_gold(1, None), _brief("the mayor of Tarsk")), (_gold(2, "heldout"), _brief("Tarsk council"))]
    groups = score_groups(pairs)
    assert list(groups) == ["tuned", "heldout", "all"]
    assert [groups[g][0] for g in groups] == [1, 1, 2]
    quotes = {g: (t["quotes"].shown_right, t["quotes"].shown) for g, (_, t) in groups.items()}
    assert quotes == {"tuned": (1, 1), "heldout": (0, 1), "all": (1, 2)}
    table = format_groups(groups)
    assert "heldout (1 stories)" in table and "| quotes | 1.00 (1/1) | 0.00 (0/1) | 0.50 (1/2) |" in table


def test_a_story_without_a_split_is_tuned() -> None:
    assert split_of({"line": 3}) == "tuned"
    assert split_of({"split": "heldout"}) == "heldout"
    assert split_of({"split": "heldout2"}) == "heldout2"
    assert split_of({"split": "heldout3"}) == "heldout3"
    assert split_of({"split": "heldout4"}) == "heldout4"
    assert split_of({"split": "heldout5"}) == "heldout5"
    assert split_of({"split": "heldout6"}) == "heldout6"
    assert split_of({"split": "heldout7"}) == "heldout7"
    assert split_of({"split": "someday"}) == "tuned"


def test_the_held_out_group_is_the_fixed_rule_continued() -> None:
    held = sorted(g["line"] for g in load_gold() if split_of(g) == "heldout")
    tuned = sorted(g["line"] for g in load_gold() if split_of(g) == "tuned")
    assert tuned == [0, 4, 7, 10, 15, 16, 17, 18, 19, 23, 28, 29]
    assert held == [32, 33, 36, 39, 40, 44] and min(held) > max(tuned)
    second = sorted(g["line"] for g in load_gold() if split_of(g) == "heldout2")
    assert second == [46, 47, 48, 49, 50, 51] and min(second) > max(held)
    third = sorted(g["line"] for g in load_gold() if split_of(g) == "heldout3")
    assert third == [52, 55, 56, 57, 58, 61] and min(third) > max(second)
    fourth = sorted(g["line"] for g in load_gold() if split_of(g) == "heldout4")
    assert fourth == [63, 65, 70, 71, 72, 73] and min(fourth) > max(third)
    fifth = sorted(g["line"] for g in load_gold() if split_of(g) == "heldout5")
    assert fifth == [75, 76, 77, 86, 91, 92] and min(fifth) > max(fourth)
    sixth = sorted(g["line"] for g in load_gold() if split_of(g) == "heldout6")
    assert sixth == [93, 96, 97, 98, 104, 107] and min(sixth) > max(fifth)
    seventh = sorted(g["line"] for g in load_gold() if split_of(g) == "heldout7")
    assert seventh == [108, 110, 111, 112, 114, 116] and min(seventh) > max(sixth)


def test_the_second_held_out_group_gets_its_own_column() -> None:
    pairs = [(_gold(1, None), _brief("the mayor of Tarsk")), (_gold(2, "heldout2"), _brief("Tarsk council"))]
    groups = score_groups(pairs)
    assert list(groups) == ["tuned", "heldout2", "all"]
    assert "heldout2 (1 stories)" in format_groups(groups)


def test_the_third_held_out_group_gets_its_own_column() -> None:
    pairs = [(_gold(1, None), _brief("the mayor of Tarsk")), (_gold(2, "heldout3"), _brief("Tarsk council"))]
    groups = score_groups(pairs)
    assert list(groups) == ["tuned", "heldout3", "all"]
    assert "heldout3 (1 stories)" in format_groups(groups)


def test_the_fourth_held_out_group_gets_its_own_column() -> None:
    pairs = [(_gold(1, None), _brief("the mayor of Tarsk")), (_gold(2, "heldout4"), _brief("Tarsk council"))]
    groups = score_groups(pairs)
    assert list(groups) == ["tuned", "heldout4", "all"]
    assert "heldout4 (1 stories)" in format_groups(groups)


def test_the_sixth_held_out_group_gets_its_own_column() -> None:
    pairs = [(_gold(1, None), _brief("the mayor of Tarsk")), (_gold(2, "heldout6"), _brief("Tarsk council"))]
    groups = score_groups(pairs)
    assert list(groups) == ["tuned", "heldout6", "all"]
    assert "heldout6 (1 stories)" in format_groups(groups)
    assert "| quotes | 1.00 (1/1) | 0.00 (0/1) | 0.50 (1/2) |" in format_groups(groups)


def test_the_eighth_held_out_group_gets_its_own_column() -> None:
    pairs = [(_gold(1, None), _brief("the mayor of Tarsk")), (_gold(2, "heldout9"), _brief("Tarsk council"))]
    groups = score_groups(pairs)
    assert list(groups) == ["tuned", "heldout9", "all"]
    assert "heldout9 (1 stories)" in format_groups(groups)


def test_the_twelfth_held_out_group_gets_its_own_column_and_follows_the_rule() -> None:
    pairs = [(_gold(1, None), _brief("the mayor of Tarsk")), (_gold(2, "heldout12"), _brief("Tarsk council"))]
    groups = score_groups(pairs)
    assert list(groups) == ["tuned", "heldout12", "all"]
    assert "heldout12 (1 stories)" in format_groups(groups)
    eleventh = sorted(g["line"] for g in load_gold() if split_of(g) == "heldout11")
    twelfth = sorted(g["line"] for g in load_gold() if split_of(g) == "heldout12")
    assert twelfth == [196, 198, 199, 202, 206, 208] and min(twelfth) > max(eleventh)
