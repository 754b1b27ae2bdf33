#pragma once
// Giving the heap's free pages back to the system between the phases of a
// long computation (glibc; elsewhere nothing). Arrays under the mmap
// threshold (src/app/main.cpp) come from the heap, and what one phase frees
// there stays resident while the next phase's larger arrays are mapped anew:
// on a file of short lines aligned against itself, 2 MB of a 60 MB peak.

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace tc {

inline void give_back_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

}  // namespace tc
