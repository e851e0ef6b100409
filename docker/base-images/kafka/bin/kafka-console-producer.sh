#!/bin/bash
# kafka-console-producer.sh [arguments]: org.apache.kafka.tools.ConsoleProducer, as in the Kafka distribution
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.ConsoleProducer "$@"
