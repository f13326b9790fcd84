package io.fssdk.runtime.component.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Gives every core module of a component the same type section, a workaround for Chicory's nominal
 * {@code call_indirect} check.
 *
 * <p><b>The bug.</b> When module A runs {@code call_indirect $t} on a table element that module B put
 * there, Chicory 1.7.5 compares A's type index {@code $t} with the function's type index in <em>B's</em>
 * type section, falling back to a structural comparison of those two indices within B's section only.
 * When the two modules number their types differently, as componentize-qjs's main module, its dylib and
 * fixup module do when they share {@code __indirect_function_table}, a valid call traps with "indirect
 * call type mismatch". The
 * <a href="https://webassembly.github.io/spec/core/exec/instructions.html#xref-syntax-instructions-syntax-instr-control-mathsf-call-indirect-x-y">spec</a>
 * compares the function types themselves.
 *
 * <p><b>The workaround.</b> With one type section U shared by all modules, equal types have equal indices
 * everywhere, so Chicory's nominal check becomes the structural one. U lists each structurally distinct
 * function type once, in order of first appearance (module by module). Each module's type section is
 * replaced by U and every type index it uses is renumbered: function and tag imports, the function and tag
 * sections, {@code call_indirect}, {@code return_call_indirect}, {@code call_ref},
 * {@code return_call_ref}, block types, and {@code (ref $t)} value types wherever they occur. Everything
 * else is copied byte for byte; see {@code CoreExpressions} for the instruction sets decoded.
 *
 * <p><b>When nothing changes.</b> The inputs are returned as they are (the same arrays) when their type
 * sections are already identical, and all of them are when any module has GC types ({@code rec},
 * {@code sub}, {@code struct}, {@code array}, references to type indices in function types) or GC
 * instructions: their equivalence is iso-recursive, not a byte comparison, and renumbering only some
 * modules could break a call that happened to work. A module whose types are already U's first types in
 * order keeps its other sections untouched and is not decoded further.
 *
 * <p>The output is not validated: an invalid module stays invalid for Chicory to report. The type-name
 * subsection of a custom {@code name} section keeps the old numbering (Chicory ignores it). The cost is
 * that every module carries every type: Chicory's compiler emits one {@code call_indirect} bridge method
 * per type, so a tiny module of a large component compiles a few hundred small methods more.
 */
public final class TypeUnifier {
    private TypeUnifier() {
    }

    /**
     * Rewrites the modules to share one type section.
     *
     * @param modules the binary of each core module, in component order; none is modified
     * @return one binary per module, in the same order; a module that needs no change is returned as the
     *     same array
     * @throws io.fssdk.runtime.component.MalformedException if a module does not decode: the message
     *     starts "core module i: " (i its position in {@code modules}) and the offset is within that
     *     module's bytes; a type index out of range counts as malformed too
     */
    public static List<byte[]> unify(List<byte[]> modules) {
        List<byte[]> in = new ArrayList<>(modules.size());
        for (int i = 0; i < modules.size(); i++) {
            in.add(Objects.requireNonNull(modules.get(i), "module " + i));
        }
        List<CoreTypeSection> scans = new ArrayList<>(in.size());
        try {
            for (int i = 0; i < in.size(); i++) {
                scans.add(CoreTypeSection.scan(in.get(i), context(i)));
            }
            if (allEqual(scans)) {
                return List.copyOf(in);
            }
            CoreTypeUnion union = new CoreTypeUnion();
            List<int[]> maps = new ArrayList<>(in.size());
            for (CoreTypeSection scan : scans) {
                maps.add(union.add(scan.types()));
            }
            byte[] section = union.section();
            List<byte[]> out = new ArrayList<>(in.size());
            for (int i = 0; i < in.size(); i++) {
                int[] map = maps.get(i);
                out.add(map.length == union.size() && isIdentity(map) ? in.get(i)
                        : CoreSections.rewrite(in.get(i), scans.get(i), map, section, context(i)));
            }
            return List.copyOf(out);
        } catch (CoreUnsupported e) {
            return List.copyOf(in);
        }
    }

    private static String context(int i) {
        return "core module " + i;
    }

    private static boolean allEqual(List<CoreTypeSection> scans) {
        for (int i = 1; i < scans.size(); i++) {
            List<byte[]> a = scans.get(0).types();
            List<byte[]> b = scans.get(i).types();
            if (a.size() != b.size()) {
                return false;
            }
            for (int j = 0; j < a.size(); j++) {
                if (!Arrays.equals(a.get(j), b.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIdentity(int[] map) {
        for (int i = 0; i < map.length; i++) {
            if (map[i] != i) {
                return false;
            }
        }
        return true;
    }
}
