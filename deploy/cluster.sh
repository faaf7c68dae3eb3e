#!/usr/bin/env bash
# A loopback cluster of the viewer on this one machine, from the OS's own packages:
#
#   PostgreSQL primary  127.0.0.1:5440   (initdb in $PLANVIEW_CLUSTER_DIR/pg/primary)
#   streaming replica   127.0.0.1:5441   (pg_basebackup of the primary, a replication slot, hot standby)
#   two servers         127.0.0.1:7500, 7501  (writes to the primary, reads from the replica)
#   nginx               127.0.0.1:7510   (balances the two, retries a failed GET on the other, caches)
#
# Usage: deploy/cluster.sh up | down | status | destroy
#        deploy/cluster.sh kill-server N | start-server N | stop-replica | start-replica   (fault drills)
# ./planview cluster … builds the jar first and calls this script. Nothing here touches the
# machine's own PostgreSQL clusters: the two clusters are plain data directories of their own,
# run by pg_ctl as the postgres user. Everything lives in $PLANVIEW_CLUSTER_DIR
# (/var/tmp/planview-cluster): data, logs, the nginx configuration and cache, generated secrets.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${PLANVIEW_CLUSTER_DIR:-/var/tmp/planview-cluster}
JAR=${PLANVIEW_JAR:-$ROOT/target/planview.jar}
PG_VERSION=${PLANVIEW_CLUSTER_PG_VERSION:-15}
PGBIN=/usr/lib/postgresql/$PG_VERSION/bin
PRIMARY_PORT=5440
REPLICA_PORT=5441
SERVER_PORTS=(7500 7501)
NGINX_PORT=7510
# Synthetic parcels the first server start generates (the demo's 4000 by default).
PARCELS=${PLANVIEW_CLUSTER_PARCELS:-4000}

