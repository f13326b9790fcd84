package io.fssdk.runtime.component.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes the type section (7) and Binary.md's {@code type}/{@code deftype} with the function,
 * component, instance and resource types and their declarators (Type Definitions). Component and
 * instance types nest, so every level is counted against {@link Limits#MAX_TYPE_NESTING_DEPTH}.
 */
final class TypeSectionReader {
    private static final String ASYNC = "component-model async";

    private TypeSectionReader() {
    }

    /** Decodes a type section into {@code sink}. */
    static void readSection(BinaryReader section, DefinitionSink sink) {
        sink.addAll(section, "types", r -> new TypeDefinition(read(r, 0)));
    }

    /** Reads one {@code deftype}, nested {@code depth} types deep. */
    static DefType read(BinaryReader r, int depth) {
        int offset = r.offset();
        int b = r.u8("type definition");
        return switch (b) {
            case 0x3f -> resource(r);
            case 0x3e -> throw r.unsupported(offset, "resource with an async destructor", ASYNC);
            case 0x40 -> function(r);
            case 0x43 -> throw r.unsupported(offset, "`async` function type", ASYNC);
            case 0x41 -> componentType(r, offset, depth + 1);
            case 0x42 -> instanceType(r, offset, depth + 1);
            default -> ValTypeReader.readDefined(r, offset, b);
        };
    }

    /** Fails if a type nested at {@code depth}, starting at {@code offset}, is too deep. */
    static void checkDepth(BinaryReader r, int offset, int depth) {
        if (depth > Limits.MAX_TYPE_NESTING_DEPTH) {
            throw r.errorAt(offset, "types nested too deeply (the limit is " + Limits.MAX_TYPE_NESTING_DEPTH + ")");
        }
    }

    private static ResourceType resource(BinaryReader r) {
        CoreValType rep = CoreExternTypeReader.readValType(r);
        int offset = r.offset();
        int b = r.u8("resource destructor");
        return switch (b) {
            case 0x00 -> new ResourceType(rep, OptionalInt.empty());
            case 0x01 -> new ResourceType(rep, OptionalInt.of(r.index("destructor core func index")));
            default -> throw r.badByte(offset, b, "resource destructor");
        };
    }

    private static FuncType function(BinaryReader r) {
        int count = r.count(Limits.MAX_FUNC_PARAMS, "function parameters");
        List<LabeledValType> params = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            params.add(ValTypeReader.readLabeled(r, "parameter"));
        }
        int offset = r.offset();
        int b = r.u8("function results");
        if (b == 0x00) {
            return new FuncType(params, Optional.of(ValTypeReader.read(r)));
        }
        if (b != 0x01) {
            throw r.badByte(offset, b, "function results");
        }
        int at = r.offset();
        if (r.u8("function results") != 0x00) {
            // `0x01 vec(labelvaltype)` with a non-empty vector was the multi-result encoding, removed
            // from the component model (and from wasm-tools) in 2025.
            throw r.errorAt(at, "named or multiple function results are not supported");
        }
        return new FuncType(params, Optional.empty());
    }

    private static ComponentType componentType(BinaryReader r, int offset, int depth) {
        checkDepth(r, offset, depth);
        int count = r.count(Limits.MAX_TYPE_DECLS, "component type declarators");
        List<ComponentDecl> decls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (r.peekU8("component type declarator") == 0x03) {
                r.u8("component type declarator");
                NameReader.AttributedName name = NameReader.readAttributed(r);
                decls.add(new Import(name.name(), name.attributes(), ExternTypeReader.read(r)));
            } else {
                decls.add(instanceDecl(r, depth, "component type declarator"));
            }
        }
        return new ComponentType(decls);
    }

    private static InstanceType instanceType(BinaryReader r, int offset, int depth) {
        checkDepth(r, offset, depth);
        int count = r.count(Limits.MAX_TYPE_DECLS, "instance type declarators");
        List<InstanceDecl> decls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            decls.add(instanceDecl(r, depth, "instance type declarator"));
        }
        return new InstanceType(decls);
    }

    private static InstanceDecl instanceDecl(BinaryReader r, int depth, String what) {
        int offset = r.offset();
        int b = r.u8(what);
        switch (b) {
            case 0x00:
                return new CoreTypeDefinition(CoreTypeSectionReader.read(r, depth));
            case 0x01:
                return new TypeDefinition(read(r, depth));
            case 0x02:
                return AliasSectionReader.read(r);
            case 0x04: {
                NameReader.AttributedName name = NameReader.readAttributed(r);
                return new ExportDecl(name.name(), name.attributes(), ExternTypeReader.read(r));
            }
            default:
                throw r.badByte(offset, b, what);
        }
    }
}
