package io.netwright.optim;

import java.util.List;
import java.util.Map;

/**
 * Anything that sets an optimizer's learning rates over training and can be checkpointed: every {@link LRScheduler}
 * and {@link ReduceLROnPlateau}.
 *
 * <p>State dicts mirror PyTorch's {@code scheduler.state_dict()} (the scheduler's fields under PyTorch's names,
 * e.g. {@code last_epoch}, {@code base_lrs}, {@code _last_lr}, {@code gamma}) and hold only JSON-friendly values:
 * {@link Number}, {@link Boolean}, {@link String}, {@code null}, lists and string-keyed maps of those. Numbers may
 * come back as any {@link Number} type after a JSON round trip; loading accepts that. Two doubles may be infinite
 * ({@link ReduceLROnPlateau}'s {@code best} and {@code mode_worse}), so a JSON writer must allow non-finite numbers
 * (Gson: {@code serializeSpecialFloatingPointValues()}).
 */
public interface Scheduler {

    /** The learning rate of each parameter group as last set by this scheduler. */
    List<Double> getLastLr();

    /** A snapshot of this scheduler's state (not the optimizer's; save that separately). */
    Map<String, Object> stateDict();

    /** Restores a snapshot made by {@link #stateDict()}; errors name the missing or malformed key. */
    void loadStateDict(Map<String, Object> state);
}
