package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.DUP_X1;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.ICONST_M1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Translates one wasm function body into one static JVM method: wasm locals are JVM locals, the wasm operand
 * stack is the JVM operand stack, structured control flow becomes labels and jumps.
 *
 * <p>A branch that leaves values below its results (allowed by wasm, not by the JVM verifier) parks the results
 * in temporaries, pops the rest, and reloads them. Code after an unconditional branch is skipped up to the end
 * of its block, which also disposes of wasm's stack-polymorphic unreachable code.
 */
final class FunctionCompiler {
    private static final String SUPPORT = Type.getInternalName(GuestSupport.class);
    private static final String CTX = Type.getInternalName(GuestContext.class);

    /** A wasm control frame. */
    static final class Frame {
        final OpCode kind;
        final Label target = new Label();
        final Label elseLabel = new Label();
        final List<Type> params;
        final List<Type> results;
        final int height;
        boolean hasElse;
        /** Whether a branch jumped to {@link #target}: a dispatch nest emits stubs only for chain blocks used. */
        boolean used;
        /** For a {@code try_table}: its handler's state ({@link ExceptionOps}); null for other frames. */
        ExceptionOps.TryTable tryTable;

        Frame(OpCode kind, List<Type> params, List<Type> results, int height) {
            this.kind = kind;
            this.params = params;
            this.results = results;
            this.height = height;
        }

        /** The values a branch to this frame carries. */
        List<Type> carried() {
            return kind == OpCode.LOOP ? params : results;
        }
    }

    private final ModuleLayout layout;
    private final int func;
    private final FunctionType type;
    private final FunctionBody body;
    private final String className;
    private final Map<String, String> indirectDispatchers;
    /** Region calls and exits, for the region methods this function is split into. */
    private final RegionExits exits = new RegionExits(this);
    private MethodVisitor mv;
    private final OperandStack stack = new OperandStack();
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private int[] localSlots;
    /**
     * The locals' cells, one per JVM value: a wasm local is one cell, a {@code v128} two ({@link SimdOps}), low
     * half first. A cell's index is also its element of a split function's frame.
     */
    private Type[] localTypes;
    /** Each wasm local's first cell. */
    private int[] firstCell;
    /** Which wasm locals are {@code v128}s (two cells). */
    private boolean[] vectorLocals;
    private int ctxSlot;
    private int memSlot = -1;
    private int nextSlot;
    private final Map<String, Integer> temps = new HashMap<>();
    private List<Type> functionResults;
    private boolean skipping;
    /**
     * A comparison whose result only decides the {@code if} or {@code br_if} right after it, or null: its
     * operands stay on the stack and the branch compares them itself ({@link BranchFusion}). One JVM jump
     * instead of a helper call and a test of its result; a helper call past HotSpot's inlining budget of a
     * large method stays a real call.
     */
    private OpCode fused;
    private int skipDepth;
    /** How many {@code try_table}s this method has begun: each saves the stack in locals of its own. */
    private int tryTables;

    /**
     * @param indirectDispatchers the class's {@code call_indirect} dispatchers, name to descriptor, filled in as
     *     they are needed and generated by the class compiler afterwards (keyed by signature and table)
     */
    FunctionCompiler(ModuleLayout layout, int func, String className, Map<String, String> indirectDispatchers) {
        this(layout, func, className, indirectDispatchers, null, null);
    }

    private FunctionCompiler(ModuleLayout layout, int func, String className, Map<String, String> indirectDispatchers,
            RegionPlanner planner, RegionPlanner.Region region) {
        this.layout = layout;
        this.func = func;
        this.type = layout.types[func];
        this.body = layout.module.codeSection().getFunctionBody(func - layout.importCount);
        this.className = className;
        this.indirectDispatchers = indirectDispatchers;
        this.planner = planner;
        this.region = region;
    }

    private RegionPlanner planner;
    /** The region this compiler emits as its own method, or null for the function's main method. */
    private final RegionPlanner.Region region;
    private Map<Integer, RegionPlanner.Region> chosen = Map.of();
    /** Whether the memory local may be older than the memory's array (see {@link #reloadMemory}). */
    private boolean memoryStale;
    /** Whether this (main) method keeps the wasm locals in the frame rather than in JVM locals. */
    private boolean localsInFrame;
    /** The split plan's choice: locals in the frame (see {@link #localsInFrame}) when the function is split. */
    private boolean frameLocals;
    /** Set on a measuring pass that lays the code out as a split function keeping its locals in the frame. */
    private boolean forceFrame;
    /** Set on a trial translation whose regions are given, so it does not plan again. */
    private boolean planFixed;
    /** When set, this is a measuring pass: the stack height before each instruction is recorded here. */
    private int[] heights;
    /** In a measuring pass: the bytecode offset where each instruction's code starts. */
    private int[] offsets;
    private int frameSlot = -1;
    private int maxMethodSize;
    private int mainSize;

    /** The largest bytecode size of the methods emitted for this function. */
    int maxMethodSize() {
        return maxMethodSize;
    }

