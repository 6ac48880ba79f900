package io.github.cratesrelease.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs work items in parallel on daemon threads and waits for all of them: one home for that loop. */
public final class Tasks {

    private Tasks() {
    }

    /** A pool of {@code threads} daemon threads named {@code name-N}. */
    public static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} for every item on {@code pool} and waits for all. The first failure of an item is rethrown
     * as it was (a RuntimeException or Error) once every item has finished.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the pool's tasks are cancelled)
     */
    public static <T> void forEach(ExecutorService pool, Collection<T> items, Consumer<T> work)
            throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> work.accept(item)));
        }
        Throwable first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                futures.forEach(x -> x.cancel(true));
                Thread.currentThread().interrupt();
                throw e;
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause();
                }
            }
        }
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error err) {
            throw err;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }

    /** Computes {@code work} on a daemon thread of its own, named {@code name}, while the caller goes on. */
    public static <T> CompletableFuture<T> background(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Waits for {@code work} started by {@link #background} and returns its result; what it threw is rethrown as it
     * was (a RuntimeException or Error), not wrapped.
     */
    public static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * {@code work} applied to every item on {@code threads} threads (the caller's and daemon threads named
     * {@code name-N}), each taking the next item as it finishes one: no task, future or queue entry per item, for
     * thousands of items of a few hundred microseconds. The results in the items' order. The first failure is
     * rethrown as it was (a RuntimeException or Error) once every thread has stopped; the others stop at their next
     * item.
     *
     * @throws InterruptedException when the caller is interrupted while it waits (the other threads stop too)
     */
    public static <T, R> List<R> map(String name, int threads, List<T> items, Function<T, R> work)
            throws InterruptedException {
        int n = items.size();
        Object[] out = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    out[i] = work.apply(items.get(i));
                } catch (RuntimeException | Error e) {
                    failed.compareAndSet(null, e);
                    next.set(n);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int k = 1; k < Math.min(threads, n); k++) {
            Thread t = new Thread(worker, name + "-" + k);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        worker.run();
        try {
            for (Thread t : helpers) {
                t.join();  // its writes to out are seen after the join
            }
        } catch (InterruptedException e) {
            next.set(n);
            throw e;
        }
        Throwable first = failed.get();
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error err) {
            throw err;
        }
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) Arrays.asList(out);
        return Collections.unmodifiableList(results);
    }

    /** {@link #forEach} on a pool of its own, shut down afterwards. */
    public static <T> void inParallel(String name, int threads, Collection<T> items, Consumer<T> work)
            throws InterruptedException {
        ExecutorService pool = pool(name, Math.min(threads, Math.max(1, items.size())));
        try {
            forEach(pool, items, work);
        } finally {
            pool.shutdownNow();
        }
    }
}
