// The kernel registry of the host emulator: what cuModuleGetFunction finds by name and cuLaunchKernel runs.
//
// build.sh generates one NW_REGISTER(name, syncs) line per `NW_KERNEL void name(` of the kernel sources and
// compiles them after the kernels themselves, so each entry's trampoline sees the kernel's real signature:
// Binder<decltype(&name)> deduces the parameter types and unpacks cuLaunchKernel's `void** params` once per
// launch (gptr<T> from the 64-bit device address with its allocation looked up; scalars and NwLayout copied
// by value), and then runs the kernel once per emulated thread with those arguments.
#pragma once

#include <atomic>
#include <cstring>
#include <tuple>
#include <type_traits>
#include <utility>

namespace nw_emu {

/** A kernel's arguments unpacked for one launch; run() executes the kernel for the current emulated thread. */
struct BoundLaunch {
    virtual ~BoundLaunch() = default;
    virtual void run() = 0;
};

/** One registered kernel. `syncs`: build.sh found a __syncthreads in it or in a function it calls. */
struct KernelEntry {
    const char* name;
    int param_count;
    BoundLaunch* (*bind)(void** params);
    mutable std::atomic<bool> syncs;
    KernelEntry* next;
};

/** Adds an entry to the registry (called from static initialisers of the generated registration code). */
void register_kernel(KernelEntry* e);
/** The entry of that name, or null. */
const KernelEntry* find_kernel(const char* name);

template <class T> struct IsGptr : std::false_type {};
template <class T> struct IsGptr<gptr<T>> : std::true_type {};

/** One argument from cuLaunchKernel's params[i]: device pointers are looked up, everything else is copied. */
template <class A> A unpack(void* slot) {
    using V = typename std::decay<A>::type;
    if constexpr (IsGptr<V>::value) {
        uint64_t addr;
        std::memcpy(&addr, slot, sizeof addr);
        return V::from_device(addr);
    } else {
        static_assert(std::is_trivially_copyable<V>::value, "kernel parameters must be passed by value");
        V v;
        std::memcpy(&v, slot, sizeof v);
        return v;
    }
}

template <class F> struct Binder;

template <class... A> struct Binder<void (*)(A...)> {
    using Fn = void (*)(A...);

    template <Fn K> struct Bound final : BoundLaunch {
        std::tuple<typename std::decay<A>::type...> args;
        explicit Bound(void** p) : args(make(p, std::index_sequence_for<A...>{})) {}
        template <size_t... I> static std::tuple<typename std::decay<A>::type...> make(void** p, std::index_sequence<I...>) {
            return std::tuple<typename std::decay<A>::type...>(unpack<A>(p[I])...);
        }
        void run() override { std::apply(K, args); }
    };

    template <Fn K> static BoundLaunch* bind(void** params) { return new Bound<K>(params); }
    static constexpr int count = sizeof...(A);
};

/** Registers one kernel at load time. */
struct Registrar {
    Registrar(KernelEntry* e) { register_kernel(e); }
};

} // namespace nw_emu

#define NW_REGISTER(kname, syncs)                                                                         \
    static nw_emu::KernelEntry nw_entry_##kname{#kname, nw_emu::Binder<decltype(&kname)>::count,          \
                                                &nw_emu::Binder<decltype(&kname)>::bind<&kname>, {syncs}, \
                                                nullptr};                                                 \
    static nw_emu::Registrar nw_registrar_##kname(&nw_entry_##kname);
