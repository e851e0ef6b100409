-- Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d).
-- One database per service, owned by a login role of the same name (docs/architecture.md, as the dev stack
-- creates them): the service's Flyway migrations run as that role, and cdc-relay reads the database's
-- WAL as that role too, hence REPLICATION. The passwords equal the role names, which are the defaults
-- in the services' and the relay's application.yml: this database is reachable only on the compose
-- network, never published on the host.

CREATE ROLE consumer_service WITH LOGIN REPLICATION PASSWORD 'consumer_service';
CREATE DATABASE consumer_service OWNER consumer_service;

CREATE ROLE order_service WITH LOGIN REPLICATION PASSWORD 'order_service';
CREATE DATABASE order_service OWNER order_service;

CREATE ROLE kitchen_service WITH LOGIN REPLICATION PASSWORD 'kitchen_service';
CREATE DATABASE kitchen_service OWNER kitchen_service;

-- No service reads another's tables: only the owner (and the superuser) may connect to a database.
REVOKE CONNECT, TEMPORARY ON DATABASE consumer_service FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE order_service FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE kitchen_service FROM PUBLIC;
