package io.vigil.scan;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scans as db-scheduler tasks over Vigil's database: one task instance per scan, named by
 * the scan id, so a scan survives restarts and runs on exactly one node of a cluster at a time.
 * A task that a stopping server interrupts is rescheduled at once; one whose node died is
 * revived after {@link #MISSED_HEARTBEATS} missed heartbeats.
 */
final class ScanScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScanScheduler.class);

  static final String TASK_NAME = "vigil-scan";

  /** Scans one node runs at once; more wait in state Queued. */
  static final int MAX_RUNNING_SCANS = 4;

  static final Duration POLLING_INTERVAL = Duration.ofSeconds(5);
  static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
  static final int MISSED_HEARTBEATS = 6;

  private final ScanRunner runner;
  private final Scheduler scheduler;
  private final CustomTask<Void> task;
  private final ExecutorService executor;
  private final ExecutorService dueExecutor;
  private final ScheduledExecutorService housekeeper;

  /**
   * @param h2 whether the database is H2, for which db-scheduler has no dialect of its own: its
   *     generic SQL is used, with timestamps stored with their zone as the table declares
   */
  ScanScheduler(DataSource dataSource, boolean h2, ScanRunner runner) {
    this.runner = runner;
    this.task =
        Tasks.custom(TASK_NAME, Void.class)
            .onDeadExecutionRevive()
            .execute(
                (instance, context) -> {
                  long scanId = Long.parseLong(instance.getId());
                  ScanRunner.Outcome outcome = runner.run(scanId);
                  if (outcome == ScanRunner.Outcome.RESCHEDULE) {
                    return (complete, operations) ->
                        operations.reschedule(complete, Instant.now());
                  }
                  return new CompletionHandler.OnCompleteRemove<>();
                });
    this.executor = Executors.newFixedThreadPool(MAX_RUNNING_SCANS, threads("vigil-scan-task"));
    this.dueExecutor = Executors.newSingleThreadExecutor(threads("vigil-scan-due"));
    this.housekeeper = Executors.newScheduledThreadPool(2, threads("vigil-scan-housekeeper"));
    SchedulerBuilder builder =
        Scheduler.create(dataSource, List.of(task))
            .executorService(executor)
            .dueExecutor(dueExecutor)
            .housekeeperExecutor(housekeeper)
            .pollingInterval(POLLING_INTERVAL)
            .heartbeatInterval(HEARTBEAT_INTERVAL)
            .missedHeartbeatsLimit(MISSED_HEARTBEATS)
            .enableImmediateExecution()
            .shutdownMaxWait(Duration.ofSeconds(45));
    if (h2) {
      builder.jdbcCustomization(new DefaultJdbcCustomization(false));
    }
    this.scheduler = builder.build();
  }

  void start() {
    scheduler.start();
    log.info("Scan scheduler started: maxRunningScans={}", MAX_RUNNING_SCANS);
  }

  /** Schedules the scan's task to run now, unless it is scheduled or running already. */
  void schedule(long scanId) {
    TaskInstance<Void> instance = task.instance(Long.toString(scanId));
    scheduler.scheduleIfNotExists(instance, Instant.now());
  }

  /** Removes the scan's task when it is scheduled and not running. */
  void unschedule(long scanId) {
    TaskInstanceId id = TaskInstanceId.of(TASK_NAME, Long.toString(scanId));
    if (scheduler.getScheduledExecution(id).filter(e -> !e.isPicked()).isPresent()) {
      try {
        scheduler.cancel(id);
      } catch (RuntimeException e) {
        // The task was picked or removed between the check and the cancel; it sees the new
        // state when it runs and ends by itself.
        log.debug("Scan task not cancelled: id={} reason={}", scanId, e.getMessage());
      }
    }
  }

  /** Interrupts the running scans, which reschedule themselves, then stops the scheduler. */
  @Override
  public void close() {
    runner.shutdown();
    scheduler.stop();
    executor.shutdownNow();
    dueExecutor.shutdownNow();
    housekeeper.shutdownNow();
    runner.close();
    log.info("Scan scheduler stopped");
  }

  /** Returns a factory of daemon threads named "prefix-1", "prefix-2", ... */
  static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
