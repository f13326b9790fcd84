package io.fssdk.runtime.compiler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What translating a core module produces before anything is loaded: the generated class files and what the
 * translation decided (functions left to the interpreter, and why). It is all a later JVM needs to skip
 * translation, so it is what a code cache stores ({@link #toBytes()}, {@link #fromBytes(byte[])}).
 *
 * <p>Class names are the same for every module ({@link WasmCompiler} uses one fixed prefix): each module has a
 * class loader of its own, so names never clash, and a cached entry stays valid in any JVM.
 */
public final class CompiledClasses {
    private static final int FORMAT = 2;
    /** A bound on any count read back, so a damaged payload fails as such rather than allocating wildly. */
    private static final int MAX_COUNT = 1 << 24;

    final Map<String, byte[]> classes;
    final Set<Integer> interpreted;
    final Map<String, String> reasons;
    final int maxMethodSize;
    final Map<Integer, Integer> overJitLimit;
    /**
     * The number of the class holding each function (imports included), as the layout assigned them: kept so
     * that loading needs no function bodies (the layout counts their instructions to fill classes).
     */
    final int[] classOf;

    CompiledClasses(Map<String, byte[]> classes, Set<Integer> interpreted, Map<String, String> reasons,
            int maxMethodSize, Map<Integer, Integer> overJitLimit, int[] classOf) {
        this.classOf = classOf;
        this.overJitLimit = overJitLimit;
        this.classes = classes;
        this.interpreted = interpreted;
        this.reasons = reasons;
        this.maxMethodSize = maxMethodSize;
    }

    /** Indices of the functions left to Chicory's interpreter (empty when everything compiled). */
    public Set<Integer> interpretedFunctions() {
        return Collections.unmodifiableSet(interpreted);
    }

    /** The total size of the generated class files, in bytes. */
    public long classBytes() {
        long n = 0;
        for (byte[] b : classes.values()) {
            n += b.length;
        }
        return n;
    }

    /** A self-contained encoding of these classes, for a code cache. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(maxMethodSize);
            out.writeInt(interpreted.size());
            for (int f : interpreted) {
                out.writeInt(f);
            }
            out.writeInt(reasons.size());
            for (Map.Entry<String, String> e : reasons.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue().length() > 10_000 ? e.getValue().substring(0, 10_000) : e.getValue());
            }
            out.writeInt(overJitLimit.size());
            for (Map.Entry<Integer, Integer> e : overJitLimit.entrySet()) {
                out.writeInt(e.getKey());
                out.writeInt(e.getValue());
            }
            out.writeInt(classOf.length);
            for (int c : classOf) {
                out.writeInt(c);
            }
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes {@link #toBytes()}. The caller has already checked the payload's checksum; a payload that still
     * does not decode (another format, say) is reported, never half-used.
     *
     * @throws IllegalArgumentException if {@code payload} is not an encoding of this format
     */
    public static CompiledClasses fromBytes(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readInt() != FORMAT) {
                throw new IllegalArgumentException("compiled classes of another format");
            }
            int maxMethodSize = in.readInt();
            Set<Integer> interpreted = new TreeSet<>();
            for (int i = count(in); i > 0; i--) {
                interpreted.add(in.readInt());
            }
            Map<String, String> reasons = new LinkedHashMap<>();
            for (int i = count(in); i > 0; i--) {
                reasons.put(in.readUTF(), in.readUTF());
            }
            Map<Integer, Integer> overJitLimit = new java.util.TreeMap<>();
            for (int i = count(in); i > 0; i--) {
                overJitLimit.put(in.readInt(), in.readInt());
            }
            int[] classOf = new int[count(in)];
            for (int i = 0; i < classOf.length; i++) {
                classOf[i] = in.readInt();
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = count(in); i > 0; i--) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IllegalArgumentException("class " + name + " is cut short");
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                classes.put(name, bytes);
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes after the compiled classes");
            }
            return new CompiledClasses(classes, interpreted, reasons, maxMethodSize, overJitLimit, classOf);
        } catch (IOException e) {
            throw new IllegalArgumentException("compiled classes cut short: " + e, e);
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IllegalArgumentException("implausible count " + n + " in compiled classes");
        }
        return n;
    }
}
