#!/bin/bash
# kafka-broker-api-versions.sh [arguments]: org.apache.kafka.tools.BrokerApiVersionsCommand, as in the Kafka distribution
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
