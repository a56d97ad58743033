package io.jenkins.plugins.multiarch.engine.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form a graph without cycles (the layers in docs/architecture.md), read from the imports of
 * the main sources. A package that needs one above it is a design error the build should catch.
 */
class PackageGraphTest {

    private static final String ROOT = "io.jenkins.plugins.multiarch.engine";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(" + Pattern.quote(ROOT)
            + "(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);
    /** A reference written out in full in the code, e.g. {@code io.jenkins...engine.publish.PublishException}. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])(" + Pattern.quote(ROOT)
            + "(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    static Map<String, Set<String>> graph() {
        Map<String, Set<String>> edges = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String source = read(file);
                Matcher pkg = PACKAGE.matcher(source);
                if (!pkg.find()) {
                    return;
                }
                String from = pkg.group(1);
                Set<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
                String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                for (Pattern p : List.of(IMPORT, QUALIFIED)) {
                    Matcher m = p.matcher(code);
                    while (m.find()) {
                        if (!m.group(1).equals(from)) {
                            to.add(m.group(1));
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return edges;
    }

    @Test
    void thePackagesHaveNoCycles() {
        Map<String, Set<String>> edges = graph();
        assertThat(edges).containsKeys(ROOT, ROOT + ".registry.transport", ROOT + ".host");
        List<List<String>> cycles = new ArrayList<>();
        for (String start : edges.keySet()) {
            // Is there a path from one of start's targets back to start?
            for (String next : edges.get(start)) {
                List<String> path = pathBetween(edges, next, start);
                if (path != null) {
                    List<String> cycle = new ArrayList<>();
                    cycle.add(start);
                    cycle.addAll(path);
                    cycles.add(cycle);
                }
            }
        }
        assertThat(cycles).as("package cycles (each as a path back to its start)").isEmpty();
    }

    @Test
    void onlyTheFacadeDependsOnEverything() {
        Map<String, Set<String>> edges = graph();
        edges.forEach((from, to) -> assertThat(to).as(from + " depends on the facade package").doesNotContain(ROOT));
        assertThat(edges.get(ROOT + ".error")).as("the errors depend on nothing").isEmpty();
    }

    private static List<String> pathBetween(Map<String, Set<String>> edges, String from, String to) {
        Deque<List<String>> queue = new ArrayDeque<>();
        queue.add(List.of(from));
        Set<String> seen = new TreeSet<>();
        while (!queue.isEmpty()) {
            List<String> path = queue.poll();
            String last = path.get(path.size() - 1);
            if (last.equals(to)) {
                return path;
            }
            if (!seen.add(last)) {
                continue;
            }
            for (String next : edges.getOrDefault(last, Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                queue.add(longer);
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
