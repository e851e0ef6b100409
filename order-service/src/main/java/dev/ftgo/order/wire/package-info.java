/**
 * The shapes values take on the wire, HTTP and Kafka alike, so that the web and the messaging adapters can share
 * them without depending on each other.
 */
package dev.ftgo.order.wire;
