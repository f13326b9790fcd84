package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.binary.CoreSort;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A core instance in a component's core-instance index space: an instantiated core module, or a bag of
 * items made by inline exports ({@code (core instance (export "f" (func 0)) ...)}).
 */
sealed interface CoreInstanceItem {
    /**
     * The export {@code name}, checked to be of {@code sort}.
     *
     * @throws InvalidException when there is no such export, or it is of another sort
     */
    CoreExtern export(String name, CoreSort sort);

    /** An instantiated core module. */
    record Module(Instance instance, String label) implements CoreInstanceItem {
        public Module {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(label, "label");
        }

        @Override
        public CoreExtern export(String name, CoreSort sort) {
            ExportSection exports = instance.module().exportSection();
            for (int i = 0; i < exports.exportCount(); i++) {
                Export e = exports.getExport(i);
                if (e.name().equals(name)) {
                    return switch (e.exportType()) {
                        case FUNCTION -> check(new CoreExtern.Func(
                                new CoreFunc.Exported(instance, name, instance.exportType(name))), sort, name);
                        case MEMORY -> check(new CoreExtern.Mem(instance.exports().memory(name)), sort, name);
                        case TABLE -> check(new CoreExtern.Table(instance.exports().table(name)), sort, name);
                        case GLOBAL -> check(new CoreExtern.Global(instance.exports().global(name)), sort, name);
                        default -> throw new InvalidException(label + " export `" + name + "` is a "
                                + e.exportType() + ", which components cannot use");
                    };
                }
            }
            throw new InvalidException(label + " has no export `" + name + "`");
        }

        private CoreExtern check(CoreExtern found, CoreSort sort, String name) {
            if (found.sort() != sort) {
                throw new InvalidException(label + " export `" + name + "` is a core " + found.sort().text()
                        + ", expected a core " + sort.text());
            }
            return found;
        }
    }

    /** A core instance made of inline exports. */
    record Inline(Map<String, CoreExtern> exports) implements CoreInstanceItem {
        public Inline {
            exports = Map.copyOf(exports);
        }

        static Inline empty() {
            return new Inline(new HashMap<>());
        }

        @Override
        public CoreExtern export(String name, CoreSort sort) {
            CoreExtern e = exports.get(name);
            if (e == null) {
                throw new InvalidException("core instance has no export `" + name + "`");
            }
            if (e.sort() != sort) {
                throw new InvalidException("core instance export `" + name + "` is a core " + e.sort().text()
                        + ", expected a core " + sort.text());
            }
            return e;
        }
    }
}
