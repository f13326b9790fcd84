package io.fssdk.runtime.component.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.binary.Alias;
import io.fssdk.runtime.component.binary.Bin;
import io.fssdk.runtime.component.binary.ComponentParser;
import io.fssdk.runtime.component.binary.ParsedComponent;
import io.fssdk.runtime.component.binary.Sort;
import io.fssdk.runtime.testing.ComponentFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the fixtures cannot show: the exact shape of messages, rules that component text cannot express,
 * and that validation stays fast on large and hostile inputs.
 */
class ComponentValidatorTest {
    /** {@code (type (func))}: no parameters, no result. */
    private static final Bin FUNC_TYPE = Bin.of(0x40, 0x00, 0x01, 0x00);

    private static ParsedComponent parse(Bin... sections) {
        return ComponentParser.parse(Bin.component(sections));
    }

    private static String reject(ParsedComponent c) {
        return assertThrows(InvalidException.class, () -> ComponentValidator.validate(c)).getMessage();
    }

    @Test
    void messageNamesTheDefinitionAndItsOffset() {
        // A custom section (definition 0), then (type (list 5)) with no type 5.
        ParsedComponent c = parse(Bin.of(0x00, 0x03).name("x").u8(0x00), Bin.vecSection(7, Bin.of(0x70, 0x05)));
        assertEquals("definition 1 (offset " + c.offsetOf(1) + "): type: unknown type 5: type index out of bounds (0 defined)",
                reject(c));
    }

    @Test
    void coreItemsOtherThanModulesCannotBeExported() {
        // (type (func)) (import "f" (func (type 0))) (core func (canon lower (func 0))) (export "g" (core func 0))
        ParsedComponent c = parse(
                Bin.vecSection(7, FUNC_TYPE),
                Bin.vecSection(10, Bin.of().externName("f").u8(0x01, 0x00)),
                Bin.vecSection(8, Bin.of(0x01, 0x00, 0x00, 0x00)),
                Bin.vecSection(11, Bin.of().externName("g").u8(0x00, 0x00, 0x00, 0x00)));
        assertTrue(reject(c).endsWith("export `g`: a core func cannot be used as a component-level item"),
                reject(c));
    }

    @Test
    void outerAliasCountAboveIntRangeIsRejected() {
        // The decoder keeps counts within int range; the validator does not rely on it for a model built
        // otherwise: (alias outer 0xffffffff 0 (type)) as a Java int is -1.
        ParsedComponent c = new ParsedComponent(List.of(new Alias.Outer(Sort.TYPE, -1, 0)), List.of(8));
        assertTrue(reject(c).contains("outer alias count 4294967295 exceeds"), reject(c));
    }

    @Test
    void resourceRepresentationMustBeI32() {
        // (type (resource (rep i64))): wasm-tools accepts it under 🐘 memory64, which this engine does not
        // implement, so no fixture can be checked against wasm-tools.
        ParsedComponent c = parse(Bin.vecSection(7, Bin.of(0x3f, 0x7e, 0x00)));
        assertTrue(reject(c).endsWith("type: resource representation must be i32, not i64"), reject(c));
    }

    @Test
    void instanceNestingIsCapped() {
        // (instance) then 100 times (instance (export "x" (instance <previous>))): each bag nests one level
        // deeper, which only a cap keeps from exhausting the stack of code that recurses over instances.
        List<Bin> instances = new ArrayList<>();
        instances.add(Bin.of(0x01, 0x00));
        for (int i = 0; i < 100; i++) {
            instances.add(Bin.of(0x01, 0x01).externName("x").u8(0x05).u32(i));
        }
        ComponentValidator.validate(parse(Bin.vecSection(5, instances.subList(0, 100).toArray(new Bin[0]))));
        ParsedComponent deep = parse(Bin.vecSection(5, instances.toArray(new Bin[0])));
        assertTrue(reject(deep).endsWith("instance: instance nesting depth 101 exceeds the limit of 100"),
                reject(deep));
    }

    @Test
    void emptyComponentIsValid() {
        ComponentValidator.validate(parse());
    }

    @Test
    void manyDefinitionsValidateInLinearTime() {
        // 100,000 func imports, each lowered: 200,001 definitions. A pass that is quadratic anywhere (names,
        // index spaces) would take minutes; a linear one takes milliseconds.
        int n = 100_000;
        List<Bin> imports = new ArrayList<>();
        List<Bin> lowers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            imports.add(Bin.of().externName("f" + i).u8(0x01, 0x00));
            lowers.add(Bin.of(0x01, 0x00).u32(i).u8(0x00));
        }
        ParsedComponent c = parse(Bin.vecSection(7, FUNC_TYPE), Bin.vecSection(10, imports.toArray(new Bin[0])),
                Bin.vecSection(8, lowers.toArray(new Bin[0])));
        long start = System.nanoTime();
        ComponentValidator.validate(c);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    @Test
    void largeGuestValidatesQuickly() {
        // The QuickJS guest: nested components, 40 core modules, about 1 MB.
        Path qjs = ValidationFixtures.valid().stream().filter(p -> p.endsWith("qjs.wasm")).findFirst().orElseThrow();
        ParsedComponent c = ComponentParser.parse(ComponentFiles.read(qjs));
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            ComponentValidator.validate(c);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "10 validations took " + millis + " ms");
    }
}
