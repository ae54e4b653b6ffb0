// Device memory of the host emulator: 16-byte aligned host memory in an allocation table, and the driver's
// allocation, copy and memset calls. Every copy and memset is checked against the table, so a transfer that
// runs past an allocation fails with CUDA_ERROR_INVALID_VALUE and a message instead of corrupting the heap.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

#include "nw_host.h"

namespace nw_emu {
namespace {

struct Table {
    std::mutex m;
    std::map<uintptr_t, size_t> allocs; // base -> size
    size_t used = 0;
    size_t total = 2ull << 30;
    size_t fail_after = SIZE_MAX;
};

Table& table() {
    static Table* t = new Table(); // never destroyed: JCuda may free memory during JVM shutdown
    return *t;
}

/** The allocation containing addr, with the table lock held by the caller. */
bool lookup(Table& t, uintptr_t addr, uintptr_t* base, size_t* size) {
    auto it = t.allocs.upper_bound(addr);
    if (it != t.allocs.begin()) {
        --it;
        if (addr - it->first < it->second) {
            *base = it->first;
            *size = it->second;
            return true;
        }
    }
    *base = 0;
    *size = 0;
    return false;
}

std::string hex(uint64_t v) {
    char b[32];
    std::snprintf(b, sizeof b, "0x%llx", (unsigned long long) v);
    return b;
}

} // namespace

bool find_allocation(uintptr_t addr, uintptr_t* base, size_t* size) {
    Table& t = table();
    std::lock_guard<std::mutex> g(t.m);
    return lookup(t, addr, base, size);
}

int mem_alloc(unsigned long long* out, size_t bytes) {
    if (!out) return fail(ERR_INVALID_VALUE, "cuMemAlloc: the result pointer is null");
    if (bytes == 0) return fail(ERR_INVALID_VALUE, "cuMemAlloc: 0 bytes requested; allocate at least 1 byte");
    Table& t = table();
    std::lock_guard<std::mutex> g(t.m);
    if (t.fail_after != SIZE_MAX) {
        if (t.fail_after == 0) {
            t.fail_after = SIZE_MAX; // one injected failure, then allocations work again
            return fail(ERR_OUT_OF_MEMORY, "cuMemAlloc of " + std::to_string(bytes) +
                                               " bytes: out of memory injected by cuCtxSetLimit(0x4E570001)");
        }
        t.fail_after--;
    }
    size_t free_bytes = t.used > t.total ? 0 : t.total - t.used; // the total may be set below what is in use
    if (bytes > free_bytes) {
        return fail(ERR_OUT_OF_MEMORY, "cuMemAlloc of " + std::to_string(bytes) + " bytes: out of memory (" +
                                           std::to_string(free_bytes) + " of " + std::to_string(t.total) +
                                           " bytes free) - free buffers or raise the emulator's total (limit 0x4E570003)");
    }
    size_t rounded = (bytes + 15) & ~(size_t) 15;
    void* p = std::aligned_alloc(16, rounded);
    if (!p) return fail(ERR_OUT_OF_MEMORY, "cuMemAlloc of " + std::to_string(bytes) + " bytes: the host is out of memory");
    t.allocs[(uintptr_t) p] = bytes; // the table keeps the requested size, so every byte past it is out of bounds
    t.used += bytes;
    *out = (unsigned long long) (uintptr_t) p;
    return OK;
}

int mem_free(uint64_t ptr) {
    if (ptr == 0) return OK;
    Table& t = table();
    std::lock_guard<std::mutex> g(t.m);
    auto it = t.allocs.find((uintptr_t) ptr);
    if (it == t.allocs.end()) {
        return fail(ERR_INVALID_VALUE, "cuMemFree(" + hex(ptr) + "): not the start of a live allocation (double free, or a"
                                                                   " pointer into the middle of a buffer?)");
    }
    t.used -= it->second;
    std::free((void*) it->first);
    t.allocs.erase(it);
    return OK;
}

int mem_check(uint64_t addr, size_t bytes, const char* what) {
    Table& t = table();
    std::lock_guard<std::mutex> g(t.m);
    uintptr_t base;
    size_t size;
    if (!lookup(t, (uintptr_t) addr, &base, &size)) {
        return fail(ERR_INVALID_VALUE, std::string(what) + " " + hex(addr) + " is in no device allocation (freed, or a host pointer?)");
    }
    if (bytes > size - (addr - base)) {
        return fail(ERR_INVALID_VALUE, std::string(what) + ": " + std::to_string(bytes) + " bytes at " + hex(addr) +
                                           " run past the end of its allocation (base " + hex(base) + ", " +
                                           std::to_string(size) + " bytes) by " +
                                           std::to_string(bytes - (size - (addr - base))) + " bytes");
    }
    return OK;
}

size_t mem_total() { std::lock_guard<std::mutex> g(table().m); return table().total; }
size_t mem_used() { std::lock_guard<std::mutex> g(table().m); return table().used; }
void mem_set_total(size_t bytes) { std::lock_guard<std::mutex> g(table().m); table().total = bytes; }
void mem_fail_after(size_t n) { std::lock_guard<std::mutex> g(table().m); table().fail_after = n; }
size_t mem_fail_after() { std::lock_guard<std::mutex> g(table().m); return table().fail_after; }

} // namespace nw_emu

