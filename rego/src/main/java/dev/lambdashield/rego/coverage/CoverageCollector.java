package dev.lambdashield.rego.coverage;

import dev.lambdashield.rego.ast.Location;

import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A {@link CoverageRecorder} that keeps the lines reached, per file, across any number of
 * evaluations. Thread-safe, so one collector can serve concurrent queries.
 */
public final class CoverageCollector implements CoverageRecorder {

    private final Map<String, NavigableSet<Integer>> hits = new ConcurrentHashMap<>();

    @Override
    public void expression(Location location) {
        hit(location);
    }

    @Override
    public void ruleHead(Location location) {
        hit(location);
    }

    private void hit(Location location) {
        if (location == null || !location.isKnown()) {
            return;
        }
        hits.computeIfAbsent(location.file(), file -> new ConcurrentSkipListSet<>()).add(location.line());
    }

    /** Returns a copy of the lines reached in {@code file}, in ascending order; empty when none. */
    public NavigableSet<Integer> linesHit(String file) {
        NavigableSet<Integer> lines = hits.get(file);
        return lines == null ? new TreeSet<>() : new TreeSet<>(lines);
    }

    /** Returns the files with at least one line reached. */
    public Set<String> files() {
        return Set.copyOf(hits.keySet());
    }
}
