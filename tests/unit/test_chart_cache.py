"""The chart cache trusts nothing it reads (issue 23, items 8 and 14).

No Sphinx build: the cache's own functions on a temporary folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_versus.benchmarks.chart import cache

if TYPE_CHECKING:
    from pathlib import Path

DRAWING = b'<svg viewBox="0 0 10 10">' + b"<path d='M0 0'/>" * 50 + b"</svg>"


class Drawer:
    """A stand-in for matplotlib that counts its drawings."""

    def __init__(self, data: bytes = DRAWING, missing: set[str] | None = None):
        self.data, self.missing, self.calls = data, missing or set(), 0

    def __call__(self) -> tuple[bytes, set[str]]:
        self.calls += 1
        return self.data, self.missing


def _entry(folder: Path) -> Path:
    path = folder / cache.entry_name("0" * 32, "wide", "svg")
    data, _, error = cache.cached(path, Drawer(missing={"解"}))
    assert (data, error) == (DRAWING, None)
    return path


def test_a_sound_entry_is_read_not_drawn(tmp_path: Path):
    path = _entry(tmp_path)
    drawer = Drawer(b"never used")
    assert cache.cached(path, drawer) == (DRAWING, ["解"], None)
    assert drawer.calls == 0


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: raw[:-1], id="last-byte-lost"),
        pytest.param(lambda raw: raw.replace(b"M0 0", b"M9 9", 1), id="wrong-content"),
        pytest.param(lambda raw: raw.partition(b"\n")[2], id="no-header"),
        pytest.param(lambda raw: b"{}\n" + raw.partition(b"\n")[2], id="no-hash"),
        pytest.param(lambda raw: b"\xff\xfe\n\x00", id="binary-junk"),
        pytest.param(lambda raw: raw + b"<script/>", id="appended"),
    ],
)
def test_a_damaged_entry_is_drawn_again_and_replaced(tmp_path: Path, damage):
    path = _entry(tmp_path)
    sound = path.read_bytes()
    path.write_bytes(damage(sound))
    drawer = Drawer()
    data, missing, error = cache.cached(path, drawer)
    assert (data, missing, error) == (DRAWING, [], None)
    assert drawer.calls == 1
    assert path.read_bytes() != damage(sound)
    assert cache.read_entry(path) == (DRAWING, [])


def test_an_entry_that_cannot_be_written_is_still_drawn(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    data, _, error = cache.cached(blocked / "entry.chart", Drawer())
    assert data == DRAWING
    assert isinstance(error, OSError)


def test_writes_are_atomic_and_leave_no_temporary_file(tmp_path: Path):
    cache.write_atomically(tmp_path / "a.svg", b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["a.svg"]
    assert (tmp_path / "a.svg").stat().st_mode & 0o777 == 0o644


def test_pruning_removes_stale_temporary_files_and_unused_entries_only(
    tmp_path: Path,
):
    used = _entry(tmp_path)
    unused = tmp_path / cache.entry_name("f" * 32, "wide", "svg")
    unused.write_bytes(used.read_bytes())
    stray = tmp_path / f"{cache.TMP_PREFIX}abc.tmp"
    stray.write_bytes(b"half a drawi")
    someone_elses = tmp_path / "notes.txt"
    someone_elses.write_text("kept")
    cache.prune(tmp_path, {"0" * 32})
    assert sorted(p.name for p in tmp_path.iterdir()) == [used.name, "notes.txt"]


def test_the_cache_is_never_inside_the_output(tmp_path: Path):
    out = tmp_path / "OUT"
    # sphinx-build -b epub SRC OUT: the doctrees inside the output
    assert cache.cache_dir(out, out / ".doctrees") == tmp_path / ".versus-charts"
    assert cache.cache_dir(out, out) == tmp_path / ".versus-charts"
    # make -M / Read the Docs: beside Sphinx's own state
    doctrees = tmp_path / "doctrees"
    assert cache.cache_dir(out, doctrees) == doctrees / "versus-charts"


DAMAGE = st.one_of(
    st.tuples(st.just("truncate"), st.integers(min_value=0, max_value=10_000)),
    st.tuples(st.just("flip"), st.integers(min_value=0, max_value=10_000)),
    st.tuples(st.just("append"), st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("replace"), st.binary(max_size=256)),
)


def _damaged(raw: bytes, kind: str, arg: int | bytes) -> bytes:
    if kind == "truncate":
        assert isinstance(arg, int)
        return raw[: arg % len(raw)]
    if kind == "flip":
        assert isinstance(arg, int)
        index = arg % len(raw)
        return raw[:index] + bytes([raw[index] ^ 0x01]) + raw[index + 1 :]
    assert isinstance(arg, bytes)
    return raw + arg if kind == "append" else arg


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(damage=DAMAGE)
def test_any_damage_gives_the_right_drawing_and_a_sound_entry(tmp_path: Path, damage):
    """Whatever happens to an entry, the drawing returned is the right one
    (from the entry if it is intact, drawn again if not), no exception
    escapes, and the entry is sound afterwards."""
    path = tmp_path / cache.entry_name("1" * 32, "narrow", "pdf")
    cache.write_atomically(path, b"")
    cache.cached(path, Drawer())
    sound = path.read_bytes()
    damaged = _damaged(sound, *damage)
    path.write_bytes(damaged)
    drawer = Drawer()
    data, _, error = cache.cached(path, drawer)
    assert data == DRAWING and error is None
    assert drawer.calls == (0 if damaged == sound else 1)
    assert cache.read_entry(path) == (DRAWING, [])