say() { printf '\033[1mcluster:\033[0m %s\n' "$*" >&2; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (it starts PostgreSQL as the postgres user and nginx)"
as_postgres() { (cd / && runuser -u postgres -- "$@"); }
pg_ctl_as() { as_postgres "$PGBIN/pg_ctl" "$@"; }
psql_primary() { as_postgres psql -h "$DIR/run" -p "$PRIMARY_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_replica() { as_postgres psql -h "$DIR/run" -p "$REPLICA_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
running_pg() { [ -f "$DIR/pg/$1/postmaster.pid" ] && pg_ctl_as -D "$DIR/pg/$1" status >/dev/null 2>&1; }

secret() {   # $1 = file name under secrets/: made once, 32 random letters and digits
  local f="$DIR/secrets/$1"
  if [ ! -s "$f" ]; then (umask 077; head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 > "$f"); fi
  cat "$f"
}

layout() {
  mkdir -p "$DIR/pg" "$DIR/run" "$DIR/logs" "$DIR/secrets" "$DIR/nginx/cache" "$DIR/nginx/temp" "$DIR/work"
  chmod 700 "$DIR/secrets"
  chown postgres:postgres "$DIR/pg" "$DIR/run"
  chown -R www-data "$DIR/nginx/cache" "$DIR/nginx/temp"
  touch "$DIR/logs/primary.log" "$DIR/logs/replica.log"
  chown postgres "$DIR/logs/primary.log" "$DIR/logs/replica.log"
}

# ------------------------------------------------------------------ PostgreSQL
primary_init() {
  [ -s "$DIR/pg/primary/PG_VERSION" ] && return 0
  say "initdb: the primary in $DIR/pg/primary (port $PRIMARY_PORT)"
  as_postgres "$PGBIN/initdb" -D "$DIR/pg/primary" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  cat >> "$DIR/pg/primary/postgresql.conf" <<EOF
# --- planview loopback cluster: the primary
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR/run'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
# A standby whose queries would be cancelled by the primary's vacuum asks it to wait instead.
hot_standby = on
hot_standby_feedback = on
shared_buffers = 128MB
max_connections = 120
# Backups with point-in-time recovery (docs/deploy.md) archive every WAL segment here.
archive_mode = on
archive_command = 'test ! -f $DIR/pg/wal-archive/%f && cp %p $DIR/pg/wal-archive/%f'
EOF
  as_postgres mkdir -p "$DIR/pg/wal-archive"
  cat >> "$DIR/pg/primary/pg_hba.conf" <<EOF
# --- planview loopback cluster
host replication replicator 127.0.0.1/32 scram-sha-256
EOF
}

primary_start() {
  running_pg primary && return 0
  say "starting the primary"
  pg_ctl_as -D "$DIR/pg/primary" -l "$DIR/logs/primary.log" -w start >/dev/null
}

primary_provision() {
  local pw rpw; pw=$(secret db-password); rpw=$(secret replication-password)
  psql_primary >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planview') THEN CREATE ROLE planview LOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'replicator') THEN CREATE ROLE replicator LOGIN REPLICATION; END IF;
END \$\$;
\set pw '$pw'
\set rpw '$rpw'
ALTER ROLE planview PASSWORD :'pw';
ALTER ROLE replicator PASSWORD :'rpw';
SQL
  if [ "$(psql_primary -c "select 1 from pg_database where datname = 'planview'")" != 1 ]; then
    psql_primary -c "create database planview owner planview encoding 'UTF8' template template0" >/dev/null
  fi
  psql_primary -d planview -c "create extension if not exists postgis" >/dev/null
  psql_primary -d planview < "$ROOT/src/main/resources/db/superuser/seal-audit-trail.sql" >/dev/null
}

replica_init() {
  [ -s "$DIR/pg/replica/PG_VERSION" ] && return 0
  say "pg_basebackup: the replica in $DIR/pg/replica (port $REPLICA_PORT), streaming from the primary through slot replica_1"
  local rpw; rpw=$(secret replication-password)
  # -R writes primary_conninfo and standby.signal; -C -S a slot, so the primary keeps the WAL the
  # replica has not received yet however long it is away.
  as_postgres env PGPASSWORD="$rpw" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U replicator \
    -D "$DIR/pg/replica" -R -X stream -C -S replica_1 --checkpoint=fast
  cat >> "$DIR/pg/replica/postgresql.conf" <<EOF
# --- planview loopback cluster: the replica (the rest copied from the primary)
port = $REPLICA_PORT
archive_mode = off
EOF
}

replica_start() {
  running_pg replica && return 0
  say "starting the replica"
  pg_ctl_as -D "$DIR/pg/replica" -l "$DIR/logs/replica.log" -w start >/dev/null
}

replica_stop() {
  running_pg replica || return 0
  say "stopping the replica (fast: its sessions are cut, as in a crash of the host)"
  pg_ctl_as -D "$DIR/pg/replica" -m fast -w stop >/dev/null
}

# ------------------------------------------------------------------ servers
server_start() {   # $1 = 1 or 2
  local n=$1 port=${SERVER_PORTS[$(( $1 - 1 ))]} pid_file="$DIR/run/server-$1.pid" own_jar="$DIR/run/planview-$1.jar"
  [ -f "$JAR" ] || die "no $JAR: build it first (./planview cluster up does)"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    cmp -s "$JAR" "$own_jar" && return 0
    # A new build: this server is replaced while nginx sends its requests to the other one.
    say "server $n runs an older build: restarting it"
    server_kill "$n" TERM
  fi
  local pw; pw=$(secret db-password)
  say "starting server $n on port $port"
  (
    cd "$ROOT"
    # The server's own copy of the jar: a rebuild in the checkout must not pull it from under it.
    cp -f "$JAR" "$own_jar"
    export DATABASE_URL="postgresql://planview:$pw@127.0.0.1:$PRIMARY_PORT/planview"
    export PLANVIEW_READ_DATABASE_URLS="postgresql://planview:$pw@127.0.0.1:$REPLICA_PORT/planview"
    export PLANVIEW_PORT=$port PLANVIEW_HOST=127.0.0.1
    export PLANVIEW_EDITOR_TOKENS; PLANVIEW_EDITOR_TOKENS=$(secret editor-token)
    export PLANVIEW_PARCELS=$PARCELS
    export PLANVIEW_EXCHANGE_DIR="$DIR/work/server-$n"
    export PLANVIEW_GIS_DATA="$ROOT/gis-data" PLANVIEW_WEB_DIR="$ROOT/web/dist"
    unset PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD
    setsid java -Xmx384m -XX:+UseSerialGC -jar "$own_jar" >> "$DIR/logs/server-$n.log" 2>&1 &
    echo $! > "$pid_file"
  )
  for _ in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$pid_file")" 2>/dev/null || { tail -20 "$DIR/logs/server-$n.log" >&2; die "server $n did not start"; }
    sleep 0.1
  done
  die "server $n did not answer /health in 120 s (log: $DIR/logs/server-$n.log)"
}

server_kill() {   # $1 = n, $2 = signal
  local pid_file="$DIR/run/server-$1.pid"
  [ -f "$pid_file" ] || return 0
  local pid; pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$2" "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pid_file"
}

# ------------------------------------------------------------------ nginx
nginx_conf() {
  cat > "$DIR/nginx/nginx.conf" <<EOF
# Written by deploy/cluster.sh; the production version of this file is in docs/deploy.md.
user www-data;
worker_processes 1;
pid $DIR/run/nginx.pid;
error_log $DIR/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
    log_format cluster '\$time_iso8601 "\$request" \$status \$body_bytes_sent cache=\$upstream_cache_status '
                       'upstream=\$upstream_addr upstream_status=\$upstream_status \${request_time}s';
    access_log $DIR/logs/nginx-access.log cluster;
    client_body_temp_path $DIR/nginx/temp/body;
    proxy_temp_path $DIR/nginx/temp/proxy;
    fastcgi_temp_path $DIR/nginx/temp/fastcgi;
    uwsgi_temp_path $DIR/nginx/temp/uwsgi;
    scgi_temp_path $DIR/nginx/temp/scgi;

    # Tiles and pages of public collections, for as long as their Cache-Control allows (60 s);
    # revalidated by ETag after that. Nothing private, no-store or with Set-Cookie is stored.
    proxy_cache_path $DIR/nginx/cache levels=1:2 keys_zone=planview:20m max_size=1g inactive=10m use_temp_path=off;

    # max_fails=0: a failed attempt never takes a server out. A replica stopping fails the reads
    # running on it on both servers at once (503); counted as failures, they took both servers
    # out together and nginx answered 502 "no live upstreams" for the fail_timeout. Each request
    # is retried on the other server instead (a dead one refuses at once, so this costs nothing).
    upstream planview {
        server 127.0.0.1:${SERVER_PORTS[0]} max_fails=0;
        server 127.0.0.1:${SERVER_PORTS[1]} max_fails=0;
        keepalive 32;
    }

    # Whoever is signed in, or has just written (read-your-writes), goes past the cache.
    map "\$http_authorization\$cookie_planview_session\$cookie_planview_lsn\$http_planview_lsn" \$personal {
        ""      0;
        default 1;
    }

    server {
        listen 127.0.0.1:$NGINX_PORT;
        client_max_body_size 300m;

        location / {
            proxy_pass http://planview;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_connect_timeout 2s;
            proxy_read_timeout 300s;
            proxy_send_timeout 300s;
            proxy_request_buffering off;

            # A server that is gone (refused, reset) or answers 502-504 while it stops: the request
            # goes to the other one. Only GET and HEAD are retried (no non_idempotent): an import is
            # never sent twice.
            proxy_next_upstream error timeout http_502 http_503 http_504;
            proxy_next_upstream_tries 3;

            proxy_cache planview;
            proxy_cache_revalidate on;
            proxy_cache_lock on;
            proxy_cache_bypass \$personal;
            proxy_no_cache \$personal;
            proxy_cache_use_stale error timeout updating http_502 http_503 http_504;
            add_header X-Cache-Status \$upstream_cache_status always;
        }
    }
}
EOF
}

nginx_start() {
  nginx_conf
  nginx -t -q -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" 2>&1 | grep -v "^$" >&2 || true
  if [ -f "$DIR/run/nginx.pid" ] && kill -0 "$(cat "$DIR/run/nginx.pid")" 2>/dev/null; then
    nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" -s reload
  else
    say "starting nginx on port $NGINX_PORT"
    nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx"
  fi
}

nginx_stop() {
  [ -f "$DIR/run/nginx.pid" ] || return 0
  nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" -s quit 2>/dev/null || true
  for _ in $(seq 1 50); do [ -f "$DIR/run/nginx.pid" ] || break; sleep 0.1; done
}

# ------------------------------------------------------------------ commands
cmd_up() {
  command -v nginx >/dev/null || die "nginx is not installed (apt-get install nginx-light)"
  [ -x "$PGBIN/initdb" ] || die "PostgreSQL $PG_VERSION is not installed"
  layout
  primary_init
  primary_start
  primary_provision
  replica_init
  replica_start
  # The first server loads gis-data and the parcels; the second finds them there.
  server_start 1
  server_start 2
  nginx_start
  cmd_status
  say "up: http://127.0.0.1:$NGINX_PORT/ (editor token: $DIR/secrets/editor-token)"
}

cmd_down() {
  nginx_stop
  server_kill 1 TERM
  server_kill 2 TERM
  replica_stop
  if running_pg primary; then say "stopping the primary"; pg_ctl_as -D "$DIR/pg/primary" -m fast -w stop >/dev/null; fi
  say "down (data kept in $DIR; 'destroy' removes it)"
}

cmd_status() {
  local state
  for c in primary replica; do
    if running_pg "$c"; then state=running; else state=stopped; fi
    printf '%-10s %s\n' "$c" "$state"
  done
  if running_pg primary; then
    psql_primary -c "select 'replication ' || application_name || ' ' || state || ' replay_lag=' || coalesce(replay_lag::text, '0')
                       || ' behind_bytes=' || pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) from pg_stat_replication" || true
  fi
  for n in 1 2; do
    printf 'server %s   %s\n' "$n" "$(health "http://127.0.0.1:${SERVER_PORTS[$(( n - 1 ))]}/health")"
  done
  printf 'nginx      %s\n' "$(health "http://127.0.0.1:$NGINX_PORT/health")"
}

health() {   # $1 = URL: the HTTP status of /health, or "down"
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || true)
  if [ -z "$code" ] || [ "$code" = 000 ]; then echo down; else echo "$code"; fi
}

case "${1:-}" in
  up)            cmd_up ;;
  down)          cmd_down ;;
  status)        cmd_status ;;
  destroy)       cmd_down; rm -rf "$DIR"; say "removed $DIR" ;;
  kill-server)   server_kill "${2:?server number}" KILL ;;
  start-server)  server_start "${2:?server number}" ;;
  stop-replica)  replica_stop ;;
  start-replica) replica_start ;;
  *) die "usage: deploy/cluster.sh up | down | status | destroy | kill-server N | start-server N | stop-replica | start-replica" ;;
esac
