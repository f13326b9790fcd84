package io.fssdk.runtime.compiler;

import java.util.Map;

/**
 * The class loader of one compiled module's classes. One loader per module lets the JVM unload the code with
 * the module; the classes find each other (and nothing else new) by name here.
 */
final class GeneratedLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    GeneratedLoader(ClassLoader parent, Map<String, byte[]> classes) {
        super(parent);
        this.classes = classes;
    }

    /** Defines a class made after the module's (an entry adapter: see {@link LoadedCode#adapter}). */
    Class<?> defineExtra(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name.replace('.', '/'));
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
