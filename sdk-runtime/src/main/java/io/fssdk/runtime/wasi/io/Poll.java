package io.fssdk.runtime.wasi.io;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * <a href="https://github.com/WebAssembly/wasi-io/blob/v0.2.0/wit/poll.wit">{@code wasi:io/poll}</a>: the
 * {@code pollable} resource and {@code poll}, which returns the indices of the ready pollables, first
 * waiting for the one that will be ready soonest when none is.
 */
public final class Poll {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:io/poll";

    private final ResourceType pollable = ResourceType.host("pollable", INTERFACE);

    /** The {@code pollable} resource type. */
    public ResourceType type() {
        return pollable;
    }

    /** A new owned {@code pollable} handle. */
    public WitValue own(HostPollable p) {
        return Values.own(pollable, p);
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.resource(iface, pollable);
        linker.function(iface, "[method]pollable.ready",
                args -> Values.result(WitValue.bool(Values.rep(args, 0, HostPollable.class).ready())));
        linker.function(iface, "[method]pollable.block", args -> {
            block(Values.rep(args, 0, HostPollable.class));
            return Optional.empty();
        });
        linker.function(iface, "poll", args -> Values.result(poll(((WitValue.ListValue) args.get(0)).elements())));
    }

    private static WitValue poll(List<WitValue> in) throws InterruptedException {
        if (in.isEmpty()) {
            // As in wasmtime: waiting on nothing would block forever.
            throw new IllegalArgumentException("poll: the list of pollables is empty");
        }
        List<HostPollable> pollables = new ArrayList<>(in.size());
        for (WitValue v : in) {
            pollables.add(((WitValue.Borrow) v).handle().rep(HostPollable.class));
        }
        List<WitValue> ready = readyIndices(pollables);
        if (ready.isEmpty()) {
            HostPollable soonest = pollables.get(0);
            for (HostPollable p : pollables) {
                if (p.remainingNanos() < soonest.remainingNanos()) {
                    soonest = p;
                }
            }
            block(soonest);
            ready = readyIndices(pollables);
            if (ready.isEmpty()) {
                // A virtual clock may not have moved; the waited-for pollable counts as ready.
                ready = List.of(WitValue.u32(pollables.indexOf(soonest)));
            }
        }
        return new WitValue.ListValue(ready);
    }

    private static List<WitValue> readyIndices(List<HostPollable> pollables) {
        List<WitValue> ready = new ArrayList<>();
        for (int i = 0; i < pollables.size(); i++) {
            if (pollables.get(i).ready()) {
                ready.add(WitValue.u32(i));
            }
        }
        return ready;
    }

    private static void block(HostPollable p) throws InterruptedException {
        try {
            p.block();
        } catch (InterruptedException e) {
            // Keep the flag: the embedder interrupted the guest on purpose (a deadline).
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
