// Internal interfaces between the parts of the host emulator (fake_driver.cpp, memory.cpp, scheduler.cpp).
// Nothing here is exported: the library exports only the cu* driver functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "nw_cuda.cuh"
#include "nw_registry.h"

namespace nw_emu {

// ---------------------------------------------------------------- result codes (cuda.h's CUresult values)
enum : int {
    OK = 0,
    ERR_INVALID_VALUE = 1,
    ERR_OUT_OF_MEMORY = 2,
    ERR_NOT_INITIALIZED = 3,
    ERR_INVALID_DEVICE = 101,
    ERR_INVALID_IMAGE = 200,
    ERR_INVALID_CONTEXT = 201,
    ERR_UNSUPPORTED_LIMIT = 215,
    ERR_INVALID_HANDLE = 400,
    ERR_NOT_FOUND = 500,
    ERR_NOT_READY = 600,
    ERR_ILLEGAL_ADDRESS = 700,
    ERR_MISALIGNED_ADDRESS = 716,
    ERR_LAUNCH_FAILED = 719,
    ERR_NOT_SUPPORTED = 801,
};

/**
 * Records why the call now returning `code` failed; cuGetErrorString(code) returns this text until the next
 * failure with the same code or the next launch. Returns code, so `return fail(ERR_X, "...")` reads well.
 */
int fail(int code, const std::string& detail);
/** Forgets the details of earlier failures (each launch starts clean: errors are not sticky). */
void clear_details();

// ---------------------------------------------------------------- memory (memory.cpp)

/** Allocates device memory (16-byte aligned host memory), honouring the fault injection and the total. */
int mem_alloc(unsigned long long* out, size_t bytes);
/** Frees an allocation; its exact base address is required, as with the real driver. */
int mem_free(uint64_t ptr);
/**
 * Checks that [addr, addr + bytes) lies inside one allocation; otherwise records a detail naming `what`
 * (e.g. "cuMemcpyHtoD destination") and returns CUDA_ERROR_INVALID_VALUE.
 */
int mem_check(uint64_t addr, size_t bytes, const char* what);
/** Total, allocated bytes. */
size_t mem_total();
size_t mem_used();
void mem_set_total(size_t bytes);
/** Fault injection: fail the allocation after n more successful ones (SIZE_MAX: never). */
void mem_fail_after(size_t n);
size_t mem_fail_after();

// ---------------------------------------------------------------- launches (scheduler.cpp)

struct Dims {
    unsigned int x, y, z;
};

/**
 * Runs a kernel over the grid, synchronously, on the block scheduler. Returns CUDA_SUCCESS, or the error of
 * the first failing access (700/716) or barrier misuse (719), with its detail recorded.
 */
int run_launch(const KernelEntry* k, Dims grid, Dims block, void** params);

} // namespace nw_emu

// ---------------------------------------------------------------- the driver API's types (no cuda.h here)

/** Marks an exported driver function; build.sh also greps these lines to know which symbols need no stub. */
#define NW_API extern "C" __attribute__((visibility("default")))

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef struct NwContext* CUcontext;
typedef struct NwModule* CUmodule;
typedef const nw_emu::KernelEntry* CUfunction;
typedef struct NwStream* CUstream;
typedef struct NwEvent* CUevent;

namespace nw_emu {
/** CUDA_SUCCESS when cuInit has run and this thread has a current context; the error to return otherwise. */
int need_context(const char* call);
/** This thread's current context (null when none). */
CUcontext current_context();
} // namespace nw_emu
