package io.fssdk.runtime.processor;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.Module;
import io.fssdk.api.SdkException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A Python operator as the Python runtime component's {@code fs-exec} takes it: the class to instantiate
 * (empty: the one {@code FSProcessorDriver} subclass of the last module) and its modules as (module name,
 * UTF-8 source) pairs, dependencies first.
 */
record PythonSource(String className, List<Module> modules) {
    PythonSource {
        Objects.requireNonNull(className, "className");
        modules = List.copyOf(modules);
    }

    /**
     * Reads {@code file} as one module named after the file ({@code counter} for {@code counter.py}).
     *
     * @throws SdkException {@code CONFIG_INVALID} when the file cannot be read, is not UTF-8, or its name
     *     is not a Python module name
     */
    static PythonSource read(Path file, String className, String operator) {
        String fileName = String.valueOf(file.getFileName());
        String module = fileName.endsWith(".py") ? fileName.substring(0, fileName.length() - 3) : fileName;
        if (!isIdentifier(module)) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "python file name `" + fileName
                    + "` is not a module name (letters, digits and _, not starting with a digit)", operator, null, null);
        }
        byte[] source;
        try {
            source = Files.readAllBytes(file);
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(source));
        } catch (CharacterCodingException e) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "python file " + file + " is not UTF-8", operator, null, e);
        } catch (IOException e) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "cannot read python file " + file + ": " + e, operator,
                    null, e);
        }
        return new PythonSource(className, List.of(new Module(module, source)));
    }

    /** The module name, as the default operator name. */
    String lastModule() {
        return modules.get(modules.size() - 1).name();
    }

    private static boolean isIdentifier(String s) {
        return s.matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
