-- The inventory service's products and the full history of inventory changes, written behind the grid.
CREATE TABLE product (
    id         bigint PRIMARY KEY,
    stock      bigint NOT NULL,
    name       text,
    updated_at bigint NOT NULL -- unix seconds, UTC
);

-- No foreign key to product: products and changes are written behind independently, so a change can reach
-- PostgreSQL a moment before a new product does.
CREATE TABLE inventory_change (
    id          bigint PRIMARY KEY, -- assigned in the grid
    pid         bigint NOT NULL,
    type        text   NOT NULL CHECK (type IN ('SALE', 'RESTOCK')),
    quantity    bigint NOT NULL CHECK (quantity > 0),
    timestamp   bigint NOT NULL, -- unix seconds, UTC
    customer_id bigint,
    event_id    text UNIQUE,
    stock_after bigint NOT NULL
);

CREATE INDEX inventory_change_pid_ts_idx ON inventory_change (pid, timestamp);
CREATE INDEX inventory_change_ts_idx ON inventory_change (timestamp);
