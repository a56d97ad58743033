#!/usr/bin/env bash
# Benchmark: publish an 8-platform index by tag with multiarch and with `docker manifest create/push`, through a
# loopback proxy that adds 0, 10 and 50 ms per request and per new connection. Prints requests, connections,
# median seconds of 5 runs, and the speed ratio against docker manifest. Results also go to bench/results/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. bin/lib/require-tools.sh
require_tools docker-registry:docker-registry buildah:buildah docker:docker.io mvn:maven
# Built like bin/bench: the reactor packages the jar and the test classes and writes the class path in the same
# build, so nothing is installed into ~/.m2 (the testkit's classes come from its target/ directory).
cp_file="$root/engine/target/bench-classpath.txt"
mvn -B -q -DskipTests package dependency:build-classpath -pl engine,cli -am -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" >/dev/null
mkdir -p bench/results
out="bench/results/publish-$(date -u +%Y%m%dT%H%M%SZ).txt"
java -cp "engine/target/test-classes:engine/target/classes:testkit/target/classes:$(cat "$cp_file")" \
  io.jenkins.plugins.multiarch.engine.bench.PublishBenchmark "$root/bin/multiarch" | tee "$out"
echo "saved $out"
