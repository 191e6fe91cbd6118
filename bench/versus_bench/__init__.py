"""``make measure``: the Go-versus-Rust workloads, measured in independent
rounds whose raw samples are kept, and the report that turns them into
``docs/data/measured.csv`` (issue #22; see bench/README.md).

The measuring side (everything but :mod:`versus_bench.report`) uses the
standard library only, so it runs from a fresh clone with Python, Go, Rust,
wrk, hyperfine and taskset; the report needs scipy (the ``test`` extra).
"""
