// Host emulation of the CUDA kernel language, for the test-only libcuda.so.1 (see build.sh).
//
// nw_cuda.cuh includes this header when the kernels are compiled by g++ instead of nvcc. It provides the
// built-in variables (per emulated thread), __shared__ (per block), a real __syncthreads barrier, the atomics
// and math functions kernels use, and gptr<T>: a checked global pointer that verifies every access against
// the device allocation it was made from and turns a stray access into CUDA_ERROR_ILLEGAL_ADDRESS with a
// message naming the kernel, the block, the thread, the address and the allocation.
//
// How threads run (scheduler.cpp): the blocks of a launch are spread over a small pool of OS threads; one OS
// thread runs a whole block, so `static thread_local` is exactly "shared by the block". A kernel that calls
// __syncthreads runs its threads as fibers that yield at the barrier; a kernel that never does runs its
// threads one after another as plain calls.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#define NW_KERNEL extern "C"
#define NW_DEVICE static inline
#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __restrict__ __restrict
/** Shared memory: one copy per OS thread, and one OS thread runs all threads of a block. */
#define __shared__ static thread_local

struct uint3 {
    unsigned int x, y, z;
};

struct dim3 {
    unsigned int x, y, z;
    constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
};

// The built-in variables of the emulated thread now running on this OS thread (set by the scheduler).
extern thread_local uint3 threadIdx;
extern thread_local uint3 blockIdx;
extern thread_local dim3 blockDim;
extern thread_local dim3 gridDim;

namespace nw_emu {
/** The barrier; defined out of line so the compiler reloads threadIdx and memory after it. */
void syncthreads();
/**
 * Records an access of `bytes` bytes at `addr` outside the allocation [base, base + size) (size 0: no
 * allocation) and returns a per-thread scratch area for the access to use instead, so the run goes on.
 */
void* bad_access(uintptr_t addr, size_t bytes, size_t align, uintptr_t base, size_t size);
/** Finds the device allocation containing addr; returns false (and zeros) when there is none. */
bool find_allocation(uintptr_t addr, uintptr_t* base, size_t* size);
} // namespace nw_emu

inline void __syncthreads() { nw_emu::syncthreads(); }

// ---------------------------------------------------------------- gptr<T>

/**
 * A checked pointer into device memory. It carries the bounds of the allocation it was made from; p[i], *p
 * check that the whole element lies inside them (and is aligned) before touching memory. Arithmetic is not
 * checked, so p + i may step outside and back, as with a raw pointer.
 */
