# The Go HTTP sample (snippets/go/http) as a container image.
# Build from the repository root:
#   docker build -f snippets/docker/go.Dockerfile -t versus-go snippets/go
#   docker run --rm -p 8080:8080 versus-go
# Not verified by the test suite (no container engine): see snippets/UNVERIFIED.toml.

# Stage 1: the full Go toolchain, at the version go.mod asks for.
FROM golang:1.26-alpine AS builder
WORKDIR /src
# The samples use only the standard library, so go.mod is the whole manifest
# (no go.sum); copying it first keeps this layer cached across code edits.
COPY go.mod ./
RUN go mod download
COPY . .
# CGO_ENABLED=0: a fully static binary that runs on any Linux base image.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./http

# Stage 2: only the binary, on a small base image.
FROM alpine:3.22
COPY --from=builder /out/server /usr/local/bin/server
USER nobody
# Listen on all interfaces inside the container; the sample defaults to
# 127.0.0.1, which would be unreachable through a published port.
ENV HOST=0.0.0.0 PORT=8080
EXPOSE 8080
CMD ["/usr/local/bin/server"]
