"""Whatever lands in targets/ or seeds/, `check` answers with a report and exit 0 or 1, never a
traceback: random and truncated TOML, random documents of the right shape, random bytes as seeds."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

import tomli_w
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sykj_track.cli import main
from sykj_track.ledger.load import FIGURE_TYPES, GOAL_TYPES, METRIC_TYPES, SOURCE_TYPES

from helpers import SNAPSHOT, DataDir, figure, goal

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TARGET_FILES = sorted(p.name for p in (SNAPSHOT / "targets").glob("*.toml"))


def run_check(root: Path) -> None:
    """check must end with exit 0 or 1 and a summary line; any exception is a failure."""
    result = CliRunner().invoke(main, ["--data", str(root), "check", "--as-of", "2026-11-22"])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), result.output
    assert result.output.rstrip().splitlines()[-1].startswith(("ok:", "FAILED:")), result.output


def small_ledger(root: Path) -> DataDir:
    data = DataDir(root)
    data.metric("platforms", unit="个")
    data.source("plan", date(2024, 1, 1), "全市创新平台达到100个。", goals=[goal("platforms", 2025, 100, "全市创新平台达到100个", unit="个")],
                figures=[figure("platforms", 2023, 100, "全市创新平台达到100个", unit="个")])
    return data


@FUZZ
@given(name=st.sampled_from(TARGET_FILES), cut=st.floats(0, 1))
def test_truncated_real_files(name: str, cut: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(SNAPSHOT / "targets", root / "targets")
        shutil.copytree(SNAPSHOT / "seeds", root / "seeds")
        raw = (root / "targets" / name).read_bytes()
        (root / "targets" / name).write_bytes(raw[:int(len(raw) * cut)])
        run_check(root)


@FUZZ
@given(content=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8"))))
def test_random_bytes_and_text_as_toml(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = small_ledger(Path(tmp) / "d")
        (data.root / "targets" / "noise.toml").write_bytes(content)
        run_check(data.root)
        (data.root / "targets" / "metrics.toml").write_bytes(content)
        run_check(data.root)


SCALARS = st.one_of(st.text(max_size=20), st.integers(-10**20, 10**20), st.floats(), st.booleans(),
                    st.dates(), st.datetimes(), st.times(), st.sampled_from(["platforms", ">=", "level", "exact",
                                                                             "个", "万个", "seeds/plan.txt", "100"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                          max_size=3), max_leaves=6)


def record(fields: dict) -> st.SearchStrategy[dict]:
    return st.dictionaries(st.sampled_from(sorted(fields)) | st.text(max_size=6), VALUES, max_size=len(fields) + 2)


@FUZZ
@given(source=record(SOURCE_TYPES), goals=st.lists(record(GOAL_TYPES), max_size=3),
       figures=st.lists(record(FIGURE_TYPES), max_size=3), metric=record(METRIC_TYPES),
       seed=st.binary(max_size=200))
def test_random_documents_of_the_right_shape(source, goals, figures, metric, seed) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = small_ledger(Path(tmp) / "d")
        doc = {"source": source, "goal": goals, "figure": figures}
        (data.root / "targets" / "fuzz.toml").write_text(tomli_w.dumps(doc), encoding="utf-8")
        metrics = (data.root / "targets" / "metrics.toml").read_text(encoding="utf-8")
        (data.root / "targets" / "metrics.toml").write_text(metrics + "\n" + tomli_w.dumps({"metric": {"fuzzed": metric}}),
                                                           encoding="utf-8")
        (data.root / "seeds" / "plan.txt").write_bytes(seed)
        run_check(data.root)


@FUZZ
@given(seed=st.binary(max_size=2000))
def test_random_bytes_as_a_real_seed(seed: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(SNAPSHOT / "targets", root / "targets")
        shutil.copytree(SNAPSHOT / "seeds", root / "seeds")
        (root / "seeds" / "000_9f6591115d0a2f0a.txt").write_bytes(seed)
        run_check(root)
