#!/bin/bash
# kafka-configs.sh [arguments]: org.apache.kafka.tools.ConfigCommand, as in the Kafka distribution
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.ConfigCommand "$@"
