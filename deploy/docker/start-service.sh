#!/bin/sh
# Entry point of the Bluehelm image: runs one service, named by the first argument or by
# BLUEHELM_SERVICE. `exec` makes node PID 1, so that SIGTERM reaches the service's own
# graceful shutdown (stop taking work, finish what is in flight, exit).
set -eu

service="${1:-${BLUEHELM_SERVICE:-}}"
case "$service" in
  gateway | intake | case-tracking | analytics | notification) ;;
  *)
    echo "start-service: name the service to run (gateway, intake, case-tracking, analytics or notification) as the first argument or in BLUEHELM_SERVICE; got \"$service\"" >&2
    exit 64
    ;;
esac

cd /app
exec node "services/$service/dist/main.js"
