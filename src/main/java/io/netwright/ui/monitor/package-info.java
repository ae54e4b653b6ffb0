/**
 * The Train tab's monitoring components, each a self-contained JavaFX node that follows a run as a
 * {@link io.netwright.ui.run.TrainingView}: {@link io.netwright.ui.monitor.ParameterTable} (per-layer parameter
 * counts and totals), {@link io.netwright.ui.monitor.SampleGrid} (the probe predictions and their history),
 * {@link io.netwright.ui.monitor.HealthOverlay} (gradient norms or update ratios coloured onto the editor's graph)
 * and {@link io.netwright.ui.monitor.TrainingLog} (warnings, pauses, checkpoints; notifications for problems).
 * They are fed by the Train tab's event bridge on the FX thread and keep every call short.
 */
package io.netwright.ui.monitor;
