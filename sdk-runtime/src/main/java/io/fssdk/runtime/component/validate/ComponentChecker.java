package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.Alias;
import io.fssdk.runtime.component.binary.Canon;
import io.fssdk.runtime.component.binary.CoreInstance;
import io.fssdk.runtime.component.binary.CoreModule;
import io.fssdk.runtime.component.binary.CoreTypeDefinition;
import io.fssdk.runtime.component.binary.CustomSection;
import io.fssdk.runtime.component.binary.Definition;
import io.fssdk.runtime.component.binary.Export;
import io.fssdk.runtime.component.binary.Import;
import io.fssdk.runtime.component.binary.Instance;
import io.fssdk.runtime.component.binary.NestedComponent;
import io.fssdk.runtime.component.binary.ParsedComponent;
import io.fssdk.runtime.component.binary.TypeDefinition;
import java.util.List;

/**
 * Walks one component's definitions in binary order, building its index spaces incrementally (Binary.md,
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#component-definitions">
 * Component Definitions</a>): each definition is validated against what precedes it, then appended. A nested
 * component is validated the same way, with its own spaces and this scope as its outer-alias parent.
 */
final class ComponentChecker {
    private ComponentChecker() {
    }

    /** Validates {@code c} in a new scope under {@code parent} (null for the outermost) and returns it. */
    static Scope check(ParsedComponent c, Scope parent) {
        Scope scope = new Scope(Scope.Kind.COMPONENT, parent);
        List<Definition> definitions = c.definitions();
        for (int i = 0; i < definitions.size(); i++) {
            Definition d = definitions.get(i);
            try {
                definition(d, scope);
            } catch (Invalid e) {
                throw e.at(what(d)).at("definition " + i + " (offset " + c.offsetOf(i) + ")");
            }
        }
        return scope;
    }

    private static void definition(Definition d, Scope scope) {
        if (d instanceof CoreModule m) {
            scope.coreModules.add(CoreTypeChecker.embedded(m, scope));
        } else if (d instanceof CoreInstance.Instantiate ci) {
            scope.coreInstances.add(CoreInstanceChecker.instantiate(ci, scope));
        } else if (d instanceof CoreInstance.FromExports fe) {
            scope.coreInstances.add(CoreInstanceChecker.fromExports(fe, scope));
        } else if (d instanceof CoreTypeDefinition t) {
            scope.coreTypes.add(CoreTypeChecker.define(t.type(), scope));
        } else if (d instanceof NestedComponent n) {
            Scope child = check(n.component(), scope);
            // Components are substitutable, so their type never counts as mentioning an outer resource.
            ComponentInfo info = new ComponentInfo(child.imports, child.exports, child, false);
            // Exporting an outer-aliased component nests one more level per definition: cap it like types.
            TypeChecker.requireDepth(info.depth(), "component");
            scope.components.add(info);
        } else if (d instanceof Instance.Instantiate ii) {
            scope.instances.add(InstanceChecker.instantiate(ii, scope));
        } else if (d instanceof Instance.FromExports fe) {
            scope.instances.add(InstanceChecker.fromExports(fe, scope));
        } else if (d instanceof Alias a) {
            AliasChecker.check(a, scope);
        } else if (d instanceof TypeDefinition t) {
            scope.types.add(TypeChecker.define(t.type(), scope));
        } else if (d instanceof Canon c) {
            CanonChecker.check(c, scope);
        } else if (d instanceof Import i) {
            ExternChecker.declareImport(i, scope);
        } else if (d instanceof Export e) {
            ExternChecker.export(e, scope);
        } else if (!(d instanceof CustomSection)) {
            throw new IllegalStateException("unknown definition " + d);
        }
    }

    /** The definition's kind, as the first step of a message's path. */
    private static String what(Definition d) {
        if (d instanceof Canon.Lift) {
            return "canon lift";
        } else if (d instanceof Canon.Lower) {
            return "canon lower";
        } else if (d instanceof Canon.ResourceNew) {
            return "canon resource.new";
        } else if (d instanceof Canon.ResourceDrop) {
            return "canon resource.drop";
        } else if (d instanceof Canon.ResourceRep) {
            return "canon resource.rep";
        } else if (d instanceof Import i) {
            return "import `" + i.name() + "`";
        } else if (d instanceof Export e) {
            return "export `" + e.name() + "`";
        } else if (d instanceof CoreModule) {
            return "core module";
        } else if (d instanceof CoreInstance) {
            return "core instance";
        } else if (d instanceof CoreTypeDefinition) {
            return "core type";
        } else if (d instanceof NestedComponent) {
            return "nested component";
        } else if (d instanceof Instance) {
            return "instance";
        } else if (d instanceof Alias) {
            return "alias";
        } else if (d instanceof TypeDefinition) {
            return "type";
        }
        return "definition";
    }
}
