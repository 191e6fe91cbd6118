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

#: SHA-256 of every jar the install lays down (``lib/`` names as Maven writes them).
PINNED: dict[str, str] = {
    "epubcheck.jar": "0e9e8bc2eb47a58c1254016d7f360646bfe04397b137cac2f4e53e361ed1415b",
    "lib/Saxon-HE-11.4.jar": "42e35494dc2e6b5e97256ae7cdf2b7ce30439c352566f35de02bed3a06a2b169",
    "lib/accessors-smart-2.4.9.jar": "accdd5c7ac4c49b155890aaea1ffca2a9ccd5826b562dd95a99fc1887003e031",
    "lib/asm-9.3.jar": "1263369b59e29c943918de11d6d6152e2ec6085ce63e5710516f8c67d368e4bc",
    "lib/common-image-3.9.4.jar": "a5f41991d2492f28ce4f04b82abfffb89f5ffa9dfc87f4e58f10d526e5ba4a83",
    "lib/common-io-3.9.4.jar": "cc7c27947bf21a75fbc3d613e79bdd8619908e67b88cc7d73091a55876e4fd38",
    "lib/common-lang-3.9.4.jar": "a521b797d58f65b80fa8ca365d95911622408cab220fd5d852169805f640acbd",
    "lib/commons-codec-1.19.0.jar": "5c3881e4f556855e9c532927ee0c9dfde94cc66760d5805c031a59887070af5f",
    "lib/commons-compress-1.28.0.jar": "e1522945218456f3649a39bc4afd70ce4bd466221519dba7d378f2141a4642ca",
    "lib/commons-io-2.20.0.jar": "df90bba0fe3cb586b7f164e78fe8f8f4da3f2dd5c27fa645f888100ccc25dd72",
    "lib/commons-lang3-3.18.0.jar": "4eeeae8d20c078abb64b015ec158add383ac581571cddc45c68f0c9ae0230720",
    "lib/error_prone_annotations-2.36.0.jar": "77440e270b0bc9a249903c5a076c36a722c4886ca4f42675f2903a1c53ed61a5",
    "lib/failureaccess-1.0.3.jar": "cbfc3906b19b8f55dd7cfd6dfe0aa4532e834250d7f080bd8d211a3e246b59cb",
    "lib/galimatias-0.1.3.jar": "b37cbc4513584ed6aa1d8f7529ebe77abbe28c1f54ec63b0ff28a00a2d9d2a9a",
    "lib/guava-33.4.8-jre.jar": "f3d7f57f67fd622f4d468dfdd692b3a5e3909246c28017ac3263405f0fe617ed",
    "lib/hamcrest-2.2.jar": "5e62846a89f05cd78cd9c1a553f340d002458380c320455dd1f8fc5497a8a1c1",
    "lib/httpclient5-5.1.3.jar": "28c759254f4e35319e078bb6ffea75676608dc12cb243b24fb3c8732522977fe",
    "lib/httpcore5-5.1.3.jar": "f2bf2f2c7772169c9e30699719667ad30f9b46c4e9d7841907deb2d12d9923fe",
    "lib/httpcore5-h2-5.1.3.jar": "d0e78ba15aa8ebe77982b660ac4b09a95d6e035dbdbea762577dc1c8e2935807",
    "lib/icu4j-77.1.jar": "b3640b9f416a4411fd33c59abbeea8fd57d024c23e1819bf9673220a97499fe3",
    "lib/imageio-core-3.9.4.jar": "244843a7bc8ecf6efb20aa5f817e977addafb3f6b0ce70393b3e6d1109591fae",
    "lib/imageio-jpeg-3.9.4.jar": "cdc95ecde53b012774790ead020879af6c76928c8d8e0be4b964528937ec1b7d",
    "lib/imageio-metadata-3.9.4.jar": "580a334f8e20c99ff9127fa9b0022b0f02a981b46e6b38e0df393052329a6324",
    "lib/isorelax-20030108.jar": "3427152431cf7f967f92e69e5cac16147c5d8fb4b4e5a8a72f5291788efcff8c",
    "lib/j2objc-annotations-3.0.0.jar": "88241573467ddca44ffd4d74aa04c2bbfd11bf7c17e0c342c94c9de7a70a7c64",
    "lib/jackson-annotations-2.18.2.jar": "581bd61000ef7648943f781ca05689e56d03f6052748365a8e2b3a9b5d3fa32f",
    "lib/jackson-core-2.18.2.jar": "d8054ae7c0d1c2d2f55d28e46026ebe5892881f3fab5f439233184381c3b4a1f",
    "lib/jackson-databind-2.18.2.jar": "4b364e6850dc89172fcf1d4dd26b8ff5488eda44ff4657e22dd265203dd5ab3c",
    "lib/jing-20181222.jar": "e5e13fa92d9461f37b7c3d760780ea07cca5b7947440f99ebb7608b5b168aaa3",
    "lib/json-path-2.8.0.jar": "9601707e95cd79fb98570a01ea8cfb857b5cde948744d6e0edf733c11002c95b",
    "lib/json-path-assert-2.8.0.jar": "5de6305e6e1df4f4c1ad603f1d7ac2394b474c767b8165701a492643ac34a56a",
    "lib/json-smart-2.4.10.jar": "70cab5e9488630dc631b1fc6e7fa550d95cddd19ba14db39ceca7cabfbd4e5ae",
    "lib/jspecify-1.0.0.jar": "1fad6e6be7557781e4d33729d49ae1cdc8fdda6fe477bb0cc68ce351eafdfbab",
    "lib/listenablefuture-9999.0-empty-to-avoid-conflict-with-guava.jar": "b372a037d4230aa57fbeffdef30fd6123f9c0c2db85d0aced00c91b974f33f99",
    "lib/sac-1.3.jar": "003785669f921aafe4f137468dd20a01a36111e94fd7449f26c16e7924d82d23",
    "lib/slf4j-api-1.7.36.jar": "d3ef575e3e4979678dc01bf1dcce51021493b4d11fb7f1be8ad982877c16a1c0",
    "lib/slf4j-nop-1.7.36.jar": "c214958b07816cb4412b30c7bdbd4308ffdc6ba2a83767b8f3a9229cbd9274d6",
    "lib/xercesImpl-2.12.2.jar": "6fc991829af1708d15aea50c66f0beadcd2cfeb6968e0b2f55c1b0909883fe16",
    "lib/xml-apis-1.4.01.jar": "a840968176645684bb01aed376e067ab39614885f9eee44abe35a5f20ebe7fad",
    "lib/xmlresolver-4.4.3-data.jar": "a57db23d75c3580cb15eb6e1a854683f4579cfd265f5cf1011a6983d9aed0f1f",
    "lib/xmlresolver-4.4.3.jar": "9d642c96c3f6811e20a9f6cfee3ca15ec84ecb939f6be639fee065670773a7d1",
}

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
    jars = _jars(folder)
    problems = [f"{n}: not pinned" for n in jars if n not in PINNED]
    problems += [f"{n}: missing" for n in PINNED if n not in jars]
    problems += [
        f"{n}: SHA-256 {_sha256(p)} is not the pinned {PINNED[n]}"
        for n, p in jars.items()
        if n in PINNED and _sha256(p) != PINNED[n]
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
    """The lines of :data:`PINNED` for a copy (when the version is raised)."""
    for name, path in _jars(folder).items():
        print(f'    "{name}": "{_sha256(path)}",')


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "install"
    if command == "install":
        install(cache_dir())
    elif command == "sums":
        _print_sums(Path(sys.argv[2]) if len(sys.argv) > 2 else cache_dir())
    else:
        sys.exit("usage: python3 -m tests.epubcheck install|sums [DIR]")
