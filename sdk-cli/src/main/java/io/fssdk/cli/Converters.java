package io.fssdk.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the options of {@code fssdk run}. */
final class Converters {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Converters() {
    }

    /** A duration written {@code 500ms}, {@code 5s}, {@code 2m} or {@code 1h} (or ISO-8601, {@code PT5S}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            try {
                return Duration.parse(value);
            } catch (RuntimeException e) {
                throw new TypeConversionException("`" + value + "` is not a duration (e.g. 500ms, 5s, 2m, 1h)");
            }
        }
    }

    /** {@code fail}, {@code skip} or {@code dead-letter}. */
    static final class ErrorPolicyConverter implements ITypeConverter<ErrorPolicy> {
        @Override
        public ErrorPolicy convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "fail" -> ErrorPolicy.FAIL;
                case "skip" -> ErrorPolicy.SKIP;
                case "dead-letter" -> ErrorPolicy.DEAD_LETTER;
                default -> throw new TypeConversionException("`" + value + "` is not fail, skip or dead-letter");
            };
        }
    }
}
