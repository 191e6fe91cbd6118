"""``make matrix``: the wheel in a clean venv builds a second team's project.

    python -m tests.external.matrix [--profile floor|newest|all] [--keep DIR]

Builds the sdist and, from it, the wheel with ``uv build``; then, per profile,
creates one venv with ``uv venv``, installs the wheel with every extra
(``charts``, and ``cli``, which brings myst-parser) into it — no editable
install, nothing of this repository on ``sys.path`` — and builds
``tests/external/docs`` with ``-W --keep-going`` in every builder of the
profile, checking that each output holds the fixture's table cells, code and
figures.

Two profiles:

``floor``
    The lowest versions ``pyproject.toml`` declares, read from it (so the
    declared and the tested range cannot drift apart): ``requires-python``,
    the runtime dependencies and every extra, each pinned to its lower
    bound: what ``pip install "sphinx-versus[charts,cli]"`` promises.
``newest``
    The newest Python on the machine and the newest release of everything.

Exit status 0 when every build of every profile passed its checks, 1 if not.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURE = HERE / "docs"
PYPROJECT = ROOT / "pyproject.toml"

BUILDERS = ("html", "dirhtml", "singlehtml", "latex", "epub", "text", "man")
#: Candidate minor versions for the newest Python, newest first.
NEWEST_PYTHONS = ("3.14", "3.13", "3.12", "3.11")
#: Packages whose installed versions each profile reports.
REPORTED = (
    "sphinx",
    "docutils",
    "myst-parser",
    "json5",
    "matplotlib",
    "sphinx-versus",
)
BUILD_TIMEOUT = 300  # seconds per sphinx-build

# -- What every builder's output must hold ------------------------------------
#: Text of the fixture's tables, code and generated figures that must survive
#: every builder: cells from text, JSON and CSV rows, benchmark figures and
#: ratios, code-compare titles and labels, code lines, a chart caption.
NEEDLES = (
    "Where does the data live?",  # comparison-table, text rows (reST)
    "Embedded library",  # comparison-table :file: CSV
    "Many (MVCC, row locks)",
    "Auto-increment key",  # comparison-table, JSON rows (MyST)
    "Point lookups by primary key",  # benchmark-table
    "900–1,200",  # a range, formatted
    "15× faster",  # a ratio
    "1.5× larger",
    "An events table",  # code-compare titles
    "Inserting a row from Python",
    "Taking a backup",
    "psycopg",  # code-compare labels
    "sqlite3",
    "GENERATED",  # code (a SQL keyword survives every highlighter)
    "The fixture figures relative to SQLite",  # benchmark-chart captions
    "PostgreSQL as the baseline",
)
#: The start of the chart's generated text alternative.
CHART_ALT = "Bar chart of PostgreSQL relative to SQLite"


@dataclass(frozen=True)
class Profile:
    name: str
    python: str  # "3.11"
    pins: tuple[str, ...]  # requirements beside the wheel
    builders: tuple[str, ...] = BUILDERS
    #: Exact versions the venv must end up with (the floor's promise).
    expect: dict[str, str] = field(default_factory=dict)


@dataclass
class BuildResult:
    builder: str
    seconds: float
    returncode: int
    log: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.problems


@dataclass
class ProfileResult:
    profile: Profile
    python: str
    versions: dict[str, str]
    module_file: str
    setup_seconds: float
    builds: list[BuildResult]
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems and all(b.ok for b in self.builds)

    def summary(self) -> str:
        lines = [
            f"{self.profile.name}: Python {self.python}, "
            + ", ".join(f"{k} {v}" for k, v in self.versions.items())
            + f" (venv {self.setup_seconds:.1f}s)"
        ]
        lines += [f"  problem: {p}" for p in self.problems]
        for b in self.builds:
            state = "ok" if b.ok else f"FAILED (exit {b.returncode})"
            lines.append(f"  {b.builder:<11} {b.seconds:5.1f}s  {state}")
            lines += [f"    {p}" for p in b.problems]
            if b.returncode != 0:
                lines += [f"    | {line}" for line in b.log.strip().splitlines()]
        return "\n".join(lines)


# -- Profiles -------------------------------------------------------------------


def _pyproject() -> dict[str, object]:
    with PYPROJECT.open("rb") as f:
        return tomllib.load(f)


def _lower_bound(spec: SpecifierSet) -> str:
    bounds = [s.version for s in spec if s.operator in {">=", "==", "~="}]
    if len(bounds) != 1:
        raise ValueError(f"expected exactly one lower bound in {spec!s}")
    return bounds[0]


def _floor_pin(requirement: str) -> tuple[str, str]:
    req = Requirement(requirement)
    return req.name, _lower_bound(req.specifier)


def extras() -> tuple[str, ...]:
    """The extras users may install, as pyproject.toml names them."""
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    return tuple(project["optional-dependencies"])


def floor_profile() -> Profile:
    """The lowest versions pyproject.toml declares, each pinned exactly."""
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    python = _lower_bound(SpecifierSet(project["requires-python"]))
    wanted = list(project["dependencies"])
    for requirements in project["optional-dependencies"].values():
        wanted += requirements
    expect = dict(_floor_pin(r) for r in wanted)
    pins = tuple(f"{name}=={version}" for name, version in expect.items())
    return Profile("floor", python, pins, expect=expect)


def newest_profile() -> Profile:
    """The newest Python found here; every package at its newest release."""
    python = next((v for v in NEWEST_PYTHONS if find_python(v)), "3")
    return Profile("newest", python, ())


PROFILES = {"floor": floor_profile, "newest": newest_profile}

#: The themes tests/browser/test_themes.py builds the fixture in (beside
#: Sphinx's own alabaster), as pyproject.toml names them.
THEME_PACKAGES = (
    "furo",
    "sphinx-rtd-theme",
    "pydata-sphinx-theme",
    "sphinx-book-theme",
    "shibuya",
)


def _declared(name: str) -> Requirement:
    """*name*'s requirement in any extra or dependency group of pyproject.toml."""
    data = _pyproject()
    project = data["project"]
    assert isinstance(project, dict)
    lists = [*project.get("optional-dependencies", {}).values()]
    groups = data.get("dependency-groups", {})
    assert isinstance(groups, dict)
    lists += groups.values()
    for entries in lists:
        for entry in entries:
            if isinstance(entry, str) and Requirement(entry).name == name:
                return Requirement(entry)
    raise LookupError(f"pyproject.toml declares no {name}")


