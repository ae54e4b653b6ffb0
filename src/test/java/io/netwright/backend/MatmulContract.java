package io.netwright.backend;

/** Placeholder. */
public abstract class MatmulContract extends BackendContract {
}
