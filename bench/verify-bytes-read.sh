#!/usr/bin/env bash
# Benchmark: bytes, time and memory of the binary check against pulling the image, on a local registry.
# Usage: bench/verify-bytes-read.sh [BOTTOM_LAYER_SIZE]   (default 1G; e.g. 256M for a quick run)
# Results: printed, and written to bench/results/ (git-ignored). Needs docker-registry, skopeo and /usr/bin/time
# (Debian packages docker-registry, skopeo, time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/bin/lib/require-tools.sh"
require_tools docker-registry:docker-registry skopeo:skopeo mvn:maven
[ -x /usr/bin/time ] || require_tools /usr/bin/time:time  # 'time' alone is the shell keyword
size="${1:-1G}"
# The CLI jar (for the 'multiarch verify' row), the engine's test classes (the driver) and the testkit (the registry
# and the image uploader), installed so that the engine's test classpath below finds this testkit.
mvn -B -q install -DskipTests
mvn -B -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="engine/target/test-classes:engine/target/classes:$(cat engine/target/bench-classpath.txt)"
exec java -Xmx512m -cp "$classpath" io.jenkins.plugins.multiarch.engine.bench.VerifyBytesReadBenchmark \
  "$root/bench/results" "$size" "$root"
