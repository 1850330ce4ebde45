#!/usr/bin/env bash
# The compose smoke test: the real docker-compose.yml with docker-compose.ci.yml (local images, host
# networking, everything on 127.0.0.1), a news site served on loopback, and the pipeline checked through the
# composed store's API, across a stop and start of one service. Exits 0 only if every check passed; always
# tears the stack down (docker-compose down -v).
#
#   scripts/compose-smoke.sh        from a clean clone: builds the jars if missing, starts an engine if none
#                                   answers (scripts/docker-env.sh), builds the images, runs the test
# Settings: NEWSLINE_SMOKE_SITE_PORT (default: a free port), NEWSLINE_SMOKE_SKIP_IMAGES=1 (images are built already),
# NEWSLINE_KEEP_DOCKERD=1 (leave a dockerd this script started running).
set -euo pipefail
# (no `grep -q` at the end of a pipe: it stops reading, the writer dies of SIGPIPE and pipefail fails the step)
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

SITE_PORT=${NEWSLINE_SMOKE_SITE_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
API=http://127.0.0.1:18080
export NEWSLINE_SMOKE_SITE=127.0.0.1:$SITE_PORT
export NEWSLINE_API_TOKEN=${NEWSLINE_API_TOKEN:-smoke-$$}
export POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-smoke-$$}
export COMPOSE_PROJECT_NAME=newsline-smoke
COMPOSE=(docker-compose --ansi never --project-directory "$REPO")
START=$(date +%s)

