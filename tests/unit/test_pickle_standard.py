from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal

import pytest

import window_standard as ws
from window_standard import _pickle


def test_a_standard_pickles_by_what_defines_it() -> None:
    std = ws.load_standard().with_parameters(pass_threshold=85).without(criteria=["BON-1"])
    data = pickle.dumps(std)
    assert len(data) < 20_000, "the spec travels, not the compiled code"
    back = pickle.loads(data)
    assert back.digest == std.digest and back.engine == std.engine
    assert pickle.loads(data) is back, "rebuilt once per process, then cached by digest"


def test_a_changed_folder_is_refused(tmp_path: pytest.TempPathFactory) -> None:
    std = ws.load_standard()
    with pytest.raises(ws.WindowStandardError, match="changed since it was pickled"):
        _pickle.restore_standard(std._rules.folder, "compiled", "0" * 64, std.criteria, {})


def _score(args: tuple[ws.Standard, list[ws.Window]]) -> list[Decimal]:
    std, windows = args
    return [std.evaluate(w, explain=False).score for w in windows]


@pytest.mark.slow
def test_a_process_pool_gives_the_serial_results() -> None:
    from window_standard.analysis import synthetic_population

    std = ws.load_standard().with_parameters(satisfaction_full=Decimal("0.95"))
    population = synthetic_population(40, seed=3)
    chunks = [(std, population[i : i + 10]) for i in range(0, 40, 10)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = [s for part in pool.map(_score, chunks) for s in part]
    assert parallel == _score((std, population))
