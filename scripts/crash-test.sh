#!/usr/bin/env bash
# Crash test (issue 3): does every contact the hub acknowledged survive `kill -9`, exactly once?
#
#   scripts/crash-test.sh            # from the repository root (or anywhere: it finds the root itself)
#
# 1. Uses infra/target/customer-hub.jar, building it with `mvn -B -q -DskipTests package` only if it is missing.
# 2. Starts the hub on a free port with a fresh, empty HUB_DATA_DIR (the default, file-backed embedded MongoDB).
# 3. Gets an agent token (POST /dev/tokens, sam / sam-demo) and registers CUSTOMERS customers
#    (POST /console/customers).
# 4. Load: LOOPS concurrent curl loops (spread over the customers) each POST contacts with unique ids,
#    `POST /console/customers/{id}/contacts {"contactId":"crash-<loop>-<n>","channel":"PHONE","type":"ENQUIRY",...}`,
#    recording every contact id sent and every one answered 2xx (with the receipt's position).
# 5. After CRASH_AFTER seconds of load, `kill -9`s the hub while requests are in flight.
# 6. Starts the hub again on the same data directory, gets a new token, and for each customer waits until the single
#    view has reached the highest acknowledged position of that customer, then pages through
#    `GET /console/customers/{id}/timeline?size=100&page=N&awaitPosition=<that position>` counting contact ids.
# 7. Then rebuilds the single view from the event store (as ADMIN ada/ada-demo: POST /admin/processors/<the customer
#    view processor>/replay), waits for the replay to finish and counts again, so a contact counts as stored only if
#    the event store itself still has it, exactly once (skipped, and said so, if that API is not there).
# 8. Prints, for each count: sent, acknowledged, found in view, lost (acknowledged, not in the view), duplicated (a
#    contact id more than once in the view), and unacknowledged contacts that were stored anyway (allowed: the kill
#    came between the store and the answer). Exits 1 if anything was lost or duplicated, 2 if the test itself could
#    not run.
#
# Only the HTTP API is used, so the script holds whatever event store the hub has. The hub it starts is stopped on
# every exit path (trap). Needs bash, curl, jq, java 17.
#
# Settings (environment): CUSTOMERS=4  LOOPS=8  CRASH_AFTER=10 (seconds of load before the kill)
#   STARTUP_TIMEOUT=240 (seconds to wait for health UP)  VIEW_TIMEOUT=180 (seconds for the view to catch up)
#   KEEP=1 keeps the work directory (data, logs, id lists) even on success.
set -uo pipefail

CUSTOMERS=${CUSTOMERS:-4}
LOOPS=${LOOPS:-8}
CRASH_AFTER=${CRASH_AFTER:-10}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-240}
VIEW_TIMEOUT=${VIEW_TIMEOUT:-180}
KEEP=${KEEP:-0}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$ROOT/infra/target/customer-hub.jar"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hub-crash-test.XXXXXX")
DATA="$WORK/data"
HUB_PID=""
LOAD_PIDS=()
RESULT=2

log() { printf '%s crash-test: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_hub() {
    if [[ -n "$HUB_PID" ]] && kill -0 "$HUB_PID" 2>/dev/null; then
        kill -TERM "$HUB_PID" 2>/dev/null
        for _ in $(seq 1 60); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$HUB_PID" 2>/dev/null && kill -KILL "$HUB_PID" 2>/dev/null
        wait "$HUB_PID" 2>/dev/null
    fi
    HUB_PID=""
}

