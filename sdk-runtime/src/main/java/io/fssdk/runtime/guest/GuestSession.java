package io.fssdk.runtime.guest;

/**
 * One live instance of a supervised guest, as its world's binding sees it (the processor world's is
 * {@code ProcessorSession}). The {@link GuestSupervisor} owns its lifecycle.
 */
public interface GuestSession {
    /** The host resources this instance holds open, closed when it is discarded. */
    GuestResources resources();

    /**
     * Whether the guest's memory is at the cap, i.e. a {@code memory.grow} was refused; asked after a
     * trap to report a memory bomb as a limit rather than an ordinary failure.
     */
    boolean atMemoryCap();
}
