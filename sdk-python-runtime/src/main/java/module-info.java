/**
 * The prebuilt Python guest runtime component, {@code fssdk-python-runtime/fssdk-python-runtime.wasm}, for
 * {@code WasmDriver.builder().python(Path)}. The resource sits outside any package, so the module system
 * lets {@code io.fssdk.runtime} read it through the class loader without this module opening anything.
 */
module io.fssdk.python.runtime {
}
