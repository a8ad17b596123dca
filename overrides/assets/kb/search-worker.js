/* The site's search (issue 18): Material's search box, answered from Pagefind's index.
 *
 * Material starts this worker in place of its lunr worker (macros/build/search_index.py) and
 * talks to it in its own messages: {type: 0 SETUP} → {type: 1 READY}; {type: 2 QUERY, data:
 * text} → {type: 3 RESULT, data: {items: [[page, ...sections]]}}. So Material draws the
 * results, keeps its keyboard navigation and `/` `s` shortcuts, and adds ?h= for highlighting
 * on the page the reader opens. Everything is fetched from this version of the site (no other
 * origin): Pagefind's script, WebAssembly and index pieces under pagefind/, and this
 * language's search file search/search.<lang>.json (stop words, a large index's words on
 * almost every page, the synonym table from routines/synonyms.yml, the title keys, the pages'
 * weights, what each page's result shows: the first screen is drawn from it at once), and the vocabulary files search/words/<lang>-<letter>.json of the typed words'
 * first letters (a few KB each, for the words the index does not have).
 *
 * Ranking, in order:
 * 1. A query that is a page's title (or near it: case, accents, small words, one or two typos
 *    in a long title, the part before a dash) puts that page first.
 * 2. Every other page by "soft AND": each word is searched on its own (and as its synonyms —
 *    a synonym of several words as that phrase —, its correction or its compound parts when it
 *    has them); a page scores the sum of its words' scores times the share of the query's
 *    weight it covers, squared, times the page's weight (`search: boost`). A page covers a
 *    word in the measure it matches it: fully when no page matches it better. A word weighs
 *    by its rarity, so pages with all the rare words come first; stop words ("och", "the") and a
 *    large index's words on almost every page rank nothing unless the query has no others.
 */
"use strict";

const LANG = new URL(self.location.href).searchParams.get("lang") === "en" ? "en" : "sv";
const ROOT = new URL("../../", self.location.href); // this version's root
const SHOWN = 10;        // pages shown (the first screen)
const SECTIONS = 3;      // sections listed under a page
const SYNONYM_SHARE = 1.0;  // a page found only through a synonym: as through the word
const FIXED_SHARE = 0.8;    // through a correction, a compound's parts or its joined form
const LONGEST = 10;         // words in a synonym phrase (macros/search/synonyms.py)
// Pagefind matches the query in the pages' metadata too: the title five times (its default),
// the summary once, the department not at all (it names where a routine belongs, not what
// it is about)
const RANKING = {metaWeights: {title: 5.0, department: 0.0}};
// Endings a word may have beyond a synonym's last word (vårdtagare → vårdtagaren)
const ENDINGS = LANG === "en"
  ? ["'s", "s", "es", "ed", "ing"]
  : ["erna", "arna", "orna", "ens", "ets", "en", "et", "na", "er", "ar", "or", "ns", "n", "t",
     "s", "e", "a"];

let pagefind = null;
let pages = 1;                 // pages in this language's index
let stop = new Set();
let common = new Set();        // words on almost every page of a large index (common_words.py)
let synonyms = new Map();      // folded word or phrase → the words to search as well
let titles = new Map();        // folded title key → page ids
let cards = new Map();         // page id → [address, title, department, summary] (cards.py)
let pageCards = new Map();     // address → its card, for a page only its rows matched
let pageWeights = new Map();   // page id → its weight, when not 1 (macros/search/weights.py)
const vocabulary = new Map();  // first letter → Promise of [words, most frequent first]
let latest = 0;

const escapeHtml = (s) => String(s).replace(/[&<>"]/g,
  (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c]));
// A result's address from this version's root, with its fragment (a contact's row)
const relative = (url) => {
  const address = new URL(url, ROOT);
  return address.pathname.replace(ROOT.pathname, "") + address.hash;
};

