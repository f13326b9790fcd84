package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.Memory;
import io.fssdk.runtime.component.abi.CanonicalOptions;
import io.fssdk.runtime.component.abi.ChicoryMemory;
import io.fssdk.runtime.component.abi.StringEncoding;
import io.fssdk.runtime.component.binary.CanonOptions;
import io.fssdk.runtime.component.binary.Sort;
import java.util.Optional;

/**
 * The canonical options of one {@code canon lift} or {@code canon lower}, resolved against the index
 * spaces: the memory, the realloc and post-return functions, and the string encoding. Built once per
 * definition; {@link #abi()} is the ready-made {@link CanonicalOptions} the ABI code uses on every call.
 */
final class GuestOptions {
    private final CanonicalOptions abi;
    private final Optional<CoreInvoker> postReturn;

    private GuestOptions(CanonicalOptions abi, Optional<CoreInvoker> postReturn) {
        this.abi = abi;
        this.postReturn = postReturn;
    }

    /** Resolves options; realloc and post-return run with imports forbidden, as the spec requires. */
    static GuestOptions resolve(CanonOptions o, Scope scope) {
        StringEncoding enc = switch (o.stringEncoding()) {
            case UTF8 -> StringEncoding.UTF8;
            case UTF16 -> StringEncoding.UTF16;
            case LATIN1_UTF16 -> StringEncoding.LATIN1_UTF16;
        };
        Optional<CoreInvoker> post = Optional.empty();
        if (o.postReturn().isPresent()) {
            post = Optional.of(new CoreInvoker(Scope.at(scope.coreFuncs, o.postReturn().getAsInt(), Sort.CORE_FUNC)));
        }
        if (o.memory().isEmpty()) {
            return new GuestOptions(CanonicalOptions.none(), post);
        }
        Memory memory = Scope.at(scope.coreMemories, o.memory().getAsInt(), Sort.CORE_MEMORY);
        ChicoryMemory guest = new ChicoryMemory(memory);
        if (o.realloc().isEmpty()) {
            return new GuestOptions(CanonicalOptions.of(enc, guest), post);
        }
        CoreInvoker realloc = new CoreInvoker(Scope.at(scope.coreFuncs, o.realloc().getAsInt(), Sort.CORE_FUNC));
        return new GuestOptions(CanonicalOptions.of(enc, guest, new GuestRealloc(scope.state, realloc)), post);
    }

    CanonicalOptions abi() {
        return abi;
    }

    Optional<CoreInvoker> postReturn() {
        return postReturn;
    }
}
