package io.fssdk.runtime.wasi.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest path relative to a directory descriptor without ever leaving its preopen: the
 * confinement rules of the package documentation. Like {@code openat2(RESOLVE_BENEATH)}, the walk is done
 * here, component by component, instead of by the host's resolver, which would follow {@code ..} and
 * symbolic links anywhere.
 */
final class PathResolver {
    /** As Linux's {@code MAXSYMLINKS}: more expansions than this in one path is {@code loop}. */
    static final int MAX_SYMLINKS = 40;

    private PathResolver() {
    }

    /**
     * Resolves {@code path} from directory {@code dir}.
     *
     * @param followLast whether a symbolic link in the last component is followed too
     * @throws FsException {@code not-permitted} for an absolute path or a step outside the preopen,
     *     {@code no-entry} for an empty path, {@code loop} for too many links, {@code invalid} for a path
     *     the host cannot name
     */
    static Resolved resolve(Resolved dir, String path, boolean followLast) throws FsException {
        if (path.isEmpty()) {
            throw new FsException(ErrorCode.NO_ENTRY);
        }
        if (path.startsWith("/")) {
            throw new FsException(ErrorCode.NOT_PERMITTED);
        }
        if (path.indexOf('\0') >= 0) {
            throw new FsException(ErrorCode.INVALID);
        }
        Deque<String> todo = new ArrayDeque<>(List.of(path.split("/", -1)));
        List<String> walked = new ArrayList<>(dir.components());
        int links = 0;
        while (!todo.isEmpty()) {
            String c = todo.pollFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (walked.isEmpty()) {
                    throw new FsException(ErrorCode.NOT_PERMITTED);
                }
                walked.remove(walked.size() - 1);
                continue;
            }
            walked.add(c);
            if (!todo.isEmpty() || followLast) {
                String target = linkTarget(new Resolved(dir.root(), walked).host());
                if (target != null) {
                    if (++links > MAX_SYMLINKS) {
                        throw new FsException(ErrorCode.LOOP);
                    }
                    if (target.startsWith("/")) {
                        throw new FsException(ErrorCode.NOT_PERMITTED);
                    }
                    walked.remove(walked.size() - 1);
                    String[] parts = target.split("/", -1);
                    for (int i = parts.length - 1; i >= 0; i--) {
                        todo.addFirst(parts[i]);
                    }
                }
            }
        }
        return new Resolved(dir.root(), walked);
    }

    /** The target of the symbolic link at {@code p}, or null when {@code p} is not one (or does not exist). */
    private static String linkTarget(Path p) throws FsException {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isSymbolicLink() ? Files.readSymbolicLink(p).toString() : null;
        } catch (InvalidPathException e) {
            throw new FsException(ErrorCode.INVALID, e);
        } catch (IOException e) {
            // Missing, or not a directory on the way: the operation itself reports it.
            return null;
        }
    }
}
