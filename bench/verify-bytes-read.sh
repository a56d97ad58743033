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
# and the image uploader), built like bin/bench: package and the class path in one reactor build, nothing installed
# into ~/.m2 (the testkit's classes come from its target/ directory, ahead of any installed copy).
cp_file="$root/engine/target/bench-classpath.txt"
mvn -B -q -DskipTests package dependency:build-classpath -pl engine,cli -am -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" >/dev/null
classpath="engine/target/test-classes:engine/target/classes:testkit/target/classes:$(cat "$cp_file")"
exec java -Xmx512m -cp "$classpath" io.jenkins.plugins.multiarch.engine.bench.VerifyBytesReadBenchmark \
  "$root/bench/results" "$size" "$root"
