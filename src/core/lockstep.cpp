#include "core/lockstep.h"

#include <algorithm>
#include <deque>
#include <exception>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>

namespace tc {
namespace {

// A turn that one thread gives and one thread takes: a flag under a lock of
// its own, so giving and taking order every access to the shared state, and
// a turn wakes exactly one thread. (Not std::binary_semaphore: libstdc++'s
// can lose a wake-up and sleep forever, GCC PR 104928, on this very pattern
// of two threads handing a turn back and forth.)
class Turn {
 public:
  // (Notified under the lock: the taker may end the Turn's life as soon as it has the lock back.)
  void give() {
    std::lock_guard<std::mutex> lock(mutex_);
    given_ = true;
    ready_.notify_one();
  }
  void take() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return given_; });
    given_ = false;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  bool given_ = false;
};

// The state the scheduler (the calling thread) and the workers share. Only
// the thread whose turn it is runs; each of the others waits on a Turn of
// its own, given by the thread that hands it the turn. Waking every thread at each
// turn (one condition for all) made twenty rules parking at each window's end
// cost more than the rules' own work on a 2-core machine.
struct Shared;

// A worker: a thread that runs tasks from the next one not started, until
// one parks (the worker stays with it) or none is left.
struct Worker final : Lockstep {
  Shared* shared = nullptr;
  std::size_t task = 0;  // the one it runs
  bool parked = false;
  Advancing* waiting = nullptr;
  Turn turn;
  std::thread thread;

  bool park(Advancing& what) override;
  void run();
};

// What a task run on the calling thread parks with: it cannot wait.
struct Unparked final : Lockstep {
  bool park(Advancing&) override { return false; }
};

// Gives the turn to the thread waiting on `to` and waits until it is back (on `mine`).
void hand_over(Turn& to, Turn& mine) {
  to.give();
  mine.take();
}

struct Shared {
  std::vector<std::function<void(Lockstep&)>> tasks;
  std::vector<std::exception_ptr> thrown;
  std::size_t next_task = 0;
  std::deque<Worker> workers;  // stable addresses
  Turn scheduler_turn;

  // False: no thread was started (the limit, or the system refused one).
  bool start_worker(std::size_t max_threads) {
    if (workers.size() >= max_threads) return false;
    Worker& worker = workers.emplace_back();
    worker.shared = this;
    try {
      worker.thread = std::thread([&worker] { worker.run(); });
    } catch (const std::system_error&) {
      workers.pop_back();
      return false;
    }
    hand_over(worker.turn, scheduler_turn);
    return true;
  }

  // Runs the tasks not started on this (the calling) thread, one after
  // another, unable to park; the parked workers wait their turn meanwhile.
  void run_the_rest_here() {
    Unparked unparked;
    while (next_task < tasks.size()) {
      const std::size_t task = next_task++;
      try {
        tasks[task](unparked);
      } catch (...) {
        thrown[task] = std::current_exception();
      }
    }
  }
};

bool Worker::park(Advancing& what) {
  parked = true;
  waiting = &what;
  hand_over(shared->scheduler_turn, turn);
  parked = false;
  waiting = nullptr;
  return true;
}

void Worker::run() {
  turn.take();
  while (shared->next_task < shared->tasks.size()) {
    task = shared->next_task++;
    try {
      shared->tasks[task](*this);
    } catch (...) {
      shared->thrown[task] = std::current_exception();
    }
  }
  shared->scheduler_turn.give();
}

}  // namespace

void run_in_lockstep(std::vector<std::function<void(Lockstep&)>> tasks, std::size_t max_threads) {
  Shared shared;
  shared.thrown.resize(tasks.size());
  shared.tasks = std::move(tasks);
  for (;;) {
    // Tasks left (none started yet, or a worker parked): the next ones
    // start on another worker, or here when none can start.
    if (shared.next_task < shared.tasks.size()) {
      if (!shared.start_worker(max_threads)) shared.run_the_rest_here();
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
    for (Worker* worker : parked) hand_over(worker->turn, shared.scheduler_turn);
  }
  for (Worker& worker : shared.workers) worker.thread.join();
  for (const std::exception_ptr& thrown : shared.thrown)
    if (thrown) std::rethrow_exception(thrown);
}

}  // namespace tc
