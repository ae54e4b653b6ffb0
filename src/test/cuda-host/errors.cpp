// Error names and strings of the host emulator. cuGetErrorString(code) returns the detail of the latest failure
// with that code when there is one (e.g. which kernel, block and thread made an illegal access), and the
// driver's standard description otherwise. Details are not sticky: each launch starts with none.
#include <deque>
#include <map>
#include <mutex>

#include "nw_host.h"

namespace nw_emu {
namespace {

struct Known {
    int code;
    const char* name;
    const char* text;
};

const Known kKnown[] = {
    {0, "CUDA_SUCCESS", "no error"},
    {1, "CUDA_ERROR_INVALID_VALUE", "invalid argument"},
    {2, "CUDA_ERROR_OUT_OF_MEMORY", "out of memory"},
    {3, "CUDA_ERROR_NOT_INITIALIZED", "initialization error"},
    {4, "CUDA_ERROR_DEINITIALIZED", "driver shutting down"},
    {34, "CUDA_ERROR_STUB_LIBRARY", "CUDA driver is a stub library"},
    {100, "CUDA_ERROR_NO_DEVICE", "no CUDA-capable device is detected"},
    {101, "CUDA_ERROR_INVALID_DEVICE", "invalid device ordinal"},
    {200, "CUDA_ERROR_INVALID_IMAGE", "device kernel image is invalid"},
    {201, "CUDA_ERROR_INVALID_CONTEXT", "invalid device context"},
    {209, "CUDA_ERROR_NO_BINARY_FOR_GPU", "no kernel image is available for execution on the device"},
    {215, "CUDA_ERROR_UNSUPPORTED_LIMIT", "limit is not supported on this architecture"},
    {218, "CUDA_ERROR_INVALID_PTX", "a PTX JIT compilation failed"},
    {300, "CUDA_ERROR_INVALID_SOURCE", "device kernel image is invalid"},
    {301, "CUDA_ERROR_FILE_NOT_FOUND", "file not found"},
    {400, "CUDA_ERROR_INVALID_HANDLE", "invalid resource handle"},
    {401, "CUDA_ERROR_ILLEGAL_STATE", "the operation cannot be performed in the present state"},
    {500, "CUDA_ERROR_NOT_FOUND", "named symbol not found"},
    {600, "CUDA_ERROR_NOT_READY", "device not ready"},
    {700, "CUDA_ERROR_ILLEGAL_ADDRESS", "an illegal memory access was encountered"},
    {701, "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES", "too many resources requested for launch"},
    {702, "CUDA_ERROR_LAUNCH_TIMEOUT", "the launch timed out and was terminated"},
    {709, "CUDA_ERROR_CONTEXT_IS_DESTROYED", "context is destroyed"},
    {710, "CUDA_ERROR_ASSERT", "device-side assert triggered"},
    {715, "CUDA_ERROR_ILLEGAL_INSTRUCTION", "an illegal instruction was encountered"},
    {716, "CUDA_ERROR_MISALIGNED_ADDRESS", "misaligned address"},
    {719, "CUDA_ERROR_LAUNCH_FAILED", "unspecified launch failure"},
    {800, "CUDA_ERROR_NOT_PERMITTED", "operation not permitted"},
    {801, "CUDA_ERROR_NOT_SUPPORTED", "operation not supported"},
    {999, "CUDA_ERROR_UNKNOWN", "unknown error"},
};

const Known* known(int code) {
    for (const Known& k : kKnown) {
        if (k.code == code) return &k;
    }
    return nullptr;
}

struct Details {
    std::mutex m;
    std::map<int, const std::string*> latest;
    std::deque<std::string> kept; // owns the texts; the last few stay valid after being replaced
};

Details& details() {
    static Details* d = new Details();
    return *d;
}

} // namespace

int fail(int code, const std::string& detail) {
    const Known* k = known(code);
    Details& d = details();
    std::lock_guard<std::mutex> g(d.m);
    d.kept.push_back(std::string(k ? k->text : "error") + ": " + detail + " [host CUDA emulator]");
    if (d.kept.size() > 256) {
        for (auto it = d.latest.begin(); it != d.latest.end(); ++it) {
            if (it->second == &d.kept.front()) {
                d.latest.erase(it);
                break;
            }
        }
        d.kept.pop_front();
    }
    d.latest[code] = &d.kept.back();
    return code;
}

void clear_details() {
    Details& d = details();
    std::lock_guard<std::mutex> g(d.m);
    d.latest.clear();
}

} // namespace nw_emu

using namespace nw_emu;

NW_API CUresult cuGetErrorName(CUresult code, const char** out) {
    if (!out) return ERR_INVALID_VALUE;
    const Known* k = known(code);
    *out = k ? k->name : nullptr;
    return k ? OK : ERR_INVALID_VALUE;
}

NW_API CUresult cuGetErrorString(CUresult code, const char** out) {
    if (!out) return ERR_INVALID_VALUE;
    const Known* k = known(code);
    if (!k) {
        *out = nullptr;
        return ERR_INVALID_VALUE;
    }
    Details& d = details();
    std::lock_guard<std::mutex> g(d.m);
    auto it = d.latest.find(code);
    *out = it != d.latest.end() ? it->second->c_str() : k->text;
    return OK;
}
