package io.fssdk.runtime.component.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fssdk.runtime.component.PrimitiveType;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.abi.AbiType;
import io.fssdk.runtime.component.abi.CoreType;
import io.fssdk.runtime.component.abi.FunctionAbi;
import io.fssdk.runtime.component.binary.CoreValType;
import io.fssdk.runtime.component.binary.PrimValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The validator computes flattenings and layouts on its own, memoized per type index so that validation
 * stays linear, while the engine's {@link FunctionAbi} computes them per call site at run time. The two
 * must agree, or the validator would accept a lifted core function the engine then calls with the wrong
 * signature: this drives both with the same random types.
 */
class FlatteningTest {
    private static final ResourceType RESOURCE = ResourceType.host("r", "test");
    /** Any resource: flattening does not depend on which. */
    private static final ResourceInfo SOME_RESOURCE = ResourceInfo.abstractIn(new Scope(Scope.Kind.COMPONENT, null));

    /** A type in both models. */
    private record Both(WitType wit, ValueInfo info) {
    }

    @Test
    void typesFlattenAndLayOutAsTheEngineDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            Both t = type(random, 3);
            AbiType abi = AbiType.of(t.wit());
            String what = t.wit().wit();
            List<CoreValType> expected = core(abi.layout().flat());
            if (expected.size() <= CanonLayout.MAX_FLAT_PARAMS) {
                assertEquals(Optional.of(expected), t.info().flat(), what);
            } else {
                assertEquals(Optional.empty(), t.info().flat(), what);
            }
            if (!t.info().allocates()) {
                // Without strings and lists, no pointer is laid out, so 32- and 64-bit layouts agree.
                assertEquals(abi.size(), t.info().elemSize(), what);
                assertEquals(abi.align(), t.info().align(), what);
            }
        }
    }

    @Test
    void functionsFlattenAsTheEngineDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            int count = random.nextInt(20);
            List<WitType> witParams = new ArrayList<>();
            List<FuncInfo.Param> params = new ArrayList<>();
            for (int p = 0; p < count; p++) {
                Both t = type(random, 2);
                witParams.add(t.wit());
                params.add(new FuncInfo.Param("p" + p, t.info()));
            }
            Optional<Both> result = random.nextBoolean() ? Optional.of(type(random, 2)) : Optional.empty();
            FunctionAbi abi = FunctionAbi.of(witParams, result.map(r -> List.of(r.wit())).orElse(List.of()));
            FuncInfo f = new FuncInfo(params, result.map(Both::info));
            String what = witParams + " -> " + result.map(r -> r.wit().wit()).orElse("()");
            assertEquals(core(abi.liftCoreParams()), f.liftType().params(), what);
            assertEquals(core(abi.liftCoreResults()), f.liftType().results(), what);
            assertEquals(core(abi.lowerCoreParams()), f.lowerType().params(), what);
            assertEquals(core(abi.lowerCoreResults()), f.lowerType().results(), what);
            assertEquals(abi.paramsInMemory(), f.paramsInMemory(), what);
            assertEquals(abi.resultsInMemory(), f.resultInMemory(), what);
        }
    }

    private static Both type(Random random, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(12);
        switch (kind) {
            case 1: {
                Both e = type(random, depth - 1);
                return new Both(WitType.list(e.wit()), ValueInfo.list(e.info()));
            }
            case 2: {
                List<WitType.Field> fields = new ArrayList<>();
                List<ValueInfo> infos = new ArrayList<>();
                for (int i = 0; i <= random.nextInt(6); i++) {
                    Both f = type(random, depth - 1);
                    fields.add(WitType.field("f" + i, f.wit()));
                    infos.add(f.info());
                }
                return new Both(new WitType.RecordType(fields), ValueInfo.record(infos));
            }
            case 3: {
                List<WitType> types = new ArrayList<>();
                List<ValueInfo> infos = new ArrayList<>();
                for (int i = 0; i <= random.nextInt(4); i++) {
                    Both t = type(random, depth - 1);
                    types.add(t.wit());
                    infos.add(t.info());
                }
                return new Both(new WitType.TupleType(types), ValueInfo.tuple(infos));
            }
            case 4: {
                List<WitType.Case> cases = new ArrayList<>();
                List<Optional<ValueInfo>> infos = new ArrayList<>();
                for (int i = 0; i <= random.nextInt(5); i++) {
                    Optional<Both> t = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(type(random, depth - 1));
                    cases.add(new WitType.Case("c" + i, t.map(Both::wit)));
                    infos.add(t.map(Both::info));
                }
                return new Both(new WitType.VariantType(cases), ValueInfo.variant(infos));
            }
            case 5: {
                Both t = type(random, depth - 1);
                return new Both(WitType.option(t.wit()), ValueInfo.option(t.info()));
            }
            case 6: {
                Optional<Both> ok = random.nextBoolean() ? Optional.of(type(random, depth - 1)) : Optional.empty();
                Optional<Both> err = random.nextBoolean() ? Optional.of(type(random, depth - 1)) : Optional.empty();
                return new Both(new WitType.ResultType(ok.map(Both::wit), err.map(Both::wit)),
                        ValueInfo.result(ok.map(Both::info), err.map(Both::info)));
            }
            case 7: {
                int n = 1 + random.nextInt(300);
                return new Both(new WitType.EnumType(labels("e", n)), ValueInfo.enumOf(n));
            }
            case 8: {
                int n = 1 + random.nextInt(32);
                return new Both(new WitType.FlagsType(labels("g", n)), ValueInfo.flags(n));
            }
            case 9:
                return new Both(new WitType.OwnType(RESOURCE), ValueInfo.own(SOME_RESOURCE));
            case 10:
                return new Both(new WitType.BorrowType(RESOURCE), ValueInfo.borrow(SOME_RESOURCE));
            default: {
                PrimValType p = PrimValType.values()[random.nextInt(PrimValType.values().length)];
                return new Both(PrimitiveType.valueOf(p.name()), ValueInfo.prim(p));
            }
        }
    }

    private static List<String> labels(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    private static List<CoreValType> core(List<CoreType> types) {
        List<CoreValType> out = new ArrayList<>();
        for (CoreType t : types) {
            out.add(CoreValType.valueOf(t.name()));
        }
        return out;
    }
}
