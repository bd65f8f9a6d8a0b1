package com.stockoutradar.compute.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded shop of simulated products: 28 days of history (sales one unit at a time at random seconds, restocks),
 * today up to a random hour, and the 7 day ends that follow. Daily demand has a true mean by kind of product and
 * Poisson or negative binomial noise around it; the stock now is drawn around the week's true demand, so that about
 * a third of the products run out. A product runs out when its stock is at or below zero at one of the 7 day ends
 * after now, without a restock.
 */
final class DemandSimulator {
    static final long DAY = RiskParameters.DAY;
    static final int HISTORY_DAYS = 28;
    static final int HORIZON_DAYS = 7;
    /** A Monday at midnight, UTC; each product's now falls in the week after it. */
    private static final long FIRST_DAY = 20_000 + Math.floorMod(4 - 20_000, 7);

    enum Kind { STEADY, RISING, FALLING, WEEKLY, INTERMITTENT, IDLE, NEW }

    /** What a product's future holds, and what only an oracle would know of it: the true means of its days. */
    record Product(Kind kind, long stock, DemandHistory history, boolean runsOut, double futureMean,
                   double futureVariance) {
    }

    private static final Kind[] KINDS = Kind.values();
    /** A mixed shop: mostly steady sellers, a good share with a trend, a weekly pattern or lumpy demand. */
    private static final double[] SHARES = {0.28, 0.12, 0.12, 0.14, 0.16, 0.06, 0.12};

    private final SplittableRandom random;

    DemandSimulator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static List<Product> shop(long seed, int products) {
        DemandSimulator simulator = new DemandSimulator(seed);
        List<Product> shop = new ArrayList<>(products);
        for (int i = 0; i < products; i++) {
            shop.add(simulator.product(simulator.kind()));
        }
        return shop;
    }

    Kind kind() {
        double u = random.nextDouble();
        for (int k = 0; k < KINDS.length - 1; k++) {
            u -= SHARES[k];
            if (u < 0) {
                return KINDS[k];
            }
        }
        return KINDS[KINDS.length - 1];
    }

    Product product(Kind kind) {
        long today = FIRST_DAY + random.nextInt(7);
        double elapsed = random.nextDouble();
        long now = today * DAY + (long) (elapsed * DAY);
        elapsed = (double) (now - today * DAY) / DAY;
        Demand demand = demand(kind);
        int age = kind == Kind.NEW ? 1 + random.nextInt(10) : HISTORY_DAYS + 1;

        DemandHistory history = new DemandHistory(now);
        double futureMean = 0;
        double futureVariance = 0;
        long future = 0;
        // day d: -age..-1 whole days before today, 0 today, 1..6 the days whose ends come within the horizon
        for (int d = -Math.min(age, HISTORY_DAYS); d < HORIZON_DAYS; d++) {
            long day = today + d;
            double mean = demand.mean(d, day);
            long units = demand.draw(mean);
            for (long unit = 0; unit < units; unit++) {
                long at = day * DAY + random.nextInt((int) DAY);
                if (at <= now) {
                    history.add(true, 1, at);
                } else {
                    future++;
                }
            }
            if (d >= 0) {
                double share = d == 0 ? 1 - elapsed : 1; // of the day's demand still to come
                futureMean += share * mean;
                futureVariance += demand.variance(share * mean);
            }
        }
        double weekAhead = futureMean;
        long stock = kind == Kind.IDLE ? 1 + random.nextInt(40)
                : Math.max(1, Math.round(weekAhead * Math.exp(0.35 + 0.75 * random.nextGaussian())));
        restocks(kind, history, now, today, age, stock);
        return new Product(kind, stock, history, future >= stock, futureMean, futureVariance);
    }

    /**
     * Deliveries that came in: a new product's first, and for others now and then one in the window (part of the
     * stock now) or an older one, which the rule's velocity subtracts from the week's sales.
     */
    private void restocks(Kind kind, DemandHistory history, long now, long today, int age, long stock) {
        if (kind == Kind.NEW) {
            history.add(false, stock + 10, (today - age) * DAY + random.nextInt((int) DAY / 2));
            return;
        }
        if (kind == Kind.IDLE ? random.nextDouble() < 0.5 : random.nextDouble() < 0.3) {
            history.add(false, 1 + random.nextInt(50), now - (8 + random.nextInt(HISTORY_DAYS - 8)) * DAY);
        }
        if (kind != Kind.IDLE && random.nextDouble() < 0.3) {
            history.add(false, Math.max(1, Math.round(stock * (0.3 + 0.6 * random.nextDouble()))),
                    now - random.nextInt((int) (7 * DAY - 1)) - 1);
        }
    }

