"""Rule-set files: only regular files inside the rule folder, their size checked before reading.

``notice:`` in campaign.yaml once opened ``/etc/passwd`` or ``../../..``; a notice or a rule file that was a
link to ``/dev/zero`` or a FIFO hung. Every case is refused quickly with WS104/WS106.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import window_standard as ws
from window_standard._campaign.build import build_campaign

ROOT = Path(__file__).resolve().parents[2]
EDITION = ROOT / "rules" / "cdpma-window-2013"
NOTICE_LINE = "notice: sources/notice-2013-9.zh.txt"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="devices, FIFOs and links are POSIX here")


def _campaign(tmp_path: Path, notice: str) -> str:
    shutil.copytree(EDITION / "sources", tmp_path / "sources")
    text = (EDITION / "campaign.yaml").read_text(encoding="utf-8")
    assert NOTICE_LINE in text
    (tmp_path / "campaign.yaml").write_text(text.replace(NOTICE_LINE, f"notice: {notice}"), encoding="utf-8")
    return _refused(lambda: build_campaign(tmp_path / "campaign.yaml"))


def _refused(load: Any) -> str:
    """Run ``load`` in a thread and require a RuleDefinitionError within 10 s (a hang fails, not blocks)."""
    outcome: list[BaseException | None] = []

    def target() -> None:
        try:
            load()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    started = time.perf_counter()
    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(10)
    assert outcome, "loading hung"
    print(f"refused in {time.perf_counter() - started:.3f} s")
    assert isinstance(outcome[0], ws.RuleDefinitionError), outcome[0]
    return str(outcome[0])


@pytest.mark.parametrize("notice", ["/etc/passwd", "../../../../../../etc/passwd", "sources/../../x.txt"])
def test_a_notice_outside_the_rule_folder_is_refused(tmp_path: Path, notice: str) -> None:
    message = _campaign(tmp_path, notice)
    assert "WS106" in message and "outside the rule folder" in message and "campaign.yaml:25:" in message


def test_a_notice_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    assert "not a regular file" in _campaign(tmp_path, "sources")


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_notice_linked_to_a_device_is_refused(tmp_path: Path, device: str) -> None:
    (tmp_path / "sources").mkdir()
    os.symlink(device, tmp_path / "sources" / "zero.txt")
    shutil.copy(EDITION / "sources" / "notice-2013-9.zh.txt", tmp_path / "sources")
    text = (
        (EDITION / "campaign.yaml")
        .read_text(encoding="utf-8")
        .replace(NOTICE_LINE, "notice: sources/zero.txt")
    )
    (tmp_path / "campaign.yaml").write_text(text, encoding="utf-8")
    message = _refused(lambda: build_campaign(tmp_path / "campaign.yaml"))
    assert "WS106" in message


@posix_only
def test_a_notice_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    os.mkfifo(tmp_path / "sources" / "fifo.txt")
    (tmp_path / "campaign.yaml").write_text(
        (EDITION / "campaign.yaml")
        .read_text(encoding="utf-8")
        .replace(NOTICE_LINE, "notice: sources/fifo.txt"),
        encoding="utf-8",
    )
    assert "not a regular file" in _refused(lambda: build_campaign(tmp_path / "campaign.yaml"))


def test_an_oversized_notice_is_refused_before_reading(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    with open(tmp_path / "sources" / "big.txt", "wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper
    (tmp_path / "campaign.yaml").write_text(
        (EDITION / "campaign.yaml")
        .read_text(encoding="utf-8")
        .replace(NOTICE_LINE, "notice: sources/big.txt"),
        encoding="utf-8",
    )
    assert "WS104" in _refused(lambda: build_campaign(tmp_path / "campaign.yaml"))


@posix_only
@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_a_rule_file_that_is_a_device_or_fifo_is_refused(mini_rules: Any, target: str) -> None:
    link = mini_rules.folder / "criteria" / "zz.yaml"
    if target == "fifo":
        os.mkfifo(link)
    else:
        os.symlink(target, link)
    message = _refused(mini_rules.load)
    assert "WS106" in message
    assert ("not a regular file" if target == "fifo" else "outside the rule folder") in message


@posix_only
def test_a_rule_file_linked_from_outside_the_folder_is_refused(mini_rules: Any, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text((mini_rules.folder / "criteria" / "staff.yaml").read_text(encoding="utf-8"))
    (mini_rules.folder / "criteria" / "staff.yaml").unlink()
    os.symlink(outside, mini_rules.folder / "criteria" / "staff.yaml")
    assert "outside the rule folder" in _refused(mini_rules.load)
