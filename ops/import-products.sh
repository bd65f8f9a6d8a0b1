#!/usr/bin/env bash
# Imports a product CSV (product_id,stock[,name]; header optional) of any size into a running Stockout Radar.
# The whole file is checked before anything is stored; progress shows in the application's log.
#   RADAR_USER=admin RADAR_PASSWORD=... ops/import-products.sh products.csv [http://127.0.0.1:8080]
# Signs in as RADAR_USER with RADAR_PASSWORD (a user with INVENTORY or ADMIN), or with RADAR_API_KEY (a key with
# INVENTORY) when that is set. Over HTTPS with a self-signed certificate: CURL_CA_BUNDLE=radar-https.pem.
set -euo pipefail
file="${1:?usage: $0 FILE.csv [BASE_URL]}"
url="${2:-http://127.0.0.1:8080}"
quoted() { local text="${1//\\/\\\\}"; printf '"%s"' "${text//\"/\\\"}"; }   # for curl's config syntax
if [[ -n "${RADAR_API_KEY:-}" ]]; then
  credentials="header = $(quoted "Authorization: Bearer ${RADAR_API_KEY}")"
elif [[ -n "${RADAR_USER:-}" && -n "${RADAR_PASSWORD:-}" ]]; then
  credentials="user = $(quoted "${RADAR_USER}:${RADAR_PASSWORD}")"
else
  echo "$0: set RADAR_USER and RADAR_PASSWORD (or RADAR_API_KEY); a new installation prints its admin password" \
       "once, in its start banner" >&2
  exit 2
fi
# the credentials go to curl on stdin, never on a command line that ps would show
curl --config - --fail-with-body --silent --show-error -X POST -H 'Content-Type: text/csv' \
  --data-binary "@$file" "$url/inventory/import" <<< "$credentials"
echo
