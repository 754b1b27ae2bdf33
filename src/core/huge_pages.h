#pragma once
// Arrays of megabytes written front to back once (the shared scan's events of
// a long document). Where the system gives transparent huge pages on request
// (Linux with THP "madvise" or "always"), an array of 2 MB or more is aligned
// to them and asks for them: writing it then takes a page fault every 2 MB
// instead of every 4 KB. On a VM a fault costs ~2 us, and the first check of
// 20 MB of Chinese took ~500 of them for its events (a tenth of its time).
// Elsewhere, and for smaller arrays, plain malloc.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace tc {

struct FreeDeleter {
  void operator()(void* p) const noexcept { std::free(p); }
};

template <class T>
using MallocArray = std::unique_ptr<T[], FreeDeleter>;

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

// Room for n values of a trivial type, not written to (its pages stay
// untouched until they are).
template <class T>
MallocArray<T> allocate_array(std::size_t n) {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
  if (n == 0) return nullptr;
  if (n > (SIZE_MAX - kHugePageBytes) / sizeof(T)) throw std::bad_alloc();
  const std::size_t bytes = n * sizeof(T);
  void* memory = nullptr;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes >= kHugePageBytes) {
    const std::size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    memory = std::aligned_alloc(kHugePageBytes, rounded);
    if (memory) madvise(memory, rounded, MADV_HUGEPAGE);  // a hint: refused, the pages are small
  }
#endif
  if (!memory) memory = std::malloc(bytes);
  if (!memory) throw std::bad_alloc();
  return MallocArray<T>(static_cast<T*>(memory));
}

}  // namespace tc
