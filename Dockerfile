# syntax=docker/dockerfile:1
#
# koers for CI publishing: the release binary — typst, fonts and templates compiled in — on a
# small Debian, with git (so that actions/checkout in a job container makes a real clone, which
# koers reads for the document date and the source commit). Nothing is downloaded at run time.
#
#   docker build -t koers .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/work" koers build-report
#
# .github/workflows/image.yml builds it for every v* tag and pushes ghcr.io/<owner>/koers.

# Build stage: compiles koers once per image (about 10 minutes on 2 cores).
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY . .
# The crates and the target directory are BuildKit caches, so a rebuild compiles only what changed;
# the binary is copied out of the cache in the same step.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin koers \
    && cp target/release/koers /usr/local/bin/koers

# Runtime stage: the binary and git, nothing else of the toolchain.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends git ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/koers /usr/local/bin/koers
# The data is mounted here: docker run -v "$PWD:/work".
WORKDIR /work
ENTRYPOINT ["koers"]
CMD ["build-report"]
