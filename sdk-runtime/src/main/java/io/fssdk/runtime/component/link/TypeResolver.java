package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.PrimitiveType;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.binary.ComponentType;
import io.fssdk.runtime.component.binary.DefType;
import io.fssdk.runtime.component.binary.DefValType;
import io.fssdk.runtime.component.binary.FuncType;
import io.fssdk.runtime.component.binary.InstanceType;
import io.fssdk.runtime.component.binary.LabeledValType;
import io.fssdk.runtime.component.binary.PrimValType;
import io.fssdk.runtime.component.binary.ResourceType;
import io.fssdk.runtime.component.binary.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the index-based type definitions of the binary model into the public {@link WitType} model,
 * against a {@link TypeScope}. Resource <em>definitions</em> are not handled here: they need a destructor
 * from the core index space, so the instantiator gives them their identity.
 */
final class TypeResolver {
    private TypeResolver() {
    }

    /** Resolves a type definition that is not a resource definition. */
    static TypeEntry define(DefType type, TypeScope scope) {
        if (type instanceof DefValType v) {
            return new TypeEntry.Value(defValType(v, scope));
        } else if (type instanceof FuncType f) {
            return new TypeEntry.Func(func(f, scope));
        } else if (type instanceof InstanceType i) {
            return new TypeEntry.Instance(i, scope);
        } else if (type instanceof ComponentType c) {
            return new TypeEntry.Component(c, scope);
        } else if (type instanceof ResourceType) {
            throw new InvalidException("resource types may only be defined directly in a component");
        }
        throw new IllegalStateException("unknown type definition " + type);
    }

    /** Resolves a function type. */
    static FuncSignature func(FuncType f, TypeScope scope) {
        List<WitType.Field> params = new ArrayList<>(f.params().size());
        for (LabeledValType p : f.params()) {
            params.add(new WitType.Field(p.label(), valType(p.type(), scope)));
        }
        Optional<WitType> result = f.result().map(r -> valType(r, scope));
        return new FuncSignature(params, result);
    }

    /** Resolves a value type reference. */
    static WitType valType(ValType type, TypeScope scope) {
        if (type instanceof PrimValType p) {
            return primitive(p);
        }
        int index = ((ValType.TypeRef) type).typeIndex();
        TypeEntry e = scope.get(index);
        if (e instanceof TypeEntry.Value v) {
            return v.type();
        }
        throw new InvalidException("type index " + index + " is a " + e.describe() + ", not a value type");
    }

    /** Resolves a defined value type. */
    static WitType defValType(DefValType t, TypeScope scope) {
        if (t instanceof PrimValType p) {
            return primitive(p);
        } else if (t instanceof DefValType.RecordType r) {
            List<WitType.Field> fields = new ArrayList<>(r.fields().size());
            for (LabeledValType f : r.fields()) {
                fields.add(new WitType.Field(f.label(), valType(f.type(), scope)));
            }
            return new WitType.RecordType(fields);
        } else if (t instanceof DefValType.VariantType v) {
            List<WitType.Case> cases = new ArrayList<>(v.cases().size());
            for (DefValType.Case c : v.cases()) {
                cases.add(new WitType.Case(c.label(), c.type().map(x -> valType(x, scope))));
            }
            return new WitType.VariantType(cases);
        } else if (t instanceof DefValType.ListType l) {
            return new WitType.ListType(valType(l.element(), scope));
        } else if (t instanceof DefValType.TupleType tu) {
            List<WitType> types = new ArrayList<>(tu.types().size());
            for (ValType x : tu.types()) {
                types.add(valType(x, scope));
            }
            return new WitType.TupleType(types);
        } else if (t instanceof DefValType.FlagsType f) {
            return new WitType.FlagsType(f.labels());
        } else if (t instanceof DefValType.EnumType e) {
            return new WitType.EnumType(e.labels());
        } else if (t instanceof DefValType.OptionType o) {
            return new WitType.OptionType(valType(o.type(), scope));
        } else if (t instanceof DefValType.ResultType r) {
            return new WitType.ResultType(r.ok().map(x -> valType(x, scope)), r.error().map(x -> valType(x, scope)));
        } else if (t instanceof DefValType.OwnType o) {
            return new WitType.OwnType(resource(o.resourceTypeIndex(), scope));
        } else if (t instanceof DefValType.BorrowType b) {
            return new WitType.BorrowType(resource(b.resourceTypeIndex(), scope));
        }
        throw new IllegalStateException("unknown value type " + t);
    }

    private static io.fssdk.runtime.component.ResourceType resource(int index, TypeScope scope) {
        TypeEntry e = scope.get(index);
        if (e instanceof TypeEntry.Resource r) {
            return r.type();
        }
        throw new InvalidException("handle type refers to type index " + index + ", a " + e.describe()
                + ", not a resource");
    }

    static PrimitiveType primitive(PrimValType p) {
        return switch (p) {
            case BOOL -> PrimitiveType.BOOL;
            case S8 -> PrimitiveType.S8;
            case U8 -> PrimitiveType.U8;
            case S16 -> PrimitiveType.S16;
            case U16 -> PrimitiveType.U16;
            case S32 -> PrimitiveType.S32;
            case U32 -> PrimitiveType.U32;
            case S64 -> PrimitiveType.S64;
            case U64 -> PrimitiveType.U64;
            case F32 -> PrimitiveType.F32;
            case F64 -> PrimitiveType.F64;
            case CHAR -> PrimitiveType.CHAR;
            case STRING -> PrimitiveType.STRING;
        };
    }
}
