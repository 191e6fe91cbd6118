"""Toolchain layer: Go, Rust, LaTeX/PDF, npx, the wheel matrix, make measure."""
