// Governance pages, progressive enhancement only: every page works without this script.
// 1. <time data-countdown> elements, rendered by the server against its clock, tick every second.
//    The server's "now" travels with each one, so a skewed browser clock changes nothing.
// 2. [data-wallet-vote] blocks appear only when the browser has a wallet (window.ethereum): a vote is
//    then signed by the wallet (eth_signTypedData_v4) over the typed data the API hands out, and sent
//    to the API, which verifies it by recovering the signer.
// Both work from the document, so they survive Blazor's enhanced navigation.
(() => {
  "use strict";

  const pad = (n) => String(n).padStart(2, "0");

  function format(ms, day) {
    const total = Math.max(0, Math.floor(ms / 1000));
    const days = Math.floor(total / 86400);
    const clock = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
    return days > 0 ? `${days}${day} ${clock}` : clock;
  }

  function tick() {
    for (const time of document.querySelectorAll("time[data-countdown]")) {
      if (time.dataset.skew === undefined) {
        time.dataset.skew = String(Date.parse(time.dataset.serverNow) - Date.now());
      }

      const left = Date.parse(time.getAttribute("datetime")) - (Date.now() + Number(time.dataset.skew));
      const text = left > 0 ? format(left, time.dataset.day || "d") : time.dataset.elapsed;
      if (time.textContent !== text) {
        time.textContent = text;
      }
    }

    if (window.ethereum) {
      for (const block of document.querySelectorAll("[data-wallet-vote][hidden]")) {
        block.hidden = false;
      }
    }
  }

  const say = (block, text) => {
    const status = block.querySelector(".wallet-status");
    if (status) {
      status.textContent = text;
    }
  };

  async function problem(response, block) {
    try {
      const body = await response.json();
      const sentences = JSON.parse(block.dataset.errors || "{}");
      return sentences[body.code] || body.detail || block.dataset.failed;
    } catch {
      return block.dataset.failed;
    }
  }

  async function vote(button) {
    const block = button.closest("[data-wallet-vote]");
    const form = button.form;
    const reason = form ? (form.querySelector("[name='Reason']")?.value || "").trim() : "";
    const buttons = block.querySelectorAll("button");
    buttons.forEach((b) => { b.disabled = true; });
    window.mikoshiBusy.start(button);
    say(block, block.dataset.working);
    try {
      const [voter] = await window.ethereum.request({ method: "eth_requestAccounts" });
      const query = new URLSearchParams({ voter, choice: button.dataset.walletChoice, reason });
      const typed = await fetch(`${block.dataset.typedData}?${query}`, { credentials: "same-origin" });
      if (!typed.ok) {
        say(block, await problem(typed, block));
        return;
      }

      const data = await typed.json();
      const signature = await window.ethereum.request({ method: "eth_signTypedData_v4", params: [voter, JSON.stringify(data)] });
      const sent = await fetch(block.dataset.votes, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          choice: data.message.choice,
          voter: data.message.voter,
          nonce: Number(data.message.nonce),
          reason: data.message.reason,
          signature,
        }),
      });
      if (!sent.ok) {
        say(block, await problem(sent, block));
        return;
      }

      window.location.assign(block.dataset.done);
    } catch (error) {
      console.warn(error);
      say(block, block.dataset.failed);
    } finally {
      window.mikoshiBusy.stop(button);
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-wallet-choice]") : null;
    if (button && window.ethereum) {
      event.preventDefault();
      vote(button);
    }
  });

  tick();
  setInterval(tick, 1000);
})();
