/**
 * Datasets and batching, PyTorch style: {@link io.netwright.data.Dataset} (size + get), wrappers
 * ({@link io.netwright.data.Subset}, {@link io.netwright.data.ConcatDataset},
 * {@link io.netwright.data.TransformedDataset}, {@link io.netwright.data.Datasets#randomSplit}), and the
 * {@link io.netwright.data.DataLoader} that batches them on background workers.
 *
 * <p>Images are kept compact ({@link io.netwright.data.ByteImage}: HWC bytes) and become floats only in the
 * pipeline: transforms ({@code io.netwright.data.transforms}) work on {@link io.netwright.data.Image} (CHW floats,
 * no backend, so they run on worker threads) and {@link io.netwright.data.Collate} makes one tensor per batch.
 * Randomness is derived from (loader seed, epoch, sample index), so a seed fixes every batch whatever the worker
 * count.
 *
 * <pre>{@code
 * ImageDataset raw = SampleData.fashionMnist(Split.TRAIN);                      // io.netwright.data.formats
 * var train = new TransformedDataset<>(raw, Compose.of(new ToTensor(), new RandomCrop(28, 2),
 *         new RandomHorizontalFlip(), new Normalize(new double[]{0.286}, new double[]{0.353})));
 * try (var loader = DataLoader.builder(train).batchSize(64).shuffle(true).seed(42).numWorkers(2).build()) {
 *     for (int epoch = 0; epoch < 5; epoch++) {
 *         for (Batch b : loader.epoch(epoch)) {
 *             try (b) {
 *                 // b.inputs(): [64, 1, 28, 28] float32, b.targets(): [64] int64
 *             }
 *         }
 *     }
 * }
 * }</pre>
 */
package io.netwright.data;
