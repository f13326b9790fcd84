package io.fssdk.runtime.compiler;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every generated method needs to know about the module: the signature of each function (imports first,
 * as wasm numbers them), which generated class holds it, and a structural id per distinct signature.
 */
final class ModuleLayout {
    final WasmModule module;
    final int importCount;
    final FunctionType[] types;
    final int[] sigIds;
    final String[] owners;
    /** The number of the class holding each function: {@link #owners} is the class prefix plus it. */
    final int[] classOf;
    final boolean hasMemory;
    /** Whether large functions are split into regions (see {@link RegionPlanner}). */
    final boolean split;
    /** When positive, every function longer than this is split into regions of at most this many instructions. */
    final int forcedSplitBudget;
    final List<ValType> globalTypes = new ArrayList<>();
    final int classCount;
    /**
     * Whether the module declares a GC type hierarchy (subtypes, non-final types, structs or arrays, or function
     * types naming other types). Then a {@code call_indirect} compares type indices through Chicory's subtyping
     * ({@link GuestSupport#indirect}): a structural comparison would turn down a function of a subtype, and
     * accept one of a distinct type (another finality or supertype) of the same shape.
     */
    final boolean typeHierarchy;
    /** Whether the module declares struct or array types: its code may make GC objects. */
    final boolean declaresGcObjects;
    /**
     * The functions whose code makes a tail call ({@link TailCalls}); empty when the module was parsed without
     * its code, which only loading cached classes does, and that needs no more than the classes.
     */
    final BitSet tailCallers = new BitSet();
    private final List<FunctionType> distinct = new ArrayList<>();
    private final Map<FunctionType, Integer> ids = new HashMap<>();
    private final NameCustomSection names;

    /**
     * Lays out {@code module}.
     *
     * @param classOf the class of each function as an earlier layout of the same module assigned them (for
     *     code loaded from a cache, whose module may be parsed without function bodies), or null to assign them
     *     here by counting instructions
     */
    ModuleLayout(WasmModule module, String classPrefix, int maxInstructionsPerClass, boolean split,
            int forcedSplitBudget, int[] classOf) {
        this.forcedSplitBudget = forcedSplitBudget;
        this.module = module;
        this.split = split;
        List<FunctionType> funcs = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            if (imp.importType() == ExternalType.FUNCTION) {
                funcs.add(module.typeSection().getType(((FunctionImport) imp).typeIndex()));
            }
        }
        this.importCount = funcs.size();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            if (module.importSection().getImport(i) instanceof GlobalImport g) {
                globalTypes.add(g.type());
            }
        }
        for (int i = 0; i < module.globalSection().globalCount(); i++) {
            globalTypes.add(module.globalSection().getGlobal(i).valueType());
        }
        int defined = module.functionSection().functionCount();
        for (int i = 0; i < defined; i++) {
            funcs.add(module.typeSection().getType(module.functionSection().getFunctionType(i)));
        }
        this.types = funcs.toArray(new FunctionType[0]);
        this.typeHierarchy = declaresTypeHierarchy(module);
        boolean objects = false;
        for (int i = 0; i < module.typeSection().subTypeCount(); i++) {
            objects |= module.typeSection().getSubType(i).compType().funcType() == null;
        }
        this.declaresGcObjects = objects;
        FunctionBody[] bodies = module.codeSection().functionBodies();
        for (int i = 0; i < bodies.length; i++) {
            for (AnnotatedInstruction ins : bodies[i].instructions()) {
                OpCode op = ins.opcode();
                if (op == OpCode.RETURN_CALL || op == OpCode.RETURN_CALL_INDIRECT || op == OpCode.RETURN_CALL_REF) {
                    tailCallers.set(importCount + i);
                    break;
                }
            }
        }
        this.sigIds = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            sigIds[i] = sigIdOf(types[i]);
        }
        // Then every other function type, which a call_indirect may name although no function has it: the
        // layout that loads the code must number its signature switch as the one that compiled it did.
        for (FunctionType t : module.typeSection().types()) {
            if (t != null) {
                sigIdOf(t);
            }
        }
        // Functions go to classes in order, a class closing when its instruction count would pass the limit:
        // that bounds each class's constant pool and size while keeping neighbours (which call each other
        // most) together.
        this.owners = new String[types.length];
        this.classOf = classOf != null ? classOf : assignClasses(module, types.length, importCount,
                maxInstructionsPerClass);
        if (this.classOf.length != types.length) {
            throw new IllegalStateException("the code has " + this.classOf.length + " functions, the module "
                    + types.length);
        }
        int classes = 0;
        for (int i = 0; i < types.length; i++) {
            owners[i] = classPrefix + this.classOf[i];
            classes = Math.max(classes, this.classOf[i] + 1);
        }
        this.classCount = classes;
        this.hasMemory = module.memorySection().map(ms -> ms.memoryCount() > 0).orElse(false)
                || module.importSection().count(ExternalType.MEMORY) > 0;
        NameCustomSection n;
        try {
            n = module.nameSection();
        } catch (RuntimeException e) {
            n = null;
        }
        this.names = n;
    }

    private static int[] assignClasses(WasmModule module, int functions, int importCount,
            int maxInstructionsPerClass) {
        int[] classOf = new int[functions];
        int cls = 0;
        int used = 0;
        for (int i = 0; i < functions; i++) {
            int size = i < importCount ? 8 : module.codeSection().getFunctionBody(i - importCount).instructions().size();
            if (used > 0 && used + size > maxInstructionsPerClass) {
                cls++;
                used = 0;
            }
            used += size;
            classOf[i] = cls;
        }
        return classOf;
    }

    private static boolean declaresTypeHierarchy(WasmModule module) {
        var ts = module.typeSection();
        for (int i = 0; i < ts.subTypeCount(); i++) {
            var st = ts.getSubType(i);
            FunctionType f = st.compType().funcType();
            if (!st.isFinal() || st.typeIdx().length > 0 || f == null) {
                return true;
            }
            for (List<ValType> vts : List.of(f.params(), f.returns())) {
                for (ValType v : vts) {
                    if (v.isReference() && v.typeIdx() >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The structural signature id of a type. A type no function has can still be named by {@code call_indirect};
     * it gets a fresh id that matches no function.
     */
    int sigIdOf(FunctionType t) {
        return ids.computeIfAbsent(t, x -> {
            distinct.add(x);
            return distinct.size() - 1;
        });
    }

    /** The function type with structural id {@code sig}, or null when no such id has been given out. */
    FunctionType typeOfSignature(int sig) {
        return sig >= 0 && sig < distinct.size() ? distinct.get(sig) : null;
    }

    /** The block type of a {@code block}, {@code loop} or {@code if} operand. */
    FunctionType blockType(long operand) {
        if (operand == 0x40) {
            return FunctionType.empty();
        }
        if (ValType.isValid(operand)) {
            return FunctionType.returning(ValType.builder().fromId(operand).build().resolve(module.typeSection()));
        }
        return module.typeSection().getType((int) operand);
    }

    /** The function's name for messages: its index, plus its name from the name section when there is one. */
    String describe(int func) {
        String name = names == null ? null : names.nameOfFunction(func);
        return name == null ? "wasm function " + func : "wasm function " + func + " `" + name + "`";
    }

}
