#!/usr/bin/env bash
# Starts the web application as a client of the local sample cluster (ops/cluster/app-client.yml).
set -euo pipefail
cd "$(dirname "$0")/.."
usage() {
  cat <<USAGE
Usage: ops/start-app-client.sh [options]
Starts the web application in the foreground as a thick client of the sample cluster's server nodes
(ops/start-node.sh), which it finds at the seeds below; it holds no data. Build first: ./mvnw -B -DskipTests package.
USAGE
}
source ops/cluster/settings.sh
settings_parse "$@"
settings_export RADAR_INGEST_KEY
exec java -Xms512m -Xmx1g -Djava.net.preferIPv4Stack=true -jar web-dashboard/target/stockout-radar.jar \
  --spring.config.additional-location=file:ops/cluster/app-client.yml --server.port="$RADAR_HTTP_PORT"
