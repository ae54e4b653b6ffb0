// The block scheduler of the host emulator: runs one launch's blocks on a small pool of OS threads.
//
// One OS thread runs a whole block, so `__shared__` (static thread_local) is shared by exactly that block.
// Within a block:
//  - a kernel that never calls __syncthreads (build.sh's scan, KernelEntry::syncs) runs its threads one after
//    another as plain calls;
//  - a kernel that does runs each thread as a fiber on its own preallocated stack; __syncthreads saves the
//    fiber and returns to the block loop, which resumes the next fiber; when every fiber has reached the
//    barrier or finished, the next phase starts. Fibers are started once with makecontext/swapcontext and
//    then switched with _setjmp/_longjmp (no signal-mask system call per switch); each fiber loops, running
//    one emulated thread after another, so a block start costs no context setup.
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <csetjmp>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include "nw_host.h"

thread_local uint3 threadIdx;
thread_local uint3 blockIdx;
thread_local dim3 blockDim;
thread_local dim3 gridDim;

namespace nw_emu {
namespace {

constexpr size_t kStack = 64 * 1024;
constexpr size_t kGuard = 4096;
constexpr int kMaxThreads = 1024;

/** One launch in progress; shared by the OS threads working on it. */
struct Launch {
    const KernelEntry* kernel;
    BoundLaunch* bound;
    Dims grid, block;
    long long blocks;
    std::atomic<long long> next{0};
    std::atomic<bool> failed{false};
    std::mutex m;
    int code = OK;
    std::string detail;

    /** Keeps the first failure only; no new blocks start after it (a real GPU aborts the grid too). */
    void record(int c, const std::string& d) {
        std::lock_guard<std::mutex> g(m);
        if (code == OK) {
            code = c;
            detail = d;
        }
        failed.store(true);
    }
};

struct Fiber {
    ucontext_t uc;
    jmp_buf jb;
    bool started = false;
    bool done = false;
};

/** The fibers of one OS thread, reused by every block it runs. */
struct FiberSet {
    char* stacks = nullptr;
    Fiber fibers[kMaxThreads];
    jmp_buf sched;
    ucontext_t scratch;
    int current = 0;
};

thread_local Launch* t_launch = nullptr;
thread_local FiberSet* t_fibers = nullptr;     // this thread's fibers, once it has run a fiber block
thread_local bool t_in_fiber = false;          // the running emulated thread is a fiber
alignas(256) thread_local unsigned char t_dummy[256];

FiberSet* fiber_set() {
    if (!t_fibers) {
        FiberSet* fs = new FiberSet();
        size_t bytes = (kStack + kGuard) * kMaxThreads;
        void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) {
            std::fprintf(stderr, "host CUDA emulator: cannot map %zu bytes of fiber stacks\n", bytes);
            std::abort();
        }
        fs->stacks = static_cast<char*>(p);
        t_fibers = fs;
    }
    return t_fibers;
}

/** Entry of every fiber: runs emulated threads forever, returning to the block loop after each. */
void fiber_main() {
    FiberSet* fs = t_fibers;
    Fiber& f = fs->fibers[fs->current];
    for (;;) {
        t_launch->bound->run();
        f.done = true;
        if (!_setjmp(f.jb)) _longjmp(fs->sched, 1);
    }
}

uint3 thread_index(int t, Dims b) {
    return uint3{(unsigned) t % b.x, ((unsigned) t / b.x) % b.y, (unsigned) t / (b.x * b.y)};
}

void run_block_plain(Launch* L, int nthreads) {
    for (int t = 0; t < nthreads; t++) {
        threadIdx = thread_index(t, L->block);
        L->bound->run();
    }
}

void run_block_fibers(Launch* L, int nthreads) {
    FiberSet* fs = fiber_set();
    for (int t = 0; t < nthreads; t++) fs->fibers[t].done = false;
    t_in_fiber = true;
    for (;;) {
        int waiting = 0;
        for (int t = 0; t < nthreads; t++) {
            Fiber& f = fs->fibers[t];
            if (f.done) continue;
            threadIdx = thread_index(t, L->block);
            fs->current = t;
            if (!_setjmp(fs->sched)) {
                if (!f.started) {
                    f.started = true;
                    char* lo = fs->stacks + (size_t) t * (kStack + kGuard);
                    mprotect(lo, kGuard, PROT_NONE); // a stack overflow faults instead of corrupting a neighbour
                    getcontext(&f.uc);
                    f.uc.uc_stack.ss_sp = lo + kGuard;
                    f.uc.uc_stack.ss_size = kStack;
                    f.uc.uc_link = nullptr;
                    makecontext(&f.uc, fiber_main, 0);
                    swapcontext(&fs->scratch, &f.uc);
                } else {
                    _longjmp(f.jb, 1);
                }
            }
            if (!fs->fibers[t].done) waiting++;
        }
        if (waiting == 0) break;
    }
    t_in_fiber = false;
}

/** Works on L's blocks until none is left. */
void work(Launch* L) {
    t_launch = L;
    gridDim = dim3(L->grid.x, L->grid.y, L->grid.z);
    blockDim = dim3(L->block.x, L->block.y, L->block.z);
    int nthreads = (int) (L->block.x * L->block.y * L->block.z);
    while (!L->failed.load(std::memory_order_relaxed)) {
        long long b = L->next.fetch_add(1);
        if (b >= L->blocks) break;
        long long gx = L->grid.x, gy = L->grid.y;
        blockIdx = uint3{(unsigned) (b % gx), (unsigned) ((b / gx) % gy), (unsigned) (b / (gx * gy))};
        if (L->kernel->syncs.load(std::memory_order_relaxed)) {
            run_block_fibers(L, nthreads);
        } else {
            run_block_plain(L, nthreads);
        }
    }
    t_launch = nullptr;
}

/** The OS threads that help the launching thread; started on the first launch with more than one block. */
class Pool {
  public:
    static Pool& get() {
        static Pool* p = new Pool(); // never destroyed: its threads may outlive static destruction at JVM exit
        return *p;
    }

