#!/usr/bin/env bash
# Starts grid server node N (1, 2, 3, ...) of the local sample cluster, configured by ops/cluster/node.yml.
# Build first: ./mvnw -B -DskipTests package
# Every node and the application need the same RADAR_CLUSTER_SECRET (a node with another one is refused), and
# RADAR_ANALYST_BCRYPT, the analysts' password hash (see ops/cluster/node.yml).
set -euo pipefail
cd "$(dirname "$0")/.."
node="${1:-1}"
jar=$(ls grid-node/target/grid-node-*-exec.jar)
mkdir -p "data/node-$node"
# Heap for queries and HTTP; the data lives on disk under data/node-N, its pages in use in the data region.
# The jar's manifest carries the --add-opens Ignite needs on Java 17.
RADAR_NODE="$node" exec java -Xms1g -Xmx1g -XX:+UseG1GC -XX:+AlwaysPreTouch -Djava.net.preferIPv4Stack=true \
  -jar "$jar" --spring.config.additional-location=file:ops/cluster/node.yml
