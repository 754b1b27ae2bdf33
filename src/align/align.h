#pragma once
#include "align/alignment.h"
#include "core/document.h"

namespace tc {

class Glossary;

struct AlignOptions {
  bool segmented = false;             // one sentence per non-empty line
  const Glossary* glossary = nullptr;  // term pairs as extra anchors
};

Alignment align_documents(const Document& source, const Document& target, const AlignOptions& options);

}  // namespace tc