// As macros/search/fold.py: lower case, no accents, only letters and digits
const fold = (s) => String(s).toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
  .replace(/[^\p{L}\p{N}]+/gu, " ").trim();

async function json(path) {
  const response = await fetch(new URL(path, ROOT));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

async function setup() {
  // Pagefind picks its index by <html lang>, which a worker has not: show it the page's.
  if (typeof document === "undefined") {
    const html = {getAttribute: (name) => (name === "lang" ? LANG : null)};
    self.document = {currentScript: null, querySelector: (s) => (s === "html" ? html : null)};
  }
  const engine = (async () => {
    const module = await import(new URL("pagefind/pagefind.js", ROOT).href);
    await module.options({basePath: new URL("pagefind/", ROOT).pathname,
                          baseUrl: ROOT.pathname, excerptLength: 24, ranking: RANKING});
    await module.init();
    return module;
  })();
  const [module, entry, settings] = await Promise.all([
    engine, json("pagefind/pagefind-entry.json"), json(`search/search.${LANG}.json`)]);
  pagefind = module;
  pages = Math.max(1, (entry.languages[LANG] || {}).page_count || 0);
  stop = new Set(settings.stop || []);
  common = new Set(settings.common || []);
  synonyms = new Map(Object.entries(settings.synonyms || {}));
  titles = new Map(Object.entries(settings.titles || {}));
  cards = new Map(Object.entries(settings.cards || {}));
  pageCards = new Map([...cards.values()].map((c) => [c[0], c]));
  pageWeights = new Map(Object.entries(settings.weights || {}));
}
// Started at once: the index is ready sooner than Material's SETUP message arrives.
const ready = setup();
// Then, while the reader is still reading, one search for a word no page has: Pagefind's first
// search is several times slower than the next (its WebAssembly is compiled lazily), and the
// reader's first query should not pay for that. Not a common word: one on every page makes
// Pagefind score every page, which at a thousand routines kept the engine busy 200 ms into
// the reader's first query.
const WARM_UP = "xqzj";
// A small index (today's site: 4–6 pieces, 160 KB a language) is loaded whole after that, so
// the first query waits for no piece of it (tests/search_eval/RESULTS.md). A large one is
// loaded per query, a few pieces each (at a thousand routines 2.9 MB).
const SMALL_INDEX = 150;  // pages in the language's index
const LETTERS = [..."abcdefghijklmnopqrstuvwxyzåäö0123456789"];
ready.then(() => pagefind.search(WARM_UP))
  .then(() => (pages <= SMALL_INDEX ? Promise.all(LETTERS.map((l) => pagefind.preload(l))) : null))
  .catch(() => null);

// --- what the reader typed -----------------------------------------------------------------

const NOTHING = {results: [], unfilteredResultCount: 0};
const cache = new Map();  // term → Promise of Pagefind's answer, for this page's life
function search(term) {
  if (!cache.has(term)) {
    // a word Pagefind throws on (e.g. "gå") counts as found nowhere
    cache.set(term, pagefind.search(term).catch(() => NOTHING));
  }
  return cache.get(term);
}

// The synonym table's key for words[start..end), its last word also without an ending
function synonymsOf(words, start, end) {
  const head = words.slice(start, end - 1);
  const last = words[end - 1];
  const forms = [last, ...ENDINGS.filter((e) => last.endsWith(e) && last.length - e.length >= 4)
    .map((e) => last.slice(0, -e.length))];
  for (const form of forms) {
    const found = synonyms.get([...head, form].join(" "));
    if (found) return found.map(asPhrase);
  }
  return null;
}

/* A synonym of several words ("anmälan till socialtjänsten", "safe house") is searched as that
 * phrase: it names one thing. As loose words, Pagefind also finds — and scores — every page
 * with "till" or "house", which at a thousand routines cost 100–250 ms per synonym. As
 * phrases, the two evaluation sets found one right page more in the top three (of 418
 * queries) and the first result came 70 ms sooner at a thousand routines. */
const asPhrase = (term) => (/\s/.test(term.trim()) ? `"${term}"` : term);

/* The query as slots: each word that is not a stop word, and each synonym phrase of two or
 * more words ("våld i nära relationer"). A slot has its own term and other terms (synonyms),
 * each searched in Pagefind. */
function slotsOf(text) {
  const raw = text.split(/\s+/).filter(Boolean);
  const words = raw.map(fold);
  // Stop words rank nothing, nor words on almost every page of a large index, unless the
  // query has no other words
  const plain = (w) => Boolean(w) && !stop.has(w);
  const none = !words.some(plain);
  const telling = words.some((w) => plain(w) && !common.has(w));
  const carrying = words.map((w) => Boolean(w)
    && (none || (plain(w) && !(telling && common.has(w)))));
  const slots = [];
  words.forEach((w, i) => {
    if (carrying[i]) {
      slots.push({term: raw[i], folded: w, from: i, to: i + 1, others: [], share: SYNONYM_SHARE});
    }
  });
  const query = {raw, words, carrying, slots};
  return {slots, phrases: phrasesOf(query, () => true), query};
}

/* The synonym phrases of the query's words (longest first, left to right). A one-word match
 * gives its slot other terms; a longer one is a phrase slot over the word slots it spans.
 * ``wanted(slotIndexes)``: which phrases to keep. */
function phrasesOf({words, slots}, wanted) {
  const phrases = [];
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(LONGEST, words.length - i); n >= 1 && !matched; n--) {
      const others = synonymsOf(words, i, i + n);
      if (!others) continue;
      matched = n;
      const inside = slots.filter((s) => s.from >= i && s.to <= i + n);
      const indexes = inside.map((s) => slots.indexOf(s));
      if (!inside.length || !wanted(indexes)) continue;
      if (n === 1 && inside.length === 1) {
        inside[0].others = [...new Set([...inside[0].others, ...others])];
      } else {
        // its own words are searched one by one already (their slots); searched together as
        // well they changed no ranking in the evaluation set and cost a search of every page
        // with any of them
        phrases.push({term: "", others, share: SYNONYM_SHARE, words: indexes});
      }
    }
    i += matched || 1;
  }
  return phrases;
}

