package io.fssdk.runtime.guest;

import java.util.Map;

/**
 * What a {@link GuestSupervisor} needs from a world's binding: how to make an instance, how to
 * initialise one with the driver's configuration (also after a restart), and how to close one. Everything
 * else about the world (its exports, host functions and types) stays in the binding.
 *
 * @param <S> the binding's session type
 */
public interface GuestWorld<S extends GuestSession> {
    /** Work done once per driver and never against a call's deadline, such as compiling the component. */
    void prepare();

    /**
     * Instantiates the component; its start functions run guest code. Host functions called meanwhile
     * register what they open in {@code resources}.
     */
    S instantiate(GuestResources resources);

    /** The name of the export that initialises an instance, for messages. */
    String initExport();

    /** Initialises a fresh instance with the driver's configuration. */
    void init(S session, Map<String, String> config);

    /** The name of the export that closes an instance, for messages. */
    String closeExport();

    /** Lets the instance release what it holds before it is dropped. */
    void close(S session);

    /** Flushes what the guest wrote and the host buffered (partial log lines), when an instance ends. */
    void flushOutput();
}
