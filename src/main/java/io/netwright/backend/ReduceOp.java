package io.netwright.backend;

/**
 * Reductions. {@code SUM}, {@code PROD}, {@code MAX}, {@code MIN} reduce any set of dims and write the input dtype
 * (SUM/PROD of BOOL write INT64); {@code ARGMAX} and {@code ARGMIN} reduce exactly one dim and write INT64 with the
 * index of the first extreme element (NaN counts as the extreme, as in PyTorch).
 */
public enum ReduceOp { SUM, PROD, MAX, MIN, ARGMAX, ARGMIN }
