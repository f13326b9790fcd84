package io.fssdk.runtime.component.spec;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.MalformedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the directives of one wast script in order against the engine. State follows wasmtime's wast: a
 * {@code (component $C ...)} is compiled and instantiated and becomes the current instance; a
 * {@code (component definition $C ...)} is compiled only; {@code (component instance $i $C)} instantiates a
 * definition and makes it current; {@code invoke} calls the current (or named) instance. A directive that
 * depends on a component that could not be had is {@link Outcome.Kind#BLOCKED} (or skipped, if that component
 * was skipped).
 */
final class WastRunner {
    /**
     * One top-level directive.
     *
     * @param line its 1-based line in the script
     * @param label a one-line abbreviation of it
     * @param form the directive
     */
    record Directive(int line, String label, SExpr.Seq form) {
    }

    private final String source;
    private final List<Directive> directives = new ArrayList<>();
    private final WatConverter converter;
    private final ComponentOptions options;
    private final Linker linker = Linker.builder().build();
    private final Map<String, Component> definitions = new HashMap<>();
    private final Map<String, ComponentInstance> instances = new HashMap<>();
    /** Why a named component or instance, or the current instance (key ""), could not be had. */
    private final Map<String, Outcome> missing = new HashMap<>();
    private ComponentInstance current;

    WastRunner(String source, WatConverter converter, ComponentOptions options) {
        this.source = source;
        this.converter = converter;
        this.options = options;
        for (SExpr e : WastReader.read(source)) {
            if (!(e instanceof SExpr.Seq)) {
                throw new IllegalArgumentException("stray token " + e + " at line " + WastReader.lineOf(source,
                        e.start()));
            }
            String text = source.substring(e.start(), e.end()).replaceAll("\\s+", " ");
            directives.add(new Directive(WastReader.lineOf(source, e.start()),
                    text.length() > 100 ? text.substring(0, 97) + "..." : text, (SExpr.Seq) e));
        }
    }

    List<Directive> directives() {
        return directives;
    }

