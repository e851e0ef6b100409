#!/bin/bash
# kafka-metadata-quorum.sh [arguments]: org.apache.kafka.tools.MetadataQuorumCommand, as in the Kafka distribution
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.MetadataQuorumCommand "$@"
