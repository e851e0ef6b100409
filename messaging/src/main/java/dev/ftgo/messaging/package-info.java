/**
 * Messaging infrastructure shared by the services, without any domain type.
 *
 * <p>Sending: {@link dev.ftgo.messaging.OutboxWriter} writes a {@link dev.ftgo.messaging.Message} to the
 * service's {@code outbox} table inside the business transaction; cdc-relay publishes it to Kafka from the
 * WAL. Each feature sends its aggregate's messages through an {@link dev.ftgo.messaging.OutboxAdapter}.
 * Receiving: a {@link dev.ftgo.messaging.MessageSubscription} bean maps the {@code type} header of the
 * records on one topic to handlers; each handler runs at most once per message id
 * ({@link dev.ftgo.messaging.InboxGuard}), failures are retried a bounded number of times and then parked
 * on {@code <topic>-dlt}.
 *
 * <p>The DDL every service copies into its migrations is on the classpath:
 * {@code db/outbox/outbox.sql} and {@code db/outbox/processed_message.sql}.
 */
package dev.ftgo.messaging;