log() { printf '[smoke %s +%ss] %s\n' "$(date +%H:%M:%S)" "$(( $(date +%s) - START ))" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# --- teardown, always ----------------------------------------------------------------------------------------
site_pid=
passed=
rendered=
NEWSLINE_DOCKERD_STARTED=
cleanup() {
  local rc=$?
  if [ -z "$passed" ] && [ -n "$rendered" ]; then
    log "logs of the stack (last 40 lines each):"
    "${COMPOSE[@]}" logs --no-color --tail=40 >&2 2>/dev/null || true
  fi
  if [ -n "$rendered" ]; then
    log "tearing down"
    "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || log "docker-compose down failed"
    rm -f "$rendered"
  fi
  [ -z "$site_pid" ] || kill "$site_pid" 2>/dev/null || true
  if [ -n "$NEWSLINE_DOCKERD_STARTED" ] && [ -z "${NEWSLINE_KEEP_DOCKERD:-}" ]; then scripts/docker-env.sh down; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the engine and the images -------------------------------------------------------------------------------
eval "$(scripts/docker-env.sh up)"
command -v docker-compose >/dev/null 2>&1 || {
  log "installing docker-compose"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose >&2; }
if [ ! -f newsctl/target/newsctl.jar ] || [ ! -f store-service/target/store-service.jar ]; then
  log "building the jars"; ./mvnw -q -B -ntp -DskipTests package
fi
[ -n "${NEWSLINE_SMOKE_SKIP_IMAGES:-}" ] || scripts/docker-env.sh images

# --- the composed file: docker-compose.yml + docker-compose.ci.yml ----------------------------------------------
# docker-compose 1.29 refuses published ports on host-networked containers (Docker itself only ignores them),
# and an override cannot remove a list entry; so the merged configuration is rendered and `ports` dropped
# where network_mode is host. Nothing else changes.
rendered=$(mktemp --suffix=.yml)
chmod 600 "$rendered"
docker-compose -f docker-compose.yml -f docker-compose.ci.yml config > "$rendered"
python3 - "$rendered" <<'PY'
import sys, yaml
path = sys.argv[1]
with open(path) as f:
    doc = yaml.safe_load(f)
for svc in doc["services"].values():
    if svc.get("network_mode") == "host":
        svc.pop("ports", None)
with open(path, "w") as f:
    yaml.safe_dump(doc, f, sort_keys=False)
PY
COMPOSE+=(-f "$rendered")

# --- helpers ---------------------------------------------------------------------------------------------------
get() { curl -fsS --max-time 10 "$API$1"; }
post() { curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $NEWSLINE_API_TOKEN" \
  -H 'Content-Type: application/json' -d "$2" "$API$1"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
stat() { get /api/stats 2>/dev/null | json "d.get('$1', -1)" 2>/dev/null || echo -1; }
await() { # description timeout-seconds command...
  local what=$1 timeout=$2; shift 2
  local deadline=$(( $(date +%s) + timeout ))
  until "$@"; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "timed out after ${timeout}s waiting for: $what"
    sleep 1
  done
  log "ok: $what"
}
health() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$1"; }
all_healthy() {
  local id ids
  ids=$("${COMPOSE[@]}" ps -q)
  [ "$(echo "$ids" | grep -c .)" -eq 5 ] || return 1
  for id in $ids; do [ "$(health "$id")" = healthy ] || return 1; done
}
service_healthy() { local id; id=$("${COMPOSE[@]}" ps -q "$1"); [ -n "$id" ] && [ "$(health "$id")" = healthy ]; }
stat_is() { [ "$(stat "$1")" = "$2" ]; }
stat_at_least() { [ "$(stat "$1")" -ge "$2" ]; }
# every article and statement exactly once: the API lists against the counts, no id twice
check_no_duplicates() {
  local articles statements
  articles=$(get '/api/articles?limit=500')
  statements=$(get '/api/statements?limit=500')
  echo "$articles" | json "'ok' if len(d['items']) == len({a['articleId'] for a in d['items']}) == $1 and not d.get('nextCursor') else 'articles: %d listed, %d distinct' % (len(d['items']), len({a['articleId'] for a in d['items']}))" \
    | grep -x ok >/dev/null || fail "articles listed twice or missing"
  echo "$statements" | json "'ok' if len(d['items']) == len({s['statementId'] for s in d['items']}) == $2 else 'statements: %d listed, %d distinct' % (len(d['items']), len({s['statementId'] for s in d['items']}))" \
    | grep -x ok >/dev/null || fail "statements listed twice or missing"
}

# --- the test -----------------------------------------------------------------------------------------------
log "fixture site on $NEWSLINE_SMOKE_SITE"
site_out=$(mktemp)
java -cp newsctl/target/newsctl.jar scripts/smoke/FixtureSite.java "$SITE_PORT" >"$site_out" &
site_pid=$!
await "fixture site" 30 grep -q '^feed .*/politics/feed.xml' "$site_out"
ARTICLES=$(awk '/^articles/ {print $2}' "$site_out")
FEED_ALL=$(awk '/^feed/ && !/politics/ {print $2}' "$site_out")
FEED_POLITICS=$(awk '/^feed/ && /politics/ {print $2}' "$site_out")
rm -f "$site_out"

log "docker-compose up"
"${COMPOSE[@]}" up -d --no-build >&2
await "all five containers healthy" 180 all_healthy

# 1. one feed (one article): the article and its statements through the API
code=$(post /api/feeds "{\"url\": \"$FEED_POLITICS\"}")
[ "$code" = 201 ] || fail "subscribing $FEED_POLITICS answered $code"
await "the first article stored" 90 stat_is articles 1
await "its statements stored" 30 stat_at_least statements 1
get '/api/articles?limit=5' | json "d['items'][0]['title']" | grep 'Trump, Putin' >/dev/null || fail "the article is not the seed article"
get '/api/statements?speaker=trump&limit=50' | json "'\n'.join(s['quote'] for s in d['items'])" \
  | grep 'We had two or three very short conversations' >/dev/null || fail "the seed statement is missing"
STATEMENTS_1=$(stat statements)
check_no_duplicates 1 "$STATEMENTS_1"

# 2. extract stops (SIGTERM) while the second feed comes in; the pages wait on news.raw
log "stopping extract"
extract_id=$("${COMPOSE[@]}" ps -q extract)
t0=$(date +%s)
"${COMPOSE[@]}" stop extract >&2
stop_secs=$(( $(date +%s) - t0 ))
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$extract_id")
log "extract stopped in ${stop_secs}s with exit code $exit_code"
[ "$exit_code" != 137 ] && [ "$stop_secs" -lt 25 ] || fail "extract did not stop cleanly on SIGTERM"
code=$(post /api/feeds "{\"url\": \"$FEED_ALL\"}")
[ "$code" = 201 ] || fail "subscribing $FEED_ALL answered $code"
await "all pages fetched and archived while extract is down" 90 stat_is rawPages "$ARTICLES"
stat_is articles 1 || fail "articles were stored while extract was stopped"

# 3. extract starts again and catches up: every article once
log "starting extract"
"${COMPOSE[@]}" start extract >&2
await "extract healthy again" 90 service_healthy extract
await "all $ARTICLES articles stored" 90 stat_is articles "$ARTICLES"
sleep 5 # anything doubled would arrive now
STATEMENTS=$(stat statements)
[ "$STATEMENTS" -gt "$STATEMENTS_1" ] || fail "no statements from the new articles"
stat_is articles "$ARTICLES" && stat_is rawPages "$ARTICLES" || fail "counts changed: $(get /api/stats)"
check_no_duplicates "$ARTICLES" "$STATEMENTS"

# 4. the store restarts on its database: the same archive
log "restarting store"
"${COMPOSE[@]}" restart store >&2
await "store healthy again" 90 service_healthy store
stat_is articles "$ARTICLES" && stat_is statements "$STATEMENTS" && stat_is rawPages "$ARTICLES" \
  || fail "counts changed across the store's restart: $(get /api/stats)"
check_no_duplicates "$ARTICLES" "$STATEMENTS"

log "stats: $(get /api/stats)"
passed=1
log "PASSED: $ARTICLES articles, $STATEMENTS statements, nothing lost or doubled across the restarts"
