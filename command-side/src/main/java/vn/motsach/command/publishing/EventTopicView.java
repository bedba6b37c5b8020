package vn.motsach.command.publishing;

/**
 * The events topic against the event store: {@code head} is the store's last position,
 * {@code published} the position the publisher has had acknowledged by Kafka (its slowest
 * segment), {@code remaining} the difference; {@code republishing} while a republish has not yet
 * caught up with where the publisher stood when it was asked; {@code segments} claimed here.
 */
public record EventTopicView(long head, long published, long remaining, boolean republishing, int segments) {
}
