// A word counter in Kotlin/Wasm (WASI target): the first fixture of a GC language from its own compiler, for
// KotlinGuestTest. Kotlin compiles classes to GC structs, collections to GC arrays, and exceptions to the
// exception-handling proposal. bump(key) counts one more occurrence of a key and answers its count; total()
// answers the sum of all counts; describe(key) builds a string, so that string and exception code run too.
// Rebuilt by build.sh.
@file:OptIn(kotlin.wasm.ExperimentalWasmInterop::class)

import kotlin.wasm.WasmExport

class Cell(var count: Int)

val counts = HashMap<Int, Cell>()

@WasmExport
fun bump(key: Int): Int {
    val cell = counts.getOrPut(key) { Cell(0) }
    cell.count += 1
    return cell.count
}

@WasmExport
fun total(): Int {
    var sum = 0
    for (c in counts.values) {
        sum += c.count
    }
    return sum
}

/** The length of "key=count", or -1 for a key never counted (through a caught exception). */
@WasmExport
fun describe(key: Int): Int {
    return try {
        val cell = counts[key] ?: throw NoSuchElementException("no key $key")
        "$key=${cell.count}".length
    } catch (e: NoSuchElementException) {
        -(e.message?.length ?: 1) / (e.message?.length ?: 1)
    }
}

fun main() {}
