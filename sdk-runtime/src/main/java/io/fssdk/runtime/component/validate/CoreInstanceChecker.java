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
 * imported module, or an embedded one whose import and export sections validation decodes), each of its
 * imports must be supplied by the argument of its module name with an item that matches it by core subtyping
 * ({@link CoreSubtype#mismatch}): the right sort, the same function or global type, and table and memory limits
 * that fit. Whatever is not known statically is matched by the linker.
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
                throw new Invalid("duplicate module instantiation argument named `" + a.name() + "`");
            }
        }
        List<ModuleInfo.Import> imports = module.imports().orElse(List.of());
        for (ModuleInfo.Import imp : imports) {
            String what = "import `" + imp.module() + "` `" + imp.name() + "`";
            CoreInstanceInfo arg = args.get(imp.module());
            if (arg == null) {
                throw new Invalid("missing module instantiation argument named `" + imp.module() + "` for " + what);
            }
            if (arg.exports().isEmpty()) {
                continue;
            }
            CoreItem supplied = arg.exports().get().get(imp.name());
            if (supplied == null) {
                throw new Invalid("module instantiation argument `" + imp.module()
                        + "` does not export an item named `" + imp.name() + "` for " + what);
            }
            Optional<String> why = CoreSubtype.mismatch(supplied, imp.item());
            if (why.isPresent()) {
                throw new Invalid(what + ": argument `" + imp.module() + "` supplies an item of another type: "
                        + why.get());
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