    /**
     * Emits method {@code f<index>} into {@code cv}.
     *
     * @throws UnsupportedOperationException for an instruction not translated, its message starting with
     *     {@code f<index>:} so the caller can send this one function to the interpreter
     */
    void compile(ClassVisitor cv) {
        try {
            compileBody(cv);
        } catch (RuntimeException e) {
            // Whatever went wrong translating this function (an unsupported instruction, or a bug here) must
            // cost only this function: the caller sends it to the interpreter and says why.
            throw new UnsupportedOperationException("f" + func + ": " + e, e);
        }
    }

    private void compileBody(ClassVisitor cv) {
        List<AnnotatedInstruction> code = body.instructions();
        int from;
        int to;
        if (region == null) {
            mv = staleAtLabels(cv.visitMethod(ACC_PUBLIC | ACC_STATIC, "f" + func, JvmTypes.descriptor(type), null,
                    null));
            if (layout.split && heights == null && !planFixed) {
                SplitSearch.Plan plan = SplitSearch.choose(this, body.instructions(), type, layout);
                if (plan != null) {
                    planner = plan.planner();
                    chosen = plan.regions();
                    frameLocals = plan.frameLocals();
                }
            }
            from = 0;
            to = code.size();
        } else {
            mv = staleAtLabels(cv.visitMethod(ACC_PUBLIC | ACC_STATIC, regionName(region),
                    region.nest != null ? GROUP_DESC : REGION_DESC, null, null));
            from = region.start;
            to = region.end;
        }
        mv.visitCode();
        allocateLocals();
        functionResults = types(type.returns());
        if (region == null) {
            emitPoll();
            frames.push(new Frame(OpCode.END, List.of(), functionResults, 0));
        } else {
            // Stands for everything outside the region: branches past it leave the method with an exit code.
            frames.push(new Frame(OpCode.NOP, List.of(), List.of(), 0));
        }
        Map<Integer, Label> entries = region != null && region.nest != null ? new DispatchEmitter(this).enterGroup(region)
                : null;
        for (int i = from; i < to; i++) {
            AnnotatedInstruction ins = code.get(i);
            if (heights != null) {
                heights[i] = skipping ? -1 : stack.size();
                Label here = new Label();
                boolean stale = memoryStale; // a label only to read the offset: no merge, memory stays fresh
                mv.visitLabel(here);
                memoryStale = stale;
                offsets[i] = here.getOffset();
            }
            if (entries != null) {
                if (i == region.cutFrom()) {
                    // The entries above this group (other groups, and the head) are cut out; the code after
                    // them starts with what their block yields, pushed by the prologue.
                    types(planner.blockResults(i)).forEach(stack::push);
                    i = region.cutTo();
                    continue;
                }
                Label entry = entries.get(i);
                if (entry != null) {
                    mv.visitLabel(entry);
                }
            }
            if (!skipping) {
                line((i + 1) & 0xFFFF);
            }
            if (skipping) {
                if (!skip(ins)) {
                    continue;
                }
            } else if (chosen.containsKey(i) && (region == null || i != region.start)) {
                // A region here (in a region method: one nested inside it) is a call.
                RegionPlanner.Region r = chosen.get(i);
                exits.call(r);
                i = r.end - 1;
                continue;
            } else if (chosen.containsKey(RegionPlanner.groupKey(i)) && chosen.get(RegionPlanner.groupKey(i)).lo == 1
                    && !(region != null && region.nest != null && region.start == i)) {
                // A dispatch nest's outermost block (not the group method over it): its head and group calls.
                i = new DispatchEmitter(this).emitDispatch(chosen.get(RegionPlanner.groupKey(i)).nest);
                continue;
            }
            if (BranchFusion.fuses(ins.opcode()) && fusesWithNext(i, to, entries)) {
                BranchFusion.defer(stack, ins.opcode());
                fused = ins.opcode();
                continue;
            }
            emit(ins);
            if (frames.isEmpty()) {
                break;
            }
        }
        if (region == null && !frames.isEmpty()) {
            closeUnendedBody();
        }
        if (region != null) {
            exits.finishRegion();
        }
        Label end = new Label();
        mv.visitLabel(end);
        maxMethodSize = end.getOffset();
        if (offsets != null) {
            for (int i = to; i < offsets.length; i++) {
                offsets[i] = maxMethodSize;
            }
        }
        mainSize = maxMethodSize;
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        for (RegionPlanner.Region r : region == null ? chosen.values() : List.<RegionPlanner.Region>of()) {
            FunctionCompiler rc = new FunctionCompiler(layout, func, className, indirectDispatchers, planner, r);
            rc.chosen = chosen; // a region calls the regions nested in it
            rc.frameLocals = frameLocals;
            rc.compileBody(cv);
            maxMethodSize = Math.max(maxMethodSize, rc.maxMethodSize);
            if (rc.maxMethodSize > ClassCompiler.JIT_LIMIT && Boolean.getBoolean("fssdk.compiler.debugSplit")) {
                System.err.println("  over the JIT limit: " + regionName(r) + " [" + r.start + ", " + r.end + ")"
                        + (r.nest != null ? " entries " + r.lo + ".." + r.hi : "") + ", " + rc.maxMethodSize + " bytes");
            }
        }
    }

