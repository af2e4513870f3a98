// Sign-In with Ethereum (EIP-4361) from the browser's wallet (window.ethereum), progressive enhancement only:
// the pages work without it, and without a wallet the button says so.
// A [data-siwe] block's button asks the wallet for its account, asks the server (data-nonce) for a nonce and the
// message to sign, has the wallet sign it with personal_sign (EIP-191), and posts message and signature to
// data-verify. The server checks everything; on success the page goes to data-done.
// Used by the sign-in page (sign in, with a session cookie) and the account page (link a wallet).
(() => {
  "use strict";

  const say = (block, text) => {
    const status = block.querySelector(".siwe-status");
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

  // personal_sign takes the message as hex of its UTF-8 bytes.
  const hexOf = (text) => "0x" + Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, "0")).join("");

  const post = (url, body) => fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

  async function run(block, button) {
    if (!window.ethereum) {
      say(block, block.dataset.noWallet);
      return;
    }

    window.mikoshiBusy.start(button);
    say(block, block.dataset.working);
    try {
      const [account] = await window.ethereum.request({ method: "eth_requestAccounts" });
      const nonce = await post(block.dataset.nonce, { address: account });
      if (!nonce.ok) {
        say(block, await problem(nonce, block));
        return;
      }

      const { message } = await nonce.json();
      const signature = await window.ethereum.request({ method: "personal_sign", params: [hexOf(message), account] });
      const sent = await post(block.dataset.verify, { message, signature });
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
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-siwe-start]") : null;
    const block = button ? button.closest("[data-siwe]") : null;
    if (block) {
      event.preventDefault();
      run(block, button);
    }
  });
})();