template <class T> class gptr {
  public:
    gptr() = default;
    gptr(std::nullptr_t) {}
    gptr(uintptr_t addr, uintptr_t base, size_t size) : addr_(addr), base_(base), size_(size) {}

    /** Made by the launch trampoline from the 64-bit device address passed to cuLaunchKernel. */
    static gptr from_device(uint64_t addr) {
        uintptr_t base = 0;
        size_t size = 0;
        nw_emu::find_allocation((uintptr_t) addr, &base, &size);
        return gptr((uintptr_t) addr, base, size);
    }

    /** gptr<T> converts to gptr<const T>, as T* does to const T*. */
    template <class U, class = typename std::enable_if<std::is_same<const U, T>::value && !std::is_same<U, T>::value>::type>
    gptr(const gptr<U>& o) : addr_(o.address()), base_(o.alloc_base()), size_(o.alloc_size()) {}

    T& operator[](long long i) const { return at(addr_ + (uintptr_t) (i * (long long) sizeof(T))); }
    T& operator*() const { return at(addr_); }
    T* operator->() const { return &at(addr_); }

    gptr operator+(long long i) const { return gptr(addr_ + (uintptr_t) (i * (long long) sizeof(T)), base_, size_); }
    gptr operator-(long long i) const { return gptr(addr_ - (uintptr_t) (i * (long long) sizeof(T)), base_, size_); }
    long long operator-(const gptr& o) const { return ((long long) addr_ - (long long) o.addr_) / (long long) sizeof(T); }
    gptr& operator+=(long long i) { return *this = *this + i; }
    gptr& operator-=(long long i) { return *this = *this - i; }
    gptr& operator++() { return *this += 1; }
    gptr& operator--() { return *this -= 1; }

    explicit operator bool() const { return addr_ != 0; }
    bool operator==(std::nullptr_t) const { return addr_ == 0; }
    bool operator!=(std::nullptr_t) const { return addr_ != 0; }
    bool operator==(const gptr& o) const { return addr_ == o.addr_; }
    bool operator!=(const gptr& o) const { return addr_ != o.addr_; }
    bool operator<(const gptr& o) const { return addr_ < o.addr_; }

    uintptr_t address() const { return addr_; }
    uintptr_t alloc_base() const { return base_; }
    size_t alloc_size() const { return size_; }

  private:
    T& at(uintptr_t a) const {
        static_assert(sizeof(T) <= 256, "gptr<T>: elements over 256 bytes are not supported by the emulator");
        if (__builtin_expect(a >= base_ && a - base_ <= size_ && size_ - (a - base_) >= sizeof(T) && size_ != 0
                                 && a % alignof(T) == 0, 1)) {
            return *reinterpret_cast<T*>(a);
        }
        return *static_cast<T*>(nw_emu::bad_access(a, sizeof(T), alignof(T), base_, size_));
    }

    uintptr_t addr_ = 0;
    uintptr_t base_ = 0;
    size_t size_ = 0;
};

// ---------------------------------------------------------------- bit casts

inline int __float_as_int(float f) { int i; std::memcpy(&i, &f, 4); return i; }
inline unsigned int __float_as_uint(float f) { unsigned int i; std::memcpy(&i, &f, 4); return i; }
inline float __int_as_float(int i) { float f; std::memcpy(&f, &i, 4); return f; }
inline float __uint_as_float(unsigned int i) { float f; std::memcpy(&f, &i, 4); return f; }
inline long long __double_as_longlong(double d) { long long i; std::memcpy(&i, &d, 8); return i; }
inline double __longlong_as_double(long long i) { double d; std::memcpy(&d, &i, 8); return d; }

// ---------------------------------------------------------------- atomics (blocks run on several OS threads)

