package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;
import io.fssdk.runtime.component.binary.CoreSort;
import java.util.Objects;

/** A core-level item exported by a core instance: a function, memory, table or global. */
sealed interface CoreExtern {
    /** The item's core sort. */
    CoreSort sort();

    /** A function. */
    record Func(CoreFunc func) implements CoreExtern {
        public Func {
            Objects.requireNonNull(func, "func");
        }

        @Override
        public CoreSort sort() {
            return CoreSort.FUNC;
        }
    }

    /** A linear memory. */
    record Mem(Memory memory) implements CoreExtern {
        public Mem {
            Objects.requireNonNull(memory, "memory");
        }

        @Override
        public CoreSort sort() {
            return CoreSort.MEMORY;
        }
    }

    /** A table. */
    record Table(TableInstance table) implements CoreExtern {
        public Table {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public CoreSort sort() {
            return CoreSort.TABLE;
        }
    }

    /** A global. */
    record Global(GlobalInstance global) implements CoreExtern {
        public Global {
            Objects.requireNonNull(global, "global");
        }

        @Override
        public CoreSort sort() {
            return CoreSort.GLOBAL;
        }
    }
}
