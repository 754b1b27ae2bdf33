#pragma once
// Giving back what growth by doubling left unused, for containers that live
// long (a document's events, blocks and sentences): when the unused room is
// more than a quarter of what is held, the container is made to fit.

namespace tc {

template <class Container>
void give_back_slack(Container& container) {
  if (container.capacity() - container.size() > container.size() / 4) container.shrink_to_fit();
}

}  // namespace tc
