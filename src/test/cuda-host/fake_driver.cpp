// The test-only CUDA driver (libcuda.so.1) that runs Netwright's kernels on the CPU: initialisation, the one
// device, contexts, limits (with the fault injection below), streams and events. Memory is in memory.cpp,
// modules and launches in launch.cpp, error strings in errors.cpp; build.sh generates a stub returning
// CUDA_ERROR_NOT_SUPPORTED (801) for every other cu* symbol libJCudaDriver imports.
//
// Everything is synchronous: a launch, copy or memset has finished when its call returns, so streams and
// events only keep time.
//
// Test-only limits (cuCtxSetLimit / cuCtxGetLimit), mirrored by io.netwright.backend.cuda.HostDriver:
//   0x4E570001  FAIL_ALLOC_AFTER   the allocation after N more successful ones fails once with
//                                  CUDA_ERROR_OUT_OF_MEMORY (2); SIZE_MAX (-1) disarms. Get: N left.
//   0x4E570002  FAIL_LAUNCH_AFTER  the launch after N more successful ones fails once with
//                                  CUDA_ERROR_LAUNCH_FAILED (719) without running; SIZE_MAX disarms.
//   0x4E570003  TOTAL_MEMORY       the device's total memory in bytes (default 2 GiB).
//   0x4E570004  LAUNCH_COUNT       launches accepted so far (valid arguments, whether or not they then fail);
//                                  set it to reset the count.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include "nw_host.h"

struct NwContext {
    bool destroyed = false;
};
struct NwStream {
    unsigned int flags;
};
struct NwEvent {
    unsigned int flags;
    bool recorded = false;
    std::chrono::steady_clock::time_point when;
};

namespace nw_emu {

std::atomic<bool> g_initialised{false};
NwContext g_primary;
thread_local std::vector<CUcontext> t_contexts; // this thread's context stack; the current one is at the back

constexpr int kFailAllocAfter = 0x4E570001;
constexpr int kFailLaunchAfter = 0x4E570002;
constexpr int kTotalMemory = 0x4E570003;
constexpr int kLaunchCount = 0x4E570004;

std::mutex g_limits_mutex;
size_t g_limits[7] = {1024, 1 << 20, 8 << 20, 2, 2048, 0, 0}; // stack, printf FIFO, heap, ... as a real device

CUcontext current_context() { return t_contexts.empty() ? nullptr : t_contexts.back(); }

int need_context(const char* call) {
    if (!g_initialised.load()) {
        return fail(ERR_NOT_INITIALIZED, std::string(call) + ": cuInit has not been called");
    }
    CUcontext c = current_context();
    if (!c || c->destroyed) {
        return fail(ERR_INVALID_CONTEXT, std::string(call) + ": " + (c ? "the current context was destroyed" : "no current context on this thread") +
                                             " - call cuCtxSetCurrent(ctx) on every thread that uses the device");
    }
    return OK;
}

size_t launch_limit(int which, size_t set_to, bool set); // launch.cpp

} // namespace nw_emu

using namespace nw_emu;

// ---------------------------------------------------------------- initialisation and the device

NW_API CUresult cuInit(unsigned int flags) {
    if (flags != 0) return fail(ERR_INVALID_VALUE, "cuInit: flags must be 0, got " + std::to_string(flags));
    g_initialised.store(true);
    return OK;
}

NW_API CUresult cuDriverGetVersion(int* version) {
    if (!version) return ERR_INVALID_VALUE;
    *version = 13000;
    return OK;
}

static int need_device(const char* call, CUdevice dev) {
    if (!g_initialised.load()) return fail(ERR_NOT_INITIALIZED, std::string(call) + ": cuInit has not been called");
    if (dev != 0) return fail(ERR_INVALID_DEVICE, std::string(call) + ": device " + std::to_string(dev) + " does not exist (the emulator has device 0 only)");
    return OK;
}

NW_API CUresult cuDeviceGetCount(int* count) {
    if (!count) return ERR_INVALID_VALUE;
    if (!g_initialised.load()) return fail(ERR_NOT_INITIALIZED, "cuDeviceGetCount: cuInit has not been called");
    *count = 1;
    return OK;
}

NW_API CUresult cuDeviceGet(CUdevice* dev, int ordinal) {
    if (!dev) return ERR_INVALID_VALUE;
    if (int e = need_device("cuDeviceGet", ordinal)) return e;
    *dev = 0;
    return OK;
}

NW_API CUresult cuDeviceGetName(char* name, int len, CUdevice dev) {
    if (!name || len <= 0) return ERR_INVALID_VALUE;
    if (int e = need_device("cuDeviceGetName", dev)) return e;
    std::strncpy(name, "Netwright host emulator", (size_t) len);
    name[len - 1] = '\0';
    return OK;
}

NW_API CUresult cuDeviceTotalMem_v2(size_t* bytes, CUdevice dev) {
    if (!bytes) return ERR_INVALID_VALUE;
    if (int e = need_device("cuDeviceTotalMem", dev)) return e;
    *bytes = mem_total();
    return OK;
}

