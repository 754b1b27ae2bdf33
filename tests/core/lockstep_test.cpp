// Tasks in lockstep: one runs at a time, in order; a parked task goes on
// only after every task has parked or finished and what it waits for has
// advanced (once for all the tasks waiting on it).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/lockstep.h"

namespace tc {
namespace {

struct Counter final : Advancing {
  std::vector<std::string>& log;
  int advanced = 0;
  explicit Counter(std::vector<std::string>& l) : log(l) {}
  void advance() override { log.push_back("advance " + std::to_string(++advanced)); }
};

TEST(Lockstep, ParkedTasksGoOnInOrderAfterEveryTaskParkedOrFinished) {
  std::vector<std::string> log;
  Counter window(log);
  std::vector<std::function<void(Lockstep&)>> tasks;
  tasks.emplace_back([&](Lockstep& lockstep) {
    log.push_back("a1");
    lockstep.park(window);
    log.push_back("a2");
    lockstep.park(window);
    log.push_back("a3");
  });
  tasks.emplace_back([&](Lockstep&) { log.push_back("b"); });
  tasks.emplace_back([&](Lockstep& lockstep) {
    log.push_back("c1");
    lockstep.park(window);
    log.push_back("c2");
  });
  run_in_lockstep(std::move(tasks));
  const std::vector<std::string> expected{"a1", "b", "c1", "advance 1", "a2", "c2", "advance 2", "a3"};
  EXPECT_EQ(log, expected);
}

TEST(Lockstep, TasksThatNeverParkRunOneAfterAnother) {
  std::vector<int> order;
  std::vector<std::function<void(Lockstep&)>> tasks;
  for (int i = 0; i < 5; ++i) tasks.emplace_back([&order, i](Lockstep&) { order.push_back(i); });
  run_in_lockstep(std::move(tasks));
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(Lockstep, TheFirstExceptionInTaskOrderIsThrownAfterAllTasksFinished) {
  std::vector<std::string> log;
  Counter window(log);
  std::vector<std::function<void(Lockstep&)>> tasks;
  tasks.emplace_back([&](Lockstep& lockstep) {
    lockstep.park(window);
    log.push_back("a");
    throw std::runtime_error("first");
  });
  tasks.emplace_back([&](Lockstep&) {
    log.push_back("b");
    throw std::runtime_error("second");
  });
  tasks.emplace_back([&](Lockstep&) { log.push_back("c"); });
  try {
    run_in_lockstep(std::move(tasks));
    FAIL() << "nothing thrown";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "first");
  }
  EXPECT_EQ(log, (std::vector<std::string>{"b", "c", "advance 1", "a"}));
}

// With one thread, the first task that parks holds it; the tasks after it
// run on the calling thread, where park() returns false at once, and the
// parked one goes on after them.
TEST(Lockstep, TasksBeyondTheThreadLimitRunHereUnableToPark) {
  std::vector<std::string> log;
  Counter window(log);
  std::vector<std::function<void(Lockstep&)>> tasks;
  tasks.emplace_back([&](Lockstep& lockstep) {
    log.push_back(lockstep.park(window) ? "a parked" : "a went on");
    log.push_back(lockstep.park(window) ? "a parked" : "a went on");
  });
  tasks.emplace_back([&](Lockstep& lockstep) { log.push_back(lockstep.park(window) ? "b parked" : "b went on"); });
  tasks.emplace_back([&](Lockstep& lockstep) { log.push_back(lockstep.park(window) ? "c parked" : "c went on"); });
  run_in_lockstep(std::move(tasks), 1);
  const std::vector<std::string> expected{"b went on", "c went on", "advance 1", "a parked", "advance 2", "a parked"};
  EXPECT_EQ(log, expected);
}

TEST(Lockstep, WithNoThreadsEveryTaskRunsHereInOrder) {
  std::vector<std::string> log;
  Counter window(log);
  std::vector<std::function<void(Lockstep&)>> tasks;
  for (const char* name : {"a", "b", "c"})
    tasks.emplace_back([&log, &window, name](Lockstep& lockstep) {
      log.push_back(std::string(name) + (lockstep.park(window) ? " parked" : " went on"));
    });
  tasks.emplace_back([](Lockstep&) { throw std::runtime_error("thrown here"); });
  try {
    run_in_lockstep(std::move(tasks), 0);
    FAIL() << "nothing thrown";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "thrown here");
  }
  EXPECT_EQ(log, (std::vector<std::string>{"a went on", "b went on", "c went on"}));
}

}  // namespace
}  // namespace tc
