// Material's search worker, answered by Pagefind (issue 18 prototype). Material sends
// {type: 0 SETUP, data: index} and {type: 2 QUERY, data: text}; we answer {type: 1 READY}
// and {type: 3 RESULT, data: {items: [[page, ...sections]]}}, so Material renders the
// results, keeps its keyboard navigation and adds ?h= for highlighting on the target page.
// Pagefind's bundle is on the same origin (../../pagefind/): nothing leaves the site.
"use strict";
const params = new URL(self.location.href).searchParams;
const LANG = params.get("lang") || "sv";
const ROOT = new URL("../../", self.location.href);
const SHOWN = 10;      // pages whose fragments are loaded for the first screen
const SECTIONS = 3;    // sections listed under a page
const FIRST = 4;       // pages drawn before the rest of the first screen
let pagefind = null;
let queue = Promise.resolve();
let latest = 0;
let total = 0;
let synonyms = [];

const escapeHtml = (s) => String(s).replace(/[&<>"]/g,
  (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c]));
const relative = (url) => new URL(url, ROOT).pathname.replace(ROOT.pathname, "");
const clean = (text) => text.replace(/[*+\-:^~"]+(?=\s|$)/g, " ").trim();

async function setup() {
  // Pagefind picks its index by <html lang>, which a worker has not: show it the page's.
  if (typeof document === "undefined") {
    const html = {getAttribute: (name) => (name === "lang" ? LANG : null)};
    self.document = {currentScript: null, querySelector: (s) => (s === "html" ? html : null)};
  }
  pagefind = await import(new URL("pagefind/pagefind.js", ROOT).href);
  await pagefind.options({
    basePath: new URL("pagefind/", ROOT).pathname,
    baseUrl: ROOT.pathname,
    language: LANG,
    excerptLength: 24,
  });
  await pagefind.init();
  const entry = await (await fetch(new URL("pagefind/pagefind-entry.json", ROOT))).json();
  total = (entry.languages[LANG] || {}).page_count || 0;
  try {
    synonyms = await (await fetch(new URL(`assets/kb/synonyms.${LANG}.json`, ROOT))).json();
  } catch (error) { synonyms = []; }
}

function item(data, score, terms) {
  const department = data.meta.department ? `<b>${escapeHtml(data.meta.department)}</b> · ` : "";
  const summary = data.meta.summary ? escapeHtml(data.meta.summary) : data.excerpt;
  const page = {location: relative(data.url), title: escapeHtml(data.meta.title || data.url),
                text: department + summary, score, terms};
  const sections = (data.sub_results || [])
    .filter((s) => s.anchor && s.anchor.element !== "h1" && s.url !== data.url)
    .slice(0, SECTIONS)
    .map((s) => ({location: relative(s.url), title: escapeHtml(s.title), text: s.excerpt,
                  score: score / 2, terms}));
  return [page, ...sections];
}

// Soft AND: Pagefind alone returns only pages with every word, so a sentence typed in a
// hurry finds nothing. Each word is searched on its own; a page's score is the sum of its
// words' scores times the share of the query's weight it covers, squared, where a word
// weighs by its rarity (ln(1 + pages / pages with the word)): pages with all the rare words
// come first, and "och", "för", "the" count for little.
// A word of the query that belongs to a synonym group (assets/kb/synonyms.<lang>.json, from
// the synonym list at build time) is also searched as the group's other words; a page found
// only through them gets half their score. The word's slot counts as covered either way.
const ALT_SHARE = 0.5;
function alternatives(word) {
  const alts = [];
  for (const group of synonyms) {
    if (group.some((g) => g.toLowerCase() === word)) {
      for (const g of group) if (g.toLowerCase() !== word && !alts.includes(g)) alts.push(g);
    }
  }
  return alts;
}

// Snowball's stop words: a question ("hur gör man en orosanmälan") is searched by the words
// that carry it. A query of stop words only is searched as typed.
const STOP = new Set((LANG === "en"
  ? "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself " +
    "she her hers herself it its itself they them their theirs themselves what which who whom " +
    "this that these those am is are was were be been being have has had having do does did " +
    "doing a an the and but if or because as until while of at by for with about against " +
    "between into through during before after above below to from up down in out on off over " +
    "under again further then once here there when where why how all any both each few more " +
    "most other some such no nor not only own same so than too very can will just should now " +
    "i'm don't"
  : "och det att i en jag hon som han på den med var sig för så till är men ett om hade de av " +
    "icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde " +
    "något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under " +
    "någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli " +
    "blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom " +
    "mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra " +
    "ert era vilkas").split(" "));

// One word Pagefind cannot search (it throws on some short words such as "gå") must not
// empty the whole list: it counts as a word found nowhere.
const NOTHING = {results: [], unfilteredResultCount: 0};
const searchWord = (w) => pagefind.search(w).catch(() => NOTHING);

async function ranked(query) {
  const typed = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
  const carrying = typed.filter((w) => !STOP.has(w));
  const words = carrying.length ? carrying : typed;
  const found = await Promise.all(words.map(searchWord));
  const alts = await Promise.all(words.map((w) => Promise.all(
    alternatives(w).map(searchWord))));
  const pages = Math.max(1, ...found.map((f) => f.unfilteredResultCount || 0), total);
  const weights = found.map((f, i) => {
    const df = Math.max(f.results.length, ...alts[i].map((a) => a.results.length), 1);
    return Math.log(1 + pages / df);
  });
  const all = weights.reduce((a, b) => a + b, 0) || 1;
  const byId = new Map();
  words.forEach((_, i) => {
    const best = new Map();
    found[i].results.forEach((r) => best.set(r.id, {r, s: r.score}));
    alts[i].forEach((a) => a.results.forEach((r) => {
      const s = r.score * ALT_SHARE;
      if (!best.has(r.id) || best.get(r.id).s < s) best.set(r.id, {r, s});
    }));
    best.forEach(({r, s}, id) => {
      const entry = byId.get(id) || {result: r, sum: 0, covered: 0};
      entry.sum += s;
      entry.covered += weights[i];
      byId.set(id, entry);
    });
  });
  return [...byId.values()]
    .map((e) => ({result: e.result, score: e.sum * (e.covered / all) ** 2}))
    .sort((a, b) => b.score - a.score);
}

async function answer(text, number) {
  const query = clean(text);
  if (!query) return {items: []};
  const results = await ranked(query);
  if (number !== latest) return null;   // a newer keystroke is on its way
  const terms = Object.fromEntries(query.split(/\s+/).map((t) => [t.toLowerCase(), true]));
  // The first few at once, the rest of the first screen right after: a reader sees the top
  // of the list sooner, and the list does not move under the first results.
  const first = await Promise.all(results.slice(0, FIRST).map((r) => r.result.data()));
  if (number !== latest) return null;
  const items = first.map((data, i) => item(data, results[i].score, terms));
  if (results.length > FIRST) {
    postMessage({type: 3, data: {items}});
    const rest = await Promise.all(results.slice(FIRST, SHOWN).map((r) => r.result.data()));
    if (number !== latest) return null;
    items.push(...rest.map((data, i) => item(data, results[FIRST + i].score, terms)));
  }
  return {items};
}

addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === 0) {
    queue = queue.then(setup).then(() => postMessage({type: 1}));
  } else if (message.type === 2) {
    const number = ++latest;
    queue = queue.then(() => answer(message.data, number)).then((data) => {
      if (data) postMessage({type: 3, data});
    }).catch((error) => { console.warn(error); postMessage({type: 3, data: {items: []}}); });
  }
});
