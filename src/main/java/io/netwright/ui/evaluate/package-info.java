/**
 * The studio's Evaluate tab: {@link io.netwright.ui.evaluate.EvaluateView} shows a run's evaluation (accuracy
 * summary, per-class precision / recall / F1 bars, the confusion matrix as a clickable heat map, precision–recall
 * curves, the misclassified samples ranked by loss) and predicts image files with the run's model (top-k
 * probabilities and every conv layer's feature maps, captured with forward hooks). It evaluates a run folder off the
 * FX thread ({@code evaluateRun}) and, as a {@link io.netwright.ui.run.TrainingView}, follows a run's final
 * evaluation live. {@link io.netwright.ui.evaluate.EvaluationState} and
 * {@link io.netwright.ui.evaluate.FileInspection} are the display-free parts, tested without a screen.
 */
package io.netwright.ui.evaluate;