    private Demand demand(Kind kind) {
        double base = Math.min(60, Math.max(0.2, Math.exp(Math.log(3) + random.nextGaussian())));
        double size = random.nextDouble() < 0.4 ? Double.POSITIVE_INFINITY
                : Math.exp(Math.log(5) + random.nextGaussian());
        return switch (kind) {
            case STEADY -> new Demand((d, day) -> base, size, 0, 0);
            case RISING -> {
                double growth = 0.5 + 2.5 * random.nextDouble(); // by now, times 1.5 to 4 the level of 4 weeks ago
                yield new Demand((d, day) -> base * (1 + growth * (d + HISTORY_DAYS) / HISTORY_DAYS), size, 0, 0);
            }
            case FALLING -> {
                double fall = 0.3 + 0.5 * random.nextDouble();
                double start = 2 * base;
                yield new Demand((d, day) -> start * Math.max(0.1, 1 - fall * (d + HISTORY_DAYS) / HISTORY_DAYS),
                        size, 0, 0);
            }
            case WEEKLY -> {
                double[] factors = weekdays();
                yield new Demand((d, day) -> base * factors[(int) Math.floorMod(day, 7)], size, 0, 0);
            }
            case INTERMITTENT -> {
                double chance = 0.03 + 0.32 * random.nextDouble();
                double meanSize = 1 + 7 * random.nextDouble();
                yield new Demand((d, day) -> chance * meanSize, size, chance, meanSize);
            }
            case IDLE -> new Demand((d, day) -> 0, size, 0, 0);
            case NEW -> {
                double growth = random.nextBoolean() ? 0 : random.nextDouble();
                yield new Demand((d, day) -> base * (1 + growth * (d + 10) / 10), size, 0, 0);
            }
        };
    }

    /** A weekly pattern: one or two busy days, one quiet; mean 1. */
    private double[] weekdays() {
        double[] factors = {1, 1, 1, 1, 1, 1, 1};
        int busy = random.nextInt(7);
        factors[busy] += 0.5 + 1.5 * random.nextDouble();
        factors[(busy + 1) % 7] += random.nextDouble();
        factors[(busy + 3 + random.nextInt(3)) % 7] *= 0.2 + 0.5 * random.nextDouble();
        double sum = 0;
        for (double f : factors) {
            sum += f;
        }
        for (int i = 0; i < 7; i++) {
            factors[i] *= 7 / sum;
        }
        return factors;
    }

    private interface MeanOfDay {
        double mean(int d, long day);
    }

    /**
     * A product's demand: the mean of day {@code d}; a day's units are Poisson around the mean times a gamma of shape
     * {@code size} (negative binomial), or for a lumpy product a sale day with probability {@code chance} whose
     * units are 1 plus a Poisson (mean {@code meanSize} - 1) times that gamma.
     */
    private final class Demand {
        private final MeanOfDay means;
        private final double size;
        private final double chance;
        private final double meanSize;

        Demand(MeanOfDay means, double size, double chance, double meanSize) {
            this.means = means;
            this.size = size;
            this.chance = chance;
            this.meanSize = meanSize;
        }

        double mean(int d, long day) {
            return means.mean(d, day);
        }

        long draw(double mean) {
            if (chance > 0) {
                return random.nextDouble() < chance ? 1 + poisson((meanSize - 1) * gamma()) : 0;
            }
            return poisson(mean * gamma());
        }

        /** The variance of {@code mean} units of demand (a day, or the part of one that a share of it holds). */
        double variance(double mean) {
            if (chance > 0) {
                double extra = meanSize - 1;
                double sizeVariance = extra + (Double.isInfinite(size) ? 0 : extra * extra / size);
                double day = chance * (sizeVariance + meanSize * meanSize) - chance * chance * meanSize * meanSize;
                return mean / (chance * meanSize) * day;
            }
            return mean + (Double.isInfinite(size) ? 0 : mean * mean / size);
        }

        private double gamma() {
            return Double.isInfinite(size) ? 1 : DemandSimulator.gamma(random, size) / size;
        }

        private long poisson(double mean) {
            return DemandSimulator.poisson(random, mean);
        }
    }

    static long poisson(SplittableRandom random, double mean) {
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Gamma of the given shape and scale 1 (Marsaglia and Tsang). */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
