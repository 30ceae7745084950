"""``interviewer practice``: scripted interviews from answer files, end to end.

The three shipped examples double as regression tests of the whole pipeline:
the real bank, flows and grader, with assertions on structure and ordering
rather than on exact grades.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interviewer.cli import main
from interviewer.loader import load_bank
from interviewer.models import LEVELS, STAGES

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "answers"


def practice(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["practice", "--format", "json", *args]) == 0, capsys.readouterr().err
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    runs = {}
    for name in ("strong", "middling", "weak"):
        out = tmp_path_factory.mktemp("practice") / f"{name}.json"
        argv = [
            "practice",
            "--answers",
            str(EXAMPLES / f"{name}.yaml"),
            "--seed",
            "7",
            "--format",
            "json",
            "--out",
            str(out),
        ]
        assert main(argv) == 0
        runs[name] = json.loads(out.read_text(encoding="utf-8"))
    return runs


def test_examples_rank_strong_over_middling_over_weak(examples: dict[str, Any]) -> None:
    overall = {name: run["report"]["overall"] for name, run in examples.items()}
    assert overall["strong"] > overall["middling"] > overall["weak"]
    assert overall["strong"] >= 4.0 and overall["weak"] < 1.5


@pytest.mark.parametrize("name", ["strong", "middling", "weak"])
def test_example_runs_walk_the_whole_flow(examples: dict[str, Any], name: str) -> None:
    transcript = examples[name]["transcript"]
    assert transcript["ended_by"] == "completed"
    stages = [t["stage"] for t in transcript["turns"] if t["kind"] == "stage"]
    assert stages == list(STAGES)  # basic, intermediate, advanced, project, wrap-up
    asked = [q["question_id"] for q in transcript["questions"]]
    # a short interview plans 8; a strong candidate may move up early and skip covered follow-ups
    assert len(asked) == len(set(asked)) >= 6
    assert asked[-1] == "project-walkthrough"
    answers = [t for t in transcript["turns"] if t["kind"] == "answer"]
    assert answers and all(t["grade"]["question_id"] == t["question_id"] for t in answers)
    feedback = [t for t in transcript["turns"] if t["kind"] == "feedback"]
    assert len(feedback) >= len(answers)
    report = examples[name]["report"]
    assert [s["name"] for s in report["stages"]] == list(STAGES[:4])
    assert report["answered"] + report["skipped"] == len(asked)


def test_the_weak_example_shows_adaptation_and_corrections(examples: dict[str, Any]) -> None:
    weak = examples["weak"]
    roles = {q["role"] for q in weak["transcript"]["questions"]}
    hints = [t for t in weak["transcript"]["turns"] if t["kind"] == "hint"]
    assert hints, "weak first attempts earn a hint and a retry"
    levels = {qid: q.level for qid, q in load_bank().questions.items()}
    stepped_back = [
        q
        for q in weak["transcript"]["questions"]
        if q["role"] == "thread"
        and q["stage"] in LEVELS
        and LEVELS.index(levels[q["question_id"]]) < LEVELS.index(q["stage"])
    ]
    # struggling leads to easier ground: an easier main question, or a follow-up a level down
    assert "easier" in roles or stepped_back
    assert weak["report"]["gaps"] and weak["report"]["study_next"]
    strong = examples["strong"]
    assert "thread" in {q["role"] for q in strong["transcript"]["questions"]}
    assert strong["report"]["strengths"]


def test_same_seed_same_bytes_and_other_seeds_other_orders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = str(EXAMPLES / "middling.yaml")
    first = practice(capsys, "--answers", answers, "--seed", "3")
    again = practice(capsys, "--answers", answers, "--seed", "3")
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    orders = set()
    for seed in ("1", "2", "3", "4"):
        run = practice(capsys, "--answers", answers, "--seed", seed)
        orders.add(tuple(q["question_id"] for q in run["transcript"]["questions"]))
    assert len(orders) > 1


def test_markdown_output_is_the_transcript_then_the_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["practice", "--answers", str(EXAMPLES / "middling.yaml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Transcript: General deep-learning interview")
    assert out.index("# Transcript") < out.index("# Report") < out.index("## What to study next")


def test_interview_mode_keeps_feedback_for_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    run = practice(capsys, "--answers", str(EXAMPLES / "middling.yaml"), "--mode", "interview")
    kinds = {t["kind"] for t in run["transcript"]["turns"]}
    assert "feedback" not in kinds and "answer" in kinds
    assert run["transcript"]["mode"] == "interview" and run["report"]["gaps"]


@pytest.mark.parametrize("flow", ["cv", "nlp"])
def test_the_other_flows_weigh_their_track(flow: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = practice(
        capsys,
        "--answers",
        str(EXAMPLES / "strong.yaml"),
        "--track",
        flow,
        "--length",
        "full",
        "--seed",
        "5",
    )
    topics = [t for q in run["report"]["questions"] for t in q["topics"]]
    favourite = {"cv": "cnn", "nlp": "rnn"}[flow]
    assert topics.count(favourite) >= 4
    assert run["transcript"]["ended_by"] == "completed"


def test_full_length_asks_about_twenty_main_questions(capsys: pytest.CaptureFixture[str]) -> None:
    run = practice(capsys, "--answers", str(EXAMPLES / "middling.yaml"), "--length", "full")
    main_questions = [q for q in run["transcript"]["questions"] if q["role"] != "thread"]
    assert 15 <= len(main_questions) <= 20


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_ordered_list_is_replied_in_order_then_the_candidate_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "list.yaml", "- hint\n- I don't know\n- skip\n- 42\n")
    run = practice(capsys, "--answers", path)
    said = [t["text"] for t in run["transcript"]["turns"] if t["role"] == "candidate"]
    assert said == ["hint", "I don't know", "skip", "42", "let's stop here"]
    assert run["transcript"]["ended_by"] == "candidate"


def test_plain_text_blocks_split_on_blank_lines_and_dashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "First answer,\non two lines.\n\n\nSecond answer.\n---\nThird answer.\n"
    run = practice(capsys, "--answers", write(tmp_path, "answers.txt", text))
    said = [t["text"] for t in run["transcript"]["turns"] if t["role"] == "candidate"]
    assert said[:3] == ["First answer,\non two lines.", "Second answer.", "Third answer."]
    assert said[-1] == "let's stop here"


def test_a_keyed_file_answers_by_question_and_stops_at_an_unknown_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = practice(capsys, "--answers", str(EXAMPLES / "strong.yaml"))
    qid = first["transcript"]["questions"][0]["question_id"]
    path = write(tmp_path, "keyed.yaml", f"{qid}:\n  - vague words\n  - more vague words\n")
    run = practice(capsys, "--answers", path)
    said = [
        (t["question_id"], t["text"])
        for t in run["transcript"]["turns"]
        if t["role"] == "candidate"
    ]
    assert said[0] == (qid, "vague words")
    assert said[1] == (qid, "more vague words")
    assert said[-1][1] == "let's stop here"


BAD_FILES = [
    ("missing.yaml", None, "no such answers file"),
    ("broken.yaml", "- a\n  b: [\n", "not valid YAML"),
    ("scalar.yaml", "just text\n", "must hold a list of answers or a mapping"),
    ("nested.yaml", "- [a, b]\n", "must be text"),
    ("unknown.yaml", "vanishing-gradient: hello\n", "no question 'vanishing-gradient'"),
    ("empty.yaml", "[]\n", "holds no answers"),
    ("empty.txt", "\n\n---\n", "holds no answers"),
    ("latin1.txt", b"caf\xe9\n", "not UTF-8"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_bad_answer_files_get_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: Any, message: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["practice", "--answers", str(path)]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--track", "robotics"], "no track 'robotics'"),
        (["--flow", "robotics"], "no track 'robotics'"),  # the old name, an alias
        (["--out", "/no/such/dir/out.md"], "cannot write"),
    ],
)
def test_bad_arguments_get_one_clear_line(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["practice", "--answers", str(EXAMPLES / "weak.yaml"), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_answers_are_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["practice"]) == 2
    assert "give --answers FILE" in capsys.readouterr().err


@pytest.mark.parametrize("style", ["text", "mermaid"])
def test_print_machine(capsys: pytest.CaptureFixture[str], style: str) -> None:
    assert main(["practice", "--print-machine", style]) == 0
    out = capsys.readouterr().out
    assert "awaiting_answer" in out and "probing" in out and "threading" in out
    assert out.startswith("stateDiagram-v2") == (style == "mermaid")


def test_the_self_correcting_example_is_challenged_corrected_and_asks_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = practice(capsys, "--answers", str(EXAMPLES / "self-correcting.yaml"), "--seed", "1")
    transcript = data["transcript"]
    turns = transcript["turns"]
    challenged = [t["question_id"] for t in turns if t["meta"].get("challenge")]
    assert challenged, "a wrong claim earns 'Are you sure?'"
    records = {q["question_id"]: q for q in transcript["questions"]}
    # the claims taken back after "Are you sure?" are not held against the candidate
    assert all(records[qid]["misconceptions"] == [] for qid in challenged)
    asked = [t for t in turns if t["role"] == "candidate" and t["kind"] == "question"]
    assert [t["meta"]["asking_back"] for t in asked] == ["performance", "study", "practise"]
    assert turns[-1]["kind"] == "closing" and transcript["ended_by"] == "completed"


def test_questions_for_me_is_a_known_key_and_no_other_key_answers_it(tmp_path: Path) -> None:
    from interviewer.cli.practice import QUESTIONS_KEY, load_answers

    path = tmp_path / "answers.yaml"
    path.write_text('"*": I know this.\nquestions-for-me: [How did I do?]\n', encoding="utf-8")
    script = load_answers(path, {"q1"})
    assert script.next_reply("q1") == "I know this."
    assert script.next_reply(QUESTIONS_KEY) == "How did I do?"
    assert script.next_reply(QUESTIONS_KEY) == "let's stop here"
    path.write_text('"*": I know this.\n', encoding="utf-8")
    assert load_answers(path, {"q1"}).next_reply(QUESTIONS_KEY) == "let's stop here"