NW_API CUresult cuDeviceComputeCapability(int* major, int* minor, CUdevice dev) {
    if (!major || !minor) return ERR_INVALID_VALUE;
    if (int e = need_device("cuDeviceComputeCapability", dev)) return e;
    *major = 9;
    *minor = 0;
    return OK;
}

NW_API CUresult cuDeviceGetAttribute(int* value, int attribute, CUdevice dev) {
    if (!value) return ERR_INVALID_VALUE;
    if (int e = need_device("cuDeviceGetAttribute", dev)) return e;
    int v;
    switch (attribute) {
        case 1: v = 1024; break;                      // MAX_THREADS_PER_BLOCK
        case 2: case 3: v = 1024; break;              // MAX_BLOCK_DIM_X, _Y
        case 4: v = 64; break;                        // MAX_BLOCK_DIM_Z
        case 5: v = 2147483647; break;                // MAX_GRID_DIM_X
        case 6: case 7: v = 65535; break;             // MAX_GRID_DIM_Y, _Z
        case 8: v = 48 * 1024; break;                 // MAX_SHARED_MEMORY_PER_BLOCK
        case 9: v = 64 * 1024; break;                 // TOTAL_CONSTANT_MEMORY
        case 10: v = 32; break;                       // WARP_SIZE
        case 11: v = 2147483647; break;               // MAX_PITCH
        case 12: case 82: v = 65536; break;           // MAX_REGISTERS_PER_BLOCK / _PER_MULTIPROCESSOR
        case 13: v = 1000000; break;                  // CLOCK_RATE (kHz)
        case 14: v = 512; break;                      // TEXTURE_ALIGNMENT
        case 16: v = (int) std::max(1u, std::thread::hardware_concurrency()); break; // MULTIPROCESSOR_COUNT
        case 19: case 41: v = 1; break;               // CAN_MAP_HOST_MEMORY, UNIFIED_ADDRESSING
        case 31: v = 0; break;                        // CONCURRENT_KERNELS: launches run one at a time
        case 38: v = 4 << 20; break;                  // L2_CACHE_SIZE
        case 39: v = 2048; break;                     // MAX_THREADS_PER_MULTIPROCESSOR
        case 75: v = 9; break;                        // COMPUTE_CAPABILITY_MAJOR
        case 76: v = 0; break;                        // COMPUTE_CAPABILITY_MINOR
        case 81: v = 228 * 1024; break;               // MAX_SHARED_MEMORY_PER_MULTIPROCESSOR
        case 97: v = 48 * 1024; break;                // MAX_SHARED_MEMORY_PER_BLOCK_OPTIN: no dynamic shared memory
        default:
            if (attribute <= 0 || attribute > 140) {
                return fail(ERR_INVALID_VALUE, "cuDeviceGetAttribute: unknown attribute " + std::to_string(attribute));
            }
            v = 0; // a real attribute the emulator does not model (texture limits, PCI ids, ...)
    }
    *value = v;
    return OK;
}

// ---------------------------------------------------------------- contexts

NW_API CUresult cuDevicePrimaryCtxRetain(CUcontext* ctx, CUdevice dev) {
    if (!ctx) return ERR_INVALID_VALUE;
    if (int e = need_device("cuDevicePrimaryCtxRetain", dev)) return e;
    g_primary.destroyed = false;
    *ctx = &g_primary;
    return OK;
}

NW_API CUresult cuDevicePrimaryCtxRelease_v2(CUdevice dev) { return need_device("cuDevicePrimaryCtxRelease", dev); }

NW_API CUresult cuCtxCreate_v2(CUcontext* ctx, unsigned int, CUdevice dev) {
    if (!ctx) return ERR_INVALID_VALUE;
    if (int e = need_device("cuCtxCreate", dev)) return e;
    *ctx = new NwContext(); // never deleted, so a stale handle reads as destroyed instead of crashing
    t_contexts.push_back(*ctx);
    return OK;
}

NW_API CUresult cuCtxDestroy_v2(CUcontext ctx) {
    if (!ctx || ctx->destroyed) return fail(ERR_INVALID_CONTEXT, "cuCtxDestroy: null or already destroyed context");
    if (ctx == &g_primary) return fail(ERR_INVALID_CONTEXT, "cuCtxDestroy: the primary context is released, not destroyed");
    ctx->destroyed = true;
    if (current_context() == ctx) t_contexts.pop_back();
    return OK;
}

NW_API CUresult cuCtxSetCurrent(CUcontext ctx) {
    if (!g_initialised.load()) return fail(ERR_NOT_INITIALIZED, "cuCtxSetCurrent: cuInit has not been called");
    if (!t_contexts.empty()) t_contexts.pop_back();
    if (ctx) t_contexts.push_back(ctx);
    return OK;
}

NW_API CUresult cuCtxGetCurrent(CUcontext* ctx) {
    if (!ctx) return ERR_INVALID_VALUE;
    if (!g_initialised.load()) return fail(ERR_NOT_INITIALIZED, "cuCtxGetCurrent: cuInit has not been called");
    *ctx = current_context();
    return OK;
}