// --- the second try: words the index does not have -----------------------------------------

// The pages' words with this first letter (folded), most frequent first: [[word, folded]]
function wordsStarting(letter) {
  if (!/^[a-z]$/.test(letter)) return Promise.resolve([]);
  if (!vocabulary.has(letter)) {
    vocabulary.set(letter, json(`search/words/${LANG}-${letter}.json`)
      .then((words) => words.map((w) => [w, fold(w)]), () => []));
  }
  return vocabulary.get(letter);
}

/* Does the index have the word? Pagefind finds the words that start with it; it has none,
 * Pagefind falls back to the longest word the query word starts with ("sosialjouren" →
 * "so…"), which is no answer. An inflected form of a page's word counts as known. */
function known(word, words) {
  if (word.length < 4 || !words.length) return true;
  return words.some(([, f]) => f.startsWith(word)
    || (word.startsWith(f) && f.length >= 4 && word.length - f.length <= 3));
}

// Damerau–Levenshtein distance, or limit + 1 once it is over limit
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j] + 1, current[j - 1] + 1,
                       previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2] + 1);
      }
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/* Terms for a word the index does not have: the nearest words of the pages (one typo in a
 * word of five letters or more, two from nine; the more frequent first), else the word as two
 * words of the pages ("vårdnads|ärenden"), else the longest start it shares with a word of
 * the pages when that is most of it ("orosanmälningar" → "orosanmäl…"). */
