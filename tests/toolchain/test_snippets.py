"""Verified snippets: every Go and Rust sample compiles, passes the linters and
prints (or serves) what its trailing comment promises, and the docs show Go
and Rust code only by including those samples.

Module-wide checks (gofmt, go vet, cargo fmt, cargo clippy) run once per
session; ``test_sample[go-memory]`` and friends then report the failures that
name their own file, build that one program and run it.
"""

from __future__ import annotations

import json
import re
import runpy
import shutil
import subprocess
import sys
import textwrap
import tomllib
from typing import TYPE_CHECKING, NoReturn

import pytest

from tests.paths import DOCS
from tests.snippets_docscan import Block, scan_docs
from tests.snippets_expect import check_server, compare_output, read_expected
from tests.snippets_harness import (
    GO_DIR,
    RUST_DIR,
    SNIPPETS,
    Ran,
    SnippetError,
    cargo_build,
    cargo_clippy,
    cargo_fmt_check,
    display_path,
    go_build,
    go_examples,
    go_unformatted,
    go_vet,
    module_failures,
    record_verified,
    run,
    run_program,
    rust_examples,
    source_file,
    unverified_samples,
    verified_files,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from tests.snippets_harness import Language

pytestmark = pytest.mark.snippets

GO_HINT = "Go from https://go.dev/dl/ (or your package manager's golang package)"
RUST_HINT = (
    "Rust with rustup (https://rustup.rs): the default profile has clippy and rustfmt"
)
SAMPLES = [
    pytest.param(language, example, id=f"{language}-{example}")
    for language, examples in (("go", go_examples()), ("rust", rust_examples()))
    for example in examples
]
_REGION = re.compile(r"^\s*// \[(?P<end>/?)(?P<name>[\w-]+)\]$")


def fail(message: str) -> NoReturn:
    pytest.fail(message, pytrace=False)


def passes(check: Callable[[], None]) -> None:
    """Run a check; a SnippetError fails the test with just its message (the
    file and the tool's output), not a traceback of the harness."""
    try:
        check()
    except SnippetError as error:
        message = str(error)
    else:
        return
    fail(message)


# -- toolchains and session-wide checks ----------------------------------------


@pytest.fixture(scope="session")
def go_tool(require_tool: Callable[[str, str], str]) -> str:
    go = require_tool("go", GO_HINT)
    require_tool("gofmt", GO_HINT)
    return go


@pytest.fixture(scope="session")
def cargo_tool(require_tool: Callable[[str, str], str], ci: bool) -> str:
    cargo = require_tool("cargo", RUST_HINT)
    for component in ("clippy", "fmt"):
        ran = subprocess.run(
            [cargo, component, "--version"], capture_output=True, text=True, timeout=60
        )
        if ran.returncode != 0:
            message = (
                f"`cargo {component} --version` failed; install it with: "
                f"rustup component add {'rustfmt' if component == 'fmt' else component}"
                f"\n{ran.stderr}"
            )
            if ci:
                fail(f"CI=true and {message}")
            pytest.skip(message)
    return cargo


@pytest.fixture(scope="session")
def go_checks(go_tool: str) -> dict[str, Ran]:
    return {"gofmt -l": go_unformatted(), "go vet": go_vet()}


@pytest.fixture(scope="session")
def rust_checks(cargo_tool: str) -> dict[str, Ran]:
    return {"cargo fmt --check": cargo_fmt_check(), "cargo clippy": cargo_clippy()}


@pytest.fixture(scope="session")
def go_bindir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("go-bin")


def _report(checks: dict[str, Ran]) -> None:
    failed = [
        f"{name} failed (`{' '.join(ran.command)}` in {display_path(ran.cwd)}):\n"
        + ran.output
        for name, ran in checks.items()
        if ran.returncode != 0
    ]
    if failed:
        fail("\n\n".join(failed))


@pytest.mark.toolchain
def test_go_module_is_formatted_and_vetted(go_checks: dict[str, Ran]) -> None:
    _report(go_checks)


@pytest.mark.toolchain
def test_rust_package_is_formatted_and_lint_free(rust_checks: dict[str, Ran]) -> None:
    _report(rust_checks)


# -- one test per sample -------------------------------------------------------


@pytest.mark.toolchain
@pytest.mark.parametrize(("language", "example"), SAMPLES)
def test_sample(
    language: Language, example: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Lint results for this file, then build, run and compare (or serve)."""
    file = source_file(language, example)

    def check() -> None:
        expected = read_expected(file)
        if language == "go":
            checks = request.getfixturevalue("go_checks")
            problems = module_failures(checks, file, GO_DIR)
            if problems:
                raise SnippetError("\n\n".join(problems))
            binary = go_build(example, request.getfixturevalue("go_bindir"))
        else:
            checks = request.getfixturevalue("rust_checks")
            problems = module_failures(checks, file, RUST_DIR)
            if problems:
                raise SnippetError("\n\n".join(problems))
            binary = cargo_build(example)
        if expected.kind == "serves":
            check_server(file, [str(binary), *expected.args], expected, tmp_path)
        else:
            output = run_program(file, binary, tmp_path, expected.args)
            compare_output(file, expected, output)

    passes(check)
    record_verified(file)


def _regions(file: Path) -> list[str]:
    """Region names in file order; raise unless each opens once and closes."""
    names: list[str] = []
    open_names: list[str] = []
    for lineno, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        match = _REGION.match(line)
        if match is None:
            continue
        name, where = match["name"], f"{display_path(file)}:{lineno}"
        if not match["end"]:
            if name in names:
                raise SnippetError(f"{where}: region [{name}] is opened twice")
            names.append(name)
            open_names.append(name)
        elif name not in open_names:
            raise SnippetError(f"{where}: [/{name}] closes a region that is not open")
        else:
            open_names.remove(name)
    if open_names:
        raise SnippetError(f"{display_path(file)}: regions never closed: {open_names}")
    return names


def test_examples_pair_up_with_regions_and_output() -> None:
    """Each example exists in both languages, with the same balanced regions
    and a trailing output comment (no toolchain needed for this)."""
    go, rust = go_examples(), rust_examples()
    assert go, f"no examples found under {display_path(GO_DIR)}"
    assert go == rust, f"Go examples {go} and Rust examples {rust} must pair up"

    def check() -> None:
        for example in go:
            go_file = source_file("go", example)
            rust_file = source_file("rust", example)
            go_regions, rust_regions = _regions(go_file), _regions(rust_file)
            if set(go_regions) != set(rust_regions):
                raise SnippetError(
                    f"{example}: regions differ: {display_path(go_file)} has "
                    f"{go_regions}, {display_path(rust_file)} has {rust_regions}"
                )
            go_kind, rust_kind = read_expected(go_file), read_expected(rust_file)
            if go_kind.kind != rust_kind.kind:
                raise SnippetError(
                    f"{example}: {display_path(go_file)} ends with a {go_kind.kind} "
                    f"comment, {display_path(rust_file)} with a {rust_kind.kind} one"
                )

    passes(check)


# -- the docs show only verified code ------------------------------------------


def judge(
    blocks: list[Block], verified: set[Path], unverified: set[Path], snippets: Path
) -> list[str]:
    """What is wrong with these code blocks, one located message per block."""
    problems = []
    for block in blocks:
        where = f"{display_path(block.page)}:{block.line}"
        shows = block.verified_language
        if shows and block.include is None:
            problems.append(
                f"{where}: {block.syntax}: {shows.title()} code is typed into the "
                f"page; include it from a verified snippet instead (literalinclude "
                f"of snippets/go/<example>/main.go or snippets/rust/src/bin/"
                f"<example>.rs, with :start-after:/:end-before: region markers)"
            )
        elif shows and block.include not in verified:
            problems.append(
                f"{where}: {block.syntax} {display_path(block.include)}: "
                f"{shows.title()} code must come from a verified example under "
                "snippets/go or snippets/rust"
            )
        elif (
            block.include is not None
            and block.include.is_relative_to(snippets)
            and block.include not in verified | unverified
        ):
            problems.append(
                f"{where}: {block.syntax} {display_path(block.include)} is neither "
                "a verified example nor listed in snippets/UNVERIFIED.toml"
            )
    return problems


def test_docs_show_go_and_rust_only_from_verified_snippets() -> None:
    unverified = {(SNIPPETS / p).resolve() for p in unverified_samples()}
    problems = judge(scan_docs(DOCS), verified_files(), unverified, SNIPPETS.resolve())
    assert not problems, "\n".join(problems)


def test_docs_scan_finds_inline_code_in_every_syntax(tmp_path: Path) -> None:
    """The docs check would catch each way of pasting Go or Rust into a page."""
    docs, snippets = tmp_path / "docs", tmp_path / "snippets"
    good = snippets / "go" / "memory" / "main.go"
    docker = snippets / "docker" / "go.Dockerfile"
    for path in (good, docker, snippets / "notes.txt", docs / "page.md"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    page = """\
        # Title

        ```go
        package main
        ```

        ````{code-compare} Nested
        ```{literalinclude} /../snippets/go/memory/main.go
        :language: go
        ```
        ```{code-block} rust
        fn main() {}
        ```
        ````

        :::{code} golang
        x := 1
        :::

        ````markdown
        ```go
        shown as an example of syntax, not Go code
        ```
        ````

        ```{eval-rst}
        .. code-block:: rs

           fn main() {}
        ```

        ```{literalinclude} ../snippets/notes.txt
        ```

        ```{literalinclude} /../snippets/docker/go.Dockerfile
        :language: dockerfile
        ```

        ```{literalinclude} other.go
        ```
        """
    rst = """\
        Title
        =====

        .. code-block:: rst

           .. code-block:: go

        .. highlight:: go

        Like this::

           fmt.Println()

        .. code-compare::

           .. literalinclude:: /../snippets/go/memory/main.go
              :language: go

           .. code-tab:: rust

              fn main() {}
        """
    (docs / "page.md").write_text(textwrap.dedent(page), "utf-8")
    (docs / "page.rst").write_text(textwrap.dedent(rst), "utf-8")
    problems = judge(
        scan_docs(docs), {good.resolve()}, {docker.resolve()}, snippets.resolve()
    )
    located = [p.split(": ")[0].rsplit("/", 1)[-1] for p in problems]
    assert located == [
        "page.md:3",  # ```go
        "page.md:11",  # {code-block} rust inside code-compare
        "page.md:16",  # :::{code} golang
        "page.md:27",  # .. code-block:: rs inside eval-rst
        "page.md:32",  # literalinclude of a file in snippets/ nobody checks
        "page.md:39",  # literalinclude of a .go file outside snippets/
        "page.rst:10",  # '::' literal block after .. highlight:: go
        "page.rst:19",  # .. code-tab:: rust
    ], "\n".join(problems)


# -- the checks can fail -------------------------------------------------------


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{display_path(file)} no longer contains {old!r}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.toolchain
def test_harness_catches_an_unused_go_import(go_tool: str, tmp_path: Path) -> None:
    """The seed article's bug: ``net/http`` imported and never used."""
    copy = tmp_path / "go"
    shutil.copytree(GO_DIR, copy)
    broken = copy / "memory" / "main.go"
    _edit(broken, '\t"log"\n', '\t"log"\n\t"net/http"\n')

    problems = module_failures({"go vet": go_vet(copy)}, broken, copy)
    assert problems, "go vet passed a file with an unused import"
    assert '"net/http" imported and not used' in problems[0]
    with pytest.raises(SnippetError) as caught:
        go_build("memory", tmp_path / "bin", copy)
    message = str(caught.value)
    assert "memory/main.go" in message
    assert '"net/http" imported and not used' in message


def _rust_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "rust"
    shutil.copytree(RUST_DIR / "src", copy / "src")
    for name in ("Cargo.toml", "Cargo.lock"):
        shutil.copy2(RUST_DIR / name, copy / name)
    return copy


@pytest.mark.toolchain
def test_harness_catches_an_unused_rust_import(cargo_tool: str, tmp_path: Path) -> None:
    copy = _rust_copy(tmp_path)
    broken = copy / "src" / "bin" / "memory.rs"
    _edit(broken, "use std::fmt;\n", "use std::collections::HashMap;\nuse std::fmt;\n")

    problems = module_failures({"cargo clippy": cargo_clippy(copy)}, broken, copy)
    assert problems, "cargo clippy -D warnings passed a file with an unused import"
    assert "src/bin/memory.rs" in problems[0]
    assert "unused import: `std::collections::HashMap`" in problems[0]


@pytest.mark.toolchain
def test_harness_catches_a_rust_type_error(cargo_tool: str, tmp_path: Path) -> None:
    copy = _rust_copy(tmp_path)
    _edit(copy / "src" / "bin" / "memory.rs", 'String::from("Alice")', "42")
    with pytest.raises(SnippetError) as caught:
        cargo_build("memory", copy)
    message = str(caught.value)
    assert "src/bin/memory.rs" in message
    assert "mismatched types" in message


def test_args_line_gives_the_program_its_arguments(tmp_path: Path) -> None:
    file = tmp_path / "main.go"
    file.write_text(
        'package main\n\n// Args: --count 3 "two words"\n// Output:\n// x\n', "utf-8"
    )
    expected = read_expected(file)
    assert expected.args == ("--count", "3", "two words")
    assert expected.lines == ("x",)
    script = tmp_path / "echo.py"
    script.write_text("import sys\nprint('|'.join(sys.argv[1:]))\n", "utf-8")
    binary = tmp_path / "echo"
    binary.write_text(f'#!/bin/sh\nexec {sys.executable} {script} "$@"\n', "utf-8")
    binary.chmod(0o755)
    assert run_program(file, binary, tmp_path, expected.args) == "--count|3|two words\n"
    file.write_text('package main\n\n// Args: "open\n// Output:\n// x\n', "utf-8")
    with pytest.raises(SnippetError, match=r"main.go:3: '// Args:' cannot be split"):
        read_expected(file)


def test_verified_record_keeps_every_entry(tmp_path: Path) -> None:
    stamp = tmp_path / "VERIFIED.json"
    for name in ("b.go", "a.go"):
        (tmp_path / name).write_text(name, "utf-8")
        record_verified(tmp_path / name, stamp)
    text = stamp.read_text("utf-8")
    assert list(json.loads(text)) == ["a.go", "b.go"]
    record_verified(tmp_path / "a.go", stamp)
    assert stamp.read_text("utf-8") == text


def test_output_comparison_catches_wrong_output(tmp_path: Path) -> None:
    file = tmp_path / "main.go"
    file.write_text("package main\n\n// Output:\n// one\n//\n// two\n", "utf-8")
    expected = read_expected(file)
    assert expected.lines == ("one", "", "two")
    compare_output(file, expected, "one\n\ntwo  \n\n")
    with pytest.raises(SnippetError, match=r"main\.go: the program's output differs"):
        compare_output(file, expected, "one\n\nthree\n")

    file.write_text("fn main() {}\n\n// Unordered output:\n// 1\n// 2\n", "utf-8")
    expected = read_expected(file)
    compare_output(file, expected, "2\n1\n")
    with pytest.raises(SnippetError, match=r"promised but not printed: \['2'\]"):
        compare_output(file, expected, "1\n1\n")

    file.write_text("fn main() {}\n// Output:\n// 1\nfn later() {}\n", "utf-8")
    with pytest.raises(SnippetError, match=r"main\.go: the file must end with"):
        read_expected(file)


FAKE_SERVER = """\
import http.server, os, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'{"message": "OK", "status": 200}'
        self.send_response(200)
        self.send_header("Content-Type", os.environ["FAKE_TYPE"])
        self.end_headers()
        self.wfile.write(body)
server = http.server.HTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler)
print("listening on 127.0.0.1:" + os.environ["PORT"], flush=True)
server.serve_forever()
"""


def test_server_check_catches_a_wrong_response(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server with the wrong Content-Type fails, and is stopped even so."""
    file = tmp_path / "http.rs"
    file.write_text(
        '// Serves: GET /health\n// 200 application/json\n// {"message":"OK",'
        '"status":200}\n',
        "utf-8",
    )
    script = tmp_path / "server.py"
    script.write_text(FAKE_SERVER, "utf-8")
    expected = read_expected(file)
    assert (expected.method, expected.path, expected.status) == ("GET", "/health", 200)

    monkeypatch.setenv("FAKE_TYPE", "text/plain")
    with pytest.raises(SnippetError, match="Content-Type text/plain, expected appl"):
        check_server(file, [sys.executable, str(script)], expected, tmp_path)
    never_ready = [sys.executable, "-c", "print('starting')"]
    with pytest.raises(SnippetError, match=r"never printed 'listening on 127\.0\.0\.1"):
        check_server(file, never_ready, expected, tmp_path, ready_timeout=10)


# -- versions: one source of truth ---------------------------------------------


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _conf_versions() -> tuple[str, str]:
    conf = runpy.run_path(str(DOCS / "conf.py"))
    return str(conf["go_version"]), str(conf["rust_version"])


@pytest.mark.toolchain
def test_go_version_in_go_mod_is_what_the_toolchain_satisfies(go_tool: str) -> None:
    go_mod = (GO_DIR / "go.mod").read_text(encoding="utf-8")
    declared = re.search(r"^go\s+(\d+\.\d+(?:\.\d+)?)\s*$", go_mod, re.MULTILINE)
    assert declared, "snippets/go/go.mod has no `go 1.NN` line"
    assert _conf_versions()[0] == declared[1], "docs/conf.py reads another version"
    ran = run([go_tool, "version"], GO_DIR, timeout=60)  # GOTOOLCHAIN=local
    installed = re.search(r"\bgo(\d+\.\d+(?:\.\d+)?)", ran.stdout)
    assert installed, f"cannot read `go version`: {ran.output}"
    assert _version(installed[1]) >= _version(declared[1]), (
        f"go.mod asks for Go {declared[1]}, but go{installed[1]} is installed"
    )


@pytest.mark.toolchain
def test_rust_version_in_cargo_toml_is_what_the_toolchain_satisfies(
    cargo_tool: str, require_tool: Callable[[str, str], str]
) -> None:
    with (RUST_DIR / "Cargo.toml").open("rb") as f:
        declared = str(tomllib.load(f)["package"]["rust-version"])
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", declared), declared
    assert _conf_versions()[1] == declared, "docs/conf.py reads another version"
    rustc = require_tool("rustc", RUST_HINT)
    ran = run([rustc, "--version"], RUST_DIR, timeout=60)
    installed = re.search(r"^rustc (\d+\.\d+\.\d+)", ran.stdout)
    assert installed, f"cannot read `rustc --version`: {ran.output}"
    assert _version(installed[1]) >= _version(declared), (
        f"Cargo.toml's rust-version is {declared}, "
        f"but rustc {installed[1]} is installed"
    )


def test_unverified_samples_exist_and_name_the_verified_versions() -> None:
    """The Dockerfiles cannot be built here; at least they must not drift from
    go.mod / Cargo.toml, and must build an example that exists."""
    listed = unverified_samples()
    assert {"docker/go.Dockerfile", "docker/rust.Dockerfile"} <= set(listed)
    for path, reason in listed.items():
        assert (SNIPPETS / path).is_file(), f"UNVERIFIED.toml lists missing {path}"
        assert len(reason) > 20, f"give a real reason for {path}"
    go_version, rust_version = _conf_versions()
    docker = SNIPPETS / "docker"
    go_file = (docker / "go.Dockerfile").read_text(encoding="utf-8")
    rust_file = (docker / "rust.Dockerfile").read_text(encoding="utf-8")
    assert f"FROM golang:{go_version}-alpine AS builder" in go_file
    assert f"FROM rust:{rust_version}-alpine AS builder" in rust_file
    go_target = re.search(r"go build .* \./(\w+)$", go_file, re.MULTILINE)
    rust_target = re.search(r"cargo build .*--bin (\w+)$", rust_file, re.MULTILINE)
    assert go_target and go_target[1] in go_examples()
    assert rust_target and rust_target[1] in rust_examples()
