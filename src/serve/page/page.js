// The teaching page of `endplate serve` (src/serve/mod.rs): presets and
// sliders in, a run on release of a slider, its figure, metrics, scenario
// file and downloads out. The server cancels an older run when a newer one
// arrives (409), so only the newest answer is shown.
"use strict";

const state = {
  setup: null,
  preset: null,
  touched: new Set(),
  requestNumber: 0,
  polling: null,
  lastAnswer: null,
  lastTiming: null,
};
window.endplate = state;

const $ = (id) => document.getElementById(id);

function formatNumber(x) {
  if (x === null || x === undefined) return "—";
  const a = Math.abs(x);
  if (a !== 0 && (a < 0.01 || a >= 1e5)) return x.toExponential(2);
  if (a >= 100) return x.toFixed(1);
  return x.toFixed(a >= 10 ? 2 : 3);
}

function stepDecimals(step) {
  const text = String(step);
  return text.includes(".") ? text.split(".")[1].length : 0;
}

function buildControls() {
  const box = $("sliders");
  box.textContent = "";
  for (const slider of state.setup.sliders) {
    const wrap = document.createElement("div");
    wrap.className = "slider";
    wrap.dataset.key = slider.key;
    const head = document.createElement("div");
    head.className = "head";
    const name = document.createElement("span");
    name.textContent = slider.label;
    const out = document.createElement("output");
    head.append(name, out);
    const track = document.createElement("div");
    track.className = "track";
    const input = document.createElement("input");
    input.type = "range";
    input.min = slider.min;
    input.max = slider.max;
    input.step = slider.step;
    input.id = "slider-" + slider.key;
    input.setAttribute("aria-label", slider.label + " (" + slider.unit + ")");
    track.append(input);
    if (slider.normal) {
      const band = document.createElement("div");
      band.className = "band";
      const span = slider.max - slider.min;
      band.style.left = (100 * (slider.normal[0] - slider.min) / span) + "%";
      band.style.width = (100 * (slider.normal[1] - slider.normal[0]) / span) + "%";
      band.title = "normal range";
      track.append(band);
    }
    const note = document.createElement("div");
    note.className = "note";
    note.textContent = (slider.normal ? "Normal range in green: " : "") + slider.source + ". Key: " + slider.key;
    const show = () => {
      out.textContent = Number(input.value).toFixed(stepDecimals(slider.step)) + " " + slider.unit;
    };
    input.addEventListener("input", show);
    input.addEventListener("change", () => {
      show();
      state.touched.add(slider.key);
      wrap.classList.add("changed");
      run();
    });
    wrap.append(head, track, note);
    box.append(wrap);
    slider.show = show;
    slider.input = input;
    slider.wrap = wrap;
  }
  const choices = $("choices");
  choices.textContent = "";
  for (const choice of state.setup.choices) {
    const label = document.createElement("label");
    label.textContent = choice.label;
    const select = document.createElement("select");
    select.id = "choice-" + choice.key;
    for (const option of choice.options) {
      const o = document.createElement("option");
      o.value = option;
      o.textContent = option;
      select.append(o);
    }
    select.addEventListener("change", () => {
      state.touched.add(choice.key);
      run();
    });
    label.append(select);
    choices.append(label);
    choice.select = select;
  }
}

function applyPreset(name) {
  const preset = state.setup.presets.find((p) => p.name === name);
  state.preset = preset;
  state.touched.clear();
  $("description").textContent = preset.description;
  $("explanation").textContent = preset.explanation;
  for (const slider of state.setup.sliders) {
    const value = preset.values[slider.key];
    slider.input.disabled = value === undefined;
    if (value !== undefined) slider.input.value = value;
    slider.wrap.classList.remove("changed");
    slider.show();
  }
  for (const choice of state.setup.choices) choice.select.value = choice.options[0];
}

function requestBody() {
  const values = {};
  for (const slider of state.setup.sliders) {
    if (state.touched.has(slider.key)) values[slider.key] = Number(slider.input.value);
  }
  for (const choice of state.setup.choices) {
    if (state.touched.has(choice.key)) values[choice.key] = choice.select.value;
  }
  return { preset: state.preset.name, values };
}

function setStatus(text, fraction) {
  $("status-text").textContent = text;
  $("progress").value = fraction;
}

async function poll() {
  try {
    const response = await fetch("api/progress");
    const p = await response.json();
    if (state.polling) setStatus(p.phase + "…", p.fraction);
  } catch (_) {
    // The next poll or the answer will tell.
  }
}

async function run() {
  const number = ++state.requestNumber;
  const started = performance.now();
  $("error").hidden = true;
  delete document.body.dataset.error;
  setStatus("starting…", 0);
  clearInterval(state.polling);
  state.polling = setInterval(poll, 250);
  let response;
  try {
    response = await fetch("api/run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(requestBody()),
    });
  } catch (e) {
    if (number === state.requestNumber) failed("the server did not answer: " + e);
    return;
  }
  if (number !== state.requestNumber || response.status === 409) return;
  const answer = await response.json();
  if (!response.ok) {
    failed(answer.error || ("HTTP " + response.status));
    return;
  }
  await show(answer);
  if (number !== state.requestNumber) return;
  clearInterval(state.polling);
  state.polling = null;
  const seconds = (performance.now() - started) / 1000;
  state.lastTiming = seconds;
  state.lastAnswer = answer;
  setStatus("done: figure " + seconds.toFixed(1) + " s after the change (run " + answer.generation + ")", 1);
  document.body.dataset.generation = answer.generation;
}

function failed(message) {
  clearInterval(state.polling);
  state.polling = null;
  setStatus("not run", 0);
  $("error").textContent = message;
  $("error").hidden = false;
  document.body.dataset.error = message;
}

function show(answer) {
  const base = "files/" + answer.generation + "/";
  const tbody = $("metrics").querySelector("tbody");
  tbody.textContent = "";
  for (const row of answer.metrics) {
    const tr = document.createElement("tr");
    tr.dataset.metric = row.label;
    tr.dataset.arrow = row.arrow;
    const cells = [
      row.label + (row.unit === "1" ? "" : " (" + row.unit + ")"),
      formatNumber(row.control),
      formatNumber(row.value),
      row.arrow,
    ];
    cells.forEach((text, i) => {
      const td = document.createElement("td");
      td.textContent = text;
      if (i === 3) td.className = "arrow " + (row.arrow === "↑" ? "up" : row.arrow === "↓" ? "down" : "");
      tr.append(td);
    });
    tbody.append(tr);
  }
  $("toml").textContent = answer.toml;
  const links = $("downloads");
  links.textContent = "Download: ";
  for (const name of answer.files) {
    const a = document.createElement("a");
    a.href = base + name;
    a.download = state.preset.name + "-" + name;
    a.textContent = name;
    links.append(a);
  }
  return new Promise((resolve) => {
    const img = $("figure");
    img.onload = resolve;
    img.onerror = resolve;
    img.src = base + "figure.png";
  });
}

async function start() {
  const response = await fetch("api/setup");
  state.setup = await response.json();
  const select = $("preset");
  for (const preset of state.setup.presets) {
    const o = document.createElement("option");
    o.value = preset.name;
    o.textContent = preset.name + (preset.name === state.setup.control ? " (the control)" : "");
    select.append(o);
  }
  buildControls();
  select.addEventListener("change", () => {
    applyPreset(select.value);
    run();
  });
  $("reset").addEventListener("click", () => {
    applyPreset(select.value);
    run();
  });
  applyPreset(select.value);
  run();
}

start();
