# Sourced by the matching benchmarks (bench/matching.sh, bench/bank-matching.sh), after they set PORT, TIMEOUT and
# WALLETRECON_DB_NAME: the database (URL, PSQL), a scratch directory (WORK) removed on exit with the server, and the
# server as deployed, the packaged jar on its own port, with a key pair and a JWT made for the run (start_server sets
# TOKEN, MASTER_KEY: the server's WALLETRECON_MASTER_KEY, for planting what it keys, SERVER_PID, and READY_MS: the
# milliseconds from launching the JVM to the server answering ready). JVM options for the
# server, such as a heap size: WALLETRECON_BENCH_JAVA_OPTS.
URL="$(bin/postgres)"
export PGPASSWORD="${WALLETRECON_DB_PASSWORD:-walletrecon}"
PSQL=(psql -XqtA -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "${WALLETRECON_DB_USER:-walletrecon}" -d "$WALLETRECON_DB_NAME")
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

ms() { date +%s%3N; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# Builds the jar when missing (or WALLETRECON_BENCH_REBUILD is set), then starts it against $URL and waits until ready.
start_server() {
  if [[ ! -f server/target/quarkus-app/quarkus-run.jar || -n "${WALLETRECON_BENCH_REBUILD:-}" ]]; then
    echo "building the server jar (./mvnw package, no install) ..." >&2
    ./mvnw -B -q -pl core,server package -DskipTests >&2
  fi
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
  openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/public.pem"
  local now header payload sig
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"walletrecon","sub":"bench","upn":"bench","groups":["finance","admin"],"iat":%d,"exp":%d}' "$now" $((now + 7200)) | b64url)
  sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)
  TOKEN="$header.$payload.$sig"
  MASTER_KEY="$(openssl rand -base64 32)"

  WALLETRECON_DB_URL="$URL" WALLETRECON_DB_REACTIVE_URL="${URL#jdbc:}" PORT="$PORT" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" WALLETRECON_MASTER_KEY="$MASTER_KEY" \
    WALLETRECON_SCHEDULER_ENABLED=false \
    java ${WALLETRECON_BENCH_JAVA_OPTS:-} -jar server/target/quarkus-app/quarkus-run.jar > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  local launched; launched=$(ms)
  for _ in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && { READY_MS=$(( $(ms) - launched )); return 0; }
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "the server on port $PORT is not ready after 60 s" >&2
  tail -50 "$WORK/server.log" >&2
  exit 1
}

# POST /matching/runs for account $1 over $2..$3, polled until it ends (deadline: TIMEOUT seconds). Sets RUN (the
# run's last JSON) and fails unless it succeeded.
run_matching() {
  local id state deadline
  RUN=$(curl -fsS -X POST "http://127.0.0.1:$PORT/matching/runs" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"account\":\"$1\",\"from\":\"$2\",\"to\":\"$3\"}")
  id=$(jq -r .id <<< "$RUN")
  deadline=$(( $(date +%s) + TIMEOUT ))
  while :; do
    RUN=$(curl -fsS "http://127.0.0.1:$PORT/matching/runs/$id" -H "Authorization: Bearer $TOKEN")
    state=$(jq -r .state <<< "$RUN")
    [[ "$state" == queued || "$state" == running ]] || break
    (( $(date +%s) < deadline )) || { echo "run $id still $state after ${TIMEOUT}s" >&2; exit 1; }
    sleep 0.1
  done
  [[ "$state" == succeeded ]] || { echo "run $id $state: $(jq -r .error <<< "$RUN")" >&2; tail -50 "$WORK/server.log" >&2; exit 1; }
}
