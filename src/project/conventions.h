#pragma once
// How `transcheck check DIR` pairs files when there is no transcheck.toml:
// the common layouts of localized docs, written as ordinary pair rules.
//
// Chinese names: zh, zh-CN, zh-cn, zh-Hans, zh-hans, zh_CN. English names: en,
// en-US, en-us, en_US. Extensions: .md, .markdown, .txt. Two layouts:
//
// 1. Siblings that differ by a language suffix:
//      guide/intro.zh.md       <-> guide/intro.en.md
//      components/button/index.zh-CN.md <-> components/button/index.en-US.md
//    (rules `**/*.zh.md` <-> `**/*.en.md`, ...)
// 2. Parallel directories named by language, at any depth:
//      content/zh-cn/post/a.md <-> content/en/post/a.md      (Hugo)
//      zh/guide/intro.md       <-> en/guide/intro.md
//    (rules `**/zh-cn/**/*.md` <-> `**/en/**/*.md`, ...)
//    and Docusaurus's i18n/zh-Hans/docusaurus-plugin-content-docs/current/**
//    <-> docs/**.
//
// Rules for the same Chinese and English spelling style come first (zh <-> en,
// zh-CN <-> en-US), so when a page has two candidate translations the
// matching style wins. Other layouts (README.md beside README.zh-CN.md) need
// a [[pairs]] entry in transcheck.toml.
#include <vector>

#include "core/language.h"
#include "project/pairing.h"

namespace tc {

// The rules with source_lang's files as sources (Chinese unless it is
// Lang::en). Their source_lang and target_lang are left unset.
std::vector<PairRule> default_pair_rules(Lang source_lang);

}  // namespace tc
