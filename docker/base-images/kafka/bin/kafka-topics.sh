#!/bin/bash
# kafka-topics.sh [arguments]: org.apache.kafka.tools.TopicCommand, as in the Kafka distribution
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.TopicCommand "$@"