    /**
     * A throwaway translation of this function into a scratch class writer, for {@link SplitSearch}:
     * either a measuring pass (operand stack heights and bytecode offsets per instruction, locals laid out as
     * they would be when kept in the frame if {@code inFrame}) or a trial of a given split plan. Returns the
     * compiler, whose {@link #maxMethodSize()}, {@link #mainSize}, heights and offsets then hold the results.
     */
    FunctionCompiler scratch(boolean measure, boolean inFrame, RegionPlanner plannerUsed,
            Map<Integer, RegionPlanner.Region> plan) {
        FunctionCompiler c = new FunctionCompiler(layout, func, className, new HashMap<>(), null, null);
        if (measure) {
            int n = body.instructions().size() + 1;
            c.heights = new int[n];
            c.offsets = new int[n];
            java.util.Arrays.fill(c.heights, -1);
            c.forceFrame = inFrame;
        } else {
            c.planFixed = true;
            c.planner = plannerUsed;
            c.chosen = plan;
        }
        c.frameLocals = inFrame;
        c.compileBody(crowdedWriter());
        return c;
    }

    /**
     * A class writer whose constant pool already holds 256 entries, so that a throwaway translation loads its
     * constants with the 3-byte {@code ldc_w}, as the real class (hundreds of functions sharing one pool) may:
     * measured in an empty pool, functions a hundred bytes over the JIT limit passed for under it.
     */
    private static org.objectweb.asm.ClassWriter crowdedWriter() {
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(0);
        for (int i = 0; i < 256; i++) {
            cw.newConst("pad" + i);
        }
        return cw;
    }

    /** The wasm function index being compiled. */
    int function() {
        return func;
    }

    /** Heights recorded by a measuring {@link #scratch} pass. */
    int[] heights() {
        return heights;
    }

    /** Bytecode offsets recorded by a measuring {@link #scratch} pass. */
    int[] offsets() {
        return offsets;
    }

    /** The size of the function's own method (regions not counted), after a translation. */
    int mainSize() {
        return mainSize;
    }

    /** The function body's instructions. */
    List<AnnotatedInstruction> instructions() {
        return body.instructions();
    }

    RegionPlanner planner() {
        return planner;
    }

    /** The JVM local holding the shared {@code long[]} frame of a split function. */
    int frameSlot() {
        return frameSlot;
    }

    /** The JVM type of cell {@code c} (see {@link #localTypes}). */
    Type localType(int c) {
        return localTypes[c];
    }

    /** The JVM local that holds cell {@code c} when locals are not kept in the frame. */
    int localSlot(int c) {
        return localSlots[c];
    }

    /** Wasm local {@code i}'s first cell. */
    int firstCell(int i) {
        return firstCell[i];
    }

    /** How many cells wasm local {@code i} takes: two for a {@code v128}, else one. */
    int cellCount(int i) {
        return vectorLocals[i] ? 2 : 1;
    }

    /** Whether this method keeps the wasm locals in the frame rather than in JVM locals. */
    boolean localsInFrame() {
        return localsInFrame;
    }

    /** The region this compiler emits as its own method, or null for the function's main method. */
    RegionPlanner.Region region() {
        return region;
    }

    /** How many control frames are open, the one standing for the method's body or region included. */
    int openFrames() {
        return frames.size();
    }

    /** The JVM types of the function's results. */
    List<Type> functionResults() {
        return functionResults;
    }

    /** This method's region calls and exits. */
    RegionExits exits() {
        return exits;
    }

    /** How many cells the locals (parameters included) take: carried values wait after them in the frame. */
    int localCount() {
        return localTypes.length;
    }

    void pushFrame(Frame f) {
        frames.push(f);
    }

    void popFrame() {
        frames.pop();
    }

    Frame topFrame() {
        return frames.peek();
    }

    /** Whether code here is unreachable (being skipped to the end of its block). */
    boolean skipping() {
        return skipping;
    }

    /**
     * In unreachable code: whether instruction {@code ins} is skipped ({@code false} for the {@code else} or
     * {@code end} that ends the unreachable part, which is then translated).
     */
    boolean skips(AnnotatedInstruction ins) {
        return skipping && !skip(ins);
    }

    /** Profiling aid: with {@link #LINE_NUMBERS}, a JFR sample's line says where in the function it fell. */
    void line(int n) {
        if (LINE_NUMBERS) {
            Label line = new Label();
            boolean stale = memoryStale;
            mv.visitLabel(line);
            memoryStale = stale;
            mv.visitLineNumber(n, line);
        }
    }

    /**
     * {@code -Dfssdk.compiler.lineNumbers=true}: line numbers are wasm instruction indices plus one, modulo 65,536
     * (class files hold 16 bits); a dispatch nest's entry switch is line 65,000, its group call sites 65,001 on.
     */
    private static final boolean LINE_NUMBERS = Boolean.getBoolean("fssdk.compiler.lineNumbers");

