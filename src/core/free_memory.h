#pragma once
// Giving the heap's free pages back to the system between the phases of a
// long computation (glibc; elsewhere nothing). Arrays under the mmap
// threshold (src/app/main.cpp) come from the heap, and what one phase frees
// there stays resident while the next phase's larger arrays are mapped anew:
// on a file of short lines aligned against itself, 2 MB of a 60 MB peak.

#include <cstddef>  // (any C library header: it defines __GLIBC__ for the tests below)

// Not under AddressSanitizer: its allocator replaces glibc's, whose arenas
// malloc_trim would then set up on first use, racing when two jobs' aligners
// trim at once (a SEGV in mtrim seen in CI's sanitizer run of `-j 3`).
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TC_ADDRESS_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TC_ADDRESS_SANITIZER 1
#endif

#if defined(__GLIBC__) && !defined(TC_ADDRESS_SANITIZER)
#include <malloc.h>
#endif

namespace tc {

inline void give_back_free_memory() {
#if defined(__GLIBC__) && !defined(TC_ADDRESS_SANITIZER)
  malloc_trim(0);
#endif
}

}  // namespace tc
