package gradus.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Runs independent tasks on worker threads, each task with an objective no other task is using at
 * the time (compiled objectives are not thread-safe). The objectives are made on the calling
 * thread, one per worker. Results come back in task order, so a search that decides everything
 * random before it dispatches and reduces the results in that order gives the same answer for any
 * number of workers. With one worker the tasks run on the calling thread.
 */
public final class Parallel implements AutoCloseable {
  private final int workers;
  private final BlockingQueue<Objective> idle;
  private final Objective only;
  private final ExecutorService pool;

  private Parallel(int workers, Supplier<Objective> factory) {
    this.workers = workers;
    if (workers == 1) {
      only = factory.get();
      idle = null;
      pool = null;
      return;
    }
    only = null;
    idle = new ArrayBlockingQueue<>(workers);
    for (int w = 0; w < workers; w++) idle.add(factory.get());
    pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "gradus-search");
      t.setDaemon(true);
      return t;
    });
  }

  /** A pool of {@code workers} threads (0 or less: one per available core). */
  public static Parallel open(int workers, Supplier<Objective> factory) {
    return new Parallel(resolve(workers), factory);
  }

  /** The worker count a request means: itself, or the number of cores for 0 or less. */
  public static int resolve(int workers) {
    return workers > 0 ? workers : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  public int workers() {
    return workers;
  }

  /** An objective for work on the calling thread between maps. */
  Objective local() {
    return only != null ? only : idle.peek();
  }

  /** work(objective, i) for i = 0 … tasks-1; the results in order of i. */
  public <T> List<T> map(int tasks, BiFunction<Objective, Integer, T> work) {
    List<T> out = new ArrayList<>(tasks);
    if (pool == null) {
      for (int i = 0; i < tasks; i++) out.add(work.apply(only, i));
      return out;
    }
    List<Future<T>> futures = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      int task = i;
      futures.add(pool.submit(() -> {
        Objective o = idle.take();
        try {
          return work.apply(o, task);
        } finally {
          idle.add(o);
        }
      }));
    }
    try {
      for (Future<T> f : futures) out.add(f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures.forEach(f -> f.cancel(true));
      throw new IllegalStateException("interrupted while waiting for the workers", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
    return out;
  }

  @Override
  public void close() {
    if (pool != null) pool.shutdownNow();
  }
}