using namespace nw_emu;

// ---------------------------------------------------------------- allocation

NW_API CUresult cuMemAlloc_v2(CUdeviceptr* dptr, size_t bytes) {
    if (int e = need_context("cuMemAlloc")) return e;
    return mem_alloc(dptr, bytes);
}

NW_API CUresult cuMemFree_v2(CUdeviceptr dptr) {
    if (int e = need_context("cuMemFree")) return e;
    return mem_free(dptr);
}

NW_API CUresult cuMemGetInfo_v2(size_t* free_bytes, size_t* total_bytes) {
    if (int e = need_context("cuMemGetInfo")) return e;
    if (!free_bytes || !total_bytes) return fail(ERR_INVALID_VALUE, "cuMemGetInfo: a result pointer is null");
    Table& t = table();
    std::lock_guard<std::mutex> g(t.m);
    *total_bytes = t.total;
    *free_bytes = t.used > t.total ? 0 : t.total - t.used;
    return OK;
}

NW_API CUresult cuMemAllocHost_v2(void** pp, size_t bytes) {
    if (int e = need_context("cuMemAllocHost")) return e;
    if (!pp) return fail(ERR_INVALID_VALUE, "cuMemAllocHost: the result pointer is null");
    *pp = std::aligned_alloc(64, (bytes + 63) & ~(size_t) 63);
    return *pp ? OK : fail(ERR_OUT_OF_MEMORY, "cuMemAllocHost of " + std::to_string(bytes) + " bytes: host out of memory");
}

NW_API CUresult cuMemHostAlloc(void** pp, size_t bytes, unsigned int) { return cuMemAllocHost_v2(pp, bytes); }

NW_API CUresult cuMemFreeHost(void* p) {
    std::free(p);
    return OK;
}

// ---------------------------------------------------------------- copies and memsets (all synchronous)

NW_API CUresult cuMemcpyHtoD_v2(CUdeviceptr dst, const void* src, size_t bytes) {
    if (int e = need_context("cuMemcpyHtoD")) return e;
    if (bytes == 0) return OK;
    if (int e = mem_check(dst, bytes, "cuMemcpyHtoD destination")) return e;
    if (!src) return fail(ERR_INVALID_VALUE, "cuMemcpyHtoD: the host source is null");
    std::memcpy((void*) (uintptr_t) dst, src, bytes);
    return OK;
}

NW_API CUresult cuMemcpyDtoH_v2(void* dst, CUdeviceptr src, size_t bytes) {
    if (int e = need_context("cuMemcpyDtoH")) return e;
    if (bytes == 0) return OK;
    if (int e = mem_check(src, bytes, "cuMemcpyDtoH source")) return e;
    if (!dst) return fail(ERR_INVALID_VALUE, "cuMemcpyDtoH: the host destination is null");
    std::memcpy(dst, (const void*) (uintptr_t) src, bytes);
    return OK;
}

