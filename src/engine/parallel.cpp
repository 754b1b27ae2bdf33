#include "engine/parallel.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace tc {

unsigned default_threads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

void run_jobs(const CheckSession& session, const std::vector<Job>& jobs, unsigned threads,
              const std::function<void(std::size_t, JobResult&)>& deliver) {
  if (threads == 0) threads = default_threads();
  if (threads > jobs.size()) threads = static_cast<unsigned>(std::max<std::size_t>(jobs.size(), 1));
  if (threads <= 1) {
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      JobResult result = session.run(jobs[i]);
      deliver(i, result);
    }
    return;
  }
  // Workers take the next job while it is within `window` of the next result
  // to hand back, so a slow job does not let finished results pile up.
  const std::size_t window = 4 * static_cast<std::size_t>(threads);
  std::vector<std::optional<JobResult>> slots(jobs.size());
  std::mutex mutex;
  std::condition_variable ready;     // a result was stored
  std::condition_variable progress;  // a result was handed back
  std::size_t next_job = 0;
  std::size_t next_delivery = 0;
  bool stop = false;
  std::exception_ptr failure;

  auto work = [&] {
    for (;;) {
      std::size_t index;
      {
        std::unique_lock lock(mutex);
        progress.wait(lock, [&] { return stop || next_job >= jobs.size() || next_job < next_delivery + window; });
        if (stop || next_job >= jobs.size()) return;
        index = next_job++;
      }
      std::optional<JobResult> result;
      try {
        result = session.run(jobs[index]);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
        ready.notify_all();
        progress.notify_all();
        return;
      }
      std::lock_guard lock(mutex);
      slots[index] = std::move(result);
      ready.notify_all();
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);

  std::exception_ptr delivery_failure;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    std::optional<JobResult> result;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return stop || slots[i].has_value(); });
      if (!slots[i]) break;  // a worker failed
      result = std::move(slots[i]);
      slots[i].reset();
    }
    try {
      deliver(i, *result);
    } catch (...) {
      delivery_failure = std::current_exception();
    }
    std::lock_guard lock(mutex);
    next_delivery = i + 1;
    if (delivery_failure) stop = true;
    progress.notify_all();
    if (delivery_failure) break;
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
    progress.notify_all();
  }
  for (auto& worker : workers) worker.join();
  if (delivery_failure) std::rethrow_exception(delivery_failure);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace tc
