"""The check for comparative words that did not come from the data."""

from __future__ import annotations

from tests.prose_checks import hand_written_comparisons

PAGE = """
<html><body><nav>Rust is 9× faster (menu text, not content)</nav>
<main>
<p>Rust is <span class="versus-ratio"><span class="versus-nowrap">
4.7×\u00a0faster</span> than Go</span> at JSON decoding.</p>
<p>Compile: Go builds 15x faster than Rust.</p>
<p>HTTP is 2 times quicker; search shows no measurable difference.</p>
<p>The article claims Rust is 2–3× faster.</p>
<table class="versus-benchmark-table"><tr><td>1.6× smaller</td></tr></table>
<pre>let x = 2x; // faster</pre>
<p>Version 1.26.8, a 64-bit build, 0x10, Go 1.26 and the 3rd run.</p>
<blockquote class="claim"><p>Go is faster to compile.</p></blockquote>
</main></body></html>
"""


def test_finds_what_the_writer_typed_and_nothing_generated():
    found = hand_written_comparisons(PAGE)
    assert [f.match for f in found] == [
        "15x",
        "faster",
        "2 times",
        "quicker",
        "no measurable difference",
        "2–3×",
        "faster",
        "faster",
    ]
    assert found[0].context.startswith("Compile: Go builds 15x faster")


def test_a_caller_may_leave_out_attributed_claims():
    found = hand_written_comparisons(PAGE, skip_classes=frozenset({"claim"}))
    assert [f.context for f in found].count("Go is faster to compile.") == 0
    assert len(found) == 7


def test_generated_output_alone_passes():
    page = (
        '<main><p>JSON: <span class="versus-ratio">Rust 4.7×\u00a0faster '
        "(95\u00a0%\u00a0CI\u00a04.5–4.9×)</span>.</p></main>"
    )
    assert hand_written_comparisons(page) == []
