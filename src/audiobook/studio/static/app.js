// audiobook studio: plain JS, no build step. Pages are drawn from the server's JSON; a server-sent
// event stream says when the watch loop has built again, and the page redraws and plays the new take.
"use strict";
const TOKEN = window.STUDIO_TOKEN;
const $ = (sel, el = document) => el.querySelector(sel);
const player = $("#player");
const state = { book: null, view: null, pending: new Map() };  // pending: "ch:index" -> {key, play}

function url(path, params = {}) {
  const q = new URLSearchParams({ ...params, token: TOKEN });
  return `${path}?${q}`;
}
async function get(path, params) {
  const r = await fetch(url(path, params));
  const data = await r.json();
  if (!r.ok) throw new Error(data.error || r.statusText);
  return data;
}
async function post(what, body) {
  const r = await fetch(url(`api/${what}`), { method: "POST", body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" } });
  const data = await r.json();
  if (!r.ok) { toast(data.error || r.statusText); throw new Error(data.error); }
  return data;
}
function toast(msg) {
  const t = $("#toast"); t.textContent = msg; t.hidden = false;
  clearTimeout(toast.timer); toast.timer = setTimeout(() => (t.hidden = true), 8000);
}
function h(tag, attrs = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (v !== null && v !== undefined && v !== false) el.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids.flat()) if (kid !== null && kid !== undefined) el.append(kid);
  return el;
}
function colour(name) {          // one colour per voice, the same on every page
  let x = 0;
  for (const c of name) x = (x * 31 + c.charCodeAt(0)) >>> 0;
  return `hsl(${x % 360} 65% 45%)`;
}
function play(key, label, at) {      // at: [chapter, start, end] plays that span of the chapter MP3
  player.src = at ? url(`audio/chapter/${at[0]}.mp3`) + `#t=${at[1]},${at[2]}` : url(`audio/line/${key}.wav`);
  player.dataset.key = key;
  $("#now").textContent = label || "";
  return player.play().catch(() => {});
}

// ------------------------------------------------------------------------------ chapters
async function chapters() {
  const list = await get("api/chapters");
  const rows = list.map((c) => h("tr", { class: "chapter", dataset: { number: c.number } },
    h("td", {}, String(c.number)),
    h("td", {}, h("a", { href: `#/chapter/${c.number}` }, c.title)),
    h("td", {}, `${c.lines} lines, ${c.dialogue} quotes`),
    h("td", {}, h("span", { class: "bar", title: `${c.rendered} of ${c.lines} lines rendered` },
      h("i", { style: `width:${(100 * c.rendered / Math.max(1, c.lines)).toFixed(0)}%` })),
      ` ${c.rendered}/${c.lines}`),
    h("td", {}, c.review ? h("a", { href: `#/chapter/${c.number}?filter=review` }, `${c.review} to review`) : "—"),
    h("td", { class: "acx" }, c.mp3 ? "measuring…" : "not rendered")));
  $("#main").replaceChildren(h("h2", {}, state.book.title),
    h("table", {}, h("tr", {}, ...["", "Chapter", "Lines", "Rendered", "Review", "ACX"].map((t) => h("th", {}, t))),
      rows));
  for (const c of list.filter((c) => c.mp3)) {
    get("api/acx", { chapter: c.number }).then((r) => {
      const cell = $(`tr[data-number="${c.number}"] .acx`);
      const failed = r.rules.filter((x) => x.status === "fail").map((x) => `${x.name} ${x.measured}`);
      cell.replaceChildren(h("span", { class: r.ok ? "pass" : "fail", title: r.rules.map((x) =>
        `${x.name}: ${x.measured} (${x.requirement}) ${x.status}`).join("\n") }, r.ok ? "pass" : `FAIL: ${failed.join(", ")}`));
    }).catch(() => {});
  }
}

// ------------------------------------------------------------------------------ a chapter
async function chapter(number, params) {
  const filter = params.get("filter") || "", speaker = params.get("speaker") || "";
  const page = Number(params.get("page") || 0);
  const data = await get("api/lines", { chapter: number, filter, speaker, page });
  state.view = { number, filter, speaker, page, data };
  const go = (changes) => {
    const p = new URLSearchParams({ filter, speaker, page: 0, ...changes });
    for (const [k, v] of [...p]) if (!v || v === "0") p.delete(k);
    location.hash = `#/chapter/${number}` + (p.toString() ? `?${p}` : "");
  };
  const speakers = state.book.speakers;
  const controls = h("div", { class: "filters" },
    h("label", {}, "Show ", h("select", { id: "filter", onchange: (e) => go({ filter: e.target.value }) },
      h("option", { value: "" }, "all lines"),
      h("option", { value: "review", selected: filter === "review" }, "needs review (least sure first)"))),
    h("label", {}, "Speaker ", h("select", { id: "speaker", onchange: (e) => go({ speaker: e.target.value }) },
      h("option", { value: "" }, "anyone"),
      speakers.map((s) => h("option", { value: s, selected: s === speaker }, s)))),
    h("button", { id: "prev", disabled: data.page === 0, onclick: () => go({ page: data.page - 1 }) }, "◀"),
    h("span", { id: "pageinfo" }, `page ${data.page + 1} of ${data.pages} (${data.total} lines)`),
    h("button", { id: "next", disabled: data.page + 1 >= data.pages, onclick: () => go({ page: data.page + 1 }) }, "▶"),
    h("a", { href: url(`audio/chapter/${number}.mp3`), target: "_blank" }, "chapter MP3"));
  const canvas = h("canvas", { id: "loudness", width: 1000, height: 160 });
  const list = h("div", { id: "lines" }, data.lines.map(lineRow));
  const flags = data.warnings.length ? h("details", { id: "warnings" },
    h("summary", {}, `${data.warnings.length} warning(s) in this chapter`),
    h("ul", {}, data.warnings.map((w) => h("li", {}, w)))) : null;
  $("#main").replaceChildren(...[h("h2", {}, `${data.chapter}. ${data.title}`),
    h("p", { class: "meta" }, data.source), flags, canvas, controls, list].filter(Boolean));
  performance.mark("studio-interactive");
  get("api/loudness", { chapter: number }).then((l) => drawLoudness(canvas, l))
    .catch(() => drawLoudness(canvas, null));
}

function lineRow(ln) {
  const id = `${ln.chapter}:${ln.index}`;
  const pending = state.pending.has(id) && !ln.audio;
  const row = h("div", { class: `line ${ln.kind}${pending ? " pending" : ""}`,
    dataset: { index: ln.index, key: ln.key, speaker: ln.speaker, voice: ln.voice, audio: ln.audio } });
  const low = ln.kind === "dialogue" && ln.confidence < 0.6;
  const reassign = h("select", { class: "reassign", title: "Give this line to another speaker",
    onchange: (e) => fix(ln, "speaker", { speaker: e.target.value }) },
    h("option", { value: "" }, "speaker…"),
    state.book.speakers.map((s) => h("option", { value: s, disabled: s === ln.speaker }, s)));
  const tools = h("div", { class: "tools" },
    h("button", { class: "play", disabled: !ln.audio && !ln.at,
      title: ln.audio ? "Play" : ln.at ? "Play from the chapter MP3 (not in the line cache)" : "Not rendered yet",
      onclick: () => { document.querySelectorAll(".line.playing").forEach((r) => r.classList.remove("playing"));
        row.classList.add("playing");
        play(ln.key, `${ln.speaker}: ${ln.text.slice(0, 60)}`, ln.audio ? null : [ln.chapter, ...ln.at]); } }, "▶ play"),
    ln.others.map((o) => h("button", { class: "suggest", title: `A speaker nearby: give this line to ${o}`,
      onclick: () => fix(ln, "speaker", { speaker: o }) }, `→ ${o}`)),
    ln.kind === "dialogue" ? reassign : null,
    ln.kind === "dialogue" && ln.speaker !== "Narrator" ? h("button", { class: "narrator",
      title: "Not spoken by a character: the narrator reads it ([Narrator] tag)",
      onclick: () => fix(ln, "speaker", { speaker: "Narrator" }) }, "not spoken") : null,
    h("button", { class: "edit", onclick: () => editText(row, ln) }, "edit"));
  row.append(
    h("div", { class: "speaker", style: `--c:${colour(ln.voice)}` }, ln.speaker, h("small", {}, ln.voice)),
    h("div", {}, h("div", { class: "text" }, ln.text),
      ln.kind === "dialogue" ? h("div", { class: "meta" },
        h("span", { class: `conf${low ? " low" : ""}` }, ln.confidence.toFixed(2)), " ",
        h("span", { class: "reason" }, ln.reason),
        ln.review !== null ? h("span", {}, ` · review #${ln.review + 1}`) : null) : null),
    tools);
  return row;
}

function editText(row, ln) {
  const area = h("textarea", { class: "newtext" }, ln.source);
  const box = h("div", { class: "editor" }, area,
    h("button", { class: "save", onclick: () => fix(ln, "text", { text: area.value }) }, "save"),
    h("button", { onclick: () => { box.remove(); if (state.stale) { state.stale = false; refreshView(); } } }, "cancel"));
  row.children[1].append(box);
  area.focus();
}

async function fix(ln, what, body) {
  const res = await post(what, { chapter: ln.chapter, index: ln.index, expect: ln.text, ...body });
  document.querySelectorAll(".editor").forEach((e) => e.remove());
  state.stale = false;
  // the studio has read the manuscript again: redraw, and play the line once its new take is built
  state.pending.set(`${ln.chapter}:${ln.index}`, { play: true });
  await refreshView(res.version);
}

async function refreshView() {
  const v = state.view;
  if (!v || !location.hash.startsWith("#/chapter/")) return;
  if ($(".editor")) { state.stale = true; return; }     // not while the user types: after save or cancel
  const data = await get("api/lines", { chapter: v.number, filter: v.filter, speaker: v.speaker, page: v.page });
  v.data = data;
  for (const ln of data.lines) {
    const id = `${ln.chapter}:${ln.index}`;
    const p = state.pending.get(id);
    if (!p) continue;
    p.key = ln.key;
    if (ln.audio) { state.pending.delete(id); if (p.play) play(ln.key, `new take: ${ln.speaker}: ${ln.text.slice(0, 50)}`); }
  }
  $("#lines").replaceChildren(...data.lines.map(lineRow));
  const playing = player.dataset.key && $(`.line[data-key="${player.dataset.key}"]`);
  if (playing) playing.classList.add("playing");
}

function drawLoudness(canvas, l) {
  const g = canvas.getContext("2d"), W = canvas.width, H = canvas.height;
  const y = (db) => H * (Math.max(-80, Math.min(0, db)) / -80);
  g.clearRect(0, 0, W, H);
  if (!l) { g.fillText("no chapter MP3 yet: it appears after the build", 10, 20); return; }
  g.fillStyle = "rgba(67,160,71,.12)"; g.fillRect(0, y(-18), W, y(-23) - y(-18));
  const n = l.rms.length, x = (i) => (i / Math.max(1, n)) * W;
  g.fillStyle = "#90caf9";
  l.peak.forEach((p, i) => g.fillRect(x(i), y(p), Math.max(1, W / n), H - y(p)));
  g.fillStyle = "#1565c0";
  l.rms.forEach((r, i) => g.fillRect(x(i), y(r), Math.max(1, W / n), H - y(r)));
  for (const [db, label, c] of [[l.limits.peak, "peak -3 dB", "#c62828"], [l.limits.rms_high, "RMS -18", "#2e7d32"],
    [l.limits.rms_low, "RMS -23", "#2e7d32"], [l.limits.floor, "floor -60", "#6a1b9a"]]) {
    g.strokeStyle = c; g.setLineDash([5, 4]); g.beginPath(); g.moveTo(0, y(db)); g.lineTo(W, y(db)); g.stroke();
    g.fillStyle = c; g.fillText(label, W - 70, db === l.limits.rms_high || db === l.limits.floor ? y(db) - 3 : y(db) + 11);
  }
  canvas.dataset.duration = l.duration;
  canvas.onclick = (e) => {          // hear the chapter from the point clicked
    const t = (e.offsetX / canvas.clientWidth) * l.duration;
    play(`chapter:${state.view.number}`, `chapter from ${t.toFixed(1)} s`, [state.view.number, t.toFixed(2), l.duration.toFixed(2)]);
  };
  g.fillStyle = "#333"; g.fillText(`${(l.duration / 60).toFixed(1)} min; RMS (dark) and peak (light) per ${l.window.toFixed(2)} s`, 6, 12);
}

// ------------------------------------------------------------------------------ voices
async function voices() {
  const list = await get("api/voices");
  const rows = list.map((v) => {
    const speed = h("input", { type: "number", class: "speed", step: "0.01", min: 0.25, max: 4, value: v.speed });
    const pitch = h("input", { type: "number", class: "pitch", step: "0.5", min: -12, max: 12, value: v.pitch });
    const settings = () => ({ speed: Number(speed.value), pitch: Number(pitch.value) });
    return h("tr", { class: "voice", dataset: { voice: v.name } },
      h("td", { class: "speaker", style: `--c:${colour(v.name)}` }, v.name),
      h("td", {}, `${v.engine}: ${v.model}`), h("td", {}, v.cast.join(", ")),
      h("td", {}, speed), h("td", {}, pitch),
      h("td", {}, h("button", { class: "audition", title: v.sample, onclick: async (e) => {
        e.target.disabled = true;
        try { const r = await post("audition", { voice: v.name, settings: settings() }); play(r.key, `${v.name}: ${r.text}`); }
        finally { e.target.disabled = false; }
      } }, "audition"), " ",
      h("button", { class: "save", onclick: async () => {
        await post("voice", { voice: v.name, settings: settings() }); toast(`saved ${v.name} to ${state.book.profile}; rebuilding its lines`);
      } }, "save to profile")));
  });
  $("#main").replaceChildren(h("h2", {}, `Voices (${state.book.profile})`),
    h("table", {}, h("tr", {}, ...["Voice", "Engine", "Speaks for", "Speed", "Pitch (semitones)", ""].map((t) => h("th", {}, t))),
      rows));
}

// ------------------------------------------------------------------------------ routing, events
async function route() {
  const [path, query] = location.hash.slice(1).split("?");
  const params = new URLSearchParams(query || "");
  const m = (path || "/").match(/^\/chapter\/(\d+)$/);
  try {
    if (m) await chapter(Number(m[1]), params);
    else if (path === "/voices") { state.view = null; await voices(); }
    else { state.view = null; await chapters(); }
  } catch (e) { toast(String(e.message || e)); }
}

function showStatus(s) {
  const el = $("#status");
  el.dataset.state = s.state || "idle";
  el.textContent = { building: "building…", built: `built: ${s.summary || ""}`, error: "not built: see the message",
    idle: "" }[s.state] || "";
  if (s.state === "error") toast(s.message);
}

function listen() {
  const events = new EventSource(url("events"));
  events.onmessage = (msg) => {
    const e = JSON.parse(msg.data);
    if (e.type === "hello") showStatus(e.status);
    else if (e.type === "progress") $("#status").textContent = `${e.stage}: ${e.done}/${e.total}`;
    else if (["building", "built", "error"].includes(e.type)) showStatus(e);
    if (e.type === "built") {
      get("api/book").then((b) => { state.book = b; }).catch(() => {});     // the speakers may have changed
      if (state.view) refreshView();
      else if (!location.hash.startsWith("#/voices")) route();
    }
  };
}

(async () => {
  state.book = window.STUDIO_BOOK;
  $("#book").textContent = state.book.title;
  showStatus(state.book.status);
  window.addEventListener("hashchange", route);
  await route();
  listen();
})();
