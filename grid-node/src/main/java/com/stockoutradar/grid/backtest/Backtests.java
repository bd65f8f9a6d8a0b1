package com.stockoutradar.grid.backtest;

import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.stockoutradar.api.Backtest;
import com.stockoutradar.compute.backtest.BacktestCounts;
import com.stockoutradar.compute.backtest.BacktestParameters;
import com.stockoutradar.compute.backtest.BacktestTask;
import com.stockoutradar.compute.risk.RiskParameters;
import com.stockoutradar.grid.GridProperties;
import com.stockoutradar.grid.risk.RiskProperties;

/**
 * Runs the built-in backtest ({@link BacktestTask} on every server node) and keeps its last result in this
 * process: a request while one runs joins it. It only reads the caches.
 */
@Service
public class Backtests {
    private static final Logger log = LoggerFactory.getLogger(Backtests.class);
    private static final int ATTEMPTS = 3;
    /** The levels every backtest sweeps, with the configured one: 0.05 to 0.95 by 0.05. */
    private static final double[] SWEPT = IntStream.rangeClosed(1, 19).mapToDouble(i -> i / 20.0).toArray();

    private final Ignite ignite;
    private final RiskProperties settings;
    private final Clock clock;
    private final int days;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "backtest");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Backtest> running;
    private volatile Backtest last;

    public Backtests(Ignite ignite, RiskProperties settings, GridProperties grid, Clock clock) {
        this.ignite = ignite;
        this.settings = settings;
        this.clock = clock;
        // the week after the oldest midnight must still be in the grid: changes after it are what its stock and
        // outcome are computed from
        int retained = (int) grid.retention().toDays() - 7;
        if (settings.backtestDays() > retained) {
            log.warn("radar.risk.backtest-days is {}, but radar.grid.retention ({}) keeps the weeks after {} days "
                    + "only: the backtest judges {}", settings.backtestDays(), grid.retention(), retained, retained);
        }
        this.days = Math.min(settings.backtestDays(), retained);
    }

    /** Runs a backtest as of today, or joins the one running. */
    public synchronized CompletableFuture<Backtest> run() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::compute, worker);
        }
        return running;
    }

    /** The last backtest's result, if one has finished in this process. */
    public Optional<Backtest> last() {
        return Optional.ofNullable(last);
    }

    /** The last result, or the one running (started if none) when none has finished yet. */
    public synchronized CompletableFuture<Backtest> lastOrRun() {
        Backtest done = last;
        return done != null ? CompletableFuture.completedFuture(done) : run();
    }

    private Backtest compute() {
        long started = clock.millis();
        long today = Math.floorDiv(started / 1000, RiskParameters.DAY);
        // the latest moment is a week before today's midnight: the week after each is over
        long[] moments = LongStream.range(0, days).map(k -> (today - 7 - k) * RiskParameters.DAY).toArray();
        double level = settings.stockOutLevel();
        BacktestParameters parameters = new BacktestParameters(moments, settings.threshold(), settings.horizonDays(),
                DoubleStream.concat(DoubleStream.of(SWEPT), DoubleStream.of(level)).sorted().distinct().toArray());
        BacktestCounts counts = execute(parameters);
        Backtest backtest = BacktestReport.of(parameters, counts, level, started / 1000, clock.millis() - started);
        log.info("backtest over {} days: model F1 {}, rule F1 {}, best level {} ({} configured), {} products, "
                        + "{} changes, in {} ms", days, backtest.model().f1(), backtest.rule().f1(),
                backtest.best().level(), level, backtest.products(), backtest.changes(), backtest.durationMillis());
        last = backtest; // before the future completes: whoever it wakes finds it
        return backtest;
    }

    private BacktestCounts execute(BacktestParameters parameters) {
        for (int attempt = 1; ; attempt++) {
            try {
                BacktestCounts counts = ignite.compute(ignite.cluster().forServers()).withNoFailover()
                        .execute(new BacktestTask(), parameters);
                int partitions = ignite.affinity(PRODUCT_CACHE).partitions();
                if (counts.partitions() != partitions) {
                    throw new IgniteException("the nodes counted " + counts.partitions() + " partitions of "
                            + partitions + ": partitions moved during the backtest");
                }
                return counts;
            } catch (IgniteException e) {
                // a node joined or left while the partitions were read: read them again on the new layout
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.warn("backtest attempt {} of {} failed, trying again: {}", attempt, ATTEMPTS, e.getMessage());
            }
        }
    }
}
