// matmul: batched strided SGEMM out[b] = x[b] @ y[b] for x: [B, M, K], y: [B, K, N], out: [B, M, N], any strides
// (0 batch strides broadcast; transposed operands are just other strides). Tiles of 64x64 outputs per block of 256
// threads, each thread accumulating a 4x4 register block in float over K in steps of 16 staged through shared
// memory. CPU twin: CpuGemm (OpenBLAS / JavaGemm), which also accumulates in float; the order of the K sum differs,
// so results agree to rounding (the contract suite's matmul tolerance).
#pragma once

#define NW_MM_BM 64
#define NW_MM_BN 64
#define NW_MM_BK 16

NW_KERNEL void nw_matmul_f32(gptr<const float> x, gptr<const float> y, gptr<float> out, int M, int N, int K, long long sxb, long long sxm, long long sxk, long long syb, long long syk, long long syn, long long sob, long long som, long long son) {
    __shared__ float as[NW_MM_BK][NW_MM_BM + 4];
    __shared__ float bs[NW_MM_BK][NW_MM_BN + 4];
    int b = blockIdx.z;
    int m0 = blockIdx.y * NW_MM_BM;
    int n0 = blockIdx.x * NW_MM_BN;
    int t = threadIdx.x;
    int tm = (t / 16) * 4;   // this thread's 4 rows within the tile
    int tn = (t % 16) * 4;   // and 4 columns
    gptr<const float> xb = x + b * sxb;
    gptr<const float> yb = y + b * syb;
    float acc[4][4];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) acc[i][j] = 0.0f;
    for (int k0 = 0; k0 < K; k0 += NW_MM_BK) {
        // Stage a 64x16 tile of x and a 16x64 tile of y: 1024 elements each, 4 per thread.
        for (int e = t; e < NW_MM_BM * NW_MM_BK; e += 256) {
            int mm = e / NW_MM_BK;
            int kk = e % NW_MM_BK;
            int gm = m0 + mm;
            int gk = k0 + kk;
            as[kk][mm] = (gm < M && gk < K) ? xb[gm * sxm + gk * sxk] : 0.0f;
        }
        for (int e = t; e < NW_MM_BK * NW_MM_BN; e += 256) {
            int kk = e / NW_MM_BN;
            int nn = e % NW_MM_BN;
            int gk = k0 + kk;
            int gn = n0 + nn;
            bs[kk][nn] = (gk < K && gn < N) ? yb[gk * syk + gn * syn] : 0.0f;
        }
        __syncthreads();
        for (int kk = 0; kk < NW_MM_BK; kk++) {
            float a[4];
            float c[4];
            for (int i = 0; i < 4; i++) a[i] = as[kk][tm + i];
            for (int j = 0; j < 4; j++) c[j] = bs[kk][tn + j];
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++) acc[i][j] = fmaf(a[i], c[j], acc[i][j]);
        }
        __syncthreads();
    }
    gptr<float> ob = out + b * sob;
    for (int i = 0; i < 4; i++) {
        int gm = m0 + tm + i;
        if (gm >= M) continue;
        for (int j = 0; j < 4; j++) {
            int gn = n0 + tn + j;
            if (gn < N) ob[gm * som + gn * son] = acc[i][j];
        }
    }
}
