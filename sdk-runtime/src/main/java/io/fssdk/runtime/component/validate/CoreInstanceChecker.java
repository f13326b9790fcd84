package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.CoreInstance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates core instance definitions: Binary.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#instance-definitions">
 * Instance Definitions</a>. Argument names and inline export names are unique, every index is in range, and
 * inline exports are functions, tables, memories, globals or tags. When the module's type is known (an
 * imported module), each of its imports must be supplied by the argument of its module name with an item of
 * the right sort and, where both are known, the same function type. The imports of a module embedded in the
 * component are matched when it is instantiated, not here.
 */
final class CoreInstanceChecker {
    private CoreInstanceChecker() {
    }

    /** The core instance {@code ci} creates. */
    static CoreInstanceInfo instantiate(CoreInstance.Instantiate ci, Scope scope) {
        ModuleInfo module = scope.coreModules.get(ci.moduleIndex());
        Map<String, CoreInstanceInfo> args = new HashMap<>();
        for (CoreInstance.Arg a : ci.args()) {
            CoreInstanceInfo instance = scope.coreInstances.get(a.instanceIndex());
            if (args.putIfAbsent(a.name(), instance) != null) {
                throw new Invalid("duplicate core instantiation argument `" + a.name() + "`");
            }
        }
        List<ModuleInfo.Import> imports = module.imports().orElse(List.of());
        for (ModuleInfo.Import imp : imports) {
            String what = "import `" + imp.module() + "` `" + imp.name() + "`";
            CoreInstanceInfo arg = args.get(imp.module());
            if (arg == null) {
                throw new Invalid("missing core instantiation argument `" + imp.module() + "` for " + what);
            }
            if (arg.exports().isEmpty()) {
                continue;
            }
            CoreItem supplied = arg.exports().get().get(imp.name());
            if (supplied == null) {
                throw new Invalid("argument `" + imp.module() + "` has no export named `" + imp.name()
                        + "` for " + what);
            }
            if (supplied.sort() != imp.item().sort()) {
                throw new Invalid(what + " needs a core " + imp.item().sort().text() + ", but argument `"
                        + imp.module() + "` exports a core " + supplied.sort().text());
            }
            if (supplied.func().isPresent() && imp.item().func().isPresent()
                    && !supplied.func().get().equals(imp.item().func().get())) {
                throw new Invalid(what + " has type " + CoreTypeChecker.text(imp.item().func().get())
                        + ", but argument `" + imp.module() + "` exports one of type "
                        + CoreTypeChecker.text(supplied.func().get()));
            }
        }
        return new CoreInstanceInfo(module.exports());
    }

    /** The core instance a bag of core exports creates. */
    static CoreInstanceInfo fromExports(CoreInstance.FromExports fe, Scope scope) {
        Map<String, CoreItem> exports = new HashMap<>();
        for (CoreInstance.Export e : fe.exports()) {
            CoreItem item = scope.core(e.sort()).get(e.index());
            if (exports.putIfAbsent(e.name(), item) != null) {
                throw new Invalid("export name `" + e.name() + "` already defined");
            }
        }
        return new CoreInstanceInfo(Optional.of(exports));
    }
}
