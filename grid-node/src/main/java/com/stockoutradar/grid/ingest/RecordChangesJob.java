package com.stockoutradar.grid.ingest;

import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/** Carries a batch to the node that owns all its products and applies it there. */
final class RecordChangesJob implements IgniteCallable<ChangeOutcomes> {
    private static final long serialVersionUID = 1L;

    private final ChangeBatch batch;

    @IgniteInstanceResource
    private transient Ignite ignite;

    RecordChangesJob(ChangeBatch batch) {
        this.batch = batch;
    }

    @Override
    public ChangeOutcomes call() {
        return ChangeWriter.on(ignite).write(batch);
    }
}
