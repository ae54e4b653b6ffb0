package io.netwright.ui.evaluate;

import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import io.netwright.data.formats.ColorMode;
import io.netwright.data.formats.ImageFiles;
import io.netwright.nn.Conv2d;
import io.netwright.nn.ConvTranspose2d;
import io.netwright.nn.HookHandle;
import io.netwright.nn.Module;
import io.netwright.tensor.Tensor;
import io.netwright.train.InputImages;
import io.netwright.train.RunModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What "predict a file" shows: the model's top-k classes for one image and the feature maps of every conv layer,
 * captured with forward hooks during that one forward pass.
 *
 * @param file     the image file
 * @param image    the file as decoded to the design's channels (before resizing), for display
 * @param top      the k most probable classes, most probable first
 * @param layers   one entry per conv layer, in the order the layers ran
 */
public record FileInspection(Path file, ByteImage image, List<ClassProbability> top, List<FeatureMaps> layers) {

    /**
     * A class and its probability.
     *
     * @param label       the class index
     * @param name        its name
     * @param probability its predicted probability
     */
    public record ClassProbability(int label, String name, double probability) {
    }

    /**
     * A conv layer's output for the image: {@code channels} maps of {@code height × width}.
     *
     * @param layer    the layer's node id (its module name)
     * @param type     the layer's type, e.g. {@code Conv2d}
     * @param channels output channels
     * @param height   map height
     * @param width    map width
     * @param data     the values, channel-major ({@code [channels][height][width]})
     */
    public record FeatureMaps(String layer, String type, int channels, int height, int width, float[] data) {
        /** Checks the size. */
        public FeatureMaps {
            if (data.length != channels * height * width) {
                throw new IllegalArgumentException(layer + ": " + data.length + " values for " + channels + "×"
                        + height + "×" + width + " maps");
            }
        }

        /** The values of channel {@code c}. */
        public float[] channel(int c) {
            int plane = height * width;
            return java.util.Arrays.copyOfRange(data, c * plane, (c + 1) * plane);
        }
    }

    /** Copies the lists. */
    public FileInspection {
        top = List.copyOf(top);
        layers = List.copyOf(layers);
    }

    /**
     * Reads {@code file}, fits it to the run's design input as training does, runs the model once with a forward
     * hook on every conv layer and returns the {@code k} most probable classes and the captured maps.
     *
     * @param classes class names, indexed by label (shorter lists fall back to the index)
     * @throws IOException if the file cannot be decoded
     */
    public static FileInspection inspect(RunModel run, Path file, List<String> classes, int k) throws IOException {
        var spec = run.design().input();
        int[] dims = spec.dims();
        if (dims.length != 3 || dims[0] != 1 && dims[0] != 3) {
            throw new IOException("the design input " + spec.shape() + " is not an image (1×H×W or 3×H×W) — "
                    + "predicting a file needs an image input");
        }
        ByteImage raw = ImageFiles.read(file, dims[0] == 1 ? ColorMode.GRAYSCALE : ColorMode.RGB);
        Image input = InputImages.fit(raw, spec);
        List<FeatureMaps> maps = new ArrayList<>();
        List<HookHandle> hooks = new ArrayList<>();
        for (Map.Entry<String, Module> e : run.model().namedModules().entrySet()) {
            Module m = e.getValue();
            if (m instanceof Conv2d || m instanceof ConvTranspose2d) {
                String name = e.getKey();
                hooks.add(m.registerForwardHook((mod, in, out) -> maps.add(capture(name, mod, out))));
            }
        }
        float[] p;
        try {
            p = run.probabilities(Tensor.of(input.data(), 1, dims[0], dims[1], dims[2]));
        } finally {
            hooks.forEach(HookHandle::remove);
        }
        return new FileInspection(file, raw, topK(p, classes, k), maps);
    }

    private static FeatureMaps capture(String name, Module m, Tensor out) {
        int[] s = out.sizes();
        if (s.length != 4) {
            throw new IllegalStateException(name + ": conv output " + java.util.Arrays.toString(s)
                    + " is not [N, C, H, W]");
        }
        return new FeatureMaps(name, m.name(), s[1], s[2], s[3], out.contiguous().toFloatArray());
    }

    /** The {@code k} largest of {@code p}, named. */
    static List<ClassProbability> topK(float[] p, List<String> classes, int k) {
        List<ClassProbability> all = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            all.add(new ClassProbability(i, i < classes.size() ? classes.get(i) : Integer.toString(i), p[i]));
        }
        all.sort(Comparator.comparingDouble(ClassProbability::probability).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }
}
