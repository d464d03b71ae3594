"""Rule sets at scale: each oversize input is refused quickly with WS104/WS203 (times printed)."""

from __future__ import annotations

import time
from typing import Any

from window_standard._edition import MAX_CRITERIA
from window_standard._load import MAX_NODES, load_yaml_text

FINISHES = 30.0


def _timed(label: str, run: Any) -> str:
    started = time.perf_counter()
    message = run()
    elapsed = time.perf_counter() - started
    print(f"\n{label}: {elapsed:.3f} s")
    assert elapsed < FINISHES
    return str(message)


def _criteria(count: int) -> str:
    return "".join(
        f"- id: BON-{i}\n  kind: bonus\n  points: 1\n  title: {{zh: 加, en: b}}\n  source: {{basis: t}}\n"
        f"  provenance: reconstructed\n  condition: staff.headcount > 1\n"
        for i in range(count)
    )


def test_a_file_of_6000_criteria_is_refused_quickly(mini_rules: Any) -> None:
    mini_rules.write("criteria/zz.yaml", _criteria(6000))
    message = _timed("6 000 criteria", mini_rules.error)
    assert "WS104" in message and f"more than {MAX_CRITERIA}" in message


def test_more_criteria_than_the_limit_over_several_files(mini_rules: Any) -> None:
    for part in range(3):
        mini_rules.write(f"criteria/z{part}.yaml", _criteria(400).replace("BON-", f"BON{part}-"))
    assert f"more than {MAX_CRITERIA} criteria" in mini_rules.error()


def test_a_file_of_200001_nodes_is_refused_quickly(mini_rules: Any) -> None:
    mini_rules.write("criteria/zz.yaml", "- [" + ",".join(["1"] * (MAX_NODES + 1)) + "]\n")
    message = _timed("200 001 nodes", mini_rules.error)
    assert f"more than {MAX_NODES} YAML nodes" in message


def test_a_900_kb_sexagesimal_integer_is_refused_quickly() -> None:
    text = "x: " + ":".join(["59"] * 300_000) + "\n"

    def load() -> str:
        try:
            load_yaml_text(text)
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"
        return "loaded"

    message = _timed("900 KB sexagesimal integer", load)
    assert message.startswith("RuleDefinitionError") and "WS203" in message and "too long" in message


def test_numbers_of_ordinary_length_still_load() -> None:
    loaded = load_yaml_text("a: 1_000\nb: 0.25\nc: 190:20:30\nd: -7\n")
    assert loaded.data == {"a": 1000, "b": __import__("decimal").Decimal("0.25"), "c": 685230, "d": -7}
