package io.fssdk.runtime.compiler;

import java.util.Map;
import java.util.function.Function;

/**
 * The class loader of one compiled module's classes. One loader per module lets the JVM unload the code with
 * the module; the classes find each other (and nothing else new) by name here.
 */
final class GeneratedLoader extends ClassLoader {
    private final Map<String, byte[]> classes;
    /** Makes the classes generated on first use (see {@link IndirectSwitch}): null for a name it does not know. */
    private final Function<String, byte[]> onDemand;

    GeneratedLoader(ClassLoader parent, Map<String, byte[]> classes, Function<String, byte[]> onDemand) {
        super(parent);
        this.classes = classes;
        this.onDemand = onDemand;
    }

    /** Defines a class made after the module's (an entry adapter: see {@link LoadedCode#adapter}). */
    Class<?> defineExtra(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String internal = name.replace('.', '/');
        byte[] bytes = classes.get(internal);
        if (bytes == null) {
            bytes = onDemand.apply(internal);
        }
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
