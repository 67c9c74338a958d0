# syntax=docker/dockerfile:1
# LSG Atlas API: a static Go binary in a distroless image that runs as a non-root user.
# Build: docker build -t lsgatlas .    Run: see docker-compose.yml (Neo4j + API).

# Build stage. The Go version must satisfy go.mod ("go 1.26.x"); the module and build
# caches are BuildKit cache mounts, so rebuilds after a source change skip the downloads.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
# CGO off: the binary is static and needs nothing from the final image but CA certificates
# (for neo4j+s://), which distroless/static carries. The seed dataset and the Cypher
# statements are embedded in the binary with go:embed.
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/lsgatlas .

# Final stage: no shell, no package manager, uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/lsgatlas /usr/local/bin/lsgatlas
USER nonroot:nonroot
ENV ADDR=:8080
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/lsgatlas"]
