package io.fssdk.runtime.component.core;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.fssdk.runtime.component.binary.ComponentParser;
import io.fssdk.runtime.component.binary.CoreModule;
import io.fssdk.runtime.component.binary.Definition;
import io.fssdk.runtime.component.binary.NestedComponent;
import io.fssdk.runtime.component.binary.ParsedComponent;
import io.fssdk.runtime.testing.ComponentFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fixtures of these tests: core modules built by {@code build.sh} next to them, and the core modules
 * inside the component fixtures of the rest of the engine.
 */
final class CoreFixtures {
    private CoreFixtures() {
    }

    /** The bytes of {@code name} (e.g. "mvp.wasm") in this package's resources. */
    static byte[] bytes(String name) {
        try (InputStream in = CoreFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name + "; run build.sh");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every component fixture: the {@code .wasm} files directly in this module's component test resources
     * (not the validation suites in subfolders) and anywhere under the example guests.
     */
    static List<Path> components() {
        Path resources = ComponentFiles.resourceDir();
        return ComponentFiles.all().stream()
                .filter(p -> !p.startsWith(resources) || p.getParent().equals(resources))
                .filter(p -> ComponentParser.isComponent(ComponentFiles.read(p)))
                .collect(Collectors.toList());
    }

    /** The core modules of a component, nested components' included, in binary order. */
    static List<byte[]> coreModules(byte[] component) {
        List<byte[]> out = new ArrayList<>();
        collect(ComponentParser.parse(component), out);
        return out;
    }

    private static void collect(ParsedComponent c, List<byte[]> out) {
        for (Definition d : c.definitions()) {
            if (d instanceof CoreModule m) {
                out.add(m.bytes().toByteArray());
            } else if (d instanceof NestedComponent n) {
                collect(n.component(), out);
            }
        }
    }

    /** The module without its custom sections, which the text tools fill with names that differ. */
    static byte[] withoutCustomSections(byte[] module) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(module, 0, 8);
        int pos = 8;
        while (pos < module.length) {
            int start = pos;
            int id = module[pos++];
            int size = 0;
            for (int shift = 0; ; shift += 7) {
                int b = module[pos++] & 0xff;
                size |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            pos += size;
            if (id != 0) {
                out.write(module, start, pos - start);
            }
        }
        return out.toByteArray();
    }

    /** How a test runs a module in Chicory. */
    enum Engine {
        INTERPRETER, COMPILER;

        Instance instantiate(WasmModule module, ImportValues imports) {
            Instance.Builder b = Instance.builder(module).withImportValues(imports);
            if (this == COMPILER) {
                b.withMachineFactory(MachineFactoryCompiler.compile(module));
            }
            return b.build();
        }

        Instance instantiate(byte[] module) {
            return instantiate(Parser.parse(module), ImportValues.empty());
        }
    }
}