NW_API CUresult cuMemcpyDtoD_v2(CUdeviceptr dst, CUdeviceptr src, size_t bytes) {
    if (int e = need_context("cuMemcpyDtoD")) return e;
    if (bytes == 0) return OK;
    if (int e = mem_check(dst, bytes, "cuMemcpyDtoD destination")) return e;
    if (int e = mem_check(src, bytes, "cuMemcpyDtoD source")) return e;
    std::memmove((void*) (uintptr_t) dst, (const void*) (uintptr_t) src, bytes);
    return OK;
}

NW_API CUresult cuMemcpyHtoDAsync_v2(CUdeviceptr dst, const void* src, size_t bytes, CUstream) {
    return cuMemcpyHtoD_v2(dst, src, bytes);
}
NW_API CUresult cuMemcpyDtoHAsync_v2(void* dst, CUdeviceptr src, size_t bytes, CUstream) {
    return cuMemcpyDtoH_v2(dst, src, bytes);
}
NW_API CUresult cuMemcpyDtoDAsync_v2(CUdeviceptr dst, CUdeviceptr src, size_t bytes, CUstream) {
    return cuMemcpyDtoD_v2(dst, src, bytes);
}

NW_API CUresult cuMemsetD8_v2(CUdeviceptr dst, unsigned char value, size_t n) {
    if (int e = need_context("cuMemsetD8")) return e;
    if (n == 0) return OK;
    if (int e = mem_check(dst, n, "cuMemsetD8 destination")) return e;
    std::memset((void*) (uintptr_t) dst, value, n);
    return OK;
}

NW_API CUresult cuMemsetD32_v2(CUdeviceptr dst, unsigned int value, size_t n) {
    if (int e = need_context("cuMemsetD32")) return e;
    if (n == 0) return OK;
    if (dst % 4 != 0) return fail(ERR_INVALID_VALUE, "cuMemsetD32: destination " + hex(dst) + " is not 4-byte aligned");
    if (n > SIZE_MAX / 4) return fail(ERR_INVALID_VALUE, "cuMemsetD32: element count " + std::to_string(n) + " is too large");
    if (int e = mem_check(dst, n * 4, "cuMemsetD32 destination")) return e;
    unsigned int* p = (unsigned int*) (uintptr_t) dst;
    for (size_t i = 0; i < n; i++) p[i] = value;
    return OK;
}

NW_API CUresult cuMemsetD8Async(CUdeviceptr dst, unsigned char value, size_t n, CUstream) {
    return cuMemsetD8_v2(dst, value, n);
}
NW_API CUresult cuMemsetD32Async(CUdeviceptr dst, unsigned int value, size_t n, CUstream) {
    return cuMemsetD32_v2(dst, value, n);
}

// ---------------------------------------------------------------- pointer attributes

NW_API CUresult cuPointerGetAttribute(void* data, int attribute, CUdeviceptr ptr) {
    if (int e = need_context("cuPointerGetAttribute")) return e;
    if (!data) return fail(ERR_INVALID_VALUE, "cuPointerGetAttribute: the result pointer is null");
    uintptr_t base;
    size_t size;
    if (!find_allocation((uintptr_t) ptr, &base, &size)) {
        return fail(ERR_INVALID_VALUE, "cuPointerGetAttribute: " + hex(ptr) + " is in no device allocation");
    }
    switch (attribute) {
        case 1: *(CUcontext*) data = current_context(); return OK;                          // CONTEXT
        case 2: *(unsigned int*) data = 2; return OK;                                       // MEMORY_TYPE: DEVICE
        case 3: *(CUdeviceptr*) data = ptr; return OK;                                      // DEVICE_POINTER
        case 9: *(int*) data = 0; return OK;                                                // DEVICE_ORDINAL
        case 8: case 13: *(int*) data = 0; return OK;                                       // IS_MANAGED, MAPPED
        case 11: *(CUdeviceptr*) data = base; return OK;                                    // RANGE_START_ADDR
        case 12: *(size_t*) data = size; return OK;                                         // RANGE_SIZE
        default:
            return fail(ERR_NOT_SUPPORTED, "cuPointerGetAttribute: attribute " + std::to_string(attribute) +
                                               " is not emulated (supported: 1-3, 8, 9, 11-13)");
    }
}
