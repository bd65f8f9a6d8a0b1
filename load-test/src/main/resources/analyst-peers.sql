-- The DuckDB peers of the analysts' questions (docs/analysts.md), each named as the guide's query it answers and
-- ended by a semicolon. Each is DuckDB's best plain form of the same question over the raw tables copied from
-- PostgreSQL: product(id, stock, name, updated_at, version) and inventory_change(id, pid, type, quantity, timestamp,
-- customer_id, event_id, stock_after). :now (unix seconds) and :pid are bound by AnalystBench. DuckDB's / on integers
-- gives a DOUBLE, so integer division is //. "The week" is the last 7 UTC days including today, "the week before"
-- the 7 UTC days before it. Orders end in a key, so that the answers compare row by row with the grid's.

-- top-sellers
SELECT s.pid, p.name, s.sold
FROM (SELECT pid, SUM(quantity) AS sold
      FROM inventory_change
      WHERE type = 'SALE' AND timestamp >= (:now // 86400 - 6) * 86400
      GROUP BY pid
      ORDER BY sold DESC, pid
      LIMIT 10) s
JOIN product p ON p.id = s.pid
ORDER BY s.sold DESC, s.pid;

-- demand-doubled
SELECT pid, this_week, last_week
FROM (SELECT pid,
             SUM(quantity) FILTER (WHERE timestamp >= (:now // 86400 - 6) * 86400) AS this_week,
             SUM(quantity) FILTER (WHERE timestamp < (:now // 86400 - 6) * 86400) AS last_week
      FROM inventory_change
      WHERE type = 'SALE' AND timestamp >= (:now // 86400 - 13) * 86400
      GROUP BY pid)
WHERE last_week > 0 AND this_week >= 2 * last_week
ORDER BY this_week DESC, pid;

-- top-customers
SELECT customer_id, SUM(quantity) AS bought
FROM inventory_change
WHERE type = 'SALE' AND timestamp >= (:now // 86400 - 6) * 86400
GROUP BY customer_id
ORDER BY bought DESC, customer_id
LIMIT 10;

-- daily-sales-of-product
SELECT timestamp // 86400 AS day, SUM(quantity) AS sold
FROM inventory_change
WHERE pid = :pid AND type = 'SALE' AND timestamp >= (:now // 86400 - 13) * 86400
GROUP BY day
ORDER BY day;

-- top-sellers-rolling
SELECT pid, SUM(quantity) AS sold
FROM inventory_change
WHERE type = 'SALE' AND timestamp > :now - 604800
GROUP BY pid
ORDER BY sold DESC, pid
LIMIT 10;

-- top-customers-rolling
SELECT customer_id, SUM(quantity) AS bought
FROM inventory_change
WHERE type = 'SALE' AND timestamp > :now - 604800
GROUP BY customer_id
ORDER BY bought DESC, customer_id
LIMIT 10;

-- stock-outs
SELECT pid, MIN(timestamp) AS first_out
FROM inventory_change
WHERE stock_after <= 0 AND stock_after + CASE WHEN type = 'SALE' THEN quantity ELSE -quantity END > 0
  AND timestamp > :now - 2419200
GROUP BY pid
ORDER BY pid;

-- restock-lag
WITH o AS (
    SELECT pid, id, timestamp AS out_at, LEAD(id) OVER (PARTITION BY pid ORDER BY id) AS next_out
    FROM inventory_change
    WHERE stock_after <= 0 AND stock_after + CASE WHEN type = 'SALE' THEN quantity ELSE -quantity END > 0)
SELECT o.pid, o.id AS change_id, arg_min(r.timestamp, r.id) - o.out_at AS lag_seconds
FROM o JOIN inventory_change r ON r.pid = o.pid AND r.type = 'RESTOCK' AND r.id > o.id
     AND (o.next_out IS NULL OR r.id < o.next_out)
WHERE o.out_at > :now - 2419200
GROUP BY o.pid, o.id, o.out_at
ORDER BY lag_seconds DESC, o.pid, change_id;

-- first-below-zero
SELECT pid, MIN(timestamp) AS first_out
FROM inventory_change
WHERE stock_after <= 0 AND timestamp > :now - 2419200
GROUP BY pid
ORDER BY pid;

-- restock-after-first-below-zero
SELECT o.pid, MIN(r.timestamp) - o.out_at AS lag_seconds
FROM (SELECT pid, MIN(timestamp) AS out_at FROM inventory_change
      WHERE stock_after <= 0 AND timestamp > :now - 2419200 GROUP BY pid) o
JOIN inventory_change r ON r.pid = o.pid AND r.type = 'RESTOCK' AND r.timestamp > o.out_at
GROUP BY o.pid, o.out_at
ORDER BY lag_seconds DESC, o.pid;

-- negative-stock
SELECT id, name, stock FROM product WHERE stock < 0 ORDER BY stock, id;
