package com.stockoutradar.compute.risk;

/**
 * A product's demand ahead as a distribution of counts, from its units sold per UTC day: the demand of the next
 * {@code t} days has a mean (a level on a {@link DampedTrend}, spread over the days by a {@link WeeklyPattern}) and a
 * variance (each day's negative binomial noise, and what the history leaves unknown about the level), and is taken
 * as the negative binomial of that mean and variance. Fitted by {@link SmoothDemand}, or by
 * {@link IntermittentDemand} for a product that sells on few days.
 */
public final class DemandForecast {
    /** Stock-out days further ahead than this are "never". */
    public static final double HORIZON_CAP_DAYS = 365;
    /** {@link NegativeBinomialTail#score}'s error in probability, and the sizes from which it holds. */
    static final double SCORE_ERROR = 0.01;
    static final double MIN_SCORED_SIZE = 0.3;
    /** The 10 % day's probability: at or above it at the horizon, the day lies within it. */
    private static final double OUTLINED_P10 = 0.1;

    /** Levels {@link #mayStockOut} keeps the scores of: a refresh's, a backtest's lowest, and some room. */
    private static final int KNOWN_LEVELS = 4;
    private static volatile LevelScore[] knownLevels = {};

    private final DampedTrend trend;
    private final WeeklyPattern week;
    /** Each day's demand has variance m + dispersion·m² for its mean m: 0 is Poisson. */
    private final double dispersion;
    /** The level's variance relative to its square (its squared coefficient of variation). */
    private final double levelVariance;
    private final double elapsed;
    private final long today;

    DemandForecast(DampedTrend trend, WeeklyPattern week, double dispersion, double levelVariance, double elapsed,
                   long today) {
        this.trend = trend;
        this.week = week;
        this.dispersion = dispersion;
        this.levelVariance = levelVariance;
        this.elapsed = elapsed;
        this.today = today;
    }

    public static DemandForecast of(DemandHistory history) {
        return IntermittentDemand.fits(history) ? IntermittentDemand.fit(history) : SmoothDemand.fit(history);
    }

    /** Mean units sold a day now, over a week's days. */
    public double dailyDemand() {
        return trend.level();
    }

    /** The slope of daily demand now (units a day per day), fading by {@link DampedTrend#DAMPING} a day. */
    public double trend() {
        return trend.slope() + 0.0; // a slope shrunk to nothing may be -0.0, shown as "-0.00"
    }

    WeeklyPattern week() {
        return week;
    }

    double dispersion() {
        return dispersion;
    }

    /** Mean units sold within {@code days} from now. */
    public double mean(double days) {
        return trend.cumulative(week.clock(days, elapsed, today));
    }

    /** Variance of the units sold within {@code days} from now. */
    public double variance(double days) {
        return variance(days, mean(days));
    }

    /** {@link NegativeBinomialTail#score} of a stock-out within {@code days}. */
    double approximateScore(long stock, double days) {
        double mean = mean(days);
        return NegativeBinomialTail.score(stock, mean, variance(days, mean));
    }

    /**
     * Each day's noise, which adds up over days (within a day, hours share the day's ups and downs), and the level's
     * doubt, which scales the whole path: a share of the mean however far ahead, so that the chance of a stock-out
     * only grows with the days.
     */
    private double variance(double days, double mean) {
        return mean + dispersion * mean * mean / Math.max(days, 1) + levelVariance * mean * mean;
    }

    /** P(units sold within {@code days} ≥ stock): 1 when nothing is in stock. */
    public double probabilityOfStockOut(long stock, double days) {
        return NegativeBinomialTail.atLeast(stock, mean(days), variance(days));
    }

    /**
     * Days until mean demand uses up the stock: near the median stock-out day (a little before it when demand is
     * lumpy); 0 when nothing is in stock, null when not within {@link #HORIZON_CAP_DAYS}.
     */
    public Double daysOfCover(long stock) {
        if (stock <= 0) {
            return 0.0;
        }
        if (mean(HORIZON_CAP_DAYS) < stock) {
            return null;
        }
        return week.days(trend.daysToSell(stock), elapsed, today);
    }

