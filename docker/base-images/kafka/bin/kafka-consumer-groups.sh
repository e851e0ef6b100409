#!/bin/bash
# kafka-consumer-groups.sh [arguments]: org.apache.kafka.tools.consumer.group.ConsumerGroupCommand, as in the Kafka distribution
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@"
