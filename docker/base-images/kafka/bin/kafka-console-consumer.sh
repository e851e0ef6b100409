#!/bin/bash
# kafka-console-consumer.sh [arguments]: org.apache.kafka.tools.consumer.ConsoleConsumer, as in the Kafka distribution
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.consumer.ConsoleConsumer "$@"
