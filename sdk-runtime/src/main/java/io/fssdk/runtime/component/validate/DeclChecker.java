package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.Alias;
import io.fssdk.runtime.component.binary.ComponentDecl;
import io.fssdk.runtime.component.binary.ComponentType;
import io.fssdk.runtime.component.binary.CoreTypeDefinition;
import io.fssdk.runtime.component.binary.ExportDecl;
import io.fssdk.runtime.component.binary.Import;
import io.fssdk.runtime.component.binary.InstanceType;
import io.fssdk.runtime.component.binary.TypeDefinition;
import java.util.List;

/**
 * Validates component and instance types: their declarators, in order, each type with its own initially
 * empty index spaces and outer aliases reaching enclosing scopes (Binary.md,
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">Type
 * Definitions</a>; Explainer.md, Declarators).
 */
final class DeclChecker {
    private DeclChecker() {
    }

    /** Validates and resolves an instance type defined in {@code parent}. */
    static InstanceInfo instance(InstanceType type, Scope parent) {
        Scope scope = new Scope(Scope.Kind.INSTANCE_TYPE, parent);
        declarators(type.decls(), scope);
        InstanceInfo info = new InstanceInfo(scope.exports, scope.hasFreeResource());
        TypeChecker.requireDepth(info.depth(), "instance type");
        TypeChecker.requireSize(info);
        return info;
    }

    /** Validates and resolves a component type defined in {@code parent}. */
    static ComponentInfo component(ComponentType type, Scope parent) {
        Scope scope = new Scope(Scope.Kind.COMPONENT_TYPE, parent);
        declarators(type.decls(), scope);
        ComponentInfo info = new ComponentInfo(scope.imports, scope.exports, scope, scope.hasFreeResource());
        TypeChecker.requireDepth(info.depth(), "component type");
        TypeChecker.requireSize(info);
        return info;
    }

    private static void declarators(List<? extends ComponentDecl> decls, Scope scope) {
        int j = 0;
        for (ComponentDecl d : decls) {
            try {
                declarator(d, scope);
            } catch (Invalid e) {
                throw e.at(scope.kind().text() + " declaration " + j);
            }
            j++;
        }
    }

    private static void declarator(ComponentDecl d, Scope scope) {
        if (d instanceof CoreTypeDefinition c) {
            scope.coreTypes.add(CoreTypeChecker.define(c.type(), scope));
        } else if (d instanceof TypeDefinition t) {
            scope.types.add(TypeChecker.define(t.type(), scope));
        } else if (d instanceof Alias a) {
            AliasChecker.check(a, scope);
        } else if (d instanceof ExportDecl e) {
            ExternChecker.declareExport(e, scope);
        } else if (d instanceof Import i) {
            ExternChecker.declareImport(i, scope);
        } else {
            throw new IllegalStateException("unknown declarator " + d);
        }
    }
}
