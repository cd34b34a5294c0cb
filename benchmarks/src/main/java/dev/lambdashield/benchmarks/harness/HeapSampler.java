package dev.lambdashield.benchmarks.harness;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap of a run, measured two ways. The first is the largest heap occupancy sampled every 2 ms, which counts
 * live objects and garbage not yet collected. The second is the largest occupancy right after a collection (the
 * live set), taken from the GC notifications.
 */
final class HeapSampler implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 2;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final List<Runnable> removals = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapSampler() {
        sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
    }

    static HeapSampler start() {
        HeapSampler heap = new HeapSampler();
        heap.listenToCollections();
        heap.sampler.start();
        return heap;
    }

    long peakUsed() {
        record();
        return peakUsed.get();
    }

    long maxAfterGc() {
        return maxAfterGc.get();
    }

    private void sample() {
        while (running) {
            record();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void record() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
    }

    private void listenToCollections() {
        // The after-collection map covers every memory pool; only the heap's count.
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) {
                continue;
            }
            NotificationListener listener = (notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) notification.getUserData());
                long after = 0;
                for (java.util.Map.Entry<String, MemoryUsage> pool
                        : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    after += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
                }
                maxAfterGc.accumulateAndGet(after, Math::max);
            };
            emitter.addNotificationListener(listener, null, null);
            removals.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // Already removed; nothing to undo.
                }
            });
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        removals.forEach(Runnable::run);
    }
}
