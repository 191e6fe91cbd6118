"""What a complete program's listing shows a reader: no region markers
(found by the convention, not by name), output apart from the code."""

from __future__ import annotations

from sphinx_versus.code_compare.programs import split_output, without_markers


def test_region_markers_are_the_conventions_not_a_list_of_names():
    program = (
        "use std::fmt;\n\n// [any-name]\n\n#[derive(Debug)]\nstruct A;\n"
        "// [/any-name]\n\n#[test]\nfn t() {}\n    // [inner]\n    let x = 1;\n"
        "    // [/inner]\n// [never-closed]\n"
    )
    shown = without_markers(program)
    assert "[any-name]" not in shown and "[/any-name]" not in shown
    assert "[inner]" not in shown and "[/inner]" not in shown
    # Attributes are code; a marker that is never closed is a comment.
    assert "#[derive(Debug)]" in shown and "#[test]" in shown
    assert "// [never-closed]" in shown
    assert "\n\n\n" not in shown
    python = "# [setup]\nx = 1\n# [/setup]\nprint(x)\n\n# Output:\n# 1\n#\n# 2\n"
    code, output = split_output(without_markers(python))
    assert code == "x = 1\nprint(x)\n"
    assert output == "1\n\n2\n"
    assert split_output("fn main() {}\n// just a comment\n") == (
        "fn main() {}\n// just a comment\n",
        None,
    )


def test_a_go_region_keeps_the_programs_own_blank_lines():
    # Go needs a blank line after an opening marker above a declaration, and
    # gofmt one before a closing marker: none of them doubles a blank line.
    program = (
        "// [user]\n\ntype User struct{}\n\n// [/user]\n\n// [get-user]\n\n"
        "// getUser returns one.\nfunc getUser() {}\n\n// [/get-user]\n\n"
        "func main() {}\n"
    )
    assert without_markers(program) == (
        "type User struct{}\n\n// getUser returns one.\nfunc getUser() {}\n\n"
        "func main() {}\n"
    )


def test_unordered_output_with_an_empty_line():
    code, output = split_output(
        "fn main() {}\n\n// Unordered output:\n// 2\n//\n// 4\n"
    )
    assert code == "fn main() {}\n"
    assert output == "2\n\n4\n"