    /** The component texts the script needs converted, for one batch conversion up front. */
    List<String> componentTexts() {
        List<String> out = new ArrayList<>();
        for (Directive d : directives) {
            SExpr.Seq f = d.form();
            SExpr c = f.head().startsWith("assert_") && f.size() > 1 ? f.get(1) : f;
            if (ComponentForm.isDefinition(c)) {
                Optional.ofNullable(ComponentForm.of((SExpr.Seq) c, source).text()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Runs {@code d}; never throws for what the engine does. */
    Outcome run(Directive d) {
        SExpr.Seq f = d.form();
        try {
            switch (f.head()) {
                case "component":
                    return ComponentForm.isDefinition(f) ? component(f) : componentInstance(f);
                case "assert_malformed":
                case "assert_invalid":
                    return rejection(f, f.head().equals("assert_malformed"));
                case "assert_unlinkable":
                    return instantiateExpecting(f);
                case "assert_trap":
                case "assert_exhaustion":
                    return ComponentForm.isDefinition(f.get(1)) ? instantiateExpecting(f)
                            : invoke((SExpr.Seq) f.get(1), i -> i.expectTrap(f.head(), message(f)));
                case "assert_return":
                    return invoke((SExpr.Seq) f.get(1), i -> i.expectReturn(f.items().subList(2, f.size())));
                case "invoke":
                    return invoke(f, i -> i.expectReturn(null));
                default:
                    return Outcome.skipped(Outcome.HARNESS + "directive `" + f.head() + "` not supported", d.label());
            }
        } catch (ConverterRejection r) {
            return Outcome.skipped(Outcome.HARNESS + "the text converter rejected the component", r.getMessage());
        } catch (RuntimeException e) {
            // Engine calls are guarded where they are made, so this is the harness failing to read the directive.
            return Outcome.failed(Outcome.HARNESS + "cannot run the directive: " + e.getClass().getSimpleName(),
                    String.valueOf(e));
        }
    }

    private Outcome component(SExpr.Seq f) {
        ComponentForm form = ComponentForm.of(f, source);
        Outcome o;
        try {
            Component c = Component.load(bytes(form), options);
            form.id().ifPresent(id -> definitions.put(id, c));
            form.id().ifPresent(missing::remove);
            if (form.definition()) {
                return Outcome.passed();
            }
            o = instantiate(c, form.id());
        } catch (ConverterRejection r) {
            o = Outcome.skipped(Outcome.HARNESS + "the text converter rejected the component", r.getMessage());
        } catch (Throwable t) {
            o = Verdicts.unexpected("component", t);
        }
        if (!o.ok()) {
            Outcome why = o;
            form.id().ifPresent(id -> missing.put(id, why));
            if (!form.definition()) {
                current = null;
                missing.put("", o);
            }
        }
        return o;
    }

    private Outcome componentInstance(SExpr.Seq f) {
        String name = SExpr.atomText(f.get(2)).orElse("");
        String of = SExpr.atomText(f.get(3)).orElse("");
        Component c = definitions.get(of);
        Outcome o = c == null ? dependency(of) : instantiate(c, Optional.of(name));
        if (!o.ok()) {
            current = null;
            missing.put("", o);
            missing.put(name, o);
        }
        return o;
    }

    private Outcome instantiate(Component c, Optional<String> name) {
        try {
            ComponentInstance inst = linker.instantiate(c);
            current = inst;
            missing.remove("");
            name.ifPresent(n -> instances.put(n, inst));
            name.ifPresent(missing::remove);
            return Outcome.passed();
        } catch (Throwable t) {
            return Verdicts.unexpected("instantiate", t);
        }
    }

    private Outcome rejection(SExpr.Seq f, boolean malformed) {
        ComponentForm form = ComponentForm.of((SExpr.Seq) f.get(1), source);
        byte[] binary;
        try {
            binary = bytes(form);
        } catch (ConverterRejection r) {
            return new Outcome(Outcome.Kind.PASSED_BY_CONVERTER, "", r.getMessage());
        }
        Component c;
        try {
            c = Component.load(binary, options);
        } catch (Throwable t) {
            return Verdicts.rejection(f.head(), t, malformed, message(f));
        }
        // The engine might notice only when instantiating: a loose pass at best.
        Throwable late = malformed ? null : catching(() -> linker.instantiate(c));
        if (late instanceof InvalidException || late instanceof MalformedException) {
            return Outcome.loosely(f.head() + ": refused only at instantiation", String.valueOf(late.getMessage()));
        }
        return Verdicts.rejection(f.head(), null, malformed, message(f));
    }

    private Outcome instantiateExpecting(SExpr.Seq f) {
        Component c;
        try {
            c = Component.load(bytes(ComponentForm.of((SExpr.Seq) f.get(1), source)), options);
        } catch (ConverterRejection r) {
            throw r;
        } catch (Throwable t) {
            return Verdicts.unexpected(f.head() + " (loading)", t);
        }
        Throwable thrown = catching(() -> linker.instantiate(c));
        return f.head().equals("assert_unlinkable") ? Verdicts.link(f.head(), thrown, message(f))
                : Verdicts.trap(f.head() + " (instantiation)", thrown, message(f));
    }

    /** Runs {@code check} on the instance {@code invoke} names, or the current one; else says why there is none. */
    private Outcome invoke(SExpr.Seq invoke, Function<Invoker, Outcome> check) {
        if (!invoke.head().equals("invoke")) {
            return Outcome.skipped(Outcome.HARNESS + "action `" + invoke.head() + "` not supported", "");
        }
        Optional<String> name = SExpr.isId(invoke.get(1)) ? SExpr.atomText(invoke.get(1)) : Optional.empty();
        ComponentInstance inst = name.isPresent() ? instances.get(name.get()) : current;
        if (inst == null) {
            return dependency(name.orElse(""));
        }
        return check.apply(new Invoker(inst, invoke.items().subList(name.isPresent() ? 2 : 1, invoke.size())));
    }

    private Outcome dependency(String name) {
        Outcome why = missing.get(name);
        if (why == null) {
            return Outcome.failed(Outcome.HARNESS + "no component or instance `" + name + "`", "");
        }
        return why.kind() == Outcome.Kind.SKIPPED ? Outcome.skipped(why.reason(), "depends on a skipped component")
                : new Outcome(Outcome.Kind.BLOCKED, "blocked by: " + why.reason(), why.detail());
    }

    private byte[] bytes(ComponentForm form) {
        if (form.binary() != null) {
            return form.binary();
        }
        WatConverter.Converted c = converter.convert(form.text());
        if (!c.ok()) {
            throw new ConverterRejection(c.error());
        }
        return c.wasm();
    }

    private static Throwable catching(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static String message(SExpr.Seq f) {
        SExpr last = f.get(f.size() - 1);
        return last instanceof SExpr.Str && f.size() > 2 ? ((SExpr.Str) last).text() : "";
    }

    /** The text converter refused a component text. */
    private static final class ConverterRejection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConverterRejection(String message) {
            super(message);
        }
    }
}
