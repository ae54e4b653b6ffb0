// reduce: SUM/PROD/MAX/MIN over any set of dims, ARGMAX/ARGMIN over one. One block per output element (a grid-
// stride loop over outputs); each thread folds a strided share of the reduced elements, then the block combines the
// partials as a tree in shared memory. Float SUM/PROD accumulate in double, as the CPU twin (CpuReduce,
// CpuReduceKernels) does; MAX/MIN propagate NaN; ARGMAX/ARGMIN give the first extreme index, NaN counting as the
// extreme. The Java side launches a power-of-two block of at most NW_RED_THREADS threads.
#pragma once

#define NW_RED_THREADS 256

// Op codes: io.netwright.backend.ReduceOp ordinals.
#define NW_R_SUM 0
#define NW_R_PROD 1
#define NW_R_MAX 2
#define NW_R_MIN 3
#define NW_R_ARGMAX 4
#define NW_R_ARGMIN 5

NW_KERNEL void nw_reduce_f32(int op, gptr<const float> x, NwLayout outer, NwLayout inner, gptr<float> out, NwLayout lo, long long numOut, long long len) {
    __shared__ double dpart[NW_RED_THREADS];
    __shared__ float fpart[NW_RED_THREADS];
    int t = threadIdx.x;
    int nt = blockDim.x;
    for (long long o = blockIdx.x; o < numOut; o += gridDim.x) {
        long long base = nw_offset(outer, o);
        if (op == NW_R_SUM || op == NW_R_PROD) {
            double acc = op == NW_R_SUM ? 0.0 : 1.0;
            for (long long r = t; r < len; r += nt) {
                double v = x[base + nw_offset(inner, r)];
                acc = op == NW_R_SUM ? acc + v : acc * v;
            }
            dpart[t] = acc;
        } else {
            float acc = op == NW_R_MAX ? -INFINITY : INFINITY;
            for (long long r = t; r < len; r += nt) {
                float v = x[base + nw_offset(inner, r)];
                acc = op == NW_R_MAX ? nw_fmax(acc, v) : nw_fmin(acc, v);
            }
            fpart[t] = acc;
        }
        __syncthreads();
        for (int s = nt / 2; s > 0; s >>= 1) {
            if (t < s) {
                switch (op) {
                    case NW_R_SUM: dpart[t] += dpart[t + s]; break;
                    case NW_R_PROD: dpart[t] *= dpart[t + s]; break;
                    case NW_R_MAX: fpart[t] = nw_fmax(fpart[t], fpart[t + s]); break;
                    default: fpart[t] = nw_fmin(fpart[t], fpart[t + s]); break;
                }
            }
            __syncthreads();
        }
        if (t == 0) {
            out[nw_offset(lo, o)] = (op == NW_R_SUM || op == NW_R_PROD) ? (float) dpart[0] : fpart[0];
        }
        __syncthreads();
    }
}

NW_KERNEL void nw_reduce_i64(int op, gptr<const long long> x, NwLayout outer, NwLayout inner, gptr<long long> out, NwLayout lo, long long numOut, long long len) {
    __shared__ long long part[NW_RED_THREADS];
    int t = threadIdx.x;
    int nt = blockDim.x;
    for (long long o = blockIdx.x; o < numOut; o += gridDim.x) {
        long long base = nw_offset(outer, o);
        unsigned long long acc = op == NW_R_SUM ? 0ULL : op == NW_R_PROD ? 1ULL
                : op == NW_R_MAX ? 0x8000000000000000ULL : 0x7fffffffffffffffULL;
        for (long long r = t; r < len; r += nt) {
            long long v = x[base + nw_offset(inner, r)];
            switch (op) {
                case NW_R_SUM: acc += (unsigned long long) v; break;
                case NW_R_PROD: acc *= (unsigned long long) v; break;
                case NW_R_MAX: acc = v > (long long) acc ? (unsigned long long) v : acc; break;
                default: acc = v < (long long) acc ? (unsigned long long) v : acc; break;
            }
        }
        part[t] = (long long) acc;
        __syncthreads();
        for (int s = nt / 2; s > 0; s >>= 1) {
            if (t < s) {
                long long a = part[t];
                long long b = part[t + s];
                switch (op) {
                    case NW_R_SUM: part[t] = (long long) ((unsigned long long) a + (unsigned long long) b); break;
                    case NW_R_PROD: part[t] = (long long) ((unsigned long long) a * (unsigned long long) b); break;
                    case NW_R_MAX: part[t] = a > b ? a : b; break;
                    default: part[t] = a < b ? a : b; break;
                }
            }
            __syncthreads();
        }
        if (t == 0) {
            out[nw_offset(lo, o)] = part[0];
        }
        __syncthreads();
    }
}

/** True if (v, i) should replace (best, bi) for ARGMAX (max = 1) or ARGMIN: NaN first, then value, then index. */
template <class T>
NW_DEVICE bool nw_arg_better(bool max, T v, long long i, T best, long long bi) {
    bool vn = v != v;
    bool bn = best != best;
    if (bi < 0) return true;
    if (vn || bn) {
        if (vn && bn) return i < bi;
        return vn;
    }
    if (v == best) return i < bi;
    return max ? v > best : v < best;
}

template <class T>
NW_DEVICE void nw_arg_body(int op, gptr<const T> x, const NwLayout& outer, const NwLayout& inner, gptr<long long> out,
                           const NwLayout& lo, long long numOut, long long len, T* val, long long* idx) {
    int t = threadIdx.x;
    int nt = blockDim.x;
    bool max = op == NW_R_ARGMAX;
    for (long long o = blockIdx.x; o < numOut; o += gridDim.x) {
        long long base = nw_offset(outer, o);
        T best = 0;
        long long bi = -1;
        for (long long r = t; r < len; r += nt) {
            T v = x[base + nw_offset(inner, r)];
            if (nw_arg_better<T>(max, v, r, best, bi)) {
                best = v;
                bi = r;
            }
        }
        val[t] = best;
        idx[t] = bi;
        __syncthreads();
        for (int s = nt / 2; s > 0; s >>= 1) {
            if (t < s && idx[t + s] >= 0 && nw_arg_better<T>(max, val[t + s], idx[t + s], val[t], idx[t])) {
                val[t] = val[t + s];
                idx[t] = idx[t + s];
            }
            __syncthreads();
        }
        if (t == 0) {
            out[nw_offset(lo, o)] = idx[0];
        }
        __syncthreads();
    }
}

NW_KERNEL void nw_arg_f32(int op, gptr<const float> x, NwLayout outer, NwLayout inner, gptr<long long> out, NwLayout lo, long long numOut, long long len) {
    __shared__ float val[NW_RED_THREADS];
    __shared__ long long idx[NW_RED_THREADS];
    nw_arg_body<float>(op, x, outer, inner, out, lo, numOut, len, val, idx);
}

NW_KERNEL void nw_arg_i64(int op, gptr<const long long> x, NwLayout outer, NwLayout inner, gptr<long long> out, NwLayout lo, long long numOut, long long len) {
    __shared__ long long val[NW_RED_THREADS];
    __shared__ long long idx[NW_RED_THREADS];
    nw_arg_body<long long>(op, x, outer, inner, out, lo, numOut, len, val, idx);
}
