# ruff: noqa: E501  (HTML, CSS and script lines read as they are written for a browser)
"""The requester's chat page (``GET /chat``): one small HTML page, Chinese first, with its
script: name, unit and contact, then the conversation over server-sent events. Kept in a
module, not a data file, so every way the server is installed (wheel, PyInstaller bundle,
.deb) serves it."""

from app.server import web_front

STYLE = """
#log { border: 1px solid #bdbdbd; border-radius: 8px; height: 360px; overflow-y: auto; padding: 8px; }
.me { text-align: right; } .me span { background: #d8eefa; }
.seat span { background: #eee; }
.msg span { display: inline-block; padding: 6px 10px; border-radius: 8px; margin: 3px 0; max-width: 80%; text-align: left; white-space: pre-wrap; }
.note { color: #607d8b; font-size: .9em; text-align: center; margin: 6px 0; }
"""

BODY = """
<h1>在线客服 <span class="en" lang="en">Online service desk</span></h1>
<form id="start">
  <label for="name">姓名 <span class="en" lang="en">Name</span></label><input id="name" required maxlength="80" autocomplete="name">
  <label for="unit">单位 <span class="en" lang="en">Unit</span></label><input id="unit" maxlength="120" autocomplete="organization">
  <label for="contact">电话或邮箱 <span class="en" lang="en">Phone or e-mail</span></label><input id="contact" required minlength="3" maxlength="120">
  <button type="submit">开始咨询 Start</button>
  <p id="start-error" class="error" role="alert"></p>
</form>
<section id="chat" hidden>
  <div id="log" role="log" aria-live="polite"></div>
  <form id="say">
    <label for="body">消息 <span class="en" lang="en">Message</span></label><textarea id="body" rows="3" maxlength="2000" required></textarea>
    <button type="submit">发送 Send</button>
    <p id="say-error" class="error" role="alert"></p>
  </form>
</section>
"""

SCRIPT = """
"use strict";
const KEY = "seatdesk-chat";
let chat = JSON.parse(localStorage.getItem(KEY) || "null");
const shown = new Set();
const log = document.getElementById("log");

function note(text) {
  const p = document.createElement("p"); p.className = "note"; p.textContent = text; log.appendChild(p);
}
function show(event) {
  if (shown.has(event.seq)) return;
  shown.add(event.seq);
  if (event.kind === "waiting") note("正在为您接入客服… Waiting for a seat…");
  else if (event.kind === "accepted") note("客服 " + event.author + " 为您服务 " + event.author + " is with you");
  else if (event.kind === "ended") { note("会话已结束 The chat has ended"); document.getElementById("say").hidden = true; }
  else {
    const p = document.createElement("p");
    p.className = "msg " + (event.author ? "seat" : "me");
    const span = document.createElement("span");
    span.textContent = (event.author ? event.author + ": " : "") + event.body;
    p.appendChild(span); log.appendChild(p);
  }
  log.scrollTop = log.scrollHeight;
}
// The server's rate limit (429): what happened and when to try again, in both languages.
function refusal(answer, zh, en) {
  if (answer.status !== 429) return "";
  const seconds = parseInt(answer.headers.get("Retry-After") || "60", 10);
  const minutes = Math.ceil(seconds / 60);
  return seconds > 90 ? zh + "，请 " + minutes + " 分钟后再试。" + en + ": please try again in " + minutes + " min."
    : zh + "，请 " + seconds + " 秒后再试。" + en + ": please try again in " + seconds + " s.";
}
function open() {
  document.getElementById("start").hidden = true;
  document.getElementById("chat").hidden = false;
  const stream = new EventSource("/v1/chat/" + chat.chat_id + "/stream?token=" + encodeURIComponent(chat.token));
  stream.onmessage = (e) => show(JSON.parse(e.data));
}
document.getElementById("start").addEventListener("submit", async (e) => {
  e.preventDefault();
  const field = (id) => document.getElementById(id).value;
  const body = {name: field("name"), unit: field("unit"), contact: field("contact")};
  const answer = await fetch("/v1/chat/start", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  if (!answer.ok) { document.getElementById("start-error").textContent = refusal(answer, "同一网络发起的咨询过多", "Too many chats from this network") || "请检查填写内容 Please check the form (" + answer.status + ")"; return; }
  chat = await answer.json();
  localStorage.setItem(KEY, JSON.stringify(chat));
  open();
});
document.getElementById("say").addEventListener("submit", async (e) => {
  e.preventDefault();
  const text = document.getElementById("body");
  const answer = await fetch("/v1/chat/" + chat.chat_id + "/messages", {method: "POST",
    headers: {"Content-Type": "application/json", "X-Chat-Token": chat.token}, body: JSON.stringify({body: text.value})});
  if (answer.ok) { text.value = ""; document.getElementById("say-error").textContent = ""; }
  else document.getElementById("say-error").textContent = refusal(answer, "发送太快了，消息未发送", "Sending too fast, not sent") || "未发送 Not sent (" + answer.status + ")";
});
if (chat) open();
"""

PAGE = web_front.page("在线客服 Online service desk", BODY, style=STYLE, script=SCRIPT)
