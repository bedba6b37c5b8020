package vn.motsach.infra.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics the system reads and writes, before any producer or Streams app starts. */
public final class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

    private final KafkaSettings settings;

    public KafkaTopics(KafkaSettings settings) {
        this.settings = settings;
        ensureExist();
    }

    public String eventsTopic() {
        return settings.eventsTopic();
    }

    /**
     * The tree of authorities, compacted: each authority's newest state under its id (see
     * {@code AuthorityNode}). Read whole by every analytics instance.
     */
    public String authorityTreeTopic() {
        return authorityTreeTopic(settings.eventsTopic());
    }

    /** The tree's topic beside the events topic {@code eventsTopic}. */
    public static String authorityTreeTopic(String eventsTopic) {
        return eventsTopic + ".authority-tree";
    }

    /**
     * Which authority each school reports to in each school year, compacted: each school's newest
     * stretches under its id (a {@code SchoolSupervisionChanged}), which analytics derives from the
     * school events and reads whole on every instance.
     */
    public String schoolSupervisionTopic() {
        return schoolSupervisionTopic(settings.eventsTopic());
    }

    /** The schools' supervision topic beside the events topic {@code eventsTopic}. */
    public static String schoolSupervisionTopic(String eventsTopic) {
        return eventsTopic + ".school-supervision";
    }

    private void ensureExist() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            if (!existing.contains(settings.eventsTopic())) {
                missing.add(new NewTopic(settings.eventsTopic(), settings.partitions(), settings.replicationFactor())
                        .configs(Map.of("retention.ms", "-1", "cleanup.policy", "delete")));
            }
            // the newest state per key is all a reader needs: compacted, one partition, read whole
            for (String compacted : List.of(authorityTreeTopic(), schoolSupervisionTopic())) {
                if (!existing.contains(compacted)) {
                    missing.add(new NewTopic(compacted, 1, settings.replicationFactor()).configs(Map.of("cleanup.policy", "compact")));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            log.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create Kafka topics", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not answer in 30 s", e);
        }
    }
}
