package io.fssdk.cli;

/**
 * What {@code fssdk run} does when a record fails: the operator throws or traps, or it emits to a target
 * that has no output. Every policy counts the failure ({@code fssdk.errors}, tagged with the policy and
 * the cause). Anchors: Kafka Streams' {@code ProcessingExceptionHandler} (FAIL / CONTINUE) and Fluvio's
 * error records, which carry the offset and the record.
 */
enum ErrorPolicy {
    /** Stop the run: commit what came before the record, not the record, and exit with code 1. */
    FAIL,
    /** Drop the record's outputs and go on; the record's offset is committed like any other. */
    SKIP,
    /** Write the record and what went wrong to the dead-letter sink, drop its outputs, and go on. */
    DEAD_LETTER
}
