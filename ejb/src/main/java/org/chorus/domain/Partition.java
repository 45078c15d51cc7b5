package org.chorus.domain;

/**
 * This node's side of a cluster split changed: {@code available} is false on a minority, whose caches refuse reads and
 * writes (Infinispan's {@code DENY_READ_WRITES}), and true again once it merged with the majority.
 */
public record Partition(boolean available) {
}
