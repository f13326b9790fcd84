package io.fssdk.runtime.component.link;

import java.util.Optional;

/**
 * A semantic version {@code major.minor.patch[-pre][+build]}, as carried by interface names.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 * @param suffix the prerelease and build suffix, including its leading {@code -} or {@code +}, or ""
 */
public record Version(long major, long minor, long patch, String suffix) implements Comparable<Version> {
    /** Parses a version, or returns empty when {@code text} is not one. */
    public static Optional<Version> parse(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '+') {
                end = i;
                break;
            }
        }
        String[] parts = text.substring(0, end).split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        long[] n = new long[3];
        for (int i = 0; i < 3; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 18 || !parts[i].chars().allMatch(Character::isDigit)
                    || (parts[i].length() > 1 && parts[i].charAt(0) == '0')) {
                return Optional.empty();
            }
            n[i] = Long.parseLong(parts[i]);
        }
        return Optional.of(new Version(n[0], n[1], n[2], text.substring(end)));
    }

    /** Semver compatibility: see {@link VersionedName}. */
    public boolean compatibleWith(Version other) {
        if (!suffix.equals(other.suffix) || major != other.major) {
            return false;
        }
        if (major != 0) {
            return true;
        }
        if (minor != other.minor) {
            return false;
        }
        return minor != 0 || patch == other.patch;
    }

    @Override
    public int compareTo(Version o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        return c != 0 ? c : suffix.compareTo(o.suffix);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + suffix;
    }
}
