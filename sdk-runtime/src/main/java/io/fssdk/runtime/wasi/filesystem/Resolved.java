package io.fssdk.runtime.wasi.filesystem;

import io.fssdk.runtime.wasi.WasiPreopen;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A guest path resolved by {@link PathResolver}: its components under a preopen, none of them
 * {@code .}, {@code ..} or empty, and none a symbolic link except possibly the last.
 *
 * @param root the preopen
 * @param components the components under the preopen's real path; empty for the preopen itself
 */
record Resolved(WasiPreopen root, List<String> components) {
    Resolved {
        components = List.copyOf(components);
    }

    /** The host path. */
    Path host() {
        Path p = root.hostPath();
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    /** Whether this is the preopen itself. */
    boolean isRoot() {
        return components.isEmpty();
    }

    /**
     * The host path, after checking that its parent still lies inside the preopen. The resolver checked
     * every component, but a host process may have swapped a directory for a symbolic link since; this
     * narrows that race to the moment between the check and the call.
     */
    Path checkedHost() throws IOException {
        Path host = host();
        Path parent = host.getParent();
        if (parent != null && !isRoot() && !parent.toRealPath().startsWith(root.hostPath())) {
            throw new FsException(ErrorCode.NOT_PERMITTED);
        }
        return host;
    }

    /** A child of this path. */
    Resolved child(String name) {
        List<String> c = new ArrayList<>(components);
        c.add(name);
        return new Resolved(root, c);
    }
}
