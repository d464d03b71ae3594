from __future__ import annotations

import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import pandas as pd

import window_standard as ws
from window_standard import analysis
from window_standard._analysis.flat import from_document


@pytest.fixture(scope="module")
def flat() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = [from_document(w) for w in analysis.synthetic_population(120, seed=6, profile="dated")]
    return pd.DataFrame([r for r, _ in rows]), pd.DataFrame([a for _, acts in rows for a in acts])


def _serial(std: ws.Standard, main: pd.DataFrame, activities: pd.DataFrame) -> pd.DataFrame:
    frame = main.copy()
    frame.attrs["activities"] = activities
    return std.evaluate_table(frame).to_pandas(cents=True)


@pytest.mark.slow
def test_two_local_workers_give_the_serial_result(flat: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    main, activities = flat
    std = ws.load_standard(engine="columnar")
    ddf = dd.from_pandas(main, npartitions=4)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        parallel = analysis.evaluate_partitions(ddf, std, activities).compute()
    pd.testing.assert_frame_equal(parallel.reset_index(drop=True), _serial(std, main, activities))


def test_partitions_without_a_cluster(flat: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    main, activities = flat
    std = ws.load_standard()
    ddf = dd.from_pandas(main, npartitions=3)
    result = analysis.evaluate_partitions(ddf, std, activities).compute(scheduler="sync")
    pd.testing.assert_frame_equal(result.reset_index(drop=True), _serial(std, main, activities))
