#!/usr/bin/env bash
# Starts the web application as a client of the local sample cluster (ops/cluster/app-client.yml).
# It needs the nodes' RADAR_CLUSTER_SECRET and RADAR_ANALYST_BCRYPT (see ops/start-node.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -Xms512m -Xmx1g -Djava.net.preferIPv4Stack=true -jar web-dashboard/target/stockout-radar.jar \
  --spring.config.additional-location=file:ops/cluster/app-client.yml
