package io.fssdk.runtime.component.validate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.binary.DefType;
import io.fssdk.runtime.component.binary.DefValType;
import io.fssdk.runtime.component.binary.Definition;
import io.fssdk.runtime.component.binary.Export;
import io.fssdk.runtime.component.binary.ExportDecl;
import io.fssdk.runtime.component.binary.ExternName;
import io.fssdk.runtime.component.binary.ExternType;
import io.fssdk.runtime.component.binary.FuncType;
import io.fssdk.runtime.component.binary.Import;
import io.fssdk.runtime.component.binary.Instance;
import io.fssdk.runtime.component.binary.InstanceType;
import io.fssdk.runtime.component.binary.LabeledValType;
import io.fssdk.runtime.component.binary.NameAttributes;
import io.fssdk.runtime.component.binary.NestedComponent;
import io.fssdk.runtime.component.binary.ParsedComponent;
import io.fssdk.runtime.component.binary.PrimValType;
import io.fssdk.runtime.component.binary.Sort;
import io.fssdk.runtime.component.binary.SortIndex;
import io.fssdk.runtime.component.binary.TypeBound;
import io.fssdk.runtime.component.binary.TypeDefinition;
import io.fssdk.runtime.component.binary.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Subtyping of instantiation arguments and export ascriptions, and external visibility, on components
 * built as decoded models (the spec's validation suite covers the rules broadly; these pin the messages).
 */
class SubtypeTest {
    private static ParsedComponent component(Definition... definitions) {
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < definitions.length; i++) {
            offsets.add(i);
        }
        return new ParsedComponent(List.of(definitions), offsets);
    }

    private static TypeDefinition type(DefType t) {
        return new TypeDefinition(t);
    }

    private static DefValType record(String field, ValType type) {
        return new DefValType.RecordType(List.of(new LabeledValType(field, type)));
    }

    private static Import imp(String name, ExternType type) {
        return new Import(new ExternName.Plain(name), NameAttributes.NONE, type);
    }

    private static ExternType eq(int index) {
        return new ExternType.Type(new TypeBound.Eq(index));
    }

    private static ExternType subResource() {
        return new ExternType.Type(new TypeBound.SubResource());
    }

    private static Instance.Arg with(String name, Sort sort, int index) {
        return new Instance.Arg(name, new SortIndex(sort, index));
    }

    private static String reject(ParsedComponent c) {
        return assertThrows(InvalidException.class, () -> ComponentValidator.validate(c)).getMessage();
    }

    /** A nested component importing {@code (type (eq record {x: string}))} as "x", instantiated with {@code arg}. */
    private static ParsedComponent recordArgument(DefValType arg) {
        ParsedComponent nested = component(type(record("x", PrimValType.STRING)), imp("x", eq(0)));
        return component(type(arg), new NestedComponent(nested),
                new Instance.Instantiate(0, List.of(with("x", Sort.TYPE, 0))));
    }

    @Test
    void structurallyEqualValueTypeArgumentIsAccepted() {
        assertDoesNotThrow(() -> ComponentValidator.validate(recordArgument(record("x", PrimValType.STRING))));
    }

    @Test
    void valueTypeArgumentMismatchNamesTheField() {
        String m = reject(recordArgument(record("x", PrimValType.U32)));
        assertTrue(m.endsWith("instantiation argument `x` does not match the import's type: type mismatch in record"
                + " field `x`: expected primitive `string` found primitive `u32`"), m);
        assertTrue(reject(recordArgument(record("y", PrimValType.STRING)))
                .endsWith("expected field name `x`, found `y`"));
    }

    @Test
    void resourcesCompareByIdentity() {
        ParsedComponent nested = component(imp("a", subResource()), imp("b", eq(0)));
        ParsedComponent different = component(imp("T1", subResource()), imp("T2", subResource()),
                new NestedComponent(nested),
                new Instance.Instantiate(0, List.of(with("a", Sort.TYPE, 0), with("b", Sort.TYPE, 1))));
        assertTrue(reject(different).endsWith("resource types are not the same"), reject(different));
        ParsedComponent same = component(imp("T1", subResource()), imp("T2", subResource()),
                new NestedComponent(nested),
                new Instance.Instantiate(0, List.of(with("a", Sort.TYPE, 1), with("b", Sort.TYPE, 1))));
        assertDoesNotThrow(() -> ComponentValidator.validate(same));
    }

    @Test
    void instanceArgumentNeedsEveryExpectedExport() {
        ParsedComponent nested = component(type(new FuncType(List.of(), Optional.empty())),
                type(new InstanceType(List.of(type(new FuncType(List.of(), Optional.empty())),
                        new ExportDecl(new ExternName.Plain("f"), NameAttributes.NONE, new ExternType.Func(0))))),
                imp("i", new ExternType.Instance(1)));
        ParsedComponent c = component(type(new InstanceType(List.of())), imp("i", new ExternType.Instance(0)),
                new NestedComponent(nested), new Instance.Instantiate(0, List.of(with("i", Sort.INSTANCE, 0))));
        assertTrue(reject(c).endsWith("missing expected export `f`"), reject(c));
    }

    @Test
    void exportAscriptionMustMatch() {
        FuncType takesU32 = new FuncType(List.of(new LabeledValType("x", PrimValType.U32)), Optional.empty());
        FuncType takesS32 = new FuncType(List.of(new LabeledValType("x", PrimValType.S32)), Optional.empty());
        ParsedComponent c = component(type(takesU32), type(takesS32), imp("f", new ExternType.Func(0)),
                new Export(new ExternName.Plain("g"), NameAttributes.NONE, new SortIndex(Sort.FUNC, 0),
                        Optional.of(new ExternType.Func(1))));
        assertTrue(reject(c).endsWith("the item does not match the export's type ascription: type mismatch in"
                + " function parameter `x`: expected primitive `s32` found primitive `u32`"), reject(c));
    }

    @Test
    void recordsInImportedFuncsNeedAnImportedName() {
        // (type $r (record)) (type (func (result $r))) (import "f" (func (type 1))): $r has no name.
        ParsedComponent unnamed = component(type(record("x", PrimValType.U32)),
                type(new FuncType(List.of(), Optional.of(new ValType.TypeRef(0)))), imp("f", new ExternType.Func(1)));
        assertTrue(reject(unnamed).endsWith("import `f`: func not valid to be used as import: a record type it uses"
                + " has no externally visible name here (import or export it first)"), reject(unnamed));
        // Importing the record first names the new index 1, which the func type then uses.
        ParsedComponent named = component(type(record("x", PrimValType.U32)), imp("r", eq(0)),
                type(new FuncType(List.of(), Optional.of(new ValType.TypeRef(1)))), imp("f", new ExternType.Func(2)));
        assertDoesNotThrow(() -> ComponentValidator.validate(named));
    }
}