    void run(Launch* L) {
        long long helpers = std::min<long long>((long long) threads_.size(), L->blocks - 1);
        if (helpers > 0) {
            std::lock_guard<std::mutex> g(m_);
            job_ = L;
            busy_ = (int) threads_.size();
            generation_++;
            cv_.notify_all();
        }
        work(L);
        if (helpers > 0) {
            std::unique_lock<std::mutex> g(m_);
            done_.wait(g, [&] { return busy_ == 0; });
            job_ = nullptr;
        }
    }

  private:
    Pool() {
        unsigned n = std::thread::hardware_concurrency();
        n = std::max(1u, std::min(n, 16u));
        for (unsigned i = 1; i < n; i++) threads_.emplace_back([this] { loop(); });
    }

    void loop() {
        unsigned long long seen = 0;
        for (;;) {
            Launch* L;
            {
                std::unique_lock<std::mutex> g(m_);
                cv_.wait(g, [&] { return generation_ != seen; });
                seen = generation_;
                L = job_;
            }
            work(L);
            std::lock_guard<std::mutex> g(m_);
            if (--busy_ == 0) done_.notify_all();
        }
    }

    std::vector<std::thread> threads_;
    std::mutex m_;
    std::condition_variable cv_, done_;
    Launch* job_ = nullptr;
    int busy_ = 0;
    unsigned long long generation_ = 0;
};

std::string where() {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s: block (%u,%u,%u) thread (%u,%u,%u)", t_launch->kernel->name, blockIdx.x,
                  blockIdx.y, blockIdx.z, threadIdx.x, threadIdx.y, threadIdx.z);
    return buf;
}

} // namespace

void* bad_access(uintptr_t addr, size_t bytes, size_t align, uintptr_t base, size_t size) {
    Launch* L = t_launch;
    if (L && !L->failed.load(std::memory_order_relaxed)) {
        char buf[512];
        int code = ERR_ILLEGAL_ADDRESS;
        if (size != 0 && addr >= base && addr - base < size && (size - (addr - base)) >= bytes) {
            code = ERR_MISALIGNED_ADDRESS;
            std::snprintf(buf, sizeof buf,
                          " accessed a %zu-byte element at 0x%llx, which is not %zu-byte aligned (allocation 0x%llx, %zu bytes)"
                          " - check the pointer offset passed to the kernel",
                          bytes, (unsigned long long) addr, align, (unsigned long long) base, size);
        } else if (size == 0) {
            uintptr_t ob = 0;
            size_t os = 0;
            bool other = find_allocation(addr, &ob, &os);
            std::snprintf(buf, sizeof buf, " accessed %zu bytes at 0x%llx through a pointer in no device allocation%s%s",
                          bytes, (unsigned long long) addr, addr == 0 ? " (null pointer)" : " (a freed or host pointer?)",
                          other ? "; the address is inside another allocation, but the pointer was not made from it" : "");
        } else {
            long long off = (long long) (addr - base);
            std::snprintf(buf, sizeof buf,
                          " accessed %zu bytes at 0x%llx, outside its allocation (base 0x%llx, size %zu bytes): offset %lld,"
                          " %s - check the index bound and the grid size",
                          bytes, (unsigned long long) addr, (unsigned long long) base, size, off,
                          off < 0 ? "before the start" : "past the end");
        }
        L->record(code, "illegal memory access in kernel " + where() + buf);
    }
    return t_dummy;
}

void syncthreads() {
    if (t_in_fiber) {
        FiberSet* fs = t_fibers;
        Fiber& f = fs->fibers[fs->current];
        if (!_setjmp(f.jb)) _longjmp(fs->sched, 1);
        return;
    }
    Launch* L = t_launch;
    if (!L || L->failed.load()) return;
    // The scan in build.sh missed this barrier: this launch cannot be right any more, the next ones will be.
    L->kernel->syncs.store(true);
    L->record(ERR_LAUNCH_FAILED, "kernel " + where() +
                                     " called __syncthreads, but build.sh's scan marked the kernel barrier-free, so its"
                                     " threads ran without a barrier; it runs with fibers from the next launch on - fix"
                                     " the scan in src/test/cuda-host/build.sh (is __syncthreads behind a macro?)");
}

int run_launch(const KernelEntry* k, Dims grid, Dims block, void** params) {
    static std::mutex one_at_a_time; // launches are synchronous; two Java threads launching take turns
    std::lock_guard<std::mutex> g(one_at_a_time);
    Launch L;
    L.kernel = k;
    L.bound = k->bind(params);
    L.grid = grid;
    L.block = block;
    L.blocks = (long long) grid.x * grid.y * grid.z;
    Pool::get().run(&L);
    delete L.bound;
    return L.code == OK ? OK : fail(L.code, L.detail);
}

} // namespace nw_emu