NW_API CUresult cuCtxPushCurrent_v2(CUcontext ctx) {
    if (!ctx || ctx->destroyed) return fail(ERR_INVALID_CONTEXT, "cuCtxPushCurrent: null or destroyed context");
    t_contexts.push_back(ctx);
    return OK;
}

NW_API CUresult cuCtxPopCurrent_v2(CUcontext* ctx) {
    if (t_contexts.empty()) return fail(ERR_INVALID_CONTEXT, "cuCtxPopCurrent: no current context on this thread");
    if (ctx) *ctx = t_contexts.back();
    t_contexts.pop_back();
    return OK;
}

NW_API CUresult cuCtxGetDevice(CUdevice* dev) {
    if (!dev) return ERR_INVALID_VALUE;
    if (int e = need_context("cuCtxGetDevice")) return e;
    *dev = 0;
    return OK;
}

NW_API CUresult cuCtxSynchronize() { return need_context("cuCtxSynchronize"); }

NW_API CUresult cuCtxSetLimit(int limit, size_t value) {
    if (int e = need_context("cuCtxSetLimit")) return e;
    switch (limit) {
        case kFailAllocAfter: mem_fail_after(value); return OK;
        case kFailLaunchAfter: case kLaunchCount: launch_limit(limit, value, true); return OK;
        case kTotalMemory: mem_set_total(value); return OK;
        default:
            if (limit < 0 || limit > 6) {
                return fail(ERR_UNSUPPORTED_LIMIT, "cuCtxSetLimit: unknown limit " + std::to_string(limit));
            }
            std::lock_guard<std::mutex> g(g_limits_mutex);
            g_limits[limit] = value;
            return OK;
    }
}

NW_API CUresult cuCtxGetLimit(size_t* value, int limit) {
    if (!value) return ERR_INVALID_VALUE;
    if (int e = need_context("cuCtxGetLimit")) return e;
    switch (limit) {
        case kFailAllocAfter: *value = mem_fail_after(); return OK;
        case kFailLaunchAfter: case kLaunchCount: *value = launch_limit(limit, 0, false); return OK;
        case kTotalMemory: *value = mem_total(); return OK;
        default:
            if (limit < 0 || limit > 6) {
                return fail(ERR_UNSUPPORTED_LIMIT, "cuCtxGetLimit: unknown limit " + std::to_string(limit));
            }
            std::lock_guard<std::mutex> g(g_limits_mutex);
            *value = g_limits[limit];
            return OK;
    }
}

// ---------------------------------------------------------------- streams and events (work is synchronous)

NW_API CUresult cuStreamCreate(CUstream* s, unsigned int flags) {
    if (!s) return ERR_INVALID_VALUE;
    if (int e = need_context("cuStreamCreate")) return e;
    *s = new NwStream{flags};
    return OK;
}

NW_API CUresult cuStreamDestroy_v2(CUstream s) {
    if (!s) return fail(ERR_INVALID_HANDLE, "cuStreamDestroy: the default stream cannot be destroyed");
    delete s;
    return OK;
}

NW_API CUresult cuStreamSynchronize(CUstream) { return need_context("cuStreamSynchronize"); }
NW_API CUresult cuStreamQuery(CUstream) { return need_context("cuStreamQuery"); }
NW_API CUresult cuStreamWaitEvent(CUstream, CUevent e, unsigned int) {
    if (!e) return fail(ERR_INVALID_HANDLE, "cuStreamWaitEvent: null event");
    return need_context("cuStreamWaitEvent");
}

NW_API CUresult cuEventCreate(CUevent* e, unsigned int flags) {
    if (!e) return ERR_INVALID_VALUE;
    if (int err = need_context("cuEventCreate")) return err;
    *e = new NwEvent{flags};
    return OK;
}

NW_API CUresult cuEventDestroy_v2(CUevent e) {
    if (!e) return fail(ERR_INVALID_HANDLE, "cuEventDestroy: null event");
    delete e;
    return OK;
}

NW_API CUresult cuEventRecord(CUevent e, CUstream) {
    if (!e) return fail(ERR_INVALID_HANDLE, "cuEventRecord: null event");
    e->recorded = true;
    e->when = std::chrono::steady_clock::now();
    return OK;
}

NW_API CUresult cuEventSynchronize(CUevent e) { return e ? OK : fail(ERR_INVALID_HANDLE, "cuEventSynchronize: null event"); }
NW_API CUresult cuEventQuery(CUevent e) { return e ? OK : fail(ERR_INVALID_HANDLE, "cuEventQuery: null event"); }

NW_API CUresult cuEventElapsedTime(float* ms, CUevent start, CUevent end) {
    if (!ms || !start || !end) return ERR_INVALID_VALUE;
    if ((start->flags | end->flags) & 2) {
        return fail(ERR_INVALID_HANDLE, "cuEventElapsedTime: an event was created with CU_EVENT_DISABLE_TIMING");
    }
    if (!start->recorded || !end->recorded) {
        return fail(ERR_INVALID_HANDLE, "cuEventElapsedTime: an event has not been recorded - call cuEventRecord first");
    }
    *ms = std::chrono::duration<float, std::milli>(end->when - start->when).count();
    return OK;
}
