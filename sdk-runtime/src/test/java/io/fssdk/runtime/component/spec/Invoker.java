package io.fssdk.runtime.component.spec;

import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.ExportedFunction;
import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code (invoke "name" args...)} against an instance: reads the argument constants against the export's
 * signature, calls it, and judges the result.
 */
final class Invoker {
    private final ComponentInstance instance;
    private final List<SExpr> operands;

    /** {@code operands}: the function name, then the argument constants. */
    Invoker(ComponentInstance instance, List<SExpr> operands) {
        this.instance = instance;
        this.operands = operands;
    }

    /** The call must return {@code results} (one constant, or none); with null, anything but a throw passes. */
    Outcome expectReturn(List<SExpr> results) {
        Call call = call();
        if (call.early != null) {
            return call.early;
        }
        if (call.thrown != null) {
            return Verdicts.unexpected("invoke", call.thrown);
        }
        if (results == null) {
            return Outcome.passed();
        }
        Optional<WitValue> expected;
        try {
            expected = expected(call.function.signature(), results);
        } catch (RuntimeException e) {
            return Outcome.failed(Outcome.HARNESS + "cannot read the expected result", String.valueOf(e));
        }
        return expected.equals(call.result) ? Outcome.passed()
                : Outcome.failed("assert_return: wrong result", "expected " + show(expected) + ", got "
                        + show(call.result));
    }

    /** The call must trap with {@code message}. */
    Outcome expectTrap(String directive, String message) {
        Call call = call();
        return call.early != null ? call.early : Verdicts.trap(directive, call.thrown, message);
    }

    private Call call() {
        Call c = new Call();
        if (operands.isEmpty() || !(operands.get(0) instanceof SExpr.Str)) {
            c.early = Outcome.failed(Outcome.HARNESS + "invoke without a function name", operands.toString());
            return c;
        }
        String name = ((SExpr.Str) operands.get(0)).text();
        Optional<ExportedFunction> f;
        try {
            f = instance.function(name);
        } catch (RuntimeException e) {
            c.early = Verdicts.unexpected("export lookup", e);
            return c;
        }
        if (f.isEmpty()) {
            c.early = Outcome.failed("invoke: no exported function of that name", "`" + name + "`; exports: "
                    + instance.functionNames());
            return c;
        }
        c.function = f.get();
        List<WitValue> args = new ArrayList<>();
        try {
            List<WitType> types = c.function.signature().paramTypes();
            List<SExpr> consts = operands.subList(1, operands.size());
            if (types.size() != consts.size()) {
                throw new IllegalArgumentException(name + " takes " + types.size() + " argument(s), the script gives "
                        + consts.size());
            }
            for (int i = 0; i < types.size(); i++) {
                args.add(WastValues.parse(consts.get(i), types.get(i)));
            }
        } catch (RuntimeException e) {
            c.early = Outcome.failed(Outcome.HARNESS + "cannot read the arguments", e + " for "
                    + c.function.signature().wit());
            return c;
        }
        try {
            c.result = c.function.call(args);
        } catch (Throwable t) {
            c.thrown = t;
        }
        return c;
    }

    private static Optional<WitValue> expected(FuncSignature sig, List<SExpr> results) {
        if (results.isEmpty()) {
            return Optional.empty();
        }
        if (results.size() > 1 || sig.result().isEmpty()) {
            throw new IllegalArgumentException(results.size() + " expected result(s) for " + sig.wit());
        }
        return Optional.of(WastValues.parse(results.get(0), sig.result().get()));
    }

    private static String show(Optional<WitValue> v) {
        return v.map(String::valueOf).orElse("nothing");
    }

    /** What a call came to: a verdict before calling, or a result, or a throwable. */
    private static final class Call {
        Outcome early;
        ExportedFunction function;
        Optional<WitValue> result = Optional.empty();
        Throwable thrown;
    }
}
