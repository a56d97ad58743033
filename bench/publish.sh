#!/usr/bin/env bash
# Benchmark: publish an 8-platform index by tag with multiarch and with `docker manifest create/push`, through a
# loopback proxy that adds 0, 10 and 50 ms per request and per new connection. Prints requests, connections,
# median seconds of 5 runs, and the speed ratio against docker manifest. Results also go to bench/results/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. bin/lib/require-tools.sh
require_tools docker-registry:docker-registry buildah:buildah docker:docker.io mvn:maven
mvn -B -q install -DskipTests
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -pl engine dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
mkdir -p bench/results
out="bench/results/publish-$(date -u +%Y%m%dT%H%M%SZ).txt"
java -cp "engine/target/test-classes:engine/target/classes:$(cat "$cp_file")" \
  io.jenkins.plugins.multiarch.engine.bench.PublishBenchmark "$root/bin/multiarch" | tee "$out"
rm -f "$cp_file"
echo "saved $out"
