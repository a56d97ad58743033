package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Absolute, normalized paths inside an image root. Tar entries come as {@code ./usr/bin/}, {@code usr/bin} or
 * {@code /usr/bin}; they all become {@code /usr/bin}. {@code ..} never climbs above the root, as in a chroot.
 */
final class ImagePath {

    static final String ROOT = "/";

    private ImagePath() {
    }

    /** {@code ./a//b/../c/} → {@code /a/c}. */
    static String normalize(String raw) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : raw.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? ROOT : "/" + String.join("/", parts);
    }

    /** Resolves {@code target} against directory {@code dir}, as a symlink target or a relative program name. */
    static String resolve(String dir, String target) {
        return target.startsWith("/") ? normalize(target) : normalize(dir + "/" + target);
    }

    /** {@code /usr/bin/sh} → {@code /usr/bin}; the root's parent is the root. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? ROOT : path.substring(0, slash);
    }

    /** {@code /usr/bin/sh} → {@code sh}. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether {@code ancestor} is a directory above {@code path} (not {@code path} itself). */
    static boolean isStrictAncestor(String ancestor, String path) {
        if (ancestor.equals(ROOT)) {
            return !path.equals(ROOT);
        }
        return path.length() > ancestor.length() && path.startsWith(ancestor) && path.charAt(ancestor.length()) == '/';
    }

    /** The number of names in the path: {@code /} → 0, {@code /usr/bin} → 2. */
    static int depth(String path) {
        if (path.equals(ROOT)) {
            return 0;
        }
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    /**
     * How many leading directories two paths share: {@code /usr/lib/x} and {@code /usr/bin/sh} share 1 ({@code /usr}).
     */
    static int sharedDepth(String a, String b) {
        int shared = 0;
        int i = 1;
        while (i <= a.length() && i <= b.length()) {
            int endA = a.indexOf('/', i);
            int endB = b.indexOf('/', i);
            endA = endA < 0 ? a.length() : endA;
            endB = endB < 0 ? b.length() : endB;
            if (endA != endB || !a.regionMatches(i, b, i, endA - i) || endA == i) {
                break;
            }
            shared++;
            i = endA + 1;
        }
        return shared;
    }

    /** {@code /usr/bin/sh} with depth 2 → {@code /usr/bin}. */
    static String prefix(String path, int depth) {
        if (depth == 0) {
            return ROOT;
        }
        int seen = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/' && i > 0 && ++seen == depth) {
                return path.substring(0, i);
            }
        }
        return path;
    }
}
