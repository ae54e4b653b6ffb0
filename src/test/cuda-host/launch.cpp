// Modules and launches of the host emulator: the kernel registry, cuModuleLoadData*, cuModuleGetFunction and
// cuLaunchKernel (checked like the real driver: grid and block limits, no dynamic shared memory, no `extra`),
// with the launch fault injection of fake_driver.cpp's limits 0x4E570002 and 0x4E570004.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

#include "nw_host.h"

struct NwModule {
    bool ptx;
    std::string text; // the PTX text, to check that a looked-up kernel is in it; empty for a fatbin
    bool unloaded = false;
};

namespace nw_emu {
namespace {

KernelEntry* g_kernels = nullptr; // zero-initialised before any static constructor runs
int g_kernel_count = 0;

std::mutex g_launch_mutex;
size_t g_fail_launch_after = SIZE_MAX;
size_t g_launch_count = 0;

constexpr uint32_t kFatbinMagic = 0xBA55ED50u;
constexpr uint32_t kFatbinWrapperMagic = 0x466243B1u;

} // namespace

void register_kernel(KernelEntry* e) {
    e->next = g_kernels;
    g_kernels = e;
    g_kernel_count++;
}

const KernelEntry* find_kernel(const char* name) {
    for (KernelEntry* e = g_kernels; e; e = e->next) {
        if (std::strcmp(e->name, name) == 0) return e;
    }
    return nullptr;
}

static bool is_kernel(const KernelEntry* f) {
    for (KernelEntry* e = g_kernels; e; e = e->next) {
        if (e == f) return true;
    }
    return false;
}

size_t launch_limit(int which, size_t set_to, bool set) {
    std::lock_guard<std::mutex> g(g_launch_mutex);
    size_t& slot = which == 0x4E570002 ? g_fail_launch_after : g_launch_count;
    if (set) slot = set_to;
    return slot;
}

/** Writes `text` into a JIT log buffer option pair, as the real driver does (size updated to what was written). */
static void write_log(unsigned int n, const int* options, void** values, int buffer_opt, int size_opt, const std::string& text) {
    char* buf = nullptr;
    size_t* size_slot = nullptr;
    for (unsigned int i = 0; i < n; i++) {
        if (options[i] == buffer_opt) buf = static_cast<char*>(values[i]);
        if (options[i] == size_opt) size_slot = reinterpret_cast<size_t*>(&values[i]);
    }
    if (!buf || !size_slot) return;
    size_t cap = (size_t) (uintptr_t) *size_slot;
    if (cap == 0) return;
    size_t len = std::min(cap - 1, text.size());
    std::memcpy(buf, text.data(), len);
    buf[len] = '\0';
    *size_slot = reinterpret_cast<size_t>((void*) (uintptr_t) len);
}

/** Recognises a fatbin (or its wrapper) or PTX text; anything else is an invalid image. */
static int load_image(CUmodule* out, const void* image, std::string* log) {
    if (!out) return fail(ERR_INVALID_VALUE, "cuModuleLoadData: the result pointer is null");
    if (!image) return fail(ERR_INVALID_VALUE, "cuModuleLoadData: the image pointer is null");
    uint32_t magic;
    std::memcpy(&magic, image, 4);
    if (magic == kFatbinMagic || magic == kFatbinWrapperMagic) {
        *out = new NwModule{false, ""};
        *log = "host CUDA emulator: fatbin accepted, " + std::to_string(g_kernel_count) + " kernels run on the CPU";
        return OK;
    }
    const char* text = static_cast<const char*>(image);
    size_t len = strnlen(text, 64u << 20);
    std::string ptx(text, len);
    if (ptx.find(".version") != std::string::npos && ptx.find(".target") != std::string::npos) {
        *out = new NwModule{true, ptx};
        *log = "host CUDA emulator: PTX accepted, " + std::to_string(g_kernel_count) + " kernels run on the CPU";
        return OK;
    }
    *log = "host CUDA emulator: the image is neither a fatbin (magic 0xBA55ED50) nor PTX text";
    return fail(ERR_INVALID_IMAGE, "cuModuleLoadData: the image is neither a fatbin (magic 0xBA55ED50) nor PTX text"
                                   " (no .version/.target) - pass the bytes of a .fatbin or .ptx file");
}

} // namespace nw_emu

using namespace nw_emu;

NW_API CUresult cuModuleLoadData(CUmodule* module, const void* image) {
    if (int e = need_context("cuModuleLoadData")) return e;
    std::string log;
    return load_image(module, image, &log);
}

NW_API CUresult cuModuleLoadDataEx(CUmodule* module, const void* image, unsigned int n, int* options, void** values) {
    if (int e = need_context("cuModuleLoadDataEx")) return e;
    if (n > 0 && (!options || !values)) {
        return fail(ERR_INVALID_VALUE, "cuModuleLoadDataEx: " + std::to_string(n) + " options but a null options/values array");
    }
    std::string log;
    int r = load_image(module, image, &log);
    // CU_JIT_INFO_LOG_BUFFER(3)/_SIZE_BYTES(4), CU_JIT_ERROR_LOG_BUFFER(5)/_SIZE_BYTES(6)
    write_log(n, options, values, 3, 4, r == OK ? log : "");
    write_log(n, options, values, 5, 6, r == OK ? "" : log);
    return r;
}

