package io.netwright.data;

import java.util.List;

/**
 * A classification dataset: samples are {@link Sample}s with an integer label, and the dataset knows the class
 * names ({@code classes().get(label)}) and can report a label without decoding the input.
 *
 * @param <X> the input type of each sample
 */
public interface LabeledDataset<X> extends Dataset<Sample<X>> {

    /** The class names, indexed by label. */
    List<String> classes();

    /** The label of sample {@code index}; implementations avoid decoding the input where they can. */
    default int label(int index) {
        return get(index).label();
    }

    /** How many samples each class has, indexed by label. */
    default int[] classCounts() {
        int[] counts = new int[classes().size()];
        for (int i = 0; i < size(); i++) {
            counts[label(i)]++;
        }
        return counts;
    }
}
