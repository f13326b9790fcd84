package io.fssdk.runtime.component.binary;

import java.util.List;

/**
 * A core <a href="https://webassembly.github.io/spec/core/binary/types.html#function-types">function
 * type</a>, {@code 0x60 params results}, the one-member {@code core:rectype} of WebAssembly 1.0 to 2.0.
 *
 * @param params the parameter types
 * @param results the result types
 */
public record CoreFuncType(List<CoreValType> params, List<CoreValType> results) implements CoreType {
    /** Copies the lists. */
    public CoreFuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }
}
