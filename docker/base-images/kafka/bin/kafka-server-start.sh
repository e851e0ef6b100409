#!/bin/bash
# kafka-server-start.sh <server.properties>: the broker and controller, logging to standard output.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 server.properties" >&2; exit 1; }
home=$(cd "$(dirname "$0")/.." && pwd)
export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}
export KAFKA_LOG4J_OPTS=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$home/config/log4j2.yaml}
exec "$home/bin/kafka-run-class.sh" kafka.Kafka "$@"
