#!/usr/bin/env bash
# Starts grid server node N (1, 2, 3, ...) of the local sample cluster, configured by ops/cluster/node.yml.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() {
  cat <<USAGE
Usage: ops/start-node.sh [N] [options]   (N: 1 by default)
Starts grid server node N of the local sample cluster in the foreground, its data under data/node-N. Build first:
./mvnw -B -DskipTests package. Start nodes 1 to --nodes, each in its own terminal; the new cluster is activated once
all are up. A node joins only the seeds below, so another instance on this machine is never joined.
USAGE
}
source ops/cluster/settings.sh
settings_parse "$@"
settings_export
node="${ARGS[0]:-1}"
jar=$(ls grid-node/target/grid-node-*-exec.jar)
mkdir -p "data/node-$node"
# Heap for queries and HTTP; the data lives on disk under data/node-N, its pages in use in the data region.
# The jar's manifest carries the --add-opens Ignite needs on Java 17.
RADAR_NODE="$node" exec java -Xms1g -Xmx1g -XX:+UseG1GC -XX:+AlwaysPreTouch -Djava.net.preferIPv4Stack=true \
  -jar "$jar" --spring.config.additional-location=file:ops/cluster/node.yml \
  --radar.grid.discovery-port=$((RADAR_DISCOVERY_PORT + node - 1)) \
  --radar.grid.communication-port=$((RADAR_COMMUNICATION_PORT + node - 1)) \
  --radar.grid.client-connector-port=$((RADAR_SQL_PORT + node - 1))
