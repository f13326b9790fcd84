package io.fssdk.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;

/**
 * Dead letters as JSON lines appended to a file: {@code operator}, {@code export}, {@code source_id},
 * {@code origin}, {@code offset}, {@code error}, {@code timestamp} (ISO-8601), {@code record_base64}
 * (the record's bytes), and {@code record} (the same as text) when the record is valid UTF-8.
 */
final class FileDeadLetterSink implements DeadLetterSink {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;
    private final OutputStream out;

    FileDeadLetterSink(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new CliException(ExitCodes.CONFIG_INVALID, "cannot open the dead-letter file " + file + ": " + e, e);
        }
    }

    @Override
    public void write(FailedRecord f) {
        try {
            JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("operator", f.operator());
            g.writeStringField("export", f.export());
            g.writeNumberField("source_id", Integer.toUnsignedLong(f.sourceId()));
            g.writeStringField("origin", f.origin());
            g.writeNumberField("offset", f.offset());
            g.writeStringField("error", f.message());
            g.writeStringField("timestamp", Instant.ofEpochMilli(f.timestampMillis()).toString());
            g.writeStringField("record_base64", Base64.getEncoder().encodeToString(f.record()));
            String text = utf8(f.record());
            if (text != null) {
                g.writeStringField("record", text);
            }
            g.writeEndObject();
            g.close();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dead-letter file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dead-letter file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "file " + file;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the dead-letter file " + file, e);
        }
    }
}
