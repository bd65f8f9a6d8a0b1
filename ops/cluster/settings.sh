# The local sample cluster's settings, shared by ops/start-node.sh and ops/start-app-client.sh (sourced, not run).
# Each is an option, else its environment variable, else the sample's value; ops/cluster/*.yml read them from the
# environment this exports (the database password never goes on a command line, where ps would show it).
export RADAR_DB_URL="${RADAR_DB_URL:-jdbc:postgresql://127.0.0.1:5432/stockout_radar}"
export RADAR_DB_USER="${RADAR_DB_USER:-radar}"
export RADAR_DB_PASSWORD="${RADAR_DB_PASSWORD:-radar}"
RADAR_NODES="${RADAR_NODES:-3}"
RADAR_DISCOVERY_PORT="${RADAR_DISCOVERY_PORT:-47600}"
RADAR_COMMUNICATION_PORT="${RADAR_COMMUNICATION_PORT:-47700}"
RADAR_SQL_PORT="${RADAR_SQL_PORT:-10810}"
RADAR_HTTP_PORT="${RADAR_HTTP_PORT:-8080}"

settings_help() {
  cat <<HELP
Options (or environment variables), defaults are the sample's:
  --db-url=URL            RADAR_DB_URL             PostgreSQL, JDBC form ($RADAR_DB_URL)
  --db-user=NAME          RADAR_DB_USER            its user ($RADAR_DB_USER)
  --db-password=PASSWORD  RADAR_DB_PASSWORD        its password (radar; the variable keeps it out of ps)
  --nodes=N               RADAR_NODES              server nodes of the cluster: the seeds, and how many a new
                                                   cluster waits for before its first activation ($RADAR_NODES)
  --discovery-port=PORT   RADAR_DISCOVERY_PORT     node N's discovery port is PORT + N - 1 ($RADAR_DISCOVERY_PORT)
  --communication-port=P  RADAR_COMMUNICATION_PORT node N's is P + N - 1 ($RADAR_COMMUNICATION_PORT)
  --sql-port=PORT         RADAR_SQL_PORT           node N's thin-client/JDBC port is PORT + N - 1 ($RADAR_SQL_PORT)
  --seeds=LIST            RADAR_SEEDS              the nodes' discovery addresses, which every node and the
                                                   application list (127.0.0.1:DISCOVERY_PORT..DISCOVERY_PORT+N-1)
  --http-port=PORT        RADAR_HTTP_PORT          the web application's HTTP port ($RADAR_HTTP_PORT)
Every node and the application also need RADAR_CLUSTER_SECRET (the same everywhere) and the users' bcrypt hashes
RADAR_ADMIN_BCRYPT and RADAR_ANALYST_BCRYPT; the application needs RADAR_INGEST_KEY, the shop's API key.
HELP
}

# Reads the options above from "$@" into the variables; what is left (e.g. the node number) goes to ARGS. --help
# prints the calling script's usage (its function usage) and these options.
settings_parse() {
  ARGS=()
  local arg
  for arg in "$@"; do
    case "$arg" in
      -h|--help) usage; settings_help; exit 0 ;;
      --db-url=*) RADAR_DB_URL="${arg#*=}" ;;
      --db-user=*) RADAR_DB_USER="${arg#*=}" ;;
      --db-password=*) RADAR_DB_PASSWORD="${arg#*=}" ;;
      --nodes=*) RADAR_NODES="${arg#*=}" ;;
      --discovery-port=*) RADAR_DISCOVERY_PORT="${arg#*=}" ;;
      --communication-port=*) RADAR_COMMUNICATION_PORT="${arg#*=}" ;;
      --sql-port=*) RADAR_SQL_PORT="${arg#*=}" ;;
      --seeds=*) RADAR_SEEDS="${arg#*=}" ;;
      --http-port=*) RADAR_HTTP_PORT="${arg#*=}" ;;
      -*) echo "$0: unknown option $arg (--help lists them)" >&2; exit 2 ;;
      *) ARGS+=("$arg") ;;
    esac
  done
}

# After parsing: the seeds follow the discovery port and node count unless given; the variables the YAML reads.
settings_export() {
  export RADAR_SEEDS="${RADAR_SEEDS:-127.0.0.1:${RADAR_DISCOVERY_PORT}..$((RADAR_DISCOVERY_PORT + RADAR_NODES - 1))}"
  export RADAR_NODES
  local missing=() name
  for name in RADAR_CLUSTER_SECRET RADAR_ADMIN_BCRYPT RADAR_ANALYST_BCRYPT "$@"; do
    [[ -n "${!name:-}" ]] || missing+=("$name")
  done
  if (( ${#missing[@]} )); then
    echo "$0: set ${missing[*]} (see ops/start-node.sh --help and the README's \"Growing past one machine\")" >&2
    exit 2
  fi
}
