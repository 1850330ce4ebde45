#!/usr/bin/env bash
# A Docker engine and the images Newsline's container tests need, on a machine where no engine runs and no
# image registry is reachable (everything is built from Debian packages). Used by CI and by developers:
#
#   eval "$(scripts/docker-env.sh up)"   an engine that answers (starts dockerd if none does); prints the
#                                        DOCKER_HOST to export (and NEWSLINE_DOCKERD_STARTED=1 if it started one,
#                                        TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 for its own engine)
#   scripts/docker-env.sh rootfs         only the cached Debian root filesystems (no engine needed)
#   scripts/docker-env.sh images         the local images (needs the jars: ./mvnw -q -DskipTests package):
#                                          newsline/jre-base:bookworm-17     Debian bookworm + OpenJDK 17 JRE
#                                          newsline/postgresql-base:bookworm-15  Debian bookworm + PostgreSQL 15
#                                          newsline/postgres-local:15        the official image's interface on it
#                                          newsline/kafka-local:ci           `newsctl broker` on it
#                                          newsline/{ingest,extract,store}-service:ci   (Dockerfile.prebuilt)
#   scripts/docker-env.sh down           stops the dockerd this script started (images stay cached)
#   scripts/docker-env.sh clean          down, then removes the cache (images, root filesystem tarball)
#
# An engine that already answers (DOCKER_HOST, or the default socket) is used as it is. Otherwise dockerd
# (Debian's docker.io, installed with apt-get if missing; needs root) runs with its own data root in the cache
# directory (so images survive between runs) and its own socket. Settings:
#   NEWSLINE_DOCKER_CACHE   cache directory (default: ${XDG_CACHE_HOME:-$HOME/.cache}/newsline-docker)
#   NEWSLINE_DEBIAN_MIRROR  Debian mirror (default: http://deb.debian.org/debian)
# Logs go to stderr; `up` prints only the export line on stdout.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${NEWSLINE_DOCKER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsline-docker}
MIRROR=${NEWSLINE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# the exec root holds containerd's sockets, whose paths must stay short: keep it out of deep cache paths
RUNDIR=${NEWSLINE_DOCKER_RUN:-${TMPDIR:-/tmp}/newsline-docker-$(id -u)}
SOCK=$RUNDIR/docker.sock

BASE_IMAGE=newsline/jre-base:bookworm-17
PG_BASE_IMAGE=newsline/postgresql-base:bookworm-15
PG_IMAGE=newsline/postgres-local:15
KAFKA_IMAGE=newsline/kafka-local:ci
SERVICE_TAG=ci

log() { printf '[docker-env %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

engine_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

apt_install() { # packages, installed only when a command is missing
  log "installing $*"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2; then
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
  fi
}

cmd_up() {
  if [ -n "${DOCKER_HOST:-}" ] && engine_answers; then
    log "using the engine at $DOCKER_HOST"; echo "export DOCKER_HOST=$DOCKER_HOST"; return
  fi
  if [ -z "${DOCKER_HOST:-}" ] && engine_answers; then
    log "using the default Docker engine"; echo "export DOCKER_HOST=unix:///var/run/docker.sock"; return
  fi
  export DOCKER_HOST=unix://$SOCK
  # Our dockerd runs on this host, so containers' published ports are on this host's loopback. Saying so keeps
  # Testcontainers from guessing: inside a container (a CI runner) it would otherwise look for the host's gateway
  # by running an alpine container, which cannot be pulled here, and then report Docker as unavailable.
  local local_host="TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1"
  if engine_answers; then
    log "using our dockerd at $DOCKER_HOST"; echo "export DOCKER_HOST=$DOCKER_HOST $local_host"; return
  fi
  [ "$(id -u)" = 0 ] || die "no Docker engine answers, and starting dockerd needs root"
  command -v dockerd >/dev/null 2>&1 || apt_install docker.io
  command -v docker >/dev/null 2>&1 || apt_install docker.io
  mkdir -p "$RUNDIR" "$CACHE/data-root"
  log "starting dockerd (data root $CACHE/data-root, socket $SOCK)"
  # setsid: the engine outlives this script; `down` stops it by its pid file
  setsid dockerd --data-root "$CACHE/data-root" --exec-root "$RUNDIR/exec" --pidfile "$RUNDIR/dockerd.pid" \
    --host "$DOCKER_HOST" >"$RUNDIR/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    engine_answers && { log "dockerd is up"; echo "export DOCKER_HOST=$DOCKER_HOST $local_host NEWSLINE_DOCKERD_STARTED=1"; return; }
    sleep 0.5
  done
  tail -20 "$RUNDIR/dockerd.log" >&2
  die "dockerd did not answer within 30 s (log: $RUNDIR/dockerd.log)"
}

ensure_engine() {
  if ! engine_answers; then
    eval "$(cmd_up)"
  fi
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# root filesystems from Debian packages (mmdebstrap downloads with apt, in parallel, and writes a tarball
# directly: much faster than debootstrap), cached as tarballs; both are built at once
rootfs() { # tarball packages [mmdebstrap options...]
  local tarball=$1 packages=$2; shift 2
  mmdebstrap --quiet --format=tar --variant=minbase --include="$packages" --aptopt='Acquire::Retries "3"' \
    --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/usr/share/doc/* "$1"/usr/share/man/*' \
    "$@" bookworm "$tarball.part" "$MIRROR" >&2
  mv "$tarball.part" "$tarball"
}

JRE_TAR=$CACHE/rootfs-bookworm-jre17.tar
PG_TAR=$CACHE/rootfs-bookworm-postgresql15.tar

# the tarballs only (no engine needed): CI builds them in the background while Maven runs
cmd_rootfs() {
  local pids=() pid
  mkdir -p "$CACHE"
  if [ ! -s "$JRE_TAR" ]; then
    command -v mmdebstrap >/dev/null 2>&1 || apt_install mmdebstrap
    log "building the Debian root filesystem with OpenJDK 17's JRE (mmdebstrap; 1-2 minutes)"
    rootfs "$JRE_TAR" openjdk-17-jre-headless,ca-certificates & pids+=($!)
  fi
  if [ ! -s "$PG_TAR" ]; then
    command -v mmdebstrap >/dev/null 2>&1 || apt_install mmdebstrap
    log "building the Debian root filesystem with PostgreSQL 15 (mmdebstrap, at the same time)"
    rootfs "$PG_TAR" postgresql-15 \
      --customize-hook='rm -rf "$1"/etc/postgresql/15/main "$1"/var/lib/postgresql/15/main' & pids+=($!)
  fi
  for pid in "${pids[@]}"; do wait "$pid" || die "mmdebstrap failed"; done
  log "root filesystems ready"
}

base_images() {
  if ! image_exists "$BASE_IMAGE" || ! image_exists "$PG_BASE_IMAGE"; then
    cmd_rootfs
  fi
  if image_exists "$BASE_IMAGE"; then log "$BASE_IMAGE is there"; else
    log "importing $BASE_IMAGE"
    docker import --change 'ENV LANG=C.UTF-8' --change 'CMD ["bash"]' "$JRE_TAR" "$BASE_IMAGE" >/dev/null
  fi
  if image_exists "$PG_BASE_IMAGE"; then log "$PG_BASE_IMAGE is there"; else
    log "importing $PG_BASE_IMAGE"
    docker import --change 'ENV LANG=C.UTF-8' --change 'CMD ["bash"]' "$PG_TAR" "$PG_BASE_IMAGE" >/dev/null
  fi
}

build() { # image dockerfile [build args...]
  local image=$1 file=$2; shift 2
  log "building $image ($file)"
  local args=() a
  for a in "$@"; do args+=(--build-arg "$a"); done
  # the classic builder (no buildx here); host networking so that apt reaches the mirror as the host does
  local out
  if ! out=$(DOCKER_BUILDKIT=0 docker build -q --network host -f "$REPO/$file" --build-arg "BASE_IMAGE=$BASE_IMAGE" \
      "${args[@]}" -t "$image" "$REPO" 2>&1); then
    printf '%s\n' "$out" >&2
    die "building $image failed"
  fi
}

cmd_images() {
  ensure_engine
  local jar
  for jar in ingest-service/target/ingest-service.jar extract-service/target/extract-service.jar \
             store-service/target/store-service.jar newsctl/target/newsctl.jar; do
    [ -f "$REPO/$jar" ] || die "$jar is missing: run ./mvnw -q -DskipTests package first"
  done
  base_images
  build "$PG_IMAGE" scripts/docker/postgres-local.Dockerfile "PG_BASE_IMAGE=$PG_BASE_IMAGE"
  build "$KAFKA_IMAGE" scripts/docker/kafka-local.Dockerfile
  local s
  for s in ingest-service extract-service store-service; do
    build "newsline/$s:$SERVICE_TAG" Dockerfile.prebuilt "SERVICE=$s"
  done
  docker image prune -f >/dev/null 2>&1 || true
  log "images ready"
}

cmd_down() {
  local pidfile=$RUNDIR/dockerd.pid pid
  [ -f "$pidfile" ] || { log "no dockerd of ours runs"; return; }
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping dockerd ($pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$pidfile"
}

cmd_clean() {
  cmd_down
  log "removing $CACHE"
  rm -rf "$CACHE"
}

case "${1:-}" in
  up) cmd_up ;;
  rootfs) cmd_rootfs ;;
  images) cmd_images ;;
  down) cmd_down ;;
  clean) cmd_clean ;;
  *) echo "usage: $0 up|rootfs|images|down|clean" >&2; exit 2 ;;
esac
