package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.TrapException;

/**
 * State shared by a root component instance and every nested instance in it: the limits it runs under,
 * and whether it has trapped. A trapped instance is poisoned (the spec's "instance that traps must not
 * be reentered"): its memory may be half-written, so every later call fails.
 */
final class RootState {
    final int maxMemoryPages;
    private volatile String poisonedBy;

    RootState(int maxMemoryPages) {
        this.maxMemoryPages = maxMemoryPages;
    }

    void poison(String reason) {
        if (poisonedBy == null) {
            poisonedBy = reason;
        }
    }

    boolean isPoisoned() {
        return poisonedBy != null;
    }

    void checkUsable(String function) {
        String p = poisonedBy;
        if (p != null) {
            throw new TrapException(function, "instance is poisoned by an earlier trap (" + p + ")");
        }
    }
}