def themes_profile(name: str) -> Profile:
    """A profile with the themes added: pinned to their declared lower
    bounds on the floor, their newest releases on the newest profile."""
    base = PROFILES[name]()
    if name == "floor":
        themes = tuple(
            f"{theme}=={_lower_bound(_declared(theme).specifier)}"
            for theme in THEME_PACKAGES
        )
    else:
        themes = THEME_PACKAGES
    return Profile(base.name, base.python, base.pins + themes, expect=base.expect)


# -- uv and Pythons ---------------------------------------------------------------


def uv() -> str:
    path = shutil.which("uv")
    if not path:
        raise FileNotFoundError("uv is not on PATH; install it with: pip install uv")
    return path


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment minus anything that would put this repo on sys.path."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP"}
    }
    env["PYTHONNOUSERSITE"] = "1"
    env["UV_PYTHON_DOWNLOADS"] = "never"
    env.update(extra)
    return env


def _python_version(path: str) -> str | None:
    try:
        done = subprocess.run(
            [path, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def find_python(minor: str) -> str | None:
    """An interpreter of ``minor`` (e.g. ``3.11``) on this machine, or None.

    uv's own discovery first; then ``pythonX.Y`` on PATH; then pyenv's
    versions folder, whose shims answer only for the selected version.
    """
    candidates: list[str] = []
    done = subprocess.run(
        [uv(), "python", "find", minor],
        capture_output=True,
        text=True,
        env=_clean_env(),
        check=False,
    )
    if done.returncode == 0 and done.stdout.strip():
        candidates.append(done.stdout.strip())
    if found := shutil.which(f"python{minor}"):
        candidates.append(found)
    pyenv_root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates += sorted(
        str(p) for p in Path(pyenv_root).glob(f"versions/{minor}*/bin/python{minor}")
    )
    return next((c for c in candidates if _python_version(c) == minor), None)


# -- Steps ------------------------------------------------------------------------


def build_dists(outdir: Path) -> tuple[Path, Path]:
    """``uv build``: the sdist, then the wheel built from that sdist."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [uv(), "build", "--quiet", "--out-dir", str(outdir), str(ROOT)],
        check=True,
        env=_clean_env(),
        timeout=300,
    )
    sdists = sorted(outdir.glob("sphinx_versus-*.tar.gz"))
    wheels = sorted(outdir.glob("sphinx_versus-*.whl"))
    if len(sdists) != 1 or len(wheels) != 1:
        raise RuntimeError(f"expected one sdist and one wheel in {outdir}")
    return sdists[0], wheels[0]


_VERSIONS_SCRIPT = """
import importlib.metadata as m, sys, sphinx_versus
print("%d.%d.%d" % sys.version_info[:3])
print(sphinx_versus.__file__)
for name in sys.argv[1:]:
    try:
        print(name, m.version(name))
    except m.PackageNotFoundError:
        print(name, "-")
"""


def make_venv(profile: Profile, wheel: Path, venv: Path) -> Path:
    """One venv for the profile, with the wheel installed; returns its python."""
    python = find_python(profile.python)
    if python is None:
        raise FileNotFoundError(f"no Python {profile.python} found on this machine")
    env = _clean_env()
    subprocess.run(
        [uv(), "venv", "--quiet", "--clear", "--python", python, str(venv)],
        check=True,
        env=env,
        timeout=120,
    )
    vpython = venv / "bin" / "python"
    wheel_with_extras = f"{wheel}[{','.join(extras())}]"
    install = [uv(), "pip", "install", "--python", str(vpython), wheel_with_extras]
    done = subprocess.run(
        [*install, *profile.pins],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"uv pip install failed:\n{done.stderr.strip()}")
    return vpython


def build_fixture(
    vpython: Path, builder: str, src: Path, out: Path, cwd: Path
) -> BuildResult:
    """One ``python -P -m sphinx -b BUILDER -W --keep-going`` run, with checks.

    ``-P`` and a cwd outside the repository keep the repository off
    ``sys.path``: only the installed wheel can be imported.
    """
    doctrees = out.parent / f"{builder}-doctrees"
    for folder in (out, doctrees):  # every build is a clean one
        shutil.rmtree(folder, ignore_errors=True)
    cmd = [str(vpython), "-P", "-m", "sphinx", "-b", builder, "-W", "--keep-going"]
    cmd += ["-q", "-d", str(doctrees), str(src), str(out)]
    start = time.perf_counter()
    done = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_clean_env(),
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    seconds = time.perf_counter() - start
    log = done.stdout + done.stderr
    problems = check_output(builder, out) if done.returncode == 0 else []
    if done.returncode == 0 and builder == "html":
        problems += _check_rebuild([c for c in cmd if c != "-q"], cwd)
    return BuildResult(builder, seconds, done.returncode, log, problems)


def _check_rebuild(cmd: list[str], cwd: Path) -> list[str]:
    """The same build again reads nothing and reports no config change.

    The extension's static files once went through ``html_static_path``,
    which made every rebuild report a changed configuration.
    """
    done = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_clean_env(NO_COLOR="1"),
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    status = done.stdout + done.stderr
    problems = []
    if done.returncode != 0:
        problems.append(f"html rebuild failed (exit {done.returncode})")
    changed = re.search(r"The configuration has changed[^\n]*", status)
    if changed:
        problems.append(f"html rebuild: {changed.group()}")
    if "0 added, 0 changed, 0 removed" not in status:
        problems.append("html rebuild re-read pages although nothing changed")
    return problems


def run_profile(
    profile: Profile, wheel: Path, workdir: Path, *, jobs: int = 2
) -> ProfileResult:
    """Set up the profile's venv and build the fixture with each builder."""
    workdir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    try:
        vpython = make_venv(profile, wheel, workdir / "venv")
    except (OSError, RuntimeError) as err:
        return ProfileResult(profile, "-", {}, "-", 0.0, [], [str(err)])
    setup_seconds = time.perf_counter() - start
    info = subprocess.run(
        # Every package the profile pins, so a new dependency's floor is checked.
        [str(vpython), "-P", "-c", _VERSIONS_SCRIPT, *{*REPORTED, *profile.expect}],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=_clean_env(),
        check=True,
    ).stdout.splitlines()
    python, module_file = info[0], info[1]
    versions = dict(line.split(" ", 1) for line in info[2:])

    problems = []
    if not Path(module_file).is_relative_to(workdir / "venv"):
        problems.append(f"sphinx_versus imported from {module_file}, not the venv")
    if not python.startswith(profile.python):
        problems.append(f"Python {python}, expected {profile.python}")
    for name, version in profile.expect.items():
        if not _same_version(versions.get(name, "-"), version):
            problems.append(f"{name} {versions.get(name)} installed, floor {version}")

    src = workdir / "src"
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(FIXTURE, src, ignore=shutil.ignore_patterns("_build"))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        builds = list(
            pool.map(
                lambda b: build_fixture(vpython, b, src, workdir / "out" / b, workdir),
                profile.builders,
            )
        )
    return ProfileResult(
        profile, python, versions, module_file, setup_seconds, builds, problems
    )


def _same_version(installed: str, wanted: str) -> bool:
    def norm(v: str) -> tuple[int, ...]:
        parts = [int(p) for p in re.findall(r"\d+", v)]
        while parts and parts[-1] == 0:
            parts.pop()
        return tuple(parts)

    return installed != "-" and norm(installed) == norm(wanted)


# -- Checks -----------------------------------------------------------------------


def _texts(out: Path, pattern: str) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8") for p in sorted(out.glob(pattern)) if p.is_file()
    )


def _unescape_man(text: str) -> str:
    return text.replace("\\-", "-").replace("\\(aq", "'").replace("\\e", "\\")


def check_output(builder: str, out: Path) -> list[str]:
    """What is missing from a finished build's output (empty when all is there)."""
    problems: list[str] = []
    if builder in {"html", "dirhtml", "singlehtml"}:
        text = _texts(out, "**/*.html")
        problems += _check_html(builder, out, text)
    elif builder == "epub":
        epubs = sorted(out.glob("*.epub"))
        if len(epubs) != 1:
            return [f"expected one .epub in {out}, found {len(epubs)}"]
        with zipfile.ZipFile(epubs[0]) as z:
            names = z.namelist()
            text = "\n".join(
                z.read(n).decode("utf-8") for n in names if n.endswith(".xhtml")
            )
            svgs = [n for n in names if n.endswith(".svg") and "_images/" in n]
        if len(svgs) < 2:
            problems.append(f"epub: expected 2 chart images, found {svgs}")
        for svg in svgs:
            if Path(svg).name not in text:
                problems.append(f"epub: {svg} is not used by any page")
        if CHART_ALT not in text:
            problems.append("epub: the chart's generated alt text is missing")
    elif builder == "latex":
        text = _texts(out, "*.tex")
        charts = sorted(p.name for p in out.glob("versus-chart-*.pdf"))
        if len(charts) < 2:
            problems.append(f"latex: expected 2 chart PDFs, found {charts}")
        for chart in charts:
            if not re.search(r"includegraphics(\[[^]]*\])?\{\{?" + chart[:-4], text):
                problems.append(f"latex: {chart} is not included")
        # Pygments escapes code token by token; the words stay whole.
        text = re.sub(r"\\PYG\{[^}]*\}\{([^}]*)\}", r"\1", text)
        text = text.replace("\\sphinxhyphen{}", "-").replace("\\textendash{}", "–")
    elif builder == "text":
        text = _texts(out, "*.txt")
        if f"[Chart: {CHART_ALT}" not in text:
            problems.append("text: the chart's generated alt text is missing")
    elif builder == "man":
        text = _unescape_man(_texts(out, "*.[1-9]"))
        if f"[Chart: {CHART_ALT}" not in text:
            problems.append("man: the chart's generated alt text is missing")
    else:
        raise ValueError(f"no checks for builder {builder!r}")
    if not text:
        return [*problems, f"{builder}: no output files in {out}"]
    problems += [
        f"{builder}: {needle!r} missing" for needle in NEEDLES if needle not in text
    ]
    return problems


def _check_html(builder: str, out: Path, text: str) -> list[str]:
    problems = []
    for static in ("versus.css", "versus.js"):
        if not (out / "_static" / static).is_file():
            problems.append(f"{builder}: _static/{static} was not copied")
        if f"_static/{static}" not in text:
            problems.append(f"{builder}: no page links _static/{static}")
    tabs = len(re.findall(r'role="tab"', text))
    if tabs < 6:
        problems.append(f"{builder}: expected at least 6 code-compare tabs, got {tabs}")
    if "versus-layout-side-by-side" not in text:
        problems.append(f"{builder}: the side-by-side layout is missing")
    # Each chart: a <picture> of two SVG files (wide, narrow) in _images/.
    pictures = re.findall(r"<picture>.*?</picture>", text, re.S)
    if len(pictures) < 2:
        problems.append(f"{builder}: expected 2 chart pictures, found {len(pictures)}")
    for picture in pictures:
        for url in re.findall(r'(?:srcset|src)="([^"]+\.svg)"', picture):
            name = url.rsplit("/", 1)[-1]
            if not (out / "_images" / name).is_file():
                problems.append(f"{builder}: the chart file {name} is missing")
        if not re.search(r'<img [^>]*alt="[^"]+"', picture):
            problems.append(f"{builder}: a chart has no text alternative")
    if f'alt="{CHART_ALT}' not in text:
        problems.append(f"{builder}: the chart's generated alt text is missing")
    if builder != "singlehtml" and "Table 2" not in text:
        problems.append(f"{builder}: {{numref}} to the CSV table is not 'Table 2'")
    return problems


# -- Command line -------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.external.matrix", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--profile", choices=[*PROFILES, "all"], default="all")
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep it (default: a temp)"
    )
    args = parser.parse_args(argv)
    names = list(PROFILES) if args.profile == "all" else [args.profile]

    work = args.keep or Path(tempfile.mkdtemp(prefix="versus-matrix-"))
    ok = True
    start = time.perf_counter()
    try:
        sdist, wheel = build_dists(work / "dist")
        print(f"built {sdist.name} and {wheel.name}")
        for name in names:
            result = run_profile(PROFILES[name](), wheel, work / name)
            print(result.summary(), flush=True)
            ok = ok and result.ok
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    verdict = "passed" if ok else "FAILED"
    print(f"matrix: {verdict} in {time.perf_counter() - start:.0f}s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
