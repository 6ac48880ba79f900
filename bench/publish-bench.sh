#!/bin/sh
# Publish benchmark: crates:publish vs `cargo publish --workspace`, same registry kind, same run.
# 24 generated crates in 4 levels, embedded registry with a 2 s index lag, verification on in both.
# Prints both times and the ratio (also in target/bench/publish-bench.txt); exits non-zero when ours > 0.5 x cargo's.
set -e
cd "$(dirname "$0")/.."
exec ./mvnw -q -B test -Dtest=PublishBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.printSummary=false "$@"
