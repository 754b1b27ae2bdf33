#include "core/lockstep.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
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

  void park(Advancing& what) override;
  void run();
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

  void start_worker(std::unique_lock<std::mutex>& lock) {
    Worker& worker = workers.emplace_back();
    worker.shared = this;
    worker.number = workers.size() - 1;
    worker.thread = std::thread([&worker] { worker.run(); });
    hand_over(lock, worker.number, kScheduler);
  }
};

void Worker::park(Advancing& what) {
  std::unique_lock<std::mutex> lock(shared->mutex);
  parked = true;
  waiting = &what;
  shared->hand_over(lock, kScheduler, number);
  parked = false;
  waiting = nullptr;
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

void run_in_lockstep(std::vector<std::function<void(Lockstep&)>> tasks) {
  Shared shared;
  shared.thrown.resize(tasks.size());
  shared.tasks = std::move(tasks);
  {
    std::unique_lock<std::mutex> lock(shared.mutex);
    if (!shared.tasks.empty()) shared.start_worker(lock);
    for (;;) {
      // A worker parked with tasks left: the next ones start on another.
      if (shared.next_task < shared.tasks.size()) {
        shared.start_worker(lock);
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
