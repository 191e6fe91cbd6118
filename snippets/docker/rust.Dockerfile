# The Rust HTTP sample (snippets/rust/src/bin/http.rs) as a container image.
# Build from the repository root:
#   docker build -f snippets/docker/rust.Dockerfile -t versus-rust snippets/rust
#   docker run --rm -p 8080:8080 versus-rust
# Not verified by the test suite (no container engine): see snippets/UNVERIFIED.toml.

# Stage 1: the Rust toolchain, at the version Cargo.toml's rust-version names.
# On Alpine the target is musl, and the binary is linked fully statically.
FROM rust:1.95-alpine AS builder
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
# --locked: exactly the dependency versions in the committed Cargo.lock.
RUN cargo build --release --locked --bin http
# The binary where the Go image puts its own, so both share stage 2.
RUN install -D target/release/http /out/server

# Stage 2: only the binary, on a small base image.
FROM alpine:3.22
COPY --from=builder /out/server /usr/local/bin/server
USER nobody
# Listen on all interfaces inside the container; the sample defaults to
# 127.0.0.1, which would be unreachable through a published port.
ENV HOST=0.0.0.0 PORT=8080
EXPOSE 8080
CMD ["/usr/local/bin/server"]
