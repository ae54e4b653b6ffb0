/**
 * Dataset file formats, each knowing its class names: IDX ({@link io.netwright.data.formats.Mnist} for MNIST and
 * Fashion-MNIST, gzip or raw), {@link io.netwright.data.formats.Cifar} (CIFAR-10/100 binary),
 * {@link io.netwright.data.formats.ImageFolder} (one folder per class, decoded through {@code javax.imageio}),
 * {@link io.netwright.data.formats.CsvDataset}, the synthetic {@link io.netwright.data.formats.Shapes}, and
 * {@link io.netwright.data.formats.SampleData} for the sets that ship in {@code samples/}. A malformed file fails with
 * a {@link io.netwright.data.CorruptDataException} naming the file, the offset or entry, and what was expected.
 */
package io.netwright.data.formats;
