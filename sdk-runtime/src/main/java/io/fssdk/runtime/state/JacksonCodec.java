package io.fssdk.runtime.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.fssdk.api.state.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A {@link Codec} for POJOs and records as JSON, with Jackson. It is <em>not</em> order-preserving, so it
 * serves values, list elements and accumulators, never map keys or priority-queue elements (typed state
 * refuses it there when the state is built).
 *
 * <pre>{@code
 * record Visit(String page, long at) { }
 * ValueState<Visit> last = states.value("last-visit", JacksonCodec.of(Visit.class));
 * }</pre>
 *
 * <p>The module holding the type must open its package to {@code com.fasterxml.jackson.databind} for
 * Jackson to read private fields or record components reflectively. A codec is thread-safe; its reader and
 * writer are built once.
 *
 * @param <T> the value type
 */
public final class JacksonCodec<T> implements Codec<T> {
    private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper().findAndRegisterModules();

    private final JavaType type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JacksonCodec(ObjectMapper mapper, JavaType type) {
        this.type = type;
        this.reader = mapper.readerFor(type);
        this.writer = mapper.writerFor(type);
    }

    /** A codec for {@code type} with a default {@link ObjectMapper} (modules on the class path registered). */
    public static <T> JacksonCodec<T> of(Class<T> type) {
        return of(DEFAULT_MAPPER, type);
    }

    /** A codec for {@code type} with the given mapper (its configuration is taken now). */
    public static <T> JacksonCodec<T> of(ObjectMapper mapper, Class<T> type) {
        Objects.requireNonNull(mapper, "mapper");
        return new JacksonCodec<>(mapper, mapper.getTypeFactory().constructType(Objects.requireNonNull(type, "type")));
    }

    /**
     * A codec for a generic type, e.g. {@code List<Visit>}: pass {@code new TypeReference<List<Visit>>() {}.getType()}
     * or a type built with the mapper's {@link TypeFactory}.
     */
    public static <T> JacksonCodec<T> of(ObjectMapper mapper, Type type) {
        Objects.requireNonNull(mapper, "mapper");
        return new JacksonCodec<>(mapper, mapper.getTypeFactory().constructType(Objects.requireNonNull(type, "type")));
    }

    @Override
    public byte[] encode(T value) {
        try {
            return writer.writeValueAsBytes(Objects.requireNonNull(value, "value"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a " + type + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        try {
            return reader.readValue(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a " + type + " from JSON", e);
        }
    }

    /** Always false: JSON bytes do not sort like the values. */
    @Override
    public boolean isOrderPreserving() {
        return false;
    }

    @Override
    public String toString() {
        return "JacksonCodec[" + type + "]";
    }
}
