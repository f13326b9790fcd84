package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.Objects;

/**
 * A core function in a component's core-function index space: either an export of an instantiated core
 * module, or a function the host synthesises (a {@code canon lower} trampoline, or a resource built-in).
 */
sealed interface CoreFunc {
    /** The function's core signature. */
    FunctionType type();

    /** This function as an import of another core module, under the given names. */
    ImportFunction asImport(String module, String name);

    /** A function exported by a Chicory instance. */
    record Exported(Instance instance, String exportName, FunctionType type) implements CoreFunc {
        public Exported {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(exportName, "exportName");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public ImportFunction asImport(String module, String name) {
            // exportAsImport keeps the source instance, so a call (or a table entry filled from it) runs in
            // the instance that defines the function, against its own memory and globals.
            return ImportFunction.exportAsImport(module, name, instance, exportName);
        }
    }

    /** A function implemented by the host. */
    record Host(FunctionType type, WasmFunctionHandle handle, String description) implements CoreFunc {
        public Host {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(description, "description");
        }

        @Override
        public ImportFunction asImport(String module, String name) {
            return new ImportFunction(module, name, type, handle);
        }
    }
}
