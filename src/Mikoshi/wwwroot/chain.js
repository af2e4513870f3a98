// Chain mode, progressive enhancement only: the earnings page shows the on-chain claim either way.
// [data-chain-claim] blocks appear only when the browser has a wallet (window.ethereum). Their button
// sends claim(asset, epoch, account, cumulative, proof) to the claims contract from the wallet, with
// the calldata ABI-encoded here from the values the server rendered (the proof is the API's).
// The money goes to the account in the proof whoever sends it; the indexer mirrors the claim later.
(() => {
  "use strict";

  // The first four bytes of keccak256("claim(address,uint256,address,uint256,bytes32[])").
  const claimSelector = "12d18ed6";

  const word = (hex) => {
    const digits = hex.replace(/^0x/, "").toLowerCase();
    if (!/^[0-9a-f]{0,64}$/.test(digits)) {
      throw new Error(`not a 32-byte word: ${hex}`);
    }

    return digits.padStart(64, "0");
  };

  // Decimal text to a 32-byte word through BigInt: wei never passes through a floating-point number.
  const uint = (decimal) => word(BigInt(decimal).toString(16));

  function claimCalldata(block, proof) {
    const head = [
      word(block.dataset.assetAddress),
      uint(block.dataset.epoch),
      word(block.dataset.account),
      uint(block.dataset.cumulative),
      uint(5 * 32), // where the proof's array starts, after the five head words
    ];
    return "0x" + claimSelector + head.join("") + uint(proof.length) + proof.map(word).join("");
  }

  const say = (block, text) => {
    const status = block.querySelector(".wallet-status");
    if (status) {
      status.textContent = text;
    }
  };

  function show() {
    if (window.ethereum) {
      for (const block of document.querySelectorAll("[data-chain-claim][hidden]")) {
        block.hidden = false;
      }
    }
  }

  // The wallet must be on the community's chain: a claim sent elsewhere would go to whatever lives at that
  // address there. Ask the wallet to switch; if it will not, say so and send nothing.
  async function onTheRightChain(block) {
    const wanted = "0x" + BigInt(block.dataset.chainId).toString(16);
    const current = await window.ethereum.request({ method: "eth_chainId" });
    if (BigInt(current) === BigInt(wanted)) {
      return true;
    }

    try {
      await window.ethereum.request({ method: "wallet_switchEthereumChain", params: [{ chainId: wanted }] });
      return BigInt(await window.ethereum.request({ method: "eth_chainId" })) === BigInt(wanted);
    } catch {
      return false;
    }
  }

  async function claim(button) {
    const block = button.closest("[data-chain-claim]");
    window.mikoshiBusy.start(button);
    say(block, block.dataset.working);
    try {
      if (!(await onTheRightChain(block))) {
        say(block, block.dataset.wrongChain);
        window.mikoshiBusy.stop(button);
        return;
      }

      const [from] = await window.ethereum.request({ method: "eth_requestAccounts" });
      const data = claimCalldata(block, JSON.parse(block.dataset.proof));
      const hash = await window.ethereum.request({
        method: "eth_sendTransaction",
        params: [{ from, to: block.dataset.claims, data, value: "0x0" }],
      });
      const sent = block.querySelector("[data-chain-sent]");
      sent.querySelector("code").textContent = hash;
      sent.hidden = false;
      say(block, "");
      // Sent: the button stays disabled (one claim per proof), but no longer busy.
      window.mikoshiBusy.stop(button);
      button.disabled = true;
    } catch (error) {
      console.warn(error);
      say(block, block.dataset.failed);
      window.mikoshiBusy.stop(button);
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-chain-claim-send]") : null;
    if (button && window.ethereum) {
      event.preventDefault();
      claim(button);
    }
  });

  show();
  setInterval(show, 1000);
})();
