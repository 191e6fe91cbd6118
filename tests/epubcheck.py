"""EPUBCheck for the tests: fetched once from Maven Central, checksum-pinned.

    python3 -m tests.epubcheck install     # .ci/run does this (stdlib only)

Maven (``mvn dependency:copy-dependencies`` on a one-dependency pom) resolves
``org.w3c:epubcheck`` and its runtime jars into a cache folder laid out as the
jar's manifest expects (``epubcheck.jar`` beside ``lib/``).  Every jar is then
checked against the SHA-256 sums pinned below, so a changed artifact fails
the install instead of running unseen.  ``EPUBCHECK_JAR`` points the tests at
another copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

VERSION = "5.3.0"
ARTIFACT = f"org.w3c:epubcheck:{VERSION}"

#: SHA-256 of every jar the install lays down, in ``sha256sum`` format
#: (``lib/`` names as Maven writes them): ``sha256sum -c`` works in the folder.
SUMS = Path(__file__).with_name("epubcheck.sha256")


def pinned() -> dict[str, str]:
    lines = SUMS.read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.sphinx-versus</groupId>
  <artifactId>epubcheck-fetch</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>org.w3c</groupId>
      <artifactId>epubcheck</artifactId>
      <version>{version}</version>
    </dependency>
  </dependencies>
</project>
"""


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sphinx-versus" / f"epubcheck-{VERSION}"


def jar_path() -> Path:
    """Where the tests look for ``epubcheck.jar`` (``EPUBCHECK_JAR`` wins)."""
    override = os.environ.get("EPUBCHECK_JAR")
    return Path(override) if override else cache_dir() / "epubcheck.jar"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _jars(folder: Path) -> dict[str, Path]:
    found = {"epubcheck.jar": folder / "epubcheck.jar"}
    found.update({f"lib/{p.name}": p for p in sorted((folder / "lib").glob("*.jar"))})
    return found


def verify(folder: Path) -> list[str]:
    """Problems with an installed copy: a missing, extra or changed jar."""
    if not (folder / "epubcheck.jar").is_file():
        return [f"{folder / 'epubcheck.jar'} is missing"]
    jars, pins = _jars(folder), pinned()
    problems = [f"{n}: not pinned" for n in jars if n not in pins]
    problems += [f"{n}: missing" for n in pins if n not in jars]
    problems += [
        f"{n}: SHA-256 {_sha256(p)} is not the pinned {pins[n]}"
        for n, p in jars.items()
        if n in pins and _sha256(p) != pins[n]
    ]
    return problems


def install(folder: Path) -> None:
    """Resolve the artifact with Maven into ``folder``; verify it or remove it."""
    if folder.is_dir() and not verify(folder):
        print(f"epubcheck {VERSION}: {folder} (cached, checksums match)")
        return
    mvn = shutil.which("mvn")
    if mvn is None:
        sys.exit("epubcheck install needs Maven (apt-get install maven)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "pom.xml").write_text(_POM.format(version=VERSION), encoding="utf-8")
        lib = work / "out" / "lib"
        subprocess.run(
            [
                mvn,
                "--batch-mode",
                "--quiet",
                "--strict-checksums",
                "-Dstyle.color=never",
                "-f",
                str(work / "pom.xml"),
                "dependency:copy-dependencies",
                "-DincludeScope=runtime",
                f"-DoutputDirectory={lib}",
            ],
            check=True,
        )
        (lib / f"epubcheck-{VERSION}.jar").rename(work / "out" / "epubcheck.jar")
        if folder.exists():
            shutil.rmtree(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(work / "out"), str(folder))
    problems = verify(folder)
    if problems:
        shutil.rmtree(folder)
        sys.exit("epubcheck install: checksums differ:\n  " + "\n  ".join(problems))
    print(f"epubcheck {VERSION}: installed into {folder}")


def _print_sums(folder: Path) -> None:
    """The lines of :data:`SUMS` for a copy (when the version is raised)."""
    for name, path in _jars(folder).items():
        print(f"{_sha256(path)}  {name}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "install"
    if command == "install":
        install(cache_dir())
    elif command == "sums":
        _print_sums(Path(sys.argv[2]) if len(sys.argv) > 2 else cache_dir())
    else:
        sys.exit("usage: python3 -m tests.epubcheck install|sums [DIR]")
