#pragma once
// Tasks run one at a time, in order, each able to stop halfway (park) until
// every other task has stopped or finished too: the rules of a document walk
// the shared scan's events window by window this way (rules/code_point_events.h),
// so that only one window of events is held, not the document's. Exactly one
// task runs at any moment (each parked one on a thread of its own, waiting
// for its turn), so the tasks see each other's effects in a fixed order and
// need no locks of their own.
#include <cstddef>
#include <functional>
#include <vector>

namespace tc {

// What a parked task waits for: advanced once every task has parked or finished.
class Advancing {
 public:
  virtual ~Advancing() = default;
  virtual void advance() = 0;
};

// What a task may call to park (the task's code sees only this).
class Lockstep {
 public:
  virtual ~Lockstep() = default;
  // Returns true once every task has parked or finished and what.advance()
  // has run (once for all the tasks parked on the same what); false at once
  // when the task cannot park (no thread left to hold it), and it must go on
  // without waiting for the others.
  virtual bool park(Advancing& what) = 0;
};

// Runs tasks[0], tasks[1], ... in order; a task that parks lets the next ones
// start, and the parked ones go on, in order, after what they wait for has
// advanced. Returns when every task has finished; the first exception a task
// threw (in task order) is thrown again then.
// Each task that parks holds a thread; at most max_threads are started. When
// no more may start (or the system refuses one), the remaining tasks run on
// the calling thread, where park() returns false.
void run_in_lockstep(std::vector<std::function<void(Lockstep&)>> tasks,
                     std::size_t max_threads = static_cast<std::size_t>(-1));

}  // namespace tc
