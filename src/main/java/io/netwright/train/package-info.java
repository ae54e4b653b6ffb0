/**
 * Training runs: a {@link io.netwright.train.Trainer} runs a {@link io.netwright.train.TrainingConfig} (design, data
 * SPEC and split, optimizer, schedule, augmentation, seed, checkpoint policy, early stopping, clipping, monitoring)
 * on its own thread and reports a sealed family of {@link io.netwright.train.TrainingEvent}s to
 * {@link io.netwright.train.TrainingListener}s, each on a thread of its own behind a bounded queue, so neither the
 * CLI's console nor the studio's UI ever slows training down. Nothing here touches JavaFX.
 *
 * <pre>{@code
 * Design design = DesignFiles.read(Path.of("samples/designs/lenet5.json"));
 * TrainingConfig cfg = TrainingConfig.of(design).withEpochs(3).withOptimizer(OptimizerConfig.sgd(0.05, 0.9));
 * RunStore store = new RunStore(RunStore.defaultRoot());
 * Trainer trainer = Trainer.create(cfg, store.newRunDir(cfg));
 * trainer.addListener(e -> {
 *     if (e instanceof TrainingEvent.EpochEnd ep) {
 *         System.out.printf("epoch %d: val accuracy %.3f%n", ep.epoch() + 1, ep.valAccuracy());
 *     }
 * });
 * trainer.start();            // pause(), resume(), stop(), setLearningRate(..) from any thread
 * trainer.join();
 * System.out.println(store.list().get(0).metrics());
 * }</pre>
 *
 * <p>Every run with a folder writes {@code config.json}, {@code design.json}, {@code run.json},
 * {@code metrics.csv}, {@code events.jsonl}, {@code checkpoints/last} and {@code best}, and {@code evaluation.json}
 * ({@link io.netwright.train.RunFolder}); {@link io.netwright.train.Trainer#resumeRun} continues from
 * {@code checkpoints/last} with exactly the numbers an uninterrupted run would have produced.
 * {@link io.netwright.train.DataSpec} resolves dataset SPECs (bundled samples, IDX / CIFAR / image / CSV folders,
 * CSV files); {@link io.netwright.train.Evaluator} and {@link io.netwright.train.Evaluation} give accuracy, top-k,
 * the confusion matrix, per-class precision / recall / F1, PR curves and the worst misclassified samples.
 */
package io.netwright.train;
