package io.fssdk.runtime.component.binary;

import java.util.List;
import java.util.Objects;

/**
 * A core instance definition (section 2), Binary.md's {@code core:instance} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#instance-definitions">
 * Instance Definitions</a>: either a module instantiated with named core instances as its imports, or a bag
 * of core items given export names.
 */
public sealed interface CoreInstance extends Definition {

    /**
     * {@code 0x00 m arg*}: instantiates core module {@code moduleIndex}.
     *
     * @param moduleIndex the core module index
     * @param args one core instance per import module name
     */
    record Instantiate(int moduleIndex, List<Arg> args) implements CoreInstance {
        /** Copies the arguments. */
        public Instantiate {
            args = List.copyOf(args);
        }
    }

    /**
     * {@code core:instantiatearg}: {@code (with "name" (instance i))}; the binary allows only the
     * instance sort ({@code 0x12}) here.
     *
     * @param name the import module name it satisfies
     * @param instanceIndex the core instance index
     */
    record Arg(String name, int instanceIndex) {
        /** Checks the name is present. */
        public Arg {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * {@code 0x01 e*}: an instance whose exports are existing core items.
     *
     * @param exports the inline exports
     */
    record FromExports(List<Export> exports) implements CoreInstance {
        /** Copies the exports. */
        public FromExports {
            exports = List.copyOf(exports);
        }
    }

    /**
     * {@code core:inlineexport}: {@code (export "name" (sort idx))}.
     *
     * @param name the export name, any string
     * @param sort the core sort of the item
     * @param index the index in that core index space
     */
    record Export(String name, CoreSort sort, int index) {
        /** Checks the parts are present. */
        public Export {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sort, "sort");
        }
    }
}
