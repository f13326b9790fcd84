package io.fssdk.runtime.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The SHA-256 of every class file of this package, computed once. Any change to the compiler changes it, so
 * cached code from another build is a miss. When the class files cannot be read (an unusual class loader), a
 * random value is used instead: the cache then never hits across JVMs, which is slow but never wrong.
 */
final class CompilerFingerprint {
    static final String VALUE = compute();

    private CompilerFingerprint() {
    }

    private static String compute() {
        String dir = CompilerFingerprint.class.getPackageName().replace('.', '/') + "/";
        try {
            CodeSource source = CompilerFingerprint.class.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null) {
                return unknown();
            }
            Path root = Path.of(location.toURI());
            List<String> names = new ArrayList<>();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.list(root.resolve(dir))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).forEach(names::add);
                }
                names.sort(null);
                for (String n : names) {
                    md.update(n.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(root.resolve(dir).resolve(n)));
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                        String n = e.nextElement().getName();
                        if (n.startsWith(dir) && n.endsWith(".class") && n.indexOf('/', dir.length()) < 0) {
                            names.add(n);
                        }
                    }
                    names.sort(null);
                    for (String n : names) {
                        md.update(n.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        try (InputStream in = jar.getInputStream(jar.getEntry(n))) {
                            md.update(in.readAllBytes());
                        }
                    }
                }
            }
            return names.isEmpty() ? unknown() : HexFormat.of().formatHex(md.digest());
        } catch (IOException | URISyntaxException | RuntimeException | NoSuchAlgorithmException e) {
            return unknown();
        }
    }

    private static String unknown() {
        return "unknown-" + UUID.randomUUID();
    }
}
