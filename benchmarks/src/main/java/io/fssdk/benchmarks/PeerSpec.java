package io.fssdk.benchmarks;

import java.util.Optional;

/**
 * One workload of the peer comparison, as every host is told to run it.
 *
 * @param id the short name, also the workload id in the hosts and the jco output directory's name
 * @param title the table row's label
 * @param kind {@code processor} or {@code greeter}
 * @param component the component file, absolute
 * @param input the input spec ({@link PeerInputs})
 * @param nativeDriver the {@code native:*} driver of the native Java column, if the workload has one
 * @param checkRecords records a fresh instance processes before its last output is compared across hosts;
 *        0 for no check (no output, or an output that depends on the clock)
 * @param loadTimeoutSeconds how long a host may take to compile, instantiate and run the first record
 */
record PeerSpec(String id, String title, String kind, String component, String input, Optional<String> nativeDriver,
                int checkRecords, int loadTimeoutSeconds) {
}
