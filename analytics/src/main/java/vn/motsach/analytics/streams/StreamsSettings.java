package vn.motsach.analytics.streams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stateDirectory where state stores live; {@code <motsach.data-dir>/streams} when not set,
 *     so a restart restores from local state rather than from the changelog topics
 * @param applicationServer {@code host:port} other instances use to reach this one for
 *     interactive queries
 * @param commitIntervalMs how often Streams commits. Interactive queries read through the record
 *     cache, so an answer does not wait for a commit; a commit costs a transaction with the broker
 *     and a flush of every changed row, so committing less often than the exactly-once default
 *     replays a backlog faster and keeps the stream threads from falling behind under load. Only
 *     the authorities' lists of schools, which cross a repartition topic, wait for the commit.
 * @param sessionTimeoutMs how long a crashed instance holds its partitions before others take them
 */
@ConfigurationProperties("motsach.analytics.streams")
public record StreamsSettings(
        @DefaultValue("motsach-analytics") String applicationId,
        String stateDirectory,
        @DefaultValue("exactly_once_v2") String processingGuarantee,
        @DefaultValue("1000") int commitIntervalMs,
        @DefaultValue("2") int threads,
        @DefaultValue("10000") int sessionTimeoutMs,
        String applicationServer) {
}
