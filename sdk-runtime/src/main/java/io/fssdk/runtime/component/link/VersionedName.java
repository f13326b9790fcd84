package io.fssdk.runtime.component.link;

import java.util.Objects;
import java.util.Optional;

/**
 * An import or export name split into its unversioned part and its semver version, used to match a
 * guest's import against what the host defined.
 *
 * <p>Two names are <em>compatible</em> when their unversioned parts are equal and their versions are
 * semver-compatible in the sense wasmtime and the component model's tooling use: the same major version
 * when it is not 0; the same major and minor when the major is 0; exactly the same version when both are
 * 0.0. So an import of {@code wasi:io/streams@0.2.0} is satisfied by a host {@code @0.2.12} (and the
 * other way round, since functions are then matched one by one), but not by {@code @0.3.0}. Prerelease
 * and build suffixes must be equal.
 *
 * @param base the name without {@code @version}
 * @param version the version, if the name has one
 */
public record VersionedName(String base, Optional<Version> version) {
    /** Validates the parts. */
    public VersionedName {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(version, "version");
    }

    /** Splits {@code name} at its last {@code @}, when what follows parses as a version. */
    public static VersionedName parse(String name) {
        int at = name.lastIndexOf('@');
        if (at > 0) {
            Optional<Version> v = Version.parse(name.substring(at + 1));
            if (v.isPresent()) {
                return new VersionedName(name.substring(0, at), v);
            }
        }
        return new VersionedName(name, Optional.empty());
    }

    /** Whether a host definition named {@code host} may satisfy an import named by this. */
    public boolean compatibleWith(VersionedName host) {
        if (!base.equals(host.base)) {
            return false;
        }
        if (version.isEmpty() || host.version.isEmpty()) {
            return version.isEmpty() && host.version.isEmpty();
        }
        return version.get().compatibleWith(host.version.get());
    }

    @Override
    public String toString() {
        return version.map(v -> base + "@" + v).orElse(base);
    }
}
