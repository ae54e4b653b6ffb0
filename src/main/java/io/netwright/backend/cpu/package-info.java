/**
 * The CPU backend, the reference implementation of the {@link io.netwright.backend.Backend} SPI: Java arrays for
 * memory, one small class per op family ({@code CpuUnary}, {@code CpuBinary}, {@code CpuReduce}, {@code CpuGemm},
 * {@code CpuConv}, {@code CpuPool}, {@code CpuIndexing}, {@code CpuRandom}), a {@code StridedLoop} that turns any
 * strided views into rows (one row when everything is contiguous), and a thread pool owned by each backend.
 * GEMM goes through OpenBLAS (JavaCPP presets) when it loads, else through a blocked pure-Java kernel.
 * {@link io.netwright.backend.cpu.CounterRng} is the random-number definition every backend reproduces.
 */
package io.netwright.backend.cpu;
