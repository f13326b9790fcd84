package io.fssdk.runtime.component.binary;

import java.util.List;
import java.util.Objects;

/**
 * A component instance definition (section 5), Binary.md's {@code instance} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#instance-definitions">
 * Instance Definitions</a>: either a component instantiated with named arguments, or a bag of existing items
 * given export names.
 */
public sealed interface Instance extends Definition {

    /**
     * {@code 0x00 c arg*}: instantiates component {@code componentIndex}.
     *
     * @param componentIndex the component index
     * @param args one item per import name of the component
     */
    record Instantiate(int componentIndex, List<Arg> args) implements Instance {
        /** Copies the arguments. */
        public Instantiate {
            args = List.copyOf(args);
        }
    }

    /**
     * {@code instantiatearg}: {@code (with "name" (sort idx))}.
     *
     * @param name the import name it satisfies, compared by plain string equality
     * @param item the item supplied
     */
    record Arg(String name, SortIndex item) {
        /** Checks the parts are present. */
        public Arg {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(item, "item");
        }
    }

    /**
     * {@code 0x01 e*}: an instance whose exports are existing items.
     *
     * @param exports the inline exports
     */
    record FromExports(List<Export> exports) implements Instance {
        /** Copies the exports. */
        public FromExports {
            exports = List.copyOf(exports);
        }
    }

    /**
     * {@code inlineexport}: {@code (export "name" (sort idx))}.
     *
     * @param name the export name
     * @param attributes the name's attributes, usually none
     * @param item the item exported
     */
    record Export(ExternName name, NameAttributes attributes, SortIndex item) {
        /** Checks the parts are present. */
        public Export {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(item, "item");
        }
    }
}
