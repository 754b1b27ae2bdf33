#include "core/lockstep.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace tc {
namespace {

constexpr std::size_t kScheduler = static_cast<std::size_t>(-1);

// The state the scheduler (the calling thread) and the workers share. Only
// the thread whose number is in turn runs; the others wait on changed.
struct Shared;

// A worker: a thread that runs tasks from the next one not started, until
// one parks (the worker stays with it) or none is left.
struct Worker final : Lockstep {
  Shared* shared = nullptr;
  std::size_t number = 0;
  std::size_t task = 0;  // the one it runs
  bool parked = false;
  Advancing* waiting = nullptr;
  std::thread thread;

  bool park(Advancing& what) override;
  void run();
};

// What a task run on the calling thread parks with: it cannot wait.
struct Unparked final : Lockstep {
  bool park(Advancing&) override { return false; }
};

struct Shared {
  std::vector<std::function<void(Lockstep&)>> tasks;
  std::vector<std::exception_ptr> thrown;
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t turn = kScheduler;
  std::size_t next_task = 0;
  std::deque<Worker> workers;  // stable addresses

  // Gives the turn to who and waits (holding lock) until it is back with me.
  void hand_over(std::unique_lock<std::mutex>& lock, std::size_t who, std::size_t me) {
    turn = who;
    changed.notify_all();
    changed.wait(lock, [&] { return turn == me; });
  }

  // False: no thread was started (the limit, or the system refused one).
  bool start_worker(std::unique_lock<std::mutex>& lock, std::size_t max_threads) {
    if (workers.size() >= max_threads) return false;
    Worker& worker = workers.emplace_back();
    worker.shared = this;
    worker.number = workers.size() - 1;
    try {
      worker.thread = std::thread([&worker] { worker.run(); });
    } catch (const std::system_error&) {
      workers.pop_back();
      return false;
    }
    hand_over(lock, worker.number, kScheduler);
    return true;
  }

  // Runs the tasks not started on this (the calling) thread, one after
  // another, unable to park; the parked workers wait their turn meanwhile.
  void run_the_rest_here(std::unique_lock<std::mutex>& lock) {
    Unparked unparked;
    while (next_task < tasks.size()) {
      const std::size_t task = next_task++;
      lock.unlock();
      try {
        tasks[task](unparked);
      } catch (...) {
        thrown[task] = std::current_exception();
      }
      lock.lock();
    }
  }
};

bool Worker::park(Advancing& what) {
  std::unique_lock<std::mutex> lock(shared->mutex);
  parked = true;
  waiting = &what;
  shared->hand_over(lock, kScheduler, number);
  parked = false;
  waiting = nullptr;
  return true;
}

void Worker::run() {
  std::unique_lock<std::mutex> lock(shared->mutex);
  shared->changed.wait(lock, [&] { return shared->turn == number; });
  while (shared->next_task < shared->tasks.size()) {
    task = shared->next_task++;
    lock.unlock();
    try {
      shared->tasks[task](*this);
    } catch (...) {
      shared->thrown[task] = std::current_exception();
    }
    lock.lock();
  }
  shared->turn = kScheduler;
  shared->changed.notify_all();
}

}  // namespace

void run_in_lockstep(std::vector<std::function<void(Lockstep&)>> tasks, std::size_t max_threads) {
  Shared shared;
  shared.thrown.resize(tasks.size());
  shared.tasks = std::move(tasks);
  {
    std::unique_lock<std::mutex> lock(shared.mutex);
    for (;;) {
      // Tasks left (none started yet, or a worker parked): the next ones
      // start on another worker, or here when none can start.
      if (shared.next_task < shared.tasks.size()) {
        if (!shared.start_worker(lock, max_threads)) shared.run_the_rest_here(lock);
        continue;
      }
      // Every task has started, and each has parked or finished.
      std::vector<Worker*> parked;
      for (Worker& worker : shared.workers)
        if (worker.parked) parked.push_back(&worker);
      if (parked.empty()) break;
      std::sort(parked.begin(), parked.end(), [](const Worker* a, const Worker* b) { return a->task < b->task; });
      std::vector<Advancing*> advanced;
      for (Worker* worker : parked) {
        if (std::find(advanced.begin(), advanced.end(), worker->waiting) != advanced.end()) continue;
        advanced.push_back(worker->waiting);
        worker->waiting->advance();
      }
      for (Worker* worker : parked) shared.hand_over(lock, worker->number, kScheduler);
    }
  }
  for (Worker& worker : shared.workers) worker.thread.join();
  for (const std::exception_ptr& thrown : shared.thrown)
    if (thrown) std::rethrow_exception(thrown);
}

}  // namespace tc
