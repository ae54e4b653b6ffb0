package io.netwright.backend;

/** Placeholder. */
public abstract class IndexingRandomContract extends BackendContract {
}
