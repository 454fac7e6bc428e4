#!/usr/bin/env bash
# PostgreSQL (127.0.0.1:5432, trust auth, database "test") and Redis (127.0.0.1:6379) for the
# tests. Where they already run (this machine's kind starts them) nothing happens; elsewhere
# Debian's packages are installed when missing and throwaway servers start with their data in a
# temporary folder, so the PostgreSQL and Redis tests run instead of being skipped.
set -euo pipefail
PGPORT=${PGPORT:-5432}
REDISPORT=${REDISPORT:-6379}

pg_up() { (exec 3<>/dev/tcp/127.0.0.1/$PGPORT) 2>/dev/null; }
redis_up() { (exec 3<>/dev/tcp/127.0.0.1/$REDISPORT) 2>/dev/null; }

install() {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! pg_up; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || install postgresql
  bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  dir=$(mktemp -d /tmp/priorities-pg.XXXXXX)
  chown postgres "$dir"
  su postgres -c "$bin/initdb -D $dir/data -A trust -U postgres >/dev/null"
  su postgres -c "$bin/pg_ctl -D $dir/data -l $dir/log -w start \
    -o '-p $PGPORT -k $dir -c listen_addresses=127.0.0.1'" >/dev/null
  su postgres -c "$bin/createdb -h 127.0.0.1 -p $PGPORT test"
  echo "started a throwaway PostgreSQL in $dir"
fi

if ! redis_up; then
  command -v redis-server >/dev/null || install redis-server
  dir=$(mktemp -d /tmp/priorities-redis.XXXXXX)
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDISPORT" --save "" \
    --appendonly no --dir "$dir" --logfile "$dir/log"
  for _ in $(seq 50); do redis_up && break; sleep 0.1; done
  echo "started a throwaway Redis in $dir"
fi
