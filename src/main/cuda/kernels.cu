// All Netwright kernels in one compilation unit: nvcc builds one fatbin / PTX from this file, and the host
// emulation build (src/test/cuda-host/) compiles the same file for the CPU. Each op family lives in its own file.
#include "nw_cuda.cuh"
#include "fill.cu"
#include "copy.cu"
#include "unary.cu"
#include "binary.cu"
#include "reduce.cu"
#include "matmul.cu"
#include "conv.cu"
#include "pool.cu"
#include "index.cu"
#include "random.cu"
#include "optim.cu"