async function fixes(word, words) {
  const limit = word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
  const near = [];
  for (const [w, f] of words) {
    const d = distance(word, f, limit);
    if (d <= limit) near.push([d, w]);
  }
  near.sort((a, b) => a[0] - b[0]);  // stable: the more frequent word first among equals
  if (near.length) return near.slice(0, 2).map(([, w]) => w);
  if (word.length >= 8) {
    const heads = new Set(words.map(([, f]) => f));
    for (let cut = word.length - 3; cut >= 3; cut--) {
      const head = word.slice(0, cut);
      const rest = word.slice(cut);
      const first = heads.has(head) ? head
        : head.endsWith("s") && heads.has(head.slice(0, -1)) ? head.slice(0, -1) : null;
      if (!first) continue;
      const tails = await wordsStarting(rest[0]);
      if (tails.some(([, f]) => f === rest)) return [`${first} ${rest}`];
    }
  }
  let shared = 0;
  for (const [, f] of words) {
    let n = 0;
    while (n < f.length && n < word.length && f[n] === word[n]) n++;
    shared = Math.max(shared, n);
  }
  return shared >= 6 && shared >= 0.6 * word.length ? [word.slice(0, shared)] : [];
}

// --- ranking -------------------------------------------------------------------------------

async function found(slot) {
  const [own, ...others] = await Promise.all([slot.term ? search(slot.term) : NOTHING,
                                              ...slot.others.map(search)]);
  return {own, others};
}

// Each page's best score in a slot: its own term's, or a share of another term's
function best(slot, answer) {
  const scores = new Map();
  answer.own.results.forEach((r) => scores.set(r.id, {r, s: r.score}));
  answer.others.forEach((a) => a.results.forEach((r) => {
    const s = r.score * slot.share;
    if (!scores.has(r.id) || scores.get(r.id).s < s) scores.set(r.id, {r, s});
  }));
  return scores;
}

/* The second try: a word the index lacks is searched as its fixes instead (or, without any,
 * counts as found nowhere: Pagefind's own guess for it is a short word it starts with), and
 * the synonym phrases the fixed words make are searched too; two words the pages write as
 * one ("utrese förbud") are also searched as that word. ``letters``: each word slot's
 * vocabulary (the words with its first letter). */
async function secondTry(query, letters, slotAnswers, phrases, phraseAnswers) {
  const {slots} = query;
  const fixed = new Set();
  await Promise.all(slots.map(async (slot, i) => {
    if (slot.others.length || known(slot.folded, letters[i])) return;
    const terms = await fixes(slot.folded, letters[i]);
    slot.term = "";
    slot.others = terms;
    slot.share = FIXED_SHARE;
    slotAnswers[i] = await found(slot);
    if (terms.length) {
      fixed.add(i);
      query.words[slot.from] = fold(terms[0]);
      query.raw[slot.from] = terms[0];
    }
  }));
  const more = fixed.size ? phrasesOf(query, (indexes) => indexes.some((i) => fixed.has(i)))
    : [];
  for (const i of fixed) {  // a fixed word that became a one-word synonym: search those too
    if (slots[i].others.length && slotAnswers[i].others.length !== slots[i].others.length) {
      slotAnswers[i] = await found(slots[i]);
    }
  }
  for (let i = 0; i + 1 < slots.length; i++) {
    if (slots[i + 1].from !== slots[i].to) continue;
    const joined = slots[i].folded + slots[i + 1].folded;
    const whole = letters[i].find(([, f]) => f === joined);
    if (whole) more.push({term: "", others: [whole[0]], share: FIXED_SHARE, words: [i, i + 1]});
  }
  phrases.push(...more);
  phraseAnswers.push(...await Promise.all(more.map(found)));
}

