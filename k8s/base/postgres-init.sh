#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d).
# One database per service, owned by a login role of the same name (docs/architecture.md): the service's
# Flyway migrations run as that role, and cdc-relay reads the database's WAL as that role too, hence
# REPLICATION. The passwords come from the Secrets the StatefulSet maps into the environment; psql quotes
# them (:'password'), so no value is ever pasted into SQL text. A password changed in a Secret later is
# not applied to the role: this script does not run again on an initialised volume.
set -euo pipefail

create_service_database() {
  local role="$1" password="$2"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=role="$role" --set=password="$password" <<'SQL'
CREATE ROLE :"role" WITH LOGIN REPLICATION PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
-- no service reads another's tables: only the owner (and the superuser) may connect
REVOKE CONNECT, TEMPORARY ON DATABASE :"role" FROM PUBLIC;
SQL
}

create_service_database consumer_service "$CONSUMER_SERVICE_DB_PASSWORD"
create_service_database order_service "$ORDER_SERVICE_DB_PASSWORD"
create_service_database kitchen_service "$KITCHEN_SERVICE_DB_PASSWORD"
