package io.github.cratesrelease.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Tasks#map}: every item once, on the caller's thread and the helpers, the results in the items' order. */
class TasksTest {

    @Test
    void mapsEveryItemOnceInOrderOnSeveralThreads() throws InterruptedException {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            items.add(i);
        }
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        List<String> out = Tasks.map("test-map", 3, items, i -> {
            threads.add(Thread.currentThread().getName());
            calls.incrementAndGet();
            if (i % 100 == 0) {
                Thread.yield();  // let the helpers take items too
            }
            return i % 7 == 0 ? null : "item " + i;
        });
        assertEquals(2_000, calls.get());
        assertEquals(2_000, out.size());
        for (int i = 0; i < 2_000; i++) {
            assertEquals(i % 7 == 0 ? null : "item " + i, out.get(i));
        }
        assertTrue(threads.stream().allMatch(t -> t.equals(Thread.currentThread().getName()) || t.startsWith("test-map-")),
                threads.toString());
    }

    @Test
    void theCallersThreadIsOneOfTheWorkers() throws InterruptedException {
        // each item waits for the other: both are taken at once, by the caller's thread and the one helper
        CyclicBarrier both = new CyclicBarrier(2);
        List<String> by = Tasks.map("test-map", 2, List.of(1, 2), i -> {
            try {
                both.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the two items did not run at once", e);
            }
            return Thread.currentThread().getName();
        });
        assertEquals(Set.of(Thread.currentThread().getName(), "test-map-1"), Set.copyOf(by));
    }

    @Test
    void noItemsAndFewerItemsThanThreads() throws InterruptedException {
        assertEquals(List.of(), Tasks.map("test-map", 4, List.<String>of(), s -> s));
        assertEquals(List.of("A", "B"), Tasks.map("test-map", 8, List.of("a", "b"), String::toUpperCase));
    }

    @Test
    void theFirstFailureIsRethrownAsItWasAndTheRestStop() {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            items.add(i);
        }
        IllegalStateException boom = new IllegalStateException("boom at 3");
        for (int threads : new int[] {1, 2}) {
            AtomicInteger after = new AtomicInteger();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Tasks.map("test-map",
                    threads, items, i -> {
                        if (i == 3) {
                            throw boom;
                        }
                        if (i > 3) {
                            after.incrementAndGet();
                        }
                        return i;
                    }));
            assertSame(boom, thrown, threads + " thread(s)");
            if (threads == 1) {
                // on one thread the order is known: nothing after the failing item is taken
                assertEquals(0, after.get());
            }
        }
    }
}
