package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.ComponentType;
import io.fssdk.runtime.component.binary.CoreFuncType;
import io.fssdk.runtime.component.binary.CoreSort;
import io.fssdk.runtime.component.binary.CoreValType;
import io.fssdk.runtime.component.binary.DefType;
import io.fssdk.runtime.component.binary.DefValType;
import io.fssdk.runtime.component.binary.FuncType;
import io.fssdk.runtime.component.binary.InstanceType;
import io.fssdk.runtime.component.binary.LabeledValType;
import io.fssdk.runtime.component.binary.Limits;
import io.fssdk.runtime.component.binary.PrimValType;
import io.fssdk.runtime.component.binary.ResourceType;
import io.fssdk.runtime.component.binary.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates a type definition in a scope and resolves it: Binary.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">Type
 * Definitions</a> notes. A {@code valtype} index must name a value type and a handle's index a resource;
 * labels are distinct ignoring case; a function result holds no {@code borrow}; resources are defined only
 * in components, with an {@code i32} rep and a destructor of type {@code [i32] -> []}; every value type's
 * {@code elem_size} is below 2<sup>28</sup> (CanonicalABI.md, Element Size).
 *
 * <p>Two caps keep the engine's recursive code safe on hostile input, since sharing by index lets a small
 * binary describe a huge type: nesting depth at most {@link Limits#MAX_TYPE_NESTING_DEPTH}, and the
 * effective size (the type with all sharing expanded) at most {@link #MAX_TYPE_SIZE}.
 */
final class TypeChecker {
    /** Largest effective type size: wasmparser's {@code MAX_WASM_TYPE_SIZE}, so nothing it accepts fails. */
    static final long MAX_TYPE_SIZE = 1_000_000;
    /** Exclusive bound on {@code elem_size(t, 'i64')}, the spec's {@code MAX_LIST_BYTE_LENGTH}. */
    static final long MAX_ELEM_SIZE = 1L << 28;

    private static final CoreFuncType DESTRUCTOR = new CoreFuncType(List.of(CoreValType.I32), List.of());

    private TypeChecker() {
    }

    /** Validates and resolves a type definition of {@code scope}. */
    static TypeInfo define(DefType type, Scope scope) {
        if (type instanceof DefValType v) {
            return value(v, scope);
        } else if (type instanceof FuncType f) {
            return func(f, scope);
        } else if (type instanceof ComponentType c) {
            return DeclChecker.component(c, scope);
        } else if (type instanceof InstanceType i) {
            return DeclChecker.instance(i, scope);
        }
        return resource((ResourceType) type, scope);
    }

    private static ValueInfo value(DefValType t, Scope scope) {
        ValueInfo v = build(t, scope);
        requireDepth(v.depth(), "value type");
        requireSize(v);
        if (v.elemSize() >= MAX_ELEM_SIZE) {
            throw new Invalid("value type's byte size " + v.elemSize() + " exceeds maximum byte size of "
                    + MAX_ELEM_SIZE);
        }
        return v;
    }

    private static ValueInfo build(DefValType t, Scope scope) {
        if (t instanceof PrimValType p) {
            return ValueInfo.prim(p);
        } else if (t instanceof DefValType.RecordType r) {
            Names.requireDistinct(r.fields().stream().map(LabeledValType::label).toList(), "field");
            return ValueInfo.record(r.fields().stream().map(LabeledValType::label).toList(),
                    r.fields().stream().map(f -> valType(f.type(), scope)).toList());
        } else if (t instanceof DefValType.VariantType v) {
            Names.requireDistinct(v.cases().stream().map(DefValType.Case::label).toList(), "case");
            List<Optional<ValueInfo>> cases = new ArrayList<>(v.cases().size());
            for (DefValType.Case c : v.cases()) {
                cases.add(c.type().map(x -> valType(x, scope)));
            }
            return ValueInfo.variant(v.cases().stream().map(DefValType.Case::label).toList(), cases);
        } else if (t instanceof DefValType.ListType l) {
            return ValueInfo.list(valType(l.element(), scope));
        } else if (t instanceof DefValType.TupleType tu) {
            return ValueInfo.tuple(tu.types().stream().map(x -> valType(x, scope)).toList());
        } else if (t instanceof DefValType.FlagsType f) {
            Names.requireDistinct(f.labels(), "flag");
            return ValueInfo.flags(f.labels());
        } else if (t instanceof DefValType.EnumType e) {
            Names.requireDistinct(e.labels(), "enum case");
            return ValueInfo.enumOf(e.labels());
        } else if (t instanceof DefValType.OptionType o) {
            return ValueInfo.option(valType(o.type(), scope));
        } else if (t instanceof DefValType.ResultType r) {
            return ValueInfo.result(r.ok().map(x -> valType(x, scope)), r.error().map(x -> valType(x, scope)));
        } else if (t instanceof DefValType.OwnType o) {
            return ValueInfo.own(resource(o.resourceTypeIndex(), scope, "own"));
        }
        return ValueInfo.borrow(resource(((DefValType.BorrowType) t).resourceTypeIndex(), scope, "borrow"));
    }

    /** Resolves a {@code valtype}: a primitive, or the index of a value type. */
    static ValueInfo valType(ValType t, Scope scope) {
        if (t instanceof PrimValType p) {
            return ValueInfo.prim(p);
        }
        int index = ((ValType.TypeRef) t).typeIndex();
        TypeInfo info = scope.types.get(index);
        if (info instanceof ValueInfo v) {
            return v;
        }
        throw new Invalid("type index " + index + " is " + info.describe() + ", not a value type");
    }

    /** The resource type at {@code index}, for a handle or a resource built-in. */
    static ResourceInfo resource(int index, Scope scope, String user) {
        TypeInfo info = scope.types.get(index);
        if (info instanceof ResourceInfo r) {
            return r;
        }
        throw new Invalid(user + " needs a resource type, but type index " + index + " is " + info.describe());
    }

    private static FuncInfo func(FuncType f, Scope scope) {
        Names.requireDistinct(f.params().stream().map(LabeledValType::label).toList(), "parameter");
        List<FuncInfo.Param> params = new ArrayList<>(f.params().size());
        for (LabeledValType p : f.params()) {
            params.add(new FuncInfo.Param(p.label(), valType(p.type(), scope)));
        }
        Optional<ValueInfo> result = f.result().map(r -> valType(r, scope));
        if (result.isPresent() && result.get().hasBorrow()) {
            // A borrow is only valid for the duration of a call, so it cannot outlive it as a result.
            throw new Invalid("function result cannot contain a `borrow` type");
        }
        FuncInfo info = new FuncInfo(params, result);
        requireSize(info);
        return info;
    }

    private static ResourceInfo resource(ResourceType r, Scope scope) {
        if (scope.kind() != Scope.Kind.COMPONENT) {
            throw new Invalid("resource types can only be defined in a component, not in "
                    + (scope.kind() == Scope.Kind.INSTANCE_TYPE ? "an " : "a ") + scope.kind().text());
        }
        if (r.rep() != CoreValType.I32) {
            throw new Invalid("resource representation must be i32, not " + r.rep().text());
        }
        if (r.destructor().isPresent()) {
            int index = r.destructor().getAsInt();
            CoreItem dtor = scope.core(CoreSort.FUNC).get(index);
            if (dtor.func().isPresent() && !dtor.func().get().equals(DESTRUCTOR)) {
                throw new Invalid("resource destructor core func " + index + " has type "
                        + CoreTypeChecker.text(dtor.func().get()) + ", expected " + CoreTypeChecker.text(DESTRUCTOR));
            }
        }
        return ResourceInfo.defined(scope);
    }

    /** Fails when a value, instance or component type nests deeper than the engine's recursion allows. */
    static void requireDepth(int depth, String what) {
        if (depth > Limits.MAX_TYPE_NESTING_DEPTH) {
            throw new Invalid(what + " nesting depth " + depth + " exceeds the limit of "
                    + Limits.MAX_TYPE_NESTING_DEPTH);
        }
    }

    /** Fails when a type's effective size exceeds {@link #MAX_TYPE_SIZE}. */
    static void requireSize(TypeInfo t) {
        if (t.size() > MAX_TYPE_SIZE) {
            throw new Invalid("effective type size exceeds the limit of " + MAX_TYPE_SIZE);
        }
    }
}
