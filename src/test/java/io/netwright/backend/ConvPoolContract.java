package io.netwright.backend;

/** Placeholder. */
public abstract class ConvPoolContract extends BackendContract {
}
