package io.fssdk.cli;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Checks that a Kafka cluster answers before the run starts: Kafka's clients otherwise retry an
 * unreachable broker forever, logging, while the run looks idle. The admin client retries (with
 * back-off) until the timeout, then the run stops with {@link ExitCodes#BROKER_UNREACHABLE}.
 */
final class KafkaReachability {
    private KafkaReachability() {
    }

    /**
     * Waits until the cluster answers a describe-cluster request, at most {@code timeout}.
     *
     * @param usedBy the configuration entry that names the cluster, for the message
     * @throws CliException {@link ExitCodes#BROKER_UNREACHABLE} when it does not answer in time
     */
    static void check(String bootstrapServers, Duration timeout, String usedBy) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(ms));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.max(1, Math.min(ms, 5000))));
        p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "250");
        p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, "5000");
        Admin admin;
        try {
            admin = Admin.create(p);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new CliException(ExitCodes.CONFIG_INVALID, "bad Kafka address `" + bootstrapServers + "` ("
                    + usedBy + "): " + e.getMessage(), e);
        }
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms)).clusterId()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new CliException(ExitCodes.BROKER_UNREACHABLE, "cannot reach Kafka at " + bootstrapServers
                    + " (" + usedBy + ") within " + timeout.toMillis() + " ms: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.BROKER_UNREACHABLE, "interrupted while reaching Kafka at "
                    + bootstrapServers, e);
        } finally {
            admin.close(Duration.ofSeconds(1)); // a request still retrying is abandoned, not awaited
        }
    }
}
