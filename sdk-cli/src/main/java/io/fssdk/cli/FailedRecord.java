package io.fssdk.cli;

import java.util.Objects;

/**
 * A record that failed, as the dead-letter sink writes it.
 *
 * @param operator the operator's name
 * @param export the failing export ({@code fs-process}) or host step
 * @param sourceId the operator's source id the record came in on
 * @param origin where the record came from: {@code topic-partition}, or a file name
 * @param offset its offset in the partition, or its line number in the file
 * @param message the trap or exception message
 * @param timestampMillis when it failed, epoch milliseconds
 * @param record the record's bytes
 */
record FailedRecord(String operator, String export, int sourceId, String origin, long offset, String message,
        long timestampMillis, byte[] record) {
    FailedRecord {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(record, "record");
    }
}