    /** A region method's descriptor: the frame and the context in, its exit code out. */
    static final String REGION_DESC = "([J" + JvmTypes.CONTEXT.getDescriptor() + ")I";
    /** A dispatch group's method also takes the entry to start at. */
    static final String GROUP_DESC = "([J" + JvmTypes.CONTEXT.getDescriptor() + "I)I";
    static final int GROUP_ENTRY_SLOT = 2;
    /** What a dispatch group returns when the function returns (see {@link RegionExits#groupResult}). */
    static final int GROUP_RETURNS = Integer.MIN_VALUE;

    String regionName(RegionPlanner.Region r) {
        return (r.nest != null ? "g" : "r") + func + "_" + r.start;
    }

    /** {@code local.get}: pushes each of the local's cells, from its JVM slot or the frame. */
    private void loadLocal(int i) {
        for (int c = firstCell[i]; c < firstCell[i] + cellCount(i); c++) {
            if (localsInFrame) {
                mv.visitVarInsn(ALOAD, frameSlot);
                mv.visitLdcInsn(c);
                mv.visitInsn(LALOAD);
                JvmTypes.fromLong(mv, localTypes[c]);
            } else {
                mv.visitVarInsn(localTypes[c].getOpcode(ILOAD), localSlots[c]);
            }
            stack.push(localTypes[c]);
        }
    }

    /** {@code local.set}: stores the value on top into the local's cells, the last (a high half) first. */
    private void setLocal(int i) {
        for (int c = firstCell[i] + cellCount(i) - 1; c >= firstCell[i]; c--) {
            stack.pop();
            storeCell(c);
        }
    }

    /** Stores the value on the stack into cell {@code i} (see {@link #localTypes}): its JVM slot, or the frame. */
    private void storeCell(int i) {
        if (!localsInFrame) {
            mv.visitVarInsn(localTypes[i].getOpcode(ISTORE), localSlots[i]);
            return;
        }
        JvmTypes.toLong(mv, localTypes[i]);
        int tmp = temp(Type.LONG_TYPE, 0);
        mv.visitVarInsn(org.objectweb.asm.Opcodes.LSTORE, tmp);
        mv.visitVarInsn(ALOAD, frameSlot);
        mv.visitLdcInsn(i);
        mv.visitVarInsn(org.objectweb.asm.Opcodes.LLOAD, tmp);
        mv.visitInsn(LASTORE);
    }

    /** Branches {@code d} levels out: within this method, or out of a region method with an exit code. */
    void branchTo(int d) {
        if (!staysInside(d)) {
            int inner = frames.size() - 1;
            exits.leaveRegion(RegionPlanner.exitCode(planner.blocksOpen(region.start), inner, d));
            return;
        }
        branch(frameAt(d));
    }

    /** Whether a branch of depth {@code d} stays in this method. */
    boolean staysInside(int d) {
        return region == null || d < frames.size() - 1;
    }

    /** Whether a skipped instruction ends the skipping (an else or end of the block that became unreachable). */
    private boolean skip(AnnotatedInstruction ins) {
        switch (ins.opcode()) {
            case BLOCK:
            case LOOP:
            case IF:
            case TRY_TABLE:
                skipDepth++;
                return false;
            case ELSE:
                return skipDepth == 0;
            case END:
                if (skipDepth > 0) {
                    skipDepth--;
                    return false;
                }
                return true;
            default:
                return false;
        }
    }

    void startSkipping() {
        skipping = true;
        skipDepth = 0;
    }

    /** The JVM values for wasm values {@code vts}: one each, two {@code long}s for a {@code v128}. */
    static List<Type> types(List<ValType> vts) {
        return JvmTypes.expand(vts);
    }

