package com.stockoutradar.grid.ingest;

/**
 * An event id sent again with another payload: the first change it named stands, and nothing of this request was
 * stored.
 */
public class EventIdConflictException extends RuntimeException {
    private final int index;
    private final long firstChangeId;

    EventIdConflictException(int index, long firstChangeId, String message) {
        super(message);
        this.index = index;
        this.firstChangeId = firstChangeId;
    }

    /** The same refusal for a request of one change, which has no positions. */
    public EventIdConflictException single() {
        return new EventIdConflictException(-1, firstChangeId, getMessage());
    }

    /** The change's position in its request, -1 for a request of one change. */
    public int index() {
        return index;
    }

    public long firstChangeId() {
        return firstChangeId;
    }
}