NW_API CUresult cuModuleLoadFatBinary(CUmodule* module, const void* image) { return cuModuleLoadData(module, image); }

NW_API CUresult cuModuleUnload(CUmodule module) {
    if (!module || module->unloaded) return fail(ERR_INVALID_HANDLE, "cuModuleUnload: null or already unloaded module");
    module->unloaded = true; // kept, so a stale handle reads as unloaded instead of crashing
    return OK;
}

NW_API CUresult cuModuleGetFunction(CUfunction* f, CUmodule module, const char* name) {
    if (int e = need_context("cuModuleGetFunction")) return e;
    if (!f || !name) return fail(ERR_INVALID_VALUE, "cuModuleGetFunction: null result or name");
    if (!module || module->unloaded) return fail(ERR_INVALID_HANDLE, "cuModuleGetFunction: null or unloaded module");
    const KernelEntry* k = find_kernel(name);
    if (module->ptx && module->text.find(".entry " + std::string(name) + "(") == std::string::npos) k = nullptr;
    if (!k) {
        return fail(ERR_NOT_FOUND, std::string("cuModuleGetFunction: no kernel named ") + name +
                                       " in the module - is it NW_KERNEL in src/main/cuda and in the rebuilt images?");
    }
    *f = k;
    return OK;
}

NW_API CUresult cuFuncGetAttribute(int* value, int attribute, CUfunction f) {
    if (!value) return ERR_INVALID_VALUE;
    if (!f || !is_kernel(f)) return fail(ERR_INVALID_HANDLE, "cuFuncGetAttribute: not a function of a loaded module");
    switch (attribute) {
        case 0: *value = 1024; return OK; // MAX_THREADS_PER_BLOCK
        case 4: *value = 32; return OK;   // NUM_REGS
        default: *value = 0; return OK;   // shared/const/local sizes, versions: not modelled
    }
}

NW_API CUresult cuLaunchKernel(CUfunction f, unsigned int gx, unsigned int gy, unsigned int gz, unsigned int bx,
                               unsigned int by, unsigned int bz, unsigned int shared_bytes, CUstream,
                               void** params, void** extra) {
    if (int e = need_context("cuLaunchKernel")) return e;
    clear_details();
    if (!f || !is_kernel(f)) return fail(ERR_INVALID_HANDLE, "cuLaunchKernel: the function handle is not from cuModuleGetFunction");
    std::string k = f->name;
    if (gx == 0 || gy == 0 || gz == 0 || bx == 0 || by == 0 || bz == 0) {
        return fail(ERR_INVALID_VALUE, "cuLaunchKernel(" + k + "): grid " + std::to_string(gx) + "x" + std::to_string(gy) + "x" +
                                           std::to_string(gz) + ", block " + std::to_string(bx) + "x" + std::to_string(by) + "x" +
                                           std::to_string(bz) + " has a zero dimension");
    }
    if (gy > 65535 || gz > 65535 || gx > 2147483647u) {
        return fail(ERR_INVALID_VALUE, "cuLaunchKernel(" + k + "): grid y/z above 65535 or x above 2^31-1");
    }
    if ((unsigned long long) bx * by * bz > 1024 || bz > 64) {
        return fail(ERR_INVALID_VALUE, "cuLaunchKernel(" + k + "): block " + std::to_string(bx) + "x" + std::to_string(by) + "x" +
                                           std::to_string(bz) + " has more than 1024 threads (or z above 64)");
    }
    if (shared_bytes != 0) {
        return fail(ERR_INVALID_VALUE, "cuLaunchKernel(" + k + "): " + std::to_string(shared_bytes) +
                                           " bytes of dynamic shared memory requested; Netwright kernels use fixed __shared__ arrays only");
    }
    if (extra) return fail(ERR_INVALID_VALUE, "cuLaunchKernel(" + k + "): `extra` parameters are not supported; pass kernelParams");
    if (f->param_count > 0) {
        if (!params) return fail(ERR_INVALID_VALUE, "cuLaunchKernel(" + k + "): kernelParams is null but the kernel has " + std::to_string(f->param_count) + " parameters");
        for (int i = 0; i < f->param_count; i++) {
            if (!params[i]) return fail(ERR_INVALID_VALUE, "cuLaunchKernel(" + k + "): kernelParams[" + std::to_string(i) + "] is null");
        }
    }
    {
        std::lock_guard<std::mutex> g(g_launch_mutex);
        g_launch_count++;
        if (g_fail_launch_after != SIZE_MAX) {
            if (g_fail_launch_after == 0) {
                g_fail_launch_after = SIZE_MAX;
                return fail(ERR_LAUNCH_FAILED, "launch of " + k + " failed: injected by cuCtxSetLimit(0x4E570002)");
            }
            g_fail_launch_after--;
        }
    }
    return run_launch(f, Dims{gx, gy, gz}, Dims{bx, by, bz}, params);
}
