package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;

/**
 * The per-instance state compiled guest code runs against: one object per Chicory {@link Instance}, passed as
 * the last argument of every generated function.
 *
 * <p>Its fields are public only because generated classes live in their own class loader; the package is
 * exported to nobody at compile time and only to those loaders at run time. Nothing outside this package and
 * the generated code may touch them.
 */
public final class GuestContext {
    /**
     * How many function entries and loop iterations run between two checks for interruption and fuel. Small
     * enough that most inline loop polls ({@link Polls}) see their slow path while still profiled, so C2
     * compiles it rather than a trap that deoptimizes the method later: 1,024 took the QuickJS counter's
     * deoptimizations of generated methods from about 63 to 34 in its first 20 s, at no measurable cost (the
     * slow path is one volatile read).
     */
    static final int POLL_INTERVAL = 1 << 10;

    /** The Chicory instance this code runs for (imports, tables, memories, globals). */
    public final Instance instance;
    /** Every global of the instance, imported ones first, so a {@code global.get} is one array load. */
    public GlobalInstance[] globals;
    /** The module's code: the direct handle of every function (imports are boxing bridges), for {@code call_indirect}. */
    final LoadedCode code;
    /** The structural signature id of every function, compared by {@code call_indirect}. */
    public final int[] sigIds;
    /** Whether {@code call_indirect} compares type indices instead ({@link ModuleLayout#typeHierarchy}). */
    final boolean nominalTypes;
    /**
     * Countdown to the next interruption and fuel check. A plain field written only by the thread running the
     * guest: the hot path is a decrement and a branch, never a volatile read (see {@link GuestSupport#poll}).
     */
    public int countdown = POLL_INTERVAL;
    /**
     * The function a tail call requested ({@link GuestTailCalls}), or -1: read by generated code after each call
     * that may have ended in one.
     */
    public int tailFunction = -1;
    /** How many direct tail calls run as plain calls now ({@link TailCalls#DIRECT_DEPTH}). */
    public int tailDepth;
    /** The GC objects the code used last ({@link GuestGc}). */
    final GcObjectCache gcObjects = new GcObjectCache();
    /** The cap on the GC objects compiled code makes here ({@link GcBudget}), made at the first one. */
    GcBudget gcBudget;
    /** The requested tail call's arguments. */
    long[] tailArgs;
    /** The instance of the requested tail call's function when it is not this one, else null. */
    Instance tailInstance;
    /** The instance of a table entry found by {@link GuestSupport#indirect} to belong to another instance. */
    public Instance foreignInstance;
    /** The function index, in {@link #foreignInstance}, of that table entry. */
    public int foreignFunction;
    /*
     * Foreign table entries whose type already matched (a small direct-mapped cache): a component's shims call
     * across instances on every record, and comparing the two types structurally each time (lists of value
     * types) was an eighth of an empty fs-process. A function's type never changes, so an entry stays true.
     */
    private static final int CHECKED = 16;
    private final Instance[] checkedOwner = new Instance[CHECKED];
    private final int[] checkedRef = new int[CHECKED];
    private final int[] checkedType = new int[CHECKED];

    /**
     * The {@link DirectImport} of each function import whose handle is one, else null; set by {@link #bind()}.
     * Read by {@link GuestSupport#callImportDirect} on every host call, so it is resolved once per instance.
     */
    DirectImport[] directImports;
    /**
     * Frames of split functions' calls (their locals, {@code long[]}), reused: {@code framePool[0 ..
     * freeFrames)} are free, the rest are in use by calls running now or were lost to a trap. Calls into one
     * instance nest on one thread, so this is a stack.
     */
    final long[][] framePool = new long[32][];
    int freeFrames;
    /** The call's fuel budget, shared with the other core instances of the component; null means unlimited. */
    FuelTank fuel;
    /** The cap on this instance's GC objects in bytes ({@code ComponentOptions.maxGcBytes}), 0 for the default. */
    long gcCap;
    /** The instance's memory 0, or null (see {@link #bytes} for its array). Set once by {@link #bind()}. */
    FlatMemory memory;
    /**
     * {@link #memory}'s current array, or null: public for the generated code's refetch, which reads it with one
     * field load. The memory replaces it on every grow ({@link FlatMemory#attach}).
     */
    public byte[] bytes;
    boolean bound;
    private InterpreterMachine interpreter;
    private TableInstance table0;

    GuestContext(Instance instance, LoadedCode code, int[] sigIds, boolean nominalTypes) {
        this.instance = instance;
        this.code = code;
        this.sigIds = sigIds;
        this.nominalTypes = nominalTypes;
    }

    /**
     * Takes the instance's globals and memory. Chicory calls the machine factory before it creates them, so this
     * runs on the first call into the instance instead.
     */
    void bind() {
        GlobalInstance[] g = new GlobalInstance[instance.globalCount()];
        for (int i = 0; i < g.length; i++) {
            g[i] = instance.global(i);
        }
        this.globals = g;
        DirectImport[] direct = new DirectImport[instance.imports().functionCount()];
        for (int i = 0; i < direct.length; i++) {
            if (instance.imports().function(i).handle() instanceof DirectImport d) {
                direct[i] = d;
            }
        }
        this.directImports = direct;
        Memory m = instance.memory();
        if (m != null) {
            if (!(m instanceof FlatMemory f)) {
                throw new IllegalStateException("the optimizing compiler needs its own memory (FlatMemory), found "
                        + m.getClass().getName() + ": instantiate with CompiledWasm.memoryFactory()");
            }
            memory = f;
            f.attach(this);
        }
        bound = true;
    }

    /** Whether function {@code ref} of {@code owner} was found to have this instance's type {@code typeIdx}. */
    boolean foreignChecked(Instance owner, int ref, int typeIdx) {
        int i = slot(ref, typeIdx);
        return checkedOwner[i] == owner && checkedRef[i] == ref && checkedType[i] == typeIdx;
    }

    /** Records a successful {@link #foreignChecked} comparison. */
    void rememberForeignCheck(Instance owner, int ref, int typeIdx) {
        int i = slot(ref, typeIdx);
        checkedOwner[i] = owner;
        checkedRef[i] = ref;
        checkedType[i] = typeIdx;
    }

    private static int slot(int ref, int typeIdx) {
        return (ref * 31 + typeIdx) & (CHECKED - 1);
    }

    /** A Chicory interpreter over the same instance, made on first use (see {@link GuestSupport#interpret}). */
    InterpreterMachine interpreter() {
        if (interpreter == null) {
            interpreter = new InterpreterMachine(instance);
        }
        return interpreter;
    }

    /**
     * The instance's table 0, looked up once: Chicory's {@code Instance.table} consults the imports on every
     * call, which was a few per cent of QuickJS's time in {@code call_indirect}. A table object stays the same
     * for the instance's life ({@code table.grow} changes its contents).
     */
    TableInstance table0() {
        TableInstance t = table0;
        if (t == null) {
            t = instance.table(0);
            table0 = t;
        }
        return t;
    }

    /** The instance's memory 0. */
    public FlatMemory memory() {
        return memory;
    }
}