    private void allocateLocals() {
        List<ValType> params = type.params();
        List<ValType> locals = body.localTypes();
        int n = params.size() + locals.size();
        int cells = JvmTypes.expand(params).size() + JvmTypes.expand(locals).size();
        localSlots = new int[cells];
        localTypes = new Type[cells];
        firstCell = new int[n];
        vectorLocals = new boolean[n];
        int slot = 0;
        if (region != null) {
            // A region method: (long[] frame, ctx), a group's also the entry; its locals are loaded from the frame.
            frameSlot = 0;
            ctxSlot = 1;
            slot = region.nest != null ? GROUP_ENTRY_SLOT + 1 : 2;
        }
        int cell = 0;
        for (int i = 0; i < params.size(); i++) {
            firstCell[i] = cell;
            vectorLocals[i] = params.get(i).equals(ValType.V128);
            for (Type t : JvmTypes.expand(List.of(params.get(i)))) {
                localTypes[cell] = t;
                localSlots[cell++] = slot;
                slot += t.getSize();
            }
        }
        int paramCells = cell;
        if (region == null) {
            ctxSlot = slot++;
        }
        // A main method keeping its locals in the frame never reads their JVM slots: no zeroing them.
        boolean mainInFrame = region == null && (!chosen.isEmpty() || forceFrame) && frameLocals;
        for (int i = 0; i < locals.size(); i++) {
            int idx = params.size() + i;
            firstCell[idx] = cell;
            vectorLocals[idx] = locals.get(i).equals(ValType.V128);
            for (Type t : JvmTypes.expand(List.of(locals.get(i)))) {
                localTypes[cell] = t;
                localSlots[cell] = slot;
                slot += t.getSize();
                if (region == null && !mainInFrame) {
                    if (locals.get(i).isReference()) {
                        JvmTypes.pushNull(mv);
                    } else {
                        Ops.pushZero(mv, t);
                    }
                    mv.visitVarInsn(t.getOpcode(ISTORE), localSlots[cell]);
                }
                cell++;
            }
        }
        if (region != null) {
            localsInFrame = frameLocals; // then the frame is the locals' one home in every method of the function
            if (!localsInFrame) {
                exits.loadFromFrame(region.used);
            }
        } else if (!chosen.isEmpty() || forceFrame) {
            // A split function keeps its locals in the frame, their one home: region calls then copy nothing,
            // which keeps the method that calls hundreds of regions (an interpreter's dispatch loop) small.
            // From the context's pool, handed back at every return (see staleAtLabels): a split function is
            // often a hot one (dlmalloc's malloc in every C guest), and a new array per call was most of what
            // the generated code allocated.
            frameSlot = slot++;
            mv.visitVarInsn(ALOAD, ctxSlot);
            mv.visitLdcInsn(cells + (planner == null ? 1 : planner.frameExtra()));
            mv.visitLdcInsn(paramCells);
            mv.visitLdcInsn(cells);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "takeFrame", "(" + JvmTypes.CONTEXT.getDescriptor() + "III)[J",
                    false);
            mv.visitVarInsn(ASTORE, frameSlot);
            localsInFrame = frameLocals;
            for (int i = 0; localsInFrame && i < paramCells; i++) {
                mv.visitVarInsn(ALOAD, frameSlot);
                mv.visitLdcInsn(i);
                mv.visitVarInsn(localTypes[i].getOpcode(ILOAD), localSlots[i]);
                JvmTypes.toLong(mv, localTypes[i]);
                mv.visitInsn(LASTORE);
            }
            // The pool zeroes a frame's locals; a reference local starts null, which is -1.
            for (int i = 0; localsInFrame && i < locals.size(); i++) {
                if (locals.get(i).isReference()) {
                    mv.visitVarInsn(ALOAD, frameSlot);
                    mv.visitLdcInsn(firstCell[params.size() + i]);
                    JvmTypes.pushNull(mv);
                    mv.visitInsn(LASTORE);
                }
            }
        }
        if (layout.hasMemory) {
            memSlot = slot++;
            emitMemoryRefetch();
            mv.visitVarInsn(ASTORE, memSlot);
            memoryStale = false;
        }
        nextSlot = slot;
    }

    /** A scratch local for the {@code n}-th value of type {@code t} parked at one time. */
    int temp(Type t, int n) {
        return temps.computeIfAbsent(t.getDescriptor() + n, k -> {
            int s = nextSlot;
            nextSlot += t.getSize();
            return s;
        });
    }

    /**
     * Pushes memory {@code index}'s array for an access: for memory 0 the local copy, or, where it may be stale, the
     * array refetched (and kept in the local for the accesses after it); any other memory's array, fetched.
     */
    void pushMemory(int index) {
        if (index != 0) {
            // Not kept in a local: see GuestSupport#memoryBytes.
            loadContext();
            mv.visitLdcInsn(index);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "memoryBytes", "(" + JvmTypes.CONTEXT.getDescriptor() + "I)[B",
                    false);
            return;
        }
        if (memSlot < 0) {
            throw new UnsupportedOperationException("memory instruction in a module without memory");
        }
        if (memoryStale) {
            emitMemoryRefetch();
            mv.visitInsn(org.objectweb.asm.Opcodes.DUP);
            mv.visitVarInsn(ASTORE, memSlot);
            memoryStale = false;
        } else {
            mv.visitVarInsn(ALOAD, memSlot);
        }
    }

    /**
     * A method visitor that marks the memory local stale at every label (a merge may come from anywhere) and
     * loads constants compactly (see {@link JvmTypes#pushConstant}).
     */
    private MethodVisitor staleAtLabels(MethodVisitor target) {
        return new MethodVisitor(org.objectweb.asm.Opcodes.ASM9, target) {
            @Override
            public void visitLabel(Label label) {
                memoryStale = true;
                super.visitLabel(label);
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (!JvmTypes.pushConstant(target, value)) {
                    super.visitLdcInsn(value);
                }
            }

            @Override
            public void visitInsn(int opcode) {
                if (region == null && frameSlot >= 0 && opcode >= IRETURN && opcode <= RETURN) {
                    // The function's own method returns: its frame goes back to the pool (the result, if
                    // any, is already on the operand stack). A trap skips this; the pool only shrinks then.
                    super.visitVarInsn(ALOAD, ctxSlot);
                    super.visitVarInsn(ALOAD, frameSlot);
                    super.visitMethodInsn(INVOKESTATIC, SUPPORT, "giveFrame",
                            "(" + JvmTypes.CONTEXT.getDescriptor() + "[J)V", false);
                }
                super.visitInsn(opcode);
            }
        };
    }

    MethodVisitor mv() {
        return mv;
    }

    OperandStack stack() {
        return stack;
    }

    /**
     * After anything that may have grown the memory (a call, a region call, {@code memory.grow}): the local
     * copy of its array is stale, and the next access refetches it ({@link #pushMemory}). Lazily, because an
     * interpreter's dispatch calls a region per case and touches memory only in some: an eager refetch after
     * each call was 10 of the 22 bytes a case cost its method, and the method's size is what limits how many
     * cases share one.
     */
    void reloadMemory() {
        memoryStale = true;
    }

    /** Pushes the memory's current array: one field load, not a call (see {@link GuestContext#bytes}). */
    private void emitMemoryRefetch() {
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitFieldInsn(GETFIELD, CTX, "bytes", "[B");
    }

    void loadContext() {
        mv.visitVarInsn(ALOAD, ctxSlot);
    }

    ModuleLayout layout() {
        return layout;
    }

    /** The internal name of the class this function's methods go into. */
    String className() {
        return className;
    }

    /** Records a {@code call_indirect} dispatcher the class must generate (see the constructor). */
    void needIndirectDispatcher(String name, String desc) {
        indirectDispatchers.put(name, desc);
    }

    /** Counts down the poll budget; every {@link GuestContext#POLL_INTERVAL} steps, checks interruption. */
    private void emitPoll() {
        Label ok = new Label();
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, CTX, "countdown", "I");
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
        mv.visitInsn(DUP_X1);
        mv.visitFieldInsn(PUTFIELD, CTX, "countdown", "I");
        mv.visitJumpInsn(IFGE, ok);
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "poll", "(L" + CTX + ";)V", false);
        mv.visitLabel(ok);
    }

    /**
     * Whether the comparison at {@code i} may leave its operands to the {@code if} or {@code br_if} after it:
     * that instruction is translated next, in this method, with nothing else placed between them.
     */
    private boolean fusesWithNext(int i, int to, Map<Integer, Label> entries) {
        if (skipping || i + 1 >= to) {
            return false;
        }
        OpCode next = body.instructions().get(i + 1).opcode();
        return (next == OpCode.IF || next == OpCode.BR_IF) && !chosen.containsKey(i + 1)
                && !chosen.containsKey(RegionPlanner.groupKey(i + 1)) && (entries == null || !entries.containsKey(i + 1))
                && (region == null || region.cutFrom() != i + 1);
    }

    /** Jumps to {@code to} when the condition on the stack is {@code whenTrue}, comparing a fused one's operands. */
    private void conditionalJump(boolean whenTrue, Label to) {
        if (fused != null) {
            BranchFusion.jump(mv, fused, whenTrue, to);
            fused = null;
        } else {
            mv.visitJumpInsn(whenTrue ? IFNE : IFEQ, to);
        }
    }

    void emit(AnnotatedInstruction ins) {
        OpCode op = ins.opcode();
        if (fused != null && op != OpCode.IF && op != OpCode.BR_IF) {
            throw new IllegalStateException("a fused comparison before " + op);
        }
        switch (op) {
            case NOP:
                return;
            case UNREACHABLE:
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "unreachable",
                        "()Lcom/dylibso/chicory/runtime/TrapException;", false);
                mv.visitInsn(ATHROW);
                startSkipping();
                return;
            case TRY_TABLE: {
                FunctionType bt = layout.blockType(ins.operand(0));
                List<Type> params = types(bt.params());
                ExceptionOps.TryTable t = ExceptionOps.begin(this, ins, params.size(), tryTables++);
                Frame f = new Frame(op, params, types(bt.returns()), stack.size() - params.size());
                f.tryTable = t;
                frames.push(f);
                return;
            }
            case THROW:
                ExceptionOps.throwTag(this, (int) ins.operand(0));
                startSkipping();
                return;
            case THROW_REF:
                ExceptionOps.throwRef(this);
                startSkipping();
                return;
            case BLOCK:
            case LOOP:
            case IF: {
                if (op == OpCode.IF) {
                    stack.pop();
                }
                FunctionType bt = layout.blockType(ins.operand(0));
                List<Type> params = types(bt.params());
                Frame f = new Frame(op, params, types(bt.returns()), stack.size() - params.size());
                frames.push(f);
                if (op == OpCode.IF) {
                    conditionalJump(false, f.elseLabel);
                } else if (op == OpCode.LOOP) {
                    mv.visitLabel(f.target);
                    emitPoll();
                }
                return;
            }
            case ELSE: {
                Frame f = frames.peek();
                if (!skipping) {
                    mv.visitJumpInsn(GOTO, f.target);
                }
                skipping = false;
                f.hasElse = true;
                mv.visitLabel(f.elseLabel);
                stack.truncate(f.height);
                f.params.forEach(stack::push);
                return;
            }
            case END:
                endFrame();
                return;
            case BR:
                branchTo((int) ins.operand(0));
                startSkipping();
                return;
            case BR_IF: {
                stack.pop();
                int d = (int) ins.operand(0);
                Frame target = staysInside(d) ? frameAt(d) : null;
                if (target != null && target.kind != OpCode.END
                        && stack.size() - target.height == target.carried().size()) {
                    target.used = true;
                    conditionalJump(true, target.target);
                } else {
                    Label skip = new Label();
                    conditionalJump(false, skip);
                    branchTo(d);
                    mv.visitLabel(skip);
                }
                return;
            }
            case BR_TABLE:
                brTable(ins);
                startSkipping();
                return;
            case RETURN:
                emitReturn();
                startSkipping();
                return;
            case CALL:
                CallOps.call(this, (int) ins.operand(0));
                return;
            case CALL_INDIRECT:
                CallOps.callIndirect(this, (int) ins.operand(0), (int) ins.operand(1));
                return;
            case CALL_REF:
                ReferenceOps.callRef(this, (int) ins.operand(0));
                return;
            case RETURN_CALL_REF:
                TailCalls.returnCallRef(this, (int) ins.operand(0));
                emitReturn();
                startSkipping();
                return;
            case REF_AS_NON_NULL:
                ReferenceOps.asNonNull(this);
                return;
            case BR_ON_NULL:
                ReferenceOps.branchOnNull(this, (int) ins.operand(0));
                return;
            case BR_ON_NON_NULL:
                ReferenceOps.branchOnNonNull(this, (int) ins.operand(0));
                return;
            case RETURN_CALL:
                TailCalls.returnCall(this, (int) ins.operand(0));
                emitReturn();
                startSkipping();
                return;
            case RETURN_CALL_INDIRECT:
                TailCalls.returnCallIndirect(this, (int) ins.operand(0), (int) ins.operand(1));
                emitReturn();
                startSkipping();
                return;
            case DROP:
                if (isVectorAnnotated(ins)) {
                    SimdOps.drop(mv);
                    SimdOps.popVectors(stack, 1);
                    return;
                }
                OperandStack.emitPop(mv, stack.pop());
                return;
            case SELECT:
            case SELECT_T:
                if (isVectorAnnotated(ins)) {
                    selectVector();
                    return;
                }
                CallOps.select(this);
                return;
            case LOCAL_GET:
                loadLocal((int) ins.operand(0));
                return;
            case LOCAL_SET:
                setLocal((int) ins.operand(0));
                return;
            case LOCAL_TEE: {
                int i = (int) ins.operand(0);
                if (vectorLocals[i]) {
                    // No JVM instruction copies four slots: store both halves, then load them back.
                    setLocal(i);
                    loadLocal(i);
                    return;
                }
                int c = firstCell[i];
                mv.visitInsn(localTypes[c].getSize() == 2 ? org.objectweb.asm.Opcodes.DUP2 : DUP);
                storeCell(c);
                return;
            }
            case GLOBAL_GET:
                CallOps.globalGet(this, (int) ins.operand(0));
                return;
            case GLOBAL_SET:
                CallOps.globalSet(this, (int) ins.operand(0));
                return;
            case REF_NULL:
                JvmTypes.pushNull(mv);
                stack.push(JvmTypes.REF);
                return;
            case REF_FUNC:
                mv.visitLdcInsn((int) ins.operand(0));
                mv.visitInsn(org.objectweb.asm.Opcodes.I2L);
                stack.push(JvmTypes.REF);
                return;
            case REF_IS_NULL: {
                stack.pop();
                Label yes = new Label();
                Label end = new Label();
                ReferenceOps.jumpIfNull(mv, yes);
                mv.visitInsn(ICONST_0);
                mv.visitJumpInsn(GOTO, end);
                mv.visitLabel(yes);
                mv.visitInsn(ICONST_1);
                mv.visitLabel(end);
                stack.push(Type.INT_TYPE);
                return;
            }
            default:
                if (Ops.emit(this, ins) || AtomicOps.emit(this, ins) || GcOps.emit(this, ins)) {
                    return;
                }
                if (SimdOps.isVector(op)) {
                    if (SimdOps.emit(this, ins)) {
                        return;
                    }
                }
                throw new UnsupportedOperationException("instruction " + op);
        }
    }

    /** Closes the innermost frame: binds its labels and leaves its results, or returns from the function. */
    private void endFrame() {
        Frame f = frames.pop();
        boolean reachable = !skipping;
        skipping = false;
        if (f.kind == OpCode.END) {
            if (reachable) {
                emitReturn();
            }
            return;
        }
        if (f.kind == OpCode.IF && !f.hasElse) {
            mv.visitLabel(f.elseLabel);
        }
        if (f.tryTable != null) {
            ExceptionOps.end(this, f.tryTable, reachable, f.target);
        }
        if (f.kind != OpCode.LOOP) {
            mv.visitLabel(f.target);
        }
        stack.truncate(f.height);
        f.results.forEach(stack::push);
    }

    /**
     * Closes the function's frame when its body ran out before the function's own {@code end}. The spec calls
     * such a body malformed, but Chicory's parser accepts one whose last {@code end} closes a block (one end
     * short), and its interpreter returns once it runs past the last instruction. Returning here too keeps the
     * method from falling off its code or ending at a label with no code after it, either of which the verifier
     * rejects for the whole class. When the stack cannot be the function's results the body is left to the
     * interpreter, which is then the only definition of what it does.
     */
    private void closeUnendedBody() {
        while (frames.size() > 1) {
            endFrame();
        }
        int n = functionResults.size();
        if (!skipping && (stack.size() < n || !stack.slice(stack.size() - n).equals(functionResults))) {
            throw new UnsupportedOperationException("body ends without the function's end, its stack "
                    + "not holding the function's results");
        }
        endFrame();
    }

    private Frame frameAt(int depth) {
        int i = 0;
        for (Frame f : frames) {
            if (i++ == depth) {
                return f;
            }
        }
        throw new IllegalStateException("branch depth " + depth + " out of range");
    }

    /**
     * Jumps to {@code target} (or returns, for the function frame), dropping whatever lies between the frame's
     * base and the carried values. The stack model is left unchanged: callers decide what follows.
     */
    private void branch(Frame target) {
        if (target.kind == OpCode.END) {
            emitReturn();
            return;
        }
        List<Type> carried = target.carried();
        int junk = stack.size() - target.height - carried.size();
        if (junk > 0) {
            shuffleDown(carried, junk);
        }
        target.used = true;
        mv.visitJumpInsn(GOTO, target.target);
    }

    /** Removes {@code junk} values lying under the top {@code keep.size()} values. */
    private void shuffleDown(List<Type> keep, int junk) {
        int n = keep.size();
        for (int i = n - 1; i >= 0; i--) {
            Type t = stack.peek(n - 1 - i);
            mv.visitVarInsn(t.getOpcode(ISTORE), temp(t, i));
        }
        for (int j = 0; j < junk; j++) {
            OperandStack.emitPop(mv, stack.peek(n + j));
        }
        for (int i = 0; i < n; i++) {
            Type t = stack.peek(n - 1 - i);
            mv.visitVarInsn(t.getOpcode(ILOAD), temp(t, i));
        }
    }

    private void brTable(AnnotatedInstruction ins) {
        stack.pop();
        int count = ins.operandCount() - 1;
        Map<Integer, Label> stubs = new LinkedHashMap<>();
        Label[] labels = new Label[count];
        for (int i = 0; i < count; i++) {
            labels[i] = stubs.computeIfAbsent((int) ins.operand(i), d -> new Label());
        }
        Label dflt = stubs.computeIfAbsent((int) ins.operand(count), d -> new Label());
        if (count == 0) {
            mv.visitInsn(POP);
            mv.visitJumpInsn(GOTO, dflt);
        } else {
            mv.visitTableSwitchInsn(0, count - 1, dflt, labels);
        }
        for (Map.Entry<Integer, Label> e : stubs.entrySet()) {
            mv.visitLabel(e.getValue());
            branchTo(e.getKey());
        }
    }

    /** Whether validation marked this {@code drop} or {@code select} as one of a {@code v128}. */
    private static boolean isVectorAnnotated(AnnotatedInstruction ins) {
        return ins.operandCount() > 0 && ins.operand(0) == SimdOps.V128_ANNOTATION;
    }

    /** {@code select} of two vectors: both parked, the one chosen loaded back. */
    private void selectVector() {
        stack.pop();
        int cond = temp(Type.INT_TYPE, 20);
        mv.visitVarInsn(ISTORE, cond);
        for (int n = 3; n >= 0; n--) {
            SimdOps.store(this, n);
        }
        SimdOps.popVectors(stack, 2);
        Label second = new Label();
        Label end = new Label();
        mv.visitVarInsn(ILOAD, cond);
        mv.visitJumpInsn(IFEQ, second);
        SimdOps.load(this, 0);
        SimdOps.load(this, 1);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(second);
        SimdOps.load(this, 2);
        SimdOps.load(this, 3);
        mv.visitLabel(end);
        SimdOps.pushVector(stack);
    }

    private void emitReturn() {
        if (region != null) {
            exits.leaveRegion(-1); // the result, if any, waits in the frame's first slot after the locals
            return;
        }
        List<Type> results = functionResults;
        Type ret = JvmTypes.returnType(type.returns());
        if (results.isEmpty()) {
            mv.visitInsn(RETURN);
        } else if (results.size() == 1) {
            mv.visitInsn(ret.getOpcode(IRETURN));
        } else {
            CallOps.boxTop(this, results);
            mv.visitInsn(ARETURN);
        }
    }
}