    /**
     * Whether P(stock-out within {@code days}) may reach {@code level}: false only when a bound proves it below.
     * Cantelli's inequality, P(X ≥ s) ≤ v / (v + (s - m)²) for s above the mean m, holds for any count; the cheap
     * score ({@link NegativeBinomialTail#score}) is closer but only proven within {@link #SCORE_ERROR} of the
     * exact tail for negative binomial sizes from {@link #MIN_SCORED_SIZE} up, and is read with that much room.
     */
    boolean mayStockOut(long stock, double days, double level) {
        double mean = mean(days);
        double variance = variance(days, mean);
        double gap = stock - mean;
        if (gap > 0 && variance * (1 - level) < gap * gap * level) {
            return false;
        }
        if (size(days) < MIN_SCORED_SIZE || level <= SCORE_ERROR) {
            return true;
        }
        return NegativeBinomialTail.score(stock, mean, variance) >= levelScore(level);
    }

    /**
     * The score {@link #mayStockOut} reads {@code level} by, kept for the last few levels asked: a refresh asks for
     * one and a backtest beside it for another, and the inverse error function costs more than the test itself.
     */
    private static double levelScore(double level) {
        LevelScore[] known = knownLevels;
        for (LevelScore each : known) {
            if (each.level() == level) {
                return each.score();
            }
        }
        double score = StockOutDaySearch.score(level - SCORE_ERROR);
        LevelScore[] more = new LevelScore[Math.min(known.length + 1, KNOWN_LEVELS)];
        more[0] = new LevelScore(level, score);
        System.arraycopy(known, 0, more, 1, more.length - 1);
        knownLevels = more;
        return score;
    }

    private record LevelScore(double level, double score) {
    }

    /** The negative binomial's size over {@code days}, which does not depend on the mean: infinite for Poisson. */
    private double size(double days) {
        return 1 / (dispersion / Math.max(days, 1) + levelVariance);
    }

    /**
     * The stock-out's probability within {@code horizonDays}, its days at 10, 50 and 90 %, and the days of cover.
     */
    public StockOut stockOut(long stock, double horizonDays) {
        return stockOut(stock, horizonDays, probabilityOfStockOut(stock, horizonDays));
    }

    /** As {@link #stockOut(long, double)}, with the exact {@link #probabilityOfStockOut} at the horizon known. */
    StockOut stockOut(long stock, double horizonDays, double probability) {
        return stockOut(stock, horizonDays, probability, false);
    }

    /**
     * As {@link #stockOut(long, double, double)}, or, as an {@code outline}, only what tells whether a row still
     * stands and when to review it: the median (searched first either way, so both find the same), and the 10 % day
     * only when it lies beyond the horizon (a probability at the horizon under 10 %); no 90 % day.
     */
    StockOut stockOut(long stock, double horizonDays, double probability, boolean outline) {
        if (stock <= 0) {
            return StockOut.NOW;
        }
        StockOutDaySearch search = new StockOutDaySearch(this, stock, horizonDays, probability);
        Double cover = daysOfCover(stock);
        Double median = search.day(StockOutDaySearch.MEDIAN, cover);
        Double p10 = outline && probability >= OUTLINED_P10 ? null : search.day(StockOutDaySearch.P10, cover);
        Double p90 = outline ? null : search.day(StockOutDaySearch.P90, cover);
        return new StockOut(probability, p10, median, p90, cover);
    }

    /**
     * @param probability P(stock-out within the horizon)
     * @param p10         days until a stock-out with probability 10 %, null when never (within a year)
     * @param median      days until a stock-out with probability 50 %
     * @param p90         days until a stock-out with probability 90 %
     * @param daysOfCover days until mean demand uses up the stock
     */
    public record StockOut(double probability, Double p10, Double median, Double p90, Double daysOfCover) {
        static final StockOut NOW = new StockOut(1, 0.0, 0.0, 0.0, 0.0);
    }
}
