#!/usr/bin/env bash
# Imports a product CSV (product_id,stock[,name]; header optional) of any size into a running Stockout Radar.
# The whole file is checked before anything is stored; progress shows in the application's log.
#   ops/import-products.sh products.csv [http://127.0.0.1:8080]
set -euo pipefail
file="${1:?usage: $0 FILE.csv [BASE_URL]}"
url="${2:-http://127.0.0.1:8080}"
curl --fail-with-body --silent --show-error -X POST -H 'Content-Type: text/csv' \
  --data-binary "@$file" "$url/inventory/import"
echo
