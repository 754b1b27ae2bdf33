#pragma once
// Alternatives in a message, written the one way: "A", "A or B", "A, B or C".
#include <cstddef>
#include <string>

namespace tc {

// The items of list (anything with size() and operator[]) joined as
// alternatives, each written as write(item) makes it.
template <typename List, typename Write>
std::string alternatives(const List& list, Write write) {
  std::string text;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) text += i + 1 == list.size() ? " or " : ", ";
    text += write(list[i]);
  }
  return text;
}

}  // namespace tc