async function ranked(query) {
  const {slots, phrases, query: parts} = slotsOf(query);
  if (!slots.length) return [];
  const vocabularies = Promise.all(slots.map((s) => wordsStarting(s.folded[0])));
  const [slotAnswers, phraseAnswers] = await Promise.all([
    Promise.all(slots.map(found)), Promise.all(phrases.map(found))]);
  await secondTry(parts, await vocabularies, slotAnswers, phrases, phraseAnswers);
  const perSlot = slots.map((slot, i) => best(slot, slotAnswers[i]));
  phrases.forEach((phrase, k) => {
    best(phrase, phraseAnswers[k]).forEach((hit, id) => {
      for (const w of phrase.words) {
        const mine = perSlot[w].get(id);
        if (!mine || mine.s < hit.s) perSlot[w].set(id, hit);
      }
    });
  });
  const weights = perSlot.map((scores) => Math.log(1 + pages / Math.max(1, scores.size)));
  const all = weights.reduce((a, b) => a + b, 0) || 1;
  // A page covers a word as far as it matches it as well as the page that matches it best
  // (square root): a long page that has every word once — a glossary, the legal basis — no
  // longer ranks over a routine that has the words that count and is about them
  // (tests/search_eval/RESULTS.md, phase 4)
  const strongest = perSlot.map((scores) => Math.max(...[...scores.values()].map((h) => h.s)));
  const byId = new Map();
  perSlot.forEach((scores, i) => scores.forEach(({r, s}, id) => {
    const entry = byId.get(id) || {result: r, sum: 0, covered: 0};
    entry.sum += s;
    entry.covered += weights[i] * Math.sqrt(Math.min(1, s / strongest[i]));
    byId.set(id, entry);
  }));
  // a page's weight among the results: `search: boost` in its front matter (the pages for the
  // coordinator and IT rank under the routines that match as well)
  const weight = (id) => pageWeights.get(id) || 1;
  const results = [...byId.values()]
    .map((e) => ({result: e.result,
                  score: e.sum * (e.covered / all) ** 2 * weight(e.result.id)}))
    .sort((a, b) => b.score - a.score);
  return titleFirst(query, results);
}

/* Rule 1: the pages whose title the query is go first (in their order). The title keys are
 * folded titles, also less stop words and the part before a dash or colon
 * (macros/search/titles.py). */
async function titleFirst(query, results) {
  const folded = fold(query);
  const core = folded.split(" ").filter((w) => !stop.has(w)).join(" ");
  let key = titles.has(folded) ? folded : titles.has(core) ? core : null;
  if (!key && folded.length >= 8) {
    const limit = folded.length >= 16 ? 2 : 1;
    key = [...titles.keys()].find((k) => distance(folded, k, limit) <= limit) || null;
  }
  if (!key) return results;
  const ids = titles.get(key);
  const first = results.filter((r) => ids.includes(r.result.id));
  if (!first.length) {  // not among the results (a typo in every word): find it by its title
    (await search(key)).results.filter((r) => ids.includes(r.id))
      .forEach((r) => first.push({result: r, score: r.score}));
  }
  return [...first, ...results.filter((r) => !first.includes(r))];
}

// --- what Material draws -------------------------------------------------------------------

