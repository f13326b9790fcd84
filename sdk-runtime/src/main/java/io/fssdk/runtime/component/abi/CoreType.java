package io.fssdk.runtime.component.abi;

import com.dylibso.chicory.wasm.types.ValType;

/**
 * A core WebAssembly value type that a component value flattens into.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flattening">
 *     CanonicalABI.md: flattening</a>
 */
public enum CoreType {
    /** {@code i32}. */
    I32,
    /** {@code i64}. */
    I64,
    /** {@code f32}. */
    F32,
    /** {@code f64}. */
    F64;

    /**
     * The spec's {@code join}: the tightest core type both can be bit-cast into, used where variant cases
     * flatten differently.
     */
    public static CoreType join(CoreType a, CoreType b) {
        if (a == b) {
            return a;
        }
        if ((a == I32 && b == F32) || (a == F32 && b == I32)) {
            return I32;
        }
        return I64;
    }

    /** The matching Chicory value type, for building and checking core signatures. */
    public ValType valType() {
        return switch (this) {
            case I32 -> ValType.I32;
            case I64 -> ValType.I64;
            case F32 -> ValType.F32;
            case F64 -> ValType.F64;
        };
    }
}