template <class T> inline T nw_atomic_cas(T* p, T expected, T desired) {
    __atomic_compare_exchange_n(p, &expected, desired, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return expected; // the old value, whether or not it matched
}

inline int atomicCAS(int* p, int cmp, int val) { return nw_atomic_cas(p, cmp, val); }
inline unsigned int atomicCAS(unsigned int* p, unsigned int cmp, unsigned int val) { return nw_atomic_cas(p, cmp, val); }
inline unsigned long long atomicCAS(unsigned long long* p, unsigned long long cmp, unsigned long long val) {
    return nw_atomic_cas(p, cmp, val);
}

inline int atomicAdd(int* p, int v) { return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }
inline unsigned int atomicAdd(unsigned int* p, unsigned int v) { return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }
inline long long atomicAdd(long long* p, long long v) { return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }
inline unsigned long long atomicAdd(unsigned long long* p, unsigned long long v) {
    return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
}
inline float atomicAdd(float* p, float v) {
    unsigned int* u = reinterpret_cast<unsigned int*>(p);
    unsigned int old = __atomic_load_n(u, __ATOMIC_RELAXED);
    while (true) {
        unsigned int want = __float_as_uint(__uint_as_float(old) + v);
        if (__atomic_compare_exchange_n(u, &old, want, true, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) return __uint_as_float(old);
    }
}
inline double atomicAdd(double* p, double v) {
    unsigned long long* u = reinterpret_cast<unsigned long long*>(p);
    unsigned long long old = __atomic_load_n(u, __ATOMIC_RELAXED);
    while (true) {
        unsigned long long want = (unsigned long long) __double_as_longlong(__longlong_as_double((long long) old) + v);
        if (__atomic_compare_exchange_n(u, &old, want, true, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {
            return __longlong_as_double((long long) old);
        }
    }
}
inline int atomicSub(int* p, int v) { return __atomic_fetch_sub(p, v, __ATOMIC_SEQ_CST); }
inline unsigned int atomicSub(unsigned int* p, unsigned int v) { return __atomic_fetch_sub(p, v, __ATOMIC_SEQ_CST); }
inline int atomicExch(int* p, int v) { return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST); }
inline unsigned int atomicExch(unsigned int* p, unsigned int v) { return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST); }
inline unsigned long long atomicExch(unsigned long long* p, unsigned long long v) {
    return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
}
inline float atomicExch(float* p, float v) {
    return __uint_as_float(__atomic_exchange_n(reinterpret_cast<unsigned int*>(p), __float_as_uint(v), __ATOMIC_SEQ_CST));
}
template <class T> inline T nw_atomic_minmax(T* p, T v, bool want_max) {
    T old = __atomic_load_n(p, __ATOMIC_RELAXED);
    while (want_max ? old < v : v < old) {
        if (__atomic_compare_exchange_n(p, &old, v, true, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) break;
    }
    return old;
}
inline int atomicMax(int* p, int v) { return nw_atomic_minmax(p, v, true); }
inline int atomicMin(int* p, int v) { return nw_atomic_minmax(p, v, false); }
inline unsigned int atomicMax(unsigned int* p, unsigned int v) { return nw_atomic_minmax(p, v, true); }
inline unsigned int atomicMin(unsigned int* p, unsigned int v) { return nw_atomic_minmax(p, v, false); }
inline long long atomicMax(long long* p, long long v) { return nw_atomic_minmax(p, v, true); }
inline long long atomicMin(long long* p, long long v) { return nw_atomic_minmax(p, v, false); }
inline int atomicOr(int* p, int v) { return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST); }
inline int atomicAnd(int* p, int v) { return __atomic_fetch_and(p, v, __ATOMIC_SEQ_CST); }
inline void __threadfence() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
inline void __threadfence_block() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

// ---------------------------------------------------------------- math
// The float functions (expf, logf, ... fabsf, isnan) come from <cmath> under their CUDA names; the rest are
// the CUDA-only names and the min/max overloads device code gets from CUDA's headers.

using std::isfinite;
using std::isinf;
using std::isnan;
inline float rsqrtf(float x) { return 1.0f / std::sqrt(x); }
inline double rsqrt(double x) { return 1.0 / std::sqrt(x); }
inline float __expf(float x) { return std::exp(x); }
inline float __logf(float x) { return std::log(x); }
inline float __fdividef(float a, float b) { return a / b; }
inline float saturatef(float x) { return x < 0.0f ? 0.0f : (x > 1.0f ? 1.0f : x); }
inline float __saturatef(float x) { return saturatef(x); }
inline float normcdff(float x) { return 0.5f * std::erfc(-x * 0.70710678118654752f); }
inline double normcdf(double x) { return 0.5 * std::erfc(-x * 0.70710678118654752); }

inline int min(int a, int b) { return a < b ? a : b; }
inline int max(int a, int b) { return a > b ? a : b; }
inline unsigned int min(unsigned int a, unsigned int b) { return a < b ? a : b; }
inline unsigned int max(unsigned int a, unsigned int b) { return a > b ? a : b; }
inline long long min(long long a, long long b) { return a < b ? a : b; }
inline long long max(long long a, long long b) { return a > b ? a : b; }
inline float min(float a, float b) { return std::fmin(a, b); }
inline float max(float a, float b) { return std::fmax(a, b); }
inline double min(double a, double b) { return std::fmin(a, b); }
inline double max(double a, double b) { return std::fmax(a, b); }
