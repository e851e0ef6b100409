#!/bin/bash
# Entry point of the postgres:17 stand-in. What it honours, as the upstream image documents it:
#   - the command is `postgres [options]` (or options alone); anything else runs as given;
#   - started as root, it makes $PGDATA the postgres user's (uid 999) and drops to that user; started as
#     that user, it runs as it is;
#   - on an empty $PGDATA: POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust) becomes the
#     password of POSTGRES_USER (default postgres), POSTGRES_DB (default: the user's name) is created, and
#     /docker-entrypoint-initdb.d/*.sql, *.sql.gz and *.sh run once against a server that listens on its
#     Unix socket only (so pg_isready over TCP passes only once they have run);
#   - the server then listens on every address; TCP connections authenticate with a password
#     (scram-sha-256), local ones are trusted.
set -Eeuo pipefail

if [ "${1:0:1}" = '-' ]; then
	set -- postgres "$@"
fi
if [ "$1" != postgres ]; then
	exec "$@"
fi

if [ "$(id -u)" = 0 ]; then
	mkdir -p "$PGDATA"
	chown postgres:postgres "$PGDATA"
	chmod 0700 "$PGDATA"
	exec gosu postgres "$BASH_SOURCE" "$@"
fi

# started as the postgres user (Kubernetes' runAsUser): $PGDATA may be a directory of a fresh volume
mkdir -p "$PGDATA"
chmod 0700 "$PGDATA" 2> /dev/null || true

POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != trust ]; then
		echo 'Database is uninitialized and POSTGRES_PASSWORD is not set: set it (or POSTGRES_HOST_AUTH_METHOD=trust).' >&2
		exit 1
	fi
	pwfile=$(mktemp)
	printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$pwfile"
	initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
		--auth-local=trust --auth-host=scram-sha-256 -D "$PGDATA" ${POSTGRES_INITDB_ARGS:-}
	rm -f "$pwfile"
	method=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
	printf '\n# every address: the other containers connect over the container network\nhost all all all %s\n' \
		"$method" >> "$PGDATA/pg_hba.conf"
	printf "\nlisten_addresses = '*'\n" >> "$PGDATA/postgresql.conf"

	# the initialisation server: the Unix socket only, so nothing outside sees a half-made database
	pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
	psql=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
	if [ "$POSTGRES_DB" != postgres ]; then
		"${psql[@]}" --dbname postgres --set db="$POSTGRES_DB" <<-'SQL'
			CREATE DATABASE :"db";
		SQL
	fi
	for f in /docker-entrypoint-initdb.d/*; do
		case "$f" in
			*.sh) echo "running $f"; if [ -x "$f" ]; then "$f"; else . "$f"; fi ;;
			*.sql) echo "running $f"; "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
			*.sql.gz) echo "running $f"; gunzip -c "$f" | "${psql[@]}" --dbname "$POSTGRES_DB" ;;
			*) if [ -e "$f" ]; then echo "ignoring $f"; fi ;;
		esac
	done
	pg_ctl -D "$PGDATA" -m fast -w stop
	echo 'PostgreSQL init process complete; ready for start up.'
fi

exec "$@"
