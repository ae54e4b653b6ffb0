package io.netwright.data.formats;

/** Which part of a dataset with a fixed train/test split to load. */
public enum Split {
    /** The training set. */
    TRAIN,
    /** The test set. */
    TEST
}