cleanup() {
    touch "$WORK/stop" 2>/dev/null
    for pid in "${LOAD_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    stop_hub
    if [[ "$RESULT" == 0 && "$KEEP" != 1 ]]; then
        rm -rf "$WORK"
    else
        log "work directory kept: $WORK (hub logs: $WORK/hub-*.log)"
    fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM

fail() { log "$*"; exit 2; }

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$(( (RANDOM % 20000) + 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

# start_hub NAME: starts the hub on a new free port with HUB_DATA_DIR=$DATA, waits for health UP, sets HUB_PID, BASE
start_hub() {
    local name=$1 port started
    port=$(free_port) || fail "no free port"
    BASE="http://127.0.0.1:$port"
    PORT=$port HUB_DATA_DIR="$DATA" HUB_DEV_ISSUER="http://localhost:$port" \
        java -Xmx768m -Daxoniq.update-checker.disabled=true -jar "$JAR" >"$WORK/hub-$name.log" 2>&1 &
    HUB_PID=$!
    started=$(date +%s)
    until curl -s --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
        kill -0 "$HUB_PID" 2>/dev/null || fail "the hub ($name) exited during startup; see $WORK/hub-$name.log"
        (( $(date +%s) - started > STARTUP_TIMEOUT )) && fail "the hub ($name) was not UP within ${STARTUP_TIMEOUT}s"
        sleep 1
    done
    log "hub ($name) UP on port $port after $(( $(date +%s) - started ))s (pid $HUB_PID)"
}

token() {
    curl -s --max-time 30 -X POST "$BASE/dev/tokens" -d username=sam -d password=sam-demo | jq -r '.access_token // empty'
}

# load_loop LOOP CUSTOMER_ID: posts contacts until $WORK/stop exists
load_loop() {
    local loop=$1 customer=$2 n=0 id code body position
    local sent="$WORK/sent-$loop" acked="$WORK/acked-$loop" response="$WORK/response-$loop"
    while [[ ! -e "$WORK/stop" ]]; do
        id="crash-$loop-$n"
        n=$((n + 1))
        echo "$id $customer" >>"$sent"
        body="{\"contactId\":\"$id\",\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"Crash test contact $id: asked about a missed bin collection\"}"
        code=$(curl -s --max-time 60 -o "$response" -w '%{http_code}' -X POST "$BASE/console/customers/$customer/contacts" \
            -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$body" 2>/dev/null)
        if [[ "$code" == 2?? ]]; then
            position=$(sed -n 's/.*"position":\([0-9][0-9]*\).*/\1/p' "$response")
            echo "$id $customer ${position:-0}" >>"$acked"
        elif [[ "$code" != 000 ]]; then
            echo "$id $customer $code $(head -c 300 "$response" | tr '\n' ' ')" >>"$WORK/errors-$loop"
        fi
    done
}

# ---------------------------------------------------------------------------------------------------------------
command -v jq >/dev/null || fail "jq is needed"
command -v curl >/dev/null || fail "curl is needed"
if [[ ! -f "$JAR" ]]; then
    log "no $JAR: building it (mvn -B -q -DskipTests package)"
    (cd "$ROOT" && mvn -B -q -DskipTests package) || fail "the build failed"
fi
mkdir -p "$DATA"
cp "$JAR" "$WORK/customer-hub.jar" || fail "cannot copy $JAR"   # a rebuild meanwhile must not pull it from under us
JAR="$WORK/customer-hub.jar"
log "work directory $WORK"

start_hub first
TOKEN=$(token)
[[ -n "$TOKEN" ]] || fail "no token from /dev/tokens"

CUSTOMER_IDS=()
for c in $(seq 1 "$CUSTOMERS"); do
    id=$(curl -s --max-time 60 -X POST "$BASE/console/customers" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' \
        -d "{\"category\":\"RESIDENT\",\"givenName\":\"Crash\",\"familyName\":\"Tester$c\",\"email\":\"crash-$c@example.org\"}" \
        | jq -r '.customerId // empty')
    [[ -n "$id" ]] || fail "could not register customer $c"
    CUSTOMER_IDS+=("$id")
done
log "registered ${#CUSTOMER_IDS[@]} customers; starting $LOOPS load loops for ${CRASH_AFTER}s, then kill -9"

for loop in $(seq 1 "$LOOPS"); do
    load_loop "$loop" "${CUSTOMER_IDS[$(( (loop - 1) % CUSTOMERS ))]}" &
    LOAD_PIDS+=($!)
done
sleep "$CRASH_AFTER"
touch "$WORK/stop"             # loops send nothing after their request in flight (so "sent" counts real attempts)
kill -KILL "$HUB_PID"
wait "$HUB_PID" 2>/dev/null
log "killed the hub (kill -9, pid $HUB_PID) under load"
HUB_PID=""
for pid in "${LOAD_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
LOAD_PIDS=()

cat "$WORK"/sent-* 2>/dev/null >"$WORK/sent.txt"
cat "$WORK"/acked-* 2>/dev/null >"$WORK/acked.txt"
cat "$WORK"/errors-* 2>/dev/null >"$WORK/errors.txt"
SENT=$(wc -l <"$WORK/sent.txt")
ACKED=$(wc -l <"$WORK/acked.txt")
log "sent $SENT, acknowledged $ACKED, answered with an error $(wc -l <"$WORK/errors.txt")"
(( ACKED > 0 )) || fail "nothing was acknowledged before the kill"

start_hub second
TOKEN=$(token)
[[ -n "$TOKEN" ]] || fail "no token from /dev/tokens after the restart"

# count_view FILE: for each customer, waits until the view reaches its highest acknowledged position, then pages
# through its timeline writing "<contactId> <customerId>" lines to FILE
count_view() {
    local file=$1 customer want started have page json count
    : >"$file"
    for customer in "${CUSTOMER_IDS[@]}"; do
        want=$(awk -v c="$customer" '$2 == c { if ($3 > max) max = $3 } END { print max + 0 }' "$WORK/acked.txt")
        started=$(date +%s)
        while :; do
            have=$(curl -s --max-time 30 "$BASE/console/customers/$customer?awaitPosition=$want" \
                -H "Authorization: Bearer $TOKEN" | jq -r '.position // -1' 2>/dev/null)
            [[ "$have" =~ ^-?[0-9]+$ ]] || have=-1
            (( have >= want )) && break
            if (( $(date +%s) - started > VIEW_TIMEOUT )); then
                log "customer $customer: the view is at position $have, not $want, after ${VIEW_TIMEOUT}s; counting what is there"
                break
            fi
            sleep 1
        done
        page=0
        while :; do
            json=$(curl -s --max-time 60 "$BASE/console/customers/$customer/timeline?size=100&page=$page&awaitPosition=$want" \
                -H "Authorization: Bearer $TOKEN")
            count=$(jq -r '.entries | length' <<<"$json" 2>/dev/null)
            [[ "$count" =~ ^[0-9]+$ ]] || fail "bad timeline page: $(head -c 300 <<<"$json")"
            (( count == 0 )) && break
            jq -r --arg c "$customer" '.entries[] | select(.contactId != null) | "\(.contactId) \($c)"' <<<"$json" >>"$file"
            page=$((page + 1))
        done
    done
}

# tally NAME FILE: compares the acknowledged ids with the contact ids in FILE; prints a row, sets LOST and DUPLICATED
tally() {
    local name=$1 file=$2 found extra
    # contact ids may be stored as given or with a prefix the hub adds; match on the crash-<loop>-<n> part
    sed -E 's/^[^ ]*(crash-[0-9]+-[0-9]+) /\1 /' "$file" | grep '^crash-' | cut -d' ' -f1 | sort >"$file.ids-all"
    sort -u "$file.ids-all" >"$file.ids"
    found=$(comm -12 "$WORK/acked-ids.txt" "$file.ids" | wc -l)
    LOST=$(comm -23 "$WORK/acked-ids.txt" "$file.ids" | wc -l)
    DUPLICATED=$(uniq -d "$file.ids-all" | wc -l)
    extra=$(comm -13 "$WORK/acked-ids.txt" "$file.ids" | wc -l)
    comm -23 "$WORK/acked-ids.txt" "$file.ids" >"$file.lost"
    uniq -d "$file.ids-all" >"$file.duplicated"
    printf '%-34s %-7s %-13s %-14s %-6s %-11s %s\n' "$name" "$SENT" "$ACKED" "$found" "$LOST" "$DUPLICATED" "$extra"
    (( LOST > 0 || DUPLICATED > 0 )) && FAILED=1
}

cut -d' ' -f1 "$WORK/acked.txt" | sort -u >"$WORK/acked-ids.txt"
FAILED=0
count_view "$WORK/view.txt"
tally "single view after the restart" "$WORK/view.txt" >"$WORK/row-1.txt"

# Rebuild the single view from the event store (ADMIN replay of its processor) and count again: a contact that is in
# the view only because the view kept it, not because the store did, would vanish here; one stored twice would double.
REPLAY_NOTE=""
ADMIN_TOKEN=$(curl -s --max-time 30 -X POST "$BASE/dev/tokens" -d username=ada -d password=ada-demo | jq -r '.access_token // empty')
PROCESSOR=""
if [[ -n "$ADMIN_TOKEN" ]]; then
    PROCESSOR=$(curl -s --max-time 30 "$BASE/admin/processors" -H "Authorization: Bearer $ADMIN_TOKEN" \
        | jq -r '[.[]?.name | select(test("customer.?view"; "i"))][0] // empty' 2>/dev/null)
fi
if [[ -z "$PROCESSOR" ]]; then
    REPLAY_NOTE="(replay check skipped: no ADMIN token or no customer view processor at /admin/processors)"
else
    code=$(curl -s --max-time 60 -o "$WORK/replay.json" -w '%{http_code}' -X POST \
        "$BASE/admin/processors/$PROCESSOR/replay" -H "Authorization: Bearer $ADMIN_TOKEN")
    if [[ "$code" != 2?? ]]; then
        REPLAY_NOTE="(replay check skipped: POST /admin/processors/$PROCESSOR/replay answered $code)"
    else
        started=$(date +%s)
        sleep 2
        until curl -s --max-time 30 "$BASE/admin/processors" -H "Authorization: Bearer $ADMIN_TOKEN" \
                | jq -e --arg p "$PROCESSOR" '.[] | select(.name == $p) | .running and (.replaying | not)' >/dev/null 2>&1; do
            (( $(date +%s) - started > VIEW_TIMEOUT )) && { log "the replay of $PROCESSOR did not finish in ${VIEW_TIMEOUT}s"; break; }
            sleep 1
        done
        count_view "$WORK/view-replayed.txt"
        tally "single view rebuilt by replay" "$WORK/view-replayed.txt" >"$WORK/row-2.txt"
    fi
fi

printf '\n%-34s %-7s %-13s %-14s %-6s %-11s %s\n' "" "sent" "acknowledged" "found in view" "lost" "duplicated" \
    "stored but not acknowledged"
cat "$WORK/row-1.txt"
[[ -f "$WORK/row-2.txt" ]] && cat "$WORK/row-2.txt"
[[ -n "$REPLAY_NOTE" ]] && echo "$REPLAY_NOTE"
printf '\n(%d customers, %d load loops, kill -9 after %ss of load; the restarted hub read the same data directory)\n' \
    "$CUSTOMERS" "$LOOPS" "$CRASH_AFTER"
FAILED=0
for row in "$WORK"/row-*.txt; do
    read -r lost duplicated < <(awk '{ print $(NF-2), $(NF-1) }' "$row")
    (( lost > 0 || duplicated > 0 )) && FAILED=1
done
if (( FAILED )); then
    log "FAILED: lost and duplicated ids in $WORK/view*.lost and $WORK/view*.duplicated"
    RESULT=1
else
    RESULT=0
fi
exit "$RESULT"
