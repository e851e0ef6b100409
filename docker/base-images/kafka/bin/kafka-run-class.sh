#!/bin/bash
# kafka-run-class.sh <main class> [arguments]: runs a class of /opt/kafka/libs with the distribution's
# variables: KAFKA_HEAP_OPTS (default -Xmx256M), KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_LOG4J_OPTS (default:
# config/tools-log4j2.yaml), KAFKA_OPTS.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 <main class> [arguments]" >&2; exit 1; }
home=$(cd "$(dirname "$0")/.." && pwd)
heap=${KAFKA_HEAP_OPTS:--Xmx256M}
perf=${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true}
log4j=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$home/config/tools-log4j2.yaml}
# word splitting of the option variables is wanted: each holds several JVM options
# shellcheck disable=SC2086
exec java $heap $perf $log4j ${KAFKA_OPTS:-} -cp "$home/libs/*" "$@"
