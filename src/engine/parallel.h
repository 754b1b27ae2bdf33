#pragma once
// Runs a session's jobs on several threads and hands the results back in job
// order, on the calling thread, so a report is the same whatever the number
// of threads. Only a bounded window of results waits to be handed back.
#include <cstddef>
#include <functional>
#include <vector>

#include "engine/session.h"

namespace tc {

// threads 0: one per core. deliver(index, result) is called once per job,
// in index order, on the calling thread.
void run_jobs(const CheckSession& session, const std::vector<Job>& jobs, unsigned threads,
              const std::function<void(std::size_t, JobResult&)>& deliver);

// The number of threads `-j 0` means: the machine's cores (at least 1).
unsigned default_threads();

}  // namespace tc
