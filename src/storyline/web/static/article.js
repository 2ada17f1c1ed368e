// The article page: a link ending in #c-START-END highlights exactly those characters of the text and
// scrolls to them. A span the briefing cites is already a <mark> with that id; any other span (a search
// hit's sentence) is marked here by walking the text, whose characters are the article's own, in order.
"use strict";

function spanOf(hash) {
  const match = /^#c-(\d+)-(\d+)$/.exec(hash);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function markRange(container, start, end, id) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const pieces = [];
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.data.length;
    const from = Math.max(start, offset), to = Math.min(end, offset + length);
    if (from < to) pieces.push([node, from - offset, to - offset]);
    offset += length;
    if (offset >= end) break;
  }
  let first = null;
  for (const [node, from, to] of pieces) {
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const mark = document.createElement("mark");
    mark.className = "current";
    range.surroundContents(mark);
    if (!first) { first = mark; mark.id = id; }
  }
  return first;
}

function showTarget() {
  const span = spanOf(window.location.hash);
  const container = document.getElementById("article-text");
  if (!span || !container) return;
  for (const previous of document.querySelectorAll("mark.current")) previous.classList.remove("current");
  const id = window.location.hash.slice(1);
  const target = document.getElementById(id) || markRange(container, span[0], span[1], id);
  if (!target) return;
  target.classList.add("current");
  target.scrollIntoView({ block: "center" });
}

window.addEventListener("hashchange", showTarget);
document.addEventListener("DOMContentLoaded", showTarget);
