package dev.ftgo.devstack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Healthy when the broker answers a metadata request through the Admin API and counts itself among the live brokers. */
record KafkaProbe(int port, int nodeId) implements HealthProbe {

	private static final int TIMEOUT_MILLIS = 2000;

	@Override
	public boolean isHealthy() throws Exception {
		// An Admin client aimed at a closed port logs a warning per retry; try a plain connect first.
		if (!Ports.accepts(port)) {
			return false;
		}
		Admin admin = Admin.create(Map.of(
				AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
				AdminClientConfig.CLIENT_ID_CONFIG, "dev-stack-health",
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS));
		try {
			// a node of a cluster answers before it has joined; only then can it hold replicas
			return admin.describeCluster().nodes().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).stream()
					.anyMatch(node -> node.id() == nodeId);
		} finally {
			admin.close(Duration.ofMillis(TIMEOUT_MILLIS));
		}
	}

	@Override
	public String description() {
		return "the broker on 127.0.0.1:" + port + " to list itself (node " + nodeId + ") among the cluster's brokers";
	}
}
