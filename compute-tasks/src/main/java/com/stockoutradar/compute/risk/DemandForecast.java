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
        return trend.slope();
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

    /** The stock-out's probability within {@code horizonDays}, its days at 10, 50 and 90 %, and the days of cover. */
    public StockOut stockOut(long stock, double horizonDays) {
        if (stock <= 0) {
            return StockOut.NOW;
        }
        StockOutDaySearch search = new StockOutDaySearch(this, stock, horizonDays);
        double probability = search.probability();
        Double cover = daysOfCover(stock);
        return new StockOut(probability, search.day(0.1, cover), search.day(0.5, cover), search.day(0.9, cover),
                cover);
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