// Pagefind's excerpt: the page's text with <mark> around the words found, with "<" and ">"
// (not "&") escaped. Between the marks it is read back as text and escaped here, all of it.
const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"")
  .replace(/&#39;/g, "'").replace(/&amp;/g, "&");
const excerpt = (text) => String(text || "").split(/(<\/?mark>)/)
  .map((part, i) => (i % 2 ? part : escapeHtml(unescape(part)))).join("");

function item(data, score, terms) {
  const department = data.meta.department ? `<b>${escapeHtml(data.meta.department)}</b> · ` : "";
  const summary = data.meta.summary ? escapeHtml(data.meta.summary) : excerpt(data.excerpt);
  const page = {location: relative(data.url), title: escapeHtml(data.meta.title || data.url),
                text: department + summary, score, terms};
  const sections = (data.sub_results || [])
    .filter((s) => s.anchor && s.anchor.element !== "h1" && s.url !== data.url)
    .slice(0, SECTIONS)
    .map((s) => ({location: relative(s.url), title: escapeHtml(s.title), text: excerpt(s.excerpt),
                  score: score / 2, terms}));
  return [page, ...sections];
}

const clean = (text) => text.replace(/[*+\-:^~"]+(?=\s|$)/g, " ").trim();

// A page as its result shows it before its fragment is loaded (macros/search/cards.py)
function fromCard(known) {
  const [url, title, department, summary] = known;
  return {url: ROOT.pathname + url.replace(/^\//, ""), excerpt: "", sub_results: [],
          meta: {title, department, summary}};
}
const card = (result) => (cards.has(result.id) ? fromCard(cards.get(result.id)) : null);

/* The results as Material's items. A row of a page (a contact's row on the contacts page: an
 * address with a fragment, macros/render/contact_records.py) is drawn under its page, as
 * Material draws a page's sections, at the place of the first of them or of the page: one
 * "Kontakter" result with the matching contacts, each with its number. */
function grouped(results) {
  const groups = [];
  const byPage = new Map();
  for (const r of results) {
    const url = (cards.get(r.result.id) || [""])[0];
    const hash = url.indexOf("#");
    const key = hash > 0 ? url.slice(0, hash) : url || `id:${r.result.id}`;
    let group = byPage.get(key);
    if (!group) {
      if (groups.length >= SHOWN) continue;
      group = {url: key, page: null, rows: [], score: r.score};
      byPage.set(key, group);
      groups.push(group);
    }
    if (hash <= 0) group.page = r;
    else if (group.rows.length < SECTIONS) group.rows.push(r);
  }
  return groups;
}

// One item: the page (its result, or its card when only its rows matched), its matching rows
// (shown: they score as the page) and its matching sections (under "more", as Material does)
function drawn(group, dataOf, terms) {
  const rows = group.rows.map(dataOf);
  const pageData = group.page ? dataOf(group.page)
    : pageCards.has(group.url) ? fromCard(pageCards.get(group.url)) : null;
  if (rows.some((d) => !d) || (group.page && !pageData)) return null;
  const head = pageData ? item(pageData, group.score, terms) : [];
  const shown = rows.map((d) => ({location: relative(d.url),
                                  title: escapeHtml(d.meta.title || d.url),
                                  text: escapeHtml(d.meta.summary || ""), score: group.score,
                                  terms}));
  return [...head.slice(0, 1), ...shown, ...head.slice(1)];
}

async function answer(text, number) {
  const query = clean(text);
  if (!query) return {items: []};
  await ready;
  const groups = grouped(await ranked(query));
  if (number !== latest) return null;   // a newer keystroke is on its way
  const terms = Object.fromEntries(query.split(/\s+/).map((t) => [t.toLowerCase(), true]));
  // The first screen at once from the search file, when it knows every page (it does, unless
  // the index and the file are from different builds); then again with each page's matching
  // sections, from the pages' fragments. Material draws the list anew for each answer; kb.js
  // keeps the focus of a reader who has already pressed ↓ on the same result.
  const quick = groups.map((g) => drawn(g, (r) => card(r.result), terms));
  if (groups.length && quick.every(Boolean)) postMessage({type: 3, data: {items: quick}});
  const all = groups.flatMap((g) => (g.page ? [g.page, ...g.rows] : g.rows));
  const data = new Map(await Promise.all(all.map(async (r) => [r, await r.result.data()])));
  const full = groups.map((g) => drawn(g, (r) => data.get(r), terms)).filter(Boolean);
  return number === latest ? {items: full} : null;
}

addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === 0) {
    ready.then(() => postMessage({type: 1}), (error) => console.warn("search:", error));
  } else if (message.type === 2) {
    const number = ++latest;
    answer(message.data, number).then((data) => {
      if (data) postMessage({type: 3, data});
    }).catch((error) => { console.warn("search:", error); postMessage({type: 3, data: {items: []}}); });
  }
});
