package com.stockoutradar.grid.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import com.stockoutradar.api.ChangeType;

/**
 * Generates a small shop with a history that shows what the radar is for: most products sell slowly and are well
 * stocked, a few sell steadily towards a stock-out within the week (one is already out), and a few see demand
 * rising fast, which the plain 7-day rule misses until late.
 */
final class DemoShop {
    private static final long DAY = 86_400;
    private static final int STOCKING_OUT = 8;
    private static final int RISING = 5;
    private static final String[] ADJECTIVES = {"Blue", "Classic", "Compact", "Deluxe", "Eco", "Golden", "Large",
        "Organic", "Smart", "Vintage"};
    private static final String[] NOUNS = {"Backpack", "Blender", "Candle", "Ceramic Mug", "Coffee Beans",
        "Desk Lamp", "Dog Bed", "Football", "Frying Pan", "Headphones", "Hoodie", "Jigsaw Puzzle", "Kettle",
        "Notebook", "Olive Oil", "Phone Case", "Rain Jacket", "Running Shoes", "Scarf", "Sunglasses", "Tea Set",
        "Toothbrush", "Umbrella", "Water Bottle", "Yoga Mat"};

    record Product(long id, String name, long stock) {
    }

    record Change(long id, long pid, ChangeType type, long quantity, long timestamp, Long customerId,
                  long stockAfter) {
    }

    private record Event(long pid, ChangeType type, long quantity, long timestamp, Long customerId) {
    }

    private final DemoProperties settings;
    private final Random random;
    private final long now;
    final List<Product> products = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();

    DemoShop(DemoProperties settings, long now) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.now = now;
        generate();
    }

    private void generate() {
        long start = now - settings.days() * DAY;
        double backgroundWeights = 0;
        for (int p = STOCKING_OUT + RISING + 1; p <= settings.products(); p++) {
            backgroundWeights += popularity(p);
        }
        double steadyRate = 2.5;
        double risingAverage = 1.9;
        double backgroundRate = Math.max(1, settings.salesPerDay() - STOCKING_OUT * steadyRate - RISING * risingAverage);
        List<Event> events = new ArrayList<>();
        long[] finalStock = new long[settings.products() + 1];
        for (int p = 1; p <= settings.products(); p++) {
            List<Event> sales = new ArrayList<>();
            for (int day = 0; day < settings.days(); day++) {
                double rate = p <= STOCKING_OUT ? steadyRate
                        : p <= STOCKING_OUT + RISING ? 0.3 + 3.2 * day / (settings.days() - 1)
                        : backgroundRate * popularity(p) / backgroundWeights;
                for (int k = poisson(rate); k > 0; k--) {
                    long ts = Math.min(now - 1, start + day * DAY + random.nextInt((int) DAY));
                    sales.add(new Event(p, ChangeType.SALE, quantity(), ts, 1L + random.nextInt(settings.customers())));
                }
            }
            long lastWeek = sales.stream().filter(s -> s.timestamp() > now - 7 * DAY).mapToLong(Event::quantity).sum();
            if (p <= STOCKING_OUT) {
                // already out (0 and -2: a sale recorded without stock), or enough for only part of the next week
                finalStock[p] = p == 1 ? -2 : p == 2 ? 0 : Math.round(lastWeek * (0.2 + 0.1 * p));
            } else if (p <= STOCKING_OUT + RISING) {
                // above last week's sales, so the 7-day rule stays quiet, yet demand is climbing
                finalStock[p] = Math.round(lastWeek * 1.2) + 2;
            } else {
                finalStock[p] = 40 + random.nextInt(400);
            }
            events.addAll(sales);
        }
        events.add(new Event(3, ChangeType.RESTOCK, 20, now - 10 * DAY, null));
        events.add(new Event(6, ChangeType.RESTOCK, 6, now - 2 * DAY, null));
        for (int r = 0; r < 4; r++) {
            long pid = STOCKING_OUT + RISING + 1 + random.nextInt(settings.products() - STOCKING_OUT - RISING);
            events.add(new Event(pid, ChangeType.RESTOCK, 30 + random.nextInt(70),
                    start + random.nextInt((int) (settings.days() * DAY)), null));
        }
        record(events, finalStock);
    }

    /** Works back from each product's final stock to its opening stock, then replays the history in order. */
    private void record(List<Event> events, long[] finalStock) {
        long[] stock = finalStock.clone();
        for (Event e : events) {
            stock[(int) e.pid()] -= e.type().apply(0, e.quantity());
        }
        events.sort(Comparator.comparingLong(Event::timestamp).thenComparingLong(Event::pid));
        long id = 0;
        for (Event e : events) {
            int p = (int) e.pid();
            stock[p] = e.type().apply(stock[p], e.quantity());
            changes.add(new Change(++id, e.pid(), e.type(), e.quantity(), e.timestamp(), e.customerId(), stock[p]));
        }
        for (int p = 1; p <= settings.products(); p++) {
            products.add(new Product(p, name(p), stock[p]));
        }
    }

    private static double popularity(int p) {
        return 1 / Math.pow(p, 0.8);
    }

    private long quantity() {
        int roll = random.nextInt(10);
        return roll < 6 ? 1 : roll < 9 ? 2 : 3;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    private static String name(int p) {
        String name = ADJECTIVES[(p - 1) % ADJECTIVES.length] + " " + NOUNS[((p - 1) / ADJECTIVES.length) % NOUNS.length];
        return p > ADJECTIVES.length * NOUNS.length ? name + " " + p : name;
    }
}
